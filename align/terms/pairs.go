package terms

import (
	"math"
	"sort"

	"concord/segment/pieces"
	"concord/segment/words"
)

// Pair is a term of one version and its rendering in another, found by
// association over aligned segments (see Pairs).
type Pair struct {
	Src, Tgt         string  // the terms as printed (most frequent forms)
	SrcLang, TgtLang string  // their languages
	Score            float64 // log-likelihood ratio G² (Dunning 1993)
	Dice             float64 // Dice coefficient 2a/(f(src)+f(tgt)) over segments
	Freq             int     // aligned segments that hold both
	SrcFreq, TgtFreq int     // aligned segments that hold each
	// Rivals counts the other terms, of either side, that are associated
	// with this pair's source or target term at least nine tenths as
	// strongly and are no longer or shorter form of its partner: the words
	// of a passage repeated word for word, among which co-occurrence cannot
	// tell which translates which.
	Rivals int
	// Dict is the share of the words of the pair that a bilingual
	// dictionary explains (the lower of the source's and the target's;
	// CC-CEDICT for Chinese–English), or -1 where there is no dictionary.
	Dict float64
	// Bound: the source or the target term has the same neighbouring word
	// nine times in ten (see gram.bound), so it is probably cut short.
	Bound bool
	// Confidence is how far the pair can be trusted, from 0 to 1 (see
	// Confidence); pairs at MinConfidence or above are written by default.
	Confidence float64
	Addrs      []string // addresses of the segments that hold both, each once, in order
	// Context is the first aligned segment that holds both: the source
	// and the target text.
	Context [2]string
}

// lLR is Dunning's log-likelihood ratio G² of a 2×2 contingency table:
// a segments hold both terms, fs the source term, ft the target, n in all.
func lLR(a, fs, ft, n int) float64 {
	k := [4]float64{float64(a), float64(fs - a), float64(ft - a), float64(n - fs - ft + a)}
	row := [2]float64{float64(fs), float64(n - fs)}
	col := [2]float64{float64(ft), float64(n - ft)}
	N := float64(n)
	g := 0.0
	for i := range 2 {
		for j := range 2 {
			o := k[2*i+j]
			if o <= 0 {
				continue
			}
			e := row[i] * col[j] / N
			if e > 0 {
				g += o * math.Log(o/e)
			}
		}
	}
	return 2 * g
}

// lLRThreshold is the χ² value of p = 0.001 at one degree of freedom.
const lLRThreshold = 10.83

// Pairs finds term pairs in two aligned versions: src[i] and tgt[i] are
// the texts of aligned segment i (a link of an Alignment, or line i of two
// parallel files). Candidate terms on each side are sequences of up to
// MaxWords words, as for Candidates (gse words for Chinese), that occur in
// MinFreq segments or more and are not fragments of one longer sequence
// (nested in it nine times in ten, or always next to the same content
// word).
// Every source–target pair that shares MinFreq segments or more is scored
// by the log-likelihood ratio of its contingency table over segments
// (Dunning 1993; as in Daille 1994 for term pairs), pairs below the
// p = 0.001 threshold or negatively associated are dropped, and the rest
// are linked one to one, best first (competitive linking, Melamed 2000):
// a term already linked to a better partner is not linked again. Pairs
// come best first; addrs, if given, names every segment.
func Pairs(seg *words.Segmenter, src, tgt []string, addrs []string, srcLang, tgtLang string, opt CandidateOptions) []Pair {
	opt = opt.withDefaults()
	n := min(len(src), len(tgt))
	mk := func(texts []string) []pieces.Piece {
		out := make([]pieces.Piece, n)
		for i := range n {
			out[i].Text = texts[i]
			if i < len(addrs) {
				out[i].Addr = addrs[i]
			}
		}
		return out
	}
	sx := newIndex(seg, mk(src), srcLang, opt.MaxWords, true)
	tx := newIndex(seg, mk(tgt), tgtLang, opt.MaxWords, true)
	return pairs(sx, tx, opt)
}

func pairs(sx, tx *index, opt CandidateOptions) []Pair {
	n := min(len(sx.segs), len(tx.segs))
	keep := func(ix *index) []bool {
		frag := ix.fragments(opt.MinFreq)
		k := make([]bool, len(ix.grams))
		for g := range ix.grams {
			k[g] = int(ix.grams[g].df) >= opt.MinFreq && !frag[g] && ix.grams[g].free()
		}
		return k
	}
	ks, kt := keep(sx), keep(tx)
	as, at := ambiguous(sx, ks), ambiguous(tx, kt)
	// the kept target grams of every segment
	tsegs := make([][]int32, n)
	for i := range n {
		for _, g := range tx.segGrams[i] {
			if kt[g] {
				tsegs[i] = append(tsegs[i], g)
			}
		}
	}
	type cand struct {
		s, t   int32
		a      int
		g, dic float64
	}
	var cands []cand
	// co-occurrence counts, one source gram at a time, in a dense
	// accumulator over the target grams
	acc := make([]int32, len(tx.grams))
	var touched []int32
	for s := range sx.grams {
		if !ks[s] {
			continue
		}
		for _, i := range sx.grams[s].segs {
			if int(i) >= n {
				break
			}
			for _, t := range tsegs[i] {
				if acc[t] == 0 {
					touched = append(touched, t)
				}
				acc[t]++
			}
		}
		for _, t := range touched {
			a := int(acc[t])
			acc[t] = 0
			if a < opt.MinFreq || as[s] && at[t] {
				continue // rare, or which words of a repeated passage translate which is a guess
			}
			fs, ft := int(sx.grams[s].df), int(tx.grams[t].df)
			if float64(a)*float64(n) <= float64(fs)*float64(ft) {
				continue // not positively associated
			}
			g := lLR(a, fs, ft, n)
			if g < lLRThreshold {
				continue
			}
			cands = append(cands, cand{int32(s), t, a, g, 2 * float64(a) / float64(fs+ft)})
		}
		touched = touched[:0]
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.g != b.g {
			return a.g > b.g
		}
		if a.dic != b.dic {
			return a.dic > b.dic
		}
		if sx.grams[a.s].n != sx.grams[b.s].n {
			return sx.grams[a.s].n > sx.grams[b.s].n
		}
		if tx.grams[a.t].n != tx.grams[b.t].n {
			return tx.grams[a.t].n > tx.grams[b.t].n
		}
		if a.s != b.s {
			return a.s < b.s
		}
		return a.t < b.t
	})
	// Equal scores are common (boilerplate repeated word for word, pairs
	// seen twice): among them, pairs whose terms stand at similar relative
	// positions in their segments come first.
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].g == cands[i].g {
			j++
		}
		if j-i > 1 {
			run := cands[i:j]
			dist := make([]float64, len(run))
			for k, c := range run {
				dist[k] = posDistance(sx, tx, c.s, c.t)
			}
			idx := make([]int, len(run))
			for k := range idx {
				idx[k] = k
			}
			sort.SliceStable(idx, func(a, b int) bool { return dist[idx[a]] < dist[idx[b]] })
			sorted := make([]cand, len(run))
			for k, x := range idx {
				sorted[k] = run[x]
			}
			copy(run, sorted)
		}
		i = j
	}
	dict := newDictCheck(sx.lang, tx.lang)
	bySrc, byTgt := map[int32][]int{}, map[int32][]int{}
	for i, c := range cands {
		bySrc[c.s] = append(bySrc[c.s], i)
		byTgt[c.t] = append(byTgt[c.t], i)
	}
	usedS, usedT := map[int32]bool{}, map[int32]bool{}
	var out []Pair
	for _, c := range cands {
		if usedS[c.s] || usedT[c.t] {
			continue
		}
		// Of the nested variants of either side (Secretary ⊂
		// Secretary-General), keep the one that covers the other side best:
		// log-likelihood favours the more frequent, shorter variant.
		// A target variant one word longer that almost never occurs
		// without the source and holds half of the pair's segments or more
		// is the whole of a term the shorter one cuts short (General
		// Assembly, not Assembly, for 大会; دولة طرف, not دولة, for 缔约国).
		n0, a0 := tx.grams[c.t].n, c.a
		for _, i := range bySrc[c.s] {
			d := cands[i]
			if usedT[d.t] || !nested(tx.tokens(c.t), tx.tokens(d.t)) {
				continue
			}
			if d.dic > c.dic || tx.grams[d.t].n == n0+1 && 2*d.a >= a0 && 10*d.a >= 9*int(tx.grams[d.t].df) {
				c = d
			}
		}
		for _, i := range byTgt[c.t] {
			d := cands[i]
			if !usedS[d.s] && d.dic > c.dic && nested(sx.tokens(c.s), sx.tokens(d.s)) {
				c = d
			}
		}
		usedS[c.s], usedT[c.t] = true, true
		p := Pair{
			Src: sx.form(c.s), Tgt: tx.form(c.t), SrcLang: sx.lang, TgtLang: tx.lang,
			Score: c.g, Dice: c.dic, Freq: c.a,
			SrcFreq: int(sx.grams[c.s].df), TgtFreq: int(tx.grams[c.t].df),
			Dict:  dict.agreement(sx, tx, c.s, c.t),
			Bound: sx.grams[c.s].bound() || tx.grams[c.t].bound(),
		}
		// rivals: candidates nearly as strong for the same source or target
		// (a rival the dictionary gives as a translation is another
		// rendering, not noise: Commission beside Committee for 委员会)
		for _, i := range bySrc[c.s] {
			if d := cands[i]; d.t != c.t && d.g >= rivalShare*c.g && !nested(tx.tokens(c.t), tx.tokens(d.t)) &&
				dict.agreement(sx, tx, c.s, d.t) <= 0 {
				p.Rivals++
			}
		}
		for _, i := range byTgt[c.t] {
			if d := cands[i]; d.s != c.s && d.g >= rivalShare*c.g && !nested(sx.tokens(c.s), sx.tokens(d.s)) &&
				dict.agreement(sx, tx, d.s, c.t) <= 0 {
				p.Rivals++
			}
		}
		p.Confidence = Confidence(p.Freq, p.SrcFreq, p.TgtFreq, p.Rivals, p.Bound, p.Dict)
		// the segments that hold both
		segsT := map[int32]bool{}
		for _, i := range tx.grams[c.t].segs {
			segsT[i] = true
		}
		seen := map[string]bool{}
		for _, i := range sx.grams[c.s].segs {
			if !segsT[i] {
				continue
			}
			if p.Context[0] == "" {
				p.Context = [2]string{sx.segs[i].Text, tx.segs[i].Text}
			}
			if a := sx.segs[i].Addr; !seen[a] {
				seen[a] = true
				p.Addrs = append(p.Addrs, a)
			}
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// MinConfidence is the least confidence of a term pair written by
// default (Options.All keeps the others). It was chosen on the L.15 draft
// with the Arabic articles 1–15 (the lowest value at which nine pairs in
// ten written are right there) and holds on the UN Parallel Corpus
// development set zh–en; see README.md, Terminology, for the figures.
const MinConfidence = 0.4

// Confidence is the confidence of a term pair: a conservative estimate of
// how often the two terms go together, shared among the equally good
// alternatives and lowered by each sign against the pair:
//
//	W · D · B / (1 + R)
//
// W is the lower bound of the 95 % Wilson interval of a / max(fs, ft), the
// share of the segments holding either term that hold both (a of them;
// fs hold the source term, ft the target term): with 95 % confidence,
// at least that share of the source term's segments hold the target and
// the other way round. R counts the rivals (Pair.Rivals): where R other
// terms fit as well, co-occurrence leaves R + 1 equally likely choices. B
// is ½ for a pair whose source or target is bound to a neighbour
// (Pair.Bound, probably cut short), else 1. D is the dictionary agreement
// (Pair.Dict) where there is a dictionary, else 1. A pair that occurs
// twice, always together, without rival, scores .34; four times, .51;
// nine times, .70; a hundred, .96.
func Confidence(a, fs, ft, rivals int, bound bool, dict float64) float64 {
	c := wilsonLower(a, max(fs, ft)) / float64(1+rivals)
	if bound {
		c /= 2
	}
	if dict >= 0 {
		c *= dict
	}
	return c
}

// wilsonLower is the lower bound of the 95 % Wilson score interval of a
// proportion k/n.
func wilsonLower(k, n int) float64 {
	if n <= 0 || k <= 0 {
		return 0
	}
	const z = 1.959964
	p, N := float64(min(k, n))/float64(n), float64(n)
	d := 1 + z*z/N
	c := p + z*z/(2*N)
	r := z * math.Sqrt(p*(1-p)/N+z*z/(4*N*N))
	return (c - r) / d
}

// rivalShare is how strong, relative to a pair's G², another candidate
// of the same source or target term must be to count as a rival.
const rivalShare = 0.9

// posDistance is the mean difference of the relative positions of two
// grams over the segments that hold both (first occurrences; 0 to 1).
func posDistance(sx, tx *index, s, t int32) float64 {
	ts := tx.grams[t].segs
	sum, n := 0.0, 0
	for _, i := range sx.grams[s].segs {
		if !contains(ts, i) {
			continue
		}
		ps, pt := sx.position(s, i), tx.position(t, i)
		if ps < 0 || pt < 0 {
			continue
		}
		sum += math.Abs(ps - pt)
		n++
	}
	if n == 0 {
		return 1
	}
	return sum / float64(n)
}

// ambiguous marks the kept grams that occur in exactly the same
// segments as another kept gram that neither holds them nor is held by
// them: the words of a passage repeated word for word ("各缔约国均应采取
// 必要的立法措施和其他措施" in every article on offences). Co-occurrence
// cannot tell which of them translates which.
func ambiguous(ix *index, keep []bool) []bool {
	amb := make([]bool, len(ix.grams))
	groups := map[uint64][]int32{}
	for g := range ix.grams {
		if !keep[g] {
			continue
		}
		h := uint64(14695981039346656037)
		for _, s := range ix.grams[g].segs {
			h = (h ^ uint64(s+1)) * 1099511628211
		}
		groups[h] = append(groups[h], int32(g))
	}
	for _, gs := range groups {
		if len(gs) < 2 {
			continue
		}
		maximal := 0
		for _, a := range gs {
			held := false
			for _, b := range gs {
				if a != b && ix.grams[b].n > ix.grams[a].n && nested(ix.tokens(a), ix.tokens(b)) {
					held = true
					break
				}
			}
			if !held {
				maximal++
			}
		}
		if maximal >= 2 {
			for _, a := range gs {
				amb[a] = true
			}
		}
	}
	return amb
}

// nested reports whether one token sequence holds the other.
func nested(a, b []int32) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for i := 0; i+len(a) <= len(b); i++ {
		ok := true
		for k := range a {
			if b[i+k] != a[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
