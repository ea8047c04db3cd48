package align

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"concord/align/internal/anchor"
	"concord/align/internal/model1"
	"concord/align/lexicon"
	"concord/segment/langtag"
	"concord/segment/words"
)

// This file is the dictionary channel of the sentence aligner: for Chinese
// and English, a second IBM Model 1 score whose translation table comes
// from a bilingual dictionary (CC-CEDICT, package lexicon) rather than from
// the documents. Chinese is cut into dictionary words (gse's segmentation,
// words the dictionary lacks split into their characters), English into
// content words reduced to a crude stem. Translation probabilities are
// uniform over a headword's English words; the background frequencies are
// the document's own, and the weight of the background model in P(word |
// bead) is fitted to the document by EM (fitLambda). The glossary's pairs
// join the table. The channel serves documents of sentMinLexSents to
// sentDictMaxSents sentences a side: longer ones learn a better lexicon of
// their own, and in shorter ones the document's word frequencies are too
// coarse a background for the dictionary's matches to count.

var (
	sentSegOnce sync.Once
	sentSeg     *words.Segmenter
	sentDictZh  *lexicon.Dict
)

func sentDictResources() (*words.Segmenter, *lexicon.Dict) {
	sentSegOnce.Do(func() {
		s, err := words.New(words.Options{})
		if err != nil {
			return
		}
		d, err := lexicon.ZhEn()
		if err != nil {
			return
		}
		sentSeg, sentDictZh = s, d
	})
	return sentSeg, sentDictZh
}

// sentDictPair reports whether the dictionary serves the two languages and
// which side is Chinese.
func sentDictPair(srcLang, tgtLang string) (ok, srcZh bool) {
	a, b := langtag.Base(srcLang), langtag.Base(tgtLang)
	switch {
	case a == "zh" && b == "en":
		return true, true
	case a == "en" && b == "zh":
		return true, false
	}
	return false, false
}

// Chinese function words whose dictionary glosses are grammar notes.
var sentZhFunction = map[string]bool{}

func init() {
	for _, w := range strings.Fields("的 了 着 过 是 在 和 与 也 就 都 把 被 之 而 其 这 那 个 地 得 么 吗 呢 吧 啊 所 以 于 则 又 还 但 却 并 或 及 等 们 让 给") {
		sentZhFunction[w] = true
	}
}

// English words the dictionary channel ignores.
var sentEnStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to and or in on at for by with from as into onto than then
		is are was were be been being am it its this that these those which who whom whose what
		s t d ll re ve not no nor but so such very more most there here do does did done
		has have had having would should could will shall may might must can`) {
		sentEnStop[w] = true
	}
}

// sentIrregular maps irregular English forms to their base.
var sentIrregular = map[string]string{}

func init() {
	pairs := `went:go gone:go said:say saw:see seen:see came:come took:take taken:take thought:think
		knew:know known:know told:tell found:find gave:give given:give got:get gotten:get made:make
		left:leave felt:feel kept:keep began:begin begun:begin brought:bring stood:stand sat:sit ran:run
		heard:hear held:hold fell:fall fallen:fall ate:eat eaten:eat wrote:write written:write
		spoke:speak spoken:speak bought:buy caught:catch taught:teach sought:seek lain:lie laid:lay
		met:meet led:lead slept:sleep wept:weep drank:drink drunk:drink sang:sing sung:sing rode:ride
		ridden:ride rose:rise risen:rise shook:shake shaken:shake struck:strike threw:throw thrown:throw
		wore:wear worn:wear won:win chose:choose chosen:choose drew:draw drawn:draw flew:fly flown:fly
		grew:grow grown:grow hid:hide hidden:hide hung:hang lost:lose paid:pay sent:send spent:spend
		stole:steal stolen:steal swore:swear sworn:swear tore:tear torn:tear understood:understand
		woke:wake woken:wake men:man women:woman children:child feet:foot teeth:tooth mice:mouse
		better:good best:good worse:bad worst:bad fought:fight built:build broke:break broken:break
		forgot:forget forgotten:forget bit:bite bitten:bite blew:blow blown:blow dug:dig fed:feed
		fled:flee froze:freeze frozen:freeze ground:grind meant:mean rang:ring rung:ring sank:sink
		shot:shoot shut:shut slid:slide spun:spin sprang:spring stuck:stick stung:sting swam:swim
		swung:swing wound:wind lit:light dealt:deal dreamt:dream leapt:leap lent:lend bent:bend
		knelt:kneel sold:sell wives:wife lives:life knives:knife leaves:leaf thieves:thief halves:half
		people:person`
	for _, p := range strings.Fields(pairs) {
		k := strings.IndexByte(p, ':')
		sentIrregular[p[:k]] = p[k+1:]
	}
}

// sentEnStem reduces a lower-cased English word to a crude stem shared by
// its inflected forms: irregular forms to their base, then -ies/-ied to y,
// -ing, -ed, -es, -s, -ly cut (with a doubled final consonant undone), a
// final e dropped.
func sentEnStem(w string) string {
	if b, ok := sentIrregular[w]; ok {
		w = b
	}
	n := len(w)
	cut := func(suf string, min int) bool {
		if n-len(suf) >= min && strings.HasSuffix(w, suf) {
			w = w[:n-len(suf)]
			n = len(w)
			return true
		}
		return false
	}
	switch {
	case cut("ies", 2) || cut("ied", 2):
		w += "y"
		n++
	case cut("ingly", 3) || cut("ing", 3) || cut("ed", 3):
		if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
			w = w[:n-1]
			n--
		}
	case cut("ly", 4):
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes"):
		cut("es", 3)
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		w = w[:n-1]
		n--
	}
	if n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// sentDictTokensEn returns the dictionary tokens of an English sentence.
func sentDictTokensEn(s string) []string {
	var out []string
	for _, t := range anchor.TokenizeWords(s) {
		if t[0] < 'a' || t[0] > 'z' {
			continue
		}
		t = strings.TrimSuffix(t, "'s")
		if len(t) < 2 || sentEnStop[t] {
			continue
		}
		out = append(out, sentEnStem(t))
	}
	return out
}

// sentDictTokensZh returns the dictionary tokens of a Chinese sentence: its
// words that the dictionary has and, for words of several characters, their
// characters as well (喜色 "happy expression" also gives 喜, which the
// dictionary glosses "delighted"): free translation often renders a word
// by one of its parts.
func sentDictTokensZh(s string, seg *words.Segmenter, d *lexicon.Dict) []string {
	var out []string
	for _, tk := range seg.Cut(s, "zh") {
		w := tk.Text
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.Is(unicode.Han, r) || sentZhFunction[w] {
			continue
		}
		if d.Has(w) {
			out = append(out, w)
			if utf8.RuneCountInString(w) == 1 {
				continue
			}
		}
		for _, c := range w {
			cs := string(c)
			if unicode.Is(unicode.Han, c) && !sentZhFunction[cs] && d.Has(cs) {
				out = append(out, cs)
			}
		}
	}
	return out
}

// sentDictSide is a side of the dictionary channel: only the fields that
// buildPairs and lexScore read.
func sentDictSide(toks [][]string) *sentSide {
	sd := &sentSide{n: len(toks), toks: make([][]int32, len(toks)), ntok: make([]int, len(toks)+1)}
	vocab := newSentVocab(nil)
	for i, ts := range toks {
		if len(ts) > 65535 {
			ts = ts[:65535]
		}
		sd.toks[i] = vocab.add(ts)
		sd.ntok[i+1] = sd.ntok[i] + len(sd.toks[i])
	}
	sd.vocab, sd.words = len(vocab.words), vocab.words
	sd.invBg = sentInvBackground(vocab.counts)
	return sd
}

// newSentDict builds the dictionary channel for the sentences src and tgt,
// or returns nil when no dictionary serves the pair.
func newSentDict(src, tgt []string, srcLang, tgtLang string, gloss []GlossaryEntry) *sentModel {
	ok, srcZh := sentDictPair(srcLang, tgtLang)
	if !ok {
		return nil
	}
	seg, d := sentDictResources()
	if seg == nil {
		return nil
	}
	zh, en := src, tgt
	if !srcZh {
		zh, en = tgt, src
	}
	zt := make([][]string, len(zh))
	et := make([][]string, len(en))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j, s := range en {
			et[j] = sentDictTokensEn(s)
		}
	}()
	for i, s := range zh {
		zt[i] = sentDictTokensZh(s, seg, d)
	}
	wg.Wait()
	Z, E := sentDictSide(zt), sentDictSide(et)
	enID := map[string]int32{}
	for id, w := range E.words {
		enID[w] = int32(id)
	}
	// The glossary's pairs: every dictionary token of a Chinese term
	// translates into every token of its English term.
	extra := map[string][]string{}
	for _, g := range gloss {
		gz, ge := g.Src, g.Tgt
		if !srcZh {
			gz, ge = ge, gz
		}
		et := sentDictTokensEn(ge)
		for _, z := range sentDictTokensZh(gz, seg, d) {
			extra[z] = append(extra[z], et...)
		}
	}
	fwd := make([][]model1.Entry, Z.vocab)
	bwd := make([][]model1.Entry, E.vocab)
	var seen []int32
	for z, w := range Z.words {
		ws := d.Lookup(w)
		stems := make([]string, 0, len(ws)+len(extra[w]))
		for _, x := range ws {
			stems = append(stems, sentEnStem(x))
		}
		stems = append(stems, extra[w]...)
		if len(stems) == 0 {
			continue
		}
		p := float32(1 / float64(len(stems)))
		seen = seen[:0]
		for _, st := range stems {
			e, ok := enID[st]
			if !ok {
				continue
			}
			dup := false
			for _, x := range seen {
				if x == e {
					dup = true
				}
			}
			if dup {
				continue
			}
			seen = append(seen, e)
			fwd[z] = append(fwd[z], model1.Entry{ID: e, P: p})
			bwd[e] = append(bwd[e], model1.Entry{ID: int32(z)})
		}
	}
	for e := range bwd {
		p := float32(1 / float64(len(bwd[e])))
		for k := range bwd[e] {
			bwd[e][k].P = p
		}
	}
	dm := &sentModel{lex: &model1.Table{Fwd: fwd, Bwd: bwd}, lam: sentDictLambda0}
	if srcZh {
		dm.S, dm.T = Z, E
	} else {
		dm.S, dm.T = E, Z
		dm.lex.Fwd, dm.lex.Bwd = bwd, fwd
	}
	return dm
}

const (
	// sentDictLambda0 is the weight of the background model in the
	// dictionary channel before it is fitted to the document (fitLambda).
	sentDictLambda0 = 0.8
	// sentDictWeight is the weight of the dictionary channel's score.
	sentDictWeight = 2.0
	// sentDictMaxSents: documents with at least this many sentences on
	// each side learn a lexicon good enough without the dictionary (the
	// Bible, 5,000 × 6,301, aligns better without it).
	sentDictMaxSents = 2000
)

// fitLambda estimates by EM the weight of the background model in
// P(word | bead), lam, from the beads of path with two sides: the share of
// the tokens that the translation table does not explain. Where the table
// covers little of the text (a dictionary on free translation), the
// weight is high, and a bead is not penalised for the many words a
// translation leaves unexplained; where it covers most of it, the weight
// is low and a match counts for more. The estimate is kept within
// [sentLamMin, sentLamMax].
func (md *sentModel) fitLambda(path []sentStep) {
	S, T, lex := md.S, md.T, md.lex
	if lex == nil {
		return
	}
	// r holds, for every token of a bead side, the ratio of its
	// translation probability to its background probability.
	var rs []float32
	dT, dS := newSentDense(T.vocab), newSentDense(S.vocab)
	for _, p := range path {
		ty := sentTypes[p.t]
		if ty.a == 0 || ty.b == 0 {
			continue
		}
		i0, j0 := p.i-ty.a, p.j-ty.b
		nS := float32(S.ntok[p.i] - S.ntok[i0])
		nT := float32(T.ntok[p.j] - T.ntok[j0])
		if nS == 0 || nT == 0 {
			continue
		}
		// forward: target tokens given the source side
		rs = dT.ratios(rs, S.toks[i0:p.i], lex.Fwd, T.toks[j0:p.j], T.invBg, nS)
		// backward
		rs = dS.ratios(rs, T.toks[j0:p.j], lex.Bwd, S.toks[i0:p.i], S.invBg, nT)
	}
	if len(rs) < 50 {
		return
	}
	lam := md.lambda()
	for it := 0; it < 20; it++ {
		sum := 0.0
		for _, r := range rs {
			sum += lam / (lam + (1-lam)*float64(r))
		}
		lam = sum / float64(len(rs))
	}
	md.lam = min(max(lam, sentLamMin), sentLamMax)
}

const (
	sentLamMin = 0.2
	sentLamMax = 0.95
)

// ratios appends to rs, for every token e of the sentences to, the ratio
// of its probability given the sentences from (through table, over n
// tokens) to its background probability (1/invBg[e]), and resets d.
func (d *sentDense) ratios(rs []float32, from [][]int32, table [][]model1.Entry, to [][]int32, invBg []float32, n float32) []float32 {
	for _, toks := range from {
		d.spread(toks, table)
	}
	for _, toks := range to {
		for _, e := range toks {
			rs = append(rs, d.v[e]*invBg[e]/n)
		}
	}
	d.reset()
	return rs
}
