package align

import "math"

// This file turns the aligner's posterior probabilities into calibrated
// scores: the probability that a bead is exactly right.
//
// The posterior is the probability of a bead under the aligner's model, and
// the model is sure of itself where its assumptions hold (UN text
// translated sentence by sentence: of the beads with a posterior of at
// least .9, 99.8 % are right) and far too sure where they do not (free
// literary translation: 61 % before the dictionary, 92 % with it). A
// logistic regression maps the posterior, with features the posterior
// ignores, to the probability of being exactly right:
//
//   - the posterior's logit;
//   - the logarithm of the share of the document's beads whose posterior
//     is below .9 (a measure of how freely the text is translated), and its
//     product with the logit;
//   - the logit of the lower of the two neighbouring beads' posteriors;
//   - whether the bead is a deletion (1-0, 0-1), and whether it joins four
//     sentences or more;
//   - the bead's length cost (how far its length ratio lies from the
//     document's);
//   - the dictionary channel's score of the bead per token, and whether the
//     dictionary served the document.
//
// The coefficients were fitted (TestSentCalibrationFit) on half of the
// development data, MAC-Dev chapters 1, 3 and 5 and the first half of the
// UN development set aligned whole with sentences dropped and merged (the
// two sources weighted equally), and are checked on the other half
// (TestSentCalibration).

// sentCalibCoef are the regression's coefficients, in the order of
// sentCalibFeatures, bias last.
var sentCalibCoef = [...]float64{0.31416969474737466, -0.16081966917005294, -0.05092652964344839, 0.03552907121821194, -2.619782340057715, -0.7093407186595418, -0.49997320243767673, -0.4817552194240013, -1.0212117740650613, 1.8898289120777887}

// sentNCalib is the number of calibration features, bias included.
const sentNCalib = len(sentCalibCoef)

// calibFeatures fills x with the features of bead k of path (bias last);
// unsure is the share of the path's beads with a posterior below .9.
func (md *sentModel) calibFeatures(path []sentStep, k int, unsure float64, x *[sentNCalib]float64) {
	st := path[k]
	l := sentLogit(st.post)
	nb := 1.0
	if k > 0 {
		nb = min(nb, path[k-1].post)
	}
	if k+1 < len(path) {
		nb = min(nb, path[k+1].post)
	}
	ty := sentTypes[st.t]
	del, big, lenc, dict, hasDict := 0.0, 0.0, 0.0, 0.0, 0.0
	if ty.a == 0 || ty.b == 0 {
		del = 1
	}
	if ty.a+ty.b >= 4 {
		big = 1
	}
	if del == 0 {
		i0, j0 := st.i-ty.a, st.j-ty.b
		lenc = min(md.lengthCost(md.S.length[st.i]-md.S.length[i0], md.T.length[st.j]-md.T.length[j0]), 10)
		if dm := md.dict; dm != nil && dm.pairs != nil {
			hasDict = 1
			ntok := dm.S.ntok[st.i] - dm.S.ntok[i0] + dm.T.ntok[st.j] - dm.T.ntok[j0]
			if ntok > 0 {
				dict = max(-2, min(2, dm.lexScore(i0, st.i, j0, st.j)/float64(ntok)*2))
			}
		}
	}
	lu := math.Log(unsure + 0.02)
	*x = [sentNCalib]float64{l, lu, l * lu, sentLogit(nb), del, big, lenc, dict, hasDict, 1}
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
	xs := make([][sentNCalib]float64, len(path))
	for k := range path {
		md.calibFeatures(path, k, u, &xs[k])
	}
	if sentCalibFit != nil {
		sentCalibFit(path, xs)
		return
	}
	for k := range path {
		z := 0.0
		for f, c := range sentCalibCoef {
			z += c * xs[k][f]
		}
		path[k].post = 1 / (1 + math.Exp(-z))
	}
}
