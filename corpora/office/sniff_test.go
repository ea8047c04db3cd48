package office

import (
	"concord/corpora/testenv"
	"path/filepath"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	_, text := l15(t)
	for _, c := range []struct {
		name string
		data string
		want Format
	}{
		{"L15", string(text), FormatText},
		{"empty", "", FormatText},
		{"word", "udhr", FormatText},
		{"minimal", "<udhr/>", FormatUDHR},
		{"prolog", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<!DOCTYPE udhr>\n<?pi x?>\n  <udhr xmlns=\"http://efele.net/udhr\" xml:lang=\"en\">", FormatUDHR},
		{"prefixed", "<u:udhr xmlns:u=\"http://efele.net/udhr\"></u:udhr>", FormatUDHR},
		{"other xml", "<?xml version=\"1.0\"?><html><udhr/></html>", FormatText},
		{"text first", "Article 1\n<udhr/>", FormatText},
		{"truncated", "<udhr", FormatText},
		{"root past 64 KiB", "<!--" + strings.Repeat("x", 70_000) + "--><udhr/>", FormatText},
		{"gb18030 declaration", "<?xml version=\"1.0\" encoding=\"GB18030\"?><udhr/>", FormatUDHR},
	} {
		if got := Sniff([]byte(c.data)); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
	if FormatText.String() != "text" || FormatUDHR.String() != "udhr" || Format(9).String() != "Format(9)" {
		t.Error("Format.String")
	}
}

func TestSniffCorpus(t *testing.T) {
	dir := testenv.Corpora(t)
	udhr, _ := filepath.Glob(filepath.Join(dir, "udhr", "*.xml"))
	if len(udhr) == 0 {
		t.Error("no UDHR files in the corpus")
	}
	for _, f := range udhr {
		if got := Sniff(readFile(t, f)); got != FormatUDHR {
			t.Errorf("%s: Sniff = %v", filepath.Base(f), got)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	md, _ := filepath.Glob(filepath.Join(dir, "treaties-en-nl", "*.md"))
	for _, f := range append(files, md...) {
		rel, _ := filepath.Rel(dir, f)
		if got := Sniff(readFile(t, f)); got != FormatText {
			t.Errorf("%s: Sniff = %v", rel, got)
		}
	}
}
