package checkout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"concord/align/check"
)

func TestWriters(t *testing.T) {
	r := &check.Report{Names: []string{"zh.txt", "ar.txt"}, Findings: []check.Finding{
		{Kind: check.Status, Langs: []string{"ar"}, Message: "ar.txt carries no status marks"},
		{Addr: "art.12", Kind: check.Latin, Langs: []string{"zh"}, Message: `stray "and" | *here*`},
	}}
	var b bytes.Buffer
	if err := Text(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "(document)  status     ar     ar.txt carries") || !strings.HasSuffix(b.String(), "2 findings: 1 status, 1 latin\n") {
		t.Errorf("text:\n%s", b.String())
	}
	b.Reset()
	if err := JSON(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil || len(got) != 2 || got[0]["addr"] != "" || got[1]["kind"] != "latin" {
		t.Errorf("json %v %v", got, err)
	}
	b.Reset()
	if err := Markdown(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| art.12 | latin | zh | stray \"and\" \\| \\*here\\* |") {
		t.Errorf("markdown:\n%s", b.String())
	}
	b.Reset()
	if err := Text(&b, &check.Report{}, Options{}); err != nil || b.String() != "no findings\n" {
		t.Errorf("no findings: %q", b.String())
	}
}
