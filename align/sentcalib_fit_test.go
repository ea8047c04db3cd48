package align

import (
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
)

// This file fits the calibration of the scores (sentcalib.go) and measures
// how well a fit holds on data it was not fitted on, by cross-fitting. The
// development data has three sources, weighted equally: MAC-Dev (free
// literary translation, six chapters), the UN set aligned whole with
// sentences dropped and merged (every pair, in two halves), and the UN set
// aligned document by document with sentences dropped and merged (every
// pair, even and odd documents), where short documents are aligned without
// a lexicon. Fold 1 fits on MAC-Dev chapters 1, 3, 5, the first half and
// the even documents, and is checked on chapters 2, 4, 6, the second half
// and the odd documents; fold 2 the other way round. Each chapter is also
// checked against a fit on the other five (with the first half and the
// even documents).

// sentCalibSample is one bead for the calibration fit: its features and
// whether it is exactly a gold bead.
type sentCalibSample struct {
	x     [sentNCalib]float64
	right bool
}

// sentCalibDev is the development data of the calibration, as features:
// the beads of every MAC-Dev chapter; those of the UN set aligned whole,
// by half (the half of the bead's first sentence); and those of the UN set
// aligned document by document, even and odd documents apart.
type sentCalibDev struct {
	mac [][]sentCalibSample
	un  [2][]sentCalibSample
	doc [2][]sentCalibSample
}

var sentCalibDevCache struct {
	sync.Mutex
	dev [2]*sentCalibDev
}

// sentCalibDevData aligns the development data with raw posteriors and
// returns the features of every bead. The small version, which the race
// detector can afford, has MAC-Dev whole but of the UN set only zh–fr and
// zh–ar, its first 1,000 lines aligned whole and its first 150 documents.
func sentCalibDevData(t testing.TB, small bool) *sentCalibDev {
	sentCalibDevCache.Lock()
	defer sentCalibDevCache.Unlock()
	v := 0
	if small {
		v = 1
	}
	if d := sentCalibDevCache.dev[v]; d != nil {
		return d
	}
	var xs [][sentNCalib]float64
	sentCalibFit = func(_ []sentStep, x [][sentNCalib]float64) { xs = x }
	defer func() { sentCalibFit = nil }()
	label := func(beads []Bead, gold []sentAlignment) []sentCalibSample {
		g := map[string]bool{}
		for _, a := range gold {
			g[sentKeyOf(a.src)+":"+sentKeyOf(a.tgt)] = true
		}
		out := make([]sentCalibSample, len(beads))
		for k, b := range beads {
			out[k] = sentCalibSample{x: xs[k], right: g[sentKeyOf(b.Src)+":"+sentKeyOf(b.Tgt)]}
		}
		return out
	}
	d := &sentCalibDev{}
	for _, ch := range sentLoadMAC(t) {
		beads := Sentences(ch.zh, ch.en, "zh", "en", SentOptions{})
		d.mac = append(d.mac, label(beads, ch.gold))
	}
	un := sentUNWhole(t)
	docs := sentLoadUNPC(t)
	pairs := []string{"en", "fr", "es", "ru", "ar"}
	if small {
		pairs = []string{"fr", "ar"}
		docs = docs[:150]
	}
	for _, other := range pairs {
		for k, doc := range docs {
			tgt, gold := sentPerturb(doc.symbol, other, doc.lines[other])
			beads := Sentences(doc.lines["zh"], tgt, "zh", other, SentOptions{})
			d.doc[k%2] = append(d.doc[k%2], label(beads, gold)...)
		}
		zh, tr := un["zh"], un[other]
		if small {
			zh, tr = zh[:1000], tr[:1000]
		}
		s, tg, pg := sentPerturbPair(zh, tr, other, "whole-"+other, 3, 4)
		beads := Sentences(s, tg, "zh", other, SentOptions{})
		for k, x := range label(beads, pg) {
			b := beads[k]
			h := 0
			if (len(b.Src) > 0 && b.Src[0] >= len(s)/2) || (len(b.Src) == 0 && b.Tgt[0] >= len(tg)/2) {
				h = 1
			}
			d.un[h] = append(d.un[h], x)
		}
	}
	sentCalibDevCache.dev[v] = d
	return d
}

// sentChapters returns the samples of the given MAC-Dev chapters (0-based).
func (d *sentCalibDev) chapters(ks ...int) []sentCalibSample {
	var out []sentCalibSample
	for _, k := range ks {
		out = append(out, d.mac[k]...)
	}
	return out
}

// sentFitCalib fits the calibration's coefficients by Newton's method on
// the log-loss, every source (MAC-Dev, the UN set aligned whole, …)
// weighted equally, with a little ridge.
func sentFitCalib(sources ...[]sentCalibSample) [sentNCalib]float64 {
	const nf = sentNCalib
	type wx struct {
		s sentCalibSample
		w float64
	}
	var data []wx
	n := 0
	for _, src := range sources {
		if len(src) > 0 {
			n++
		}
	}
	for _, src := range sources {
		for _, s := range src {
			data = append(data, wx{s, 1 / float64(n*len(src))})
		}
	}
	var w [nf]float64
	for it := 0; it < 30; it++ {
		var g [nf]float64
		var h [nf][nf]float64
		for _, d := range data {
			z := 0.0
			for f := range w {
				z += w[f] * d.s.x[f]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if d.s.right {
				y = 1
			}
			for a := range w {
				g[a] += d.w * (p - y) * d.s.x[a]
				for b := range w {
					h[a][b] += d.w * p * (1 - p) * d.s.x[a] * d.s.x[b]
				}
			}
		}
		for a := 0; a < nf-1; a++ {
			g[a] += 1e-4 * w[a]
			h[a][a] += 1e-4
		}
		dw := sentSolve(h, g)
		step := 0.0
		for f := range w {
			w[f] -= dw[f]
			step = max(step, math.Abs(dw[f]))
		}
		if step < 1e-9 {
			break
		}
	}
	return w
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

// sentApplyCalib scores samples with the coefficients w.
func sentApplyCalib(w [sentNCalib]float64, samples []sentCalibSample) *sentCalib {
	c := &sentCalib{}
	for _, s := range samples {
		z := 0.0
		for f := range w {
			z += w[f] * s.x[f]
		}
		c.score = append(c.score, 1/(1+math.Exp(-z)))
		c.right = append(c.right, s.right)
	}
	return c
}

// sentCalibReport is the calibration measured on data the fit has not
// seen.
type sentCalibReport struct {
	// Fold f fits on the f-th half of every source and is checked on the
	// other half: mac, un and doc hold the checks.
	mac, un, doc [2]*sentCalib
	// loco pools every chapter checked against a fit on the other five
	// (and the first halves of the UN sources); locoCh holds them one by
	// one.
	loco   *sentCalib
	locoCh []*sentCalib
}

// sentCalibFolds are the MAC-Dev chapters (0-based) of the two folds.
var sentCalibFolds = [2][]int{{0, 2, 4}, {1, 3, 5}}

// sentCrossFitCalib fits the calibration on each fold and checks it on the
// other, and chapter by chapter.
func sentCrossFitCalib(d *sentCalibDev) *sentCalibReport {
	r := &sentCalibReport{loco: &sentCalib{}}
	for f := range 2 {
		w := sentFitCalib(d.chapters(sentCalibFolds[f]...), d.un[f], d.doc[f])
		r.mac[f] = sentApplyCalib(w, d.chapters(sentCalibFolds[1-f]...))
		r.un[f] = sentApplyCalib(w, d.un[1-f])
		r.doc[f] = sentApplyCalib(w, d.doc[1-f])
	}
	for k := range d.mac {
		var others []int
		for o := range d.mac {
			if o != k {
				others = append(others, o)
			}
		}
		c := sentApplyCalib(sentFitCalib(d.chapters(others...), d.un[0], d.doc[0]), d.mac[k])
		r.locoCh = append(r.locoCh, c)
		r.loco.merge(c)
	}
	return r
}

// sentFitCalibAll fits the calibration on all the development data.
func sentFitCalibAll(d *sentCalibDev) [sentNCalib]float64 {
	cat := func(a, b []sentCalibSample) []sentCalibSample {
		return append(append([]sentCalibSample{}, a...), b...)
	}
	return sentFitCalib(d.chapters(0, 1, 2, 3, 4, 5), cat(d.un[0], d.un[1]), cat(d.doc[0], d.doc[1]))
}

func (r *sentCalibReport) String() string {
	var sb strings.Builder
	for f := range 2 {
		fmt.Fprintf(&sb, "fold %d (fitted on MAC-Dev chapters %v, UN %s half, %s documents):\n", f+1, sentOneBased(sentCalibFolds[f]), [2]string{"first", "second"}[f], [2]string{"even", "odd"}[f])
		fmt.Fprintf(&sb, "  MAC-Dev chapters %v: %s\n%s", sentOneBased(sentCalibFolds[1-f]), r.mac[f], r.mac[f].table())
		fmt.Fprintf(&sb, "  UN aligned whole, %s half: %s\n%s", [2]string{"second", "first"}[f], r.un[f], r.un[f].table())
		fmt.Fprintf(&sb, "  UN by document, %s documents: %s\n%s", [2]string{"odd", "even"}[f], r.doc[f], r.doc[f].table())
	}
	fmt.Fprintf(&sb, "each MAC-Dev chapter fitted on the other five, pooled: %s\n%s  per chapter ECE:", r.loco, r.loco.table())
	for _, c := range r.locoCh {
		fmt.Fprintf(&sb, " %.3f", c.ece())
	}
	sb.WriteString("\n")
	return sb.String()
}

func sentOneBased(ks []int) []int {
	out := make([]int, len(ks))
	for k, x := range ks {
		out[k] = x + 1
	}
	return out
}

// TestSentCalibrationFit fits the calibration's coefficients on all the
// development data and prints them, with the cross-fitting report. It runs
// only when CONCORD_ALIGN_FIT is set.
func TestSentCalibrationFit(t *testing.T) {
	if os.Getenv("CONCORD_ALIGN_FIT") == "" {
		t.Skip("set CONCORD_ALIGN_FIT=1 to fit the calibration")
	}
	d := sentCalibDevData(t, false)
	w := sentFitCalibAll(d)
	fmt.Printf("var sentCalibCoef = [...]float64{%s}\n", strings.Trim(strings.Join(strings.Fields(fmt.Sprint(w)), ", "), "[]"))
	fmt.Print(sentCrossFitCalib(d))
}
