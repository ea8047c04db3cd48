package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
)

// Definition is a term that a document defines ("…" means …), harvested
// by Definitions.
type Definition struct {
	Addr string // address of the unit that holds the definition: art.2.a
	Lang string // the document's language
	// Terms are the defined terms exactly as printed between the quotes,
	// in order: “冻结”或“扣押” defines two.
	Terms []string
	// Text is the definition: what follows the defining verb (系指, means,
	// يعني…), the unit's sub-units included, final punctuation removed.
	Text string
	Line int // 1-based source line of the unit
}

// termQuotePairs lists the quotation marks a defined term may stand between,
// with the closing marks each opening mark admits (typographic quotes are
// often mismatched in converted texts). Longer openers come first.
var termQuotePairs = []struct {
	open  string
	close []string
}{
	{"``", []string{"''", "\"", "”", "“"}},
	{"“", []string{"”", "\"", "“"}},
	{"”", []string{"“", "”"}}, // Arabic ”…“
	{"„", []string{"“", "”"}},
	{"«", []string{"»"}},
	{"\"", []string{"\"", "”", "“"}},
	{"「", []string{"」"}},
	{"『", []string{"』"}},
	{"‹", []string{"›"}},
	{"‘", []string{"’"}},
	{"《", []string{"》"}},
}

// termMaxBytes bounds the length of a quoted term.
const termMaxBytes = 400

// termQuoteAt reads a quoted term starting exactly at s[i:]: it returns the
// text between the quotes (surrounding space trimmed) and the offset just
// after the closing quote.
func termQuoteAt(s string, i int) (term string, end int, ok bool) {
	for _, q := range termQuotePairs {
		if !strings.HasPrefix(s[i:], q.open) {
			continue
		}
		from := i + len(q.open)
		limit := min(len(s), from+termMaxBytes)
		best, bestLen := -1, 0
		for _, c := range q.close {
			j := strings.Index(s[from:limit], c)
			if j >= 0 && (best < 0 || j < best) {
				best, bestLen = j, len(c)
			}
		}
		if best < 0 {
			return "", 0, false
		}
		inner := s[from : from+best]
		if strings.ContainsAny(inner, "\n") {
			return "", 0, false
		}
		t := strings.TrimFunc(inner, unicode.IsSpace)
		if t == "" {
			return "", 0, false
		}
		return t, from + best + bestLen, true
	}
	return "", 0, false
}

// termFolded is a text folded for matching (lower case, no Arabic diacritics
// or tatweel, ’ as '), with a map back to the original byte offsets.
type termFolded struct {
	s   string
	f2o []int // f2o[i]: offset in the original of folded byte i; len(s)+1 entries
}

// termFoldMap folds s for matching, keeping the offset map.
func termFoldMap(s string) termFolded {
	var b strings.Builder
	f2o := make([]int, 0, len(s)+1)
	for i, r := range s {
		switch {
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
			continue
		case r == '’' || r == 'ʼ':
			r = '\''
		case r == '\u00a0' || r == '\u202f' || r == '\u2009':
			r = ' '
		default:
			r = unicode.ToLower(r)
		}
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			f2o = append(f2o, i)
		}
	}
	f2o = append(f2o, len(s))
	return termFolded{s: b.String(), f2o: f2o}
}

// termIntroducers are the words that stand before a defined term instead
// of a verb after it (On entend par « … », Por "…" se entenderá, يقصد
// بتعبير ”…“), folded; the definition may follow the terms directly.
var termIntroducers = []string{
	"on entend par", "on entend, par", "se entenderá por", "se entiende por", "por",
	"يقصد بتعبير", "يقصد بعبارة", "يقصد بمصطلح", "يقصد بكلمة", "يقصد ب",
}

// termLeadIns may stand before a defined term that a verb still has to
// define (the term "…" means, 本公约所称“…”是指).
var termLeadIns = []string{
	"l'expression", "le terme", "les termes", "el término", "la expresión",
	"the term", "the terms", "the expression", "под термином", "под", "термин",
	"本公约所称", "本条所称", "所称", "术语",
}

// termDefVerbs are the defining verbs that follow the term, folded; weak verbs
// are used only when no strong one is found (“Confiscation”, which
// includes forfeiture, shall mean…).
var termDefVerbs = []string{
	"系指", "是指", "意指", "指的是", "应指", "一词指",
	"shall mean", "means", "mean", "shall have the meaning", "has the meaning", "shall refer to", "refers to", "is defined as", "shall be defined as",
	"désigne", "désignent", "s'entend", "s'entendent", "signifie", "signifient",
	"se entenderá", "se entenderán", "se entiende", "se entienden", "significa", "significan", "designa", "designan",
	"означает", "означают", "обозначает", "обозначают", "понимается", "понимаются",
	"يعني", "تعني", "يعنى", "يقصد بها", "يقصد به", "يقصد",
}

var termWeakVerbs = []string{"shall include", "includes", "include", "comprend", "comprennent", "incluye", "comprende", "включает", "يشمل", "تشمل", "包括"}

// termConnectors may join two quoted terms defined together.
var termConnectors = []string{"或者", "以及", "或", "和", "及", "or", "and", "ou", "et", "o", "u", "y", "e", "или", "и", "أو", "او", "و"}

// termVerbWindow is how many bytes after the terms the defining verb is looked
// for: room for an inserted clause (“没收”，在适用情况下亦包括充公，系指).
const termVerbWindow = 400

// ParseDefinition reads a definition at the start of a unit's text:
// one or more quoted terms, then a defining verb (“电子数据”系指…, "Electronic
// data" means…, ”البيانات الإلكترونية“ تعني…, «…» означает…), or an
// introducer, then the terms (On entend par « … » …, Por "…" se entenderá…,
// يقصد بتعبير ”…“…). Quotation marks may be any of “…” ”…“ "…" “…" « … »
// „…“ 「…」; the terms are exactly what stands between them, surrounding
// space trimmed. def is what follows the verb, its final punctuation
// removed. ok is false when text does not start with a definition. lang is
// a hint only: the patterns of every language are tried.
func ParseDefinition(text, lang string) (terms []string, def string, ok bool) {
	_ = lang
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	f := termFoldMap(text)
	// the first quotation mark, within a short prefix
	first := -1
	for i, r := range f.s {
		if i > 160 {
			break
		}
		if _, _, ok := termQuoteAt(text, f.f2o[i]); ok && termIsQuoteStart(r) {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, "", false
	}
	prefix := strings.TrimFunc(f.s[:first], func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '،' })
	intro := false
	if prefix != "" {
		ends := func(p string) bool {
			return strings.HasSuffix(prefix, p) && (len(prefix) == len(p) || !termLetterBefore(prefix, len(prefix)-len(p)))
		}
		leadIn := false
		for _, p := range termIntroducers {
			if ends(p) {
				intro = true
				break
			}
		}
		for _, p := range termLeadIns {
			if !intro && ends(p) {
				leadIn = true
				break
			}
		}
		if !intro && !leadIn {
			return nil, "", false
		}
	}
	// the quoted terms and the termConnectors between them
	pos := f.f2o[first] // in text
	for {
		t, end, ok := termQuoteAt(text, pos)
		if !ok {
			break
		}
		terms = append(terms, t)
		pos = end
		next, more := termSkipConnector(text, pos)
		if !more {
			break
		}
		pos = next
	}
	if len(terms) == 0 {
		return nil, "", false
	}
	rest := text[pos:]
	fr := termFoldMap(rest)
	window := fr.s
	if len(window) > termVerbWindow {
		window = window[:termVerbWindow]
	}
	if k := strings.IndexAny(window, ";；。؛\n"); k >= 0 {
		window = window[:k]
	}
	at, vlen := termFindVerb(window, termDefVerbs)
	if at < 0 && !intro {
		at, vlen = termFindVerb(window, termWeakVerbs)
	}
	if intro && at >= 0 && strings.TrimSpace(window[:at]) != "" {
		at = -1 // after an introducer, only a verb right after the terms counts
	}
	switch {
	case at >= 0:
		def = rest[fr.f2o[at+vlen]:]
	case intro:
		def = rest
	default:
		return nil, "", false
	}
	return terms, termCleanDefinition(def), true
}

// termIsQuoteStart reports whether r can open a quoted term.
func termIsQuoteStart(r rune) bool {
	switch r {
	case '`', '“', '”', '„', '«', '"', '「', '『', '‹', '‘', '《':
		return true
	}
	return false
}

// termLetterBefore reports whether the rune before byte i of s is a letter.
func termLetterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) && !termIsHan(r)
}

// termSkipConnector skips the punctuation and conjunction after a quoted term
// (“冻结”或“扣押”, "freezing" or "seizure", « gel » ou « saisie »); it
// reports whether another quoted term follows.
func termSkipConnector(text string, pos int) (int, bool) {
	i := pos
	skipSpace := func() {
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) && r != ',' && r != '，' && r != '、' && r != '،' {
				break
			}
			i += size
		}
	}
	skipSpace()
	for _, c := range termConnectors {
		if strings.HasPrefix(text[i:], c) {
			j := i + len(c)
			r, _ := utf8.DecodeRuneInString(text[j:])
			if !termIsHan([]rune(c)[0]) && unicode.IsLetter(r) {
				continue // a longer word
			}
			i = j
			break
		}
	}
	skipSpace()
	if i < len(text) {
		if _, _, ok := termQuoteAt(text, i); ok {
			r, _ := utf8.DecodeRuneInString(text[i:])
			if termIsQuoteStart(r) {
				return i, true
			}
		}
	}
	return pos, false
}

// termFindVerb returns the folded offset and length of the first verb of the
// list in window, on word boundaries (Han verbs anywhere); the longest
// wins at equal offsets.
func termFindVerb(window string, verbs []string) (int, int) {
	best, blen := -1, 0
	for _, v := range verbs {
		for from := 0; from < len(window); {
			k := strings.Index(window[from:], v)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			han := termIsHan([]rune(v)[0])
			if !han {
				if termLetterBefore(window, k) {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(window[k+len(v):]); unicode.IsLetter(r) && !termIsHan(r) {
					continue
				}
			}
			if best < 0 || k < best || (k == best && len(v) > blen) {
				best, blen = k, len(v)
			}
			break
		}
	}
	return best, blen
}

// termTrailingConj are the conjunctions that close an item of a list after its
// semicolon: ；以及 ; and ; or ؛ و.
var termTrailingConj = []string{"以及", "或者", "和", "或", "and", "or", "et", "ou", "y", "o", "и", "или", "و", "أو"}

// termCleanDefinition trims a definition: leading space and punctuation,
// a closing conjunction after a semicolon and the final stop or semicolon.
func termCleanDefinition(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '，' || r == '،' || r == ':' || r == '：' || r == '-' || r == '—'
	})
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for _, c := range termTrailingConj {
		if strings.HasSuffix(s, c) {
			t := strings.TrimRightFunc(s[:len(s)-len(c)], unicode.IsSpace)
			if strings.HasSuffix(t, ";") || strings.HasSuffix(t, "；") || strings.HasSuffix(t, "؛") || strings.HasSuffix(t, ",") {
				s = t
				break
			}
		}
	}
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ';' || r == '；' || r == '؛' || r == '。' || r == '.'
	})
}

// Definitions harvests the terms a document defines: every unit whose
// text starts with a definition (see ParseDefinition), in document order.
// The definition text takes in the unit's sub-units, each after its label
// (“服务提供商”系指以下任何公共或私营实体：(一) …；或 (二) …).
func Definitions(d *segment.Document) []Definition {
	var out []Definition
	d.Walk(func(u *segment.Unit) bool {
		terms, _, ok := ParseDefinition(u.Text, d.Lang)
		if !ok {
			return true
		}
		// the definition is cut again from the whole subtree text
		_, def, _ := ParseDefinition(termSubtreeText(u), d.Lang)
		out = append(out, Definition{Addr: u.Addr, Lang: d.Lang, Terms: terms, Text: def, Line: u.Line})
		return false
	})
	return out
}

// termSubtreeText is a unit's text followed by its sub-units (label and text)
// and its tail, joined by spaces.
func termSubtreeText(u *segment.Unit) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(u.Text))
	var walk func(us []*segment.Unit)
	walk = func(us []*segment.Unit) {
		for _, c := range us {
			b.WriteByte(' ')
			if c.Label != "" {
				b.WriteString(c.Label)
				b.WriteByte(' ')
			}
			b.WriteString(strings.TrimSpace(c.Text))
			walk(c.Children)
			if t := strings.TrimSpace(c.Tail); t != "" {
				b.WriteByte(' ')
				b.WriteString(t)
			}
		}
	}
	walk(u.Children)
	if t := strings.TrimSpace(u.Tail); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	return b.String()
}
