package termout

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

	"concord/align"
	"concord/corpora"
	"concord/corpora/testenv"
	"concord/segment"
)

// glossary is a small glossary of every kind of entry and issue.
func glossary() *align.Glossary {
	return &align.Glossary{
		Langs: []string{"zh", "en"}, Names: []string{"zh.txt", "en.txt"},
		Entries: []align.TermEntry{
			{Kind: align.TermDefined, Addr: "art.2.k", Terms: map[string]string{"zh": "冻结", "en": "Freezing"},
				Definition: map[string]string{"zh": "暂时禁止财产转移", "en": "temporarily prohibiting <transfer> & \"movement\""},
				Freq:       2, Occurrences: []string{"art.2.k", "art.31"}, Found: map[string][]string{"zh": {"art.2.k", "art.31"}, "en": {"art.2.k"}},
				Context: map[string]string{"zh": "缔约国可冻结财产。", "en": "States may freeze\nproperty."}, Sources: map[string]string{"zh": "zh.txt", "en": "en.txt"}},
			{Kind: align.TermDefined, Addr: "art.2.k", Terms: map[string]string{"zh": "扣押", "en": "seizure"},
				Definition: map[string]string{"zh": "暂时禁止财产转移", "en": "temporarily prohibiting <transfer> & \"movement\""},
				Freq:       1, Occurrences: []string{"art.2.k"}, Sources: map[string]string{"zh": "zh.txt", "en": "en.txt"}},
			{Kind: align.TermCandidate, Addr: "art.3", Terms: map[string]string{"zh": "委员会", "en": "Committee"},
				Score: 12.34567, Freq: 3, Occurrences: []string{"art.3", "art.4"}, Context: map[string]string{"zh": "委员会审议。"}},
		},
		Issues: []align.TermIssue{
			{Kind: align.IssueRenderings, Lang: "zh", Term: "委员会", Renderings: []align.Rendering{
				{Lang: "en", Text: "Committee", Addrs: []string{"art.3"}}, {Lang: "en", Text: "Commission", Addrs: []string{"art.4", "art.5"}}},
				Message: `zh "委员会" rendered in en as "Committee" and as "Commission"`},
			{Kind: align.IssueForm, Lang: "zh", Term: "冻结", Addr: "art.2.k", Renderings: []align.Rendering{{Lang: "zh", Text: "冻 结", Addrs: []string{"art.9"}}},
				Message: `defined term "冻结" (art.2.k) also used as "冻 结" at art.9`},
		},
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, glossary()); err != nil {
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
		for _, k := range []string{"terms", "kind", "addr", "definition", "score", "freq", "occurrences", "context"} {
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
	if err := JSON(&b, &align.Glossary{}); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty glossary: %q %v", b.String(), err)
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, glossary()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := "kind addr term_zh term_en definition_zh definition_en score freq occurrences context_zh context_en"
	if strings.Join(rows[0], " ") != head {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != 4 || rows[3][6] != "12.346" || rows[1][8] != "art.2.k art.31" || rows[1][10] != "States may freeze\nproperty." {
		t.Errorf("rows %q", rows)
	}
}

func TestTBXWellFormed(t *testing.T) {
	var b bytes.Buffer
	if err := TBX(&b, glossary(), "test & <glossary>"); err != nil {
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

// validateTBX checks a TBX file with both validators (see testenv).
func validateTBX(t *testing.T, path string) {
	t.Helper()
	testenv.ValidateTBX(t, path)
}

func TestTBXValidates(t *testing.T) {
	var b bytes.Buffer
	if err := TBX(&b, glossary(), "test"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "g.tbx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	validateTBX(t, path)
}

// TestTBXL15Arabic validates the glossary of the L.15 draft and the
// Arabic articles 1–15 with both validators.
func TestTBXL15Arabic(t *testing.T) {
	zh, err := corpora.LoadFile("", corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ar, err := corpora.LoadFile(testenv.File(t, "un-cybercrime/final.ar.art1-15.txt"), corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := align.Terms([]*segment.Document{zh, ar}, align.TermOptions{})
	var b bytes.Buffer
	if err := TBX(&b, g, "L.15 zh-ar"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `<conceptEntry id="def-`); n != 15 {
		t.Errorf("%d defined concepts, want 15", n)
	}
	path := filepath.Join(t.TempDir(), "l15.tbx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	validateTBX(t, path)
}

func TestKWICWriters(t *testing.T) {
	hits := []align.KWICHit{{Addr: "art.2.1", Lang: "zh", Version: 0, Left: "各", Match: "服务", Right: "应当\t免费", Text: "各服务应当\t免费。",
		Aligned: []align.KWICAligned{{Lang: "en", Addr: "art.2.1", Text: "All services shall be free."}}, Score: 0.98765},
		{Addr: "art.3", Lang: "en", Version: 1, Match: "services", Text: "services", Aligned: []align.KWICAligned{{Lang: "zh"}}}}
	var b bytes.Buffer
	if err := KWICText(&b, hits); err != nil {
		t.Fatal(err)
	}
	want := "art.2.1\tzh\t各[服务]应当\t免费\n\ten\tAll services shall be free.\nart.3\ten\t [services]\n\tzh\t—\n2 occurrences\n"
	if b.String() != want {
		t.Errorf("text:\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := KWICTSV(&b, hits, []string{"zh", "en"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || lines[0] != "addr\tlang\tleft\tmatch\tright\tscore\tzh\ten" ||
		lines[1] != "art.2.1\tzh\t各\t服务\t应当 免费\t0.988\t各服务应当 免费。\tAll services shall be free." {
		t.Errorf("tsv:\n%s", b.String())
	}
	b.Reset()
	if err := KWICJSON(&b, hits); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil || len(got) != 2 || got[0]["sentence"] != "各服务应当\t免费。" {
		t.Errorf("json %v %v", got, err)
	}
}

func TestCheckWriters(t *testing.T) {
	fs := []align.Finding{
		{Kind: align.FindStatus, Langs: []string{"ar"}, Message: "ar.txt carries no status marks"},
		{Addr: "art.12", Kind: align.FindLatin, Langs: []string{"zh"}, Message: `stray "and" | *here*`},
	}
	var b bytes.Buffer
	if err := CheckText(&b, fs); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "(document)  status     ar     ar.txt carries") || !strings.HasSuffix(b.String(), "2 findings: 1 status, 1 latin\n") {
		t.Errorf("text:\n%s", b.String())
	}
	b.Reset()
	if err := CheckJSON(&b, fs); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil || len(got) != 2 || got[0]["addr"] != "" || got[1]["kind"] != "latin" {
		t.Errorf("json %v %v", got, err)
	}
	b.Reset()
	if err := CheckMarkdown(&b, fs, []string{"zh.txt", "ar.txt"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| art.12 | latin | zh | stray \"and\" \\| \\*here\\* |") {
		t.Errorf("markdown:\n%s", b.String())
	}
	b.Reset()
	if err := CheckText(&b, nil); err != nil || b.String() != "no findings\n" {
		t.Errorf("no findings: %q", b.String())
	}
}
