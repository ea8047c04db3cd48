package termsout

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	data, ok := bytes.CutPrefix(b.Bytes(), []byte("\ufeff"))
	if !ok {
		t.Error("the CSV does not start with a UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
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
	if !strings.Contains(out, `<tbx type="TBX-Basic" style="dca" xml:lang="zh-CN" xmlns="urn:iso:std:iso:30042:ed-2">`) ||
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

// writeFile writes a glossary in a format to a file named name.
func writeFile(t *testing.T, name string, g *terms.Glossary, write func(io.Writer, *terms.Glossary, Options) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, g, Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCATImports: translate-toolkit's tbx2po and OmegaT's glossary
// readers import the TBX v2 (martif) glossary — the defined terms of the
// L.15 draft and its Arabic text included — and the tab-separated
// glossary; an empty glossary is a valid termbase in both TBX versions;
// concord reads its TBX v2 back too.
func TestCATImports(t *testing.T) {
	tbx2po := testenv.Tool(t, "tbx2po")
	l15, err := terms.Extract([]*segment.Document{testdocs.L15(t), testdocs.Arabic(t)}, terms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	empty := &terms.Glossary{Langs: []string{"zh", "en"}, Names: []string{"a.zh", "a.en"}}
	testenv.ValidateTBX(t, writeFile(t, "empty.tbx", empty, TBX))
	fixture := writeFile(t, "fixture.tbx", glossary(), TBX2)
	tsv := writeFile(t, "glossary.utf8", glossary(), TSV)
	emptyV2 := writeFile(t, "empty2.tbx", empty, TBX2)
	zhAr := writeFile(t, "l15.tbx", l15, TBX2)
	// tbx2po converts a folder at a time
	in, po := t.TempDir(), t.TempDir()
	for _, path := range []string{fixture, zhAr} {
		data, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(in, filepath.Base(path)), data, 0o644)
		if back, err := corpora.ReadGlossary(path); err != nil || len(back) == 0 {
			t.Errorf("%s read back: %v, %d entries", filepath.Base(path), err, len(back))
		}
	}
	if out, err := exec.Command(tbx2po, in, po).CombinedOutput(); err != nil || strings.Contains(string(out), "Error") {
		t.Errorf("tbx2po: %v\n%s", err, out)
	}
	for _, name := range []string{"fixture.po", "l15.po"} {
		pob, _ := os.ReadFile(filepath.Join(po, name))
		if strings.Count(string(pob), "msgid \"") < 3 {
			t.Errorf("tbx2po wrote %s:\n%s", name, pob)
		}
	}
	got := testenv.OmegaTGlossaries(t, "zh-CN", "en", fixture, "zh-CN", "en", tsv, "zh-CN", "en", emptyV2, "zh-CN", "ar", zhAr)
	zhEn := got
	for _, want := range []string{"冻结\tFreezing", "扣押\tseizure", "委员会\tCommittee", "委员会\tCommission"} {
		if !slices.Contains(zhEn[fixture], want) {
			t.Errorf("OmegaT read the TBX v2 without %q: %q", want, zhEn[fixture])
		}
	}
	if got := strings.Join(zhEn[tsv], "|"); got != "冻结\tFreezing|扣押\tseizure|委员会\tCommittee" {
		t.Errorf("OmegaT read the TSV as %q", got)
	}
	if len(zhEn[emptyV2]) != 0 {
		t.Errorf("OmegaT found entries in an empty glossary: %q", zhEn[emptyV2])
	}
	if ar := got[zhAr]; !slices.Contains(ar, "服务提供商\tمقدم الخدمة") {
		t.Errorf("OmegaT did not read 服务提供商 ↔ مقدم الخدمة; it read %d entries: %q", len(ar), ar[:min(len(ar), 5)])
	}
}

// TestTSVLayout: the tab-separated glossary holds source, target and a
// comment.
func TestTSVLayout(t *testing.T) {
	var b bytes.Buffer
	if err := TSV(&b, glossary(), Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "冻结\tFreezing\tdefined art.2.k: temporarily prohibiting <transfer> & \"movement\"" {
		t.Errorf("TSV:\n%s", b.String())
	}
}
