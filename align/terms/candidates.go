package terms

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"concord/segment/langtag"
	"concord/segment/pieces"
	"concord/segment/words"
)

// Candidate is a term candidate of one language version: a sequence of
// words that recurs and stands on its own (see Candidates).
type Candidate struct {
	Term    string   // the most frequent form as printed
	Words   int      // length in words (gse words for Chinese)
	Freq    int      // occurrences
	Score   float64  // C-value
	Addrs   []string // addresses of the segments it occurs in, first occurrence order, each once
	Context string   // the first segment it occurs in
}

// CandidateOptions control Candidates and Pairs.
type CandidateOptions struct {
	// MinFreq is the least frequency of a candidate, and the least number
	// of aligned segments a pair shares (default 2).
	MinFreq int
	// MaxWords is the longest candidate, in words (default 5).
	MaxWords int
}

func (o CandidateOptions) withDefaults() CandidateOptions {
	if o.MinFreq <= 0 {
		o.MinFreq = 2
	}
	if o.MaxWords <= 0 {
		o.MaxWords = 5
	}
	return o
}

// gram is one n-gram of an index.
type gram struct {
	seg, tok   int32 // first occurrence: segment and token index
	start, end int32 // and its bytes in the segment
	n          int16 // length in tokens
	df         int32 // segments that hold it
	freq       int32 // occurrences
	last       int32 // last segment counted in df
	segs       []int32
	forms      map[string]int32 // surface forms other than the first, with counts
	first      int32            // count of the first occurrence's form
	valid      bool             // may be a term: edges and interior pass the word filters
	// left and right are the majority votes (Boyer–Moore) for the content
	// word seen next to the gram on each side, with their counters; a
	// stop word, punctuation or a segment boundary votes against.
	left, right       int32
	leftCnt, rightCnt int32
	// nearL and nearR are the same votes over every neighbouring word,
	// stop words included, determiners and punctuation voting against.
	nearL, nearR       int32
	nearLCnt, nearRCnt int32
}

// vote is one step of the Boyer–Moore majority vote; x < 0 matches
// nothing.
func vote(cand, cnt *int32, x int32) {
	switch {
	case x >= 0 && *cand == x:
		*cnt++
	case *cnt == 0:
		if x >= 0 {
			*cand, *cnt = x, 1
		}
	default:
		*cnt--
	}
}

// free reports whether the gram's boundaries vary on both sides: a gram
// preceded, or followed, by the same content word nine times in ten is a
// piece of a longer unit (low accessor variety, Feng et al. 2004). A word
// seen m times in n keeps the vote's counter at 2m−n or more, so a
// counter of 0.8n or more means nine in ten.
func (g *gram) free() bool {
	lim := 0.8 * float64(g.freq)
	return float64(g.leftCnt) < lim && float64(g.rightCnt) < lim
}

// bound reports whether the gram has the same neighbouring word nine
// times in ten on one side, be it a stop word (دون of دون وجه حق, أو of
// a term that is always the second of two): a piece of a longer unit,
// whose other piece free cannot see. A determiner (本公约, هذه
// الاتفاقية, the Convention) does not bind.
func (g *gram) bound() bool {
	lim := 0.8 * float64(g.freq)
	return float64(g.nearLCnt) >= lim || float64(g.nearRCnt) >= lim
}

// index holds the n-grams of a list of segments of one language.
type index struct {
	lang   string
	segs   []pieces.Piece
	ids    [][]int32 // per segment: token ids
	vocab  map[string]int32
	words  []string // token id → folded form
	grams  []gram
	byHash map[uint64]int32
	// segGrams[i] lists the valid grams of segment i, each once.
	segGrams [][]int32
	info     []tokInfo // scratch of add
}

// tokInfo tells what a token may be in a gram: whether it may stand at an
// edge, inside, lead a gram (a word that may begin one though it is a
// stop word), and count as a neighbour (near: a word, not a determiner).
type tokInfo struct{ edge, inner, lead, near bool }

// newIndex cuts every segment into words and indexes every n-gram of
// up to maxWords words that may be a term; with perSeg, it also lists the
// grams of each segment (segGrams), which pairing needs and candidates do
// not.
func newIndex(seg *words.Segmenter, segs []pieces.Piece, lang string, maxWords int, perSeg bool) *index {
	ix := &index{lang: lang, segs: segs, vocab: map[string]int32{}, byHash: map[uint64]int32{}}
	ix.ids = make([][]int32, len(segs))
	if perSeg {
		ix.segGrams = make([][]int32, len(segs))
	}
	// cut a batch of segments at a time (on all cores) and index it: the
	// spans of the tokens are needed only while their segment is indexed
	const batch = 4096
	texts := make([]string, 0, batch)
	var toks []tokSpan
	for b := 0; b < len(segs); b += batch {
		texts = texts[:0]
		for _, s := range segs[b:min(b+batch, len(segs))] {
			texts = append(texts, s.Text)
		}
		for k, ts := range seg.CutAll(texts, lang, 0) {
			toks = toks[:0]
			for _, t := range ts {
				toks = append(toks, tokSpan{int32(t.Start), int32(t.End)})
			}
			ix.add(b+k, toks, maxWords, perSeg)
		}
	}
	return ix
}

// add indexes segment i, whose tokens span toks.
func (ix *index) add(i int, toks []tokSpan, maxWords int, perSeg bool) {
	lang := ix.lang
	base := langtag.Base(lang)
	zh, ar := base == "zh", base == "ar"
	stops, leads, dets := stopWords[base], leadWords[base], determiners[base] // the word sets, looked up once
	text := ix.segs[i].Text
	tokText := func(k int) string { return text[toks[k].s:toks[k].e] }
	ids := make([]int32, len(toks))
	info := ix.info[:0]
	for k := range toks {
		t := tokText(k)
		f := words.Fold(t, lang)
		key := f
		if ar {
			// Arabic writes its article and clitics on the word:
			// الدولة, للدولة, والدولة are one word
			key = words.Stem(f, lang)
		}
		id, ok := ix.vocab[key]
		if !ok {
			id = int32(len(ix.words))
			ix.vocab[key] = id
			ix.words = append(ix.words, key)
		}
		ids[k] = id
		word := isWord(t, lang) && !hasDigit(f)
		stop := stops[f] || ar && stops[key]
		ti := tokInfo{edge: word && !stop, inner: word, lead: word && leads[key], near: word && !dets[key]}
		if zh {
			ti.inner = word && !zhBreakers[f]
		} else if isJoiner(t) {
			ti.inner = true
		}
		info = append(info, ti)
	}
	ix.ids[i] = ids
	ix.info = info
	for k := range toks {
		if !info[k].edge && !info[k].lead {
			continue
		}
		h := uint64(14695981039346656037)
		for n := 1; n <= maxWords && k+n <= len(toks); n++ {
			e := k + n - 1
			if n > 1 && !info[e].inner && !info[e].edge {
				break
			}
			if n > 1 && toks[e-1].e != toks[e].s && zh {
				// Chinese words of a term are not separated by space
				break
			}
			h = (h ^ uint64(ids[e]+1)) * 1099511628211
			if !info[e].edge {
				continue
			}
			if n == 1 && !singleOK(tokText(k), lang) {
				continue
			}
			g, ok := ix.byHash[h^uint64(n)]
			if !ok {
				g = int32(len(ix.grams))
				ix.byHash[h^uint64(n)] = g
				ix.grams = append(ix.grams, gram{seg: int32(i), tok: int32(k), n: int16(n), start: toks[k].s, end: toks[e].e, last: -1, valid: true, left: -1, right: -1, nearL: -1, nearR: -1})
			}
			gr := &ix.grams[g]
			l, r := int32(-1), int32(-1)
			if k > 0 && (info[k-1].edge || isJoiner(tokText(k-1))) {
				l = ids[k-1]
			}
			if e+1 < len(toks) && (info[e+1].edge || isJoiner(tokText(e+1))) {
				r = ids[e+1]
			}
			vote(&gr.left, &gr.leftCnt, l)
			vote(&gr.right, &gr.rightCnt, r)
			l, r = -1, -1
			if k > 0 && info[k-1].near && toks[k-1].e == toks[k].s || k > 0 && info[k-1].near && !zh {
				l = ids[k-1]
			}
			if e+1 < len(toks) && info[e+1].near && (!zh || toks[e].e == toks[e+1].s) {
				r = ids[e+1]
			}
			vote(&gr.nearL, &gr.nearLCnt, l)
			vote(&gr.nearR, &gr.nearRCnt, r)
			gr.freq++
			if form := ix.surface(int32(i), toks[k].s, toks[e].e); gr.freq == 1 || form == ix.surface(gr.seg, gr.start, gr.end) {
				gr.first++
			} else {
				if gr.forms == nil {
					gr.forms = map[string]int32{}
				}
				gr.forms[form]++
			}
			if gr.last != int32(i) {
				gr.last = int32(i)
				gr.df++
				gr.segs = append(gr.segs, int32(i))
				if perSeg {
					ix.segGrams[i] = append(ix.segGrams[i], g)
				}
			}
		}
	}
}

// singleOK tells whether a single word may be a term on its own: two
// Han characters or more for Chinese, three letters or more otherwise.
func singleOK(w, lang string) bool {
	n := utf8.RuneCountInString(w)
	if langtag.Base(lang) == "zh" {
		return n >= 2
	}
	return n >= 3
}

// hasDigit reports whether s holds a decimal digit.
func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= '٠' && r <= '٩' {
			return true
		}
	}
	return false
}

// surface returns the bytes start to end of segment seg as printed.
func (ix *index) surface(seg, start, end int32) string {
	s := ix.segs[seg].Text[start:end]
	if strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// form returns a gram's most frequent form as printed (ties: the first
// seen, then the smallest).
func (ix *index) form(g int32) string {
	gr := &ix.grams[g]
	best, n := ix.surface(gr.seg, gr.start, gr.end), gr.first
	keys := make([]string, 0, len(gr.forms))
	for f := range gr.forms {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		if gr.forms[f] > n {
			best, n = f, gr.forms[f]
		}
	}
	return best
}

// tokens returns a gram's token ids.
func (ix *index) tokens(g int32) []int32 {
	gr := &ix.grams[g]
	return ix.ids[gr.seg][gr.tok : int(gr.tok)+int(gr.n)]
}

// position returns where a gram first occurs in segment i, relative to
// the segment's length in tokens (0 to 1), or -1.
func (ix *index) position(g, i int32) float64 {
	want := ix.tokens(g)
	ids := ix.ids[i]
	for k := 0; k+len(want) <= len(ids); k++ {
		ok := true
		for m, w := range want {
			if ids[k+m] != w {
				ok = false
				break
			}
		}
		if ok {
			return float64(k) / float64(len(ids))
		}
	}
	return -1
}

// lookup returns the gram of a token-id sequence, or -1.
func (ix *index) lookup(ids []int32) int32 {
	h := uint64(14695981039346656037)
	for _, id := range ids {
		h = (h ^ uint64(id+1)) * 1099511628211
	}
	if g, ok := ix.byHash[h^uint64(len(ids))]; ok {
		gr := &ix.grams[g]
		if int(gr.n) == len(ids) {
			return g
		}
	}
	return -1
}

// addrs returns the addresses of a gram's segments, each once, in order
// of first occurrence.
func (ix *index) addrs(g int32) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ix.grams[g].segs {
		a := ix.segs[s].Addr
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// fragments marks the grams that are almost always part of one longer
// gram (one word more on either side, in nine segments out of ten or
// more): "Nations" of "United Nations". They are not terms by themselves.
func (ix *index) fragments(minFreq int) []bool {
	frag := make([]bool, len(ix.grams))
	for g := range ix.grams {
		p := &ix.grams[g]
		if p.n < 2 || int(p.df) < minFreq {
			continue
		}
		ids := ix.tokens(int32(g))
		for _, sub := range [][]int32{ids[1:], ids[:len(ids)-1]} {
			c := ix.lookup(sub)
			if c >= 0 && float64(p.df) >= 0.9*float64(ix.grams[c].df) {
				frag[c] = true
			}
		}
	}
	return frag
}

// Candidates returns the term candidates of a list of segments of one
// language, best first. Candidates are sequences of up to MaxWords words
// (gse words for Chinese) that neither begin nor end with a stop word,
// hold no punctuation, digits or (Chinese) clause particles such as 的 and
// 应, and occur MinFreq times or more; single words qualify only when they
// are long (four Han characters or more for Chinese, such as the treaty
// terms gse keeps whole; never in other languages).
//
// The score is the C-value of Frantzi, Ananiadou and Mima (2000), with
// log2(words+1) for the length weight so that single words count:
// C(a) = w(a)·(f(a) − Σ f(b)/|T(a)|) over the longer candidates b that
// contain a, or w(a)·f(a) if none does. A sequence that occurs only inside
// one longer candidate scores 0 and is dropped, and so is one that sits
// inside a longer one in nine of ten occurrences. Boundary statistics
// remove the rest of the fragments: a candidate always preceded, or always
// followed, by the same content word (not a stop word or punctuation) is
// a piece of a longer unit (accessor variety below two, Feng et al. 2004).
func Candidates(seg *words.Segmenter, segs []pieces.Piece, lang string, opt CandidateOptions) []Candidate {
	opt = opt.withDefaults()
	ix := newIndex(seg, segs, lang, opt.MaxWords, false)
	out, grams := ix.candidates(opt)
	for i := range out {
		out[i].Addrs = ix.addrs(grams[i])
	}
	return out
}

// candidates returns the candidates of the index, best first, and the
// gram of each; their Addrs are left nil for the caller to fill in, with
// addrs, for the candidates it keeps (the addresses of every candidate of
// a large text are a list as long as the text).
func (ix *index) candidates(opt CandidateOptions) ([]Candidate, []int32) {
	zh := langtag.Base(ix.lang) == "zh"
	isCand := func(g int32) bool {
		gr := &ix.grams[g]
		if int(gr.freq) < opt.MinFreq {
			return false
		}
		if gr.n == 1 {
			return zh && utf8.RuneCountInString(ix.words[ix.tokens(g)[0]]) >= 4
		}
		return true
	}
	frag := ix.fragments(opt.MinFreq)
	sum := make([]float64, len(ix.grams))
	cnt := make([]int, len(ix.grams))
	for g := range ix.grams {
		if ix.grams[g].n < 2 || !isCand(int32(g)) {
			continue
		}
		ids := ix.tokens(int32(g))
		for i := range ids {
			for j := i + 1; j <= len(ids); j++ {
				if j-i == len(ids) {
					continue
				}
				if c := ix.lookup(ids[i:j]); c >= 0 && isCand(c) {
					sum[c] += float64(ix.grams[g].freq)
					cnt[c]++
				}
			}
		}
	}
	var out []Candidate
	var grams []int32
	for g := range ix.grams {
		if !isCand(int32(g)) || frag[g] || !ix.grams[g].free() {
			continue
		}
		gr := &ix.grams[g]
		f := float64(gr.freq)
		if cnt[g] > 0 {
			f -= sum[g] / float64(cnt[g])
		}
		cv := math.Log2(float64(gr.n)+1) * f
		if cv <= 0 {
			continue
		}
		out = append(out, Candidate{
			Term:    ix.form(int32(g)),
			Words:   int(gr.n),
			Freq:    int(gr.freq),
			Score:   cv,
			Context: ix.segs[gr.segs[0]].Text,
		})
		grams = append(grams, int32(g))
	}
	sort.Stable(byScore{out, grams})
	return out, grams
}

// byScore sorts candidates, and their grams alongside, best first: by
// score, then frequency, then term.
type byScore struct {
	c []Candidate
	g []int32
}

func (b byScore) Len() int { return len(b.c) }

func (b byScore) Less(i, j int) bool {
	c := b.c
	if c[i].Score != c[j].Score {
		return c[i].Score > c[j].Score
	}
	if c[i].Freq != c[j].Freq {
		return c[i].Freq > c[j].Freq
	}
	return c[i].Term < c[j].Term
}

func (b byScore) Swap(i, j int) {
	b.c[i], b.c[j] = b.c[j], b.c[i]
	b.g[i], b.g[j] = b.g[j], b.g[i]
}

// tokSpan is the byte span of a token in its segment.
type tokSpan struct{ s, e int32 }
