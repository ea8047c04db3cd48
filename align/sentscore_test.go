package align

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

// sentCorpora returns the corpora's sub-directory sub (see testenv): the
// test is skipped when CONCORD_CORPORA is unset and fails when it is missing.
func sentCorpora(t testing.TB, sub string) string {
	t.Helper()
	return testenv.File(t, sub)
}

// sentAlignment is a bead as (source ids, target ids), as in vecalign files.
type sentAlignment struct{ src, tgt []int }

// sentReadGold reads a vecalign-format alignment file ("[1,2]:[1,2,3]").
func sentReadGold(t testing.TB, path string) []sentAlignment {
	t.Helper()
	var out []sentAlignment
	for _, l := range testenv.Lines(t, path) {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		parts := strings.SplitN(l, ":", 2)
		var a sentAlignment
		if err := json.Unmarshal([]byte(parts[0]), &a.src); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		if err := json.Unmarshal([]byte(parts[1]), &a.tgt); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		out = append(out, a)
	}
	return out
}

func sentKeyOf(ids []int) string {
	if ids == nil {
		ids = []int{}
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// sentPrecisionCounts is _precision of vecalign's score.py: strict and lax
// true and false positives of test beads against gold beads, ignoring beads
// empty on both sides.
func sentPrecisionCounts(gold, test []sentAlignment) (tpStrict, fpStrict, tpLax, fpLax int) {
	goldSet := map[string]bool{}
	srcToGoldTgt := map[int]map[int]bool{}
	for _, g := range gold {
		if len(g.src) == 0 && len(g.tgt) == 0 {
			continue
		}
		goldSet[sentKeyOf(g.src)+":"+sentKeyOf(g.tgt)] = true
		for _, s := range g.src {
			if srcToGoldTgt[s] == nil {
				srcToGoldTgt[s] = map[int]bool{}
			}
			for _, tt := range g.tgt {
				srcToGoldTgt[s][tt] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, x := range test {
		if len(x.src) == 0 && len(x.tgt) == 0 {
			continue
		}
		k := sentKeyOf(x.src) + ":" + sentKeyOf(x.tgt)
		if seen[k] { // score.py works on sets
			continue
		}
		seen[k] = true
		if goldSet[k] {
			tpStrict++
			tpLax++
			continue
		}
		lax := false
		for _, s := range x.src {
			for _, tt := range x.tgt {
				if srcToGoldTgt[s][tt] {
					lax = true
				}
			}
		}
		fpStrict++
		if lax {
			tpLax++
		} else {
			fpLax++
		}
	}
	return
}

// sentScore holds summed counts over documents, as score_multiple does.
type sentScore struct {
	p, r [4]int
}

// add scores one document: precision on all test beads, recall as precision
// with gold and test swapped after dropping insertions and deletions.
func (sc *sentScore) add(gold, test []sentAlignment) {
	a, b, c, d := sentPrecisionCounts(gold, test)
	sc.p[0] += a
	sc.p[1] += b
	sc.p[2] += c
	sc.p[3] += d
	var testNoDel, goldNoDel []sentAlignment
	for _, x := range test {
		if len(x.src) > 0 && len(x.tgt) > 0 {
			testNoDel = append(testNoDel, x)
		}
	}
	for _, x := range gold {
		if len(x.src) > 0 && len(x.tgt) > 0 {
			goldNoDel = append(goldNoDel, x)
		}
	}
	a, b, c, d = sentPrecisionCounts(testNoDel, goldNoDel)
	sc.r[0] += a
	sc.r[1] += b
	sc.r[2] += c
	sc.r[3] += d
}

func sentRatio(a, b int) float64 {
	if a+b == 0 {
		return 0
	}
	return float64(a) / float64(a+b)
}

// strict returns strict precision, recall and F1.
func (sc *sentScore) strict() (p, r, f float64) { return sc.prf(0) }

// lax returns lax precision, recall and F1.
func (sc *sentScore) lax() (p, r, f float64) { return sc.prf(2) }

// prf returns precision, recall and F1 from the counts of right and wrong
// beads at k and k+1 (0: strict, 2: lax).
func (sc *sentScore) prf(k int) (p, r, f float64) {
	p = sentRatio(sc.p[k], sc.p[k+1])
	r = sentRatio(sc.r[k], sc.r[k+1])
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// sentToAlignments converts beads, optionally swapping the sides.
func sentToAlignments(beads []Bead, swap bool) []sentAlignment {
	out := make([]sentAlignment, len(beads))
	for k, b := range beads {
		if swap {
			out[k] = sentAlignment{src: b.Tgt, tgt: b.Src}
		} else {
			out[k] = sentAlignment{src: b.Src, tgt: b.Tgt}
		}
	}
	return out
}

func TestSentScoreMatchesVecalign(t *testing.T) {
	gold := []sentAlignment{{[]int{0}, []int{0}}, {[]int{1, 2}, []int{1}}, {[]int{3}, []int{2, 3}}, {[]int{4}, nil}}
	test := []sentAlignment{{[]int{0}, []int{0}}, {[]int{1}, []int{1}}, {[]int{2}, nil}, {[]int{3}, []int{2, 3}}, {[]int{4}, nil}}
	var sc sentScore
	sc.add(gold, test)
	// precision: (0)-(0) tp, (1)-(1) fp lax, (2)-() fp strict and lax, (3)-(2,3) tp, (4)-() tp.
	if sc.p != [4]int{3, 2, 4, 1} {
		t.Fatalf("precision counts %v", sc.p)
	}
	// recall: gold without deletions vs test without deletions: 3 gold beads, 2 exact.
	if sc.r != [4]int{2, 1, 3, 0} {
		t.Fatalf("recall counts %v", sc.r)
	}
}

func TestSentFastMath(t *testing.T) {
	for _, x := range []float32{0, 1e-6, 0.01, 0.3, 1, 2.5, 10, 123.4, 1e6} {
		got, want := sentLog1p(x), math.Log1p(float64(x))
		if math.Abs(got-want) > 1e-5*(1+math.Abs(want)) {
			t.Errorf("sentLog1p(%g) = %g, want %g", x, got, want)
		}
	}
	md := &sentModel{c: 1, s2: 1, eps: 0.2, lenTab: sentLenTable(0.2)}
	for _, x := range []float64{0, 0.01, 0.5, 1, 2, 4.99, 7.99, 8, 11.9, 12, 30} {
		// With c = s2 = 1, x = |lt-ls| / sqrt(ls+lt).
		ls := 100.0
		lt := ls + x*math.Sqrt(2*ls)
		for k := 0; k < 50; k++ {
			lt = ls + x*math.Sqrt(ls+lt)
		}
		xx := (lt - ls) / math.Sqrt(ls+lt)
		got := md.lengthCost(ls, lt)
		want := -math.Log(0.8*math.Erfc(xx) + 0.2*math.Erfc(xx/sentLenWide))
		if math.Abs(got-want) > 1e-3*(1+want) {
			t.Errorf("lengthCost at x=%g: %g, want %g", xx, got, want)
		}
	}
}

func TestSentLogAdd(t *testing.T) {
	for _, c := range [][2]float64{{0, 0}, {-1, -1.5}, {-1000, -1003.2}, {5, -30}, {-2, 7}, {0, -35.9}, {0, -40}} {
		got, want := sentLogAdd(c[0], c[1]), math.Log(math.Exp(c[0])+math.Exp(c[1]))
		if c[0] < -700 {
			want = c[0] + math.Log1p(math.Exp(c[1]-c[0]))
		}
		if math.Abs(got-want) > 1e-5 {
			t.Errorf("sentLogAdd(%g, %g) = %g, want %g", c[0], c[1], got, want)
		}
	}
	xs := []float64{-3, math.Inf(-1), -1, -2.5, -1}
	got, want := sentLogSum(xs, -1), math.Log(math.Exp(-3)+math.Exp(-1)+math.Exp(-2.5)+math.Exp(-1))
	if math.Abs(got-want) > 1e-5 {
		t.Errorf("sentLogSum = %g, want %g", got, want)
	}
}

func TestSentFitLength(t *testing.T) {
	// Squared normalised differences drawn from the mixture itself.
	var rs []float64
	rng := uint64(1)
	for k := 0; k < 20000; k++ {
		rng = rng*6364136223846793005 + 1442695040888963407
		u1 := (float64(rng>>11) + 0.5) / (1 << 53)
		rng = rng*6364136223846793005 + 1442695040888963407
		u2 := float64(rng>>11) / (1 << 53)
		z := math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2) // Box-Muller
		sd := 2.0
		if k%5 == 0 {
			sd *= sentLenWide
		}
		rs = append(rs, z*z*sd*sd)
	}
	s2, eps := sentFitLength(rs)
	if math.Abs(s2-4) > 0.4 || math.Abs(eps-0.2) > 0.04 {
		t.Errorf("fit s2=%.3f eps=%.3f, want 4 and 0.2", s2, eps)
	}
}
