package align

import (
	"sort"
	"sync"
)

// This file learns a bilingual lexicon from the document pair itself: IBM
// Model 1 in both directions, trained by EM on the beads of an earlier pass
// (as Moore 2002 and hunalign's realign do).

// sentPairTable is an open-addressing hash table from a (src, tgt) token-id
// pair to a dense pair index.
type sentPairTable struct {
	keys []uint64
	vals []int32
	n    int
	mask uint64
}

func newSentPairTable(capHint int) *sentPairTable {
	size := 1024
	for size < capHint*2 {
		size <<= 1
	}
	t := &sentPairTable{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for i := range t.keys {
		t.keys[i] = ^uint64(0)
	}
	return t
}

func sentMix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

// index returns the index of key, adding it with index t.n if absent.
func (t *sentPairTable) index(key uint64) (int32, bool) {
	if t.n*2 >= len(t.keys) {
		t.grow()
	}
	h := sentMix(key) & t.mask
	for {
		switch t.keys[h] {
		case key:
			return t.vals[h], false
		case ^uint64(0):
			t.keys[h] = key
			t.vals[h] = int32(t.n)
			t.n++
			return t.vals[h], true
		}
		h = (h + 1) & t.mask
	}
}

func (t *sentPairTable) grow() {
	old := *t
	size := len(t.keys) * 2
	t.keys = make([]uint64, size)
	t.vals = make([]int32, size)
	t.mask = uint64(size - 1)
	for i := range t.keys {
		t.keys[i] = ^uint64(0)
	}
	for i, k := range old.keys {
		if k == ^uint64(0) {
			continue
		}
		h := sentMix(k) & t.mask
		for t.keys[h] != ^uint64(0) {
			h = (h + 1) & t.mask
		}
		t.keys[h] = k
		t.vals[h] = old.vals[i]
	}
}

// sentTE is one lexicon entry: the probability p of translating into id.
type sentTE struct {
	id int32
	p  float32
}

// sentLex is a pruned bidirectional translation table: fwd[z] lists t(e|z)
// for source token z, bwd[e] lists t(z|e) for target token e.
type sentLex struct {
	fwd [][]sentTE
	bwd [][]sentTE
}

// sentTrainPair is one training bead: source and target token ids.
type sentTrainPair struct {
	src, tgt []int32
}

// Lexicon training parameters.
const (
	sentLexIters     = 4
	sentLexMinCount  = 2       // tokens seen fewer times in training are ignored
	sentLexMinProb   = 0.01    // entries below this are pruned
	sentLexMaxPerTok = 12      // at most this many entries per token
	sentLexMaxPairs  = 3000000 // cap on (src, tgt) token co-occurrences used
)

// sentTrainLex trains Model 1 both ways on the pairs. nSrc and nTgt are the
// vocabulary sizes.
func sentTrainLex(pairs []sentTrainPair, nSrc, nTgt int) *sentLex {
	// Token counts in the training data; rare tokens are left out.
	cs := make([]int32, nSrc)
	ct := make([]int32, nTgt)
	var occ int64
	for _, p := range pairs {
		for _, z := range p.src {
			cs[z]++
		}
		for _, e := range p.tgt {
			ct[e]++
		}
		occ += int64(len(p.src)) * int64(len(p.tgt))
	}
	// Deterministic subsample when the document is very large.
	step := 1
	if occ > sentLexMaxPairs {
		step = int((occ + sentLexMaxPairs - 1) / sentLexMaxPairs)
	}
	// Each bead keeps its distinct tokens with their multiplicities (in
	// shared arenas), and the pair index of every (distinct src, distinct
	// tgt) combination, target major (idx) and source major (idxT).
	type bead struct {
		s0, s1, t0, t1 int // token ranges in the arenas
		off            int // offset of the pair indices in idx and idxT
	}
	var beads []bead
	var tokA []int32
	var mulA []float32
	lastS := make([]int32, nSrc)
	lastT := make([]int32, nTgt)
	posS := make([]int32, nSrc)
	posT := make([]int32, nTgt)
	stamp := int32(0)
	total := 0
	for b := 0; b < len(pairs); b += step {
		p := pairs[b]
		stamp++
		bd := bead{s0: len(tokA)}
		for _, z := range p.src {
			if cs[z] < sentLexMinCount {
				continue
			}
			if lastS[z] != stamp {
				lastS[z] = stamp
				posS[z] = int32(len(tokA))
				tokA = append(tokA, z)
				mulA = append(mulA, 0)
			}
			mulA[posS[z]]++
		}
		bd.s1, bd.t0 = len(tokA), len(tokA)
		for _, e := range p.tgt {
			if ct[e] < sentLexMinCount {
				continue
			}
			if lastT[e] != stamp {
				lastT[e] = stamp
				posT[e] = int32(len(tokA))
				tokA = append(tokA, e)
				mulA = append(mulA, 0)
			}
			mulA[posT[e]]++
		}
		bd.t1 = len(tokA)
		if bd.s1 == bd.s0 || bd.t1 == bd.t0 {
			tokA, mulA = tokA[:bd.s0], mulA[:bd.s0]
			continue
		}
		bd.off = total
		total += (bd.s1 - bd.s0) * (bd.t1 - bd.t0)
		beads = append(beads, bd)
	}
	idx := make([]int32, total)
	idxT := make([]int32, total)
	table := newSentPairTable(total / 4)
	var pz, pe []int32 // src and tgt token of each pair index
	for _, bd := range beads {
		src, tgt := tokA[bd.s0:bd.s1], tokA[bd.t0:bd.t1]
		ls, lt := len(src), len(tgt)
		for ti, e := range tgt {
			for si, z := range src {
				k, added := table.index(uint64(uint32(z))<<32 | uint64(uint32(e)))
				if added {
					pz = append(pz, z)
					pe = append(pe, e)
				}
				idx[bd.off+ti*ls+si] = k
				idxT[bd.off+si*lt+ti] = k
			}
		}
	}
	np := len(pz)
	lex := &sentLex{fwd: make([][]sentTE, nSrc), bwd: make([][]sentTE, nTgt)}
	if np == 0 {
		return lex
	}
	// run trains t(y|x) where x is the conditioning side. When fwd, x is the
	// source token (t(e|z)); otherwise x is the target token (t(z|e)).
	run := func(fwd bool) []float32 {
		prob := make([]float32, np)
		count := make([]float32, np)
		nx, ny := nSrc, nTgt
		if !fwd {
			nx, ny = nTgt, nSrc
		}
		tot := make([]float32, nx)
		nullP := make([]float32, ny)
		nullC := make([]float32, ny)
		for i := range prob {
			prob[i] = 1
		}
		for i := range nullP {
			nullP[i] = 1
		}
		for it := 0; it < sentLexIters; it++ {
			clear(count)
			clear(tot)
			clear(nullC)
			var nullTot float32
			for _, bd := range beads {
				xs, ys, mx, my, ix := tokA[bd.s0:bd.s1], tokA[bd.t0:bd.t1], mulA[bd.s0:bd.s1], mulA[bd.t0:bd.t1], idx
				if !fwd {
					xs, ys, mx, my, ix = ys, xs, my, mx, idxT
				}
				lx := len(xs)
				// Each occurrence of y is generated by one of the x or NULL.
				for yi, y := range ys {
					row := ix[bd.off+yi*lx : bd.off+(yi+1)*lx]
					den := nullP[y]
					for c, k := range row {
						den += mx[c] * prob[k]
					}
					inv := my[yi] / den
					for c, k := range row {
						v := mx[c] * prob[k] * inv
						count[k] += v
						tot[xs[c]] += v
					}
					v := nullP[y] * inv
					nullC[y] += v
					nullTot += v
				}
			}
			for k := range prob {
				x := pz[k]
				if !fwd {
					x = pe[k]
				}
				if tot[x] > 0 {
					prob[k] = count[k] / tot[x]
				} else {
					prob[k] = 0
				}
			}
			if nullTot > 0 {
				for y := range nullP {
					nullP[y] = nullC[y] / nullTot
				}
			}
		}
		return prob
	}
	// The two directions are independent: train them at the same time.
	var pf, pb []float32
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		pb = run(false)
	}()
	pf = run(true)
	wg.Wait()

	for k := 0; k < np; k++ {
		if pf[k] >= sentLexMinProb {
			lex.fwd[pz[k]] = append(lex.fwd[pz[k]], sentTE{id: pe[k], p: pf[k]})
		}
		if pb[k] >= sentLexMinProb {
			lex.bwd[pe[k]] = append(lex.bwd[pe[k]], sentTE{id: pz[k], p: pb[k]})
		}
	}
	prune := func(l [][]sentTE) {
		for x, es := range l {
			sort.Slice(es, func(a, b int) bool {
				if es[a].p != es[b].p {
					return es[a].p > es[b].p
				}
				return es[a].id < es[b].id
			})
			if len(es) > sentLexMaxPerTok {
				es = es[:sentLexMaxPerTok]
			}
			l[x] = es
		}
	}
	prune(lex.fwd)
	prune(lex.bwd)
	return lex
}
