package diffout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/testenv"
	"concord/segment"
)

// redlineDate is the date of the tracked changes in the tests.
var redlineDate = time.Date(2024, 8, 9, 12, 0, 0, 0, time.UTC)

// writeDocx writes the Word redline of a report to a file in dir.
func writeDocx(t testing.TB, dir string, r *diff.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := Docx(&b, r, Options{Date: redlineDate}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "redline.docx")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// roundTrip checks that concord's reader gives back both revisions from
// a redline file: every tracked change rejected gives old, accepted new.
func roundTrip(t *testing.T, path string, old, new *segment.Document) (*segment.Document, *segment.Document) {
	t.Helper()
	o, n, err := corpora.LoadRevisions(path, corpora.LoadOptions{Lang: new.Lang})
	if err != nil {
		t.Fatal(err)
	}
	if d := treeDiff(old, o); len(d) > 0 {
		t.Errorf("rejecting every change does not give the old revision:\n  %s", strings.Join(d, "\n  "))
	}
	if d := treeDiff(new, n); len(d) > 0 {
		t.Errorf("accepting every change does not give the new revision:\n  %s", strings.Join(d, "\n  "))
	}
	return o, n
}

func TestDocxRoundTripFixture(t *testing.T) {
	r := fixture(t, diff.Options{})
	p := writeDocx(t, t.TempDir(), r)
	roundTrip(t, p, r.OldDoc, r.NewDoc)
}

// changeSet is a report's changes without names and source lines: what a
// comparison found.
func changeSet(r *diff.Report) []string {
	var out []string
	for _, c := range r.Changes {
		var b strings.Builder
		b.WriteString(string(c.Op) + " " + c.OldAddr + " " + c.NewAddr + " " + string(c.OldStatus) + ">" + string(c.NewStatus))
		for _, e := range c.Edits {
			b.WriteString(" " + string(e.Field) + string(e.Op) + e.Text)
		}
		out = append(out, b.String())
	}
	for _, s := range r.StaleRefs {
		out = append(out, "stale "+s.Addr+" "+s.Ref+" "+s.Message)
	}
	return out
}

// sameChanges checks that concord diff --revisions on the redline gives
// back the change set of the comparison it was written from.
func sameChanges(t *testing.T, r *diff.Report, o, n *segment.Document) {
	t.Helper()
	again := compare(t, o, n, diff.Options{Lang: r.Lang})
	a, b := changeSet(r), changeSet(again)
	if len(a) != len(b) {
		t.Errorf("%d changes read back, want %d", len(b), len(a))
	}
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			t.Errorf("change %d read back as %q, want %q", i, b[i], a[i])
			break
		}
	}
}

// TestDocxRoundTripLaws writes the Word redline of every pair of dated
// versions of the Chinese laws and reads it back.
func TestDocxRoundTripLaws(t *testing.T) {
	tmp := t.TempDir()
	n, skipped, pair := 0, 0, 0
	for _, law := range testenv.Laws(t) {
		files := law.Paths
		for k := 1; k < len(files); k++ {
			load := func(path string) *segment.Document {
				d, err := corpora.LoadFile(path, corpora.LoadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			old, new := load(files[k-1]), load(files[k])
			r := compare(t, old, new, diff.Options{})
			pair++
			if raceSlowdown > 1 && pair%8 != 1 {
				continue // under the race detector, one pair in eight
			}
			if invisibleLines(old) || invisibleLines(new) {
				skipped++
				continue
			}
			t.Run(filepath.Base(files[k]), func(t *testing.T) {
				p := writeDocx(t, tmp, r)
				o, nn := roundTrip(t, p, old, new)
				sameChanges(t, r, o, nn)
			})
			n++
		}
	}
	if raceSlowdown == 1 && (n+skipped < 78 || skipped > 8) {
		t.Errorf("%d pairs read back and %d skipped, want the 78 of the corpus", n, skipped)
	}
	t.Logf("%d pairs read back; %d skipped for lines of invisible characters only", n, skipped)
}

// invisibleLines reports whether a document has a line of text made of
// invisible characters only (a zero-width space on a line of its own):
// Word's paragraphs of that kind read as blank, and concord's reader drops
// blank paragraphs, so such a line does not survive a trip through a .docx.
func invisibleLines(d *segment.Document) bool {
	blank := func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }
	for u := range d.All() {
		for _, f := range []string{u.Heading, u.Text, u.Tail} {
			for _, l := range strings.Split(f, "\n") {
				if l != "" && strings.TrimFunc(l, blank) == "" {
					return true
				}
			}
		}
	}
	return false
}
