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
	m, err := ParseManifest(strings.NewReader(in), "base", ManifestOptions{Names: langs})
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
