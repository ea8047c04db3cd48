package words

import (
	"strings"
	"unicode/utf8"
)

// overlay holds the words a Segmenter adds to the base dictionary: a small
// rune trie whose node 0 is the root. A word in the overlay replaces the
// base word of the same text.
type overlay struct {
	first  [1 << 10]uint64   // bit r&0xffff: some word begins with rune r
	single [1 << 10]uint64   // bit r&0xffff: a one-rune word begins with r
	pair   [1 << 10]uint64   // bit pairHash(r1, r2): some word begins with r1 r2
	edges  map[uint64]uint32 // parent<<32 | rune -> child
	dist   []float32         // by node; 0: no word ends here
	words  map[string]float32
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
	d = max(d, 1e-3)
	if _, ok := b.words[w]; !ok {
		b.order = append(b.order, w)
	}
	b.words[w] = d
}

func (b *overlayBuilder) build() *overlay {
	if len(b.words) == 0 {
		return nil
	}
	o := &overlay{edges: map[uint64]uint32{}, dist: []float32{0}, words: b.words}
	for _, w := range b.order {
		var n uint32
		rs := []rune(w)
		setBit(&o.first, rs[0])
		if len(rs) == 1 {
			setBit(&o.single, rs[0])
		} else {
			setBit(&o.pair, pairHash(rs[0], rs[1]))
		}
		for _, r := range rs {
			k := uint64(n)<<32 | uint64(uint32(r))
			c, ok := o.edges[k]
			if !ok {
				c = uint32(len(o.dist))
				o.dist = append(o.dist, 0)
				o.edges[k] = c
			}
			n = c
		}
		o.dist[n] = b.words[w]
	}
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
	c, ok := o.edges[uint64(n)<<32|uint64(uint32(r))]
	return c, ok
}
