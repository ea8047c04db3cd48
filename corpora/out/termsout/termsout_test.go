package termsout

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/align/terms"
	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/corpora/testenv"
	"concord/segment"
)

// glossary is a small glossary of every kind of entry and issue.
func glossary() *terms.Glossary {
	return &terms.Glossary{
		Langs: []string{"zh", "en"}, Names: []string{"zh.txt", "en.txt"},
		Entries: []terms.Entry{
			{Kind: terms.KindDefined, Addr: "art.2.k", Terms: map[string]string{"zh": "冻结", "en": "Freezing"},
				Definition: map[string]string{"zh": "暂时禁止财产转移", "en": "temporarily prohibiting <transfer> & \"movement\""},
				Freq:       2, Occurrences: []string{"art.2.k", "art.31"}, Found: map[string][]string{"zh": {"art.2.k", "art.31"}, "en": {"art.2.k"}},
				Context: map[string]string{"zh": "缔约国可冻结财产。", "en": "States may freeze\nproperty."}, Sources: map[string]string{"zh": "zh.txt", "en": "en.txt"}},
			{Kind: terms.KindDefined, Addr: "art.2.k", Terms: map[string]string{"zh": "扣押", "en": "seizure"},
				Definition: map[string]string{"zh": "暂时禁止财产转移", "en": "temporarily prohibiting <transfer> & \"movement\""},
				Freq:       1, Occurrences: []string{"art.2.k"}, Sources: map[string]string{"zh": "zh.txt", "en": "en.txt"}},
			{Kind: terms.KindCandidate, Addr: "art.3", Terms: map[string]string{"zh": "委员会", "en": "Committee"},
				Score: 12.34567, Freq: 3, Occurrences: []string{"art.3", "art.4"}, Context: map[string]string{"zh": "委员会审议。"}},
		},
		Issues: []terms.Issue{
			{Kind: terms.IssueRenderings, Lang: "zh", Term: "委员会", Renderings: []terms.Rendering{
				{Lang: "en", Text: "Committee", Addrs: []string{"art.3"}}, {Lang: "en", Text: "Commission", Addrs: []string{"art.4", "art.5"}}},
				Message: `zh "委员会" rendered in en as "Committee" and as "Commission"`},
			{Kind: terms.IssueForm, Lang: "zh", Term: "冻结", Addr: "art.2.k", Renderings: []terms.Rendering{{Lang: "zh", Text: "冻 结", Addrs: []string{"art.9"}}},
				Message: `defined term "冻结" (art.2.k) also used as "冻 结" at art.9`},
		},
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, glossary(), Options{}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(got) != 3 {
		t.Fatalf("%d entries", len(got))
	}
	for i, e := range got {
		for _, k := range []string{"terms", "kind", "addr", "definition", "score", "confidence", "freq", "occurrences", "context"} {
			if _, ok := e[k]; !ok {
				t.Errorf("entry %d lacks %q", i, k)
			}
			if e[k] == nil {
				t.Errorf("entry %d: %q is null", i, k)
			}
		}
	}
	if got[2]["score"].(float64) != 12.346 || got[0]["terms"].(map[string]any)["en"] != "Freezing" || got[2]["kind"] != "candidate" {
		t.Errorf("entries %v", got)
	}
	if strings.Contains(b.String(), `\u003c`) {
		t.Error("HTML characters escaped")
	}
	b.Reset()
	if err := JSON(&b, &terms.Glossary{}, Options{}); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty glossary: %q %v", b.String(), err)
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, glossary(), Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := "kind addr term_zh term_en definition_zh definition_en score confidence freq occurrences context_zh context_en"
	if strings.Join(rows[0], " ") != head {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != 4 || rows[3][6] != "12.346" || rows[1][9] != "art.2.k art.31" || rows[1][11] != "States may freeze\nproperty." {
		t.Errorf("rows %q", rows)
	}
}

func TestTBXWellFormed(t *testing.T) {
	var b bytes.Buffer
	if err := TBX(&b, glossary(), Options{Title: "test & <glossary>"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	dec := xml.NewDecoder(strings.NewReader(out))
	concepts, termSecs := 0, 0
	var statuses []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "conceptEntry":
				concepts++
			case "termSec":
				termSecs++
			case "termNote":
				tok, _ := dec.Token()
				statuses = append(statuses, string(tok.(xml.CharData)))
			}
		}
	}
	// (k) is one concept with two terms per language; the candidate has
	// an admitted other rendering, 冻结 a deprecated form
	if concepts != 2 || termSecs != 8 {
		t.Errorf("%d concepts, %d termSecs; want 2 and 8\n%s", concepts, termSecs, out)
	}
	want := "preferred deprecated preferred preferred preferred admitted admitted admitted"
	if got := strings.ReplaceAll(strings.Join(statuses, " "), "Term-admn-sts", ""); got != want {
		t.Errorf("statuses %s, want %s", got, want)
	}
	if !strings.Contains(out, `<tbx type="TBX-Basic" style="dca" xml:lang="zh" xmlns="urn:iso:std:iso:30042:ed-2">`) ||
		!strings.Contains(out, "<title>test &amp; &lt;glossary&gt;</title>") ||
		!strings.Contains(out, `<admin type="source">zh.txt art.2.k</admin>`) ||
		!strings.Contains(out, `<descrip type="context">States may freeze property.</descrip>`) {
		t.Errorf("TBX:\n%s", out)
	}
	// concord reads its own TBX back as a glossary
	path := filepath.Join(t.TempDir(), "g.tbx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := corpora.ReadGlossary(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != 2 || g[0]["zh"] != "冻结" || g[0]["en"] != "Freezing" || g[1]["en"] != "Committee" {
		t.Errorf("read back: %v", g)
	}
}

func TestTBXValidates(t *testing.T) {
	var b bytes.Buffer
	if err := TBX(&b, glossary(), Options{Title: "test"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "g.tbx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	testenv.ValidateTBX(t, path)
}

// TestTBXL15Arabic validates the glossary of the L.15 draft and the
// Arabic articles 1–15 with both validators.
func TestTBXL15Arabic(t *testing.T) {
	g, err := terms.Extract([]*segment.Document{testdocs.L15(t), testdocs.Arabic(t)}, terms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := TBX(&b, g, Options{Title: "L.15 zh-ar"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `<conceptEntry id="def-`); n != 15 {
		t.Errorf("%d defined concepts, want 15", n)
	}
	path := filepath.Join(t.TempDir(), "l15.tbx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	testenv.ValidateTBX(t, path)
}
