package align

import (
	"math"

	"concord/align/internal/model1"
)

// This file turns the aligner's posterior probabilities into calibrated
// scores: the probability that a bead is exactly right.
//
// The posterior is the probability of a bead under the aligner's model, and
// the model is sure of itself where its assumptions hold (UN text
// translated sentence by sentence: of the beads with a posterior of at
// least .9, 99.7 % are right) and too sure where they do not (free literary
// translation: 92 %, and 78 to 81 % of the merged beads of the freest
// chapters, whose true beads are sometimes larger than the aligner's
// shapes or cross each other). A logistic regression maps the posterior,
// with features the posterior ignores, to the probability of being exactly
// right:
//
//   - the posterior's logit;
//   - the logarithm of the share of the document's beads whose posterior
//     is below .9 (a measure of how freely the text is translated), and its
//     product with the logit;
//   - whether the bead is a deletion (1-0, 0-1), whether it joins four
//     sentences or more, and whether five;
//   - the bead's length cost (how far its length ratio lies from the
//     document's);
//   - the share of the bead's tokens that the lexicon links to some token
//     on the other side (the dictionary channel's lexicon where it serves
//     the document, else the learned one): how much of the translation the
//     aligner can actually see; and the least such share of one of its
//     sentences (a sentence the other side does not explain at all is
//     often one that belongs to a neighbouring bead);
//   - whether a neighbouring bead is a deletion (a sentence left alone next
//     to a bead is often one that belongs to it, in a larger bead than the
//     aligner's shapes allow);
//   - whether the document was aligned with a lexicon at all (short
//     documents are aligned by length and anchors alone).
//
// The coefficients were fitted (TestSentCalibrationFit) on all the
// development data, three sources weighted equally: the six chapters of
// MAC-Dev, the UN development set aligned whole with sentences dropped and
// merged (every pair), and the same set aligned document by document with
// sentences dropped and merged (every pair; most documents are short and
// aligned without a lexicon). How well such a fit holds on text it has not
// seen is measured by cross-fitting (TestSentCalibration): fitted on MAC-Dev
// chapters 1, 3, 5, one half of the UN set and half of its documents,
// checked on chapters 2, 4, 6 and the other halves, and the other way
// round, and chapter by chapter (fitted on the other five). A calibration
// is only as good as the variety of its development data: on free
// translation aligned without the dictionary (SentOptions.NoDictionary, or
// another language pair), the scores are too high.

// sentCalibCoef are the regression's coefficients, in the order of
// calibFeatures, bias last.
var sentCalibCoef = [...]float64{0.3989227254531354, -0.5890412114482539, 0.00586440961827623, -1.3792918295590837, -0.8827187288385696, -0.4309999557617474, -0.449031437610856, 0.21856537187139213, 0.7675886908306243, -0.7544287645729038, -2.749805516649521, 2.561746232239935}

// sentNCalib is the number of calibration features, bias included.
const sentNCalib = len(sentCalibCoef)

// sentCalibScratch marks the tokens a bead's other side can translate
// into, for the coverage feature.
type sentCalibScratch struct {
	markS, markT []int32
	stamp        int32
}

// coverage returns the share of the tokens of the bead src[i0:i1],
// tgt[j0:j1] that the lexicon of md links to some token of the other side,
// and the least such share of one of its sentences (0 and 0 without a
// lexicon; sentences without tokens do not count).
func (md *sentModel) coverage(sc *sentCalibScratch, i0, i1, j0, j1 int) (all, least float64) {
	lex := md.lex
	if lex == nil {
		return 0, 0
	}
	S, T := md.S, md.T
	if len(sc.markS) < S.vocab {
		sc.markS = make([]int32, S.vocab)
	}
	if len(sc.markT) < T.vocab {
		sc.markT = make([]int32, T.vocab)
	}
	sc.stamp++
	st := sc.stamp
	sentMark(sc.markT, st, S.toks[i0:i1], lex.Fwd)
	sentMark(sc.markS, st, T.toks[j0:j1], lex.Bwd)
	nT, cT, leastT := sentCovered(T.toks[j0:j1], sc.markT, st)
	nS, cS, leastS := sentCovered(S.toks[i0:i1], sc.markS, st)
	n, c := nT+nS, cT+cS
	if n == 0 {
		return 0, 0
	}
	return float64(c) / float64(n), min(leastT, leastS)
}

// sentMark marks with st, in mark over the other side's vocabulary, the
// tokens that the lexicon table links to some token of the sentences.
func sentMark(mark []int32, st int32, sents [][]int32, table [][]model1.Entry) {
	for _, toks := range sents {
		for _, z := range toks {
			for _, e := range table[z] {
				mark[e.ID] = st
			}
		}
	}
}

// sentCovered counts the tokens of the sentences, n, and those marked
// with st, c, and gives the least share of marked tokens of a sentence
// (1 if no sentence has tokens).
func sentCovered(sents [][]int32, mark []int32, st int32) (n, c int, least float64) {
	least = 1
	for _, toks := range sents {
		c0 := c
		for _, e := range toks {
			if mark[e] == st {
				c++
			}
		}
		n += len(toks)
		if len(toks) > 0 {
			least = min(least, float64(c-c0)/float64(len(toks)))
		}
	}
	return n, c, least
}

// calibFeatures fills x with the features of bead k of path (bias last);
// unsure is the share of the path's beads with a posterior below .9.
func (md *sentModel) calibFeatures(sc *sentCalibScratch, path []sentStep, k int, unsure float64, x *[sentNCalib]float64) {
	st := path[k]
	l := sentLogit(st.post)
	ty := sentTypes[st.t]
	del, big, five, lenc, cov, least, adj, hasLex := 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
	if ty.a == 0 || ty.b == 0 {
		del = 1
	}
	if ty.a+ty.b >= 4 {
		big = 1
	}
	if ty.a+ty.b == 5 {
		five = 1
	}
	for _, q := range [2]int{k - 1, k + 1} {
		if q >= 0 && q < len(path) {
			if qt := sentTypes[path[q].t]; qt.a == 0 || qt.b == 0 {
				adj = 1
			}
		}
	}
	ch := md
	if md.dict != nil && md.dict.pairs != nil {
		ch = md.dict
	}
	if ch.lex != nil {
		hasLex = 1
	}
	if del == 0 {
		i0, j0 := st.i-ty.a, st.j-ty.b
		lenc = min(md.lengthCost(md.S.length[st.i]-md.S.length[i0], md.T.length[st.j]-md.T.length[j0]), 10)
		cov, least = ch.coverage(sc, i0, st.i, j0, st.j)
	}
	lu := math.Log(unsure + 0.02)
	*x = [sentNCalib]float64{l, lu, l * lu, del, big, five, lenc, cov, least, adj, hasLex, 1}
}

func sentLogit(p float64) float64 {
	p = min(max(p, 1e-4), 1-1e-4)
	return math.Log(p / (1 - p))
}

// sentCalibFit, when set, receives every aligned document's features and
// leaves the posteriors uncalibrated (for fitting the coefficients).
var sentCalibFit func(path []sentStep, x [][sentNCalib]float64)

// calibrate replaces the posterior of every bead of path by its calibrated
// score.
func (md *sentModel) calibrate(path []sentStep) {
	if len(path) == 0 {
		return
	}
	unsure := 0
	for _, s := range path {
		if s.post < 0.9 {
			unsure++
		}
	}
	u := float64(unsure) / float64(len(path))
	var sc sentCalibScratch
	if sentCalibFit != nil {
		xs := make([][sentNCalib]float64, len(path))
		for k := range path {
			md.calibFeatures(&sc, path, k, u, &xs[k])
		}
		sentCalibFit(path, xs)
		return
	}
	// a bead's features read its own posterior and its neighbours'
	// shapes only, so each is scored as soon as they are known
	var x [sentNCalib]float64
	for k := range path {
		md.calibFeatures(&sc, path, k, u, &x)
		z := 0.0
		for f, c := range sentCalibCoef {
			z += c * x[f]
		}
		path[k].post = 1 / (1 + math.Exp(-z))
	}
}
