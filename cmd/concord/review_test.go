package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"concord/corpora/out/alignout"
	"concord/corpora/review"
	"concord/corpora/testenv"
)

// reviewDocs writes a small draft in Chinese, English and Arabic (no
// article 2 in Arabic; article 1 (b) two sentences in Chinese and English,
// one in Arabic) and returns their paths.
func reviewDocs(t *testing.T) (dir string, files []string) {
	t.Helper()
	dir = t.TempDir()
	for name, text := range map[string]string{
		"zh.txt": "第 1 条. 宗旨\n\n本公约的宗旨是：\n(a) 促进合作；[暂定]\n(b) 提供援助。这是第二句。\n\n第 2 条. 术语\n\n为本公约之目的：“数据”系指任何信息。\n",
		"en.txt": "Article 1. Purpose\nThe purposes of this Convention are:\n(a) To promote cooperation;\n(b) To provide assistance. This is a second sentence.\n\nArticle 2. Use of terms\nFor the purposes of this Convention: \"data\" means any information.\n",
		"ar.txt": "المادة 1: بيان الغرض\nأغراض هذه الاتفاقية هي:\n(أ) تشجيع التعاون؛\n(ب) تقديم المساعدة.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"zh.txt", "en.txt", "ar.txt"} {
		files = append(files, filepath.Join(dir, n))
	}
	return dir, files
}

func mustRun(t *testing.T, args ...string) (string, string) {
	t.Helper()
	out, errs, code := runConcord(t, args...)
	if code != 0 {
		t.Fatalf("concord %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out, errs
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// validateTMX checks a TMX file against the TMX 1.4b DTD with xmllint.
func validateTMX(t *testing.T, paths ...string) {
	t.Helper()
	xmllint := testenv.Tool(t, "xmllint")
	dtd := filepath.Join(testenv.Formats(t), "tmx14.dtd")
	args := append([]string{"--noout", "--dtdvalid", dtd}, paths...)
	if b, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, b)
	}
}

var tuRE = regexp.MustCompile(`(?s)<tu tuid="[^"]*">\n(.*?)    </tu>`)

// tus returns the bodies of a TMX's units (without their tuid) that hold
// two languages or more, and the number of the others.
func tus(tmx string) (bodies []string, single int) {
	for _, m := range tuRE.FindAllStringSubmatch(tmx, -1) {
		if strings.Count(m[1], "<tuv ") < 2 {
			single++
			continue
		}
		bodies = append(bodies, m[1])
	}
	return bodies, single
}

// TestReviewRoundTrip: align → xlsx → review gives, with no edits, the
// units of align --format tmx (those with one language are left out and
// counted on stderr), a TMX valid against the DTD; from TSV the same but
// for x-status, which TSV does not hold. The xlsx is the same bytes twice.
func TestReviewRoundTrip(t *testing.T) {
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	dir := t.TempDir()
	p := func(n string) string { return filepath.Join(dir, n) }
	mustRun(t, "align", ar, "-o", p("a.tmx"))
	mustRun(t, "align", ar, "-o", p("a.xlsx"))
	mustRun(t, "align", ar, "-o", p("b.xlsx"))
	mustRun(t, "align", ar, "-o", p("a.tsv"))
	if readFile(t, p("a.xlsx")) != readFile(t, p("b.xlsx")) {
		t.Error("two runs wrote different xlsx bytes")
	}
	want, single := tus(readFile(t, p("a.tmx")))
	if len(want) < 50 || single == 0 {
		t.Fatalf("%d units with two languages, %d with one", len(want), single)
	}
	_, errs := mustRun(t, "review", p("a.xlsx"), "-o", p("r.tmx"))
	validateTMX(t, p("r.tmx"))
	got, gotSingle := tus(readFile(t, p("r.tmx")))
	if gotSingle != 0 || strings.Join(got, "") != strings.Join(want, "") {
		t.Errorf("review of the unedited xlsx: %d units (%d with one language), want the %d of align --format tmx", len(got), gotSingle, len(want))
	}
	if !strings.Contains(errs, itoa(single)+" units with text in fewer than two languages left out") {
		t.Errorf("stderr does not count the %d units left out:\n%s", single, errs)
	}
	mustRun(t, "review", p("a.tsv"), "-o", p("t.tmx"))
	status := regexp.MustCompile(`      <prop type="x-status">[^<]*</prop>\n`)
	got, _ = tus(readFile(t, p("t.tmx")))
	if strings.Join(got, "") != status.ReplaceAllString(strings.Join(want, ""), "") {
		t.Error("review of the unedited TSV: not the units of align --format tmx less x-status")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestReviewEdits edits the sheet as a reviewer would — merges two rows,
// rejects one, splits one, edits a cell, adds a notes column — and checks
// the TMX, valid against the DTD.
func TestReviewEdits(t *testing.T) {
	dir, files := reviewDocs(t)
	sheet := filepath.Join(dir, "a.xlsx")
	mustRun(t, append([]string{"align"}, append(files, "-o", sheet)...)...)
	f, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := f.GetRows(review.Sheet)
	if strings.Join(head[0], " ") != "addr score status decision zh-CN en ar" || len(head) != 7 {
		t.Fatalf("sheet: %q", head)
	}
	for cell, v := range map[string]string{
		"D3": "merge",  // art.1's opening words join its heading
		"D5": "split",  // art.1.b: zh and en have two lines, ar one
		"D6": "reject", // art.2's heading
		"F7": "For the purposes of this Convention, “data” means any information.",
		"H1": "note", "H7": "quotes fixed",
	} {
		if err := f.SetCellStr(review.Sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	edited := filepath.Join(dir, "edited.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "memory.tmx")
	_, errs := mustRun(t, "review", edited, "-o", out)
	validateTMX(t, out)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="concord" creationtoolversion="1" segtype="sentence" o-tmf="concord" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <prop type="x-address">art.1</prop>
      <prop type="x-score">1</prop>
      <tuv xml:lang="zh-CN"><seg>宗旨本公约的宗旨是：</seg></tuv>
      <tuv xml:lang="en"><seg>Purpose The purposes of this Convention are:</seg></tuv>
      <tuv xml:lang="ar"><seg>بيان الغرض أغراض هذه الاتفاقية هي:</seg></tuv>
    </tu>
    <tu tuid="2">
      <prop type="x-address">art.1.a</prop>
      <prop type="x-status">ad-ref</prop>
      <prop type="x-score">1</prop>
      <tuv xml:lang="zh-CN"><seg>促进合作；</seg></tuv>
      <tuv xml:lang="en"><seg>To promote cooperation;</seg></tuv>
      <tuv xml:lang="ar"><seg>تشجيع التعاون؛</seg></tuv>
    </tu>
    <tu tuid="3">
      <prop type="x-address">art.1.b</prop>
      <prop type="x-score">1</prop>
      <tuv xml:lang="zh-CN"><seg>提供援助。</seg></tuv>
      <tuv xml:lang="en"><seg>To provide assistance.</seg></tuv>
      <tuv xml:lang="ar"><seg>تقديم المساعدة.</seg></tuv>
    </tu>
    <tu tuid="4">
      <prop type="x-address">art.1.b</prop>
      <prop type="x-score">1</prop>
      <tuv xml:lang="zh-CN"><seg>这是第二句。</seg></tuv>
      <tuv xml:lang="en"><seg>This is a second sentence.</seg></tuv>
    </tu>
    <tu tuid="5">
      <prop type="x-address">art.2</prop>
      <prop type="x-score">0.9982</prop>
      <tuv xml:lang="zh-CN"><seg>为本公约之目的：“数据”系指任何信息。</seg></tuv>
      <tuv xml:lang="en"><seg>For the purposes of this Convention, “data” means any information.</seg></tuv>
    </tu>
  </body>
</tmx>
`
	if got := readFile(t, out); got != want {
		t.Errorf("TMX:\n%s\nwant\n%s", got, want)
	}
	for _, w := range []string{"6 rows: 1 rejected, 1 merged, 1 split; 5 units", "columns ignored (not a language tag): note"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
}

// TestXLSXInOpenpyxl opens the review sheet of align and the glossary of
// terms with openpyxl, as a spreadsheet program would, and checks the
// rows, the frozen header, the highlighted low scores, the right-to-left
// Arabic cells and the decision drop-down.
func TestXLSXInOpenpyxl(t *testing.T) {
	python := testenv.Python(t, "openpyxl")
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	dir := t.TempDir()
	a, g := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "g.xlsx")
	mustRun(t, "align", ar, "-o", a)
	js, _ := mustRun(t, "align", ar, "--format", "json")
	mustRun(t, "terms", ar, "-o", g)
	script := filepath.Join(dir, "probe.py")
	os.WriteFile(script, []byte(probePy), 0o644)
	probe := func(path string) xlsxProbe {
		t.Helper()
		b, err := exec.Command(python, script, path).Output()
		if err != nil {
			t.Fatalf("openpyxl on %s: %v", path, err)
		}
		var p xlsxProbe
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var doc struct {
		Links []struct {
			Addr  string     `json:"addr"`
			Score float64    `json:"score"`
			Text  [][]string `json:"text"`
		} `json:"links"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	p := probe(a)
	if strings.Join(p.Sheets, ",") != "alignment,how to review" || p.Freeze != "A2" || p.Creator != "concord" {
		t.Errorf("sheets %v, frozen at %q, creator %q", p.Sheets, p.Freeze, p.Creator)
	}
	if len(p.Rows) != len(doc.Links)+1 || strings.Join(p.Rows[0].Values, " ") != "addr score status decision zh-CN ar" {
		t.Fatalf("%d rows (want %d), header %q", len(p.Rows), len(doc.Links)+1, p.Rows[0].Values)
	}
	if len(p.Validations) != 1 || !strings.HasPrefix(p.Validations[0], "D2:") || !strings.Contains(p.Validations[0], "ok,reject,merge,split") {
		t.Errorf("data validations %v", p.Validations)
	}
	low, rtl := 0, 0
	for i, l := range doc.Links {
		r := p.Rows[i+1]
		if r.Values[0] != l.Addr || r.Values[4] != strings.Join(l.Text[0], "\n") || r.Values[5] != strings.Join(l.Text[1], "\n") {
			t.Fatalf("row %d: %q, want link %+v", i+2, r.Values, l)
		}
		if highlighted := r.Fill == "FFFFF3CD"; highlighted != (l.Score < alignout.LowScore) {
			t.Errorf("row %d (score %g): highlighted %v", i+2, l.Score, highlighted)
		} else if highlighted {
			low++
		}
		if r.ReadingOrder[5] != 2 || r.ReadingOrder[4] != 0 || !r.Wrap[4] {
			t.Errorf("row %d: reading order %v, wrap %v", i+2, r.ReadingOrder, r.Wrap)
		}
		if r.Values[5] != "" {
			rtl++
		}
	}
	if low == 0 || rtl == 0 {
		t.Errorf("%d highlighted rows, %d Arabic cells: the test proves nothing", low, rtl)
	}
	p = probe(g)
	if len(p.Rows) < 16 || p.Rows[0].Values[3] != "ar" || p.Rows[1].ReadingOrder[3] != 2 || p.Rows[1].Values[3] == "" {
		t.Errorf("glossary: %d rows, header %q, row 2 %q %v", len(p.Rows), p.Rows[0].Values, p.Rows[1].Values, p.Rows[1].ReadingOrder)
	}
}

type xlsxProbe struct {
	Sheets      []string `json:"sheets"`
	Freeze      string   `json:"freeze"`
	Creator     string   `json:"creator"`
	Validations []string `json:"validations"`
	Rows        []struct {
		Values       []string `json:"values"`
		Fill         string   `json:"fill"`
		ReadingOrder []int    `json:"reading_order"`
		Wrap         []bool   `json:"wrap"`
	} `json:"rows"`
}

// probePy prints what openpyxl sees in a workbook's first sheet, as JSON.
const probePy = `import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[wb.sheetnames[0]]
rows = []
for row in ws.iter_rows():
    fill = row[0].fill
    rows.append({
        "values": ["" if c.value is None else str(c.value) for c in row],
        "fill": fill.fgColor.rgb if fill is not None and fill.fill_type == "solid" else "",
        "reading_order": [int(c.alignment.readingOrder or 0) for c in row],
        "wrap": [bool(c.alignment.wrap_text) for c in row],
    })
json.dump({
    "sheets": wb.sheetnames,
    "freeze": ws.freeze_panes,
    "creator": wb.properties.creator,
    "validations": [str(dv.sqref) + " " + str(dv.formula1) for dv in ws.data_validations.dataValidation],
    "rows": rows,
}, sys.stdout, ensure_ascii=False)
`

// TestAlignPairs: --pairs writes one bilingual TMX per pair of the pivot
// with another version, valid, with the two languages only, in single and
// batch mode; it needs -o and TMX.
func TestAlignPairs(t *testing.T) {
	dir, files := reviewDocs(t)
	out := filepath.Join(dir, "memory.tmx")
	mustRun(t, append([]string{"align"}, append(files, "-o", out, "--pairs")...)...)
	pairs := map[string][]string{"memory.zh-CN_en.tmx": {"zh-CN", "en"}, "memory.zh-CN_ar.tmx": {"zh-CN", "ar"}}
	var paths []string
	for name, langs := range pairs {
		p := filepath.Join(dir, name)
		paths = append(paths, p)
		tmx := readFile(t, p)
		bodies, single := tus(tmx)
		if single != 0 || len(bodies) == 0 {
			t.Errorf("%s: %d units, %d with one language", name, len(bodies), single)
		}
		for _, b := range bodies {
			if strings.Count(b, "<tuv ") != 2 || !strings.Contains(b, `<tuv xml:lang="`+langs[0]+`">`) || !strings.Contains(b, `<tuv xml:lang="`+langs[1]+`">`) {
				t.Errorf("%s: unit\n%s", name, b)
			}
		}
	}
	if n := len(tus2(readFile(t, filepath.Join(dir, "memory.zh-CN_ar.tmx")))); n != 4 {
		t.Errorf("zh-CN_ar: %d units, want the 4 links of article 1", n)
	}
	validateTMX(t, append(paths, out)...)

	// batch: a directory of sets, a TMX per set and pair
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	for i, l := range []string{"zh", "en", "ar"} {
		os.WriteFile(filepath.Join(corpus, "doc1."+l+".txt"), []byte(readFile(t, files[i])), 0o644)
	}
	outDir := filepath.Join(dir, "out")
	mustRun(t, "align", "--batch-dir", corpus, "--lang", "zh,en,ar", "--out-dir", outDir, "--format", "tmx", "--pairs", "--quiet", "-o", filepath.Join(dir, "status.jsonl"))
	for _, name := range []string{"doc1.tmx", "doc1.zh-CN_en.tmx", "doc1.zh-CN_ar.tmx"} {
		p := filepath.Join(outDir, name)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("batch: %v", err)
		}
		validateTMX(t, p)
	}
	if a, b := readFile(t, filepath.Join(outDir, "doc1.zh-CN_ar.tmx")), readFile(t, filepath.Join(dir, "memory.zh-CN_ar.tmx")); a != b {
		t.Error("batch pair file differs from the single run's")
	}
	// a symbolic link in --out-dir where a pair file goes is not followed
	outside := filepath.Join(dir, "outside.tmx")
	os.WriteFile(outside, []byte("keep"), 0o644)
	linked := filepath.Join(dir, "out2")
	os.Mkdir(linked, 0o755)
	if err := os.Symlink(outside, filepath.Join(linked, "doc1.zh-CN_en.tmx")); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runConcord(t, "align", "--batch-dir", corpus, "--lang", "zh,en,ar", "--out-dir", linked, "--format", "tmx", "--pairs", "--quiet", "-o", filepath.Join(dir, "status2.jsonl")); code != exitTrouble {
		t.Errorf("a symbolic link at a pair file's path: exit %d, want %d", code, exitTrouble)
	}
	if readFile(t, outside) != "keep" {
		t.Error("the pair file was written through a symbolic link out of --out-dir")
	}

	for _, args := range [][]string{
		{"align", files[0], files[1], "--pairs"},
		{"align", files[0], files[1], "--pairs", "-o", filepath.Join(dir, "x.json")},
		{"align", "--batch-dir", corpus, "--pairs", "--format", "tmx", "-o", filepath.Join(dir, "all.tmx")},
		{"align", files[0], files[1], "--min-score", "1.5"},
	} {
		if _, errs, code := runConcord(t, args...); code != exitTrouble || errs == "" {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}

func tus2(tmx string) []string { b, _ := tus(tmx); return b }

// TestAlignMinScore: --min-score keeps the sure links in TMX and TSV, in
// single and batch mode; JSON keeps them all.
func TestAlignMinScore(t *testing.T) {
	dir, files := reviewDocs(t)
	args := func(extra ...string) []string { return append(append([]string{"align"}, files...), extra...) }
	all, _ := mustRun(t, args("--format", "tmx")...)
	sure, _ := mustRun(t, args("--format", "tmx", "--min-score", "0.99")...)
	scores := regexp.MustCompile(`x-score">([0-9.]+)<`)
	if n, m := len(scores.FindAllString(all, -1)), len(scores.FindAllStringSubmatch(sure, -1)); m == 0 || m >= n {
		t.Fatalf("--min-score 0.99 kept %d of %d units", m, n)
	}
	for _, s := range scores.FindAllStringSubmatch(sure, -1) {
		if s[1] < "0.99" && s[1] != "1" {
			t.Errorf("unit scored %s kept", s[1])
		}
	}
	if !strings.Contains(sure, `<tu tuid="3">`) {
		t.Error("the units do not keep their link's number")
	}
	tsv, _ := mustRun(t, args("--format", "tsv", "--min-score", "0.99")...)
	if strings.Count(tsv, "\n") != len(scores.FindAllString(sure, -1))+1 {
		t.Errorf("TSV:\n%s", tsv)
	}
	js1, _ := mustRun(t, args("--format", "json")...)
	js2, _ := mustRun(t, args("--format", "json", "--min-score", "0.99")...)
	if js1 != js2 {
		t.Error("--min-score changed the JSON")
	}
	manifest := filepath.Join(dir, "sets.tsv")
	os.WriteFile(manifest, []byte("zh\ten\tar\n"+strings.Join(files, "\t")+"\n"), 0o644)
	batch, _ := mustRun(t, "align", "--batch", manifest, "--format", "tmx", "--min-score", "0.99", "--quiet")
	if a, b := len(tus2(batch)), len(tus2(sure)); a != b {
		t.Errorf("batch TMX: %d units, single run %d", a, b)
	}
}
