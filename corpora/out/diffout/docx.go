package diffout

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"concord/align/diff"
	"concord/corpora/out"
)

// DefaultAuthor is the author of the tracked changes and comments of the
// Word redline when Options.Author is empty.
const DefaultAuthor = "concord"

// zipTime is the modification time of every entry of the .docx archive:
// fixed, so that the same input gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Docx writes the Word redline: a .docx of the new revision's text in
// document order in which every change is a real tracked change —
// deletions (w:del) and insertions (w:ins) of words, labels and status
// marks, whole paragraphs deleted or inserted with their paragraph marks,
// and units that left their place as moves (w:moveFrom, w:moveTo) — each
// with the author and date of opt. Accepting every change gives the new
// revision, rejecting every change the old one: concord's reader
// (corpora.LoadRevisions) reads them back as the two revisions, and
// LibreOffice shows them as tracked changes.
//
// Each unit is one paragraph or a few: its label line (label, separator,
// heading or text, status mark), its text where a heading took the label
// line, its children, its tail; headings, list labels and footnotes stay
// where they are in the text, labels as text (a renumbering is a tracked
// change of the label). Word comments mark each status transition ("status:
// open → agreed ad referendum"), move and renumbering on its unit, and each
// stale cross-reference on the unit that holds it. Arabic paragraphs are
// right to left (w:bidi); fonts are set per script (Latin, East Asian,
// complex script). The archive's entries carry a fixed time, so the output
// depends only on the report and opt.Date.
//
// The report must come from diff.Compare (it needs Report.OldDoc and
// NewDoc).
func Docx(w io.Writer, r *diff.Report, opt Options) error {
	if r.OldDoc == nil || r.NewDoc == nil {
		return errors.New("the Word redline needs the compared documents (a report from diff.Compare)")
	}
	author := opt.Author
	if author == "" {
		author = DefaultAuthor
	}
	date := opt.Date.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05Z")
	ps := merge(r)
	rtl := out.RTL(r.Lang)

	zw := zip.NewWriter(w)
	part := func(name string, write func(*bufio.Writer)) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
		write(bw)
		return bw.Flush()
	}
	hasComments := false
	for _, p := range ps {
		if len(p.notes) > 0 {
			hasComments = true
			break
		}
	}
	steps := []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{"[Content_Types].xml", func(b *bufio.Writer) { b.WriteString(contentTypes(hasComments)) }},
		{"_rels/.rels", func(b *bufio.Writer) { b.WriteString(rootRels) }},
		{"word/_rels/document.xml.rels", func(b *bufio.Writer) { b.WriteString(documentRels(hasComments)) }},
		{"word/styles.xml", func(b *bufio.Writer) { b.WriteString(stylesXML(r.Lang)) }},
		{"word/settings.xml", func(b *bufio.Writer) { b.WriteString(settingsXML) }},
		{"word/document.xml", nil},
	}
	if hasComments {
		steps = append(steps, struct {
			name  string
			write func(*bufio.Writer)
		}{"word/comments.xml", nil})
	}
	dw := &docxWriter{author: out.XML(author), date: date, rtl: rtl}
	for _, s := range steps {
		write := s.write
		switch s.name {
		case "word/document.xml":
			write = func(b *bufio.Writer) { dw.document(b, ps) }
		case "word/comments.xml":
			write = func(b *bufio.Writer) { dw.comments(b) }
		}
		if err := part(s.name, write); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docxWriter writes document.xml and comments.xml.
type docxWriter struct {
	author, date string
	rtl          bool
	id           int // the last annotation id used
	notes        []docxNote
}

type docxNote struct {
	id   int
	text string
}

func (d *docxWriter) next() int {
	d.id++
	return d.id
}

// attrs are the attributes of a tracked change.
func (d *docxWriter) attrs() string {
	return fmt.Sprintf(` w:id="%d" w:author="%s" w:date="%s"`, d.next(), d.author, d.date)
}

const wNamespaces = ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func (d *docxWriter) document(b *bufio.Writer, ps []mpara) {
	b.WriteString(`<w:document` + wNamespaces + `><w:body>`)
	for _, p := range ps {
		d.para(b, p)
	}
	// a last, untracked paragraph: every paragraph above may have its mark
	// tracked
	b.WriteString(`<w:p/>`)
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
}

// para writes one paragraph.
func (d *docxWriter) para(b *bufio.Writer, p mpara) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + p.style + `"/>`)
	if d.rtl {
		b.WriteString(`<w:bidi/>`)
	}
	if el := p.op.element(); el != "" {
		b.WriteString(`<w:rPr><w:` + el + d.attrs() + `/></w:rPr>`)
	}
	b.WriteString(`</w:pPr>`)
	var rangeID int
	switch p.op {
	case opMoveFrom, opMoveTo:
		rangeID = d.next()
		fmt.Fprintf(b, `<w:%sRangeStart w:id="%d" w:name="move%d" w:author="%s" w:date="%s"/>`, p.op.element(), rangeID, p.move, d.author, d.date)
	}
	var ids []int
	for _, n := range p.notes {
		id := d.next()
		ids = append(ids, id)
		d.notes = append(d.notes, docxNote{id, n})
		fmt.Fprintf(b, `<w:commentRangeStart w:id="%d"/>`, id)
	}
	for _, r := range p.runs {
		el := r.op.element()
		if el == "" {
			d.run(b, string(r.text), false)
			continue
		}
		b.WriteString(`<w:` + el + d.attrs() + `>`)
		d.run(b, string(r.text), r.op.old())
		b.WriteString(`</w:` + el + `>`)
	}
	for _, id := range ids {
		fmt.Fprintf(b, `<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="%d"/></w:r>`, id, id)
	}
	if rangeID > 0 {
		fmt.Fprintf(b, `<w:%sRangeEnd w:id="%d"/>`, p.op.element(), rangeID)
	}
	b.WriteString(`</w:p>`)
}

// run writes a run of text: line breaks as w:br, tabs as w:tab, deleted
// text as w:delText.
func (d *docxWriter) run(b *bufio.Writer, text string, deleted bool) {
	b.WriteString(`<w:r>`)
	if d.rtl {
		b.WriteString(`<w:rPr><w:rtl/></w:rPr>`)
	}
	tag := "w:t"
	if deleted {
		tag = "w:delText"
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if piece != "" {
				b.WriteString(`<` + tag + ` xml:space="preserve">` + out.XML(strings.ReplaceAll(piece, "\r", "")) + `</` + tag + `>`)
			}
		}
	}
	b.WriteString(`</w:r>`)
}

// comments writes comments.xml: one comment a note.
func (d *docxWriter) comments(b *bufio.Writer) {
	b.WriteString(`<w:comments` + wNamespaces + `>`)
	for _, n := range d.notes {
		fmt.Fprintf(b, `<w:comment w:id="%d" w:author="%s" w:date="%s" w:initials="%s">`, n.id, d.author, d.date, out.XML(initials(d.author)))
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="CommentText"/>`)
		if d.rtl {
			b.WriteString(`<w:bidi/>`)
		}
		b.WriteString(`</w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>`)
		d.run(b, n.text, false)
		b.WriteString(`</w:p></w:comment>`)
	}
	b.WriteString(`</w:comments>`)
}

// initials are the first letters of an author's words.
func initials(author string) string {
	var b strings.Builder
	for _, w := range strings.Fields(author) {
		for _, r := range w {
			b.WriteRune(r)
			break
		}
	}
	return b.String()
}

func contentTypes(comments bool) string {
	s := `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>`
	if comments {
		s += `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
	}
	return s + `</Types>`
}

const rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

func documentRels(comments bool) string {
	s := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`
	if comments {
		s += `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`
	}
	return s + `</Relationships>`
}

// settingsXML turns change tracking on, so that what a delegation edits in
// the redline is tracked too.
const settingsXML = `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:trackRevisions/><w:defaultTabStop w:val="720"/><w:compat/></w:settings>`

// stylesXML holds the styles of the redline, with fonts for each script:
// Latin text in Times New Roman, Chinese in SimSun (宋体, the UN's
// Chinese face; Noto Serif CJK SC where it is missing), Arabic and other
// complex scripts in Traditional Arabic, and the language of the document
// for spelling and shaping.
func stylesXML(lang string) string {
	east, bidi, latin := "zh-CN", "ar-SA", "en-GB"
	switch lang {
	case "fr":
		latin = "fr-FR"
	case "es":
		latin = "es-ES"
	case "ru":
		latin = "ru-RU"
	}
	var b strings.Builder
	b.WriteString(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Traditional Arabic"/>` +
		`<w:sz w:val="24"/><w:szCs w:val="28"/>` +
		`<w:lang w:val="` + latin + `" w:eastAsia="` + east + `" w:bidi="` + bidi + `"/>` +
		`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	para := func(id, name string, ppr, rpr string) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/>`, id, name)
		if ppr != "" {
			b.WriteString(`<w:pPr>` + ppr + `</w:pPr>`)
		}
		if rpr != "" {
			b.WriteString(`<w:rPr>` + rpr + `</w:rPr>`)
		}
		b.WriteString(`</w:style>`)
	}
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	para("Title", "Title", `<w:jc w:val="center"/>`, `<w:b/><w:bCs/>`)
	para("Heading1", "heading 1", `<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>`, `<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="32"/>`)
	para("Heading2", "heading 2", `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="1"/>`, `<w:b/><w:bCs/>`)
	para("Heading3", "heading 3", `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="2"/>`, `<w:b/><w:bCs/>`)
	para("BodyText", "Body Text", "", "")
	for k := 1; k <= 3; k++ {
		para("List"+strconv.Itoa(k), "List "+strconv.Itoa(k), fmt.Sprintf(`<w:ind w:left="%d" w:hanging="360"/>`, 360*k+360), "")
	}
	para("FootnoteText", "footnote text", "", `<w:sz w:val="20"/><w:szCs w:val="24"/>`)
	para("Info", "Source comment", "", `<w:color w:val="808080"/><w:sz w:val="16"/>`)
	para("CommentText", "annotation text", "", `<w:sz w:val="20"/>`)
	b.WriteString(`<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// RedlineDate returns the date to give a Word redline's tracked changes:
// date if it is not empty (RFC 3339, or a day YYYY-MM-DD at midnight UTC),
// else SOURCE_DATE_EPOCH (seconds since 1970) if it is set, so that a
// build of the same revisions gives the same bytes, else now.
func RedlineDate(date string) (time.Time, error) {
	switch {
	case date != "":
		t, err := time.Parse(time.RFC3339, date)
		if err != nil {
			if t, err = time.Parse("2006-01-02", date); err != nil {
				return t, fmt.Errorf("--date %q: want RFC 3339 (2024-08-09T12:00:00Z) or a day (2024-08-09)", date)
			}
		}
		return t, nil
	case os.Getenv("SOURCE_DATE_EPOCH") != "":
		sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want seconds since 1970", os.Getenv("SOURCE_DATE_EPOCH"))
		}
		return time.Unix(sec, 0), nil
	}
	return time.Now(), nil
}
