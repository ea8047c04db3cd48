package office

import (
	"strconv"
	"strings"
	"unicode"

	"concord/corpora/input"
)

// The readers of .docx, .odt and HTML turn a document into a list of
// paragraphs whose pieces carry their tracked-change state, and render
// either view of it (changes rejected or accepted) as the plain text the
// parser reads: one paragraph a line, a blank line between paragraphs,
// list labels printed, footnotes at the end.

// view selects a side of the tracked changes.
type view int

const (
	viewOld view = iota // every change rejected
	viewNew             // every change accepted
)

// rev is the tracked-change state of a piece of text or a paragraph mark.
type rev uint8

const (
	revNone rev = iota // in both views
	revIns             // inserted (or moved here): new view only
	revDel             // deleted (or moved away): old view only
)

// revOf is the change state of text read inside del deletions and ins
// insertions; ok is false for text inserted and then deleted, which is in
// neither view.
func revOf(del, ins bool) (r rev, ok bool) {
	switch {
	case del && ins:
		return revNone, false
	case del:
		return revDel, true
	case ins:
		return revIns, true
	}
	return revNone, true
}

// in reports whether something with change state r is there in view v.
func (r rev) in(v view) bool {
	return r == revNone || (r == revIns && v == viewNew) || (r == revDel && v == viewOld)
}

// span is a piece of a paragraph: text, or a note reference.
type span struct {
	text string
	rev  rev
	note *note // a footnote or endnote reference; text is its custom mark, if any
}

// note is a footnote or endnote body.
type note struct {
	mark  string // a custom mark printed instead of the number
	paras []*para
	num   [2]int // its number in each view, by order of reference; 0 before it is referenced, -1 if it has a mark
}

// para is a paragraph of the source.
type para struct {
	spans []span
	mark  rev        // the paragraph mark's change state: a missing mark joins the paragraph to the next
	num   [2]*numRef // list numbering in the old and new view; nil: none
	after []*para    // paragraphs of text boxes anchored in this one, read after it

	// The text of the last span grows in a builder (repeated string
	// concatenation took time in the square of the paragraph's length);
	// grown is the span it holds, plus one (0: none).
	grow  strings.Builder
	grown int
	line  [2]int // bytes in each view since the last line end
}

// add appends text to the paragraph, merging with the last span.
func (p *para) add(text string, r rev) {
	if text == "" {
		return
	}
	for _, v := range [2]view{viewOld, viewNew} {
		if r.in(v) {
			if i := strings.LastIndexAny(text, "\n\x00"); i >= 0 {
				p.line[v] = len(text) - i - 1
			} else {
				p.line[v] += len(text)
			}
		}
	}
	n := len(p.spans)
	if n == 0 || p.spans[n-1].rev != r || p.spans[n-1].note != nil {
		p.spans = append(p.spans, span{text: text, rev: r})
		return
	}
	last := &p.spans[n-1]
	if p.grown != n || p.grow.Len() != len(last.text) {
		p.grow = strings.Builder{} // the old one's text stays in the spans
		p.grow.WriteString(last.text)
		p.grown = n
	}
	p.grow.WriteString(text)
	last.text = p.grow.String() // no copy: the builder only appends
}

// tooLong reports whether a line of the paragraph is already longer than
// input.MaxLineBytes in either view, so that a reader can refuse the
// document while reading it rather than after.
func (p *para) tooLong() bool {
	return max(p.line[0], p.line[1]) > input.MaxLineBytes
}

// lineError is the error for a paragraph with a line over the limit;
// where names the place in the source.
func lineError(file, where string) error {
	return input.Errorf(file, "%s: a paragraph has a line longer than the limit of %d bytes (%d MiB)",
		where, input.MaxLineBytes, input.MaxLineBytes>>20)
}

// empty reports whether a paragraph has nothing that could show in either
// view: no text, no note, no number, no text box, no tracked mark.
func (p *para) empty() bool {
	if p.mark != revNone || p.num[0] != nil || p.num[1] != nil || len(p.after) > 0 {
		return false
	}
	for _, s := range p.spans {
		if s.note != nil || strings.TrimFunc(s.text, unicode.IsSpace) != "" {
			return false
		}
	}
	return true
}

// paraCounter refuses documents with more than maxParagraphs paragraphs.
type paraCounter struct{ n int }

// keep reports whether p is worth keeping, and counts it.
func (c *paraCounter) keep(file string, p *para) (bool, error) {
	if p.empty() {
		return false, nil
	}
	if c.n++; c.n > maxParagraphs {
		return false, input.Errorf(file, "more than %d paragraphs", maxParagraphs)
	}
	if p.tooLong() {
		return false, lineError(file, "paragraph "+strconv.Itoa(c.n))
	}
	return true, nil
}

// endPara ends paragraph p of a flow whose open text boxes sit in the
// paragraphs outer: the innermost of these is returned, to be the current
// paragraph again, and p, when kept, goes after it, or to sink when p is
// not in a text box.
func endPara(p *para, keep bool, outer, sink *[]*para) *para {
	var o *para
	if k := len(*outer); k > 0 {
		o = (*outer)[k-1]
		*outer = (*outer)[:k-1]
	}
	switch {
	case !keep:
	case o != nil:
		o.after = append(o.after, p)
	default:
		*sink = append(*sink, p)
	}
	return o
}

// views is a document read for rendering.
type views struct {
	paras []*para
}

// text renders one view of the document and checks the result as [input.Decode]
// checks a text file (not blank, no overlong line).
func (v *views) text(name string, which view) (string, error) {
	auto := 0
	r := &renderer{view: which, lab: newLabeler(), auto: &auto}
	r.paras(v.paras, "\n\n")
	for i := 0; i < len(r.notes); i++ { // notes may be added while rendering notes
		n := r.notes[i]
		body := &renderer{view: which, lab: r.lab, notes: r.notes, auto: &auto}
		body.paras(n.paras, "\n")
		r.notes = body.notes
		r.sep("\n\n")
		if n.mark != "" {
			r.b.WriteString(n.mark)
		} else {
			r.b.WriteString(superscript(n.num[which]))
		}
		if t := strings.TrimSpace(body.b.String()); t != "" {
			r.b.WriteByte(' ')
			r.b.WriteString(t)
		}
	}
	if r.b.Len() > 0 {
		r.b.WriteByte('\n')
	}
	out := r.b.String()
	if err := input.CheckText(name, out); err != nil {
		if strings.TrimFunc(out, input.IsBlank) == "" {
			return "", input.Errorf(name, "no text: the document holds no paragraph with text")
		}
		return "", err
	}
	return out, nil
}

// renderer writes one view of a list of paragraphs.
type renderer struct {
	view  view
	lab   *labeler
	notes []*note // notes in order of first reference
	auto  *int    // notes numbered automatically so far
	b     strings.Builder
}

// sep writes a paragraph separator unless nothing was written yet.
func (r *renderer) sep(s string) {
	if r.b.Len() > 0 {
		r.b.WriteString(s)
	}
}

// paras renders paragraphs, joining those whose mark is missing in the
// view to the next one, and writes each non-empty result as one line
// (or more, for line breaks inside it) separated by sep.
func (r *renderer) paras(ps []*para, sep string) {
	var group []*para
	for i, p := range ps {
		group = append(group, p)
		if !p.mark.in(r.view) && i+1 < len(ps) {
			continue
		}
		r.group(group, sep)
		group = group[:0]
	}
}

// group renders paragraphs that form one paragraph in the view.
func (r *renderer) group(group []*para, sep string) {
	var text strings.Builder
	var num *numRef
	numSet := false
	for _, p := range group {
		start := text.Len()
		for _, s := range p.spans {
			if !s.rev.in(r.view) {
				continue
			}
			if s.note != nil {
				n := s.note
				if n.num[r.view] == 0 {
					r.notes = append(r.notes, n)
					n.num[r.view] = -1
					if n.mark == "" {
						*r.auto++
						n.num[r.view] = *r.auto
					}
				}
				if s.text != "" {
					text.WriteString(s.text)
				} else {
					text.WriteString(superscript(n.num[r.view]))
				}
				continue
			}
			text.WriteString(s.text)
		}
		// The joined paragraph is numbered as its first part with text,
		// or as its last part if none has any.
		if !numSet && strings.TrimFunc(text.String()[start:], input.IsBlank) != "" {
			num, numSet = p.num[r.view], true
		}
	}
	if !numSet {
		num = group[len(group)-1].num[r.view]
	}
	label := r.lab.label(num)
	body := cleanPara(text.String())
	if label != "" || body != "" {
		r.sep(sep)
		if label != "" {
			r.b.WriteString(label)
			if body != "" {
				r.b.WriteString(num.sep())
			}
		}
		r.b.WriteString(body)
	}
	for _, p := range group {
		if len(p.after) > 0 {
			r.paras(p.after, sep)
		}
	}
}

// cleanPara trims a paragraph, removes the spaces at the ends of the lines
// inside it and drops empty lines, so that a line break never makes a
// blank line that would split the paragraph.
func cleanPara(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimRightFunc(l, unicode.IsSpace); strings.TrimFunc(l, unicode.IsSpace) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

var superDigits = [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}

// superscript writes n in superscript digits: 12 → ¹².
func superscript(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for _, c := range s {
		b.WriteRune(superDigits[c-'0'])
	}
	return b.String()
}

// superscriptDigits turns the ASCII digits of s into superscript digits if
// s is made of digits (and spaces) only; otherwise it returns s.
func superscriptDigits(s string) string {
	if strings.TrimFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) != "" || s == "" {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		b.WriteRune(superDigits[c-'0'])
	}
	return b.String()
}

// isWide reports whether r is an East Asian wide or full-width character
// (CSS Text 3 removes a line break between two of them).
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) || (r >= 0xFFE0 && r <= 0xFFE6)
}
