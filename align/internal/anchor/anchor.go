package anchor

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
)

// Kind is what an anchor is.
type Kind uint8

// The kinds of anchor.
const (
	Num      Kind = iota // a number, in digits of any script or in words
	Ref                  // a cross-reference: article 17, 第十七条
	Question             // a question mark
	Colon                // a colon
	Paren                // an opening bracket
	Quote                // a pair of quotation marks
	Latin                // a Latin-script word inside text of another script
	Gloss                // a glossary term
	NKinds               // the number of kinds
)

// Anchor is one anchor occurrence: its kind and its key (the Hash of its
// kind and value). Soft anchors (numbers written as words or Chinese
// numerals) are rewarded when matched but cost nothing unmatched.
type Anchor struct {
	Key  uint64
	Kind Kind
	Soft bool
}

// Hash is the 64-bit FNV-1a hash of kind followed by s.
func Hash(kind Kind, s string) uint64 {
	h := uint64(14695981039346656037)
	h = (h ^ uint64(kind)) * 1099511628211
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// WordKey is the key of a Latin-script word: the same for an anchor
// found in Chinese text and for a token of an English sentence, which the
// aligner looks Latin anchors up among.
func WordKey(tok string) uint64 { return Hash(Latin, tok) }

var refWords = map[string]string{
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
var zhRefSuffix = map[rune]string{'条': "art", '章': "chap", '段': "para", '款': "para"}

// Find returns the anchors of the sentence s in language lang: numbers (in
// digits of any script, in English words, in Chinese numerals),
// cross-references written with words (article 17, статья 17, 第十七条),
// question marks, colons, brackets, pairs of quotation marks and Latin
// words. toks are its tokens from the language's tokenizer; latinSide tells
// whether the language is written in Latin script (Latin words are then
// matched against all tokens rather than emitted as anchors).
func Find(s string, toks []string, lang string, latinSide bool) []Anchor {
	var out []Anchor
	add := func(kind Kind, v string, soft bool) {
		out = append(out, Anchor{Key: Hash(kind, v), Kind: kind, Soft: soft})
	}
	base := langtag.Base(lang)
	// Numbers in digits.
	for _, n := range digitNumbers(s) {
		add(Num, n, false)
	}
	// Cross-references written with words: "article 17", "статья 17".
	for k := 0; k+1 < len(toks); k++ {
		if kind, ok := refWords[toks[k]]; ok {
			if d := toks[k+1]; d[0] >= '0' && d[0] <= '9' {
				add(Ref, kind+":"+trimZeros([]byte(d)), false)
			}
		}
	}
	if base == "en" && hasNumberWord(toks) {
		for _, v := range englishNumbersText(s) {
			add(Num, itoa(v), true)
		}
	}
	rs := []rune(s)
	if base == "zh" {
		for i := 0; i < len(rs); {
			if _, ok := zhNumeral[rs[i]]; !ok {
				i++
				continue
			}
			j := i
			for j < len(rs) {
				if _, ok := zhNumeral[rs[j]]; !ok {
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
			counter := next != 0 && strings.ContainsRune(zhCounters, next)
			if v, ok := parseZhNumeral(run); ok && (ordinal || len(run) >= 2 || (counter && v >= 2)) {
				add(Num, itoa(v), true)
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
			for k < len(rs) && (unicode.IsDigit(rs[k]) || zhNumeral[rs[k]] > 0 || rs[k] == '零' || rs[k] == '〇') {
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
			kind, ok := zhRefSuffix[rs[e]]
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
			add(Ref, kind+":"+itoa(v), false)
		}
	}
	// Punctuation marks.
	quotes := 0
	for _, r := range rs {
		switch r {
		case '?', '？', '؟':
			add(Question, "?", false)
		case ':', '：':
			add(Colon, ":", false)
		case '(', '（', '[', '［':
			add(Paren, "(", false)
		case '"', '“', '”', '«', '»', '„', '「', '」', '『', '』':
			quotes++
		}
	}
	for q := 0; q < quotes/2; q++ {
		add(Quote, "\"", false)
	}
	// Latin words inside text of another script.
	if !latinSide {
		for _, t := range toks {
			if utf8.RuneCountInString(t) >= 2 && isLatinWord(t) {
				out = append(out, Anchor{Key: WordKey(t), Kind: Latin})
			}
		}
	}
	return out
}

func isLatinWord(t string) bool {
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

// LatinScript reports whether most letters of the sentences are Latin.
func LatinScript(sents []string) bool {
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

// Glossary marks the glossary terms found in a sentence: entry k
// whose term (as tokens) occurs contiguously in toks gives an anchor of
// kind Gloss and value k.
func Glossary(toks []string, terms [][]string) []Anchor {
	var out []Anchor
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
				out = append(out, Anchor{Key: Hash(Gloss, itoa(int64(k))), Kind: Gloss})
			}
		}
	}
	return out
}

// Sort orders anchors by kind then key so that matching is a merge.
func Sort(a []Anchor) {
	if len(a) < 2 {
		return
	}
	slices.SortFunc(a, func(x, y Anchor) int {
		if x.Kind != y.Kind {
			return int(x.Kind) - int(y.Kind)
		}
		if x.Key != y.Key {
			if x.Key < y.Key {
				return -1
			}
			return 1
		}
		if x.Soft == y.Soft {
			return 0
		}
		if !x.Soft {
			return -1
		}
		return 1
	})
}
