package align

import (
	"path/filepath"
	"testing"
	"time"
)

func sentBibleF1(t testing.TB, opt SentOptions) (float64, time.Duration) {
	dir := sentCorpora(t, "bible-zh-en")
	zh := sentReadLines(t, filepath.Join(dir, "zh.txt"))
	en := sentReadLines(t, filepath.Join(dir, "en.txt"))
	gold := sentReadGold(t, filepath.Join(dir, "gold.align"))
	start := time.Now()
	beads := Sentences(zh, en, "zh", "en", opt)
	el := time.Since(start)
	var sc sentScore
	sc.add(gold, sentToAlignments(beads, true))
	p, r, f := sc.strict()
	_, _, fl := sc.lax()
	t.Logf("Bible zh-en: strict P=%.4f R=%.4f F1=%.4f (lax F1 %.4f), %d beads, %v", p, r, f, fl, len(beads), el)
	return f, el
}

func TestSentBible(t *testing.T) {
	f, _ := sentBibleF1(t, SentOptions{})
	if f < 0.915 {
		t.Errorf("Bible strict F1 %.4f < 0.915", f)
	}
}
