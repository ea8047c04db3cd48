package align

import (
	"math/rand/v2"
	"testing"
)

// TestAnchorIndex: one long sentence packed with references and numbers
// (hostile.LongInline: 2 MB aligned with itself took 139 s) made the
// anchor score of a bead quadratic in its anchors. Past anchorPairsMax
// pairs the matches are looked up by key, with the very result of the
// search by pairs: the same anchors matched in the same order.
func TestAnchorIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	anchors := func(n int) [][]sentAnchor {
		out := make([][]sentAnchor, 1+r.IntN(4))
		for range n {
			s := r.IntN(len(out))
			out[s] = append(out[s], sentAnchor{key: uint64(r.IntN(6)), kind: uint8(1 + r.IntN(3)), soft: r.IntN(5) == 0})
		}
		return out
	}
	for range 500 {
		src, tgt := anchors(r.IntN(40)), anchors(r.IntN(40))
		nb := 0
		for _, as := range tgt {
			nb += len(as)
		}
		// by pairs, as anchorScore searches
		usedA := make([]bool, nb)
		want := 0.0
		for _, as := range src {
			for _, a := range as {
				found, k := false, 0
			search:
				for _, bs := range tgt {
					for _, b := range bs {
						if !usedA[k] && b.kind == a.kind && b.key == a.key {
							usedA[k], found = true, true
							if a.soft || b.soft {
								want += sentSoftReward
							} else {
								want += sentAnchorReward[a.kind]
							}
							break search
						}
						k++
					}
				}
				if !found && !a.soft {
					want -= sentAnchorPenalty[a.kind]
				}
			}
		}
		usedB := make([]bool, nb)
		ix := newAnchorIndex(tgt)
		got := 0.0
		for _, as := range src {
			for _, a := range as {
				got += ix.match(a, usedB)
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
