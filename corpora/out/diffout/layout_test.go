package diffout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora"
	"concord/corpora/testenv"
	"concord/segment"
)

// treeDiff lists how two document trees differ: unit by unit, address,
// kind, label, heading, text, tail and status.
func treeDiff(a, b *segment.Document) []string {
	var out []string
	var us, vs []*segment.Unit
	for u := range a.All() {
		us = append(us, u)
	}
	for u := range b.All() {
		vs = append(vs, u)
	}
	if len(us) != len(vs) {
		out = append(out, fmt.Sprintf("%d units, want %d", len(vs), len(us)))
	}
	for i := range min(len(us), len(vs)) {
		u, v := us[i], vs[i]
		f := func(name, x, y string) {
			if x != y && len(out) < 20 {
				cut := func(s string) string {
					if r := []rune(s); len(r) > 60 {
						return string(r[:60]) + "…"
					}
					return s
				}
				out = append(out, fmt.Sprintf("%s %s: %q, want %q", u.Addr, name, cut(y), cut(x)))
			}
		}
		f("addr", u.Addr, v.Addr)
		f("kind", string(u.Kind), string(v.Kind))
		f("label", strings.TrimSpace(u.Label), strings.TrimSpace(v.Label))
		f("heading", u.Heading, v.Heading)
		f("text", u.Text, v.Text)
		f("tail", u.Tail, v.Tail)
		f("status", string(u.Status), string(v.Status))
	}
	return out
}

// layoutText renders a layout as the reader renders a document.
func layoutText(ps []lpara) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.text())
	}
	return b.String() + "\n"
}

func TestLayoutProbe(t *testing.T) {
	dir := testenv.Corpora(t)
	var files []string
	files = append(files, filepath.Join(dir, "un-cybercrime", "L15.zh.txt"), filepath.Join(dir, "un-cybercrime", "final.ar.art1-15.txt"))
	filepath.Walk(filepath.Join(dir, "zh-law-revisions"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	filepath.Walk(filepath.Join(dir, "treaties-en-nl"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	bad := 0
	for _, f := range files {
		d, err := corpora.LoadFile(f, corpora.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		text := layoutText(layout(d))
		e, err := segment.Parse("x", text, segment.Options{Lang: d.Lang})
		if err != nil {
			t.Fatal(err)
		}
		if diffs := treeDiff(d, e); len(diffs) > 0 {
			bad++
			if bad <= 30 {
				t.Errorf("%s:\n  %s", filepath.Base(f), strings.Join(diffs[:min(3, len(diffs))], "\n  "))
			}
		}
	}
	t.Logf("%d of %d files do not round-trip", bad, len(files))
}
