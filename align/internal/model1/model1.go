package model1

import (
	"sort"
	"sync"
)

// pairTable is an open-addressing hash table from a (src, tgt) token-id
// pair to a dense pair index.
type pairTable struct {
	keys []uint64
	vals []int32
	n    int
	mask uint64
}

func newPairTable(capHint int) *pairTable {
	size := 1024
	for size < capHint*2 {
		size <<= 1
	}
	t := &pairTable{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for i := range t.keys {
		t.keys[i] = ^uint64(0)
	}
	return t
}

func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

// index returns the index of key, adding it with index t.n if absent.
func (t *pairTable) index(key uint64) (int32, bool) {
	if t.n*2 >= len(t.keys) {
		t.grow()
	}
	h := mix(key) & t.mask
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

func (t *pairTable) grow() {
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
		h := mix(k) & t.mask
		for t.keys[h] != ^uint64(0) {
			h = (h + 1) & t.mask
		}
		t.keys[h] = k
		t.vals[h] = old.vals[i]
	}
}

// Entry is one entry of a translation table: the probability P of
// translating into the token ID.
type Entry struct {
	ID int32
	P  float32
}

// Table is a translation table in both directions: Fwd[z] lists t(e|z)
// for the source token z, Bwd[e] lists t(z|e) for the target token e.
type Table struct {
	Fwd [][]Entry
	Bwd [][]Entry
}

// Pair is one training bead: the ids of its source and target tokens.
type Pair struct {
	Src, Tgt []int32
}

// Training parameters.
const (
	iters     = 4
	minCount  = 2       // tokens seen fewer times in training are ignored
	minProb   = 0.01    // entries below this are pruned
	maxPerTok = 12      // at most this many entries per token
	maxPairs  = 3000000 // cap on (src, tgt) token co-occurrences used
)

// side is the training vocabulary of one language: how often each token
// occurs in the pairs, and the scratch that gathers the distinct tokens of
// a bead (the bead that last met a token, and where it put it).
type side struct {
	count, last, pos []int32
}

func newSide(n int) *side {
	return &side{count: make([]int32, n), last: make([]int32, n), pos: make([]int32, n)}
}

// distinct appends to the arenas tok and mul the distinct tokens of toks
// that occur at least minCount times in the pairs, with their
// multiplicities in toks; stamp identifies the bead.
func (s *side) distinct(toks []int32, stamp int32, tok []int32, mul []float32) ([]int32, []float32) {
	for _, z := range toks {
		if s.count[z] < minCount {
			continue
		}
		if s.last[z] != stamp {
			s.last[z] = stamp
			s.pos[z] = int32(len(tok))
			tok = append(tok, z)
			mul = append(mul, 0)
		}
		mul[s.pos[z]]++
	}
	return tok, mul
}

// Train trains Model 1 both ways on the pairs, by EM, and keeps for every
// token its most probable entries (at most 12, of probability 0.01 or
// more), by decreasing probability then increasing id. nSrc and nTgt are
// the vocabulary sizes: token ids are below them. Tokens seen fewer than
// twice in the pairs are left out; pairs of very large documents are
// subsampled, deterministically. The two directions train at the same
// time.
func Train(pairs []Pair, nSrc, nTgt int) *Table {
	// Token counts in the training data; rare tokens are left out.
	src, tgt := newSide(nSrc), newSide(nTgt)
	var occ int64
	for _, p := range pairs {
		for _, z := range p.Src {
			src.count[z]++
		}
		for _, e := range p.Tgt {
			tgt.count[e]++
		}
		occ += int64(len(p.Src)) * int64(len(p.Tgt))
	}
	// Deterministic subsample when the document is very large.
	step := 1
	if occ > maxPairs {
		step = int((occ + maxPairs - 1) / maxPairs)
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
	stamp := int32(0)
	total := 0
	for b := 0; b < len(pairs); b += step {
		p := pairs[b]
		stamp++
		bd := bead{s0: len(tokA)}
		tokA, mulA = src.distinct(p.Src, stamp, tokA, mulA)
		bd.s1, bd.t0 = len(tokA), len(tokA)
		tokA, mulA = tgt.distinct(p.Tgt, stamp, tokA, mulA)
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
	table := newPairTable(total / 4)
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
	lex := &Table{Fwd: make([][]Entry, nSrc), Bwd: make([][]Entry, nTgt)}
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
		for it := 0; it < iters; it++ {
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
		if pf[k] >= minProb {
			lex.Fwd[pz[k]] = append(lex.Fwd[pz[k]], Entry{ID: pe[k], P: pf[k]})
		}
		if pb[k] >= minProb {
			lex.Bwd[pe[k]] = append(lex.Bwd[pe[k]], Entry{ID: pz[k], P: pb[k]})
		}
	}
	prune := func(l [][]Entry) {
		for x, es := range l {
			sort.Slice(es, func(a, b int) bool {
				if es[a].P != es[b].P {
					return es[a].P > es[b].P
				}
				return es[a].ID < es[b].ID
			})
			if len(es) > maxPerTok {
				es = es[:maxPerTok]
			}
			l[x] = es
		}
	}
	prune(lex.Fwd)
	prune(lex.Bwd)
	return lex
}
