package align

import (
	"concord/corpora/testenv"
	"path/filepath"
	"testing"
	"time"
)

func sentBibleF1(t testing.TB, opt SentOptions) (f1, protocol float64, el time.Duration) {
	dir := sentCorpora(t, "bible-zh-en")
	zh := testenv.Lines(t, filepath.Join(dir, "zh.txt"))
	en := testenv.Lines(t, filepath.Join(dir, "en.txt"))
	gold := sentReadGold(t, filepath.Join(dir, "gold.align"))
	start := time.Now()
	beads := Sentences(zh, en, "zh", "en", opt)
	el = time.Since(start)
	sentCheckBeads(t, beads, len(zh), len(en))
	var sc sentScore
	sc.add(gold, sentToAlignments(beads, true)) // gold has English on the left
	p, r, f := sc.strict()
	_, _, fl := sc.lax()
	var pr sentScore
	pr.add(gold, sentBibleProtocol(sentToAlignments(beads, true), testenv.Lines(t, filepath.Join(dir, "en.verse")), testenv.Lines(t, filepath.Join(dir, "zh.verse"))))
	_, _, fp := pr.strict()
	t.Logf("Bible zh-en: strict P=%.4f R=%.4f F1=%.4f (lax F1 %.4f; bertalign's protocol F1 %.4f), %d beads, %v", p, r, f, fl, fp, len(beads), el)
	return f, fp, el
}

// TestSentBible scores the alignment of the Chinese and English Bible
// (6,301 × 5,000 sentences) against the gold beads with vecalign's strict
// F1.
//
// The gold beads are whole verses: where a verse has two English sentences
// and two Chinese ones that translate each other one by one (about 200
// verses), the gold has one 2-2 bead and a sentence aligner that is right
// gives two 1-1 beads, which count as wrong. A perfect sentence aligner
// would score about 0.936 here. The published figures for this corpus
// (bertalign .979, hunalign .895, Gale-Church .821) come from bertalign's
// evaluation script, which first merges consecutive test beads that fall
// in the same verse (it reads the .verse files); this test checks both.
func TestSentBible(t *testing.T) {
	f, fp, _ := sentBibleF1(t, SentOptions{})
	if f < 0.92 {
		t.Errorf("Bible strict F1 %.4f < 0.92", f)
	}
	if fp < 0.985 {
		t.Errorf("Bible strict F1 with bertalign's protocol %.4f < 0.985", fp)
	}
}
