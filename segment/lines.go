package segment

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// srcLine is one source line after formatting noise and status marks have
// been taken out of it.
type srcLine struct {
	num     int      // 1-based line number
	text    normText // the content, trimmed, with its NFKC form
	marks   []Mark   // status marks found on the line, in order
	heading bool     // the line was a Markdown heading (#…)
	raw     string   // the line as read, without its line end
	markup  []Span   // formatting taken out of the line
	warns   []Warning
}

func (l *srcLine) blank() bool { return l.text.orig == "" }

// prepLine strips Markdown noise, status marks and a trailing stray bracket
// from one line. Everything it strips is recorded on the line (markup, marks
// or a warning) for the parser to hand to the document when it reaches the
// line, so nothing is lost. It has no side effects: lines can be prepared
// ahead and in parallel.
func (p *parser) prepLine(raw string, num int) srcLine {
	ln := srcLine{num: num, raw: raw}
	s := strings.TrimSpace(raw)
	markup := func(t, why string) {
		if strings.TrimSpace(t) != "" {
			ln.markup = append(ln.markup, Span{Line: num, Text: t, Why: why})
		}
	}
	if strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") {
		markup(s, "comment")
		return ln
	}
	if strings.HasPrefix(s, "#") {
		n := 0
		for n < len(s) && s[n] == '#' {
			n++
		}
		if n <= 6 {
			markup(s[:n], "markdown")
			s = strings.TrimSpace(s[n:])
			ln.heading = true
		}
	}
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		markup(s[:1], "markdown")
		s = strings.TrimSpace(s[2:])
	}
	if strings.Contains(s, "**") {
		markup(strings.Repeat("*", 2*strings.Count(s, "**")), "markdown")
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "](") {
		s = stripLinks(s, func(t string) { markup(t, "link") })
	}
	if strings.IndexByte(s, '[') >= 0 || strings.Contains(s, "［") || strings.Contains(s, "【") {
		s = p.takeMarks(s, num, &ln.marks)
	}
	s = strings.TrimSpace(s)
	if t, ok := strayOpenBracket(s); ok {
		ln.warns = append(ln.warns, Warning{File: p.doc.Name, Line: num, Text: s[len(t):],
			Message: fmt.Sprintf("unmatched %q at the end of the line set aside", s[len(t):])})
		s = strings.TrimSpace(t)
	}
	ln.text = newNormText(s)
	return ln
}

// line returns source line i (0-based) prepared. The parser holds a
// window of prepared lines, and the lines before the one being placed
// (p.cur) are dropped when the window moves on: the prepared source never
// takes more memory than a window, whatever the length of the text.
// Looking ahead (nextMarker) may widen the window past blank lines.
//
// A long text is prepared ahead on a goroutine of its own (see
// startPrep) while the parser places the lines before; a short one a
// window of prepWindow lines at a time, when the parser reaches it.
func (p *parser) line(i int) *srcLine {
	if end := p.winStart + len(p.win); i >= end {
		keep := max(0, min(p.cur, end)-p.winStart) // lines before the current one are done
		n := copy(p.win, p.win[keep:])
		clear(p.win[n:])
		p.win, p.winStart = p.win[:n], p.winStart+keep
		if p.ready != nil {
			for p.winStart+len(p.win) <= i {
				chunk, ok := <-p.ready
				if !ok {
					panic(fmt.Sprintf("segment: line %d asked for past the end (%d lines)", i+1, len(p.src)))
				}
				p.win = append(p.win, chunk...)
			}
		} else {
			to := min(len(p.src), max(i+1, end+prepWindow))
			p.win = slices.Grow(p.win, to-end)
			for k := end; k < to; k++ {
				p.win = append(p.win, p.prepLine(p.src[k], k+1))
			}
		}
	}
	return &p.win[i-p.winStart]
}

// startPrep starts reading the source from its first line: for a long
// text (p.parallel), a goroutine prepares the lines in order, prepChunk
// at a time, and hands them on through p.ready, at most prepAhead chunks
// ahead of the parser, so that the preparation of lines runs beside their
// placing. stop ends the goroutine if the parser stops early.
func (p *parser) startPrep() (stop func()) {
	p.win, p.winStart, p.ready = nil, 0, nil
	if !p.parallel {
		return func() {}
	}
	ready := make(chan []srcLine, prepAhead)
	done := make(chan struct{})
	src := p.src
	go func() {
		defer close(ready)
		for from := 0; from < len(src); from += prepChunk {
			chunk := make([]srcLine, min(prepChunk, len(src)-from))
			for k := range chunk {
				chunk[k] = p.prepLine(src[from+k], from+k+1)
			}
			select {
			case ready <- chunk:
			case <-done:
				return
			}
		}
	}()
	p.ready = ready
	return sync.OnceFunc(func() { close(done) })
}

// The preparation of lines: from parallelPrepBytes of text on, lines are
// prepared ahead on a goroutine of their own, in chunks of prepChunk
// lines, at most prepAhead chunks ahead; a shorter text is prepared
// prepWindow lines at a time.
const (
	prepChunk  = 2048
	prepAhead  = 4
	prepWindow = 4 * prepChunk
)

// parallelPrepBytes is a variable so that a test can parse a long text
// both ways.
var parallelPrepBytes = 256 << 10

// take hands the markup and warnings of a line to the document.
func (p *parser) take(ln *srcLine) {
	p.doc.Markup = append(p.doc.Markup, ln.markup...)
	p.doc.Warnings = append(p.doc.Warnings, ln.warns...)
}

// stripLinks replaces Markdown links [text](target) by their text, handing
// the brackets and target to drop.
func stripLinks(s string, drop func(string)) string {
	var b strings.Builder
	for {
		mid := strings.Index(s, "](")
		if mid < 0 {
			break
		}
		open := strings.LastIndex(s[:mid], "[")
		end := closingParen(s, mid+2)
		if end < 0 {
			break // no link target closes anywhere after this point
		}
		if open < 0 || strings.ContainsAny(s[mid+2:end], " \t") {
			b.WriteString(s[:mid+2])
			s = s[mid+2:]
			continue
		}
		b.WriteString(s[:open])
		b.WriteString(s[open+1 : mid])
		drop("[")
		drop(s[mid : end+1])
		s = s[end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// closingParen returns the index of the ")" that closes a link target
// starting at i (targets may hold balanced parentheses: …/(1996)/…), or -1.
func closingParen(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

var bracketPairs = map[rune]rune{'[': ']', '［': '］', '【': '】'}

// takeMarks removes the status marks of the document's language from s and
// appends them to marks.
func (p *parser) takeMarks(s string, num int, marks *[]Mark) string {
	limit := p.marks.longest(p.lang) + 16
	var b strings.Builder
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		closeR, isOpen := bracketPairs[r]
		if !isOpen {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		j := i + size
		found := false
		for k := j; k < len(s) && k-j <= limit; {
			r2, sz2 := utf8.DecodeRuneInString(s[k:])
			if r2 == closeR || (r2 == ']' && closeR == '］') || (r2 == '］' && closeR == ']') {
				if st, ok := p.marks.lookup(p.lang, NFKC(s[j:k])); ok {
					*marks = append(*marks, Mark{Line: num, Raw: s[i : k+sz2], Status: st})
					i = k + sz2
					found = true
				}
				break
			}
			k += sz2
		}
		if !found {
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// strayOpenBracket reports an opening square bracket at the end of s that
// nothing closes (the L.15 draft's "以及[" in article 58) and returns s
// without it.
func strayOpenBracket(s string) (string, bool) {
	for _, open := range []string{"[", "［", "【"} {
		if strings.HasSuffix(s, open) {
			opens := strings.Count(s, "[") + strings.Count(s, "［") + strings.Count(s, "【")
			closes := strings.Count(s, "]") + strings.Count(s, "］") + strings.Count(s, "】")
			if opens > closes {
				return s[:len(s)-len(open)], true
			}
		}
	}
	return s, false
}

// closers may follow the punctuation that ends a sentence or clause.
const closers = "”’」』）)]》〉\"'»"

// terminal is punctuation that ends a sentence or a clause: a line ending in
// one of these is not continued by the next line.
const terminal = "。；：，.;:,!?！？؛،؟…"

// endsClause reports whether s ends a sentence or clause; s is a string,
// or the bytes of the text a unit is collecting, read without copying them.
func endsClause[T string | []byte](s T) bool {
	end := len(s)
	for end > 0 && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	for end > 0 {
		// the last rune lies in the last UTFMax bytes: only they are converted
		r, size := utf8.DecodeLastRuneInString(string(s[max(0, end-utf8.UTFMax):end]))
		if !strings.ContainsRune(closers, r) {
			return strings.ContainsRune(terminal, r)
		}
		end -= size
	}
	return false
}
