// Package segment holds concord's document model and everything that turns
// text into it: the numbering grammars of the six UN languages and of Chinese
// law, negotiation-status marks, page-break joining, and the splitting of
// unit text into sentences, clauses and words.
//
// Every later stage (alignment, revision diffs, terminology, consistency
// checks) reads the same [Document]: a tree of [Unit] values, each with a
// canonical address that is identical in every language version of a text,
// the source line where it starts, and its text with formatting noise and
// status marks removed. Nothing in the input is silently dropped: every
// non-blank character lands in a unit field, a recorded mark, the document's
// [Document.Markup] or a [Warning].
package segment

import (
	"fmt"
	"strings"
)

// Kind says what a unit is.
type Kind string

// The kinds of unit that the parsers produce.
const (
	KindTitle        Kind = "title"        // the title block before the first structural unit
	KindPreamble     Kind = "preamble"     // the preamble: chapeau in Text, closing formula in Tail
	KindRecital      Kind = "recital"      // one preambular paragraph
	KindPart         Kind = "part"         // 编 / Part
	KindChapter      Kind = "chapter"      // 章 / Chapter
	KindSection      Kind = "section"      // 节 / Section
	KindSubsection   Kind = "subsection"   // a division below a section (ETS "Title 1")
	KindArticle      Kind = "article"      // 条 / Article
	KindParagraph    Kind = "paragraph"    // 1. / 1 - / an unnumbered 款 of a law
	KindSubparagraph Kind = "subparagraph" // (a) / a) / (أ)
	KindItem         Kind = "item"         // (i) / (一) / ’1’
	KindSubitem      Kind = "subitem"      // 1. under a law's item (目)
	KindAnnex        Kind = "annex"        // 附件一 / Annex I
	KindClosing      Kind = "closing"      // 兹由…以昭信守 / IN WITNESS WHEREOF
	KindFootnote     Kind = "footnote"     // ¹ …
	KindBlock        Kind = "block"        // a paragraph of text that has no numbering at all
)

// Status is the negotiation status of a unit, read from marks such as
// [暂定]. The empty status means the unit carries no mark (still open).
type Status string

// The statuses concord knows.
const (
	StatusOpen     Status = ""         // no mark
	StatusAdRef    Status = "ad-ref"   // agreed ad referendum (暂定)
	StatusInformal Status = "informal" // agreed in informal consultations (非正式会议商定)
)

// Mark is one status mark as printed in the source.
type Mark struct {
	Line   int    // 1-based source line of the mark
	Raw    string // the mark as printed, brackets included: "[暂定]"
	Status Status // what the mark means
}

// Unit is one addressed node of a document.
type Unit struct {
	Addr     string  // canonical address: "art.2.f.ii", identical across languages
	Kind     Kind    // what the unit is
	Label    string  // the label as printed: "第 40 条", "9.", "(b)", "(一)"
	Heading  string  // article, chapter or section title, marks removed
	Text     string  // the unit's own text before its children, marks removed
	Tail     string  // text after the children that still belongs to the unit
	Status   Status  // negotiation status from the unit's mark, if any
	Line     int     // 1-based source line where the unit starts
	Marks    []Mark  // the status marks attributed to this unit, as printed
	Children []*Unit // sub-units in document order
	Parent   *Unit   `json:"-"` // nil for a top-level unit

	ord      int       // the number the label carries
	sub      int       // 之一 → 1
	law      bool      // a law's article: unnumbered lines are paragraphs (款)
	implicit bool      // the article's paragraphs are implicit (unnumbered 款)
	buf      [2][]byte // Text and Tail while the parser collects them
}

// Span is a piece of source text that the parser kept out of the units
// because it is formatting, not content: Markdown list marks and heading
// hashes, label separators, link targets, hyphens undone at a line end.
type Span struct {
	Line int    // 1-based source line
	Text string // the characters as printed
	Why  string // a short reason: "markdown", "separator", "link", "hyphen"
}

// Warning is something the parser could not place or found suspicious. It
// names the file and line; Text holds any source characters that were set
// aside instead of placed in a unit.
type Warning struct {
	File    string // the document's name, as given to the parser
	Line    int    // 1-based source line
	Message string // what is wrong, in plain words
	Text    string // source characters that landed here rather than in a unit
}

// String formats the warning as file:line: message.
func (w Warning) String() string {
	if w.File == "" {
		return fmt.Sprintf("line %d: %s", w.Line, w.Message)
	}
	return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
}

// Document is a parsed text: its language and its tree of units.
type Document struct {
	Name     string    // file name or other label used in warnings
	Lang     string    // ISO 639-1 code: zh, ar, en, fr, ru, es
	Units    []*Unit   // top-level units in document order
	Warnings []Warning // problems found while parsing, in line order
	Markup   []Span    // formatting kept out of the units, in line order
}

// Walk calls fn for every unit of the document in document order (a unit
// before its children). If fn returns false, Walk does not descend into that
// unit's children.
func (d *Document) Walk(fn func(u *Unit) bool) {
	var walk func([]*Unit)
	walk = func(us []*Unit) {
		for _, u := range us {
			if fn(u) {
				walk(u.Children)
			}
		}
	}
	walk(d.Units)
}

// Find returns the unit with the given address, or nil.
func (d *Document) Find(addr string) *Unit {
	var found *Unit
	d.Walk(func(u *Unit) bool {
		if found != nil {
			return false
		}
		if u.Addr == addr {
			found = u
			return false
		}
		return strings.HasPrefix(addr, u.Addr+".") || u.Kind == KindChapter || u.Kind == KindPart ||
			u.Kind == KindSection || u.Kind == KindSubsection
	})
	return found
}

// AllUnits returns every unit of the document in document order.
func (d *Document) AllUnits() []*Unit {
	var out []*Unit
	d.Walk(func(u *Unit) bool { out = append(out, u); return true })
	return out
}

// Count returns how many units of each kind the document has.
func (d *Document) Count() map[Kind]int {
	m := map[Kind]int{}
	d.Walk(func(u *Unit) bool { m[u.Kind]++; return true })
	return m
}

// Warnf records a warning at a line.
func (d *Document) Warnf(line int, text, format string, args ...any) {
	d.Warnings = append(d.Warnings, Warning{File: d.Name, Line: line, Message: fmt.Sprintf(format, args...), Text: text})
}
