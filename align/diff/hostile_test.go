package diff

import (
	"strings"
	"testing"
	"time"

	"concord/corpora/testdocs"
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
		old := testdocs.LoadLang(t, "old.txt", head+text, "en")
		s := build(old, &tokenizer{seg: seg, lang: "en"}, false, nil)
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
		changed := changesMade(r)
		if len(changed) != 1 || changed[0].Op != Changed || changed[0].OldAddr != changed[0].NewAddr || changed[0].OldLine != 2*k+1+strings.Count(head, "\n") {
			t.Errorf("%q: changes %+v, want paragraph %d (line %d) changed", head, changed, k+1, 2*k+1+strings.Count(head, "\n"))
		}
	}
}

// TestLongParagraph is issue 14's fourth finding: the word redline of one
// long paragraph was quadratic (string += in the emitter, and go-diff
// without a limit on two texts that differ throughout). One word changed
// in a paragraph of 200 KB is still a word redline: everything equal but
// that word. Two paragraphs that differ throughout get a coarse redline
// (whole sentences deleted and inserted), listed in Report.Coarse; and
// past the time limit every field left is coarse. Every redline still
// turns the old text into the new one (run checks it).
func TestLongParagraph(t *testing.T) {
	text := strings.TrimSuffix(string(hostile.HugeParagraph(200_000)), "\n")
	at := strings.Index(text[len(text)/2:], "缔约国") + len(text)/2
	edited := text[:at] + "成员国" + text[at+len("缔约国"):]

	r, _, _ := run(t, text, edited, "zh", Options{})
	c := onlyChange(t, r)
	var ops []string
	for _, e := range c.Edits {
		if e.Op != Eq {
			ops = append(ops, string(e.Op)+e.Text)
		}
	}
	if strings.Join(ops, " ") != "-缔约国 +成员国" || len(r.Coarse) != 0 {
		t.Errorf("one word changed: edits %q, coarse %v; want -缔约国 +成员国 and no coarse field", ops, r.Coarse)
	}

	// the article rewritten: another text of the same length
	head := "第1条. 总则\n\n"
	other := strings.Repeat("各缔约国应当在刑事事项上相互合作，并交流经验。", len(text)/66)
	r, _, _ = run(t, head+text, head+other, "zh", Options{})
	if len(r.Coarse) != 1 || r.Coarse[0].Addr != "art.1" || r.Coarse[0].Field != FieldText ||
		!strings.Contains(r.Coarse[0].Reason, "too long and too different") {
		t.Errorf("article rewritten: coarse %v, want the text of art.1, too long and too different", r.Coarse)
	}

	// past the time limit
	r, _, _ = run(t, text, edited, "zh", Options{Timeout: time.Nanosecond})
	if len(r.Coarse) != 1 || !strings.Contains(r.Coarse[0].Reason, "time limit") {
		t.Errorf("past the time limit: coarse %v, want one field, time limit", r.Coarse)
	}
}

// changesMade returns the report's changes that are not unchanged.
func changesMade(r *Report) []Change {
	var out []Change
	for _, c := range r.Changes {
		if c.Op != Unchanged {
			out = append(out, c)
		}
	}
	return out
}

// onlyChange returns the report's one change that is not unchanged.
func onlyChange(t *testing.T, r *Report) Change {
	t.Helper()
	out := changesMade(r)
	if len(out) != 1 {
		t.Fatalf("%d changes, want 1", len(out))
	}
	return out[0]
}
