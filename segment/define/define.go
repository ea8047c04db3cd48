package define

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
	"concord/segment/words"
)

// Definition is a term that a document defines ("…" means …), harvested
// by Harvest.
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

// quotePairs lists the quotation marks a defined term may stand between,
// with the closing marks each opening mark admits (typographic quotes are
// often mismatched in converted texts). Longer openers come first.
var quotePairs = []struct {
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

// maxBytes bounds the length of a quoted term.
const maxBytes = 400

// quoteAt reads a quoted term starting exactly at s[i:]: it returns the
// text between the quotes (surrounding space trimmed) and the offset just
// after the closing quote.
func quoteAt(s string, i int) (term string, end int, ok bool) {
	for _, q := range quotePairs {
		if !strings.HasPrefix(s[i:], q.open) {
			continue
		}
		from := i + len(q.open)
		limit := min(len(s), from+maxBytes)
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

// folded is a text folded for matching (lower case, no Arabic diacritics
// or tatweel, ’ as '), with a map back to the original byte offsets.
type folded struct {
	s   string
	f2o []int // f2o[i]: offset in the original of folded byte i; len(s)+1 entries
}

// firstQuoteMax is how far into a unit's folded text the quotation mark
// that opens a definition may stand.
const firstQuoteMax = 160

// prefixOf returns the first n bytes of s or a little less, cut at a rune
// boundary: what Parse reads of a text, however long the text is (folding
// never makes a text longer than 4 bytes per byte).
func prefixOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// foldMap folds s for matching, keeping the offset map.
func foldMap(s string) folded {
	var b strings.Builder
	b.Grow(len(s))
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
	return folded{s: b.String(), f2o: f2o}
}

// introducers are the words that stand before a defined term instead
// of a verb after it (On entend par « … », Por "…" se entenderá, يقصد
// بتعبير ”…“), folded; the definition may follow the terms directly.
var introducers = []string{
	"on entend par", "on entend, par", "se entenderá por", "se entiende por", "por",
	"يقصد بتعبير", "يقصد بعبارة", "يقصد بمصطلح", "يقصد بكلمة", "يقصد ب",
}

// leadIns may stand before a defined term that a verb still has to
// define (the term "…" means, 本公约所称“…”是指).
var leadIns = []string{
	"l'expression", "le terme", "les termes", "el término", "la expresión",
	"the term", "the terms", "the expression", "под термином", "под", "термин",
	"本公约所称", "本条所称", "所称", "术语",
}

// defVerbs are the defining verbs that follow the term, folded; weak verbs
// are used only when no strong one is found (“Confiscation”, which
// includes forfeiture, shall mean…).
var defVerbs = []string{
	"系指", "是指", "意指", "指的是", "应指", "一词指",
	"shall mean", "means", "mean", "shall have the meaning", "has the meaning", "shall refer to", "refers to", "is defined as", "shall be defined as",
	"désigne", "désignent", "s'entend", "s'entendent", "signifie", "signifient",
	"se entenderá", "se entenderán", "se entiende", "se entienden", "significa", "significan", "designa", "designan",
	"означает", "означают", "обозначает", "обозначают", "понимается", "понимаются",
	"يعني", "تعني", "يعنى", "يقصد بها", "يقصد به", "يقصد",
}

var weakVerbs = []string{"shall include", "includes", "include", "comprend", "comprennent", "incluye", "comprende", "включает", "يشمل", "تشمل", "包括"}

// connectors may join two quoted terms defined together.
var connectors = []string{"或者", "以及", "或", "和", "及", "or", "and", "ou", "et", "o", "u", "y", "e", "или", "и", "أو", "او", "و"}

// verbWindow is how many bytes after the terms the defining verb is looked
// for: room for an inserted clause (“没收”，在适用情况下亦包括充公，系指).
const verbWindow = 400

// Parse reads a definition at the start of a unit's text:
// one or more quoted terms, then a defining verb (“电子数据”系指…, "Electronic
// data" means…, ”البيانات الإلكترونية“ تعني…, «…» означает…), or an
// introducer, then the terms (On entend par « … » …, Por "…" se entenderá…,
// يقصد بتعبير ”…“…). Quotation marks may be any of “…” ”…“ "…" “…" « … »
// „…“ 「…」; the terms are exactly what stands between them, surrounding
// space trimmed. def is what follows the verb, its final punctuation
// removed. ok is false when text does not start with a definition. lang is
// a hint only: the patterns of every language are tried.
func Parse(text, lang string) (terms []string, def string, ok bool) {
	_ = lang
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	head := prefixOf(text, 4*firstQuoteMax)
	if strings.IndexFunc(head, isQuoteStart) < 0 {
		return nil, "", false // most texts: no quotation mark near the start
	}
	f := foldMap(head)
	// the first quotation mark, within a short prefix
	first := -1
	for i, r := range f.s {
		if i > firstQuoteMax {
			break
		}
		if _, _, ok := quoteAt(text, f.f2o[i]); ok && isQuoteStart(r) {
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
			return strings.HasSuffix(prefix, p) && (len(prefix) == len(p) || !letterBefore(prefix, len(prefix)-len(p)))
		}
		leadIn := false
		for _, p := range introducers {
			if ends(p) {
				intro = true
				break
			}
		}
		for _, p := range leadIns {
			if !intro && ends(p) {
				leadIn = true
				break
			}
		}
		if !intro && !leadIn {
			return nil, "", false
		}
	}
	// the quoted terms and the connectors between them
	pos := f.f2o[first] // in text
	for {
		t, end, ok := quoteAt(text, pos)
		if !ok {
			break
		}
		terms = append(terms, t)
		pos = end
		next, more := skipConnector(text, pos)
		if !more {
			break
		}
		pos = next
	}
	if len(terms) == 0 {
		return nil, "", false
	}
	rest := text[pos:]
	fr := foldMap(prefixOf(rest, 4*verbWindow))
	window := fr.s
	if len(window) > verbWindow {
		window = window[:verbWindow]
	}
	if k := strings.IndexAny(window, ";；。؛\n"); k >= 0 {
		window = window[:k]
	}
	at, vlen := findVerb(window, defVerbs)
	if at < 0 && !intro {
		at, vlen = findVerb(window, weakVerbs)
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
	return terms, cleanDefinition(def), true
}

// isHan reports whether r is a Han character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isQuoteStart reports whether r can open a quoted term.
func isQuoteStart(r rune) bool {
	switch r {
	case '`', '“', '”', '„', '«', '"', '「', '『', '‹', '‘', '《':
		return true
	}
	return false
}

// letterBefore reports whether the rune before byte i of s is a letter.
func letterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) && !isHan(r)
}

// skipConnector skips the punctuation and conjunction after a quoted term
// (“冻结”或“扣押”, "freezing" or "seizure", « gel » ou « saisie »); it
// reports whether another quoted term follows.
func skipConnector(text string, pos int) (int, bool) {
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
	for _, c := range connectors {
		if strings.HasPrefix(text[i:], c) {
			j := i + len(c)
			r, _ := utf8.DecodeRuneInString(text[j:])
			if !isHan([]rune(c)[0]) && unicode.IsLetter(r) {
				continue // a longer word
			}
			i = j
			break
		}
	}
	skipSpace()
	if i < len(text) {
		if _, _, ok := quoteAt(text, i); ok {
			r, _ := utf8.DecodeRuneInString(text[i:])
			if isQuoteStart(r) {
				return i, true
			}
		}
	}
	return pos, false
}

// findVerb returns the folded offset and length of the first verb of the
// list in window, on word boundaries (Han verbs anywhere); the longest
// wins at equal offsets.
func findVerb(window string, verbs []string) (int, int) {
	best, blen := -1, 0
	for _, v := range verbs {
		for from := 0; from < len(window); {
			k := strings.Index(window[from:], v)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			han := isHan([]rune(v)[0])
			if !han {
				if letterBefore(window, k) {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(window[k+len(v):]); unicode.IsLetter(r) && !isHan(r) {
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

// trailingConj are the conjunctions that close an item of a list after its
// semicolon: ；以及 ; and ; or ؛ و.
var trailingConj = []string{"以及", "或者", "和", "或", "and", "or", "et", "ou", "y", "o", "и", "или", "و", "أو"}

// cleanDefinition trims a definition: leading space and punctuation,
// a closing conjunction after a semicolon and the final stop or semicolon.
func cleanDefinition(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '，' || r == '،' || r == ':' || r == '：' || r == '-' || r == '—'
	})
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for _, c := range trailingConj {
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

// Harvest collects the terms a document defines: every unit whose text
// starts with a definition (see Parse), in document order. The definition
// text takes in the unit's sub-units, each after its label
// (“服务提供商”系指以下任何公共或私营实体：(一) …；或 (二) …).
//
// A document of many top-level units is read on all CPUs, a run of
// top-level units at a time; the result is the same.
func Harvest(d *segment.Document) []Definition {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(d.Units) < harvestRun {
		return harvest(d.Units, d.Lang)
	}
	parts := make([][]Definition, (len(d.Units)+harvestRun-1)/harvestRun)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(parts)) {
		wg.Go(func() {
			for k := range next {
				parts[k] = harvest(d.Units[k*harvestRun:min(len(d.Units), (k+1)*harvestRun)], d.Lang)
			}
		})
	}
	for k := range parts {
		next <- k
	}
	close(next)
	wg.Wait()
	return slices.Concat(parts...)
}

// harvestRun is how many top-level units Harvest reads as one piece of
// work.
const harvestRun = 32

// harvest is Harvest on the units us of a document in language lang.
func harvest(us []*segment.Unit, lang string) []Definition {
	var out []Definition
	segment.Walk(us, func(u *segment.Unit, entering bool) segment.WalkStatus {
		if !entering {
			return segment.WalkContinue
		}
		terms, _, ok := Parse(u.Text, lang)
		if !ok {
			return segment.WalkContinue
		}
		// the definition is cut again from the whole subtree text
		_, def, _ := Parse(subtreeText(u), lang)
		out = append(out, Definition{Addr: u.Addr, Lang: lang, Terms: terms, Text: def, Line: u.Line})
		return segment.WalkSkipChildren
	})
	return out
}

// subtreeText is a unit's text followed by its sub-units (label and text)
// and its tail, joined by spaces.
func subtreeText(u *segment.Unit) string {
	var b strings.Builder
	segment.Walk([]*segment.Unit{u}, func(x *segment.Unit, entering bool) segment.WalkStatus {
		switch {
		case entering && x == u:
			b.WriteString(strings.TrimSpace(x.Text))
		case entering:
			b.WriteByte(' ')
			if x.Label != "" {
				b.WriteString(x.Label)
				b.WriteByte(' ')
			}
			b.WriteString(strings.TrimSpace(x.Text))
		default:
			if t := strings.TrimSpace(x.Tail); t != "" {
				b.WriteByte(' ')
				b.WriteString(t)
			}
		}
		return segment.WalkContinue
	})
	return b.String()
}

// Terms returns the terms that the documents written in lang define, in
// document order, each once: what a word segmenter must keep whole.
func Terms(docs []*segment.Document, lang string) []string {
	var defs []Definition
	for _, d := range docs {
		if langtag.Base(d.Lang) == langtag.Base(lang) {
			defs = append(defs, Harvest(d)...)
		}
	}
	return TermsIn(defs, lang)
}

// TermsIn returns the terms that the definitions in lang among defs (as
// Harvest gives them) define, in their order, each once: Terms for a
// caller that has harvested the documents already.
func TermsIn(defs []Definition, lang string) []string {
	var out []string
	seen := map[string]bool{}
	for _, df := range defs {
		if langtag.Base(df.Lang) != langtag.Base(lang) {
			continue
		}
		for _, t := range df.Terms {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// Segmenter returns a word segmenter that keeps the Chinese terms the
// documents define whole, on top of opt (its Terms are kept; with
// NoTreatyDict set, the defined terms are left out too, as the user asked
// for the plain dictionary). It is the one place where concord builds the
// segmenter its commands share.
func Segmenter(docs []*segment.Document, opt words.Options) (*words.Segmenter, error) {
	if !opt.NoTreatyDict {
		opt.Terms = append(slices.Clip(opt.Terms), Terms(docs, "zh")...)
	}
	return words.New(opt)
}
