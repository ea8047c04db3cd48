package check

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"concord/segment"
	"concord/segment/langtag"
)

// Cross-references: a small tokenizer per language turns "第 17 条第 1 款(b)项",
// "article 17, paragraph 1 (b)", "الفقرة 1 (أ) من هذه المادة" into the
// addresses they point to (art.17.1.b), resolved against the unit they
// stand in for "this article" and for paragraphs named without an article.

// tok is the type of a cross-reference token.
type tok int

const (
	ckArt      tok = iota // article(s), المادة, статья; zh: 第 N 条 (with its number)
	ckPara                // paragraph(s); zh: 第 N 款 (with its number)
	ckSub                 // subparagraph(s), alinéa, apartado, الفقرة الفرعية; zh: 项
	ckItem                // zh: 目
	ckNum                 // a number
	ckLet                 // a letter in brackets: (b), b), (ب)
	ckRom                 // an item number: (ii), ii), ’2’, (二)
	ckThisArt             // this article, 本条, من هذه المادة
	ckThisPara            // this paragraph, 本款
	ckRange               // to, à, a, إلى, 至, –
	ckList                // and, or, comma, و, 和
	ckOther               // this Convention, of: neutral words inside a chain
)

// refRule is one token pattern of a language.
type refRule struct {
	tok tok
	re  string
}

// refRules are the token patterns of each language; the first
// group, if any, holds the value.
var refRules = map[string][]refRule{
	"zh": {
		{ckArt, `第\s*(\d+)\s*条`}, {ckPara, `第\s*(\d+)\s*款`},
		{ckThisArt, `本条`}, {ckThisPara, `本款`}, {ckOther, `本公约|本议定书`},
		{ckLet, `\(\s*([a-z])\s*\)`}, {ckRom, `\(\s*([一二三四五六七八九十]+)\s*\)`},
		{ckSub, `项`}, {ckItem, `目`}, {ckRange, `至`}, {ckList, `和|及|或|、|，`}, {ckOther, `第`},
	},
	"en": {
		{ckSub, `(?i)\bsub-?paragraphs?\b`}, {ckArt, `(?i)\barticles?\b`}, {ckPara, `(?i)\bparagraphs?\b`},
		{ckThisArt, `(?i)\b(?:this|the present) article\b`}, {ckThisPara, `(?i)\b(?:this|the present) paragraph\b`},
		{ckOther, `(?i)\b(?:this|the present) (?:convention|protocol)\b|\bof\b`},
		{ckRom, `\(([ivx]{2,})\)`}, {ckLet, `\(([a-z])\)`}, {ckNum, `\b(\d+)\b`},
		{ckRange, `(?i)\bto\b|\bthrough\b|–`}, {ckList, `(?i)\band\b|\bor\b|,`},
	},
	"fr": {
		{ckSub, `(?i)\balinéas?\b`}, {ckArt, `(?i)\barticles?\b`}, {ckPara, `(?i)\bparagraphes?\b`},
		{ckThisArt, `(?i)\bdu présent article\b`}, {ckThisPara, `(?i)\bdu présent paragraphe\b`},
		{ckOther, `(?i)\bde la présente convention\b|\bdu\b|\bde\b`},
		{ckRom, `\b([ivx]{2,})\)|\(([ivx]{2,})\)`}, {ckLet, `\b([a-z])\)|\(([a-z])\)`}, {ckNum, `\b(\d+)\b`},
		{ckRange, `(?i)\bà\b|–`}, {ckList, `(?i)\bet\b|\bou\b|,`},
	},
	"es": {
		{ckSub, `(?i)\bapartados?\b|\bincisos?\b`}, {ckArt, `(?i)\bart[íi]culos?\b`}, {ckPara, `(?i)\bp[áa]rrafos?\b`},
		{ckThisArt, `(?i)\bdel presente art[íi]culo\b`}, {ckThisPara, `(?i)\bdel presente p[áa]rrafo\b`},
		{ckOther, `(?i)\bde la presente convenci[óo]n\b|\bdel\b|\bde\b`},
		{ckRom, `\b([ivx]{2,})\)|\(([ivx]{2,})\)`}, {ckLet, `\b([a-z])\)|\(([a-z])\)`}, {ckNum, `\b(\d+)\b`},
		{ckRange, `(?i)\ba\b|–`}, {ckList, `(?i)\by\b|\bo\b|,`},
	},
	"ru": {
		{ckSub, `(?i)подпункт\p{L}*`}, {ckArt, `(?i)стать\p{L}*|стате\p{L}*`}, {ckPara, `(?i)пункт\p{L}*`},
		{ckThisArt, `(?i)настоящ\p{L}* стать\p{L}*`}, {ckThisPara, `(?i)настоящ\p{L}* пункт\p{L}*`},
		{ckOther, `(?i)настоящ\p{L}* конвенци\p{L}*`},
		{ckRom, `\(([ivx]{2,})\)|\b([ivx]{2,})\)`}, {ckLet, `\(([a-zа-я])\)|\b([a-zа-я])\)`}, {ckNum, `(\d+)`},
		{ckRange, `–|-|\bпо\b`}, {ckList, `(?i)\bи\b|\bили\b|,`},
	},
	"ar": {
		{ckSub, `(?:[وبلف])?(?:ال|لل)?(?:فقرة|فقرتين|فقرتان|فقرات)\s+(?:ال)?فرعي(?:ة|تين|تان|ات)`},
		{ckArt, `(?:[وبلف])?(?:ال|لل)?(?:مادة|مادتين|مادتان|مادتي|مواد)`},
		{ckPara, `(?:[وبلف])?(?:ال|لل)?(?:فقرة|فقرتين|فقرتان|فقرتي|فقرات)`},
		{ckThisArt, `من\s+هذه\s+المادة`}, {ckThisPara, `من\s+هذه\s+الفقرة`},
		{ckOther, `من\s+هذه\s+الاتفاقية|من\s+هذا\s+البروتوكول|من`},
		{ckLet, `\(\s*([أبجدهوزحطيكلمنسعفصقرشتثخذضظغ])\s*\)`}, {ckRom, `[’‘']\s*(\d+)\s*[’‘']`},
		{ckNum, `(\d+)`}, {ckRange, `إلى|الى|حتى`}, {ckList, `أو|،|,|و`},
	},
}

// refRe is the compiled tokenizer of one language: one alternation,
// with the token type and the number of groups of each alternative.
type refRe struct {
	re   *regexp.Regexp
	toks []tok
	subs []int
}

var refRes = func() map[string]*refRe {
	m := map[string]*refRe{}
	for lang, rules := range refRules {
		c := &refRe{}
		var alts []string
		for _, r := range rules {
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
	val        int // the number, letter (a = 1) or item number
	start, end int
}

// tokens tokenizes the cross-reference words of a text.
func tokens(s, lang string) []token {
	c := refRes[langtag.Base(lang)]
	if c == nil {
		return nil
	}
	var out []token
	for _, m := range c.re.FindAllStringSubmatchIndex(s, -1) {
		// which alternative matched, and its first inner group
		g := 1
		for ri, tok := range c.toks {
			n := c.subs[ri]
			if m[2*g] >= 0 {
				t := token{tok: tok, start: m[0], end: m[1]}
				for k := 1; k <= n; k++ {
					if a := m[2*(g+k)]; a >= 0 {
						t.val = value(s[a:m[2*(g+k)+1]], t.tok)
						break
					}
				}
				out = append(out, t)
				break
			}
			g += 1 + n
		}
	}
	return out
}

// value reads the value of a number, letter or item token.
func value(v string, tok tok) int {
	if n, err := strconv.Atoi(v); err == nil {
		return n
	}
	if n := zhNumeral(v); n > 0 {
		return n
	}
	if r := []rune(v); len(r) == 1 {
		if r[0] >= 'a' && r[0] <= 'z' {
			if tok == ckRom {
				return romanOrZero(v)
			}
			return int(r[0]-'a') + 1
		}
		if r[0] >= 'а' && r[0] <= 'я' {
			return strings.IndexRune("абвгдежзиклмнопрстуфхцчшщэюя", r[0])/2 + 1
		}
		for i, a := range abjad {
			if a == r[0] {
				return i + 1
			}
		}
	}
	return romanOrZero(v)
}

// refGap reports whether the text between two tokens keeps them in
// one reference: spaces, commas, brackets, semicolons of nothing else.
func refGap(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\n' || r == ',' || r == '،' || r == '(' || r == ')' || r == '（' || r == '）'
	}) == ""
}

// unitContext returns the article and paragraph a unit stands in:
// art.11.1.b → art.11, art.11.1; art.13.a → art.13, "".
func unitContext(addr string) (art, para string) {
	parts := strings.Split(addr, ".")
	if len(parts) < 2 || parts[0] != "art" {
		return "", ""
	}
	art = "art." + parts[1]
	if len(parts) >= 3 {
		if _, err := strconv.Atoi(parts[2]); err == nil {
			para = art + "." + parts[2]
		}
	}
	return art, para
}

// refs returns the targets of the cross-references in s, a text of
// the unit at addr, sorted, and the byte spans the references cover.
func findRefs(s, lang, addr string) ([]string, [][2]int) {
	toks := tokens(s, lang)
	curArt, curPara := unitContext(addr)
	set := map[string]bool{}
	var spans [][2]int
	flush := func(chain []token) {
		if len(chain) == 0 {
			return
		}
		var arts, paras, subs, items []int
		var thisArt, thisPara, hasValue, hasKey bool
		level := tok(-1)
		rng := false
		addVal := func(list *[]int, v int) {
			if rng && len(*list) > 0 {
				from := (*list)[len(*list)-1]
				for x := from + 1; x <= v && x-from <= 50; x++ {
					*list = append(*list, x)
				}
			} else {
				*list = append(*list, v)
			}
			rng = false
		}
		for _, t := range chain {
			switch t.tok {
			case ckArt, ckPara:
				hasKey = true
				level = t.tok
				if t.val > 0 { // zh: 第 N 条 carries its number
					hasValue = true
					if t.tok == ckArt {
						addVal(&arts, t.val)
					} else {
						addVal(&paras, t.val)
					}
				}
			case ckSub, ckItem:
				hasKey = true
				level = t.tok
			case ckNum:
				switch level {
				case ckArt:
					addVal(&arts, t.val)
					hasValue = true
				case ckPara:
					addVal(&paras, t.val)
					hasValue = true
				}
			case ckLet:
				// (i), (v), (x) after a subparagraph letter are items
				if len(subs) > 0 && romanLetter(t.val) && (!rng || level == ckRom) {
					addVal(&items, romanOrZero(string(rune('a'+t.val-1))))
					level = ckRom
				} else {
					addVal(&subs, t.val)
					level = ckSub
				}
				hasValue = true
			case ckRom:
				addVal(&items, t.val)
				level = ckRom
				hasValue = true
			case ckThisArt:
				thisArt, hasKey = true, true
			case ckThisPara:
				thisPara, hasKey = true, true
			case ckRange:
				rng = true
			}
		}
		if !hasValue || !hasKey {
			return
		}
		spans = append(spans, [2]int{chain[0].start, chain[len(chain)-1].end})
		base := []string{}
		if len(arts) > 0 {
			for _, a := range arts {
				base = append(base, "art."+strconv.Itoa(a))
			}
		} else if curArt != "" {
			base = append(base, curArt)
		} else {
			return
		}
		switch {
		case len(paras) > 0:
			var next []string
			for _, b := range base {
				for _, p := range paras {
					next = append(next, b+"."+strconv.Itoa(p))
				}
			}
			base = next
		case len(subs) > 0 && len(arts) == 0 && curPara != "" && (thisPara || !thisArt):
			base = []string{curPara}
		}
		if len(subs) > 0 {
			var next []string
			for _, b := range base {
				for _, x := range subs {
					next = append(next, b+"."+segment.Letter(x))
				}
			}
			base = next
		}
		if len(items) > 0 {
			var next []string
			for _, b := range base {
				for _, x := range items {
					next = append(next, b+"."+segment.Roman(x))
				}
			}
			base = next
		}
		for _, b := range base {
			set[b] = true
		}
	}
	var chain []token
	for i, t := range toks {
		if i > 0 && !refGap(s[toks[i-1].end:t.start]) {
			flush(chain)
			chain = nil
		}
		chain = append(chain, t)
	}
	flush(chain)
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out, spans
}

// romanLetter reports whether letter number n (a = 1) is also a roman
// numeral: i, v, x.
func romanLetter(n int) bool { return n == 9 || n == 22 || n == 24 }
