package check

import (
	"strings"
	"testing"

	"concord/corpora/testdocs"
	"concord/corpora/testdocs/hostile"
	"concord/segment"
)

// TestManyArticlesLinear is issue 14's fifth finding: check placed every
// unit one version lacks by scanning and renumbering the whole order (40k
// articles took 18 s, 100k 143 s). Units are now placed gap by gap, with
// work bounded by the number of units, and still land where they belong:
// after their predecessor, in address order among the units around them.
func TestManyArticlesLinear(t *testing.T) {
	text := string(hostile.ManyArticles(300_000))
	full := testdocs.Load(t, "full.txt", text)
	// every third article of the full text
	var b strings.Builder
	for i, a := range strings.Split(text, "\n\n第") {
		if i%3 == 0 {
			if i > 0 {
				b.WriteString("\n\n第")
			}
			b.WriteString(a)
		}
	}
	part := testdocs.Load(t, "part.txt", b.String())
	docs := []*segment.Document{part, full}
	c := &checker{docs: docs, order: map[string]int{}}
	c.index()
	units := 0
	for _, d := range docs {
		units += len(c.unitsOf(d))
	}
	if c.scans > 2*units {
		t.Errorf("placing the units of %d articles took %d steps, want at most %d", len(full.Units), c.scans, 2*units)
	}
	// the merged order is the full text's
	var want []string
	for u := range full.All() {
		want = append(want, u.Addr)
	}
	for i, a := range want {
		if c.order[a] != i {
			t.Fatalf("%s at %d in the merged order, want %d", a, c.order[a], i)
		}
	}
}

// unitsOf lists the units of a document.
func (c *checker) unitsOf(d *segment.Document) []*segment.Unit {
	var out []*segment.Unit
	for u := range d.All() {
		out = append(out, u)
	}
	return out
}
