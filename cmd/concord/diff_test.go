package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"concord/corpora"
	"concord/corpora/testenv"
)

// diffFixture is the path of a file of testdata/diff.
func diffFixture(name string) string {
	return filepath.Join("..", "..", "testdata", "diff", name)
}

// goldenDiff compares got with testdata/diff/name, or rewrites it with
// -update.
func goldenDiff(t *testing.T, name, got string) {
	t.Helper()
	golden(t, filepath.Join("..", "diff", name), got)
}

func TestDiffGolden(t *testing.T) {
	zh := []string{diffFixture("draft.old.txt"), diffFixture("draft.new.txt")}
	en := []string{diffFixture("convention.en.old.md"), diffFixture("convention.en.new.md"), "--lang", "en"}
	for _, tc := range []struct {
		golden string
		files  []string
		args   []string
	}{
		{"draft.txt.golden", zh, []string{"--format", "text"}},
		{"draft.md.golden", zh, []string{"--format", "md"}},
		{"draft.html.golden", zh, []string{"--format", "html"}},
		{"draft.json.golden", zh, []string{"--format", "json"}},
		{"draft.status.md.golden", zh, []string{"--format", "md", "--status-only"}},
		{"draft.strict-char.txt.golden", zh, []string{"--strict", "--granularity", "char"}},
		{"draft.color.txt.golden", zh, []string{"--color", "always"}},
		{"convention.en.txt.golden", en, nil},
		{"convention.en.md.golden", en, []string{"--format", "md"}},
		{"convention.en.json.golden", en, []string{"--format", "json"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			args := append(append([]string{"diff"}, tc.files...), tc.args...)
			out, errs, code := runConcord(t, args...)
			if code != exitFinding {
				t.Fatalf("exit %d, want 1 (stderr %q)", code, errs)
			}
			if errs != "" {
				t.Errorf("stderr: %q", errs)
			}
			goldenDiff(t, tc.golden, out)
			again, _, _ := runConcord(t, args...)
			if again != out {
				t.Error("output differs between two runs")
			}
		})
	}
}

func TestDiffExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	old := diffFixture("draft.old.txt")
	data, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	same := write("same.txt", string(data))
	form := write("form.txt", strings.NewReplacer("：", ":", "总则", "总 则", "- (", "(").Replace(string(data)))
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"identical", []string{"diff", old, same}, exitOK, ""},
		{"form only", []string{"diff", old, form}, exitOK, ""},
		{"form only, strict", []string{"diff", old, form, "--strict"}, exitFinding, ""},
		{"missing old", []string{"diff", filepath.Join(dir, "nope.txt"), old}, exitTrouble, "nope.txt:"},
		{"missing new", []string{"diff", old, filepath.Join(dir, "gone.txt")}, exitTrouble, "gone.txt:"},
		{"empty", []string{"diff", old, write("empty.txt", "")}, exitTrouble, "empty.txt: empty"},
		{"binary", []string{"diff", write("bin.dat", "\x7fELF\x00\x00\x01"), old}, exitTrouble, "bin.dat: binary"},
		{"no files", []string{"diff"}, exitTrouble, "want OLD and NEW"},
		{"three files", []string{"diff", old, old, old}, exitTrouble, "want OLD and NEW"},
		{"unknown format", []string{"diff", old, same, "--format", "xml"}, exitTrouble, "unknown format"},
		{"unknown granularity", []string{"diff", old, same, "--granularity", "line"}, exitTrouble, "unknown granularity"},
		{"unknown color", []string{"diff", old, same, "--color", "sometimes"}, exitTrouble, "unknown color"},
		{"unknown lang", []string{"diff", old, same, "--lang", "de"}, exitTrouble, "unknown language"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runConcord(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if tc.err != "" && !strings.Contains(errs, tc.err) {
				t.Errorf("stderr %q does not say %q", errs, tc.err)
			}
			if tc.code == exitTrouble && out != "" {
				t.Errorf("stdout not empty: %q", out)
			}
		})
	}
}

// TestDiffL15Insert inserts an article into the embedded L.15 draft
// (compared with one FILE) and renumbers the articles after it: 52
// renumberings, not 52 changes, and stale references.
func TestDiffL15Insert(t *testing.T) {
	_, data := corpora.Default()
	label := regexp.MustCompile(`(?m)^第 ?(\d+) ?条\.`)
	text := label.ReplaceAllStringFunc(string(data), func(m string) string {
		n, _ := strconv.Atoi(label.FindStringSubmatch(m)[1])
		if n < 17 {
			return m
		}
		return "第 " + strconv.Itoa(n+1) + " 条."
	})
	text = strings.Replace(text, "第 18 条.", "第 17 条. 保护举报人\n\n各缔约国均应考虑采取适当措施，保护善意举报的任何人员。\n\n第 18 条.", 1)
	path := filepath.Join(t.TempDir(), "L15-rev.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runConcord(t, "diff", path, "--format", "json")
	if code != exitFinding {
		t.Fatalf("exit %d, want 1: %s", code, errs)
	}
	var r struct {
		Summary struct {
			Articles struct{ Added, Renumbered, Changed, Moved, Deleted int }
		}
		StaleRefs []struct{ Addr, Ref string } `json:"stale_refs"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	a := r.Summary.Articles
	if a.Added != 1 || a.Renumbered != 52 || a.Changed+a.Moved+a.Deleted != 0 {
		t.Errorf("articles %+v: want 1 added, 52 renumbered", a)
	}
	if len(r.StaleRefs) == 0 || r.StaleRefs[0].Addr != "art.2.m" || r.StaleRefs[0].Ref != "第 17 条" {
		t.Errorf("stale refs: %+v", r.StaleRefs)
	}
	txt, _, _ := runConcord(t, "diff", path)
	if !strings.Contains(txt, "art.17 … art.68 → art.18 … art.69 (52 articles renumbered, +1)") {
		t.Errorf("text report does not fold the renumbering:\n%.2000s", txt)
	}
}

// TestDiffETS185 runs concord diff on the English parts of the two ETS 185
// copies, which differ only in formatting: exit 0.
func TestDiffETS185(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, rel := range []string{
		"treaties-en-nl/budapest-convention-ETS185_BWBV0001839_en-nl@2007-03-01.md",
		"treaties-en-nl/budapest-convention-ETS185_BWBV0001839_en-nl.md",
	} {
		lines := strings.SplitAfter(testenv.Read(t, rel), "\n")
		seen, end := 0, len(lines)
		for i, l := range lines {
			if strings.HasPrefix(l, "#") && strings.Contains(l, "Verdrag inzake de bestrijding van strafbare feiten") {
				if seen++; seen == 2 {
					end = i
					break
				}
			}
		}
		p := filepath.Join(dir, strconv.Itoa(len(paths))+"-"+filepath.Base(rel))
		if err := os.WriteFile(p, []byte(strings.Join(lines[:end], "")), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out, errs, code := runConcord(t, "diff", paths[0], paths[1], "--lang", "en")
	if code != exitOK {
		t.Errorf("exit %d, want 0: %s\n%s", code, errs, out)
	}
	if !strings.Contains(out, "No substantive change") {
		t.Errorf("report: %s", out)
	}
	if _, _, code := runConcord(t, "diff", paths[0], paths[1], "--lang", "en", "--strict"); code != exitFinding {
		t.Errorf("--strict: exit %d, want 1", code)
	}
}

// TestDiffETS185Whole pins what concord diff does on the two ETS 185 files
// as shipped, each the English text followed by the Dutch translation in
// one file: it reads each as one document in which the Dutch articles
// (Artikel 1…) repeat the numbers of the English ones, warns about every
// number that breaks the sequence (242 warnings, five of each kind per
// document printed and the rest counted) and, since the
// Dutch half does not line up as the English one, exits 1. The README says
// so; TestDiffETS185 compares the English halves, which exit 0.
func TestDiffETS185Whole(t *testing.T) {
	out, errs, code := runConcord(t, "diff",
		testenv.File(t, "treaties-en-nl/budapest-convention-ETS185_BWBV0001839_en-nl.md"),
		testenv.File(t, "treaties-en-nl/budapest-convention-ETS185_BWBV0001839_en-nl@2007-03-01.md"))
	if code != exitFinding {
		t.Errorf("exit %d, want 1", code)
	}
	// five warnings of each kind per document are printed, the rest counted
	n := 0
	more := regexp.MustCompile(`: (\d+) more warnings like `)
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		if m := more.FindStringSubmatch(l); m != nil {
			k, _ := strconv.Atoi(m[1])
			n += k
		} else if strings.HasPrefix(l, "warning: ") {
			n++
		}
	}
	if n != 242 || strings.Count(errs, "numbering: expected") == 0 {
		t.Errorf("%d warnings on stderr, want 242 numbering warnings:\n%s", n, errs)
	}
	if !strings.Contains(out, "2 units differ") {
		t.Errorf("report: %.3000s", out)
	}
}

func TestDiffHelp(t *testing.T) {
	out, _, code := runConcord(t, "diff", "--help")
	if code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "--granularity") {
		t.Errorf("exit %d, %q", code, out)
	}
	out, _, _ = runConcord(t, "--help")
	if !strings.Contains(out, "diff") {
		t.Errorf("main usage does not list diff: %q", out)
	}
}

func TestUseColor(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	if useColor("auto", &strings.Builder{}) || !useColor("always", &strings.Builder{}) || useColor("never", os.Stdout) {
		t.Error("color modes")
	}
	t.Setenv("NO_COLOR", "1")
	if useColor("auto", os.Stdout) {
		t.Error("NO_COLOR ignored")
	}
}

// TestDiffRevisions reads the tracked changes of one file (made by
// LibreOffice, see testdata/office/README.md) as a revision pair: the docx
// and the odt give the same report, and it matches a diff of the two texts.
func TestDiffRevisions(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "office")
	docx, _, code := runConcord(t, "diff", filepath.Join(dir, "tracked.zh.docx"), "--revisions", "--format", "md")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (substantive changes)", code)
	}
	golden(t, filepath.Join("..", "diff", "tracked.revisions.md"), docx)
	odt, _, _ := runConcord(t, "diff", filepath.Join(dir, "tracked.zh.odt"), "--revisions", "--format", "md")
	if strings.ReplaceAll(odt, ".odt", ".docx") != docx {
		t.Error("odt and docx tracked changes give different reports")
	}
	for _, want := range []string{"art.2.2 · deleted", "art.2.3 → art.2.2 · renumbered", "open → ad-ref", "<ins>更高效和更有效地</ins>"} {
		if !strings.Contains(docx, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if _, errs, code := runConcord(t, "diff", "a.docx", "b.docx", "--revisions"); code != 2 || !strings.Contains(errs, "--revisions takes one FILE") {
		t.Errorf("two files with --revisions: exit %d, %q", code, errs)
	}
}

// TestDiffDocx writes the Word redline of the fixture twice with the same
// --date: the bytes are identical, and the document and its comments match
// the golden files; SOURCE_DATE_EPOCH gives the same date.
func TestDiffDocx(t *testing.T) {
	dir := t.TempDir()
	var runs [][]byte
	for i, extra := range [][]string{{"--date", "2024-08-09"}, {"--date", "2024-08-09T00:00:00Z"}, nil} {
		p := filepath.Join(dir, strconv.Itoa(i)+".docx")
		if extra == nil {
			t.Setenv("SOURCE_DATE_EPOCH", "1723161600") // 2024-08-09
		}
		args := append([]string{"diff", diffFixture("draft.old.txt"), diffFixture("draft.new.txt"), "-o", p}, extra...)
		if _, errs, code := runConcord(t, args...); code != exitFinding {
			t.Fatalf("exit %d: %s", code, errs)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, b)
	}
	if !bytes.Equal(runs[0], runs[1]) || !bytes.Equal(runs[0], runs[2]) {
		t.Error("the same input and date give different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(runs[0]), int64(len(runs[0])))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: time %v, want the fixed 1980-01-01", f.Name, f.Modified)
		}
		if f.Name != "word/document.xml" && f.Name != "word/comments.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		// one element a line, for a readable golden file
		goldenDiff(t, "draft.docx."+filepath.Base(f.Name)+".golden", strings.ReplaceAll(string(b), "><w:p>", ">\n<w:p>")+"\n")
	}
	if _, errs, code := runConcord(t, "diff", diffFixture("draft.old.txt"), diffFixture("draft.new.txt"), "--format", "docx", "--date", "yesterday"); code != exitTrouble || !strings.Contains(errs, "--date") {
		t.Errorf("bad --date: exit %d, %q", code, errs)
	}
}
