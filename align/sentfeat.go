package align

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
)

// This file turns sentences into the features the aligner compares: tokens,
// a length measure, and anchors (numbers, cross-references, punctuation
// marks, Latin words inside non-Latin text, glossary terms).

// DefaultSentTokenizer returns the tokenizer Sentences uses for lang when
// SentOptions.Tokenizers has none: for Chinese ("zh", "zh-Hans", …) every Han
// character is one token and runs of other letters or digits are lower-cased
// words; for every other language tokens are lower-cased runs of letters,
// combining marks and digits (a simplified UAX #29 word segmentation).
// Digits of any script are rewritten as ASCII digits; punctuation and spaces
// are dropped.
func DefaultSentTokenizer(lang string) func(string) []string {
	if langtag.Base(lang) == "zh" {
		return sentTokenizeHan
	}
	return sentTokenizeWords
}

func sentIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func sentTokenizeWords(s string) []string {
	return sentTokenize(s, false)
}

func sentTokenizeHan(s string) []string {
	return sentTokenize(s, true)
}

// sentTokenize splits s into lower-cased words (runs of letters, marks and
// digits), and Han characters into single tokens when han is set. Tokens
// that need no rewriting are slices of s.
func sentTokenize(s string, han bool) []string {
	out := make([]string, 0, len(s)/4+1)
	start, clean := -1, true
	var b []byte
	flush := func(end int) {
		if start < 0 {
			return
		}
		if clean {
			out = append(out, s[start:end])
		} else {
			b = b[:0]
			for _, r := range s[start:end] {
				if unicode.IsDigit(r) {
					b = append(b, byte('0'+max(segment.DigitValue(r), 0)))
				} else {
					b = utf8.AppendRune(b, unicode.ToLower(r))
				}
			}
			out = append(out, string(b))
		}
		start, clean = -1, true
	}
	for i, r := range s {
		switch {
		case han && unicode.Is(unicode.Han, r):
			flush(i)
			out = append(out, s[i:i+utf8.RuneLen(r)])
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if start < 0 {
				start = i
			}
		case sentIsWordRune(r):
			if start < 0 {
				start = i
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) || (unicode.IsDigit(r) && r > '9') || (r < utf8.RuneSelf && 'A' <= r && r <= 'Z') {
				clean = false
			} else if unicode.ToLower(r) != r {
				clean = false
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
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

// Anchor kinds.
const (
	sentKNum = iota
	sentKRef
	sentKQuestion
	sentKColon
	sentKParen
	sentKQuote
	sentKLatin
	sentKGloss
	sentNKinds
)

// sentAnchor is one anchor occurrence. Soft anchors (numbers written as words
// or Chinese numerals) are rewarded when matched but cost nothing unmatched.
type sentAnchor struct {
	key  uint64
	kind uint8
	soft bool
}

// sentHash is the 64-bit FNV-1a hash of kind followed by s.
func sentHash(kind uint8, s string) uint64 {
	h := uint64(14695981039346656037)
	h = (h ^ uint64(kind)) * 1099511628211
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// sentTokHash is the key of a Latin-script word: the same for an anchor
// found in Chinese text and for a token of an English sentence.
func sentTokHash(tok string) uint64 { return sentHash(sentKLatin, tok) }

var sentRefWords = map[string]string{
	// article
	"article": "art", "articles": "art", "art": "art", "artículo": "art", "artículos": "art",
	"статья": "art", "статьи": "art", "статье": "art", "статью": "art", "статьей": "art", "статьёй": "art", "статей": "art", "статьям": "art", "статьях": "art",
	"المادة": "art", "للمادة": "art", "بالمادة": "art", "والمادة": "art", "المادتين": "art", "المواد": "art",
	// chapter
	"chapter": "chap", "chapitre": "chap", "capítulo": "chap", "глава": "chap", "главы": "chap", "главе": "chap", "الفصل": "chap",
	// paragraph
	"paragraph": "para", "paragraphs": "para", "paragraphe": "para", "paragraphes": "para", "párrafo": "para", "párrafos": "para",
	"пункт": "para", "пункта": "para", "пункте": "para", "пунктом": "para", "пунктами": "para", "пунктах": "para", "пунктов": "para", "الفقرة": "para", "الفقرات": "para", "للفقرة": "para", "بالفقرة": "para",
}

// Chinese reference markers: 第 N 条 (article), 章 (chapter), 段/款 (paragraph).
var sentZhRefSuffix = map[rune]string{'条': "art", '章': "chap", '段': "para", '款': "para"}

var sentZhNumeral = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9, '十': 10, '百': 100, '千': 1000, '万': 10000, '亿': 100000000,
}

// Counters after which a single Chinese numeral is taken as a number.
const sentZhCounters = "条款章节项段届次年月日岁个名人只位件"

// parseZhNumeral converts a run of Chinese numerals (十七, 二十四, 二〇一五,
// 四万一千五百) to its value; ok is false for runs it cannot read.
func parseZhNumeral(rs []rune) (int64, bool) {
	hasUnit := false
	for _, r := range rs {
		if v := sentZhNumeral[r]; v >= 10 {
			hasUnit = true
		}
	}
	if !hasUnit { // digit by digit: 二〇一五
		var v int64
		for _, r := range rs {
			v = v*10 + int64(sentZhNumeral[r])
			if v > 1e15 {
				return 0, false
			}
		}
		return v, true
	}
	var total, section, cur int64
	for _, r := range rs {
		v := int64(sentZhNumeral[r])
		switch {
		case v == 100000000 || v == 10000:
			section += cur
			if section == 0 {
				section = 1
			}
			total += section * v
			section, cur = 0, 0
		case v >= 10:
			if cur == 0 {
				cur = 1
			}
			section += cur * v
			cur = 0
		default:
			cur = v
		}
	}
	return total + section + cur, true
}

var sentEnNumber = map[string]int64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "threescore": 60, "fourscore": 80,
	"one": 1, "hundred": 100, "thousand": 1000, "million": 1000000,
}

var sentEnOrdinal = map[string]int64{
	"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}

// sentEnglishNumbers reads KJV-style number words ("forty and six thousand
// and five hundred", "threescore and ten", "seventh") from lower-cased tokens.
func sentEnglishNumbers(toks []string) []int64 {
	var out []int64
	var total, cur int64
	words := 0
	onlyOne := true
	flush := func() {
		if words > 0 && !(words == 1 && onlyOne) {
			out = append(out, total+cur)
		}
		total, cur, words, onlyOne = 0, 0, 0, true
	}
	for k, t := range toks {
		if v, ok := sentEnOrdinal[t]; ok {
			flush()
			out = append(out, v)
			continue
		}
		v, ok := sentEnNumber[t]
		if !ok {
			if t == "and" && words > 0 && k+1 < len(toks) {
				if _, next := sentEnNumber[toks[k+1]]; next {
					continue
				}
			}
			flush()
			continue
		}
		if v != 1 {
			onlyOne = false
		}
		words++
		switch {
		case v >= 1000:
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
		case v == 100:
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		default:
			cur += v
		}
	}
	flush()
	return out
}

func sentHasNumberWord(toks []string) bool {
	for _, t := range toks {
		if _, ok := sentEnNumber[t]; ok {
			return true
		}
		if _, ok := sentEnOrdinal[t]; ok {
			return true
		}
	}
	return false
}

// sentEnglishNumbersText reads the number words of s clause by clause, so
// that "five hundred, threescore" gives 500 and 60.
func sentEnglishNumbersText(s string) []int64 {
	var out []int64
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) && r != '-' && r != '\''
	}) {
		out = append(out, sentEnglishNumbers(sentTokenizeWords(part))...)
	}
	return out
}

// sentIsNumSep reports whether r may separate groups of digits.
func sentIsNumSep(r rune) bool {
	switch r {
	case ',', '.', ' ', '\u00a0', '\u202f', '\u2009', '\'', '\u066c', '\u066b', '，':
		return true
	}
	return false
}

// sentDigitNumbers extracts the numbers written with digits of any script.
// Groups of exactly three digits after a separator are joined as thousands
// ("1,500", "1.500", "1 500" all read 1500); other groups are read apart, so
// "3.5" and "3,5" both give 3 and 5.
func sentDigitNumbers(s string) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		var groups [][]byte
		var g []byte
		j := i
		for j < len(rs) && unicode.IsDigit(rs[j]) {
			g = append(g, byte('0'+max(segment.DigitValue(rs[j]), 0)))
			j++
		}
		groups = append(groups, g)
		for j+1 < len(rs) && sentIsNumSep(rs[j]) && unicode.IsDigit(rs[j+1]) {
			k := j + 1
			var h []byte
			for k < len(rs) && unicode.IsDigit(rs[k]) {
				h = append(h, byte('0'+max(segment.DigitValue(rs[k]), 0)))
				k++
			}
			groups = append(groups, h)
			j = k
		}
		// Join thousands groups.
		cur := groups[0]
		for gi := 1; gi < len(groups); gi++ {
			if len(groups[gi]) == 3 && len(groups[0]) <= 3 {
				cur = append(cur, groups[gi]...)
				continue
			}
			out = append(out, sentTrimZeros(cur))
			cur = groups[gi]
		}
		out = append(out, sentTrimZeros(cur))
		i = j
	}
	return out
}

func sentTrimZeros(b []byte) string {
	s := strings.TrimLeft(string(b), "0")
	if s == "" {
		return "0"
	}
	return s
}

func sentItoa(v int64) string {
	if v == 0 {
		return "0"
	}
	var buf [24]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}

// sentAnchors extracts the anchors of one sentence. toks are its tokens from
// the language's tokenizer; latinSide tells whether the language is written in
// Latin script (Latin words are then matched against all tokens rather than
// emitted as anchors).
func sentAnchors(s string, toks []string, lang string, latinSide bool) []sentAnchor {
	var out []sentAnchor
	add := func(kind uint8, v string, soft bool) {
		out = append(out, sentAnchor{key: sentHash(kind, v), kind: kind, soft: soft})
	}
	base := langtag.Base(lang)
	// Numbers in digits.
	for _, n := range sentDigitNumbers(s) {
		add(sentKNum, n, false)
	}
	// Cross-references written with words: "article 17", "статья 17".
	for k := 0; k+1 < len(toks); k++ {
		if kind, ok := sentRefWords[toks[k]]; ok {
			if d := toks[k+1]; d[0] >= '0' && d[0] <= '9' {
				add(sentKRef, kind+":"+sentTrimZeros([]byte(d)), false)
			}
		}
	}
	if base == "en" && sentHasNumberWord(toks) {
		for _, v := range sentEnglishNumbersText(s) {
			add(sentKNum, sentItoa(v), true)
		}
	}
	rs := []rune(s)
	if base == "zh" {
		for i := 0; i < len(rs); {
			if _, ok := sentZhNumeral[rs[i]]; !ok {
				i++
				continue
			}
			j := i
			for j < len(rs) {
				if _, ok := sentZhNumeral[rs[j]]; !ok {
					break
				}
				j++
			}
			run := rs[i:j]
			di := i - 1
			for di >= 0 && rs[di] == ' ' {
				di--
			}
			ordinal := di >= 0 && rs[di] == '第'
			var next rune
			if j < len(rs) {
				next = rs[j]
			}
			counter := next != 0 && strings.ContainsRune(sentZhCounters, next)
			if v, ok := parseZhNumeral(run); ok && (ordinal || len(run) >= 2 || (counter && v >= 2)) {
				add(sentKNum, sentItoa(v), true)
			}
			i = j
		}
		// 第 N 条 with N in digits or numerals.
		for i := 0; i < len(rs); i++ {
			if rs[i] != '第' {
				continue
			}
			j := i + 1
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			k := j
			for k < len(rs) && (unicode.IsDigit(rs[k]) || sentZhNumeral[rs[k]] > 0 || rs[k] == '零' || rs[k] == '〇') {
				k++
			}
			if k == j {
				continue
			}
			e := k
			for e < len(rs) && rs[e] == ' ' {
				e++
			}
			if e >= len(rs) {
				continue
			}
			kind, ok := sentZhRefSuffix[rs[e]]
			if !ok {
				continue
			}
			var v int64
			if unicode.IsDigit(rs[j]) {
				for _, r := range rs[j:k] {
					if unicode.IsDigit(r) {
						v = v*10 + int64(max(segment.DigitValue(r), 0))
					}
				}
			} else if v, ok = parseZhNumeral(rs[j:k]); !ok {
				continue
			}
			add(sentKRef, kind+":"+sentItoa(v), false)
		}
	}
	// Punctuation marks.
	quotes := 0
	for _, r := range rs {
		switch r {
		case '?', '？', '؟':
			add(sentKQuestion, "?", false)
		case ':', '：':
			add(sentKColon, ":", false)
		case '(', '（', '[', '［':
			add(sentKParen, "(", false)
		case '"', '“', '”', '«', '»', '„', '「', '」', '『', '』':
			quotes++
		}
	}
	for q := 0; q < quotes/2; q++ {
		add(sentKQuote, "\"", false)
	}
	// Latin words inside text of another script.
	if !latinSide {
		for _, t := range toks {
			if utf8.RuneCountInString(t) >= 2 && sentIsLatinWord(t) {
				out = append(out, sentAnchor{key: sentTokHash(t), kind: sentKLatin})
			}
		}
	}
	return out
}

func sentIsLatinWord(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.Is(unicode.Latin, r) {
			letters++
		} else if !unicode.IsDigit(r) {
			return false
		}
	}
	return letters > 0
}

// sentLatinScript reports whether most letters of the sentences are Latin.
func sentLatinScript(sents []string) bool {
	latin, other := 0, 0
	for _, s := range sents {
		for _, r := range s {
			if unicode.IsLetter(r) {
				if unicode.Is(unicode.Latin, r) {
					latin++
				} else {
					other++
				}
			}
		}
		if latin+other > 20000 {
			break
		}
	}
	return latin > other
}

// sentGlossaryAnchors marks the glossary terms found in a sentence: entry k
// whose term (as tokens) occurs contiguously in toks gives anchor "g:k".
func sentGlossaryAnchors(toks []string, terms [][]string) []sentAnchor {
	var out []sentAnchor
	for k, term := range terms {
		if len(term) == 0 {
			continue
		}
		for i := 0; i+len(term) <= len(toks); i++ {
			match := true
			for x := range term {
				if toks[i+x] != term[x] {
					match = false
					break
				}
			}
			if match {
				out = append(out, sentAnchor{key: sentHash(sentKGloss, sentItoa(int64(k))), kind: sentKGloss})
			}
		}
	}
	return out
}

// sentSortAnchors orders anchors by kind then key so that matching is a merge.
func sentSortAnchors(a []sentAnchor) {
	if len(a) < 2 {
		return
	}
	slices.SortFunc(a, func(x, y sentAnchor) int {
		if x.kind != y.kind {
			return int(x.kind) - int(y.kind)
		}
		if x.key != y.key {
			if x.key < y.key {
				return -1
			}
			return 1
		}
		if x.soft == y.soft {
			return 0
		}
		if !x.soft {
			return -1
		}
		return 1
	})
}
