package terms

import (
	"testing"

	"concord/corpora/testdocs"
	"concord/corpora/testdocs/hostile"
	"concord/segment"
)

// TestRepeatedDefinitions is part of issue 14's fifth finding: on the L.15
// draft repeated, every copy of a definition was an entry of its own,
// listing every occurrence of the term in every copy, and its forms were
// searched once per copy: time and output quadratic in the copies. A term
// defined again in the same words is now one entry and one issue, and
// its occurrences grow with the copies, once.
func TestRepeatedDefinitions(t *testing.T) {
	load := func(copies int) *Glossary {
		data := hostile.L15Repeated(copies * 96_587)
		d := testdocs.Load(t, "L15.txt", string(data))
		g, err := Extract([]*segment.Document{d}, Options{Segmenter: testSeg, NoCandidates: true})
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	one, three := load(1), load(3)
	if len(three.Entries) != len(one.Entries) || len(three.Issues) != len(one.Issues) {
		t.Fatalf("L.15 ×3: %d entries and %d issues, want %d and %d as for L.15 once",
			len(three.Entries), len(three.Issues), len(one.Entries), len(one.Issues))
	}
	for i, e := range three.Entries {
		if e.Addr != one.Entries[i].Addr || e.Freq != 3*one.Entries[i].Freq {
			t.Errorf("entry %d: %s, %d occurrences; want %s, %d", i, e.Addr, e.Freq, one.Entries[i].Addr, 3*one.Entries[i].Freq)
		}
	}
}
