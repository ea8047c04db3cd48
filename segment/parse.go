package segment

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"concord/segment/langtag"
)

// Options control [Parse].
type Options struct {
	// Lang is the document's language: a tag whose base language is one
	// of ar, zh, en, fr, ru, es ("zh-Hant" and "cmn" read as zh, see
	// langtag.Base). Empty means detect it with langtag.Detect.
	Lang string
	// Marks is the table of status marks. Nil means [DefaultMarks].
	Marks MarkTable
}

// Errors Parse returns for input it cannot read.
var (
	ErrNoText  = errors.New("no text: the document is empty or blank")
	ErrNotUTF8 = errors.New("the text is not valid UTF-8 (decode it first)")
)

// Parse reads a draft's plain text into a document tree. name labels the
// document in warnings. The text may use LF or CRLF line ends.
//
// Parse recognises the numbering of UN drafts in the six UN languages and
// of Chinese laws (see the package documentation), joins lines split by page
// breaks, attributes status marks, and keeps every non-blank character of
// the input somewhere in the result.
func Parse(name, text string, opt Options) (*Document, error) {
	if strings.TrimSpace(strings.ReplaceAll(text, "\ufeff", "")) == "" {
		return nil, ErrNoText
	}
	if !utf8.ValidString(text) {
		return nil, ErrNotUTF8
	}
	lang := langtag.Base(opt.Lang)
	if lang == "" {
		lang = langtag.Detect(text)
		if lang == "" {
			return nil, fmt.Errorf("cannot tell the language of a text without letters; name it with --lang")
		}
	}
	marks := opt.Marks
	if marks == nil {
		marks = DefaultMarks()
	}
	p := &parser{doc: &Document{Name: name, Lang: lang, Tag: langtag.Of(opt.Lang, lang, text)}, lang: lang, marks: marks}
	p.run(text)
	flush(p.doc, len(text) >= parallelPrepBytes)
	p.doc.Address()
	return p.doc, nil
}

// parser builds the tree line by line with a stack of open units.
type parser struct {
	doc   *Document
	lang  string
	marks MarkTable

	stack []*Unit // open units, outermost first

	// last is where the previous line's text went; open says that line did
	// not end a sentence or clause, so the next unnumbered line continues it.
	last     *Unit
	lastTail bool
	open     bool

	pendingMarks []Mark // marks on lines of their own, waiting for the next marker
	pendingText  *Unit  // unnumbered text after a list item, waiting likewise

	lastDiv map[Kind]*Unit // the latest part, chapter, section and article

	// The source lines, prepared a window at a time (see line): src are
	// the lines as read, win the prepared lines from winStart on.
	src      []string
	win      []srcLine
	winStart int
	parallel bool           // prepare lines ahead on a goroutine of their own
	ready    chan []srcLine // the lines prepared ahead, a chunk at a time
	cur      int            // index of the line being placed
	markers  int            // structural markers accepted so far
}

func (p *parser) top() *Unit {
	if len(p.stack) == 0 {
		return nil
	}
	return p.stack[len(p.stack)-1]
}

func (p *parser) run(text string) {
	p.lastDiv = map[Kind]*Unit{}
	lines := splitLines(text)
	infoEnd := 0
	for i, l := range lines {
		if strings.TrimSpace(l) == "<!-- INFO END -->" {
			infoEnd = i + 1
			break
		}
	}
	p.src, p.parallel = lines, len(text) >= parallelPrepBytes
	stop := p.startPrep()
	defer stop()
	for i := range lines {
		p.cur = i
		num := i + 1
		ln := *p.line(i)
		p.take(&ln)
		if num < infoEnd { // a law's metadata block: title and history, no structure
			if !ln.blank() {
				p.titleText(&ln)
			}
			continue
		}
		if ln.blank() {
			p.pendingMarks = append(p.pendingMarks, ln.marks...)
			continue
		}
		if m, ok := p.matchMarker(&ln); ok {
			if m, ok = p.accept(m, &ln); ok {
				p.openMarker(m, &ln)
				p.markers++
				continue
			}
		}
		p.textLine(&ln)
	}
	p.resolvePending("")
	p.popTo(-1)
	if p.markers == 0 && infoEnd == 0 {
		p.blocks()
	}
}

// blocks rebuilds a document that has no numbering at all as a sequence of
// paragraphs p.1, p.2…: each run of lines between blank lines is one, its
// lines joined as page breaks where a line does not end a sentence.
func (p *parser) blocks() {
	p.doc.Units, p.doc.Markup, p.doc.Warnings = nil, nil, nil
	var cur *Unit
	var early []Mark // marks before the first paragraph
	stop := p.startPrep()
	defer stop()
	for i := range p.src {
		p.cur = i
		ln := *p.line(i)
		p.take(&ln)
		if ln.blank() {
			for _, m := range ln.marks {
				if cur != nil {
					p.addMark(cur, m)
				} else {
					early = append(early, m)
				}
			}
			if strings.TrimSpace(ln.raw) == "" {
				cur = nil
			}
			continue
		}
		s := ln.text.orig
		switch {
		case cur == nil:
			cur = &Unit{Kind: KindBlock, Line: ln.num}
			p.doc.Units = append(p.doc.Units, cur)
			cur.add(fText, "", s)
			for _, m := range early {
				p.addMark(cur, m)
			}
			early = nil
		case endsClause(cur.field(fText)):
			cur.add(fText, "\n", s)
		default:
			p.joinBroken(cur, fText, s, ln.num)
		}
		for _, m := range ln.marks {
			p.addMark(cur, m)
		}
	}
	for _, m := range early {
		p.doc.Warnf(m.Line, m.Raw, "status mark %s with no text to belong to", m.Raw)
	}
}

// splitLines splits on LF, CRLF or CR.
func splitLines(text string) []string {
	text = strings.TrimPrefix(text, "\ufeff")
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return strings.Split(text, "\n")
}

// level orders the kinds from outermost to innermost.
func level(k Kind) int {
	switch k {
	case KindTitle, KindPreamble, KindClosing, KindFootnote, KindPart, KindBlock, KindAnnex:
		return 1
	case KindChapter:
		return 2
	case KindSection:
		return 3
	case KindSubsection:
		return 4
	case KindArticle, KindRecital:
		return 5
	case KindParagraph:
		return 6
	case KindSubparagraph:
		return 7
	case KindItem:
		return 8
	case KindSubitem:
		return 9
	}
	return 0
}

func isList(k Kind) bool {
	return k == KindParagraph || k == KindSubparagraph || k == KindItem || k == KindSubitem
}

// canContain says which kinds of unit may hold which.
func canContain(parent, child Kind) bool {
	switch parent {
	case KindPreamble:
		return child == KindRecital
	case KindPart, KindChapter, KindSection, KindSubsection:
		return child == KindArticle || level(child) > level(parent) && level(child) <= level(KindSubsection)
	case KindArticle, KindRecital, KindParagraph, KindSubparagraph, KindItem, KindSubitem, KindAnnex:
		return isList(child) && level(child) > level(parent)
	}
	return false
}

// parentIndex returns the index in the stack of the unit that a new unit of
// kind k would be a child of, or -1 for a top-level unit.
func (p *parser) parentIndex(k Kind) int {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if canContain(p.stack[i].Kind, k) {
			return i
		}
	}
	return -1
}

// popTo closes every open unit above stack index i.
func (p *parser) popTo(i int) {
	for len(p.stack)-1 > i {
		u := p.top()
		p.stack = p.stack[:len(p.stack)-1]
		p.closeUnit(u)
	}
}

// closeUnit finishes a unit when it leaves the stack.
func (p *parser) closeUnit(u *Unit) {
	if u.Kind != KindPreamble || len(u.Children) < 2 || len(u.field(fTail)) > 0 {
		return
	}
	// The formula that closes a preamble (兹协议如下：, Have agreed as
	// follows:) is the preamble's tail, not a recital.
	last := u.Children[len(u.Children)-1]
	text := string(last.field(fText))
	if strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":") {
		if utf8.RuneCountInString(text) <= 40 {
			u.add(fTail, "", text)
			u.Marks = append(u.Marks, last.Marks...)
			if u.Status == "" {
				u.Status = last.Status
			}
			u.Children = u.Children[:len(u.Children)-1]
		}
	}
}

// accept checks a marker against the numbering around it. A label that does
// not continue its list is taken as text when the previous line was left
// open (a page break inside a sentence), and as a label with a warning
// otherwise.
func (p *parser) accept(m marker, ln *srcLine) (marker, bool) {
	var want int
	var got []marker
	if m.kind == KindParagraph && p.lawArticle() != nil {
		m.kind = KindSubitem // 1. inside a law's article is a 目
	}
	switch {
	case isList(m.kind):
		for c := &m; c != nil; c = c.alt {
			got = append(got, *c)
		}
		if c, ok := p.pickReading(got); ok {
			return c, true
		}
		m = got[0]
		m.alt = nil
		if len(got) > 1 {
			for _, c := range got {
				if c.kind == KindItem && c.ord == 1 {
					m = c
				}
			}
		}
		want = p.expectedOrd(m.kind)
	case m.kind == KindArticle || m.kind == KindChapter || m.kind == KindPart || m.kind == KindSection:
		prev := p.lastDiv[m.kind]
		if m.kind == KindArticle && !m.sep && !ln.heading && p.lang != "zh" {
			// "Article 5 shall apply…" at a line start is a sentence; a label
			// stands alone or is followed by a short title.
			rest := ln.text.orig[ln.text.origAt(m.rest):]
			if rest != "" && (endsClause(rest) || utf8.RuneCountInString(rest) > 80) {
				return m, false
			}
		}
		if m.tight {
			// 第一百二十八 条侦查人员…: a label only where the next article is due
			if (prev == nil && m.ord == 1 || prev != nil && m.ord == prev.Num+1) && !p.open {
				p.doc.Warnf(ln.num, "", "article label %q runs into its text", ln.text.orig[:ln.text.origAt(m.labEnd)])
				return m, true
			}
			return m, false
		}
		if prev == nil {
			return m, true
		}
		if m.sub > 0 && m.ord == prev.Num && m.sub > prev.Sub {
			return m, true
		}
		want = prev.Num + 1
		if m.ord == want && m.sub == 0 {
			return m, true
		}
		if m.ord > prev.Num && m.kind != KindArticle {
			return m, true
		}
	default:
		return m, true
	}
	if p.open && p.last != nil {
		return m, false
	}
	if m.ord != want {
		p.doc.Warnf(ln.num, "", "numbering: expected %s %d, found %d", m.kind, want, m.ord)
	}
	return m, true
}

// pickReading chooses among the readings of an ambiguous label — (i) as the
// ninth letter or the first Roman numeral, (v) and (x) likewise — the one
// that fits the numbering: one that continues an open list wins over one
// that starts a new list, the innermost list wins between two that
// continue, and between the next letter and a new list of items the label
// after decides ((i) followed by (ii) starts items).
func (p *parser) pickReading(got []marker) (marker, bool) {
	var fits []marker
	for _, c := range got {
		c.alt = nil
		if c.ord == p.expectedOrd(c.kind) {
			fits = append(fits, c)
		}
	}
	switch len(fits) {
	case 0:
		return marker{}, false
	case 1:
		return fits[0], true
	}
	var cont []marker
	for _, c := range fits {
		if c.ord > 1 {
			cont = append(cont, c)
		}
	}
	if len(cont) > 1 {
		best := cont[0]
		for _, c := range cont[1:] {
			if p.parentIndex(c.kind) > p.parentIndex(best.kind) {
				best = c
			}
		}
		return best, true
	}
	if len(cont) == 1 {
		// a letter that continues, or a new list of items?
		if next, ok := p.nextLabel(); ok && next.kind == KindItem && next.ord == 2 {
			for _, c := range fits {
				if c.kind == KindItem && c.ord == 1 {
					return c, true
				}
			}
		}
		return cont[0], true
	}
	return fits[0], true
}

// nextMarker reads the label of the next line that has content, if any,
// with all its readings.
func (p *parser) nextMarker() (marker, bool) {
	for j := p.cur + 1; j < len(p.src); j++ {
		if ln := p.line(j); !ln.blank() {
			m, ok := p.findMarker(ln)
			return m, ok && m.ord <= MaxNumber && m.sub <= MaxNumber
		}
	}
	return marker{}, false
}

// nextLabel reads the label of the next line that has content, preferring
// its reading as an item: is the next label (ii)?
func (p *parser) nextLabel() (marker, bool) {
	m, ok := p.nextMarker()
	if ok && m.alt != nil && m.alt.kind == KindItem {
		m = *m.alt
	}
	return m, ok
}

// expectedOrd is the number the next label of kind k should carry: one more
// than the last sibling of that kind, or 1 for a new list.
func (p *parser) expectedOrd(k Kind) int {
	i := p.parentIndex(k)
	var sibs []*Unit
	if i < 0 {
		sibs = p.doc.Units
	} else {
		sibs = p.stack[i].Children
	}
	for j := len(sibs) - 1; j >= 0; j-- {
		if sibs[j].Kind == k {
			return sibs[j].Num + 1
		}
	}
	return 1
}

// resolvePending gives the status marks that stood on lines of their own,
// and unnumbered text after a list, to their units, now that the next
// structural marker (of kind k; "" for the end of the document) is known.
//
// A mark belongs to the parent of the outermost list that the marker closes;
// text to the parent of the innermost list it closes (so that text after a
// subparagraph's items stays with that subparagraph). When the marker closes
// no list, both belong to the innermost open unit.
func (p *parser) resolvePending(k Kind) {
	if len(p.pendingMarks) == 0 && p.pendingText == nil {
		return
	}
	i := -1
	if k != "" {
		i = p.parentIndex(k)
	}
	top := p.top()
	markOwner, textOwner := top, top
	innerFound := false
	for j := len(p.stack) - 1; j > i; j-- {
		u := p.stack[j]
		if isList(u.Kind) && u.Kind != k && (k == "" || level(u.Kind) > level(k)) {
			if !innerFound {
				textOwner = u.Parent
				innerFound = true
			}
			markOwner = u.Parent
		}
	}
	if t := p.pendingText; t != nil {
		p.pendingText = nil
		if textOwner == nil {
			// text after a list that has no parent: a block of its own
			p.popTo(-1)
			b := &Unit{Kind: KindBlock, Line: t.Line, Marks: t.Marks}
			b.add(fText, "", string(t.field(fText)))
			p.doc.Units = append(p.doc.Units, b)
			for _, m := range t.Marks {
				b.Status = m.Status
			}
		} else {
			f := fText
			if len(textOwner.Children) > 0 {
				f = fTail
			}
			textOwner.add(f, "\n", string(t.field(fText)))
			for _, m := range t.Marks {
				p.addMark(textOwner, m)
			}
		}
	}
	for _, m := range p.pendingMarks {
		if markOwner == nil {
			p.doc.Warnf(m.Line, m.Raw, "status mark %s before any unit", m.Raw)
			continue
		}
		p.addMark(markOwner, m)
	}
	p.pendingMarks = nil
}

// The text fields a unit collects while the parser runs, in buffers that
// grow in place (a long run of joined lines costs linear time).
const (
	fText = 0
	fTail = 1
)

// add appends s to a field of u, after sep when the field is not empty.
func (u *Unit) add(f int, sep, s string) {
	if s == "" {
		return
	}
	b := u.field(f)
	if len(b) > 0 {
		b = append(b, sep...)
	}
	u.setField(f, append(b, s...))
}

// field returns the text collected so far in field f of u.
func (u *Unit) field(f int) []byte {
	if u.buf == nil {
		return nil
	}
	return u.buf[f]
}

// setField sets the text collected in field f of u.
func (u *Unit) setField(f int, b []byte) {
	if u.buf == nil {
		if b == nil {
			return
		}
		u.buf = new([2][]byte)
	}
	u.buf[f] = b
}

// flush moves the collected text into Text and Tail. For a long source
// (detach) it also copies the fields that were cut from it (labels,
// headings, marks, markup, the text of warnings): the document then holds
// no part of the source, which can be freed as soon as Parse returns; a
// short one is not worth the copies.
func flush(d *Document, detach bool) {
	for u := range d.All() {
		u.Text, u.Tail = finish(u.field(fText)), finish(u.field(fTail))
		u.buf = nil
		if detach {
			u.Label, u.Heading = strings.Clone(u.Label), strings.Clone(u.Heading)
			for i := range u.Marks {
				u.Marks[i].Raw = strings.Clone(u.Marks[i].Raw)
			}
		}
	}
	if !detach {
		return
	}
	for i := range d.Markup {
		d.Markup[i].Text = strings.Clone(d.Markup[i].Text)
	}
	for i := range d.Warnings {
		d.Warnings[i].Text = strings.Clone(d.Warnings[i].Text)
	}
}

// finish turns a buffer of collected text that the parser is done with
// into a string. Nothing writes to the buffer again, so the string takes
// its bytes without a copy, as strings.Builder does; a buffer that growing
// left with much spare room is copied instead, so as not to keep the room.
func finish(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(b)-len(b) > len(b)/4 {
		return string(b)
	}
	return unsafe.String(&b[0], len(b))
}

// addMark gives a mark to a unit. A unit has one status: a second mark is
// kept with the unit but reported.
func (p *parser) addMark(u *Unit, m Mark) {
	if len(u.Marks) > 0 {
		p.doc.Warnf(m.Line, "", "second status mark %s for the unit that starts on line %d", m.Raw, u.Line)
	}
	u.Marks = append(u.Marks, m)
	u.Status = m.Status
}

// openMarker starts the unit a structural marker opens.
func (p *parser) openMarker(m marker, ln *srcLine) {
	p.resolvePending(m.kind)
	if m.kind == KindClosing {
		// the whole line is the formula
		m.labEnd, m.rest = 0, 0
	}
	u := p.push(m, ln.num)
	t := ln.text
	label := strings.TrimSpace(t.orig[:t.origAt(m.labEnd)])
	sep := strings.TrimSpace(t.orig[t.origAt(m.labEnd):t.origAt(m.rest)])
	rest := strings.TrimSpace(t.orig[t.origAt(m.rest):])
	u.Label = label
	if sep != "" {
		p.doc.Markup = append(p.doc.Markup, Span{Line: ln.num, Text: sep, Why: "separator"})
	}
	// a list label may be followed at once by the first label of a sublist:
	// "3. (a) …", "(a) (一) …"
	deepest := u
	for (isList(deepest.Kind) || deepest.Kind == KindArticle) && mayStartLabel(rest) {
		sub := newNormText(rest)
		m2, ok := matchList(p.lang, sub.norm)
		if !ok {
			break
		}
		if m2.alt != nil && m2.kind != KindItem && m2.ord != 1 {
			m2 = *m2.alt
		}
		if m2.ord != 1 || !canContain(deepest.Kind, m2.kind) {
			break
		}
		deepest = p.push(m2, ln.num)
		deepest.Label = strings.TrimSpace(sub.orig[:sub.origAt(m2.labEnd)])
		rest = strings.TrimSpace(sub.orig[sub.origAt(m2.rest):])
	}
	p.last, p.open, p.lastTail = nil, false, false
	switch deepest.Kind {
	case KindPart, KindChapter, KindSection, KindSubsection:
		deepest.Heading = rest
	case KindArticle:
		switch {
		case rest == "":
		case m.sep || ln.heading:
			deepest.Heading = rest
		case p.lang == "zh" && (endsClause(rest) || utf8.RuneCountInString(rest) > 40):
			// 第一条　为了…。: a law's article, its first 款 on the label's line
			deepest.law = true
			deepest.add(fText, "", rest)
			p.last, p.open = deepest, !endsClause(rest)
		default:
			deepest.Heading = rest
		}
	default:
		deepest.add(fText, "", rest)
		if rest != "" {
			p.last, p.open = deepest, !endsClause(rest)
		}
	}
	for _, mk := range ln.marks {
		p.addMark(deepest, mk)
	}
}

// mayStartLabel is a cheap test of whether s could begin with a list label,
// before the line is normalised to find out.
func mayStartLabel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r == '(' || r == '（' || r == '’' || r == '‘' || r == '\'':
		return true
	case r >= 0x3220 && r <= 0x3229: // ㈠ … ㈩
		return true
	case unicode.IsDigit(r) || r >= 0xFF10 && r <= 0xFF19:
		return true
	}
	return r < 0x3000 && unicode.IsLower(r) || unicode.Is(unicode.Arabic, r)
}

// push opens a new unit for a marker under the right parent.
func (p *parser) push(m marker, line int) *Unit {
	i := p.parentIndex(m.kind)
	p.popTo(i)
	u := &Unit{Kind: m.kind, Line: line, Num: m.ord, Sub: m.sub}
	if i >= 0 {
		parent := p.stack[i]
		u.Parent = parent
		parent.Children = append(parent.Children, u)
	} else {
		p.doc.Units = append(p.doc.Units, u)
	}
	p.stack = append(p.stack, u)
	if _, ok := p.lastDiv[m.kind]; ok || m.kind == KindArticle || m.kind == KindChapter || m.kind == KindPart || m.kind == KindSection {
		p.lastDiv[m.kind] = u
	}
	if m.kind == KindPart { // chapters are numbered anew in each part
		delete(p.lastDiv, KindChapter)
		delete(p.lastDiv, KindSection)
	}
	if m.kind == KindChapter {
		delete(p.lastDiv, KindSection)
	}
	return u
}

// titleText adds a line to the title block, opening it if needed.
func (p *parser) titleText(ln *srcLine) {
	var t *Unit
	if len(p.doc.Units) > 0 && p.doc.Units[0].Kind == KindTitle {
		t = p.doc.Units[0]
	} else {
		t = &Unit{Kind: KindTitle, Line: ln.num}
		p.doc.Units = append([]*Unit{t}, p.doc.Units...)
	}
	t.add(fText, "\n", ln.text.orig)
	for _, m := range ln.marks {
		p.addMark(t, m)
	}
}

// textLine places a line that starts no unit.
func (p *parser) textLine(ln *srcLine) {
	s := ln.text.orig
	defer func() {
		p.open = !endsClause(s)
	}()
	// a page break inside a sentence: continue the previous line
	if p.open && p.last != nil {
		f := fText
		if p.lastTail {
			f = fTail
		}
		p.joinBroken(p.last, f, s, ln.num)
		for _, m := range ln.marks {
			p.addMark(p.last, m)
		}
		return
	}
	top := p.top()
	// a title on the line after its label: 第一章 / 总则, ### Article 1 / ####Title
	if top != nil && top.Heading == "" && len(top.field(fText)) == 0 && len(top.Children) == 0 && top.Label != "" {
		switch {
		case top.Kind == KindPart || top.Kind == KindChapter || top.Kind == KindSection || top.Kind == KindSubsection,
			top.Kind == KindArticle && (ln.heading || (!endsClause(s) && utf8.RuneCountInString(s) <= 80 && p.lang != "zh")):
			top.Heading = s
			for _, m := range ln.marks {
				p.addMark(top, m)
			}
			p.last = nil
			return
		}
	}
	p.lastTail = false
	var target *Unit
	switch {
	case top == nil:
		if len(p.doc.Units) > 0 && p.doc.Units[0].Kind != KindTitle || len(p.doc.Units) > 1 {
			// text after the structure closed: keep it as a block of its own
			target = &Unit{Kind: KindBlock, Line: ln.num, Text: s}
			p.doc.Units = append(p.doc.Units, target)
			p.stack = append(p.stack, target)
			break
		}
		p.titleText(ln) // title lines stay lines: never joined as page breaks
		p.last = nil
		return
	case top.Kind == KindTitle || top.Kind == KindClosing || top.Kind == KindFootnote || top.Kind == KindBlock:
		top.add(fText, "\n", s)
		target = top
	case top.Kind == KindPreamble || top.Kind == KindRecital:
		pre := top
		if pre.Kind == KindRecital {
			pre = pre.Parent
		}
		if len(pre.Children) == 0 && len(pre.field(fText)) == 0 && isChapeau(s) {
			pre.add(fText, "", s)
			target = pre
			break
		}
		p.popTo(p.indexOf(pre))
		target = &Unit{Kind: KindRecital, Line: ln.num, Parent: pre, Num: len(pre.Children) + 1}
		target.add(fText, "", s)
		pre.Children = append(pre.Children, target)
		p.stack = append(p.stack, target)
	case p.lawArticle() != nil && !(isList(top.Kind) && p.listGoesOn()):
		target = p.newClause(p.lawArticle(), s, ln.num)
	case isList(top.Kind) && (len(top.field(fText)) > 0 || len(top.Children) > 0):
		if p.pendingText == nil {
			p.pendingText = &Unit{Line: ln.num}
		}
		p.pendingText.add(fText, "\n", s)
		target = p.pendingText
	default:
		top.add(fText, "\n", s)
		target = top
	}
	for _, m := range ln.marks {
		if target == p.pendingText {
			target.Marks = append(target.Marks, m)
		} else {
			p.addMark(target, m)
		}
	}
	p.last = target
}

// listGoesOn looks at the next line that has content: does it continue a
// list that is open now? Then the text in between belongs to that list's
// item (本项规定的案件… between a law's 目 and its next 项), not to a
// new paragraph.
func (p *parser) listGoesOn() bool {
	m, ok := p.nextMarker()
	if !ok || !isList(m.kind) {
		return false
	}
	for c := &m; c != nil; c = c.alt {
		if c.kind != KindParagraph && c.ord > 1 && c.ord == p.expectedOrd(c.kind) {
			return true
		}
	}
	return false
}

func (p *parser) indexOf(u *Unit) int {
	for i, s := range p.stack {
		if s == u {
			return i
		}
	}
	return -1
}

// lawArticle returns the open article if it is a law's article, whose
// unnumbered lines are paragraphs (款) of their own.
func (p *parser) lawArticle() *Unit {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].Kind == KindArticle {
			if p.stack[i].law {
				return p.stack[i]
			}
			return nil
		}
	}
	return nil
}

// newClause opens the next implicit paragraph (款) of a law's article. The
// article's own text and items become its first paragraph.
func (p *parser) newClause(art *Unit, s string, line int) *Unit {
	p.popTo(p.indexOf(art))
	if !art.implicit {
		art.implicit = true
		first := &Unit{Kind: KindParagraph, Line: art.Line, Parent: art, Num: 1, Children: art.Children}
		first.setField(fText, art.field(fText))
		art.setField(fText, nil)
		for _, c := range first.Children {
			c.Parent = first
		}
		art.Children = []*Unit{first}
	}
	u := &Unit{Kind: KindParagraph, Line: line, Parent: art, Num: len(art.Children) + 1}
	u.add(fText, "", s)
	art.Children = append(art.Children, u)
	p.stack = append(p.stack, u)
	return u
}

// isChapeau tells the opening words of a preamble (本公约各缔约国，/ The
// States Parties to this Convention,) from a recital.
func isChapeau(s string) bool {
	return utf8.RuneCountInString(s) <= 60 && (strings.HasSuffix(s, "，") || strings.HasSuffix(s, ","))
}

// joinBroken joins a line to the field of u it continues: without a space
// in Han script, with one space elsewhere, undoing a hyphen at a Latin line
// end.
func (p *parser) joinBroken(u *Unit, f int, next string, line int) {
	prev := u.field(f)
	if len(prev) == 0 {
		u.add(f, "", next)
		return
	}
	last, _ := utf8.DecodeLastRune(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if last == '-' && len(prev) > 1 && unicode.IsLower(first) {
		before, _ := utf8.DecodeLastRune(prev[:len(prev)-1])
		if unicode.Is(unicode.Latin, before) {
			p.doc.Markup = append(p.doc.Markup, Span{Line: line - 1, Text: "-", Why: "hyphen"})
			u.setField(f, append(prev[:len(prev)-1], next...))
			return
		}
	}
	if isWide(last) || isWide(first) {
		u.add(f, "", next)
		return
	}
	u.add(f, " ", next)
}

// isWide reports characters of scripts written without spaces between words.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == '“' || r == '”'
}
