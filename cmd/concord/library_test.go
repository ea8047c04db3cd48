package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"concord/align"
	"concord/align/check"
	"concord/align/diff"
	"concord/align/terms"
	"concord/corpora"
	"concord/corpora/out/alignout"
	"concord/corpora/out/checkout"
	"concord/corpora/out/diffout"
	"concord/corpora/out/kwicout"
	"concord/corpora/out/parseout"
	"concord/corpora/out/segmentout"
	"concord/corpora/out/termsout"
	"concord/corpora/review"
	"concord/corpora/testenv"
	"concord/segment"
	"concord/segment/define"
	"concord/segment/pieces"
	"concord/segment/words"
)

// TestLibraryMatchesCLI: a Go program that calls the library as the
// package documentation says gets, byte for byte, what the command line
// gives a user: cmd adds flags and wiring, no behaviour.
func TestLibraryMatchesCLI(t *testing.T) {
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	oldDraft := filepath.Join("..", "..", "testdata", "diff", "draft.old.txt")
	newDraft := filepath.Join("..", "..", "testdata", "diff", "draft.new.txt")
	load := func(paths ...string) []*segment.Document {
		t.Helper()
		docs, err := corpora.LoadFiles(paths, nil, corpora.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return docs
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// the review sheet of the L.15 draft and its Arabic articles, as align writes it
	sheet := filepath.Join(t.TempDir(), "L15.xlsx")
	var x bytes.Buffer
	must(alignout.XLSX(&x, align.Align(load("", ar), align.Options{}), alignout.Options{}))
	must(os.WriteFile(sheet, x.Bytes(), 0o644))
	for _, tc := range []struct {
		name string
		args []string
		lib  func(w *bytes.Buffer)
	}{
		{"parse", []string{"parse", "--format", "json"}, func(w *bytes.Buffer) {
			must(parseout.JSON(w, load("")[0], parseout.Options{}))
		}},
		{"segment", []string{"segment", "--level", "word"}, func(w *bytes.Buffer) {
			docs := load("")
			seg, err := define.Segmenter(docs, words.Options{})
			must(err)
			ps := pieces.Split(docs[0], pieces.Options{Level: pieces.Word, Words: seg})
			must(segmentout.TSV(w, slices.Values(ps), segmentout.Options{Words: true}))
		}},
		{"align", []string{"align", ar}, func(w *bytes.Buffer) {
			must(alignout.TMX(w, align.Align(load("", ar), align.Options{}), alignout.Options{}))
		}},
		{"review", []string{"review", sheet}, func(w *bytes.Buffer) {
			res, err := review.ReadFile(sheet)
			must(err)
			must(alignout.TMX(w, res.Alignment, alignout.Options{Tags: res.Tags}))
		}},
		{"diff", []string{"diff", oldDraft, newDraft, "--format", "json"}, func(w *bytes.Buffer) {
			docs := load(oldDraft, newDraft)
			r, err := diff.Compare(docs[0], docs[1], diff.Options{})
			must(err)
			must(diffout.JSON(w, r, diffout.Options{}))
		}},
		{"terms", []string{"terms", ar}, func(w *bytes.Buffer) {
			g, err := terms.Extract(load("", ar), terms.Options{})
			must(err)
			must(termsout.TBX(w, g, termsout.Options{}))
		}},
		{"kwic", []string{"kwic", "服务提供商", ar}, func(w *bytes.Buffer) {
			c, err := terms.KWIC(load("", ar), "服务提供商", terms.KWICOptions{})
			must(err)
			must(kwicout.Text(w, c, kwicout.Options{}))
		}},
		{"check", []string{"check", ar}, func(w *bytes.Buffer) {
			r, err := check.Run(load("", ar), check.Options{})
			must(err)
			must(checkout.Text(w, r, checkout.Options{}))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cli, errs, code := runConcord(t, tc.args...)
			if code == exitTrouble {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var lib bytes.Buffer
			tc.lib(&lib)
			if cli != lib.String() {
				t.Errorf("the command line and the library differ:\n cli %d bytes\n lib %d bytes", len(cli), lib.Len())
			}
		})
	}
}
