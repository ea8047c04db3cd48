package align

import "testing"

// TestSentMACDev pins the aligner's figures on MAC-Dev, freely translated
// literary Chinese–English (six chapters, 1,444 × 1,947 sentences): strict
// and lax F1 with vecalign's score_multiple, and the calibration of the
// scores over all six chapters.
//
// The dictionary weight and the learned lexicon's weight beside it were
// chosen on these chapters; leave-one-chapter-out over the grid tried
// gives strict F1 .826 (see the README).
func TestSentMACDev(t *testing.T) {
	r := sentEvalMAC(t, sentLoadMAC(t), SentOptions{})
	t.Log(r)
	_, _, f := r.total.strict()
	_, _, fl := r.total.lax()
	if f < 0.835 || fl < 0.975 {
		t.Errorf("MAC-Dev strict F1 %.4f (want ≥ .835), lax %.4f (want ≥ .975)", f, fl)
	}
	if e := r.calib.ece(); e > 0.045 {
		t.Errorf("MAC-Dev ECE %.3f > .045", e)
	}
	if p, _ := r.calib.at(0.9); p < 0.94 {
		t.Errorf("MAC-Dev: %.3f of the links scored ≥ .9 are right, want ≥ .94", p)
	}
	// Without the dictionary the aligner falls back to what it learns
	// from the chapter itself.
	nd := sentEvalMAC(t, sentLoadMAC(t), SentOptions{NoDictionary: true})
	if _, _, fn := nd.total.strict(); fn >= f-0.1 {
		t.Errorf("MAC-Dev without the dictionary: strict F1 %.4f, with it %.4f: the switch seems to have no effect", fn, f)
	}
}

// TestSentCalibration checks the calibration of the scores on the half of
// the development data it was not fitted on: MAC-Dev chapters 2, 4 and 6,
// and the second half of the UN development set aligned whole (every pair,
// 3 % of the sentences dropped on each side, 4 % of target pairs merged).
func TestSentCalibration(t *testing.T) {
	if sentRace {
		// MAC-Dev only: the UN set aligned whole, ten times, is too slow
		// under the race detector.
		mac, _ := sentCalibOnMAC(t, []int{1, 3, 5})
		sentCheckCalib(t, "held-out MAC-Dev", mac, 0.08, 0.92)
		return
	}
	mac, un := sentHeldOutCalib(t)
	t.Logf("held out, MAC-Dev chapters 2, 4, 6: %s\n%s", mac, mac.table())
	t.Logf("held out, UN second half: %s\n%s", un, un.table())
	sentCheckCalib(t, "held-out MAC-Dev", mac, 0.08, 0.92)
	sentCheckCalib(t, "held-out UN", un, 0.015, 0.99)
}

func sentCheckCalib(t *testing.T, what string, c *sentCalib, maxECE, min9 float64) {
	t.Helper()
	if e := c.ece(); e > maxECE {
		t.Errorf("%s: ECE %.3f > %.3f", what, e, maxECE)
	}
	if p, _ := c.at(0.9); p < min9 {
		t.Errorf("%s: %.3f of the links scored ≥ .9 are right, want ≥ %.2f", what, p, min9)
	}
}

// sentCalibOnMAC is the MAC-Dev part of sentCalibOn.
func sentCalibOnMAC(t testing.TB, chapters []int) (*sentCalib, []Bead) {
	c := &sentCalib{}
	var all []Bead
	chs := sentLoadMAC(t)
	for _, k := range chapters {
		ch := chs[k]
		b := Sentences(ch.zh, ch.en, "zh", "en", SentOptions{})
		c.add(ch.gold, sentToAlignments(b, false), sentBeadScores(b))
		all = append(all, b...)
	}
	return c, all
}

// TestSentUNWhole aligns the UN development set as one document (4,000
// sentences) for every pair zh–{en,fr,es,ru,ar}, clean and perturbed (3 %
// of the sentences dropped on each side, 4 % of target pairs merged, a
// draw of its own).
func TestSentUNWhole(t *testing.T) {
	if sentRace {
		t.Skip("ten alignments of 4,000 sentences: too slow under the race detector")
	}
	un := sentUNWhole(t)
	// Measured: .9972, .9938, .9951, .9911, .9939 (.99 asked for).
	minPert := map[string]float64{"en": 0.995, "fr": 0.992, "es": 0.993, "ru": 0.99, "ar": 0.992}
	for _, other := range []string{"en", "fr", "es", "ru", "ar"} {
		zh := un["zh"]
		var gold []sentAlignment
		for i := range zh {
			gold = append(gold, sentAlignment{src: []int{i}, tgt: []int{i}})
		}
		var clean, pert sentScore
		clean.add(gold, sentToAlignments(Sentences(zh, un[other], "zh", other, SentOptions{}), false))
		s, tg, pg := sentPerturbPair(zh, un[other], other, "whole-"+other, 3, 4)
		pert.add(pg, sentToAlignments(Sentences(s, tg, "zh", other, SentOptions{}), false))
		_, _, fc := clean.strict()
		_, _, fp := pert.strict()
		t.Logf("zh-%s: clean strict F1 %.4f, perturbed %.4f", other, fc, fp)
		if fc < 0.995 || fp < minPert[other] {
			t.Errorf("zh-%s: clean F1 %.4f (want ≥ .995), perturbed %.4f (want ≥ %.3f)", other, fc, fp, minPert[other])
		}
	}
}
