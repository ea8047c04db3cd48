package words

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// pseudoDist is what gse charges for a unit that begins no dictionary word.
const pseudoDist = 32

// scratch holds the per-call buffers of cutZh, reused through a pool.
type scratch struct {
	ustart []int32   // byte offset of unit i; ustart[n] = len(text)
	rstart []int32   // index in rs/cs of the first rune of unit i
	rs     []rune    // the runes of the text (invalid bytes as utf8.RuneError)
	cs     []uint16  // their codes in the base dictionary
	best   []float32 // shortest distance from the start to the end of unit i
	from   []int32   // first unit of the last word on that path
	ends   []int32   // overlay words at the current unit: last unit …
	dists  []float32 // … and distance
	spans  []int32   // the chosen words as start units, in order
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledRunes bounds the buffers kept in scratchPool (about 3 MiB).
const maxPooledRunes = 1 << 17

// alnum1 marks the ASCII letters and digits.
var alnum1 = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = unicode.IsLetter(rune(r)) || unicode.IsNumber(rune(r))
	}
	return
}()

// units splits text the way gse's SplitTextToWords does: a maximal run of
// letters and digits of at most two UTF-8 bytes each (Latin, Greek,
// Cyrillic, Arabic …) is one unit, every other rune a unit of its own.
// Dictionary words are matched only on unit boundaries, so Latin words and
// numbers inside Chinese text stay whole.
func (sc *scratch) units(t *trie, text string) {
	sc.ustart, sc.rstart, sc.rs, sc.cs = sc.ustart[:0], sc.rstart[:0], sc.rs[:0], sc.cs[:0]
	inRun := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		var run bool
		var c uint16
		if r < utf8.RuneSelf {
			run = alnum1[r]
			c = t.code16[r]
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			run = size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
			if size > 1 { // an invalid byte matches no word
				c = t.code(r)
			}
		}
		if !run || !inRun {
			sc.ustart = append(sc.ustart, int32(i))
			sc.rstart = append(sc.rstart, int32(len(sc.rs)))
		}
		inRun = run
		sc.rs = append(sc.rs, r)
		sc.cs = append(sc.cs, c)
		i += size
	}
	sc.ustart = append(sc.ustart, int32(len(text)))
	sc.rstart = append(sc.rstart, int32(len(sc.rs)))
}

// cutZh segments Chinese text: gse's shortest path (Segmenter.Segment)
// over the base dictionary and the overlay.
func (s *Segmenter) cutZh(text string) []Token {
	sc := scratchPool.Get().(*scratch)
	defer func() {
		if cap(sc.rs) <= maxPooledRunes { // do not keep a huge text's buffers
			scratchPool.Put(sc)
		}
	}()
	t := s.base
	sc.units(t, text)
	n := len(sc.ustart) - 1
	if cap(sc.best) < n {
		sc.best = make([]float32, n)
		sc.from = make([]int32, n)
	}
	best, from := sc.best[:n], sc.from[:n]
	clear(best)
	ustart, rstart, cs := sc.ustart, sc.rstart, sc.cs

	for cur := 0; cur < n; cur++ {
		var baseDist float32
		if cur > 0 {
			baseDist = best[cur-1]
		}
		// Overlay words that begin at unit cur (rare): they replace base
		// words of the same length.
		oEnds, oDists := sc.ends[:0], sc.dists[:0]
		if o := s.extra; o != nil && o.mayBegin(sc.rs[rstart[cur]:]) {
			oEnds, oDists = o.matches(sc, cur, oEnds, oDists)
			sc.ends, sc.dists = oEnds, oDists
		}
		single := false // some word is exactly unit cur

		// Base dictionary words that begin at unit cur, shortest first.
		node := uint32(0)
	walk:
		for u := cur; u < n; u++ {
			for k := rstart[u]; k < rstart[u+1]; k++ {
				var ok bool
				if node, ok = t.child(node, cs[k]); !ok {
					break walk
				}
			}
			d := t.dist(node)
			if d == 0 || len(oEnds) > 0 && slices.Contains(oEnds, int32(u)) {
				continue
			}
			single = single || u == cur
			if nd := baseDist + d; best[u] == 0 || best[u] > nd {
				best[u] = nd
				from[u] = int32(cur)
			}
		}
		for i, e := range oEnds {
			if oDists[i] == removed {
				continue // a base word taken out
			}
			single = single || e == int32(cur)
			if nd := baseDist + oDists[i]; best[e] == 0 || best[e] > nd {
				best[e] = nd
				from[e] = int32(cur)
			}
		}
		if !single {
			if nd := baseDist + pseudoDist; best[cur] == 0 || best[cur] > nd {
				best[cur] = nd
				from[cur] = int32(cur)
			}
		}
	}

	// The chosen words, back to front.
	spans := sc.spans[:0]
	for e := n - 1; e >= 0; e = int(from[e]) - 1 {
		spans = append(spans, from[e])
	}
	for i, j := 0, len(spans)-1; i < j; i, j = i+1, j-1 {
		spans[i], spans[j] = spans[j], spans[i]
	}
	if s.hmm {
		spans = s.hmmSpans(sc, text, spans)
	}
	sc.spans = spans

	out := make([]Token, 0, len(spans))
	for i, su := range spans {
		eu := int32(n)
		if i+1 < len(spans) {
			eu = spans[i+1]
		}
		start, end := int(ustart[su]), int(ustart[eu])
		w := text[start:end]
		if !unicode.IsSpace(sc.rs[rstart[su]]) || !isSpaceOnly(w) {
			out = append(out, Token{Text: w, Start: start, End: end})
		}
	}
	return out
}

// matches appends the overlay words that begin at unit cur: their last
// units to ends, their distances to dists.
func (o *overlay) matches(sc *scratch, cur int, ends []int32, dists []float32) ([]int32, []float32) {
	n := len(sc.ustart) - 1
	node := uint32(0)
	for u := cur; u < n; u++ {
		for k := sc.rstart[u]; k < sc.rstart[u+1]; k++ {
			var ok bool
			if node, ok = o.child(node, sc.rs[k]); !ok {
				return ends, dists
			}
		}
		if d := o.dist[node]; d != 0 {
			ends = append(ends, int32(u))
			dists = append(dists, d)
		}
	}
	return ends, dists
}
