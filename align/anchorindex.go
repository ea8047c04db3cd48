package align

// anchorPairsMax is the number of anchor pairs of a bead from which
// anchorScore looks the matches up in an anchorIndex rather than by trying
// every pair: one long sentence packed with numbers and references
// (100,000 anchors a side) would otherwise cost time in their product.
const anchorPairsMax = 4096

// anchorIndex lists the target anchors of a bead by kind and key, each
// list in the order anchorScore's search meets them (sentence by sentence,
// then within the sentence).
type anchorIndex map[anchorKey][]anchorRef

type anchorKey struct {
	key  uint64
	kind uint8
}

// anchorRef is a target anchor: its running index in the bead, and
// whether it is soft.
type anchorRef struct {
	k    int
	soft bool
}

func newAnchorIndex(anch [][]sentAnchor) anchorIndex {
	ix := anchorIndex{}
	k := 0
	for _, as := range anch {
		for _, b := range as {
			key := anchorKey{b.key, b.kind}
			ix[key] = append(ix[key], anchorRef{k, b.soft})
			k++
		}
	}
	return ix
}

// match gives source anchor a the first unused target anchor of its kind
// and key, as anchorScore's search does, marks it used, and returns the
// score: the reward of a match, the penalty of a hard anchor without one.
func (ix anchorIndex) match(a sentAnchor, used []bool) float64 {
	key := anchorKey{a.key, a.kind}
	refs := ix[key]
	for len(refs) > 0 && used[refs[0].k] {
		refs = refs[1:]
	}
	if len(refs) == 0 {
		ix[key] = refs
		if a.soft {
			return 0
		}
		return -sentAnchorPenalty[a.kind]
	}
	b := refs[0]
	used[b.k] = true
	ix[key] = refs[1:]
	if a.soft || b.soft {
		return sentSoftReward
	}
	return sentAnchorReward[a.kind]
}
