package anchor

// IndexPairs is the number of anchor pairs of a bead from which the
// matches are better looked up in an Index than searched with Search: one
// long sentence packed with numbers and references (100,000 anchors a side)
// would otherwise cost time in their product.
const IndexPairs = 4096

// Weights are the log-likelihood ratios of anchors: Reward when an anchor
// of a bead has its counterpart on the other side, by kind, or Soft when
// either of the two is soft; Penalty when a hard anchor has none.
type Weights struct {
	Reward, Penalty [NKinds]float64
	Soft            float64
}

// matched is the score of source anchor a matched with a target anchor,
// soft or not.
func (w *Weights) matched(a Anchor, soft bool) float64 {
	if a.Soft || soft {
		return w.Soft
	}
	return w.Reward[a.Kind]
}

// unmatched is the score of source anchor a without a match.
func (w *Weights) unmatched(a Anchor) float64 {
	if a.Soft {
		return 0
	}
	return -w.Penalty[a.Kind]
}

// Search gives source anchor a the first unused anchor of its kind and key
// among the target anchors tgt of a bead (sentence by sentence, then within
// the sentence), marks it used (used runs over the target anchors in that
// order), and returns the score: the reward of a match, the penalty of a
// hard anchor without one.
func Search(a Anchor, tgt [][]Anchor, used []bool, w *Weights) float64 {
	k := 0
	for _, bs := range tgt {
		for _, b := range bs {
			if !used[k] && b.Kind == a.Kind && b.Key == a.Key {
				used[k] = true
				return w.matched(a, b.Soft)
			}
			k++
		}
	}
	return w.unmatched(a)
}

// Index lists the target anchors of a bead by kind and key, each list in
// the order Search meets them.
type Index map[indexKey][]indexRef

type indexKey struct {
	key  uint64
	kind Kind
}

// indexRef is a target anchor: its running index in the bead, and
// whether it is soft.
type indexRef struct {
	k    int
	soft bool
}

// NewIndex indexes the target anchors tgt of a bead.
func NewIndex(tgt [][]Anchor) Index {
	ix := Index{}
	k := 0
	for _, as := range tgt {
		for _, b := range as {
			key := indexKey{b.Key, b.Kind}
			ix[key] = append(ix[key], indexRef{k, b.Soft})
			k++
		}
	}
	return ix
}

// Match is Search with the index of the target anchors: the same match,
// marked in used, and the same score.
func (ix Index) Match(a Anchor, used []bool, w *Weights) float64 {
	key := indexKey{a.Key, a.Kind}
	refs, ok := ix[key]
	if !ok { // no target anchor has the key: nothing to write back
		return w.unmatched(a)
	}
	for len(refs) > 0 && used[refs[0].k] {
		refs = refs[1:]
	}
	if len(refs) == 0 {
		ix[key] = refs
		return w.unmatched(a)
	}
	b := refs[0]
	used[b.k] = true
	ix[key] = refs[1:]
	return w.matched(a, b.soft)
}
