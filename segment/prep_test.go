package segment

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestPrepAhead: a long text, its lines prepared ahead on a goroutine of
// their own, parses to the document that preparing them as the parser
// reaches them gives, with look-ahead across the chunks handed on (a run
// of blank lines longer than a chunk before a label) and lines of marks,
// markup and stray brackets.
func TestPrepAhead(t *testing.T) {
	tail := "\n第九十条 [暂定]\n" + strings.Repeat("\n", 3*prepChunk) + "1. 缔约国应当：\n- (a) **采取**措施；[\n[非正式会议商定]\n" +
		strings.Repeat("\n", prepChunk+7) + "(b) 开展合作。\n"
	l15, err := os.ReadFile("../corpora/default/L15.zh.txt") // the embedded default
	if err != nil {
		t.Fatal(err)
	}
	repeat := func(n int) string { return strings.Repeat(string(l15)+"\n", n/len(l15)+1) }
	for _, text := range []string{repeat(3*parallelPrepBytes) + tail, tail + repeat(2*parallelPrepBytes)} {
		ahead, err := Parse("long.txt", text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		saved := parallelPrepBytes
		parallelPrepBytes = len(text) + 1
		reached, err := Parse("long.txt", text, Options{})
		parallelPrepBytes = saved
		if err != nil {
			t.Fatal(err)
		}
		if len(ahead.Units) < 20 || len(ahead.Warnings) == 0 || len(ahead.Markup) == 0 {
			t.Fatalf("%d units, %d warnings, %d markup spans: want a long draft with all three", len(ahead.Units), len(ahead.Warnings), len(ahead.Markup))
		}
		if !reflect.DeepEqual(ahead, reached) {
			t.Errorf("the document differs between lines prepared ahead and as reached")
		}
	}
}
