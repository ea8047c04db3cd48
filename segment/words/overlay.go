package words

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// overlay holds the words a Segmenter adds to the base dictionary. A word in
// the overlay replaces the base word of the same text. Like the base
// dictionary it is a trie numbered breadth first, children in rune order
// (kids of node n: kidStart[n] .. kidStart[n+1]-1), node 0 the root.
type overlay struct {
	first    [1 << 10]uint64 // bit r&0xffff: some word begins with rune r
	single   [1 << 10]uint64 // bit r&0xffff: a one-rune word begins with r
	pair     [1 << 10]uint64 // bit pairHash(r1, r2): some word begins with r1 r2
	kidStart []uint32
	label    []rune    // rune of the edge into node n
	dist     []float32 // by node; 0: no word ends here
	words    map[string]float32
}

type overlayBuilder struct {
	base  *trie
	words map[string]float32
	order []string
}

func newOverlayBuilder(base *trie) *overlayBuilder {
	return &overlayBuilder{base: base, words: map[string]float32{}}
}

// add adds a word. freq 0 means DefaultTermFreq or the word's base
// frequency, whichever is higher; a later add of the same word wins.
func (b *overlayBuilder) add(w string, freq float64) {
	w = strings.TrimSpace(w)
	if w == "" || !utf8.ValidString(w) {
		return
	}
	var d float32
	if freq > 0 {
		d = b.base.distance(freq)
	} else {
		d = b.base.distance(DefaultTermFreq)
		if bd := b.base.lookup(w); bd != 0 && bd < d {
			d = bd
		}
	}
	// A distance must stay positive: 0 marks "no word" in the DP.
	b.set(w, max(d, 1e-3))
}

// set gives the trimmed, valid word w the overlay distance d.
func (b *overlayBuilder) set(w string, d float32) {
	if _, ok := b.words[w]; !ok {
		b.order = append(b.order, w)
	}
	b.words[w] = d
}

// removed is the overlay distance of a base word taken out of the
// dictionary (see remove).
var removed = float32(math.Inf(1))

// remove takes a base word out of the dictionary: the overlay holds it with
// an infinite distance, which hides the base word and is never chosen. A
// later add of the same word puts it back.
func (b *overlayBuilder) remove(w string) {
	w = strings.TrimSpace(w)
	if w == "" || !utf8.ValidString(w) {
		return
	}
	b.set(w, removed)
}

func (b *overlayBuilder) build() *overlay {
	if len(b.words) == 0 {
		return nil
	}
	o := &overlay{words: b.words}
	type pnode struct {
		kids map[rune]*pnode
		dist float32
	}
	root := &pnode{}
	for _, w := range b.order {
		rs := []rune(w)
		setBit(&o.first, rs[0])
		if len(rs) == 1 {
			setBit(&o.single, rs[0])
		} else {
			setBit(&o.pair, pairHash(rs[0], rs[1]))
		}
		n := root
		for _, r := range rs {
			if n.kids == nil {
				n.kids = map[rune]*pnode{}
			}
			k := n.kids[r]
			if k == nil {
				k = &pnode{}
				n.kids[r] = k
			}
			n = k
		}
		n.dist = b.words[w]
	}
	queue := []*pnode{root}
	labels := []rune{0}
	next := uint32(1)
	for i := 0; i < len(queue); i++ {
		n := queue[i]
		o.kidStart = append(o.kidStart, next)
		o.label = append(o.label, labels[i])
		o.dist = append(o.dist, n.dist)
		rs := make([]rune, 0, len(n.kids))
		for r := range n.kids {
			rs = append(rs, r)
		}
		slices.Sort(rs)
		for _, r := range rs {
			queue = append(queue, n.kids[r])
			labels = append(labels, r)
		}
		next += uint32(len(rs))
	}
	o.kidStart = append(o.kidStart, next)
	return o
}

func setBit(set *[1 << 10]uint64, r rune) { set[(r&0xffff)>>6] |= 1 << (r & 63) }

func hasBit(set *[1 << 10]uint64, r rune) bool { return set[(r&0xffff)>>6]&(1<<(r&63)) != 0 }

func pairHash(r1, r2 rune) rune { return r1*0x9e37 ^ r2 }

// mayBegin reports whether some word may begin at rs[0] (a filter: false
// positives happen, false negatives do not).
func (o *overlay) mayBegin(rs []rune) bool {
	if !hasBit(&o.first, rs[0]) {
		return false
	}
	return hasBit(&o.single, rs[0]) || len(rs) > 1 && hasBit(&o.pair, pairHash(rs[0], rs[1]))
}

// child returns the child of node n along rune r.
func (o *overlay) child(n uint32, r rune) (uint32, bool) {
	lo, hi := o.kidStart[n], o.kidStart[n+1]
	i, ok := slices.BinarySearch(o.label[lo:hi], r)
	return lo + uint32(i), ok
}
