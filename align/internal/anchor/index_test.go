package anchor

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestIndex: one long sentence packed with references and numbers
// (hostile.LongInline: 2 MB aligned with itself took 139 s) made the
// anchor score of a bead quadratic in its anchors. Past IndexPairs pairs
// the aligner looks the matches up in an Index, which must give the very
// result of Search: the same anchors matched in the same order, the same
// score.
func TestIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	w := &Weights{Soft: 1.5}
	for k := range NKinds {
		w.Reward[k] = 1 + float64(k)/4
		w.Penalty[k] = 0.5 + float64(k)/8
	}
	anchors := func(n int) [][]Anchor {
		out := make([][]Anchor, 1+r.IntN(4))
		for range n {
			s := r.IntN(len(out))
			out[s] = append(out[s], Anchor{Key: uint64(r.IntN(6)), Kind: Kind(1 + r.IntN(3)), Soft: r.IntN(5) == 0})
		}
		return out
	}
	for range 500 {
		src, tgt := anchors(r.IntN(40)), anchors(r.IntN(40))
		nb := 0
		for _, as := range tgt {
			nb += len(as)
		}
		usedA := make([]bool, nb)
		usedB := make([]bool, nb)
		ix := NewIndex(tgt)
		want, got := 0.0, 0.0
		for _, as := range src {
			for _, a := range as {
				want += Search(a, tgt, usedA, w)
				got += ix.Match(a, usedB, w)
			}
		}
		if got != want {
			t.Fatalf("score %v, want %v", got, want)
		}
		for k := range usedA {
			if usedA[k] != usedB[k] {
				t.Fatalf("anchor %d used %v, want %v", k, usedB[k], usedA[k])
			}
		}
	}
}

// TestSearch: a source anchor takes the first unused target anchor of its
// kind and key, sentence by sentence; a soft anchor on either side earns
// the soft reward; a hard anchor without a match pays its penalty and a
// soft one nothing.
func TestSearch(t *testing.T) {
	w := &Weights{Soft: 1.5}
	w.Reward[Num], w.Penalty[Num] = 2.5, 1
	w.Reward[Ref], w.Penalty[Ref] = 3, 0.75
	num := func(v string, soft bool) Anchor { return Anchor{Key: Hash(Num, v), Kind: Num, Soft: soft} }
	ref := Anchor{Key: Hash(Ref, "art:17"), Kind: Ref}
	tgt := [][]Anchor{{num("17", true)}, {ref, num("17", false)}}
	used := make([]bool, 3)
	for _, c := range []struct {
		a    Anchor
		want float64
		used []bool
	}{
		{num("17", false), 1.5, []bool{true, false, false}},
		{num("17", false), 2.5, []bool{true, false, true}},
		{num("17", false), -1, []bool{true, false, true}},
		{num("17", true), 0, []bool{true, false, true}},
		{ref, 3, []bool{true, true, true}},
		{ref, -0.75, []bool{true, true, true}},
	} {
		if got := Search(c.a, tgt, used, w); got != c.want || !slices.Equal(used, c.used) {
			t.Errorf("Search(%v) = %v, used %v; want %v, %v", c.a, got, used, c.want, c.used)
		}
	}
}
