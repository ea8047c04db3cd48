package xref

import (
	"regexp"
	"strconv"
	"strings"

	"concord/segment"
)

// English, French, Spanish, Russian and Arabic: a small tokenizer per
// language finds the words of references (article, paragraph, this
// article, numbers, (b), (ii), to, and…); tokens separated by nothing but
// spaces, commas and brackets form a chain, read as one reference or a
// list of them, in either order ("article 17, paragraph 1 (b)" and
// "paragraph 1 (b) of article 17").

// tok is the kind of a reference token.
type tok int

const (
	tArt      tok = iota // article(s), المادة, статья
	tPara                // paragraph(s)
	tSub                 // subparagraph(s), alinéa, apartado, الفقرة الفرعية
	tNum                 // a number
	tLet                 // a letter in brackets: (b), b), (ب)
	tRom                 // an item number: (ii), ii), ’2’
	tLetRom              // a letter with its item: a.ii
	tThisArt             // this article, من هذه المادة
	tThisPara            // this paragraph
	tRange               // to, à, a, إلى, –
	tList                // and, or, comma, و
	tOther               // this Convention, of: neutral words inside a chain
)

// digits is a digit of any script concord reads.
const digits = `[0-9٠-٩۰-۹０-９]`

// rules are the token patterns of each language; the first group that
// matched holds the value.
var rules = map[string][]struct {
	tok tok
	re  string
}{
	"en": {
		{tSub, `(?i)\bsub-?paragraphs?\b`}, {tArt, `(?i)\barticles?\b`}, {tPara, `(?i)\bparagraphs?\b`},
		{tThisArt, `(?i)\b(?:this|the present) article\b`}, {tThisPara, `(?i)\b(?:this|the present) paragraph\b`},
		{tOther, `(?i)\b(?:this|the present) (?:convention|protocol)\b|\bof\b`},
		{tRom, `\(([ivx]{2,})\)`}, {tLet, `\(([a-z])\)`}, {tLetRom, `\b([a-z])\.([ivx]+)\b`}, {tNum, `\b(` + digits + `+)\b`},
		{tRange, `(?i)\bto\b|\bthrough\b|–`}, {tList, `(?i)\band\b|\bor\b|,`},
	},
	"fr": {
		{tSub, `(?i)\balinéas?\b`}, {tArt, `(?i)\barticles?\b`}, {tPara, `(?i)\bparagraphes?\b`},
		{tThisArt, `(?i)\bdu présent article\b`}, {tThisPara, `(?i)\bdu présent paragraphe\b`},
		{tOther, `(?i)\bde la présente convention\b|\bdu\b|\bde\b`},
		{tRom, `\b([ivx]{2,})\)|\(([ivx]{2,})\)`}, {tLet, `\b([a-z])\)|\(([a-z])\)`}, {tNum, `\b(` + digits + `+)\b`},
		{tRange, `(?i)\bà\b|–`}, {tList, `(?i)\bet\b|\bou\b|,`},
	},
	"es": {
		{tSub, `(?i)\bapartados?\b|\bincisos?\b`}, {tArt, `(?i)\bart[íi]culos?\b`}, {tPara, `(?i)\bp[áa]rrafos?\b`},
		{tThisArt, `(?i)\bdel presente art[íi]culo\b`}, {tThisPara, `(?i)\bdel presente p[áa]rrafo\b`},
		{tOther, `(?i)\bde la presente convenci[óo]n\b|\bdel\b|\bde\b`},
		{tRom, `\b([ivx]{2,})\)|\(([ivx]{2,})\)`}, {tLet, `\b([a-z])\)|\(([a-z])\)`}, {tNum, `\b(` + digits + `+)\b`},
		{tRange, `(?i)\ba\b|–`}, {tList, `(?i)\by\b|\bo\b|,`},
	},
	"ru": {
		{tSub, `(?i)подпункт\p{L}*`}, {tArt, `(?i)стать\p{L}*|стате\p{L}*`}, {tPara, `(?i)пункт\p{L}*`},
		{tThisArt, `(?i)настоящ\p{L}* стать\p{L}*`}, {tThisPara, `(?i)настоящ\p{L}* пункт\p{L}*`},
		{tOther, `(?i)настоящ\p{L}* конвенци\p{L}*`},
		{tRom, `\(([ivx]{2,})\)|\b([ivx]{2,})\)`}, {tLet, `\(([a-zа-я])\)|\b([a-zа-я])\)`}, {tNum, `(` + digits + `+)`},
		{tRange, `–|-|\bпо\b`}, {tList, `(?i)\bи\b|\bили\b|,`},
	},
	"ar": {
		{tSub, `(?:[وبلف])?(?:ال|لل)?(?:فقرة|فقرتين|فقرتان|فقرات)\s+(?:ال)?فرعي(?:ة|تين|تان|ات)`},
		{tArt, `(?:[وبلف])?(?:ال|لل)?(?:مادة|مادتين|مادتان|مادتي|مواد)`},
		{tPara, `(?:[وبلف])?(?:ال|لل)?(?:فقرة|فقرتين|فقرتان|فقرتي|فقرات)`},
		{tThisArt, `من\s+هذه\s+المادة`}, {tThisPara, `من\s+هذه\s+الفقرة`},
		{tOther, `من\s+هذه\s+الاتفاقية|من\s+هذا\s+البروتوكول|من`},
		{tLet, `\(\s*([أبجدهوزحطيكلمنسعفصقرشتثخذضظغ])\s*\)`}, {tRom, `[’‘']\s*(` + digits + `+)\s*[’‘']`},
		{tNum, `(` + digits + `+)`}, {tRange, `إلى|الى|حتى`}, {tList, `أو|،|,|و`},
	},
}

// external matches what follows a reference to another instrument: of the
// Charter, de la Charte, del Pacto, Устава, من الميثاق; internal what
// names this one.
var (
	external = map[string]*regexp.Regexp{
		"en": regexp.MustCompile(`^\s*,?\s*of\s+(?:the\s+)?(?:[A-Z]|Protocol|protocol)`),
		"fr": regexp.MustCompile(`^\s*,?\s*(?:de\s+la|du|de\s+l['’]|des)\s*(?:Charte|Déclaration|Pacte|Protocole|Statut|Convention\s+(?:européenne|de|sur|relative))`),
		"es": regexp.MustCompile(`^\s*,?\s*(?:de\s+la|del)\s+(?:Carta|Declaración|Pacto|Protocolo|Estatuto|Convención\s+(?:Europea|de|sobre))`),
		"ru": regexp.MustCompile(`^\s*,?\s*(?:Устава|Декларации|Пакта|Протокола|Статута|Европейской|Конвенции\s+(?:о|об|против))`),
		"ar": regexp.MustCompile(`^\s*،?\s*من\s+(?:ميثاق|الإعلان|العهد|البروتوكول|النظام\s+الأساسي|اتفاقية\s)`),
	}
	internal = regexp.MustCompile(`^\s*,?\s*of\s+(?:this|the\s+present|the)\s+Convention\b`)
)

// tokenizer is the compiled tokenizer of one language: one alternation,
// with the kind and the number of groups of each alternative.
type tokenizer struct {
	re   *regexp.Regexp
	toks []tok
	subs []int
}

var tokenizers = func() map[string]*tokenizer {
	m := map[string]*tokenizer{}
	for lang, rs := range rules {
		c := &tokenizer{}
		var alts []string
		for _, r := range rs {
			re := regexp.MustCompile(r.re)
			alts = append(alts, "("+r.re+")")
			c.toks = append(c.toks, r.tok)
			c.subs = append(c.subs, re.NumSubexp())
		}
		c.re = regexp.MustCompile(strings.Join(alts, "|"))
		m[lang] = c
	}
	return m
}()

// abjad is the order of Arabic letters numbering subparagraphs.
var abjad = []rune("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ")

// token is one token of a reference.
type token struct {
	tok        tok
	val, val2  int // the number, letter (a = 1) or item number; val2: a.ii's item
	start, end int
}

// tokens tokenizes the reference words of a text.
func tokens(s, lang string) []token {
	c := tokenizers[lang]
	var out []token
	for _, m := range c.re.FindAllStringSubmatchIndex(s, -1) {
		// which alternative matched, and its inner groups
		g := 1
		for ri, tk := range c.toks {
			n := c.subs[ri]
			if m[2*g] < 0 {
				g += 1 + n
				continue
			}
			t := token{tok: tk, start: m[0], end: m[1]}
			vals := 0
			for k := 1; k <= n; k++ {
				if a := m[2*(g+k)]; a >= 0 {
					v := value(s[a:m[2*(g+k)+1]], tk, vals > 0)
					if vals == 0 {
						t.val = v
					} else {
						t.val2 = v
					}
					vals++
				}
			}
			out = append(out, t)
			break
		}
	}
	return out
}

// value reads the value of a number, letter or item token; second is the
// item of a.ii.
func value(v string, tk tok, second bool) int {
	if n, k := segment.ParseDigits(v); k == len(v) && k > 0 {
		return n
	}
	if r := []rune(v); len(r) == 1 && !(tk == tRom || second) {
		switch {
		case r[0] >= 'a' && r[0] <= 'z':
			return int(r[0]-'a') + 1
		case r[0] >= 'а' && r[0] <= 'я':
			return strings.IndexRune("абвгдежзиклмнопрстуфхцчшщэюя", r[0])/2 + 1
		}
		for i, a := range abjad {
			if a == r[0] {
				return i + 1
			}
		}
	}
	n, _ := segment.RomanValue(v)
	return n
}

// gap reports whether the text between two tokens keeps them in one
// chain: spaces, commas and brackets, nothing else.
func gap(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\n' || r == ',' || r == '،' || r == '(' || r == ')' || r == '（' || r == '）'
	}) == ""
}

// findChains finds the references of a text in one of the languages read
// by chains of tokens.
func findChains(text, lang string) []Ref {
	toks := tokens(text, lang)
	var out []Ref
	var chain []token
	for i, t := range toks {
		if i > 0 && !gap(text[toks[i-1].end:t.start]) {
			out = readChain(out, text, lang, chain)
			chain = nil
		}
		chain = append(chain, t)
	}
	return readChain(out, text, lang, chain)
}

// level is one level of a reference: its values in order, with the range
// flag of each and the token each was read from.
type level struct {
	vals  []int
	rng   []bool
	spans [][2]int
}

func (l *level) add(v int, rng bool, t token) {
	l.vals = append(l.vals, v)
	l.rng = append(l.rng, rng && len(l.vals) > 1)
	l.spans = append(l.spans, [2]int{t.start, t.end})
}

// readChain reads one chain of tokens into references and appends them.
func readChain(out []Ref, text, lang string, chain []token) []Ref {
	// trim the words that lead into or out of a reference
	for len(chain) > 0 && neutral(chain[0].tok) {
		chain = chain[1:]
	}
	for len(chain) > 0 && neutral(chain[len(chain)-1].tok) {
		chain = chain[:len(chain)-1]
	}
	if len(chain) == 0 {
		return out
	}
	var arts, paras, subs, items level
	var thisArt, thisPara, hasValue, hasKey bool
	cur := tok(-1)
	rng := false
	for _, t := range chain {
		switch t.tok {
		case tArt, tPara, tSub:
			hasKey, cur = true, t.tok
		case tNum:
			switch cur {
			case tArt:
				arts.add(t.val, rng, t)
				hasValue = true
			case tPara:
				paras.add(t.val, rng, t)
				hasValue = true
			}
		case tLet:
			// (i), (v), (x) after a subparagraph letter are items
			if len(subs.vals) > 0 && romanLetter(t.val) && (!rng || cur == tRom) {
				n, _ := segment.RomanValue(string(rune('a' + t.val - 1)))
				items.add(n, rng, t)
				cur = tRom
			} else {
				subs.add(t.val, rng, t)
				cur = tSub
			}
			hasValue = true
		case tLetRom:
			subs.add(t.val, rng, t)
			items.add(t.val2, false, t)
			cur, hasValue = tRom, true
		case tRom:
			items.add(t.val, rng, t)
			cur, hasValue = tRom, true
		case tThisArt:
			thisArt, hasKey = true, true
		case tThisPara:
			thisPara, hasKey = true, true
		}
		rng = t.tok == tRange
	}
	if !hasValue || !hasKey {
		return out
	}
	start, end := chain[0].start, chain[len(chain)-1].end
	if re := external[lang]; re != nil && re.MatchString(text[end:]) && !(lang == "en" && internal.MatchString(text[end:])) {
		return out
	}
	r := Ref{Rel: InArticle}
	switch {
	case len(arts.vals) > 0:
		r.Rel = Absolute
	case len(subs.vals) > 0 && len(paras.vals) == 0 && (thisPara || !thisArt):
		r.Rel = InParagraph
	}
	// the levels below the article, in order, each a list of segments
	var steps []level
	var kinds []func(int) string
	for _, l := range []struct {
		lv *level
		fn func(int) string
	}{{&paras, strconv.Itoa}, {&subs, segment.Letter}, {&items, segment.Roman}} {
		if len(l.lv.vals) > 0 {
			steps = append(steps, *l.lv)
			kinds = append(kinds, l.fn)
		}
	}
	top := arts
	if len(top.vals) == 0 {
		top = level{vals: []int{0}, rng: []bool{false}, spans: [][2]int{{start, end}}}
	}
	first := true
	emit := func(art int, path []string, implied bool, span [2]int) {
		ref := r
		if r.Rel == Absolute {
			ref.Article = strconv.Itoa(art)
		}
		ref.Path = path
		switch {
		case implied:
			ref.Start, ref.End, ref.Implied = span[0], span[0], true
		case first:
			ref.Start, ref.End = start, end
			if span[1] < end && many(top, steps) {
				ref.End = span[1] // a list: the first reference ends at its number
			}
			first = false
		default:
			ref.Start, ref.End = span[0], span[1]
		}
		ref.Text = text[ref.Start:ref.End]
		out = append(out, ref)
	}
	var walk func(art int, k int, path []string, implied bool, span [2]int)
	walk = func(art int, k int, path []string, implied bool, span [2]int) {
		if k == len(steps) {
			emit(art, path, implied, span)
			return
		}
		st := steps[k]
		for i, v := range st.vals {
			sp := span
			if len(st.vals) > 1 || k == len(steps)-1 {
				sp = st.spans[i]
			}
			if st.rng[i] {
				for m := st.vals[i-1] + 1; m < v && m-st.vals[i-1] <= maxRange; m++ {
					walk(art, k+1, append(append([]string(nil), path...), kinds[k](m)), true, st.spans[i])
				}
			}
			walk(art, k+1, append(append([]string(nil), path...), kinds[k](v)), implied, sp)
		}
	}
	for i, a := range top.vals {
		if top.rng[i] {
			for m := top.vals[i-1] + 1; m < a && m-top.vals[i-1] <= maxRange; m++ {
				walk(m, 0, nil, true, top.spans[i])
			}
		}
		walk(a, 0, nil, false, top.spans[i])
	}
	return out
}

// many reports whether a reference names more than one unit.
func many(top level, steps []level) bool {
	if len(top.vals) > 1 {
		return true
	}
	for _, s := range steps {
		if len(s.vals) > 1 {
			return true
		}
	}
	return false
}

// neutral reports whether a token only joins the words of a reference.
func neutral(t tok) bool { return t == tOther || t == tList || t == tRange }

// romanLetter reports whether letter number n (a = 1) is also a roman
// numeral: i, v, x.
func romanLetter(n int) bool { return n == 9 || n == 22 || n == 24 }
