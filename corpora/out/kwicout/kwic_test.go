package kwicout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"concord/align/terms"
)

func TestWriters(t *testing.T) {
	c := &terms.Concordance{Langs: []string{"zh", "en"}, Hits: []terms.Hit{{Addr: "art.2.1", Lang: "zh", Version: 0, Left: "各", Match: "服务", Right: "应当\t免费", Text: "各服务应当\t免费。",
		Aligned: []terms.Aligned{{Lang: "en", Addr: "art.2.1", Text: "All services shall be free."}}, Score: 0.98765},
		{Addr: "art.3", Lang: "en", Version: 1, Match: "services", Text: "services", Aligned: []terms.Aligned{{Lang: "zh"}}}}}
	var b bytes.Buffer
	if err := Text(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "art.2.1\tzh\t各[服务]应当\t免费\n\ten\tAll services shall be free.\nart.3\ten\t [services]\n\tzh\t—\n2 occurrences\n"
	if b.String() != want {
		t.Errorf("text:\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := TSV(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || lines[0] != "addr\tlang\tleft\tmatch\tright\tscore\tzh\ten" ||
		lines[1] != "art.2.1\tzh\t各\t服务\t应当 免费\t0.988\t各服务应当 免费。\tAll services shall be free." {
		t.Errorf("tsv:\n%s", b.String())
	}
	b.Reset()
	if err := JSON(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil || len(got) != 2 || got[0]["sentence"] != "各服务应当\t免费。" {
		t.Errorf("json %v %v", got, err)
	}
}
