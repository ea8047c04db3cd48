package align

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"concord/segment"
)

// revHow says how a pair was matched.
type revHow uint8

const (
	revNone  revHow = iota
	revChain        // order-preserving match of units under the document or a division
	revKid          // order-preserving match of children within matched parents
	revDiv          // division matched by heading and members
	revMove         // matched across parents or out of order
)

// The thresholds of the matcher (similarities are Dice coefficients over
// word-bigram shingles of a unit and everything below it).
const (
	revChainMin = 0.5 // a pair in the global chain
	revGapMin   = 0.3 // a pair in a gap of the chain
	revPosMin   = 0.1 // a pair at the same position in a gap, or with the same number
	revMoveMin  = 0.6 // a pair across parents or out of order
	revSplitMin = 0.6 // share of a unit's shingles taken from another for split and merge
	revMoveSize = 4   // fewest shingles a moved unit must have
	revDenseMax = 1 << 16
)

// revNode is a unit of one revision with its canonical fields and shingles.
type revNode struct {
	u      *segment.Unit
	addr   string // the unit's address; "?N" (N its pre-order index) if the parser left it empty
	idx    int    // pre-order index in its revision
	end    int    // pre-order index after its subtree
	parent *revNode
	kids   []*revNode
	f      [3]revField
	own    []uint64 // shingles of the unit's own fields
	sub    []uint64 // shingles of its subtree
	subKey uint64   // hash of the canonical text of the subtree
	div    bool     // a division: part, chapter, section, subsection, preamble, annex
	top    *revNode // the unit directly under the document or a division that holds it (itself for such units); nil for divisions
	num    string   // the number its label carries: the last address segment
	match  *revNode
	how    revHow
	split  *revNode // SplitFrom (new side) or MergedInto (old side)
	// virtual marks an implicit first paragraph: the own text of an article
	// whose counterpart holds paragraphs, set up as a unit of its own.
	virtual bool
	newSide bool // a unit of the new revision
	// formRoot marks a matched unit whose subtree is built differently
	// from its counterpart's (a subparagraph run into the text, say) but
	// reads the same in canonical form; inForm marks the units below one.
	formRoot, inForm bool
	// textOut marks a unit whose text went into its virtual first
	// paragraph; f[1] is then empty and the text is in u.Text.
	textOut bool
}

// revSide is one revision prepared for comparison.
type revSide struct {
	doc    *segment.Document
	nodes  []*revNode // pre-order
	byAddr map[string]*revNode
}

// revIsDiv reports whether units of kind k are divisions, matched by their
// members rather than by their own text.
func revIsDiv(k segment.Kind) bool {
	switch k {
	case segment.KindPart, segment.KindChapter, segment.KindSection, segment.KindSubsection,
		segment.KindPreamble, segment.KindAnnex:
		return true
	}
	return false
}

// revBuild prepares a document: canonical fields, tokens and shingles of
// every unit.
func revBuild(d *segment.Document, tz *revTokenizer, newSide bool) *revSide {
	s := &revSide{doc: d, byAddr: map[string]*revNode{}}
	var walk func(us []*segment.Unit, parent *revNode, top *revNode) []*revNode
	walk = func(us []*segment.Unit, parent *revNode, top *revNode) []*revNode {
		var out []*revNode
		for _, u := range us {
			n := &revNode{u: u, addr: u.Addr, idx: len(s.nodes), parent: parent, div: revIsDiv(u.Kind), newSide: newSide}
			if n.addr == "" {
				n.addr = "?" + strconv.Itoa(n.idx)
			}
			n.num = revNum(n.addr)
			s.nodes = append(s.nodes, n)
			if _, dup := s.byAddr[n.addr]; !dup {
				s.byAddr[n.addr] = n
			}
			n.f[0] = tz.field(u.Heading)
			n.f[1] = tz.field(u.Text)
			n.f[2] = tz.field(u.Tail)
			var own []uint64
			for k := range n.f {
				own = revShingles(own, &n.f[k])
			}
			n.own = revSet(own)
			switch {
			case n.div:
			case top == nil:
				n.top = n
			default:
				n.top = top
			}
			n.kids = walk(u.Children, n, n.top)
			n.end = len(s.nodes)
			sub := slices.Clone(n.own)
			h := revMix(revHash(string(u.Kind)), 0)
			for k := range n.f {
				h = revMix(h, revHash(n.f[k].canon))
			}
			for _, k := range n.kids {
				sub = append(sub, k.sub...)
				h = revMix(h, k.subKey)
			}
			n.sub = revSet(sub)
			n.subKey = h
			out = append(out, n)
		}
		return out
	}
	walk(d.Units, nil, nil)
	return s
}

// revNum returns the number part of an address: its last segment, without
// the suffix that makes duplicate addresses unique.
func revNum(addr string) string {
	if i := strings.IndexByte(addr, '~'); i >= 0 {
		addr = addr[:i]
	}
	return addr[strings.LastIndexByte(addr, '.')+1:]
}

// revCompare holds the two revisions while they are matched.
type revCompare struct {
	old, new *revSide
	strict   bool
}

// revPair is a candidate match between old unit i and new unit j of two
// sequences.
type revPair struct {
	i, j int
	sim  float64
	w    float64
}

// match matches the units of the two revisions.
func (c *revCompare) match() {
	// 1. units under the document or a division, kind by kind
	for _, k := range c.kinds(func(n *revNode) bool { return n.top == n }) {
		os := c.filter(c.old, func(n *revNode) bool { return n.top == n && n.u.Kind == k })
		ns := c.filter(c.new, func(n *revNode) bool { return n.top == n && n.u.Kind == k })
		c.alignTop(os, ns)
	}
	// 2. their children
	for _, o := range c.old.nodes {
		if o.top == o && o.match != nil {
			c.alignKids(o, o.match)
		}
	}
	// 3. moved units: first those under the document or a division, then
	// the rest
	c.moved(func(n *revNode) bool { return n.top == n })
	c.moved(func(n *revNode) bool { return !n.div && n.top != n })
	// 4. divisions
	for _, k := range c.kinds(func(n *revNode) bool { return n.div }) {
		os := c.filter(c.old, func(n *revNode) bool { return n.div && n.u.Kind == k })
		ns := c.filter(c.new, func(n *revNode) bool { return n.div && n.u.Kind == k })
		c.alignDivs(os, ns)
	}
	// 5. splits and merges
	c.splits()
	// 6. subtrees that differ in structure only
	c.formTrees()
}

// formTrees finds the matched pairs whose subtrees are cut into units
// differently but read the same once flattened to canonical text: a list
// whose labels the parser saw in one revision and not in the other (a)x vs
// a) x), a paragraph break lost. What differs below them is form.
func (c *revCompare) formTrees() {
	for _, o := range c.old.nodes {
		n := o.match
		if n == nil || o.inForm || o.subKey == n.subKey || c.sameShape(o, n) {
			continue
		}
		if revFlat(o.u, false) != revFlat(n.u, false) {
			continue
		}
		o.formRoot, n.formRoot = true, true
		for _, side := range []struct {
			s *revSide
			r *revNode
		}{{c.old, o}, {c.new, n}} {
			for _, x := range revWithVirtual(side.s.nodes[side.r.idx+1 : side.r.end]) {
				x.inForm = true
			}
			if side.r.textOut {
				side.r.kids[0].inForm = true
			}
		}
	}
}

// sameShape reports whether every unit below o is matched to a unit below
// n and the two subtrees have as many units.
func (c *revCompare) sameShape(o, n *revNode) bool {
	if o.end-o.idx != n.end-n.idx || o.textOut || n.textOut {
		return false
	}
	for _, x := range c.old.nodes[o.idx+1 : o.end] {
		if x.match == nil || x.match.idx <= n.idx || x.match.idx >= n.end {
			return false
		}
	}
	return true
}

// revFlat returns the canonical text of a unit and everything below it,
// labels of the units below included.
func revFlat(u *segment.Unit, label bool) string {
	var b strings.Builder
	var walk func(u *segment.Unit, label bool)
	walk = func(u *segment.Unit, label bool) {
		if label {
			b.WriteString(u.Label)
			b.WriteByte(' ')
		}
		b.WriteString(u.Heading)
		b.WriteByte(' ')
		b.WriteString(u.Text)
		b.WriteByte(' ')
		for _, k := range u.Children {
			walk(k, true)
		}
		b.WriteString(u.Tail)
		b.WriteByte(' ')
	}
	walk(u, label)
	canon, _, _ := revCanon(b.String())
	return canon
}

// kinds lists the kinds of the units that keep, in order of first
// appearance in the old revision, then the new.
func (c *revCompare) kinds(keep func(*revNode) bool) []segment.Kind {
	var out []segment.Kind
	for _, s := range []*revSide{c.old, c.new} {
		for _, n := range s.nodes {
			if keep(n) && !slices.Contains(out, n.u.Kind) {
				out = append(out, n.u.Kind)
			}
		}
	}
	return out
}

func (c *revCompare) filter(s *revSide, keep func(*revNode) bool) []*revNode {
	var out []*revNode
	for _, n := range s.nodes {
		if keep(n) {
			out = append(out, n)
		}
	}
	return out
}

// link records a match.
func revLink(o, n *revNode, how revHow) {
	o.match, n.match = n, o
	o.how, n.how = how, how
}

// headEq reports whether two units have the same, non-empty heading in
// canonical form.
func revHeadEq(o, n *revNode) bool {
	return o.f[0].canon != "" && o.f[0].canon == n.f[0].canon
}

// alignTop matches two sequences of units of one kind that sit under the
// document or a division: a maximum-weight chain over the clear matches,
// then the gaps between them.
func (c *revCompare) alignTop(os, ns []*revNode) {
	if len(os) == 0 || len(ns) == 0 {
		return
	}
	cands := revCandidates(os, ns, revChainMin)
	var strong []revPair
	for _, p := range cands {
		if p.sim >= revChainMin {
			p.w = p.sim
			if os[p.i].num == ns[p.j].num {
				p.w += 0.001
			}
			strong = append(strong, p)
		}
	}
	chain := revChainOf(strong, len(ns))
	for _, p := range chain {
		revLink(os[p.i], ns[p.j], revChain)
	}
	// the gaps between chain pairs, with looser rules
	pi, pj := 0, 0
	for k := 0; k <= len(chain); k++ {
		ei, ej := len(os), len(ns)
		if k < len(chain) {
			ei, ej = chain[k].i, chain[k].j
		}
		if ei > pi && ej > pj {
			c.alignGap(os[pi:ei], ns[pj:ej], cands, pi, pj, revChain)
		}
		if k < len(chain) {
			pi, pj = chain[k].i+1, chain[k].j+1
		}
	}
}

// alignGap aligns a gap densely: pairs that are similar enough, or at the
// same position from either end of the gap, or with the same heading.
// Large gaps fall back to the sparse candidates (offset by oi, oj).
func (c *revCompare) alignGap(os, ns []*revNode, cands []revPair, oi, oj int, how revHow) {
	if len(os)*len(ns) > revDenseMax {
		var ps []revPair
		for _, p := range cands {
			if p.i >= oi && p.i < oi+len(os) && p.j >= oj && p.j < oj+len(ns) && p.sim >= revGapMin {
				ps = append(ps, revPair{i: p.i - oi, j: p.j - oj, sim: p.sim, w: p.sim})
			}
		}
		for _, p := range revChainOf(ps, len(ns)) {
			revLink(os[p.i], ns[p.j], how)
		}
		return
	}
	weight := func(i, j int) (float64, bool) {
		o, n := os[i], ns[j]
		if o.u.Kind != n.u.Kind {
			return 0, false
		}
		sim := revDice(o.sub, n.sub)
		pos := i == j || len(os)-i == len(ns)-j
		head := revHeadEq(o, n)
		same := o.num == n.num
		if !(sim >= revGapMin || head || sim >= revPosMin && (pos || same)) {
			return 0, false
		}
		w := sim
		if head {
			w += 0.3
		}
		if pos {
			w += 0.1
		}
		if same {
			w += 0.05
		}
		return w, true
	}
	for _, p := range revNW(len(os), len(ns), weight) {
		revLink(os[p.i], ns[p.j], how)
	}
}

// alignKids matches the children of a matched pair, then theirs.
func (c *revCompare) alignKids(o, n *revNode) {
	revImplicit(o, n)
	revImplicit(n, o)
	os, ns := o.kids, n.kids
	if len(os) > 0 && len(ns) > 0 {
		// free children only (some may have been matched as moved units)
		os = slices.DeleteFunc(slices.Clone(os), func(x *revNode) bool { return x.match != nil })
		ns = slices.DeleteFunc(slices.Clone(ns), func(x *revNode) bool { return x.match != nil })
		strong := func(i, j int) (float64, bool) {
			if os[i].u.Kind != ns[j].u.Kind {
				return 0, false
			}
			sim := revDice(os[i].sub, ns[j].sub)
			if sim < revChainMin {
				return 0, false
			}
			if os[i].num == ns[j].num {
				sim += 0.001
			}
			return sim, true
		}
		chain := revNW(len(os), len(ns), strong)
		for _, p := range chain {
			revLink(os[p.i], ns[p.j], revKid)
		}
		pi, pj := 0, 0
		for k := 0; k <= len(chain); k++ {
			ei, ej := len(os), len(ns)
			if k < len(chain) {
				ei, ej = chain[k].i, chain[k].j
			}
			if ei > pi && ej > pj {
				c.alignGap(os[pi:ei], ns[pj:ej], nil, 0, 0, revKid)
			}
			if k < len(chain) {
				pi, pj = chain[k].i+1, chain[k].j+1
			}
		}
	}
	for _, k := range o.kids {
		if k.match != nil && k.match.parent == n && k.how == revKid {
			c.alignKids(k, k.match)
		}
	}
}

// revImplicit gives a an implicit first paragraph when a has text and no
// paragraphs while its counterpart b has no text and paragraphs: a law
// article of one paragraph (款) that gained a second, where the text of the
// article (and its items) became its first paragraph.
func revImplicit(a, b *revNode) {
	if a.f[1].canon == "" || b.f[1].canon != "" || len(b.kids) == 0 ||
		b.kids[0].u.Kind != segment.KindParagraph || b.kids[0].virtual {
		return
	}
	for _, k := range a.kids {
		if k.u.Kind == segment.KindParagraph || k.match != nil {
			return
		}
	}
	v := &revNode{
		u:       &segment.Unit{Addr: a.addr + ".1", Kind: segment.KindParagraph, Text: a.u.Text, Line: a.u.Line, Parent: a.u},
		addr:    a.addr + ".1",
		idx:     a.idx,
		end:     a.end,
		parent:  a,
		top:     a.top,
		num:     "1",
		virtual: true,
		newSide: a.newSide,
		kids:    a.kids,
	}
	v.f[1] = a.f[1]
	v.own = revSet(revShingles(nil, &v.f[1]))
	sub := slices.Clone(v.own)
	h := revMix(revHash(string(segment.KindParagraph)), revHash(v.f[1].canon))
	for _, k := range v.kids {
		k.parent = v
		sub = append(sub, k.sub...)
		h = revMix(h, k.subKey)
	}
	v.sub = revSet(sub)
	v.subKey = h
	a.f[1] = revField{}
	a.own = revSet(append(revShingles(nil, &a.f[0]), revShingles(nil, &a.f[2])...))
	a.textOut = true
	a.kids = []*revNode{v}
}

// moved pairs the units still unmatched on both sides (among those keep
// accepts) whose texts are clearly the same, best pairs first.
func (c *revCompare) moved(keep func(*revNode) bool) {
	free := func(n *revNode) bool { return n.match == nil && keep(n) && len(n.sub) >= revMoveSize }
	for _, k := range c.kinds(free) {
		os := c.filter(c.old, func(n *revNode) bool { return free(n) && n.u.Kind == k })
		ns := c.filter(c.new, func(n *revNode) bool { return free(n) && n.u.Kind == k })
		if len(os) == 0 || len(ns) == 0 {
			continue
		}
		var ps []revPair
		for _, p := range revCandidates(os, ns, revMoveMin) {
			if p.sim >= revMoveMin {
				ps = append(ps, p)
			}
		}
		slices.SortFunc(ps, func(a, b revPair) int {
			if a.sim != b.sim {
				return cmp.Compare(b.sim, a.sim)
			}
			if a.i != b.i {
				return a.i - b.i
			}
			return a.j - b.j
		})
		for _, p := range ps {
			o, n := os[p.i], ns[p.j]
			if o.match != nil || n.match != nil {
				continue
			}
			// an ancestor matched in this pass carries its subtree along
			revLink(o, n, revMove)
			c.alignKids(o, n)
		}
	}
}

// alignDivs matches divisions of one kind by their headings and the units
// they hold.
func (c *revCompare) alignDivs(os, ns []*revNode) {
	if len(os) == 0 || len(ns) == 0 || len(os)*len(ns) > revDenseMax {
		return
	}
	// members: matched units under each division
	shared := make([]int, len(os)*len(ns))
	members := func(d *revNode, s *revSide) []*revNode {
		var out []*revNode
		for _, n := range s.nodes[d.idx+1 : d.end] {
			if n.top == n {
				out = append(out, n)
			}
		}
		return out
	}
	nIndex := map[*revNode]int{}
	for j, n := range ns {
		nIndex[n] = j
	}
	om := make([][]*revNode, len(os))
	nm := make([]int, len(ns))
	for i, o := range os {
		om[i] = members(o, c.old)
	}
	for j, n := range ns {
		nm[j] = len(members(n, c.new))
	}
	for i := range os {
		for _, m := range om[i] {
			if m.match == nil {
				continue
			}
			for a := m.match.parent; a != nil; a = a.parent {
				if j, ok := nIndex[a]; ok {
					shared[i*len(ns)+j]++
				}
			}
		}
	}
	weight := func(i, j int) (float64, bool) {
		o, n := os[i], ns[j]
		own := revDice(o.own, n.own)
		mem := 0.0
		if tot := len(om[i]) + nm[j]; tot > 0 {
			mem = 2 * float64(shared[i*len(ns)+j]) / float64(tot)
		} else {
			mem = own
		}
		w := (own + mem) / 2
		if w < revGapMin && !(revHeadEq(o, n) && mem > 0) {
			return 0, false
		}
		if o.num == n.num {
			w += 0.001
		}
		return w, true
	}
	for _, p := range revNW(len(os), len(ns), weight) {
		revLink(os[p.i], ns[p.j], revDiv)
	}
}

// splits marks added units whose text was taken from a unit that kept its
// place, and deleted units whose text went into one.
func (c *revCompare) splits() {
	mark := func(from, to *revSide) {
		// lost[i]: shingles of matched unit i that its match does not have
		type lost struct {
			n   *revNode
			set []uint64
		}
		var ls []lost
		index := map[uint64][]int32{}
		for _, n := range from.nodes {
			if n.match == nil || n.div {
				continue
			}
			set := revMinus(n.own, n.match.own)
			if len(set) == 0 {
				continue
			}
			for _, h := range set {
				index[h] = append(index[h], int32(len(ls)))
			}
			ls = append(ls, lost{n, set})
		}
		if len(ls) == 0 {
			return
		}
		count := make([]int32, len(ls))
		var touched []int32
		for _, n := range to.nodes {
			if n.match != nil || n.div || len(n.own) < revMoveSize {
				continue
			}
			touched = touched[:0]
			for _, h := range n.own {
				for _, k := range index[h] {
					if count[k] == 0 {
						touched = append(touched, k)
					}
					count[k]++
				}
			}
			best, bestK := 0.0, int32(-1)
			for _, k := range touched {
				share := float64(count[k]) / float64(len(n.own))
				if share > best || share == best && k < bestK {
					best, bestK = share, k
				}
				count[k] = 0
			}
			if bestK >= 0 && best >= revSplitMin {
				n.split = ls[bestK].n
			}
		}
	}
	mark(c.old, c.new) // added units split from old ones
	mark(c.new, c.old) // deleted units merged into new ones
}

// revCandidates returns the pairs of os × ns worth scoring, with their
// similarity: all pairs when there are few, else the pairs that share a
// rare shingle, have the same subtree, or carry the same number, and whose
// sizes allow a similarity of half of floor.
func revCandidates(os, ns []*revNode, floor float64) []revPair {
	var out []revPair
	if len(os)*len(ns) <= revDenseMax {
		for i, o := range os {
			for j, n := range ns {
				if s := revDice(o.sub, n.sub); s > 0 {
					out = append(out, revPair{i: i, j: j, sim: s})
				}
			}
		}
		return out
	}
	index := map[uint64][]int32{}
	for j, n := range ns {
		for _, h := range n.sub {
			index[h] = append(index[h], int32(j))
		}
	}
	maxDF := max(16, len(ns)/16)
	byKey := map[uint64][]int32{}
	byNum := map[string][]int32{}
	for j, n := range ns {
		byKey[n.subKey] = append(byKey[n.subKey], int32(j))
		byNum[n.num] = append(byNum[n.num], int32(j))
	}
	// how many of each unit's shingles are too frequent to be indexed
	freqN := make([]int, len(ns))
	for j, n := range ns {
		for _, h := range n.sub {
			if len(index[h]) > maxDF {
				freqN[j]++
			}
		}
	}
	count := make([]int32, len(ns))
	var touched []int32
	for i, o := range os {
		touched = touched[:0]
		freqO := 0
		for _, h := range o.sub {
			post := index[h]
			if len(post) > maxDF {
				freqO++
				continue
			}
			for _, j := range post {
				if count[j] == 0 {
					touched = append(touched, j)
				}
				count[j]++
			}
		}
		force := func(j int32) {
			if count[j] == 0 {
				touched = append(touched, j)
			}
			count[j] += 1 << 20 // always scored
		}
		for _, j := range byKey[o.subKey] {
			force(j)
		}
		for _, j := range byNum[o.num] {
			force(j)
		}
		slices.Sort(touched)
		for _, j := range touched {
			shared := int(count[j])
			count[j] = 0
			n := ns[j]
			// |A∩B| is at most the rare shingles they share plus the
			// frequent ones the smaller side has: skip pairs that cannot
			// reach half of floor
			if shared < 1<<20 && float64(2*(shared+min(freqO, freqN[j]))) < floor*0.5*float64(len(o.sub)+len(n.sub)) {
				continue
			}
			if s := revDice(o.sub, n.sub); s > 0 {
				out = append(out, revPair{i: i, j: int(j), sim: s})
			}
		}
	}
	return out
}

// revChainOf returns the chain of pairs, strictly increasing in i and j,
// with the greatest total weight (a weighted longest common subsequence),
// in O(P log n) with a Fenwick tree of prefix maxima over j.
func revChainOf(ps []revPair, nj int) []revPair {
	if len(ps) == 0 {
		return nil
	}
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b revPair) int {
		if a.i != b.i {
			return a.i - b.i
		}
		return a.j - b.j
	})
	best := make([]float64, len(ps))
	prev := make([]int, len(ps))
	treeV := make([]float64, nj+1)
	treeP := make([]int, nj+1)
	for k := range treeP {
		treeP[k] = -1
	}
	query := func(j int) (float64, int) { // max over pairs with j' < j
		v, p := 0.0, -1
		for x := j; x > 0; x -= x & -x {
			if treeP[x] >= 0 && (p < 0 || treeV[x] > v || treeV[x] == v && treeP[x] < p) {
				v, p = treeV[x], treeP[x]
			}
		}
		return v, p
	}
	update := func(j int, v float64, p int) {
		for x := j + 1; x <= nj; x += x & -x {
			if treeP[x] < 0 || v > treeV[x] {
				treeV[x], treeP[x] = v, p
			}
		}
	}
	top, topV := -1, 0.0
	for a := 0; a < len(ps); {
		b := a
		for b < len(ps) && ps[b].i == ps[a].i {
			b++
		}
		for k := a; k < b; k++ {
			v, p := query(ps[k].j)
			best[k], prev[k] = v+ps[k].w, p
		}
		for k := a; k < b; k++ {
			update(ps[k].j, best[k], k)
			if top < 0 || best[k] > topV {
				top, topV = k, best[k]
			}
		}
		a = b
	}
	var out []revPair
	for k := top; k >= 0; k = prev[k] {
		out = append(out, ps[k])
	}
	slices.Reverse(out)
	return out
}

// revNW aligns two short sequences densely (Needleman–Wunsch without gap
// costs): the non-crossing set of eligible pairs with the greatest total
// weight.
func revNW(n, m int, weight func(i, j int) (float64, bool)) []revPair {
	if n == 0 || m == 0 {
		return nil
	}
	w := make([]float64, n*m)
	ok := make([]bool, n*m)
	any := false
	for i := range n {
		for j := range m {
			w[i*m+j], ok[i*m+j] = weight(i, j)
			any = any || ok[i*m+j]
		}
	}
	if !any {
		return nil
	}
	s := make([]float64, (n+1)*(m+1))
	at := func(i, j int) float64 { return s[i*(m+1)+j] }
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			v := max(at(i-1, j), at(i, j-1))
			if ok[(i-1)*m+j-1] {
				v = max(v, at(i-1, j-1)+w[(i-1)*m+j-1])
			}
			s[i*(m+1)+j] = v
		}
	}
	var out []revPair
	for i, j := n, m; i > 0 && j > 0; {
		k := (i-1)*m + j - 1
		switch {
		case ok[k] && at(i, j) == at(i-1, j-1)+w[k]:
			out = append(out, revPair{i: i - 1, j: j - 1, w: w[k]})
			i--
			j--
		case at(i, j) == at(i-1, j):
			i--
		default:
			j--
		}
	}
	slices.Reverse(out)
	return out
}
