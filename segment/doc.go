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
//
// Imports: segment/langtag.
package segment

import (
	"fmt"
	"iter"
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

// IsDivision reports whether units of kind k are divisions of a document,
// which group other units rather than hold text of their own: parts,
// chapters, sections, subsections, the preamble and annexes.
func (k Kind) IsDivision() bool {
	switch k {
	case KindPart, KindChapter, KindSection, KindSubsection, KindPreamble, KindAnnex:
		return true
	}
	return false
}

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
	// Num is the number the unit's label carries (17 for 第 17 条, 2 for
	// (b), 3 for (iii)), or its place among its siblings where the label
	// carries none; Sub numbers an article inserted after article Num of a
	// law (第一百二十条之一: Num 120, Sub 1), else 0. With the tree, they
	// make the address (see Document.Address).
	Num int
	Sub int

	law      bool       // a law's article: unnumbered lines are paragraphs (款)
	implicit bool       // the article's paragraphs are implicit (unnumbered 款)
	buf      *[2][]byte // Text and Tail while the parser collects them; nil before and after
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
	Tag      string    // the BCP 47 tag when more is known than Lang: zh-Hant, zh-TW, ar-EG (see langtag.Of); "" otherwise
	Units    []*Unit   // top-level units in document order
	Warnings []Warning // problems found while parsing, in line order
	Markup   []Span    // formatting kept out of the units, in line order
}

// WalkStatus tells [Document.Walk] how to go on after a visit.
type WalkStatus int

// The answers a [Walker] gives.
const (
	WalkContinue     WalkStatus = iota // go on: into the unit's children when entering it
	WalkSkipChildren                   // when entering: leave the unit's children out (the unit is still left)
	WalkStop                           // end the walk now
)

// Walker is called twice for every unit a walk reaches: with entering true
// before the unit's children, and with entering false after them — where a
// unit's Tail is read.
type Walker func(u *Unit, entering bool) WalkStatus

// Walk visits the units of the document in document order, calling fn when
// it enters a unit and when it leaves it (as go/ast's Inspect and
// goldmark's ast.Walk do). It reports whether the walk ran to its end
// rather than being stopped by [WalkStop].
func (d *Document) Walk(fn Walker) bool {
	return Walk(d.Units, fn)
}

// Walk visits the units us and everything below them in document order; see
// [Document.Walk].
func Walk(us []*Unit, fn Walker) bool {
	for _, u := range us {
		if walk(u, fn) == WalkStop {
			return false
		}
	}
	return true
}

func walk(u *Unit, fn Walker) WalkStatus {
	st := fn(u, true)
	if st == WalkStop {
		return st
	}
	if st != WalkSkipChildren {
		for _, c := range u.Children {
			if walk(c, fn) == WalkStop {
				return WalkStop
			}
		}
	}
	if fn(u, false) == WalkStop {
		return WalkStop
	}
	return WalkContinue
}

// All returns the units of the document in document order, each before its
// children: the pre-order of the tree.
func (d *Document) All() iter.Seq[*Unit] {
	return func(yield func(*Unit) bool) {
		Walk(d.Units, func(u *Unit, entering bool) WalkStatus {
			if entering && !yield(u) {
				return WalkStop
			}
			return WalkContinue
		})
	}
}

// All returns the unit and the units below it, in document order.
func (u *Unit) All() iter.Seq[*Unit] {
	return func(yield func(*Unit) bool) {
		walk(u, func(x *Unit, entering bool) WalkStatus {
			if entering && !yield(x) {
				return WalkStop
			}
			return WalkContinue
		})
	}
}

// Find returns the unit with the given address, or nil.
func (d *Document) Find(addr string) *Unit {
	var found *Unit
	d.Walk(func(u *Unit, entering bool) WalkStatus {
		switch {
		case !entering:
			return WalkContinue
		case u.Addr == addr:
			found = u
			return WalkStop
		case strings.HasPrefix(addr, u.Addr+".") || u.Kind == KindChapter || u.Kind == KindPart ||
			u.Kind == KindSection || u.Kind == KindSubsection:
			return WalkContinue
		}
		return WalkSkipChildren
	})
	return found
}

// Count returns how many units of each kind the document has.
func (d *Document) Count() map[Kind]int {
	m := map[Kind]int{}
	for u := range d.All() {
		m[u.Kind]++
	}
	return m
}

// Warnf records a warning at a line.
func (d *Document) Warnf(line int, text, format string, args ...any) {
	d.Warnings = append(d.Warnings, Warning{File: d.Name, Line: line, Message: fmt.Sprintf(format, args...), Text: text})
}
