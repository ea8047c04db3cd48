package sentence

import (
	"strings"
	"unicode/utf8"
)

// Span is one sentence or clause: the bytes text[Start:End] of the text it
// was cut from. A span includes the whitespace that follows it.
type Span struct{ Start, End int }

// Sentences splits text, written in lang ("ar", "zh", "en", "fr", "ru", "es";
// a region suffix such as "zh-Hans" is ignored, an unknown code gets the
// English rules), into sentences. The spans are contiguous and cover text
// exactly; see the package documentation for the rules.
func Sentences(text, lang string) []Span {
	return split(text, rulesFor(lang), false)
}

// Clauses splits text, written in lang, into clauses: every sentence
// boundary is also a clause boundary, so text may be one sentence or a whole
// unit. The spans are contiguous and cover text exactly; see the package
// documentation for the rules.
func Clauses(text, lang string) []Span {
	return split(text, rulesFor(lang), true)
}

// scanner walks the text once, rune by rune, and cuts it.
type scanner struct {
	s       string
	lr      *langRules
	clauses bool
	regs    []region // outermost matched pairs, in order
	ri      int      // next region not yet entered
	protEnd int      // end of the protected pair the scan is in (or behind)
	pending int      // end of a parenthetical that may be followed by a cut (zh)
	start   int      // start of the current span
	sent    int      // start of the current sentence
	seg     int      // start of the current clause segment: after the last mark
	spans   []Span
}

func split(s string, lr *langRules, clauses bool) []Span {
	if s == "" {
		return nil
	}
	var rbuf [16]region
	sc := scanner{s: s, lr: lr, clauses: clauses, pending: -1}
	sc.regs = findRegions(s, lr.script, rbuf[:0])
	sc.spans = make([]Span, 0, 1+len(s)/estimateSpanBytes(clauses))
	n := len(s)
	han := lr.script == scriptHan
	marks := &markByte
	if clauses {
		marks = &clauseByte
	}
	for i := 0; i < n; {
		for sc.ri < len(sc.regs) && sc.regs[sc.ri].start <= i {
			rg := sc.regs[sc.ri]
			sc.ri++
			if rg.start == i && clauses && han && i >= sc.protEnd {
				sc.parenthetical(rg)
			}
			if rg.end > sc.protEnd {
				sc.protEnd = rg.end
			}
		}
		if i == sc.pending {
			sc.pending = -1
			if q, ok := sc.afterParenthetical(i); ok {
				i = q
				continue
			}
		}
		// skip to the next byte that may start a mark, a pair or a pending cut
		limit := n
		if sc.ri < len(sc.regs) {
			limit = sc.regs[sc.ri].start
		}
		if sc.pending > i && sc.pending < limit {
			limit = sc.pending
		}
		for i < limit && !marks[s[i]] {
			i++
		}
		if i == limit {
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '.', '!', '?', ',', ';', ':':
				i = sc.ascii(i)
			case '\n':
				i = sc.lineLabel(i)
			default:
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '。', '！', '？', '｡', '؟':
			i = sc.stop(i + w)
		case '，', '；', '：', '،', '؛', '﹐', '﹔', '﹕':
			i = sc.clauseMark(i, i+w, r)
		case '…':
			i = sc.ellipsis(i)
		default:
			i += w
		}
	}
	if sc.start < n {
		sc.spans = append(sc.spans, Span{sc.start, n})
	}
	return sc.spans
}

// markByte marks the bytes that may start a stop or a clause mark: the
// ASCII marks and the lead bytes of … 。 ！ ， ； ： ？ ｡ ﹐ ، ؛ ؟.
var markByte = func() (t [256]bool) {
	for _, c := range []byte(".!?,;:\xd8\xe2\xe3\xef") {
		t[c] = true
	}
	return t
}()

// clauseByte is markByte and the line break, before which a list label
// starts a clause.
var clauseByte = func() [256]bool {
	t := markByte
	t['\n'] = true
	return t
}()

// estimateSpanBytes is the typical length of a span, to size the result.
func estimateSpanBytes(clauses bool) int {
	if clauses {
		return 40
	}
	return 120
}

// cutAt ends the current span at p, extended over the whitespace that
// follows, unless p is inside a protected pair or nothing would be cut. It
// returns where the scan goes on.
func (sc *scanner) cutAt(p int) (int, bool) {
	if p < sc.protEnd || p <= sc.start {
		return p, false
	}
	q := skipSpace(sc.s, p)
	if q >= len(sc.s) {
		return q, true // the last span ends at the end anyway
	}
	sc.spans = append(sc.spans, Span{sc.start, q})
	sc.start, sc.seg = q, q
	return q, true
}

// endSentence is cutAt for a sentence boundary: it also moves the start of
// the current sentence, which sentence decisions (list labels) look at, so
// that Clauses cuts wherever Sentences does.
func (sc *scanner) endSentence(p int) (int, bool) {
	q, ok := sc.cutAt(p)
	if ok {
		sc.sent = q
	}
	return q, ok
}

func skipSpace(s string, p int) int {
	for p < len(s) {
		c := s[p]
		if c < utf8.RuneSelf {
			if c == ' ' || c >= '\t' && c <= '\r' {
				p++
				continue
			}
			return p
		}
		r, w := utf8.DecodeRuneInString(s[p:])
		if !isSpace(r) {
			return p
		}
		p += w
	}
	return p
}

// regionAt returns the index of the region that starts at p, or -1.
func (sc *scanner) regionAt(p int) int {
	for k := sc.ri; k < len(sc.regs); k++ {
		if st := sc.regs[k].start; st >= p {
			if st == p {
				return k
			}
			return -1
		}
	}
	return -1
}

// closers moves p over what may follow a stop and still belong to its
// sentence: closing quotes and brackets (an ambiguous quote only where it
// opens no pair), superscript footnote marks, and a short bracketed note or
// footnote number such as [暂定] or [1].
func (sc *scanner) closers(p int) int {
	s := sc.s
	for p < len(s) {
		if e := sc.noteAt(p); e > p {
			p = e
			continue
		}
		if sc.regionAt(p) >= 0 {
			return p
		}
		r, w := utf8.DecodeRuneInString(s[p:])
		if isSpace(r) {
			if q := sc.noteLine(p); q > p {
				p = q
				continue
			}
			if r == '\n' {
				return p
			}
			// French spacing: « C'est fini. »
			q := skipHSpaceAll(s, p)
			if q < len(s) && (strings.HasPrefix(s[q:], "»") || strings.HasPrefix(s[q:], "›")) && sc.regionAt(q) < 0 {
				p = q
				continue
			}
			return p
		}
		if !isCloser(r) {
			return p
		}
		if r == '\'' && p+1 < len(s) && isWord(rune(s[p+1])) {
			return p // an apostrophe: 'tis
		}
		p += w
	}
	return p
}

// note moves p over a short bracketed note right after a clause mark
// (条约，[暂定]) or alone on the rest of the line after it.
func (sc *scanner) note(p int) int {
	if e := sc.noteAt(p); e > p {
		return e
	}
	return sc.noteLine(p)
}

// noteAt returns the end of a short bracketed note ([暂定] [1]) that
// starts at p, or p.
func (sc *scanner) noteAt(p int) int {
	if p < len(sc.s) && sc.s[p] == '[' {
		if k := sc.regionAt(p); k >= 0 {
			if rg := sc.regs[k]; rg.end-rg.start <= 32 && !hasStop(sc.s[rg.start:rg.end]) {
				return rg.end
			}
		}
	}
	return p
}

// noteLine returns the end of a short bracketed note that stands after
// whitespace at p and ends its line (or the text), or p: a status mark
// printed on its own line belongs to the text before it.
func (sc *scanner) noteLine(p int) int {
	q := skipSpace(sc.s, p)
	e := sc.noteAt(q)
	if e == q {
		return p
	}
	if f := skipHSpace(sc.s, e); f == len(sc.s) || sc.s[f] == '\n' || sc.s[f] == '\r' {
		return e
	}
	return p
}

// skipHSpaceAll skips spaces other than line breaks.
func skipHSpaceAll(s string, p int) int {
	for p < len(s) {
		r, w := utf8.DecodeRuneInString(s[p:])
		if r == '\n' || !isSpace(r) {
			return p
		}
		p += w
	}
	return p
}

func hasStop(s string) bool {
	for _, r := range s {
		switch r {
		case '.', '!', '?', '。', '！', '？', '؟':
			return true
		}
	}
	return false
}

// stop handles an unambiguous full stop that ends at p: more stops and
// ellipses, then closers, then the cut.
func (sc *scanner) stop(p int) int {
	s := sc.s
	for p < len(s) {
		r, w := utf8.DecodeRuneInString(s[p:])
		switch r {
		case '。', '！', '？', '｡', '؟', '!', '?', '…', '.', '．':
			p += w
			continue
		}
		break
	}
	p = sc.closers(p)
	q, _ := sc.endSentence(p)
	return q
}

// ellipsis handles … or ... at i. Chinese: a sentence end when the line or
// text ends after it (and its closers). Other scripts: a sentence end when a
// capital follows.
func (sc *scanner) ellipsis(i int) int {
	s := sc.s
	p := i
	for p < len(s) {
		if s[p] == '.' {
			p++
			continue
		}
		if p+3 <= len(s) && s[p:p+3] == "…" {
			p += 3
			continue
		}
		break
	}
	if p < len(s) {
		r, _ := utf8.DecodeRuneInString(s[p:])
		switch r {
		case '。', '！', '？', '｡', '!', '?', '؟':
			return sc.stop(p)
		}
	}
	e := sc.closers(p)
	if sc.lr.script == scriptHan {
		q := skipHSpace(s, e)
		if q == len(s) || s[q] == '\n' || s[q] == '\r' {
			q, _ = sc.endSentence(e)
			return q
		}
		return p
	}
	if e < len(s) && !startsSpace(s[e:]) {
		return p
	}
	if nx := sc.nextWord(e); nx == nextUpper || nx == nextLabel || nx == nextUncased {
		q, _ := sc.endSentence(e)
		return q
	}
	return p
}

func skipHSpace(s string, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isSpace(r)
}

// ascii handles . ! ? , ; : at i.
func (sc *scanner) ascii(i int) int {
	s := sc.s
	c := s[i]
	if sc.lr.script == scriptHan && sc.cjkContext(i) {
		switch c {
		case '.', '!', '?':
			return sc.stop(i + 1)
		default:
			return sc.clauseMark(i, i+1, rune(c))
		}
	}
	switch c {
	case '.':
		if i+1 < len(s) && s[i+1] == '.' {
			return sc.ellipsis(i)
		}
		return sc.period(i)
	case '!', '?':
		return sc.bang(i)
	}
	return sc.latinClause(i)
}

// cjkContext reports whether the ASCII mark at i stands between Chinese
// text and so counts as its full-width form. Never inside numbers (1,000
// 3.5 10:30) or URLs; a period only after a Han character or a closing
// mark and before Han text or the end of a line.
func (sc *scanner) cjkContext(i int) bool {
	s := sc.s
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	if i+1 >= len(s) {
		next = '\n'
	}
	if isDigit(prev) && isDigit(next) {
		return false
	}
	switch s[i] {
	case '.':
		if !isHan(prev) && !isCJKPunct(prev) {
			return false
		}
		return next == '\n' || next == '\r' || isCJK(next)
	case ':':
		if next == '/' {
			return false
		}
	}
	return isCJK(prev) || isCJK(next)
}

// clauseMark handles a clause mark (，；：،؛ or an ASCII mark in Chinese)
// at i that ends at p.
func (sc *scanner) clauseMark(i, p int, r rune) int {
	seg := sc.seg
	sc.seg = p
	if !sc.clauses {
		return p
	}
	switch r {
	case '，', ',', '﹐', '،':
		if sc.lr.script == scriptHan {
			if isNumberComma(sc.s, i, p) || isDateSegment(sc.s[seg:i]) || isConnective(sc.s[seg:i]) {
				return p
			}
		} else if fewWords(sc.s[seg:i], 2) {
			return p
		}
	}
	p = sc.note(p)
	if r == '；' || r == ';' || r == '؛' || r == '﹔' {
		p = sc.trailingConj(p)
	}
	q, _ := sc.cutAt(p)
	return q
}

// isNumberComma reports a full-width comma used as a thousands separator:
// 1，000.
func isNumberComma(s string, i, p int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !isDigit(prev) {
		return false
	}
	k := 0
	for p+k < len(s) && k < 4 && s[p+k] >= '0' && s[p+k] <= '9' {
		k++
	}
	return k == 3
}

// fewWords reports fewer than max words in s.
func fewWords(s string, max int) bool {
	k := 0
	in := false
	for _, r := range s {
		if isWord(r) {
			if !in {
				if k++; k >= max {
					return false
				}
				in = true
			}
		} else if r != '-' && r != '\'' && r != '’' {
			in = false
		}
	}
	return true
}

// latinClause handles , ; : at i outside Chinese text: a clause boundary
// when whitespace or the end follows (never inside numbers), not after
// e.g., i.e., nor after a lone opening word (However,).
func (sc *scanner) latinClause(i int) int {
	s := sc.s
	p := i + 1
	if p < len(s) && !startsSpace(s[p:]) {
		return p
	}
	if !sc.clauses {
		return p
	}
	seg := sc.seg
	if s[i] == ',' {
		if i > 0 && s[i-1] == '.' {
			ts := sc.tokenStart(i - 1)
			if sc.lr.abbrev[s[ts:i-1]] == abbrevInside {
				return p // e.g., i.e., belong to what follows
			}
		}
		sc.seg = p
		if fewWords(s[seg:i], 2) {
			return p
		}
	}
	sc.seg = p
	if s[i] == ';' {
		p = sc.trailingConj(p)
	}
	q, _ := sc.cutAt(p)
	return q
}

// bang handles ! or ? at i outside Chinese text.
func (sc *scanner) bang(i int) int {
	s := sc.s
	p := i + 1
	for p < len(s) && (s[p] == '!' || s[p] == '?' || s[p] == '.') {
		p++
	}
	e := sc.closers(p)
	if e < len(s) && !startsSpace(s[e:]) {
		return p
	}
	if sc.nextWord(e) == nextLower {
		return p
	}
	q, _ := sc.endSentence(e)
	return q
}

// period handles a single . at i outside Chinese text.
func (sc *scanner) period(i int) int {
	s := sc.s
	e := sc.closers(i + 1)
	if e < len(s) && !startsSpace(s[e:]) {
		return i + 1 // 3.5, e.g, www.un.org, U.S.
	}
	ts := sc.tokenStart(i)
	if !sc.periodEnds(ts, i, e) {
		return i + 1
	}
	q, _ := sc.endSentence(e)
	return q
}

// tokenStart returns where the word before the period at i starts: after
// whitespace or an opening quote or bracket, at most 40 bytes back.
func (sc *scanner) tokenStart(i int) int {
	s := sc.s
	j := i
	for j > 0 && i-j < 40 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if (r == ':' || r == ',') && j < i && isDigit(rune(s[j])) {
			j -= w // 18:00 1,000
			continue
		}
		if isSpace(r) || r != '.' && r != '\'' && r != '’' && r != '-' && r != '°' && r != '/' && !isWord(r) {
			break
		}
		j -= w
	}
	return j
}

// periodEnds decides whether the period after s[ts:i] ends a sentence;
// e is where the text after it (and its closers) starts.
func (sc *scanner) periodEnds(ts, i, e int) bool {
	s := sc.s
	tok := s[ts:i]
	if tok == "" {
		return sc.nextWord(e) != nextLower
	}
	if isLabelToken(tok) && sc.labelPlace(ts) {
		return false
	}
	if sc.lr.script == scriptHan {
		// Chinese ends sentences with 。; an ASCII period after Han text or a
		// number is a label or a heading (第5条. 1. 三.).
		last, _ := utf8.DecodeLastRuneInString(tok)
		if !isUpper(last) && !isLower(last) || isNumberToken(tok) {
			return false
		}
	}
	kind := sc.lr.abbrev[tok]
	if sc.lr.script == scriptCyril && (tok == "п" || tok == "д") && strings.HasSuffix(s[:ts], "т. ") {
		kind = abbrevEnd // и т. п., и т. д.
	}
	if kind == abbrevNumber {
		kind = abbrevInside
		if prevTokenIsNumber(s, ts) {
			kind = abbrevEnd
		}
	}
	nx := sc.nextWord(e)
	if kind == abbrevNone {
		switch {
		case isNumberToken(tok) || isRoman(tok):
			// a number or a roman numeral: a sentence end after "paragraph"
			// or "to", a paragraph label after a heading or a comma.
			switch {
			case nx == nextLower:
				return false
			case nx == nextEnd || sc.lr.script == scriptArabic:
				return true
			}
			return sc.afterNumNoun(ts)
		case isInitial(tok):
			kind = abbrevInside
		case isDottedAcronym(tok):
			kind = abbrevEnd
		}
	}
	switch kind {
	case abbrevInside:
		return false
	case abbrevEnd:
		if nx == nextUpper || nx == nextUncased {
			// an abbreviation before a parenthesis goes on: S.A. (ARSAT)
			p := skipSpace(s, e)
			return p >= len(s) || s[p] != '('
		}
		return nx == nextEnd || nx == nextLabel
	}
	return nx != nextLower
}

// isNumberToken reports a small number or a dotted one: 7 21 1.2 IV.2.
func isNumberToken(tok string) bool {
	if len(tok) == 0 || len(tok) > 8 || tok[0] == '.' {
		return false
	}
	run := 0
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c >= '0' && c <= '9':
			if run++; run > 3 {
				return false
			}
		case c == '.':
			run = 0
		default:
			return false
		}
	}
	return true
}

// isRoman reports an uppercase roman numeral of at most six letters.
func isRoman(tok string) bool {
	if len(tok) == 0 || len(tok) > 6 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case 'I', 'V', 'X', 'L', 'C':
		default:
			return false
		}
	}
	return true
}

// afterNumNoun reports whether the word before ts is one that a number
// follows at a sentence end: a lowercase noun such as paragraph or annex,
// or a word such as to or and.
func (sc *scanner) afterNumNoun(ts int) bool {
	s := sc.s
	j := ts
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == ts || j == 0 {
		return false
	}
	end := j
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !isWord(r) && r != '°' && r != '№' {
			break
		}
		j -= w
	}
	word := s[j:end]
	if word == "" {
		return false // after a comma, a colon, a bracket: a label
	}
	// "paragraph 7." ends a sentence; a number after a date or another
	// number (11 March 2015 3.) or after a capitalised heading word
	// (Recommendations 7.) is a label.
	first, _ := utf8.DecodeRuneInString(word)
	if isLower(first) {
		return sc.lr.isNumNoun(word)
	}
	// a capitalised noun after a lowercase word: in Article 2.
	if !isUpper(first) || !sc.lr.isNumNoun(strings.ToLower(word)) {
		return false
	}
	k := j
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k == j {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:k])
	return isLower(prev)
}

// isInitial reports a single cased letter: an initial (J. R. R. Tolkien)
// or a one-letter abbreviation (p. п.).
func isInitial(tok string) bool {
	r, w := utf8.DecodeRuneInString(tok)
	return w == len(tok) && (isUpper(r) || isLower(r))
}

// isDottedAcronym reports U.S, S.A, т.д: letters with inner periods.
func isDottedAcronym(tok string) bool {
	dot := false
	for _, r := range tok {
		if r == '.' {
			dot = true
		} else if !isUpper(r) && !isLower(r) {
			return false
		}
	}
	return dot
}

// isLabelToken reports what numbers a paragraph: 1 12 1.2 IV iv a.
func isLabelToken(tok string) bool {
	if len(tok) == 0 || len(tok) > 8 {
		return false
	}
	digits, roman := true, true
	for _, r := range tok {
		if !(isDigit(r) || r == '.') {
			digits = false
		}
		switch r {
		case 'I', 'V', 'X', 'L', 'C', 'i', 'v', 'x', 'l', 'c':
		default:
			roman = false
		}
	}
	if digits {
		return tok[0] != '.' && len(tok) <= 7
	}
	return roman || isInitial(tok)
}

// labelPlace reports whether a token starting at ts stands where a list
// label stands: at the start of the current sentence, or after a colon,
// semicolon or line break, a Markdown bullet or another label.
func (sc *scanner) labelPlace(ts int) bool {
	s := sc.s
	j := ts
	for j > sc.sent {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		switch {
		case r == '\n' || r == ':' || r == ';' || r == '：' || r == '；':
			return true
		case isSpace(r) || r == '-' || r == '*' || r == '•' || r == '–':
			j -= w
			continue
		}
		return false
	}
	return true
}

func prevTokenIsNumber(s string, ts int) bool {
	j := ts
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == ts && ts > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:j])
		if !isSpace(r) {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return isDigit(r)
}

// Kinds of text that follow a possible sentence end.
const (
	nextEnd     = iota // end of text
	nextLower          // a lowercase letter
	nextUpper          // an uppercase letter
	nextDigit          // a digit
	nextUncased        // a letter of a script without case (Han, Arabic)
	nextLabel          // a list label: (a) (iv) (أ) ’1’
	nextOther          // anything else
)

// nextWord classifies what starts after the whitespace at e, looking
// through opening quotes and brackets.
func (sc *scanner) nextWord(e int) int {
	s := sc.s
	p := skipSpace(s, e)
	if p >= len(s) {
		return nextEnd
	}
	if k := sc.regionAt(p); k >= 0 && isLabelRegion(s[sc.regs[k].start:sc.regs[k].end]) {
		return nextLabel
	}
	if isBareLabel(s[p:]) {
		return nextLabel
	}
	for p < len(s) {
		r, w := utf8.DecodeRuneInString(s[p:])
		switch {
		case isOpenPunct(r):
			p += w
			continue
		case isLower(r):
			return nextLower
		case isUpper(r):
			return nextUpper
		case isDigit(r):
			return nextDigit
		case isWord(r):
			return nextUncased
		}
		return nextOther
	}
	return nextOther
}

// isLabelRegion reports a bracketed or quoted list label: (a) (iv) (12)
// (أ) ’1’ (一).
func isLabelRegion(s string) bool {
	_, w := utf8.DecodeRuneInString(s)
	_, wl := utf8.DecodeLastRuneInString(s)
	if w+wl > len(s) {
		return false
	}
	return isLabelContent(s[w : len(s)-wl])
}

// isLabelContent reports the inside of a list label: at most four letters
// or digits of one kind (a, iv, 12, أ, 一, 十二).
func isLabelContent(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if n > 4 || !(isWord(r) && !isHan(r) || isHanNumeral(r)) {
			return false
		}
	}
	return n > 0
}

func isHanNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '〇', '零', '百':
		return true
	}
	return false
}

// isBareLabel reports a paragraph label without an opening bracket at the
// start of s: 2. 12) b) ii) 8 - (Arabic).
func isBareLabel(s string) bool {
	k := 0
	digits := true
	for k < len(s) && k < 5 {
		c := s[k]
		if c >= '0' && c <= '9' {
			k++
			continue
		}
		if c >= 'a' && c <= 'z' {
			digits = false
			k++
			continue
		}
		break
	}
	if k == 0 || k >= len(s) {
		return false
	}
	rest := s[k:]
	switch {
	case rest[0] == ')':
		return digits || k <= 2 || isRoman(strings.ToUpper(s[:k]))
	case digits && k <= 3 && rest[0] == '.':
		return len(rest) > 1 && rest[1] == ' '
	case digits && k <= 3 && strings.HasPrefix(rest, " - "):
		return true
	}
	return false
}

// lineLabel handles a line break at i in clause mode: a list label at the
// start of the next line (- (a) (一) ’1’ 2. b)) starts a clause.
func (sc *scanner) lineLabel(i int) int {
	s := sc.s
	p := skipHSpace(s, i+1)
	if p+1 < len(s) && (s[p] == '-' || s[p] == '*') && s[p+1] == ' ' {
		p = skipHSpace(s, p+1)
	}
	if k := sc.regionAt(p); k >= 0 && isLabelRegion(s[p:sc.regs[k].end]) {
		// not a cross-reference that a page break split: 之间\n(a)项所述
		next, _ := utf8.DecodeRuneInString(s[sc.regs[k].end:])
		if !(isSpace(next) || isHan(next) && !crossRef(next)) {
			return i + 1
		}
	} else if !isBareLabel(s[p:]) {
		return i + 1
	}
	if onlyLabel(s[sc.start:i]) {
		return i + 1 // 9.\na) …: a label line stays with the next one
	}
	q, _ := sc.cutAt(i + 1)
	return q
}

// onlyLabel reports text that is nothing but list labels and bullets:
// "9. ", "- (a) ".
func onlyLabel(s string) bool {
	fields := 0
	for s != "" {
		k := 0
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r') {
			k++
		}
		s = s[k:]
		k = 0
		for k < len(s) && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r' {
			k++
		}
		f := s[:k]
		s = s[k:]
		if f == "" || f == "-" || f == "*" || f == "•" {
			continue
		}
		if fields++; fields > 2 || !isLabelRegion(f) && !isBareLabel(f+" ") {
			return false
		}
	}
	return fields > 0
}

// listConj are the conjunctions that end a list item after its semicolon:
// "…通信；或" / "…; or" then the next item on a new line.
var listConj = map[string]bool{
	"或": true, "或者": true, "以及": true, "和": true, "及": true, "并": true, "并且": true,
	"and": true, "or": true, "et": true, "ou": true, "y": true, "o": true, "e": true, "u": true,
	"и": true, "или": true, "либо": true, "أو": true, "و": true,
}

// trailingConj moves p, just after a semicolon, over a conjunction that
// ends the line (or the text): it belongs to the list item it follows.
func (sc *scanner) trailingConj(p int) int {
	s := sc.s
	q := skipHSpace(s, p)
	k := q
	for k < len(s) && k-q < 12 {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !isWord(r) {
			break
		}
		k += w
	}
	if k == q || !listConj[s[q:k]] {
		return p
	}
	k = sc.note(k)
	if e := skipHSpace(s, k); e == len(s) || s[e] == '\n' || s[e] == '\r' {
		return k
	}
	return p
}
