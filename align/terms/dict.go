package terms

import (
	"strings"
	"unicode/utf8"

	"concord/align/lexicon"
	"concord/segment/langtag"
	"concord/segment/words"
)

// dictCheck tells how far a bilingual dictionary explains a term pair.
type dictCheck struct {
	d     *lexicon.Dict
	zhSrc bool // the source side is the Chinese one
}

// newDictCheck returns the dictionary check of a language pair, nil if
// there is no dictionary for it (only Chinese–English has one).
func newDictCheck(srcLang, tgtLang string) *dictCheck {
	s, t := langtag.Base(srcLang), langtag.Base(tgtLang)
	if !(s == "zh" && t == "en" || s == "en" && t == "zh") {
		return nil
	}
	d, err := lexicon.ZhEn()
	if err != nil {
		return nil
	}
	return &dictCheck{d: d, zhSrc: s == "zh"}
}

// agreement is the share of the words of a pair that the dictionary
// explains: of the Chinese words, those whose dictionary English holds a
// form of a content word of the English term; of the English content
// words, those that are a form of the dictionary English of a Chinese
// word; the lower of the two shares. -1 without a dictionary.
func (c *dictCheck) agreement(sx, tx *index, s, t int32) float64 {
	if c == nil {
		return -1
	}
	zx, ex, zg, eg := sx, tx, s, t
	if !c.zhSrc {
		zx, ex, zg, eg = tx, sx, t, s
	}
	var zh, en []string
	for _, id := range zx.tokens(zg) {
		zh = append(zh, zx.words[id])
	}
	for _, id := range ex.tokens(eg) {
		en = append(en, ex.words[id])
	}
	return c.share(zh, en)
}

// agreeText is agreement for a pair given as text: src in the source
// language, tgt in the target language.
func (c *dictCheck) agreeText(seg *words.Segmenter, src, tgt string) float64 {
	if c == nil {
		return -1
	}
	zh, en := src, tgt
	if !c.zhSrc {
		zh, en = tgt, src
	}
	var zw, ew []string
	for _, t := range seg.Cut(zh, "zh") {
		if isWord(t.Text, "zh") {
			zw = append(zw, t.Text)
		}
	}
	for _, t := range seg.Cut(en, "en") {
		ew = append(ew, words.Fold(t.Text, "en"))
	}
	return c.share(zw, ew)
}

// share is the agreement of Chinese words and folded English words,
// stop words aside.
func (c *dictCheck) share(zhWords, enWords []string) float64 {
	var zh, en []string
	for _, w := range zhWords {
		if !isStop(w, "zh") {
			zh = append(zh, w)
		}
	}
	for _, w := range enWords {
		if isWord(w, "en") && !isStop(w, "en") {
			en = append(en, enNorm(w))
		}
	}
	if len(en) == 0 || len(zh) == 0 {
		return 0
	}
	enHit := make([]bool, len(en))
	zhHit := 0
	for _, w := range zh {
		gloss := c.d.Lookup(w)
		if gloss == nil && utf8.RuneCountInString(w) > 1 {
			for _, r := range w {
				gloss = append(gloss, c.d.Lookup(string(r))...)
			}
		}
		hit := false
		for _, g := range gloss {
			for _, x := range strings.Fields(g) {
				x = enNorm(x)
				for k, e := range en {
					if x == e || related(x, e) {
						enHit[k] = true
						hit = true
					}
				}
			}
		}
		if hit {
			zhHit++
		}
	}
	n := 0
	for _, h := range enHit {
		if h {
			n++
		}
	}
	return min(float64(zhHit)/float64(len(zh)), float64(n)/float64(len(en)))
}

// enNorm is a folded English word without a plural ending (parties →
// party, States → state), for comparing words by form.
func enNorm(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}
