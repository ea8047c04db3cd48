package diff

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"concord/segment"
)

// matchHow says how a pair was matched.
type matchHow uint8

const (
	howNone  matchHow = iota
	howChain          // order-preserving match of units under the document or a division
	howKid            // order-preserving match of children within matched parents
	howDiv            // division matched by heading and members
	howMove           // matched across parents or out of order
)

// The thresholds of the matcher (similarities are Dice coefficients over
// word-bigram shingles of a unit and everything below it).
const (
	chainMin = 0.5 // a pair in the global chain
	gapMin   = 0.3 // a pair in a gap of the chain
	posMin   = 0.1 // a pair at the same position in a gap, or with the same number
	moveMin  = 0.6 // a pair across parents or out of order
	splitMin = 0.6 // share of a unit's shingles taken from another for split and merge
	moveSize = 4   // fewest shingles a moved unit must have
	denseMax = 1 << 16
)

// node is a unit of one revision with its canonical fields and shingles.
type node struct {
	u      *segment.Unit
	addr   string // the unit's address; "?N" (N its pre-order index) if the parser left it empty
	idx    int32  // pre-order index in its revision
	end    int32  // pre-order index after its subtree
	parent *node
	kids   []*node
	f      [3]tokField
	own    []shingle // shingles of the unit's own fields
	sub    []shingle // shingles of its subtree
	subKey uint64    // hash of the canonical text of the subtree
	div    bool      // a division (Kind.IsDivision), matched by its members rather than by its own text
	top    *node     // the unit directly under the document or a division that holds it (itself for such units); nil for divisions
	num    string    // the number its label carries: the last address segment
	match  *node
	how    matchHow
	split  *node // SplitFrom (new side) or MergedInto (old side)
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

// side is one revision prepared for comparison.
type side struct {
	doc    *segment.Document
	nodes  []*node // pre-order
	byAddr map[string]*node
}

// prepUnit is what build computes of a unit from its text alone, and
// what the matcher never changes in place: its canonical fields, its own
// shingles, the shingles and hash of its subtree.
type prepUnit struct {
	f      [3]tokField
	own    []shingle
	sub    []shingle
	subKey uint64
}

// prepared returns the prepUnit of every node of s, in pre-order; call it
// before the matcher changes the nodes.
func (s *side) prepared() []prepUnit {
	out := make([]prepUnit, len(s.nodes))
	for i, n := range s.nodes {
		out[i] = prepUnit{f: n.f, own: n.own, sub: n.sub, subKey: n.subKey}
	}
	return out
}

// build prepares a document: canonical fields, tokens and shingles of
// every unit. When pre is not nil, it holds them for every unit of d in
// pre-order, as prepared returned them for the same document and
// tokenizer, and build only sets up fresh nodes.
func build(d *segment.Document, tz *tokenizer, newSide bool, pre []prepUnit) *side {
	s := &side{doc: d, byAddr: map[string]*node{}}
	var open []*node // the units entered and not yet left
	d.Walk(func(u *segment.Unit, entering bool) segment.WalkStatus {
		var parent *node
		if len(open) > 0 {
			parent = open[len(open)-1]
		}
		if !entering {
			n := parent
			open = open[:len(open)-1]
			n.end = int32(len(s.nodes))
			if n.parent != nil {
				n.parent.kids = append(n.parent.kids, n)
			}
			if pre != nil {
				n.sub, n.subKey = pre[n.idx].sub, pre[n.idx].subKey
				return segment.WalkContinue
			}
			h := mix(hash(string(u.Kind)), 0)
			for k := range n.f {
				h = mix(h, n.f[k].canon)
			}
			for _, k := range n.kids {
				h = mix(h, k.subKey)
			}
			n.subKey = h
			// the shingles of the subtree: a leaf's are its own; a
			// division's are never compared (unless it stands in a unit
			// that is)
			switch {
			case len(n.kids) == 0:
				n.sub = n.own
			case n.div && (n.parent == nil || n.parent.div):
			default:
				size := len(n.own)
				for _, k := range n.kids {
					size += len(k.sub)
				}
				sub := append(make([]shingle, 0, size), n.own...)
				for _, k := range n.kids {
					sub = append(sub, k.sub...)
				}
				n.sub = kept(set(sub))
			}
			return segment.WalkContinue
		}
		n := &node{u: u, addr: u.Addr, idx: int32(len(s.nodes)), parent: parent, div: u.Kind.IsDivision(), newSide: newSide}
		if n.addr == "" {
			n.addr = "?" + strconv.Itoa(int(n.idx))
		}
		n.num = num(n.addr)
		s.nodes = append(s.nodes, n)
		if _, dup := s.byAddr[n.addr]; !dup {
			s.byAddr[n.addr] = n
		}
		if pre != nil {
			n.f, n.own = pre[n.idx].f, pre[n.idx].own
		} else {
			var own []shingle
			for k, raw := range [3]string{u.Heading, u.Text, u.Tail} {
				var toks []token
				n.f[k], toks = tz.field(raw)
				own = shingles(own, toks) // the tokens are cut again when diffed
			}
			n.own = kept(set(own))
		}
		switch {
		case n.div:
		case parent == nil || parent.top == nil:
			n.top = n
		default:
			n.top = parent.top
		}
		open = append(open, n)
		return segment.WalkContinue
	})
	return s
}

// dropSubtreeShingles lets go of the shingles of the subtrees once the
// units are matched: they serve the matching only (the report compares
// a pair's own shingles), and a unit's hold again those of every unit
// below it.
func (c *matcher) dropSubtreeShingles() {
	for _, s := range [2]*side{c.old, c.new} {
		for _, n := range s.nodes {
			n.sub = nil
			for _, k := range n.kids {
				k.sub = nil // a virtual first paragraph is in no list of nodes
			}
		}
	}
}

// num returns the number part of an address: its last segment, without
// the suffix that makes duplicate addresses unique.
func num(addr string) string {
	if i := strings.IndexByte(addr, '~'); i >= 0 {
		addr = addr[:i]
	}
	return addr[strings.LastIndexByte(addr, '.')+1:]
}

// matcher holds the two revisions while they are matched.
type matcher struct {
	old, new *side
	tz       *tokenizer // what cut both
	strict   bool
	deadline time.Time // of the word diffs; zero: none
}

// pair is a candidate match between old unit i and new unit j of two
// sequences.
type pair struct {
	i, j int
	sim  float64
	w    float64
}

// match matches the units of the two revisions.
func (c *matcher) match() {
	// 1. units under the document or a division, kind by kind
	for _, k := range c.kinds(func(n *node) bool { return n.top == n }) {
		os := c.filter(c.old, func(n *node) bool { return n.top == n && n.u.Kind == k })
		ns := c.filter(c.new, func(n *node) bool { return n.top == n && n.u.Kind == k })
		c.alignSparse(os, ns, howChain) // a maximum-weight chain over the clear matches, then the gaps between them
	}
	// 2. their children
	for _, o := range c.old.nodes {
		if o.top == o && o.match != nil {
			c.alignKids(o, o.match)
		}
	}
	// 3. moved units: first those under the document or a division, then
	// the rest
	c.moved(func(n *node) bool { return n.top == n })
	c.moved(func(n *node) bool { return !n.div && n.top != n })
	// 4. divisions
	for _, k := range c.kinds(func(n *node) bool { return n.div }) {
		os := c.filter(c.old, func(n *node) bool { return n.div && n.u.Kind == k })
		ns := c.filter(c.new, func(n *node) bool { return n.div && n.u.Kind == k })
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
func (c *matcher) formTrees() {
	for _, o := range c.old.nodes {
		n := o.match
		if n == nil || o.inForm || o.subKey == n.subKey || c.sameShape(o, n) {
			continue
		}
		if flat(o.u) != flat(n.u) {
			continue
		}
		o.formRoot, n.formRoot = true, true
		for _, side := range []struct {
			s *side
			r *node
		}{{c.old, o}, {c.new, n}} {
			for _, x := range withVirtual(side.s.nodes[side.r.idx+1 : side.r.end]) {
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
func (c *matcher) sameShape(o, n *node) bool {
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

// flat returns the canonical text of a unit and everything below it,
// labels of the units below included (not its own).
func flat(u *segment.Unit) string {
	var b strings.Builder
	segment.Walk([]*segment.Unit{u}, func(x *segment.Unit, entering bool) segment.WalkStatus {
		if !entering {
			b.WriteString(x.Tail)
			b.WriteByte(' ')
			return segment.WalkContinue
		}
		if x != u {
			b.WriteString(x.Label)
			b.WriteByte(' ')
		}
		b.WriteString(x.Heading)
		b.WriteByte(' ')
		b.WriteString(x.Text)
		b.WriteByte(' ')
		return segment.WalkContinue
	})
	canon, _, _ := canon(b.String())
	return canon
}

// kinds lists the kinds of the units that keep, in order of first
// appearance in the old revision, then the new.
func (c *matcher) kinds(keep func(*node) bool) []segment.Kind {
	var out []segment.Kind
	for _, s := range []*side{c.old, c.new} {
		for _, n := range s.nodes {
			if keep(n) && !slices.Contains(out, n.u.Kind) {
				out = append(out, n.u.Kind)
			}
		}
	}
	return out
}

func (c *matcher) filter(s *side, keep func(*node) bool) []*node {
	var out []*node
	for _, n := range s.nodes {
		if keep(n) {
			out = append(out, n)
		}
	}
	return out
}

// link records a match.
func link(o, n *node, how matchHow) {
	o.match, n.match = n, o
	o.how, n.how = how, how
}

// headEq reports whether two units have the same, non-empty heading in
// canonical form.
func headEq(o, n *node) bool {
	return o.f[0].canon != 0 && o.f[0].canon == n.f[0].canon
}

// alignSparse matches two sequences of units through their sparse
// candidates: a maximum-weight chain over the clear matches of the same
// kind, then the gaps between them.
func (c *matcher) alignSparse(os, ns []*node, how matchHow) {
	if len(os) == 0 || len(ns) == 0 {
		return
	}
	cands := candidates(os, ns, chainMin)
	var strong []pair
	for _, p := range cands {
		if p.sim >= chainMin && os[p.i].u.Kind == ns[p.j].u.Kind {
			p.w = p.sim
			if os[p.i].num == ns[p.j].num {
				p.w += 0.001
			}
			strong = append(strong, p)
		}
	}
	c.linkChain(os, ns, chainOf(strong, len(ns)), cands, how)
}

// linkChain links the pairs of a chain, then aligns the gaps between them
// with looser rules (cands: the sparse candidates of os × ns, if any).
func (c *matcher) linkChain(os, ns []*node, chain, cands []pair, how matchHow) {
	for _, p := range chain {
		link(os[p.i], ns[p.j], how)
	}
	pi, pj := 0, 0
	for k := 0; k <= len(chain); k++ {
		ei, ej := len(os), len(ns)
		if k < len(chain) {
			ei, ej = chain[k].i, chain[k].j
		}
		if ei > pi && ej > pj {
			c.alignGap(os[pi:ei], ns[pj:ej], cands, pi, pj, how)
		}
		if k < len(chain) {
			pi, pj = chain[k].i+1, chain[k].j+1
		}
	}
}

// alignGap aligns a gap densely: pairs that are similar enough, or at the
// same position from either end of the gap, or with the same heading.
// Large gaps fall back to the sparse candidates (offset by oi, oj; sorted
// by i).
func (c *matcher) alignGap(os, ns []*node, cands []pair, oi, oj int, how matchHow) {
	if len(os)*len(ns) > denseMax {
		var ps []pair
		k, _ := slices.BinarySearchFunc(cands, oi, func(p pair, i int) int { return cmp.Compare(p.i, i) })
		for ; k < len(cands) && cands[k].i < oi+len(os); k++ {
			p := cands[k]
			if p.j >= oj && p.j < oj+len(ns) && p.sim >= gapMin && os[p.i-oi].u.Kind == ns[p.j-oj].u.Kind {
				ps = append(ps, pair{i: p.i - oi, j: p.j - oj, sim: p.sim, w: p.sim})
			}
		}
		for _, p := range chainOf(ps, len(ns)) {
			link(os[p.i], ns[p.j], how)
		}
		return
	}
	weight := func(i, j int) (float64, bool) {
		o, n := os[i], ns[j]
		if o.u.Kind != n.u.Kind {
			return 0, false
		}
		sim := dice(o.sub, n.sub)
		pos := i == j || len(os)-i == len(ns)-j
		head := headEq(o, n)
		same := o.num == n.num
		if !(sim >= gapMin || head || sim >= posMin && (pos || same)) {
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
	for _, p := range needlemanWunsch(len(os), len(ns), weight) {
		link(os[p.i], ns[p.j], how)
	}
}

// alignKids matches the children of a matched pair, then theirs.
func (c *matcher) alignKids(o, n *node) {
	implicit(c.tz, o, n)
	implicit(c.tz, n, o)
	if len(o.kids) > 0 && len(n.kids) > 0 {
		// free children only (some may have been matched as moved units)
		os := slices.DeleteFunc(slices.Clone(o.kids), func(x *node) bool { return x.match != nil })
		ns := slices.DeleteFunc(slices.Clone(n.kids), func(x *node) bool { return x.match != nil })
		if len(os)*len(ns) > denseMax {
			c.alignSparse(os, ns, howKid) // too many for the dense alignment
		} else {
			c.alignDense(os, ns)
		}
	}
	for _, k := range o.kids {
		if k.match != nil && k.match.parent == n && k.how == howKid {
			c.alignKids(k, k.match)
		}
	}
}

// alignDense matches two short sequences of children: the non-crossing
// clear matches of the same kind with the greatest total similarity, then
// the gaps between them.
func (c *matcher) alignDense(os, ns []*node) {
	strong := func(i, j int) (float64, bool) {
		if os[i].u.Kind != ns[j].u.Kind {
			return 0, false
		}
		sim := dice(os[i].sub, ns[j].sub)
		if sim < chainMin {
			return 0, false
		}
		if os[i].num == ns[j].num {
			sim += 0.001
		}
		return sim, true
	}
	c.linkChain(os, ns, needlemanWunsch(len(os), len(ns), strong), nil, howKid)
}

// implicit gives a an implicit first paragraph when a has text and no
// paragraphs while its counterpart b has no text and paragraphs: a law
// article of one paragraph (款) that gained a second, where the text of the
// article (and its items) became its first paragraph.
func implicit(tz *tokenizer, a, b *node) {
	if a.f[1].canon == 0 || b.f[1].canon != 0 || len(b.kids) == 0 ||
		b.kids[0].u.Kind != segment.KindParagraph || b.kids[0].virtual {
		return
	}
	for _, k := range a.kids {
		if k.u.Kind == segment.KindParagraph || k.match != nil {
			return
		}
	}
	v := &node{
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
	v.own = set(shingles(nil, v.f[1].tokens(tz)))
	sub := slices.Clone(v.own)
	h := mix(hash(string(segment.KindParagraph)), v.f[1].canon)
	for _, k := range v.kids {
		k.parent = v
		sub = append(sub, k.sub...)
		h = mix(h, k.subKey)
	}
	v.sub = set(sub)
	v.subKey = h
	a.f[1] = tokField{}
	a.own = set(append(shingles(nil, a.f[0].tokens(tz)), shingles(nil, a.f[2].tokens(tz))...))
	a.textOut = true
	a.kids = []*node{v}
}

// moved pairs the units still unmatched on both sides (among those keep
// accepts) whose texts are clearly the same, best pairs first.
func (c *matcher) moved(keep func(*node) bool) {
	free := func(n *node) bool { return n.match == nil && keep(n) && len(n.sub) >= moveSize }
	for _, k := range c.kinds(free) {
		os := c.filter(c.old, func(n *node) bool { return free(n) && n.u.Kind == k })
		ns := c.filter(c.new, func(n *node) bool { return free(n) && n.u.Kind == k })
		if len(os) == 0 || len(ns) == 0 {
			continue
		}
		var ps []pair
		for _, p := range candidates(os, ns, moveMin) {
			if p.sim >= moveMin {
				ps = append(ps, p)
			}
		}
		slices.SortFunc(ps, func(a, b pair) int {
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
			link(o, n, howMove)
			c.alignKids(o, n)
		}
	}
}

// alignDivs matches divisions of one kind by their headings and the units
// they hold.
func (c *matcher) alignDivs(os, ns []*node) {
	if len(os) == 0 || len(ns) == 0 || len(os)*len(ns) > denseMax {
		return
	}
	// members: matched units under each division
	shared := make([]int, len(os)*len(ns))
	members := func(d *node, s *side) []*node {
		var out []*node
		for _, n := range s.nodes[d.idx+1 : d.end] {
			if n.top == n {
				out = append(out, n)
			}
		}
		return out
	}
	nIndex := map[*node]int{}
	for j, n := range ns {
		nIndex[n] = j
	}
	om := make([][]*node, len(os))
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
		own := dice(o.own, n.own)
		mem := 0.0
		if tot := len(om[i]) + nm[j]; tot > 0 {
			mem = 2 * float64(shared[i*len(ns)+j]) / float64(tot)
		} else {
			mem = own
		}
		w := (own + mem) / 2
		if w < gapMin && !(headEq(o, n) && mem > 0) {
			return 0, false
		}
		if o.num == n.num {
			w += 0.001
		}
		return w, true
	}
	for _, p := range needlemanWunsch(len(os), len(ns), weight) {
		link(os[p.i], ns[p.j], howDiv)
	}
}

// countShared adds to count, for each unit on the posting lists of the
// shingles hs, how many of them it has, appending to touched the units it
// counts first; it returns touched and how many of hs are on more than
// maxDF units, too frequent to count one by one.
func countShared(index map[shingle][]int32, maxDF int, hs []shingle, count, touched []int32) ([]int32, int) {
	freq := 0
	for _, h := range hs {
		post := index[h]
		if len(post) > maxDF {
			freq++
			continue
		}
		for _, k := range post {
			if count[k] == 0 {
				touched = append(touched, k)
			}
			count[k]++
		}
	}
	return touched, freq
}

// splits marks added units whose text was taken from a unit that kept its
// place, and deleted units whose text went into one.
func (c *matcher) splits() {
	mark := func(from, to *side) {
		// lost[i]: shingles of matched unit i that its match does not have
		type lost struct {
			n   *node
			set []shingle
		}
		var ls []lost
		// posting lists, cut at dfMax+1 entries: a longer one only says
		// the shingle is frequent
		index := map[shingle][]int32{}
		for _, n := range from.nodes {
			if n.match == nil || n.div {
				continue
			}
			set := minus(n.own, n.match.own)
			if len(set) == 0 {
				continue
			}
			for _, h := range set {
				if post := index[h]; len(post) <= dfMax {
					index[h] = append(post, int32(len(ls)))
				}
			}
			ls = append(ls, lost{n, set})
		}
		if len(ls) == 0 {
			return
		}
		count := make([]int32, len(ls))
		var touched []int32
		for _, n := range to.nodes {
			if n.match != nil || n.div || len(n.own) < moveSize {
				continue
			}
			var freq int // shingles of n lost by too many units to count one by one
			touched, freq = countShared(index, dfMax, n.own, count, touched[:0])
			if freq > 0 {
				// rare shingles alone undercount: recount exactly the
				// units that could reach splitMin, most promising first
				keep := touched[:0]
				for _, k := range touched {
					if float64(int(count[k])+freq) >= splitMin*float64(len(n.own)) {
						keep = append(keep, k)
					} else {
						count[k] = 0
					}
				}
				slices.SortFunc(keep, func(a, b int32) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
				for _, k := range keep[min(len(keep), candMax):] {
					count[k] = 0
				}
				touched = keep[:min(len(keep), candMax)]
				for _, k := range touched {
					count[k] = int32(interSorted(n.own, ls[k].set))
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
			if bestK >= 0 && best >= splitMin {
				n.split = ls[bestK].n
			}
		}
	}
	mark(c.old, c.new) // added units split from old ones
	mark(c.new, c.old) // deleted units merged into new ones
}

// The bounds of the sparse candidate search (more than denseMax pairs),
// which keep its time and memory linear in the number of units whatever
// their texts and numbers: 8,000 paragraphs that all read "1." and say the
// same thing give each unit a few candidates, not 8,000. Real revisions
// never reach them (a test compares every law pair of the corpora with
// and without them).
const (
	dfMax   = 64 // a shingle found in more units than this (and len(ns)/16) is frequent: not indexed
	candMax = 32 // most units scored per unit for the shingles they share, best upper bound first
	bandMax = 4  // most units of the same subtree or number scored on either side of a unit's rank among them
)

// candidates returns the pairs of os × ns worth scoring, with their
// similarity: all pairs when there are few, else for each unit of os the
// candMax units of ns that share the most rare shingles with it (by the
// upper bound of their similarity), and the bandMax units on either side
// of its place among the units with the same subtree or the same number,
// of sizes that allow a similarity of half of floor. Pairs come sorted by
// i, then j.
func candidates(os, ns []*node, floor float64) []pair {
	var out []pair
	if len(os)*len(ns) <= denseMax {
		for i, o := range os {
			for j, n := range ns {
				if s := dice(o.sub, n.sub); s > 0 {
					out = append(out, pair{i: i, j: j, sim: s})
				}
			}
		}
		return out
	}
	maxDF := min(max(16, len(ns)/16), dfMax)
	// posting lists, cut at maxDF+1 entries: a longer one only says the
	// shingle is frequent
	index := map[shingle][]int32{}
	for j, n := range ns {
		for _, h := range n.sub {
			if post := index[h]; len(post) <= maxDF {
				index[h] = append(post, int32(j))
			}
		}
	}
	type group struct {
		olds int     // units of os in the group
		news []int32 // units of ns in the group, in order
		rank int     // units of os in the group seen so far
	}
	byKey := map[uint64]*group{}
	byNum := map[string]*group{}
	for j, n := range ns {
		g := byKey[n.subKey]
		if g == nil {
			g = &group{}
			byKey[n.subKey] = g
		}
		g.news = append(g.news, int32(j))
		h := byNum[n.num]
		if h == nil {
			h = &group{}
			byNum[n.num] = h
		}
		h.news = append(h.news, int32(j))
	}
	for _, o := range os {
		if g := byKey[o.subKey]; g != nil {
			g.olds++
		}
		if g := byNum[o.num]; g != nil {
			g.olds++
		}
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
	type cand struct {
		j  int32
		ub float64 // upper bound of the similarity
	}
	count := make([]int32, len(ns))
	forced := make([]bool, len(ns))
	var touched []int32
	var sel []cand
	for i, o := range os {
		var freqO int
		touched, freqO = countShared(index, maxDF, o.sub, count, touched[:0])
		// |A∩B| is at most the rare shingles they share plus the frequent
		// ones the smaller side has: keep the pairs that can reach half of
		// floor
		sel = sel[:0]
		for _, j := range touched {
			shared := int(count[j]) + min(freqO, freqN[j])
			size := len(o.sub) + len(ns[j].sub)
			count[j] = 0
			if float64(2*shared) >= floor*0.5*float64(size) {
				sel = append(sel, cand{j, float64(2*shared) / float64(size)})
			}
		}
		if len(sel) > candMax {
			center := float64(i) * float64(len(ns)) / float64(len(os))
			slices.SortFunc(sel, func(a, b cand) int {
				return cmp.Or(cmp.Compare(b.ub, a.ub),
					cmp.Compare(math.Abs(float64(a.j)-center), math.Abs(float64(b.j)-center)),
					cmp.Compare(a.j, b.j))
			})
			sel = sel[:candMax]
		}
		for _, c := range sel {
			forced[c.j] = true
		}
		// the units with the same subtree or number, near o's rank among
		// them, when their sizes allow a similarity of half of floor
		band := func(g *group) {
			if g == nil {
				return
			}
			center := 0
			if g.olds > 0 {
				center = g.rank * len(g.news) / g.olds
			}
			g.rank++
			for _, j := range g.news[max(0, center-bandMax):min(len(g.news), center+bandMax+1)] {
				n := ns[j]
				if forced[j] || 2*float64(min(len(o.sub), len(n.sub))) < floor*0.5*float64(len(o.sub)+len(n.sub)) {
					continue
				}
				forced[j] = true
				sel = append(sel, cand{j: j})
			}
		}
		band(byKey[o.subKey])
		band(byNum[o.num])
		slices.SortFunc(sel, func(a, b cand) int { return cmp.Compare(a.j, b.j) })
		for _, c := range sel {
			forced[c.j] = false
			if s := dice(o.sub, ns[c.j].sub); s > 0 {
				out = append(out, pair{i: i, j: int(c.j), sim: s})
			}
		}
	}
	return out
}

// chainOf returns the chain of pairs, strictly increasing in i and j,
// with the greatest total weight (a weighted longest common subsequence),
// in O(P log n) with a Fenwick tree of prefix maxima over j.
func chainOf(ps []pair, nj int) []pair {
	if len(ps) == 0 {
		return nil
	}
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b pair) int {
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
	var out []pair
	for k := top; k >= 0; k = prev[k] {
		out = append(out, ps[k])
	}
	slices.Reverse(out)
	return out
}

// needlemanWunsch aligns two short sequences densely (Needleman–Wunsch without gap
// costs): the non-crossing set of eligible pairs with the greatest total
// weight.
func needlemanWunsch(n, m int, weight func(i, j int) (float64, bool)) []pair {
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
	var out []pair
	for i, j := n, m; i > 0 && j > 0; {
		k := (i-1)*m + j - 1
		switch {
		case ok[k] && at(i, j) == at(i-1, j-1)+w[k]:
			out = append(out, pair{i: i - 1, j: j - 1, w: w[k]})
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
