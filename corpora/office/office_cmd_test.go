package office_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"concord/corpora"
	"concord/corpora/input"
)

// TestOfficeLoadFile is what `concord parse fixture.docx` does: every
// command that takes FILE loads it with corpora.LoadFile, so Word, ODT and
// HTML drafts parse end to end, and a damaged one is an *input.Error naming
// the file (exit status 2).
func TestOfficeLoadFile(t *testing.T) {
	l15, err := corpora.LoadFile("", corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := l15.Count()
	for _, f := range []string{"L15.pandoc.docx", "L15.lo.odt", "L15.pandoc.html"} {
		path := filepath.Join("..", "..", "testdata", "office", f)
		doc, err := corpora.LoadFile(path, corpora.LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got := doc.Count()
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s: %d %s units, want %d", f, got[k], k, n)
			}
		}
		if doc.Lang != "zh" || doc.Find("art.2.f.ii") == nil || doc.Find("fn.1") == nil {
			t.Errorf("%s: lang %q, art.2.f.ii %v, fn.1 %v", f, doc.Lang, doc.Find("art.2.f.ii"), doc.Find("fn.1"))
		}
	}
	// The format is chosen by content, not by the file's name.
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "office", "numbered.en.docx"))
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(dir, "draft.txt")
	os.WriteFile(renamed, data, 0o644)
	doc, err := corpora.LoadFile(renamed, corpora.LoadOptions{})
	if err != nil || doc.Lang != "en" || doc.Find("art.1.b.ii") == nil {
		t.Errorf("docx named .txt: %v", err)
	}
	truncated := filepath.Join(dir, "truncated.docx")
	os.WriteFile(truncated, data[:len(data)/2], 0o644)
	_, err = corpora.LoadFile(truncated, corpora.LoadOptions{})
	var ie *input.Error
	if !errors.As(err, &ie) || ie.File != truncated {
		t.Errorf("truncated: %v, want an input.Error naming the file", err)
	}
}
