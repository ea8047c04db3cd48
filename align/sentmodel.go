package align

import (
	"math"
	"sort"

	"concord/align/internal/anchor"
	"concord/align/internal/model1"
	"concord/segment/langtag"
)

// sentModel scores beads: cost = -log prior(shape) - length LLR - anchor LLR
// - lexical LLR. Beads with an empty side score their prior and, in the
// lexical passes, a cost per token of the sentence left alone (delTok).
type sentModel struct {
	S, T     *sentSide
	c, s2    float64 // target/source length ratio and variance per unit
	eps      float64 // weight of the wide component of the length model
	lenTab   []float64
	logPrior []float64
	prior0   []float64 // prior bead shape probabilities before estimation

	lex   *model1.Table
	pairs *sentPairs
	lexW  float64
	lam   float64 // weight of the background model (0: sentLexLambda)

	// delTok is the cost, per token and in units of lexW, of a sentence
	// left without counterpart in the lexical passes: a share of what its
	// words would cost unexplained inside a bead (see sentDeletionShare).
	delTok float64

	// dict is the dictionary channel (see sentdict.go): a model of its own
	// over dictionary tokens whose lexical score is added with weight
	// dictW; nil when no dictionary serves the language pair.
	dict  *sentModel
	dictW float64

	// scratch
	acc     []float32
	touched []int
	used    []bool
}

// sentAnchorWeights are the anchor log-likelihood ratios: reward when an
// anchor of a bead has its counterpart on the other side, penalty when it
// has none, and the reward for a matched number written in words.
var sentAnchorWeights = anchor.Weights{
	Reward: [anchor.NKinds]float64{
		anchor.Num: 2.5, anchor.Ref: 3, anchor.Question: 1, anchor.Colon: 0.5, anchor.Paren: 1, anchor.Quote: 0.7, anchor.Latin: 2.5, anchor.Gloss: 3,
	},
	Penalty: [anchor.NKinds]float64{
		anchor.Num: 1, anchor.Ref: 1, anchor.Question: 0.7, anchor.Colon: 0.3, anchor.Paren: 0.5, anchor.Quote: 0.3, anchor.Latin: 1, anchor.Gloss: 1,
	},
	Soft: 1.5,
}

const (
	sentLexLambda = 0.5 // weight of the background model in P(word | bead)
	// weight of the lexical log-likelihood ratio: below 1, as the
	// model's independence assumptions overstate the evidence of many
	// words (chosen with sentDeletionShare on the UN set aligned whole
	// with sentences dropped and merged, three draws, every pair)
	sentLexWeight = 0.85
	// sentDeletionShare is the share of what a sentence's words would
	// cost unexplained inside a bead (log λ per token, averaged over the
	// two directions) that a sentence left without counterpart pays in
	// the lexical passes. Without it, a sentence pair that translate each
	// other but whose words the document's lexicon barely knows (a long
	// sentence on a subject the document touches once) cost more as a
	// 1-1 bead than as two deletions, which cost only their priors
	// whatever their length; the UN set aligned whole lost most of its
	// errors that way (zh–fr .989 → .994). Short deletions (headings,
	// stray lines) stay cheap.
	sentDeletionShare = 0.35
	// weight of the learned lexicon next to the dictionary channel
	sentLexWeightDict = 0.25
	// weight with a lexicon learned from other documents, less specific
	sentLexWeightGiven = 0.4
	sentPriorMass      = 100.  // pseudo-count of the default bead priors
	sentLenPrior       = 1000. // pseudo-length (source units) of the default ratio
)

func newSentModel(S, T *sentSide) *sentModel {
	md := &sentModel{S: S, T: T, lexW: sentLexWeight}
	c0 := sentDensityOf(T.lang) / sentDensityOf(S.lang)
	ls, lt := S.length[S.n], T.length[T.n]
	md.c = (lt + c0*sentLenPrior) / (ls + sentLenPrior)
	md.s2 = sentDefaultS2(S.lang, T.lang)
	md.eps, md.lenTab = sentLenEps0, sentLenTab0
	md.prior0 = sentPrior0
	md.logPrior = make([]float64, len(sentTypes))
	for t, p := range sentPrior0 {
		md.logPrior[t] = math.Log(p)
	}
	return md
}

// lengthCost is minus the log of the probability that the length difference
// of a translation is at least the observed one (Gale & Church's measure),
// under a mixture of two normal distributions of the difference: one with
// variance s2 times the mean length, in target units, and with weight eps one
// sentLenWide times wider, for the heavy tail of free translations.
func (md *sentModel) lengthCost(ls, lt float64) float64 {
	mean := (ls*md.c + lt) / 2
	if mean <= 0 {
		return 0
	}
	x := math.Abs(lt-md.c*ls) / math.Sqrt(2*md.s2*mean)
	if x < sentLenTabMax {
		f := x * sentLenTabStep
		k := int(f)
		r := f - float64(k)
		return md.lenTab[k]*(1-r) + md.lenTab[k+1]*r
	}
	return sentNegLogTail(x, md.eps)
}

// sentNegLogTail is -log((1-eps) erfc(x) + eps erfc(x/sentLenWide)).
func sentNegLogTail(x, eps float64) float64 {
	v := (1-eps)*math.Erfc(x) + eps*math.Erfc(x/sentLenWide)
	if v > 1e-300 {
		return -math.Log(v)
	}
	// erfc(x) ~ exp(-x^2) / (x sqrt(pi))
	y := x
	if eps > 0 {
		y = x / sentLenWide
	}
	return y*y + math.Log(y*math.Sqrt(math.Pi))
}

// The length cost is interpolated from a table of sentNegLogTail up to
// x = sentLenTabMax.
const (
	sentLenTabStep = 64
	sentLenTabMax  = 12
	sentLenWide    = 3.0
)

var sentLenTab0 = sentLenTable(sentLenEps0)

func sentLenTable(eps float64) []float64 {
	t := make([]float64, sentLenTabMax*sentLenTabStep+2)
	for k := range t {
		t[k] = sentNegLogTail(float64(k)/sentLenTabStep, eps)
	}
	return t
}

// cost of the bead of shape t ending at cell (i, j).
func (md *sentModel) cost(t, i, j int, lexical bool) float64 {
	ty := sentTypes[t]
	c := -md.logPrior[t]
	if ty.a == 0 || ty.b == 0 {
		if lexical && md.delTok > 0 && md.pairs != nil && md.lex != nil {
			if ty.a > 0 {
				c += md.lexW * md.delTok * float64(md.S.ntok[i]-md.S.ntok[i-1])
			} else {
				c += md.lexW * md.delTok * float64(md.T.ntok[j]-md.T.ntok[j-1])
			}
		}
		return c
	}
	S, T := md.S, md.T
	ls := S.length[i] - S.length[i-ty.a]
	lt := T.length[j] - T.length[j-ty.b]
	c += md.lengthCost(ls, lt)
	c -= md.anchorScore(i-ty.a, i, j-ty.b, j)
	if c > sentHopeless {
		// Far too long or too short for a translation: not worth the
		// lexical score, which could not make it competitive.
		return c
	}
	if lexical && md.pairs != nil && md.lex != nil {
		c -= md.lexW * md.lexScore(i-ty.a, i, j-ty.b, j)
	}
	if lexical && md.dict != nil && md.dict.pairs != nil {
		c -= md.dictW * md.dict.lexScore(i-ty.a, i, j-ty.b, j)
	}
	return c
}

// lambda is the weight of the background model in P(word | bead).
func (md *sentModel) lambda() float64 {
	if md.lam > 0 {
		return md.lam
	}
	return sentLexLambda
}

// anchorScore is the anchor log-likelihood ratio of the bead src[i0:i1],
// tgt[j0:j1].
func (md *sentModel) anchorScore(i0, i1, j0, j1 int) float64 {
	S, T := md.S, md.T
	na, nb := 0, 0
	for i := i0; i < i1; i++ {
		na += len(S.anch[i])
	}
	for j := j0; j < j1; j++ {
		nb += len(T.anch[j])
	}
	if na == 0 && nb == 0 {
		return 0
	}
	if cap(md.used) < nb {
		md.used = make([]bool, nb)
	}
	used := md.used[:nb]
	clear(used)
	score := 0.0
	w := &sentAnchorWeights
	var byKey anchor.Index // for a bead of many anchors (see anchor.IndexPairs)
	if na*nb > anchor.IndexPairs {
		byKey = anchor.NewIndex(T.anch[j0:j1])
	}
	for i := i0; i < i1; i++ {
		for _, a := range S.anch[i] {
			switch {
			case a.Kind == anchor.Latin && T.latin:
				if sentHasHash(T.hashes[j0:j1], a.Key) {
					score += w.Reward[a.Kind]
				} else {
					score -= w.Penalty[a.Kind]
				}
			case byKey != nil:
				score += byKey.Match(a, used, w)
			default:
				score += anchor.Search(a, T.anch[j0:j1], used, w)
			}
		}
	}
	k := 0
	for j := j0; j < j1; j++ {
		for _, b := range T.anch[j] {
			if !used[k] && !b.Soft {
				if b.Kind == anchor.Latin && S.latin {
					if sentHasHash(S.hashes[i0:i1], b.Key) {
						score += w.Reward[b.Kind]
						k++
						continue
					}
				}
				score -= w.Penalty[b.Kind]
			}
			k++
		}
	}
	return score
}

func sentHasHash(lists [][]uint64, key uint64) bool {
	for _, h := range lists {
		k := sort.Search(len(h), func(x int) bool { return h[x] >= key })
		if k < len(h) && h[k] == key {
			return true
		}
	}
	return false
}

// reestimate sets the length ratio, its variance and (unless keepPriors)
// the bead priors from an alignment path.
func (md *sentModel) reestimate(path []sentStep, keepPriors bool) {
	S, T := md.S, md.T
	counts := make([]float64, len(sentTypes))
	var sl, tl float64
	type obs struct{ ls, lt float64 }
	var os []obs
	for _, p := range path {
		counts[p.t]++
		ty := sentTypes[p.t]
		if ty.a == 0 || ty.b == 0 || ty.a+ty.b > 3 {
			continue
		}
		ls := S.length[p.i] - S.length[p.i-ty.a]
		lt := T.length[p.j] - T.length[p.j-ty.b]
		if ls == 0 || lt == 0 {
			continue
		}
		os = append(os, obs{ls, lt})
		sl += ls
		tl += lt
	}
	total := float64(len(path))
	for t := range counts {
		if keepPriors {
			break
		}
		p := (counts[t] + sentPriorMass*md.prior0[t]) / (total + sentPriorMass)
		md.logPrior[t] = math.Log(p)
	}
	if len(os) < 20 {
		return
	}
	c0 := sentDensityOf(T.lang) / sentDensityOf(S.lang)
	md.c = (tl + c0*sentLenPrior) / (sl + sentLenPrior)
	rs := make([]float64, len(os))
	for k, o := range os {
		d := o.lt - md.c*o.ls
		rs[k] = d * d / ((o.ls*md.c + o.lt) / 2)
	}
	s2, eps := sentFitLength(rs)
	// Shrink towards the defaults while the document is short.
	w := float64(len(rs)) / (float64(len(rs)) + sentLenPriorBeads)
	md.s2 = w*s2 + (1-w)*sentDefaultS2(S.lang, T.lang)
	md.eps = w*eps + (1-w)*sentLenEps0
	md.lenTab = sentLenTable(md.eps)
}

// sentLenPriorBeads is the weight, in beads, of the default length variance
// and tail weight against those estimated from a document.
const sentLenPriorBeads = 50

// sentDefaultS2 is the variance of the length model before it is estimated,
// in target units, from fits on the UN Parallel Corpus development set: 2.5
// per English letter among alphabetic languages; 8 (fits gave 5 to 6, but
// a wider model merges fewer sentences wrongly) between Chinese and them.
func sentDefaultS2(srcLang, tgtLang string) float64 {
	k := 2.5
	if (langtag.Base(srcLang) == "zh") != (langtag.Base(tgtLang) == "zh") {
		k = 8
	}
	return k * sentDensityOf(tgtLang)
}

// sentFitLength fits the two-component length model to the squared
// normalised differences rs by EM and returns its variance and the weight
// of the wide component.
func sentFitLength(rs []float64) (s2, eps float64) {
	s2, eps = 0, sentLenEps0
	for _, r := range rs {
		s2 += r
	}
	s2 /= float64(len(rs))
	k2 := sentLenWide * sentLenWide
	for it := 0; it < 30; it++ {
		var sn, sw, nw float64
		for _, r := range rs {
			// Normal densities of d with variances s2 and k2*s2 (up to the
			// common factor), at d^2/mean = r.
			pn := (1 - eps) * math.Exp(-r/(2*s2))
			pw := eps / sentLenWide * math.Exp(-r/(2*k2*s2))
			g := 1.0
			if pn+pw > 0 {
				g = pw / (pn + pw)
			}
			sn += (1 - g) * r
			sw += g * r / k2
			nw += g
		}
		s2 = max((sn+sw)/float64(len(rs)), 0.25)
		eps = min(max(nw/float64(len(rs)), 0.01), 0.5)
	}
	return s2, eps
}

// trainLex trains the lexicon on the beads of path that have two sides and
// a posterior of at least sentTrainPost (on all of them if those are fewer
// than half).
func (md *sentModel) trainLex(path []sentStep) {
	S, T := md.S, md.T
	sure, two := 0, 0
	for _, p := range path {
		if ty := sentTypes[p.t]; ty.a > 0 && ty.b > 0 {
			two++
			if p.post >= sentTrainPost {
				sure++
			}
		}
	}
	minPost := sentTrainPost
	if 2*sure < two {
		minPost = 0
	}
	var pairs []model1.Pair
	for _, p := range path {
		ty := sentTypes[p.t]
		if ty.a == 0 || ty.b == 0 || p.post < minPost {
			continue
		}
		var tp model1.Pair
		for i := p.i - ty.a; i < p.i; i++ {
			tp.Src = append(tp.Src, S.toks[i]...)
		}
		for j := p.j - ty.b; j < p.j; j++ {
			tp.Tgt = append(tp.Tgt, T.toks[j]...)
		}
		pairs = append(pairs, tp)
	}
	md.lex = model1.Train(pairs, S.vocab, T.vocab)
}

// sentTrainPost is the least posterior of the beads the lexicon learns from.
const sentTrainPost = 0.9

// sentHopeless is the cost above which a bead is not given a lexical score:
// its length or anchors make it far too unlikely for that to matter.
const sentHopeless = 20

const sentLenEps0 = 0.05 // eps before it is estimated
