package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var langs = []string{"ar", "zh", "en", "fr", "ru", "es"}

func TestParseManifest(t *testing.T) {
	in := "\ufeff# UN documents\nzh\ten\n" +
		"a/doc1.zh.txt\ta/doc1.en.txt\n" +
		"\n" +
		"/abs/doc2.zh\t\n" +
		"doc3.zh.txt\tdoc3.en.txt\textra.txt\n" +
		"other/doc1.zh.txt\tother/doc1.en.txt\n" +
		"../x.zh.txt\ty.en.txt\n"
	m, err := ParseManifest(strings.NewReader(in), "base", ManifestOptions{Names: langs, Root: "/"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Cols, []string{"zh", "en"}) || len(m.Sets) != 5 {
		t.Fatalf("cols %v, %d sets", m.Cols, len(m.Sets))
	}
	s := m.Sets[0]
	if s.ID != "doc1" || s.Line != 3 || s.Err != nil ||
		!slices.Equal(s.Files, []string{filepath.Join("base", "a/doc1.zh.txt"), filepath.Join("base", "a/doc1.en.txt")}) {
		t.Errorf("set 0: %+v", s)
	}
	s = m.Sets[1]
	files, cols := s.Present()
	if s.ID != "doc2" || s.Err != nil || !slices.Equal(files, []string{"/abs/doc2.zh"}) || !slices.Equal(cols, []string{"zh"}) {
		t.Errorf("set 1: %+v", s)
	}
	if s := m.Sets[2]; s.Err == nil || !strings.Contains(s.Err.Error(), "3 files, want 2") {
		t.Errorf("set 2: %v", s.Err)
	}
	if s := m.Sets[3]; s.Err == nil || !strings.Contains(s.Err.Error(), `set id "doc1" is also line 3's`) {
		t.Errorf("set 3: %v", s.Err)
	}
	if s := m.Sets[4]; s.ID != "x" || s.Err != nil {
		t.Errorf("set 4: %+v", s)
	}
}

func TestParseManifestIDColumn(t *testing.T) {
	in := "id\told\tnew\n2015/a/69/767\tv1.txt\tv2.txt\n../up\ta\tb\n\tc\td\n"
	m, err := ParseManifest(strings.NewReader(in), ".", ManifestOptions{Names: []string{"old", "new"}, Columns: 2})
	if err != nil {
		t.Fatal(err)
	}
	if s := m.Sets[0]; s.ID != "2015/a/69/767" || s.Err != nil || !slices.Equal(s.Files, []string{"v1.txt", "v2.txt"}) {
		t.Errorf("set 0: %+v", s)
	}
	if s := m.Sets[1]; s.Err == nil || !strings.Contains(s.Err.Error(), "not a clean relative path") {
		t.Errorf("set 1: %v", s.Err)
	}
	if s := m.Sets[2]; s.Err == nil || !strings.Contains(s.Err.Error(), "empty id") {
		t.Errorf("set 2: %v", s.Err)
	}
	if _, err := ParseManifest(strings.NewReader("old\tnew\tnew\n"), ".", ManifestOptions{Names: []string{"old", "new"}, Columns: 2}); err == nil {
		t.Error("a header with 3 columns for pairs was accepted")
	}
}

func TestParseManifestNoHeader(t *testing.T) {
	m, err := ParseManifest(strings.NewReader("old.md\tnew.md\nb1.md\tb2.md\n"), ".", ManifestOptions{Names: []string{"old", "new"}, Columns: 2})
	if err != nil {
		t.Fatal(err)
	}
	if m.Cols != nil || len(m.Sets) != 2 || m.Sets[0].ID != "old" || m.Sets[1].ID != "b1" || m.Sets[0].Cols[0] != "" {
		t.Errorf("%+v", m)
	}
}

func TestScanDir(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"doc1.zh.txt", "doc1.en.txt", "doc2.en.txt", "sub/doc1.fr", "sub/doc1.en",
		"README.md", ".hidden.zh.txt", "out/.x.json.1.concord-tmp", "v1.2.zh.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	m, err := ScanDir(dir, []string{"zh", "en", "fr"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range m.Sets {
		ids = append(ids, s.ID)
	}
	if !slices.Equal(ids, []string{"doc1", "doc2", "sub/doc1", "v1.2"}) {
		t.Errorf("ids %v", ids)
	}
	j := func(f string) string { return filepath.Join(dir, f) }
	if s := m.Sets[0]; !slices.Equal(s.Files, []string{j("doc1.zh.txt"), j("doc1.en.txt"), ""}) {
		t.Errorf("doc1: %v", s.Files)
	}
	if s := m.Sets[2]; !slices.Equal(s.Files, []string{"", j("sub/doc1.en"), j("sub/doc1.fr")}) {
		t.Errorf("sub/doc1: %v", s.Files)
	}
	if !slices.Equal(m.Ignored, []string{"README.md"}) {
		t.Errorf("ignored %v", m.Ignored)
	}
}

// TestReadManifestStreams: ReadManifest counts the sets and All reads
// them again from the file, the same as ParseManifest's.
func TestReadManifestStreams(t *testing.T) {
	dir := t.TempDir()
	text := "id\tzh\ten\n# comment\na\ta.zh\ta.en\nb\tb.zh\t\na\tc.zh\tc.en\n\n"
	name := filepath.Join(dir, "m.tsv")
	os.WriteFile(name, []byte(text), 0o644)
	m, err := ReadManifest(name, ManifestOptions{Names: langs})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ParseManifest(strings.NewReader(text), dir, ManifestOptions{Names: langs})
	if m.Sets != nil || m.Total != 3 || !slices.Equal(m.Cols, []string{"zh", "en"}) {
		t.Fatalf("%+v", m)
	}
	for round := range 2 { // All may be read more than once
		var got []Set
		for s := range m.All() {
			got = append(got, s)
		}
		if len(got) != 3 {
			t.Fatalf("round %d: %d sets", round, len(got))
		}
		for k := range got {
			g, w := got[k], want.Sets[k]
			if g.ID != w.ID || g.Line != w.Line || !slices.Equal(g.Files, w.Files) || fmt.Sprint(g.Err) != fmt.Sprint(w.Err) {
				t.Errorf("set %d: %+v, want %+v", k, g, w)
			}
		}
		if got[2].Err == nil || !strings.Contains(got[2].Err.Error(), `set id "a" is also line 3's`) {
			t.Errorf("duplicate: %v", got[2].Err)
		}
	}
	if _, err := ReadManifest(filepath.Join(dir, "none.tsv"), ManifestOptions{}); err == nil {
		t.Error("a missing manifest was read")
	}
	os.WriteFile(name, []byte("id\tzh\tid\n"), 0o644)
	if _, err := ReadManifest(name, ManifestOptions{Names: langs}); err == nil || !strings.Contains(err.Error(), "two id columns") {
		t.Errorf("bad header: %v", err)
	}
}

// TestManifestRoot is a minor finding of issue 14: manifest paths were not
// confined, so that a line /etc/passwd was read into the output. A
// manifest of relative paths is confined to its directory; --root confines
// any manifest to a directory; one of absolute paths only is not confined
// unless asked.
func TestManifestRoot(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for _, f := range []string{"a.zh.txt", "a.en.txt", "sub/b.zh.txt"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(outside, "c.zh.txt"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(outside, "c.zh.txt"), filepath.Join(dir, "link.zh.txt"))
	errs := func(m *Manifest) []string {
		var out []string
		for _, s := range m.Sets {
			e := ""
			if s.Err != nil {
				e = s.Err.Error()
			}
			out = append(out, e)
		}
		return out
	}
	rel := "zh\n" + "a.zh.txt\n" + "sub/b.zh.txt\n" + "../" + filepath.Base(outside) + "/c.zh.txt\n" +
		"/etc/passwd\n" + "link.zh.txt\n"
	m, err := ParseManifest(strings.NewReader(rel), dir, ManifestOptions{Names: langs})
	if err != nil {
		t.Fatal(err)
	}
	got := errs(m)
	for i, want := range []string{"", "", "outside the manifest's directory", "outside the manifest's directory", "outside the manifest's directory"} {
		if want == "" && got[i] != "" || !strings.Contains(got[i], want) {
			t.Errorf("relative manifest, set %d: %q, want %q", i, got[i], want)
		}
	}
	// read line by line, the same
	p := filepath.Join(dir, "m.tsv")
	os.WriteFile(p, []byte(rel), 0o644)
	m, err = ReadManifest(p, ManifestOptions{Names: langs})
	if err != nil {
		t.Fatal(err)
	}
	var streamed []string
	for s := range m.All() {
		streamed = append(streamed, fmt.Sprint(s.Err))
	}
	if !strings.Contains(streamed[3], "outside") || streamed[0] != "<nil>" {
		t.Errorf("streamed: %q", streamed)
	}
	// absolute paths only: not confined, unless --root
	abs := "zh\n" + filepath.Join(dir, "a.zh.txt") + "\n" + filepath.Join(outside, "c.zh.txt") + "\n"
	m, _ = ParseManifest(strings.NewReader(abs), dir, ManifestOptions{Names: langs})
	if got := errs(m); got[0] != "" || got[1] != "" {
		t.Errorf("absolute manifest: %q", got)
	}
	m, _ = ParseManifest(strings.NewReader(abs), dir, ManifestOptions{Names: langs, Root: dir})
	if got := errs(m); got[0] != "" || !strings.Contains(got[1], "outside --root") {
		t.Errorf("absolute manifest, --root: %q", got)
	}
}

// TestScanDirLinks is a minor finding of issue 14: --batch-dir skipped
// symbolic links without a word. A link to a file of the directory counts
// as that file; one that leads outside it, or to a directory, is listed.
func TestScanDirLinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.zh.txt"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, "store"), 0o755)
	os.WriteFile(filepath.Join(dir, "store", "kept.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(outside, "b.txt"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(dir, "store", "kept.txt"), filepath.Join(dir, "a.en.txt"))
	os.Symlink(filepath.Join(outside, "b.txt"), filepath.Join(dir, "b.zh.txt"))
	os.Symlink(outside, filepath.Join(dir, "c.en.txt"))
	m, err := ScanDir(dir, []string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sets) != 1 || m.Sets[0].ID != "a" || m.Sets[0].Files[1] != filepath.Join(dir, "a.en.txt") {
		t.Errorf("sets %+v", m.Sets)
	}
	if !slices.Equal(m.Links, []string{"b.zh.txt", "c.en.txt"}) {
		t.Errorf("links %q", m.Links)
	}
}
