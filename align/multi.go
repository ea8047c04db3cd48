package align

import "sort"

// Group is one multi-way link between sentences (or other pieces) of
// several versions: IDs[v] are indices into version v's pieces, in order,
// possibly empty.
type Group struct {
	IDs   [][]int
	Score float64
}

// pairOptions gives the sentence aligner's options for one pair of
// languages (the glossary differs by pair).
type pairOptions func(srcLang, tgtLang string) SentOptions

// multiAlign aligns the pieces of several versions at once. The first
// version with pieces is the pivot; it is aligned pairwise with each other
// version by Sentences, and the pairwise beads are merged into the finest
// groups that every pair agrees with: a group boundary in the pivot stands
// where every pair has a bead boundary. Every piece of every version lands
// in exactly one group. A group's score is the lowest score of the beads it
// was made from.
func multiAlign(pieces [][]string, langs []string, opt pairOptions) []Group {
	n := len(pieces)
	pivot := -1
	for v := range pieces {
		if len(pieces[v]) > 0 {
			pivot = v
			break
		}
	}
	if pivot < 0 {
		return nil
	}
	P := len(pieces[pivot])
	beads := make([][]Bead, n)
	cutOK := make([]int, P+1) // how many pairs allow a cut before pivot piece i
	pairs := 0
	for v := range pieces {
		if v == pivot || len(pieces[v]) == 0 {
			continue
		}
		pairs++
		beads[v] = Sentences(pieces[pivot], pieces[v], langs[pivot], langs[v], opt(langs[pivot], langs[v]))
		allowed := make([]bool, P+1)
		allowed[0], allowed[P] = true, true
		pos := 0
		for _, b := range beads[v] {
			if len(b.Src) > 0 {
				pos = b.Src[len(b.Src)-1] + 1
			}
			allowed[pos] = true
		}
		for i, ok := range allowed {
			if ok {
				cutOK[i]++
			}
		}
	}
	// groups of pivot pieces between global cuts
	var cuts []int
	for i := 0; i <= P; i++ {
		if i == 0 || i == P || cutOK[i] == pairs {
			cuts = append(cuts, i)
		}
	}
	groupOf := make([]int, P) // pivot piece → pivot group
	var groups []Group
	type slot struct {
		at    int // cut position
		group int
	}
	var inserts []slot // groups for pieces with no pivot counterpart at a cut
	for k := 0; k+1 < len(cuts); k++ {
		g := Group{IDs: make([][]int, n), Score: 1}
		for i := cuts[k]; i < cuts[k+1]; i++ {
			g.IDs[pivot] = append(g.IDs[pivot], i)
			groupOf[i] = len(groups)
		}
		groups = append(groups, g)
	}
	if P == 0 {
		return nil
	}
	isCut := map[int]bool{}
	for _, c := range cuts {
		isCut[c] = true
	}
	extra := map[int]int{} // cut position → index of its extra group
	extraAt := func(pos int) int {
		e, ok := extra[pos]
		if !ok {
			e = len(groups)
			groups = append(groups, Group{IDs: make([][]int, n), Score: 1})
			extra[pos] = e
			inserts = append(inserts, slot{pos, e})
		}
		return e
	}
	for v := range pieces {
		if v == pivot {
			continue
		}
		if len(pieces[v]) == 0 {
			continue
		}
		pos := 0
		for _, b := range beads[v] {
			var gi int
			if len(b.Src) > 0 {
				gi = groupOf[b.Src[0]]
				pos = b.Src[len(b.Src)-1] + 1
			} else if isCut[pos] {
				// a piece with no pivot counterpart between two groups: a
				// group of its own, shared with other versions' at the same
				// place
				gi = extraAt(pos)
			} else {
				gi = groupOf[pos-1]
			}
			groups[gi].IDs[v] = append(groups[gi].IDs[v], b.Tgt...)
			groups[gi].Score = min(groups[gi].Score, b.Score)
		}
	}
	// order: pivot groups in order, each extra group before the pivot group
	// that starts at its cut (or at the end)
	startAt := map[int]int{} // cut → pivot group starting there
	for k := 0; k+1 < len(cuts); k++ {
		startAt[cuts[k]] = k
	}
	type keyed struct {
		key   float64
		group Group
	}
	var out []keyed
	for k := 0; k+1 < len(cuts); k++ {
		out = append(out, keyed{float64(k), groups[k]})
	}
	for _, s := range inserts {
		key := float64(len(cuts)) // at the end
		if k, ok := startAt[s.at]; ok {
			key = float64(k) - 0.5
		}
		out = append(out, keyed{key, groups[s.group]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].key < out[j].key })
	res := make([]Group, len(out))
	for i, k := range out {
		sort.Ints(k.group.IDs[pivot])
		res[i] = k.group
	}
	return res
}
