package diff

import (
	"strings"
	"testing"

	"concord/corpora/testdocs/hostile"
	"concord/segment"
)

// TestSameNumberedBounded is issue 14's first finding: paragraphs that all
// carry the label "1." and repeat a few sentences made the matcher score
// every pair of them (a 420 KB file diffed with itself peaked at 11.5 GB).
// The candidates of each unit are now bounded, under the document and
// under one article alike, and the comparison still matches every
// paragraph to its twin and finds the one that changed.
func TestSameNumberedBounded(t *testing.T) {
	text := string(hostile.SameNumbered(100_000))
	seg, err := defaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	for _, head := range []string{"", "Article 1\n\n"} {
		old := parse(t, "old.txt", head+text, "en")
		s := build(old, &tokenizer{seg: seg, lang: "en"}, false)
		var paras []*node
		for _, n := range s.nodes {
			if n.u.Kind == segment.KindParagraph {
				paras = append(paras, n)
			}
		}
		if len(paras)*len(paras) <= denseMax {
			t.Fatalf("%d paragraphs: too few for the sparse candidates", len(paras))
		}
		ps := candidates(paras, paras, chainMin)
		if limit := (candMax + 2*(2*bandMax+1)) * len(paras); len(ps) > limit {
			t.Errorf("%q: %d candidate pairs for %d paragraphs, want at most %d", head, len(ps), len(paras), limit)
		}

		// one word changed in the paragraph in the middle
		paraTexts := strings.SplitAfter(text, "\n\n")
		k := len(paraTexts) / 2
		paraTexts[k] = strings.Replace(paraTexts[k], "shall", "must", 1)
		r, _, _ := run(t, head+text, head+strings.Join(paraTexts, ""), "en", Options{})
		var changed []Change
		for _, c := range r.Changes {
			if c.Op != Unchanged {
				changed = append(changed, c)
			}
		}
		if len(changed) != 1 || changed[0].Op != Changed || changed[0].OldAddr != changed[0].NewAddr || changed[0].OldLine != 2*k+1+strings.Count(head, "\n") {
			t.Errorf("%q: changes %+v, want paragraph %d (line %d) changed", head, changed, k+1, 2*k+1+strings.Count(head, "\n"))
		}
	}
}
