package align

import (
	"fmt"
	"math"
	"os"
	"testing"
)

// sentCalibSample is one bead for the calibration fit: its features,
// whether it is right, and its weight.
type sentCalibSample struct {
	x     [sentNCalib]float64
	right bool
	w     float64
}

// sentCalibSamples aligns with raw posteriors and returns the features of
// every bead of the given MAC chapters and of the beads of the UN set
// aligned whole (perturbed) in [unLo, unHi) of the file.
func sentCalibSamples(t testing.TB, mac []int, unLo, unHi float64) (macS, unS []sentCalibSample) {
	var xs [][sentNCalib]float64
	sentCalibFit = func(_ []sentStep, x [][sentNCalib]float64) { xs = x }
	defer func() { sentCalibFit = nil }()
	collect := func(beads []Bead, gold []sentAlignment, keep func(Bead) bool) []sentCalibSample {
		g := map[string]bool{}
		for _, a := range gold {
			g[sentKeyOf(a.src)+":"+sentKeyOf(a.tgt)] = true
		}
		var out []sentCalibSample
		for k, b := range beads {
			if !keep(b) {
				continue
			}
			out = append(out, sentCalibSample{x: xs[k], right: g[sentKeyOf(b.Src)+":"+sentKeyOf(b.Tgt)]})
		}
		return out
	}
	all := func(Bead) bool { return true }
	chs := sentLoadMAC(t)
	for _, k := range mac {
		ch := chs[k]
		beads := Sentences(ch.zh, ch.en, "zh", "en", SentOptions{})
		macS = append(macS, collect(beads, ch.gold, all)...)
	}
	if unHi > unLo {
		un := sentUNWhole(t)
		for _, other := range []string{"en", "fr", "es", "ru", "ar"} {
			s, tg, pg := sentPerturbPair(un["zh"], un[other], other, "whole-"+other, 3, 4)
			beads := Sentences(s, tg, "zh", other, SentOptions{})
			unS = append(unS, collect(beads, pg, func(b Bead) bool {
				if len(b.Src) > 0 {
					return b.Src[0] >= int(unLo*float64(len(s))) && b.Src[0] < int(unHi*float64(len(s)))
				}
				return b.Tgt[0] >= int(unLo*float64(len(tg))) && b.Tgt[0] < int(unHi*float64(len(tg)))
			})...)
		}
	}
	return
}

// TestSentCalibrationFit fits the calibration's coefficients on the fitting
// half of the development data and prints them. It runs only when
// CONCORD_ALIGN_FIT is set.
func TestSentCalibrationFit(t *testing.T) {
	if os.Getenv("CONCORD_ALIGN_FIT") == "" {
		t.Skip("set CONCORD_ALIGN_FIT=1 to fit the calibration")
	}
	macS, unS := sentCalibSamples(t, []int{0, 2, 4}, 0, 0.5)
	for k := range macS {
		macS[k].w = 0.5 / float64(len(macS))
	}
	for k := range unS {
		unS[k].w = 0.5 / float64(len(unS))
	}
	data := append(macS, unS...)
	// Newton's method on the weighted log-loss, with a little ridge.
	const nf = sentNCalib
	var w [nf]float64
	for it := 0; it < 50; it++ {
		var g [nf]float64
		var h [nf][nf]float64
		for _, s := range data {
			z := 0.0
			for f := range w {
				z += w[f] * s.x[f]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if s.right {
				y = 1
			}
			for a := range w {
				g[a] += s.w * (p - y) * s.x[a]
				for b := range w {
					h[a][b] += s.w * p * (1 - p) * s.x[a] * s.x[b]
				}
			}
		}
		for a := 0; a < nf-1; a++ {
			g[a] += 1e-4 * w[a]
			h[a][a] += 1e-4
		}
		d := sentSolve(h, g)
		for f := range w {
			w[f] -= d[f]
		}
	}
	fmt.Printf("coefficients: %#v\n", w)
}

// sentSolve solves h d = g by Gaussian elimination with partial pivoting.
func sentSolve(h [sentNCalib][sentNCalib]float64, g [sentNCalib]float64) [sentNCalib]float64 {
	const n = sentNCalib
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < n; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	var d [n]float64
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for k := r + 1; k < n; k++ {
			s -= h[r][k] * d[k]
		}
		if h[r][r] != 0 {
			d[r] = s / h[r][r]
		}
	}
	return d
}

func TestSentCalibrationHeldOut(t *testing.T) {
	mac, un := sentHeldOutCalib(t)
	t.Logf("held out, MAC-Dev 2, 4, 6: %s\n%s", mac, mac.table())
	t.Logf("held out, UN second half: %s\n%s", un, un.table())
}
