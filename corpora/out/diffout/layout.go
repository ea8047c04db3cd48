package diffout

import (
	"strings"

	"concord/align/diff"
	"concord/segment"
)

// The Word redline writes a document as paragraphs that concord's own
// reader and parser read back into the same tree: each unit's label line
// (label, separator, heading or text, status mark), its text where a
// heading took the label line, its children, then its tail. layout cuts a
// document into such paragraphs; the paragraphs of the two revisions are
// then merged into one tracked-changes document (docx.go).

// segKind says what a piece of a laid-out paragraph holds.
type segKind uint8

const (
	segLabel segKind = iota // the unit's label: 第 17 条, (a)
	segSep                  // what stands between the label and the rest: ". ", " "
	segField                // a heading, text or tail
	segMark                 // a status mark as printed: [暂定]
)

// lseg is a piece of a laid-out paragraph.
type lseg struct {
	kind  segKind
	unit  *segment.Unit
	field diff.Field // for segField
	text  string
}

// lpara is one paragraph of a laid-out document.
type lpara struct {
	unit  *segment.Unit // the unit the paragraph belongs to (its first piece's unit)
	role  string        // "label", "text", "tail": which paragraph of its unit it is
	style string        // paragraph style: a heading level or a list depth
	segs  []lseg
}

// text returns the paragraph as the reader renders it.
func (p *lpara) text() string {
	var b strings.Builder
	for _, s := range p.segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// separators returns the label separators the parser kept, by source line.
func separators(d *segment.Document) map[int]string {
	m := map[int]string{}
	for _, s := range d.Markup {
		if s.Why == "separator" {
			if _, ok := m[s.Line]; !ok {
				m[s.Line] = s.Text
			}
		}
	}
	return m
}

// layout cuts a document into the paragraphs the Word redline writes.
func layout(d *segment.Document) []lpara {
	seps := separators(d)
	info := false // the source had a metadata block closed by <!-- INFO END -->
	for _, m := range d.Markup {
		if m.Why == "comment" && strings.TrimSpace(m.Text) == infoEnd {
			info = true
		}
	}
	var out []lpara
	var walk func(u *segment.Unit, depth int)
	walk = func(u *segment.Unit, depth int) {
		style := unitStyle(u, depth)
		label := strings.TrimSpace(u.Label)
		div := u.Kind.IsDivision() // its text stands on lines of its own
		sepText := strings.TrimSpace(seps[u.Line])
		// the heading stands on the label's line, after the separator the
		// source had or one that makes it a heading
		headOnLabel := u.Heading != "" && label != ""
		var implicitFirst *segment.Unit
		if u.Kind == segment.KindArticle && u.Heading == "" && u.Text == "" && len(u.Children) > 0 &&
			u.Children[0].Kind == segment.KindParagraph && strings.TrimSpace(u.Children[0].Label) == "" {
			implicitFirst = u.Children[0] // a law's article: its first 款 on the label's line
		}
		first := lpara{unit: u, role: "label", style: style}
		if label != "" {
			first.segs = append(first.segs, lseg{kind: segLabel, unit: u, text: label})
		}
		sep := func(s string) {
			if len(first.segs) > 0 {
				first.segs = append(first.segs, lseg{kind: segSep, unit: u, text: s})
			}
		}
		textDone := false
		switch {
		case headOnLabel:
			switch {
			case sepText != "":
				sep(sepText + " ")
			case d.Lang == "zh" && u.Kind != segment.KindArticle:
				sep(" ") // 第一章 总则
			default:
				sep(". ") // a separator makes the rest a heading in every language
			}
			first.segs = append(first.segs, lseg{kind: segField, unit: u, field: diff.FieldHeading, text: u.Heading})
		case u.Heading != "":
			if len(first.segs) > 0 {
				out = append(out, first)
			}
			first = lpara{unit: u, role: "heading", style: style,
				segs: []lseg{{kind: segField, unit: u, field: diff.FieldHeading, text: u.Heading}}}
		case implicitFirst != nil:
			sep(" ")
			first.segs = append(first.segs, lseg{kind: segField, unit: implicitFirst, field: diff.FieldText, text: implicitFirst.Text})
			textDone = true
		case u.Text != "" && (!div || u.Kind == segment.KindPreamble && len(u.Children) == 0):
			sep(" ")
			first.segs = append(first.segs, lseg{kind: segField, unit: u, field: diff.FieldText, text: u.Text})
			textDone = true
		}
		for _, m := range u.Marks {
			first.segs = append(first.segs, lseg{kind: segMark, unit: u, text: m.Raw})
		}
		if len(first.segs) > 0 {
			out = append(out, first)
		}
		if !textDone && implicitFirst == nil && u.Text != "" {
			out = append(out, lpara{unit: u, role: "text", style: bodyStyle(depth),
				segs: []lseg{{kind: segField, unit: u, field: diff.FieldText, text: u.Text}}})
		}
		if u.Kind == segment.KindTitle && info {
			out = append(out, lpara{unit: u, role: "info", style: "Info", segs: []lseg{{kind: segSep, unit: u, text: infoEnd}}})
		}
		for i, c := range u.Children {
			if i == 0 && c == implicitFirst {
				for _, m := range c.Marks {
					out[len(out)-1].segs = append(out[len(out)-1].segs, lseg{kind: segMark, unit: c, text: m.Raw})
				}
				for _, k := range c.Children {
					walk(k, depth+1)
				}
				if c.Tail != "" {
					out = append(out, lpara{unit: c, role: "tail", style: bodyStyle(depth + 1),
						segs: []lseg{{kind: segField, unit: c, field: diff.FieldTail, text: c.Tail}}})
				}
				continue
			}
			walk(c, childDepth(u, depth))
		}
		if u.Tail != "" {
			out = append(out, lpara{unit: u, role: "tail", style: bodyStyle(depth),
				segs: []lseg{{kind: segField, unit: u, field: diff.FieldTail, text: u.Tail}}})
		}
	}
	for _, u := range d.Units {
		walk(u, 0)
	}
	return out
}

// infoEnd closes a law's metadata block in the source; the title block
// keeps it, so that the title's lines read back as lines.
const infoEnd = "<!-- INFO END -->"

// childDepth is the list depth of a unit's children: divisions and
// articles do not indent what they hold.
func childDepth(u *segment.Unit, depth int) int {
	if u.Kind.IsDivision() || u.Kind == segment.KindArticle {
		return 0
	}
	return depth + 1
}

// unitStyle is the paragraph style of a unit's label line.
func unitStyle(u *segment.Unit, depth int) string {
	switch u.Kind {
	case segment.KindTitle:
		return "Title"
	case segment.KindPart, segment.KindChapter, segment.KindAnnex:
		return "Heading1"
	case segment.KindSection, segment.KindSubsection, segment.KindPreamble:
		return "Heading2"
	case segment.KindArticle:
		return "Heading3"
	case segment.KindFootnote:
		return "FootnoteText"
	}
	return bodyStyle(depth)
}

// bodyStyle is the style of a text paragraph at a list depth.
func bodyStyle(depth int) string {
	switch {
	case depth <= 0:
		return "BodyText"
	case depth == 1:
		return "List1"
	case depth == 2:
		return "List2"
	}
	return "List3"
}
