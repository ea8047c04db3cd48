package align

import (
	"iter"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"concord/align/internal/anchor"
	"concord/segment/langtag"
)

// Bead links consecutive source sentences with consecutive target sentences.
// Src and Tgt hold indices into the sentence slices given to Sentences, in
// increasing order; either may be empty (a sentence with no counterpart).
//
// Score is the calibrated probability that the bead is exactly right: that
// a careful human aligner would make this very bead, neither more nor fewer
// sentences on either side. It starts from the bead's posterior probability
// under the aligner's model (forward-backward over all alignments in the
// search band), which is sure of itself where the model's assumptions hold
// and too sure where they do not (free translation), and corrects it with
// a logistic regression over features the posterior ignores (see
// sentcalib.go). Of the beads scored at least 0.9, 93.5 to 97.5 % are right
// on literary chapters the calibration was not fitted on and 98.6 to
// 99.8 % on UN text; a score below 0.5 marks a bead that is more likely
// wrong than right.
type Bead struct {
	Src, Tgt []int
	Score    float64
}

// GlossaryEntry is a pair of equivalent terms, Src in the source language and
// Tgt in the target language. Terms are tokenized like the sentences; a bead
// whose two sides both contain the terms of an entry is rewarded, a bead where
// only one side does is penalised a little.
type GlossaryEntry struct {
	Src, Tgt string
}

// SentOptions tunes Sentences. The zero value is ready to use.
type SentOptions struct {
	// Glossary lists known term pairs (optional).
	Glossary []GlossaryEntry

	// Tokenizers maps a language code (as passed to Sentences) to the
	// tokenizer to use for it; languages without an entry use
	// DefaultSentTokenizer. Tokens feed the learned lexicon and glossary
	// matching; they should be lower-cased words or, for Chinese, words or
	// characters. The lexicon works on a crude stem of each token: its first
	// five letters (after Arabic prefixes such as ال and و). The two sides
	// are tokenized concurrently, so a tokenizer used for both languages
	// must be safe for concurrent use.
	Tokenizers map[string]func(string) []string

	// Band is the half-width, in sentences, of the band searched around the
	// first-pass path in the refining passes (default 4).
	Band int

	// SearchBand is the initial half-width, in sentences, of the first,
	// length-and-anchor pass around the diagonal (default 64); from 400
	// sentences on, that pass aligns chunks of about four sentences. The
	// band is doubled while the best path runs along its edge, so a small
	// value costs time only.
	SearchBand int

	// Lexicon, if set, is a lexicon learned from other document pairs of
	// the same two languages (see LearnSentLexicon). The first lexical pass
	// uses it, also for documents too short to learn a lexicon from; later
	// passes learn from the document itself when it is long enough.
	Lexicon *SentLexicon

	// NoDictionary turns off the built-in bilingual dictionary (for
	// Chinese–English, CC-CEDICT: see package lexicon), which otherwise
	// scores every bead on its dictionary translations besides the
	// learned lexicon. The glossary's pairs are added to the dictionary.
	NoDictionary bool

	// Passes is the number of lexical refining passes (default 2): each
	// learns a lexicon from the confident beads of the previous pass (if
	// both sides have at least 100 sentences; the first uses Lexicon if
	// set) and realigns. A negative value disables the lexicon (length and
	// anchors only).
	Passes int
}

// DefaultSentTokenizer returns the tokenizer Sentences uses for lang when
// SentOptions.Tokenizers has none: for Chinese ("zh", "zh-Hans", …) every Han
// character is one token and runs of other letters or digits are lower-cased
// words; for every other language tokens are lower-cased runs of letters,
// combining marks and digits (a simplified UAX #29 word segmentation).
// Digits of any script are rewritten as ASCII digits; punctuation and spaces
// are dropped.
func DefaultSentTokenizer(lang string) func(string) []string {
	if langtag.Base(lang) == "zh" {
		return anchor.TokenizeHan
	}
	return anchor.TokenizeWords
}

// tokenizer returns the tokenizer for lang: the one Tokenizers gives, or
// DefaultSentTokenizer's.
func (opt *SentOptions) tokenizer(lang string) func(string) []string {
	if tok := opt.Tokenizers[lang]; tok != nil {
		return tok
	}
	return DefaultSentTokenizer(lang)
}

// sentType is a bead shape: a source and b target sentences.
type sentType struct{ a, b int }

// The first sentFirstTypes shapes are those of the wide first pass.
const sentFirstTypes = 5

var sentTypes = []sentType{
	{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}, {2, 3}, {3, 2}, {1, 4}, {4, 1},
}

// Prior probability of each bead shape before it is re-estimated from the
// document (Gale & Church 1993 give .89/.0099/.089/.011 for the first four).
var sentPrior0 = []float64{
	0.85, 0.005, 0.005, 0.05, 0.05, 0.01, 0.005, 0.005, 0.002, 0.002, 0.001, 0.001,
}

// sentSide holds one language's sentences as features.
type sentSide struct {
	lang   string
	n      int
	toks   [][]int32 // token ids
	vocab  int
	words  []string  // token of each id
	invBg  []float32 // 1 / background unigram probability, per token id
	length []float64 // prefix sums of the length measure
	ntok   []int     // prefix sums of token counts
	anch   [][]anchor.Anchor
	hashes [][]uint64 // sorted token hashes, for Latin-script sides
	latin  bool
}

func newSentSide(sents []string, lang string, tok func(string) []string, latin bool, gloss [][]string) *sentSide {
	sd := &sentSide{lang: lang, n: len(sents), latin: latin}
	sd.toks = make([][]int32, len(sents))
	sd.anch = make([][]anchor.Anchor, len(sents))
	sd.length = make([]float64, len(sents)+1)
	sd.ntok = make([]int, len(sents)+1)
	if latin {
		sd.hashes = make([][]uint64, len(sents))
	}
	vocab := newSentVocab(sentLexKey)
	for i, s := range sents {
		ts := tok(s)
		if len(ts) > 65535 {
			ts = ts[:65535]
		}
		ids := vocab.add(ts)
		sd.toks[i] = ids
		a := anchor.Find(s, ts, lang, latin)
		if len(gloss) > 0 {
			a = append(a, anchor.Glossary(ts, gloss)...)
		}
		anchor.Sort(a)
		sd.anch[i] = a
		if latin {
			h := make([]uint64, len(ts))
			for k, t := range ts {
				h[k] = anchor.WordKey(t)
			}
			slices.Sort(h)
			sd.hashes[i] = h
		}
		sd.length[i+1] = sd.length[i] + sentLength(s)
		sd.ntok[i+1] = sd.ntok[i] + len(ids)
	}
	sd.vocab, sd.words = len(vocab.words), vocab.words
	sd.invBg = sentInvBackground(vocab.counts)
	return sd
}

// sentVocab numbers the tokens of one language in the order they first
// occur, and counts them.
type sentVocab struct {
	ids    map[string]int32
	words  []string            // the token of each id
	counts []float64           // the occurrences of each id
	key    func(string) string // the form a token is counted under (nil: as it is)
}

func newSentVocab(key func(string) string) *sentVocab {
	return &sentVocab{ids: map[string]int32{}, key: key}
}

// add counts the tokens toks and returns their ids, numbering the new ones.
func (v *sentVocab) add(toks []string) []int32 {
	out := make([]int32, len(toks))
	for k, t := range toks {
		if v.key != nil {
			t = v.key(t)
		}
		id, ok := v.ids[t]
		if !ok {
			id = int32(len(v.words))
			v.ids[t] = id
			v.words = append(v.words, t)
			v.counts = append(v.counts, 0)
		}
		v.counts[id]++
		out[k] = id
	}
	return out
}

// Relative length of the same content in each language, in the units of
// sentLength (letters and digits), English = 1. Measured on the UN Parallel
// Corpus development set; used as a prior for short documents.
var sentDensity = map[string]float64{
	"en": 1, "ar": 0.837, "es": 1.136, "fr": 1.119, "ru": 1.140, "zh": 0.297,
}

func sentDensityOf(lang string) float64 {
	if d, ok := sentDensity[langtag.Base(lang)]; ok {
		return d
	}
	return 1
}

// sentLength is the length measure of the length model: the number of
// letters, digits and Han characters (spaces and punctuation do not count).
func sentLength(s string) float64 {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		}
	}
	return float64(n)
}

// Sentences aligns the source sentences src (in language srcLang) with their
// translation tgt (in tgtLang) and returns the beads in order: every index
// of src and of tgt occurs in exactly one bead, and both sides' indices
// increase along the result.
//
// Method: dynamic programming over beads 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3,
// 3-1, 2-3, 3-2, 1-4 and 4-1, whose cost is minus the log-probability of the
// bead shape plus three log-likelihood ratios: a Gale-Church length model
// whose ratio and variance are estimated from the two documents; anchors
// (numbers in any script including Chinese numerals, cross-references such
// as 第17条/article 17/статья 17/المادة 17, question marks, colons,
// brackets, quotes, Latin words inside other scripts, glossary terms); and,
// after a first pass, an IBM Model 1 lexicon trained in both directions on
// the beads of the previous pass whose posterior is at least 0.9 (or given
// by SentOptions.Lexicon). The first pass aligns chunks of about four
// sentences in a band around the diagonal that widens until the path stays
// clear of its edges; later passes search narrow bands around the previous
// path, so the time is linear in the number of sentences for documents that
// are translations of each other. Bead costs are computed in parallel.
//
// The result is the most probable alignment under the model, except for
// documents aligned without a lexicon (under 100 sentences a side and no
// SentOptions.Lexicon), where the length-and-anchor model is often unsure:
// there it is the alignment with the largest expected number of exactly
// right beads (the largest sum of bead posteriors).
//
// Sentences never refuses: any two inputs, including empty ones and sides of
// very different lengths, give a valid alignment. It is deterministic.
func Sentences(src, tgt []string, srcLang, tgtLang string, opt SentOptions) []Bead {
	n, m := len(src), len(tgt)
	if n == 0 || m == 0 {
		var out []Bead
		for i := 0; i < n; i++ {
			out = append(out, Bead{Src: []int{i}, Score: 1})
		}
		for j := 0; j < m; j++ {
			out = append(out, Bead{Tgt: []int{j}, Score: 1})
		}
		return out
	}
	tokS, tokT := opt.tokenizer(srcLang), opt.tokenizer(tgtLang)
	var glS, glT [][]string
	for _, g := range opt.Glossary {
		glS = append(glS, tokS(g.Src))
		glT = append(glT, tokT(g.Tgt))
	}
	var S, T *sentSide
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		T = newSentSide(tgt, tgtLang, tokT, anchor.LatinScript(tgt), glT)
	}()
	S = newSentSide(src, srcLang, tokS, anchor.LatinScript(src), glS)
	wg.Wait()

	md := newSentModel(S, T)
	if !opt.NoDictionary && min(n, m) >= sentMinLexSents && min(n, m) < sentDictMaxSents {
		md.dict = newSentDict(src, tgt, srcLang, tgtLang, opt.Glossary)
		md.dictW = sentDictWeight
	}
	if opt.Lexicon.compatible(srcLang, tgtLang) {
		md.usePriors(opt.Lexicon)
	}
	band := opt.Band
	if band <= 0 {
		band = 4
	}
	w := opt.SearchBand
	if w <= 0 {
		w = 64
	}
	passes := opt.Passes
	if passes == 0 {
		passes = 2
	}

	// Pass 1: length and anchors with the simplest bead shapes in a wide
	// band, then with all shapes near that path after re-estimating the
	// length model and the bead priors.
	var path []sentStep
	if ks, kt := sentChunkSizes(n, m); n+m >= sentCoarseMin && ks*kt > 1 {
		// Coarse to fine: align chunks of ks source and kt target
		// sentences, then sentences near the chunks' path.
		cm := md.coarse(ks, kt)
		cp := sentFirstPass(cm, max(4, w/max(ks, kt)))
		for k := range cp {
			cp[k].i = min(n, cp[k].i*ks)
			cp[k].j = min(m, cp[k].j*kt)
		}
		path = sentDP(sentBandAround(n, m, cp, max(ks, kt)+band+2), md, sentFirstTypes, false, false, false)
	} else {
		path = sentFirstPass(md, w)
	}
	// The first pass knows only five shapes, so it stands in for the
	// larger ones (1-3, 1-4, …) with deletions: its counts would teach the
	// model deletions that are not there. Only the length model learns
	// from it.
	md.reestimate(path, true)
	// Lexical passes follow if there is enough text to learn from (a
	// lexicon trained on a handful of sentences would only echo the first
	// pass) or a lexicon is given. Without them, the length-and-anchor
	// model is often unsure, and the beads are chosen to maximise the
	// expected number of right beads rather than as the most probable path.
	small := min(n, m) < sentMinLexSents
	given := opt.Lexicon.compatible(srcLang, tgtLang)
	if small && !given {
		passes = 0
	}
	path = sentDP(sentBandAround(n, m, path, band+2), md, len(sentTypes), false, true, passes <= 0)
	md.reestimate(path, false)
	for p := 0; p < passes; p++ {
		switch {
		case p == 0 && given:
			md.useLexicon(opt.Lexicon)
			md.lexW = sentLexWeightGiven
			md.delTok = 0
		case !small:
			md.trainLex(path)
			md.lexW = sentLexWeight
			if md.dict != nil {
				md.lexW = sentLexWeightDict
			}
			md.delTok = -sentDeletionShare * math.Log(md.lambda()) / 2
		}
		b := sentBandAround(n, m, path, band)
		if md.lex != nil {
			md.buildPairs(b)
		}
		if md.dict != nil {
			md.dict.fitLambda(path)
			md.dict.buildPairs(b)
		}
		last := p == passes-1
		path = sentDP(b, md, len(sentTypes), true, true, false)
		if !last {
			md.reestimate(path, false)
		}
	}
	md.calibrate(path)
	return md.beads(path)
}

// sentMinLexSents is the fewest sentences per side for which Sentences learns
// a lexicon.
const sentMinLexSents = 100

// sentStep is a bead of a path: shape t ending at cell (i, j), with its
// posterior probability when computed.
type sentStep struct {
	i, j, t int
	post    float64
}

func (md *sentModel) beads(path []sentStep) []Bead {
	out := make([]Bead, 0, len(path))
	for _, s := range path {
		ty := sentTypes[s.t]
		b := Bead{Score: s.post}
		for k := s.i - ty.a; k < s.i; k++ {
			b.Src = append(b.Src, k)
		}
		for k := s.j - ty.b; k < s.j; k++ {
			b.Tgt = append(b.Tgt, k)
		}
		if b.Score < 0 {
			b.Score = 0
		} else if b.Score > 1 {
			b.Score = 1
		}
		out = append(out, b)
	}
	return out
}

// sentBand is the searched part of the DP grid: for row i (0..n), the
// columns lo[i]..hi[i]; both bounds are non-decreasing in i.
type sentBand struct {
	n, m   int
	lo, hi []int
	base   []int
	size   int
}

func newSentBand(n, m int, lo, hi []int) *sentBand {
	for i := range lo {
		lo[i] = max(0, min(lo[i], m))
		hi[i] = max(0, min(hi[i], m))
	}
	lo[0] = 0
	hi[n] = m
	for i := n - 1; i >= 0; i-- {
		lo[i] = min(lo[i], lo[i+1])
	}
	for i := 1; i <= n; i++ {
		hi[i] = max(hi[i], hi[i-1])
	}
	for i := range lo {
		if hi[i] < lo[i] {
			hi[i] = lo[i]
		}
	}
	b := &sentBand{n: n, m: m, lo: lo, hi: hi, base: make([]int, n+2)}
	for i := 0; i <= n; i++ {
		b.base[i+1] = b.base[i] + hi[i] - lo[i] + 1
	}
	b.size = b.base[n+1]
	return b
}

func (b *sentBand) cell(i, j int) int {
	if i < 0 || j < b.lo[i] || j > b.hi[i] {
		return -1
	}
	return b.base[i] + j - b.lo[i]
}

// sentDiagonalBand covers the diagonal from (0,0) to (n,m) with half-width w.
func sentDiagonalBand(n, m, w int) *sentBand {
	lo := make([]int, n+1)
	hi := make([]int, n+1)
	for i := 0; i <= n; i++ {
		lo[i] = int(math.Floor(float64(i-1)*float64(m)/float64(n))) - w
		hi[i] = int(math.Ceil(float64(i+1)*float64(m)/float64(n))) + w
	}
	return newSentBand(n, m, lo, hi)
}

// sentBandAround covers every cell within w rows and columns of a bead end
// of path.
func sentBandAround(n, m int, path []sentStep, w int) *sentBand {
	lo := make([]int, n+1)
	hi := make([]int, n+1)
	for i := range lo {
		lo[i] = m + 1
		hi[i] = -1
	}
	pts := append([]sentStep{{}}, path...)
	for _, p := range pts {
		for r := max(0, p.i-w); r <= min(n, p.i+w); r++ {
			lo[r] = min(lo[r], p.j-w)
			hi[r] = max(hi[r], p.j+w)
		}
	}
	for i := range lo {
		if hi[i] < 0 { // unreachable for a path with steps of at most 4 rows
			lo[i], hi[i] = 0, m
		}
	}
	return newSentBand(n, m, lo, hi)
}

// sentFirstPass aligns with length and anchors only around the diagonal,
// doubling the band while the path touches its edge.
//
// The widening stops at sentMaxCells cells or 64 per unit of input, whichever
// is more, so that texts that are not translations of each other cost no
// more than a few times what translations cost.
func sentFirstPass(md *sentModel, w int) []sentStep {
	n, m := md.S.n, md.T.n
	limit := max(sentMaxCells, 64*(n+m))
	for {
		b := sentDiagonalBand(n, m, w)
		path := sentDP(b, md, sentFirstTypes, false, false, false)
		if w >= max(n, m) || !sentTouchesEdge(b, path, max(2, w/8)) || 2*b.size > limit {
			return path
		}
		w *= 2
	}
}

const sentMaxCells = 1 << 21

// Coarse-to-fine search: inputs of at least sentCoarseMin sentences in all
// are first aligned as chunks of about sentChunk sentences.
const (
	sentCoarseMin = 400
	sentChunk     = 4
)

// sentChunkSizes gives chunk sizes in sentences for each side such that
// chunks of the two sides hold about as much text.
func sentChunkSizes(n, m int) (ks, kt int) {
	if n >= m {
		return max(1, int(math.Round(sentChunk*float64(n)/float64(m)))), sentChunk
	}
	return sentChunk, max(1, int(math.Round(sentChunk*float64(m)/float64(n))))
}

// coarse returns a length-and-anchor model over chunks of ks source and kt
// target sentences.
func (md *sentModel) coarse(ks, kt int) *sentModel {
	cm := *md
	cm.S = md.S.chunked(ks)
	cm.T = md.T.chunked(kt)
	cm.pairs, cm.lex = nil, nil
	return &cm
}

func (sd *sentSide) chunked(k int) *sentSide {
	nc := (sd.n + k - 1) / k
	c := &sentSide{lang: sd.lang, n: nc, latin: sd.latin, vocab: sd.vocab}
	c.length = make([]float64, nc+1)
	c.ntok = make([]int, nc+1)
	c.anch = make([][]anchor.Anchor, nc)
	if sd.latin {
		c.hashes = make([][]uint64, nc)
	}
	for i := 0; i < nc; i++ {
		e := min(sd.n, (i+1)*k)
		c.length[i+1] = sd.length[e]
		c.ntok[i+1] = sd.ntok[e]
		var a []anchor.Anchor
		var h []uint64
		for x := i * k; x < e; x++ {
			a = append(a, sd.anch[x]...)
			if sd.latin {
				h = append(h, sd.hashes[x]...)
			}
		}
		anchor.Sort(a)
		c.anch[i] = a
		if sd.latin {
			slices.Sort(h)
			c.hashes[i] = h
		}
	}
	return c
}

func sentTouchesEdge(b *sentBand, path []sentStep, margin int) bool {
	for _, p := range path {
		if (b.lo[p.i] > 0 && p.j-b.lo[p.i] < margin) || (b.hi[p.i] < b.m && b.hi[p.i]-p.j < margin) {
			return true
		}
	}
	return false
}

func sentBacktrack(b *sentBand, back []int8) []sentStep {
	var path []sentStep
	i, j := b.n, b.m
	for i > 0 || j > 0 {
		t := int(back[b.cell(i, j)])
		path = append(path, sentStep{i: i, j: j, t: t})
		i -= sentTypes[t].a
		j -= sentTypes[t].b
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path
}

// sentDP finds the cheapest path through band b using the first nt bead
// shapes, with or without the lexical score. When posterior is set it also
// runs the forward-backward algorithm to give every bead of the path its
// posterior probability, and when mbr is set too, it returns instead the
// path whose beads have the largest sum of posteriors (the most right beads
// to expect). Bead costs are computed in parallel, a block of rows at a time
// (all of them when the backward pass needs them again).
func sentDP(b *sentBand, md *sentModel, nt int, lexical, posterior, mbr bool) []sentStep {
	stride := len(sentTypes)
	best := make([]float64, b.size)
	back := make([]int8, b.size)
	var alpha []float64
	var all []float32
	if posterior {
		alpha = make([]float64, b.size)
		all = make([]float32, b.size*stride)
	}
	const block = 512
	var buf []float32
	for r0 := 0; r0 <= b.n; r0 += block {
		r1 := min(r0+block, b.n+1)
		cs := all
		off := 0
		if !posterior {
			need := (b.base[r1] - b.base[r0]) * stride
			if cap(buf) < need {
				buf = make([]float32, need)
			}
			cs = buf[:need]
			off = b.base[r0] * stride
		}
		md.fillCosts(b, r0, r1, nt, lexical, cs, off)
		for i := r0; i < r1; i++ {
			for j := b.lo[i]; j <= b.hi[i]; j++ {
				c := b.cell(i, j)
				if i == 0 && j == 0 {
					best[c], back[c] = 0, -1
					continue
				}
				bc, bt := math.Inf(1), int8(-1)
				amax := math.Inf(-1)
				var terms [16]float64
				for t := range nt {
					terms[t] = math.Inf(-1)
				}
				for in := range b.incoming(cs, off, c, i, j, nt) {
					if math.IsInf(best[in.p], 1) {
						continue
					}
					if v := best[in.p] + in.k; v < bc {
						bc, bt = v, int8(in.t)
					}
					if posterior {
						terms[in.t] = alpha[in.p] - in.k
						amax = max(amax, terms[in.t])
					}
				}
				best[c], back[c] = bc, bt
				if posterior {
					alpha[c] = sentLogSum(terms[:nt], amax)
				}
			}
		}
	}
	path := sentBacktrack(b, back)
	if !posterior {
		return path
	}
	beta := make([]float64, b.size)
	for k := range beta {
		beta[k] = math.Inf(-1)
	}
	beta[b.cell(b.n, b.m)] = 0
	for i := b.n; i >= 0; i-- {
		for j := b.hi[i]; j >= b.lo[i]; j-- {
			c := b.cell(i, j)
			bv := beta[c]
			if math.IsInf(bv, -1) {
				continue
			}
			for in := range b.incoming(all, 0, c, i, j, nt) {
				beta[in.p] = sentLogAdd(beta[in.p], bv-in.k)
			}
		}
	}
	z := alpha[b.cell(b.n, b.m)]
	if mbr {
		gain := best // no longer needed
		for i := 0; i <= b.n; i++ {
			for j := b.lo[i]; j <= b.hi[i]; j++ {
				c := b.cell(i, j)
				if i == 0 && j == 0 {
					gain[c], back[c] = 0, -1
					continue
				}
				bg, bt := math.Inf(-1), int8(-1)
				for in := range b.incoming(all, 0, c, i, j, nt) {
					if math.IsInf(gain[in.p], -1) || math.IsInf(alpha[in.p], -1) {
						continue
					}
					if v := gain[in.p] + math.Exp(alpha[in.p]-in.k+beta[c]-z); v > bg {
						bg, bt = v, int8(in.t)
					}
				}
				gain[c], back[c] = bg, bt
			}
		}
		path = sentBacktrack(b, back)
	}
	for s := range path {
		st := &path[s]
		ty := sentTypes[st.t]
		c := b.cell(st.i, st.j)
		p := b.cell(st.i-ty.a, st.j-ty.b)
		st.post = math.Exp(alpha[p] - float64(all[c*stride+st.t]) + beta[c] - z)
	}
	return path
}

// sentIn is a bead that ends at a cell of a band: its shape t, the cell p
// it starts from, and its cost k.
type sentIn struct {
	t, p int
	k    float64
}

// incoming yields the beads of the first nt shapes that end at the cell c
// = (i, j) and whose cost, costs[c*len(sentTypes)+t-off], is finite.
func (b *sentBand) incoming(costs []float32, off, c, i, j, nt int) iter.Seq[sentIn] {
	return func(yield func(sentIn) bool) {
		for t := range nt {
			k := costs[c*len(sentTypes)+t-off]
			if math.IsInf(float64(k), 1) {
				continue
			}
			ty := sentTypes[t]
			if !yield(sentIn{t, b.cell(i-ty.a, j-ty.b), float64(k)}) {
				return
			}
		}
	}
}

// sentLogSum is log(sum(exp(xs))), mx being the largest of xs.
func sentLogSum(xs []float64, mx float64) float64 {
	if math.IsInf(mx, -1) {
		return mx
	}
	s := mx
	first := true
	for _, x := range xs {
		if math.IsInf(x, -1) {
			continue
		}
		if first && x == mx {
			first = false
			continue
		}
		s += sentSoftplus(s - x)
	}
	return s
}

// sentLogAdd is log(exp(a) + exp(b)).
func sentLogAdd(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if a < b {
		a, b = b, a
	}
	return a + sentSoftplus(a-b)
}

// sentSoftplus is log(1 + exp(-d)) for d >= 0, interpolated from a table
// (absolute error below 1e-5).
func sentSoftplus(d float64) float64 {
	if d >= sentSoftplusMax {
		return 0
	}
	f := d * sentSoftplusStep
	k := int(f)
	r := f - float64(k)
	return sentSoftplusTab[k]*(1-r) + sentSoftplusTab[k+1]*r
}

const (
	sentSoftplusStep = 64
	sentSoftplusMax  = 36
)

var sentSoftplusTab = func() []float64 {
	t := make([]float64, sentSoftplusMax*sentSoftplusStep+2)
	for k := range t {
		t[k] = math.Log1p(math.Exp(-float64(k) / sentSoftplusStep))
	}
	return t
}()

// fillCosts computes the cost of every bead of rows r0..r1-1 of the band
// into costs[cell*len(sentTypes)+t-off] (+Inf where the bead would start
// outside the band), rows in parallel. Each cost depends only on its bead,
// so the result does not depend on the scheduling.
func (md *sentModel) fillCosts(b *sentBand, r0, r1, nt int, lexical bool, costs []float32, off int) {
	stride := len(sentTypes)
	inf := float32(math.Inf(1))
	sentParallelRange(r0, r1, func(wm *sentModel, i int) {
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			c := b.cell(i, j)*stride - off
			for t := 0; t < stride; t++ {
				ty := sentTypes[t]
				if t >= nt || b.cell(i-ty.a, j-ty.b) < 0 {
					costs[c+t] = inf
					continue
				}
				costs[c+t] = float32(wm.cost(t, i, j, lexical))
			}
		}
	}, md)
}

// sentParallelRange calls f(wm, i) for i in [r0, r1) on up to GOMAXPROCS
// goroutines, each with its own copy wm of the model's scratch space.
func sentParallelRange(r0, r1 int, f func(wm *sentModel, i int), md *sentModel) {
	const chunk = 32
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, (r1-r0+chunk-1)/chunk))
	var next atomic.Int64
	next.Store(int64(r0))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wm := *md
		wm.acc = make([]float32, len(md.acc))
		wm.touched, wm.used = nil, nil
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i0 := int(next.Add(chunk)) - chunk
				if i0 >= r1 {
					return
				}
				for i := i0; i < min(i0+chunk, r1); i++ {
					f(&wm, i)
				}
			}
		}()
	}
	wg.Wait()
}

// sentLexKey is the form of a token the lexicon works with: words of
// alphabetic scripts lose the Arabic article and conjunction prefixes and are
// cut to their first sentStemLen letters, a crude stemmer that lets inflected
// forms (статья, статьи, статьей; المادة, والمادة) share their statistics.
func sentLexKey(t string) string {
	if len(t) > 6 && t[0] >= 0xd8 && t[0] <= 0xdb { // Arabic letters
		for _, p := range sentArPrefixes {
			if strings.HasPrefix(t, p) && utf8.RuneCountInString(t)-utf8.RuneCountInString(p) >= 3 {
				t = t[len(p):]
				break
			}
		}
	}
	n := 0
	for i := range t {
		if n == sentStemLen {
			return t[:i]
		}
		n++
	}
	return t
}

// sentArPrefixes are Arabic proclitics with the article, longest first.
var sentArPrefixes = []string{"وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و"}

const sentStemLen = 5
