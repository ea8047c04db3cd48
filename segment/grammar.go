package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// marker is a structural label found at the start of a line: 第 40 条,
// Article 5, 1., (a), (一), ’1’ and so on.
type marker struct {
	kind   Kind
	ord    int     // the number the label carries: 40, 1, 2 (b), 3 (iii)
	sub    int     // 之一 → 1 for articles inserted into a Chinese law
	labEnd int     // end of the label in the normalised line
	rest   int     // start of the rest of the line (after any separator)
	sep    bool    // a separator (". ", ":", " - ") stood between label and rest
	tight  bool    // 第一百二十八 条侦查…: text follows 条 with no space
	alt    *marker // another reading of the same label: (i) as letter or numeral
}

// superscripts maps footnote-mark characters to digits.
var superscripts = map[rune]int{'⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9}

// divisionWords are the words that introduce numbered divisions in each
// language, lower-cased.
var divisionWords = map[string][]struct {
	word string
	kind Kind
}{
	"en": {{"article", KindArticle}, {"chapter", KindChapter}, {"part", KindPart}, {"section", KindSection}, {"title", KindSubsection}},
	"fr": {{"article", KindArticle}, {"chapitre", KindChapter}, {"partie", KindPart}, {"section", KindSection}, {"titre", KindSubsection}},
	"es": {{"artículo", KindArticle}, {"capítulo", KindChapter}, {"parte", KindPart}, {"sección", KindSection}, {"título", KindSubsection}},
	"ru": {{"статья", KindArticle}, {"глава", KindChapter}, {"часть", KindPart}, {"раздел", KindSection}},
	"ar": {{"المادة", KindArticle}, {"الفصل", KindChapter}, {"الباب", KindPart}, {"الجزء", KindPart}},
}

// ordinalWords are spelled-out ordinals used as division numbers
// (Chapitre premier, الفصل الأول, المادة الأولى), longest first so that
// الأولى is not read as الأول and a stray ى.
var ordinalWords = func() []ordinalWord {
	ws := []ordinalWord{
		{"premier", 1}, {"première", 1}, {"primero", 1}, {"primera", 1}, {"первая", 1}, {"первый", 1},
		{"الأول", 1}, {"الثاني", 2}, {"الثالث", 3}, {"الرابع", 4}, {"الخامس", 5}, {"السادس", 6},
		{"السابع", 7}, {"الثامن", 8}, {"التاسع", 9}, {"العاشر", 10}, {"الحادي عشر", 11}, {"الثاني عشر", 12},
		{"الأولى", 1}, {"الثانية", 2}, {"الثالثة", 3}, {"الرابعة", 4}, {"الخامسة", 5}, {"السادسة", 6},
		{"السابعة", 7}, {"الثامنة", 8}, {"التاسعة", 9}, {"العاشرة", 10},
	}
	sort.Slice(ws, func(i, j int) bool {
		if len(ws[i].word) != len(ws[j].word) {
			return len(ws[i].word) > len(ws[j].word)
		}
		return ws[i].word < ws[j].word
	})
	return ws
}()

type ordinalWord struct {
	word string
	ord  int
}

// insertionSuffixes number articles inserted between two others: Article 36
// bis is art.36-1, as 第三十六条之一 is.
var insertionSuffixes = []string{"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"}

// endsWord reports whether position i of s ends a word (end of text, space
// or punctuation).
func endsWord(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// annexWords open an annex (附件一, Annex II).
var annexWords = []string{"附件", "annex", "annexe", "anexo", "приложение", "المرفق"}

// preambleWords are the headings that open a preamble.
var preambleWords = []string{"序言", "preamble", "préambule", "preámbulo", "преамбула", "الديباجة"}

// closingStarts open the closing formula of a treaty.
var closingStarts = []string{"兹由", "in witness whereof", "en foi de quoi", "en fe de lo cual", "в удостоверение чего", "وإثباتا لذلك", "وإثباتاً لذلك"}

// matchMarker finds the structural label at the start of a line, if any.
// A label whose number is beyond MaxNumber is none: the line is text, with
// a warning, so that two huge numbers never make one address.
func (p *parser) matchMarker(ln *srcLine) (marker, bool) {
	m, ok := p.findMarker(ln)
	if ok && (m.ord > MaxNumber || m.sub > MaxNumber) {
		label := ln.text.orig[:ln.text.origAt(m.labEnd)]
		if m.labEnd == 0 {
			label = ln.text.orig
		}
		p.doc.Warnf(ln.num, "", "number of %q beyond %d: the line is read as text, not as a label", clipRunes(label, 40), MaxNumber)
		return marker{}, false
	}
	return m, ok
}

// clipRunes cuts s to n runes, marking the cut.
func clipRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// findMarker finds the structural label at the start of a line, if any.
func (p *parser) findMarker(ln *srcLine) (marker, bool) {
	s := ln.text.norm
	if s == "" {
		return marker{}, false
	}
	r0, _ := utf8.DecodeRuneInString(ln.text.orig)
	if _, ok := superscripts[r0]; ok { // ¹ footnote text
		ord, n := 0, 0
		for n < len(ln.text.orig) {
			r, size := utf8.DecodeRuneInString(ln.text.orig[n:])
			d, ok := superscripts[r]
			if !ok {
				break
			}
			ord = min(ord*10+d, MaxNumber+1)
			n += size
		}
		// find the normalised offset that corresponds to orig offset n
		ne := 0
		for ne < len(s) && ln.text.origAt(ne) < n {
			ne++
		}
		return marker{kind: KindFootnote, ord: ord, labEnd: ne, rest: skipSpace(s, ne)}, true
	}
	lower := s
	if p.lang != "zh" {
		lower = strings.ToLower(s)
	}
	for _, w := range closingStarts {
		if strings.HasPrefix(lower, w) {
			return marker{kind: KindClosing, ord: 1}, true
		}
	}
	if p.lang == "zh" && strings.Contains(ln.text.orig, "以昭信守") && !isListStart(s) {
		return marker{kind: KindClosing, ord: 1}, true
	}
	for _, w := range preambleWords {
		if strings.HasPrefix(lower, w) {
			end := len(w)
			if end == len(s) || s[end] == ' ' || s[end] == '\t' {
				return marker{kind: KindPreamble, ord: 1, labEnd: end, rest: skipSpace(s, end)}, true
			}
		}
	}
	for _, w := range annexWords {
		if strings.HasPrefix(lower, w) {
			i := skipSpace(s, len(w))
			ord, n := ParseDigits(s[i:])
			if n == 0 {
				ord, n = ParseChineseNumber(s[i:])
			}
			if n == 0 {
				word := s[i:]
				if k := strings.IndexAny(word, " \t.:-"); k >= 0 {
					word = word[:k]
				}
				if v, ok := RomanValue(word); ok {
					ord, n = v, len(word)
				}
			}
			end := i + n
			if n == 0 {
				ord, end = 1, len(w)
			}
			if end == len(s) || (ln.heading && (s[end] == ' ' || s[end] == '\t')) {
				return marker{kind: KindAnnex, ord: ord, labEnd: end, rest: skipSpace(s, end)}, true
			}
		}
	}
	if m, ok := matchZhDivision(s); ok {
		return m, true
	}
	if m, ok := matchWordDivision(p.lang, s, lower); ok {
		return m, true
	}
	return matchList(p.lang, s)
}

func isListStart(s string) bool {
	_, ok := matchList("zh", s)
	return ok
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// matchZhDivision matches 第…编/章/节/条 with Arabic or Chinese numerals,
// and 第…条之… for articles inserted into a law.
func matchZhDivision(s string) (marker, bool) {
	if !strings.HasPrefix(s, "第") {
		return marker{}, false
	}
	i := skipSpace(s, len("第"))
	ord, n := ParseDigits(s[i:])
	if n == 0 {
		ord, n = ParseChineseNumber(s[i:])
	}
	if n == 0 {
		return marker{}, false
	}
	i = skipSpace(s, i+n)
	r, size := utf8.DecodeRuneInString(s[i:])
	var kind Kind
	switch r {
	case '编':
		kind = KindPart
	case '章':
		kind = KindChapter
	case '节':
		kind = KindSection
	case '条':
		kind = KindArticle
	default:
		return marker{}, false
	}
	i += size
	m := marker{kind: kind, ord: ord}
	if kind == KindArticle && strings.HasPrefix(s[i:], "之") {
		if sub, n := ParseChineseNumber(s[i+len("之"):]); n > 0 {
			m.sub = sub
			i += len("之") + n
		}
	}
	m.labEnd = i
	// what follows the label: end of line, a space, or a separator
	j := skipSpace(s, i)
	if j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '.' || r == ':' || r == '、' || r == '-':
			m.sep = true
			j = skipSpace(s, j+size)
		case j == i && kind == KindArticle:
			// 第十条规定… is usually a sentence that cites an article; only
			// the next article's number makes it a label (see accept)
			m.tight = true
		}
	}
	m.rest = j
	return m, true
}

// matchWordDivision matches Article 5, CHAPTER II, Chapitre premier,
// Статья 3, المادة 2: … in the document's language.
func matchWordDivision(lang, s, lower string) (marker, bool) {
	first, _ := utf8.DecodeRuneInString(s)
	for _, dw := range divisionWords[lang] {
		if !strings.HasPrefix(lower, dw.word) {
			continue
		}
		if unicode.IsLower(first) {
			continue // "article 5 of this Convention…" continues a sentence
		}
		i := len(dw.word)
		if i < len(s) && s[i] != ' ' && s[i] != '\t' {
			continue
		}
		i = skipSpace(s, i)
		ord, n := ParseDigits(s[i:])
		if n == 0 {
			// a Roman numeral or a spelled-out ordinal
			word := s[i:]
			if k := strings.IndexAny(word, " \t.:-–—"); k >= 0 {
				word = word[:k]
			}
			if v, ok := RomanValue(word); ok && strings.ToUpper(word) == word {
				ord, n = v, len(word)
			} else {
				rest := strings.ToLower(s[i:])
				for _, w := range ordinalWords {
					if strings.HasPrefix(rest, w.word) && endsWord(rest, len(w.word)) {
						ord, n = w.ord, len(w.word)
						break
					}
				}
			}
		}
		if n == 0 {
			continue
		}
		i += n
		if strings.HasPrefix(s[i:], "er") && lang == "fr" { // 1er
			i += 2
		}
		m := marker{kind: dw.kind, ord: ord, labEnd: i}
		if dw.kind == KindArticle { // Article 36 bis
			k := skipSpace(s, i)
			for sub, suf := range insertionSuffixes {
				if strings.HasPrefix(strings.ToLower(s[k:]), suf) && endsWord(s, k+len(suf)) {
					m.sub, i = sub+1, k+len(suf)
					m.labEnd = i
					break
				}
			}
		}
		j := skipSpace(s, i)
		if j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if strings.ContainsRune(".:-–—", r) {
				m.sep = true
				j = skipSpace(s, j+size)
			} else if j == i {
				continue // "Article5x": not a label
			}
		}
		m.rest = j
		return m, true
	}
	return marker{}, false
}

// matchList matches paragraph, subparagraph and item labels: 1. / 1 - ,
// (a) / a) / (أ), (i) / i) / (一) / ’1’.
func matchList(lang string, s string) (marker, bool) {
	// numbered paragraph: 1. or 1 - (Arabic texts)
	if v, n := ParseDigits(s); n > 0 && v > 0 && v < 1000 {
		i := skipSpace(s, n)
		if i < len(s) && s[i] == '.' && (i+1 == len(s) || DigitValue(rune(s[i+1])) < 0) && i == n {
			return listMarker(KindParagraph, v, i+1, s, lang == "zh")
		}
		if i > n && i < len(s) && (s[i] == '-' || strings.HasPrefix(s[i:], "–")) {
			_, size := utf8.DecodeRuneInString(s[i:])
			if j := i + size; j == len(s) || s[j] == ' ' {
				return listMarker(KindParagraph, v, j, s, lang == "zh")
			}
		}
		return marker{}, false
	}
	// Arabic items ’1’
	if r, size := utf8.DecodeRuneInString(s); r == '’' || r == '‘' || r == '\'' {
		if v, n := ParseDigits(s[size:]); n > 0 && v > 0 {
			r2, size2 := utf8.DecodeRuneInString(s[size+n:])
			if r2 == '’' || r2 == '‘' || r2 == '\'' {
				return listMarker(KindItem, v, size+n+size2, s, lang == "zh")
			}
		}
		return marker{}, false
	}
	open := strings.HasPrefix(s, "(")
	inner := s
	if open {
		inner = s[1:]
	}
	closeAt := strings.IndexByte(inner, ')')
	if closeAt <= 0 || closeAt > 16 {
		return marker{}, false
	}
	tok := inner[:closeAt]
	end := closeAt + 1
	if open {
		end++
	}
	if !open && lang == "zh" { // zh uses (a) and (一) only
		return marker{}, false
	}
	if v, n := ParseChineseNumber(tok); n == len(tok) && open && v > 0 {
		return listMarker(KindItem, v, end, s, lang == "zh")
	}
	var m marker
	var found bool
	tokL := strings.TrimSuffix(tok, "ـ") // Arabic tatweel: (هـ)
	if r, size := utf8.DecodeRuneInString(tokL); size == len(tokL) && letterOrdinal(r) > 0 && !unicode.IsUpper(r) {
		m, found = listMarker(KindSubparagraph, letterOrdinal(r), end, s, lang == "zh")
	}
	if v, ok := RomanValue(tok); ok && strings.ToLower(tok) == tok {
		rm, ok := listMarker(KindItem, v, end, s, lang == "zh")
		if ok {
			if found {
				m.alt = &rm
			} else {
				m, found = rm, true
			}
		}
	}
	return m, found
}

// listMarker builds a list marker whose label ends at end, checking that the
// label is followed by a space, the end of the line, a capital or a
// non-Latin letter. Chinese needs no space after a label.
func listMarker(kind Kind, ord, end int, s string, zh bool) (marker, bool) {
	if zh && end < len(s) {
		// (a)项, (一)目, 1款: a cross-reference cut by a page break, not a label
		if r, _ := utf8.DecodeRuneInString(s[end:]); strings.ContainsRune("项款目条段", r) {
			return marker{}, false
		}
	}
	if end < len(s) && !zh {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if r != ' ' && r != '\t' && (r < 0x80 || unicode.Is(unicode.Latin, r)) && r != '(' && r != '"' && !unicode.IsUpper(r) {
			return marker{}, false
		}
	}
	return marker{kind: kind, ord: ord, labEnd: end, rest: skipSpace(s, end)}, true
}
