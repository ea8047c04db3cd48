package align

import (
	"math"
	"sync"

	"concord/align/internal/model1"
)

// sentPairs holds the lexical terms of every sentence pair (i, j) that a
// bead of the search band can contain (see buildLexCache). To compute them,
// it records for a block of rows at a time which tokens of each sentence the
// other sentence can translate, and how well: for token k of tgt[j], the sum
// over the source tokens z of src[i] of t(e_k|z) divided by the background
// probability of e_k (and the same the other way). Only non-zero entries are
// kept, so the terms cost time proportional to the translation links.
type sentPairs struct {
	plo, phi []int // tgt range of src sentence i
	pbase    []int

	// Entries of the current block of rows: the tokens of tgt[j] that
	// src[i] explains (fwd), and of src[i] that tgt[j] explains (bwd).
	fwd, bwd sentEntries

	// Lexical terms per pair and bead side size (see buildLexCache).
	fwdTerm, bwdTerm []float32
}

func (ps *sentPairs) pair(i, j int) int {
	return ps.pbase[i] + j - ps.plo[i]
}

// sentPairBlock is the number of rows whose entries are held at once.
const sentPairBlock = 512

// buildPairs fills md.pairs with the lexical terms of the beads that band b
// allows.
func (md *sentModel) buildPairs(b *sentBand) {
	S, T, lex := md.S, md.T, md.lex
	n, m := S.n, T.n
	// Reuse the previous pass's buffers.
	ps := md.pairs
	if ps == nil {
		ps = &sentPairs{}
	}
	ps.plo = sentGrow(ps.plo, n)
	ps.phi = sentGrow(ps.phi, n)
	ps.pbase = sentGrow(ps.pbase, n+1)
	for i := 0; i < n; i++ {
		ps.plo[i] = b.lo[max(0, i+1-sentMaxSide)]
		ps.phi[i] = min(m-1, b.hi[min(n, i+sentMaxSide)]-1)
		if ps.phi[i] < ps.plo[i] {
			ps.phi[i] = ps.plo[i] - 1
		}
		ps.pbase[i+1] = ps.pbase[i] + ps.phi[i] - ps.plo[i] + 1
	}
	np := ps.pbase[n]
	ps.fwd.grow(np)
	ps.bwd.grow(np)
	ps.fwdTerm = sentGrow(ps.fwdTerm, np*sentMaxSide)
	ps.bwdTerm = sentGrow(ps.bwdTerm, np*sentMaxSide)
	md.pairs = ps
	maxTok := 0
	for _, t := range S.toks {
		maxTok = max(maxTok, len(t))
	}
	for _, t := range T.toks {
		maxTok = max(maxTok, len(t))
	}
	md.acc = make([]float32, maxTok)
	dT, dS := newSentDense(T.vocab), newSentDense(S.vocab)
	for r0 := 0; r0 < n; r0 += sentPairBlock {
		r1 := min(n, r0+sentPairBlock)
		// The terms of rows r0..r1-1 need the forward entries of the
		// sentMaxSide-1 rows before as well.
		f0 := max(0, r0+1-sentMaxSide)
		ps.fwd.reset()
		ps.bwd.reset()
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps.buildBackward(S, T, lex, r0, r1, dS)
		}()
		ps.buildForward(S, T, lex, f0, r1, dT)
		wg.Wait()
		md.buildLexCache(b, r0, r1)
	}
}

// sentDense accumulates translation probabilities over one side's
// vocabulary: v[e] is the sum of the entries of token e met so far, and
// touched lists the tokens whose sum is not zero.
type sentDense struct {
	v       []float32
	touched []int32
}

func newSentDense(vocab int) *sentDense {
	return &sentDense{v: make([]float32, vocab)}
}

// spread adds the entries in table of the tokens toks.
func (d *sentDense) spread(toks []int32, table [][]model1.Entry) {
	for _, z := range toks {
		for _, e := range table[z] {
			if d.v[e.ID] == 0 {
				d.touched = append(d.touched, e.ID)
			}
			d.v[e.ID] += e.P
		}
	}
}

// reset sets the sums back to zero.
func (d *sentDense) reset() {
	for _, e := range d.touched {
		d.v[e] = 0
	}
	d.touched = d.touched[:0]
}

// sentEntries are the entries of one direction for the pairs of a block
// of rows: those of pair p are k[off[p]:off[p]+n[p]] and v likewise, the
// positions of the tokens of one sentence that the other explains, and
// how well.
type sentEntries struct {
	off []int32
	n   []uint16
	k   []uint16
	v   []float32
}

// grow makes room for the entries of np pairs.
func (en *sentEntries) grow(np int) {
	en.off = sentGrow(en.off, np)
	en.n = sentGrow(en.n, np)
}

// reset empties the entries, for a new block of rows.
func (en *sentEntries) reset() {
	en.k, en.v = en.k[:0], en.v[:0]
}

// record sets the entries of pair p: the tokens toks that d explains, with
// d's sum times the token's inverse background probability where that is
// above zero.
func (en *sentEntries) record(p int, toks []int32, d *sentDense, invBg []float32) {
	en.off[p] = int32(len(en.k))
	if len(d.touched) > 0 {
		for k, e := range toks {
			if v := d.v[e] * invBg[e]; v > 0 {
				en.k = append(en.k, uint16(k))
				en.v = append(en.v, v)
			}
		}
	}
	en.n[p] = uint16(len(en.k) - int(en.off[p]))
}

// of returns the entries of pair p.
func (en *sentEntries) of(p int) ([]uint16, []float32) {
	o, l := en.off[p], int32(en.n[p])
	return en.k[o : o+l], en.v[o : o+l]
}

// buildForward records the tokens of tgt[j] explained by src[i] for the
// rows i in [r0, r1). d is a scratch over the target vocabulary, zeroed.
func (ps *sentPairs) buildForward(S, T *sentSide, lex *model1.Table, r0, r1 int, d *sentDense) {
	for i := r0; i < r1; i++ {
		d.spread(S.toks[i], lex.Fwd)
		for j := ps.plo[i]; j <= ps.phi[i]; j++ {
			ps.fwd.record(ps.pair(i, j), T.toks[j], d, T.invBg)
		}
		d.reset()
	}
}

// buildBackward records the tokens of src[i] explained by tgt[j] for the
// rows i in [r0, r1). d is a scratch over the source vocabulary, zeroed.
func (ps *sentPairs) buildBackward(S, T *sentSide, lex *model1.Table, r0, r1 int, d *sentDense) {
	ilo := r0
	for j := ps.plo[r0]; j <= ps.phi[r1-1]; j++ {
		for ilo < r1 && ps.phi[ilo] < j {
			ilo++
		}
		if ilo >= r1 || ps.plo[ilo] > j {
			continue
		}
		d.spread(T.toks[j], lex.Bwd)
		for i := ilo; i < r1 && ps.plo[i] <= j; i++ {
			if ps.phi[i] < j {
				continue
			}
			ps.bwd.record(ps.pair(i, j), S.toks[i], d, S.invBg)
		}
		d.reset()
	}
}

// lexScore is the lexical log-likelihood ratio of the bead src[i0:i1],
// tgt[j0:j1]: the mean over both directions of the sum over tokens of
// log(P(token | other side) / P(token)), where P(token | other side) mixes
// Model 1 with the background unigram model. The forward sum splits into
// one term per target sentence and the backward sum into one per source
// sentence; buildLexCache has computed them.
func (md *sentModel) lexScore(i0, i1, j0, j1 int) float64 {
	ps := md.pairs
	a, b := i1-i0, j1-j0
	var fwd, bwd float64
	logL := math.Log(md.lambda())
	for j := j0; j < j1; j++ {
		if j >= ps.plo[i1-1] && j <= ps.phi[i1-1] {
			fwd += float64(ps.fwdTerm[ps.pair(i1-1, j)*sentMaxSide+a-1])
		} else { // not reached: as if no word of tgt[j] were explained
			fwd += float64(md.T.ntok[j+1]-md.T.ntok[j]) * logL
		}
	}
	for i := i0; i < i1; i++ {
		if j1-1 >= ps.plo[i] && j1-1 <= ps.phi[i] {
			bwd += float64(ps.bwdTerm[ps.pair(i, j1-1)*sentMaxSide+b-1])
		} else {
			bwd += float64(md.S.ntok[i+1]-md.S.ntok[i]) * logL
		}
	}
	return (fwd + bwd) / 2
}

// sentMaxSide is the most sentences on one side of a bead.
const sentMaxSide = 4

// sentMaxSides gives, for each number of sentences on one side of a bead
// shape, the most sentences on the other side among the shapes (0 if none).
func sentMaxSides() (maxA, maxB [sentMaxSide + 1]int) {
	for _, ty := range sentTypes {
		if ty.a > 0 && ty.b > 0 {
			maxB[ty.a] = max(maxB[ty.a], ty.b)
			maxA[ty.b] = max(maxA[ty.b], ty.a)
		}
	}
	return
}

// buildLexCache computes, for every sentence pair (i, j) of rows r0..r1-1,
// the forward terms of tgt[j] given src[i+1-a:i+1] and the backward terms of
// src[i] given tgt[j+1-b:j+1], for a, b = 1..sentMaxSide (NaN where the range
// would start before 0). The sums over a growing range are accumulated
// incrementally. Rows in parallel.
//
// Only the terms that a bead of band b can use are computed; the others are
// left NaN. The term of tgt[j] given src[i+1-a:i+1] serves the beads of
// shape (a, b') ending at row i+1, at a column jc with jc-b' <= j < jc, so
// it is needed for j in [lo[i+1]-maxB[a], hi[i+1]-1]; the term of src[i]
// given tgt[j+1-b:j+1] serves the beads of shape (a', b) ending at column
// j+1 in rows i+1..i+a', so it is needed for j in [lo[i+1]-1,
// hi[i+maxA[b]]-1]. Both ranges shrink as a or b grows, so the sizes needed
// at a given j are 1..A and 1..B.
func (md *sentModel) buildLexCache(b *sentBand, r0, r1 int) {
	ps := md.pairs
	S, T := md.S, md.T
	n := S.n
	lam := md.lambda()
	logL := math.Log(lam)
	nan := float32(math.NaN())
	maxA, maxB := sentMaxSides()
	sentParallelRange(r0, r1, func(wm *sentModel, i int) {
		acc := wm.acc
		for j := ps.plo[i]; j <= ps.phi[i]; j++ {
			p := ps.pair(i, j) * sentMaxSide
			// Forward: target sentence j against src[i+1-a : i+1].
			base := float64(T.ntok[j+1]-T.ntok[j]) * logL
			touched := wm.touched[:0]
			for a := 1; a <= sentMaxSide; a++ {
				i0 := i + 1 - a
				if i0 < 0 || maxB[a] == 0 || j < b.lo[i+1]-maxB[a] || j > b.hi[i+1]-1 {
					for ; a <= sentMaxSide; a++ {
						ps.fwdTerm[p+a-1] = nan
					}
					break
				}
				ks, vs := ps.entries(&ps.fwd, i0, j)
				touched = sentAccumulate(acc, touched, ks, vs)
				ps.fwdTerm[p+a-1] = float32(sentLexTerm(base, acc, touched, float64(S.ntok[i+1]-S.ntok[i0]), lam))
			}
			for _, k := range touched {
				acc[k] = 0
			}
			// Backward: source sentence i against tgt[j+1-bb : j+1].
			base = float64(S.ntok[i+1]-S.ntok[i]) * logL
			touched = touched[:0]
			for bb := 1; bb <= sentMaxSide; bb++ {
				j0 := j + 1 - bb
				if j0 < 0 || maxA[bb] == 0 || j < b.lo[i+1]-1 || j > b.hi[min(n, i+maxA[bb])]-1 {
					for ; bb <= sentMaxSide; bb++ {
						ps.bwdTerm[p+bb-1] = nan
					}
					break
				}
				ks, vs := ps.entries(&ps.bwd, i, j0)
				touched = sentAccumulate(acc, touched, ks, vs)
				ps.bwdTerm[p+bb-1] = float32(sentLexTerm(base, acc, touched, float64(T.ntok[j+1]-T.ntok[j0]), lam))
			}
			for _, k := range touched {
				acc[k] = 0
			}
			wm.touched = touched
		}
	}, md)
}

// entries returns the entries in en of the pair (i, j), none when the
// pair is outside row i's range.
func (ps *sentPairs) entries(en *sentEntries, i, j int) ([]uint16, []float32) {
	if j < ps.plo[i] || j > ps.phi[i] {
		return nil, nil
	}
	return en.of(ps.pair(i, j))
}

// sentAccumulate adds the entries (ks, vs) of one more sentence to acc,
// indexed by token position, and returns touched with the positions it
// makes non-zero appended.
func sentAccumulate(acc []float32, touched []int, ks []uint16, vs []float32) []int {
	for x, k := range ks {
		if acc[k] == 0 {
			touched = append(touched, int(k))
		}
		acc[k] += vs[x]
	}
	return touched
}

// sentLexTerm is the lexical term of a sentence: base (every token
// unexplained) plus, for every token position in touched, log(1 +
// acc·(1-λ)/(λ·n)), n being the number of tokens on the other side (none:
// base alone) and λ lam.
func sentLexTerm(base float64, acc []float32, touched []int, n, lam float64) float64 {
	v := base
	if n > 0 {
		scale := float32((1 - lam) / (lam * n))
		for _, k := range touched {
			v += sentLog1p(acc[k] * scale)
		}
	}
	return v
}

func sentGrow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// sentLog1p is log(1+x) for x >= 0, to about 1e-4 relative accuracy.
func sentLog1p(x float32) float64 {
	y := 1 + x
	bits := math.Float32bits(y)
	e := int(bits>>23) - 127
	f := float32(bits&(1<<23-1)) * (float32(sentLogStep) / (1 << 23))
	k := int(f)
	r := f - float32(k)
	return float64(e)*math.Ln2 + float64(sentLogTable[k]*(1-r)+sentLogTable[k+1]*r)
}

// sentLogTable holds log(1 + k/sentLogStep) for the mantissa interpolation of
// sentLog1p.
const sentLogStep = 1024

var sentLogTable = func() []float32 {
	t := make([]float32, sentLogStep+1)
	for k := range t {
		t[k] = float32(math.Log1p(float64(k) / sentLogStep))
	}
	return t
}()
