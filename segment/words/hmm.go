package words

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse/hmm"
)

var hmmOnce sync.Once

// hmmSpans re-cuts, with gse's HMM, every run of two or more consecutive
// one-character Han words that is not itself a dictionary word — what gse's
// cutDAG does with its buffer of single characters, except that the run
// holds Han characters only (gse's also takes punctuation and glues it).
func (s *Segmenter) hmmSpans(sc *scratch, text string, spans []int32) []int32 {
	n := int32(len(sc.ustart) - 1)
	single := func(i int) bool { // span i is one Han rune
		su := spans[i]
		eu := n
		if i+1 < len(spans) {
			eu = spans[i+1]
		}
		return eu == su+1 && sc.rstart[su+1] == sc.rstart[su]+1 && unicode.Is(unicode.Han, sc.rs[sc.rstart[su]])
	}
	var out []int32
	for i := 0; i < len(spans); {
		j := i
		for j < len(spans) && single(j) {
			j++
		}
		if j-i < 2 {
			out = append(out, spans[i])
			i++
			continue
		}
		// spans[i:j] are single Han units; unit k of the run is spans[i]+k.
		run := text[sc.ustart[spans[i]]:sc.ustart[spans[i]+int32(j-i)]]
		if s.isWord(run) {
			out = append(out, spans[i:j]...)
			i = j
			continue
		}
		hmmOnce.Do(func() { hmm.LoadModel() })
		starts := make([]int32, 0, j-i)
		u, pos := spans[i], 0
		for _, w := range hmm.Cut(run) {
			if w == "" || pos+len(w) > len(run) || run[pos:pos+len(w)] != w {
				break
			}
			starts = append(starts, u)
			u += int32(utf8.RuneCountInString(w))
			pos += len(w)
		}
		if pos == len(run) {
			out = append(out, starts...)
		} else { // not a cut of run: keep the characters
			out = append(out, spans[i:j]...)
		}
		i = j
	}
	return out
}

// isWord reports whether w is a word of the base dictionary or the overlay.
func (s *Segmenter) isWord(w string) bool {
	if s.extra != nil {
		if d, ok := s.extra.words[w]; ok {
			return d != removed
		}
	}
	return s.base.lookup(w) != 0
}
