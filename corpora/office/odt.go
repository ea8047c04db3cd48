package office

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"concord/corpora/input"
)

// Reading OpenDocument text (.odt, and the flat .fodt XML). The reader
// streams styles.xml (list and paragraph styles, the outline numbering of
// headings; the master pages with their headers and footers are skipped)
// and content.xml (automatic styles, then the body).

const (
	odfText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	odfOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	odfStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	odfTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	odfDraw   = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
	xmlNS     = "http://www.w3.org/XML/1998/namespace"
)

// odtRegion is a tracked change of text:tracked-changes.
type odtRegion struct {
	kind  string  // "insertion", "deletion", "format-change"
	paras []*para // a deletion's removed content
}

// odtList is an open text:list.
type odtList struct {
	key string
	def *listDef
}

// odtItem is an open text:list-item or text:list-header.
type odtItem struct {
	header  bool
	labeled bool // its first paragraph has been numbered
	value   int  // text:start-value
	def     *listDef
}

// odtFrame is the state of one flow of paragraphs: the body, a note body,
// a tracked deletion.
type odtFrame struct {
	sink  *[]*para
	cur   *para
	outer []*para
	lists []odtList
	items []odtItem
	all   bool // keep empty paragraphs too (a deletion's paragraph breaks matter)
}

type odtReader struct {
	name       string
	listStyles map[string]*listDef // by style name, automatic styles overriding named ones within content.xml
	paraList   map[string]string   // paragraph style → list style name
	paraParent map[string]string
	superStyle map[string]bool // text styles that raise text (superscript)
	outline    *listDef

	// Style parsing state.
	curList  *listDef
	curLevel *listLevel
	curStyle string
	curFam   string

	// Body state.
	openElements[xmlEvent] // open elements (names and attributes)

	inBody   bool
	f        *odtFrame
	frames   []*odtFrame
	paras    []*para
	regions  map[string]*odtRegion
	region   *odtRegion
	openIns  map[string]bool
	super    []bool // per open text:span: raised
	listKeys map[string]string
	lastList map[string]string
	lastKey  string
	keyDef   map[string]*listDef // the list style of each list's counters
	nlists   int
	pendSp   bool // the last character data written ended with a space
	count    paraCounter
	part     string // the part being read and a space, "" for a flat ODT
}

// readODT reads an .odt archive or a flat .fodt file.
func readODT(name string, data []byte) (*views, error) {
	r := &odtReader{name: name, listStyles: map[string]*listDef{}, paraList: map[string]string{},
		paraParent: map[string]string{}, superStyle: map[string]bool{}, regions: map[string]*odtRegion{},
		openIns: map[string]bool{}, listKeys: map[string]string{}, lastList: map[string]string{},
		keyDef: map[string]*listDef{}}
	r.f = &odtFrame{sink: &r.paras}
	if !bytes.HasPrefix(data, []byte("PK")) {
		if len(data) > input.MaxFileBytes {
			return nil, input.TooLarge(name, int64(len(data)))
		}
		err := streamXML(name, "", bytes.NewReader(input.TrimBOM(data)), r.event)
		if err != nil {
			return nil, xmlErrToInput(name, err)
		}
		return &views{paras: r.paras}, nil
	}
	a, err := openArchive(name, data)
	if err != nil {
		return nil, err
	}
	if !a.has("content.xml") {
		return nil, input.Errorf(name, "not an OpenDocument text: the archive has no content.xml")
	}
	for _, part := range []string{"styles.xml", "content.xml"} {
		rc, err := a.open(part)
		if err != nil {
			return nil, err
		}
		if rc == nil {
			continue
		}
		r.part = part + " "
		err = streamXML(name, part, rc, r.event)
		rc.Close()
		if err != nil {
			return nil, xmlErrToInput(name, err)
		}
	}
	return &views{paras: r.paras}, nil
}

func (e *xmlEvent) is(space, local string) bool {
	return e.name.Space == space && e.name.Local == local
}

func (r *odtReader) event(ev xmlEvent) error {
	switch ev.kind {
	case evStart:
		ev.attrs = append([]xml.Attr(nil), ev.attrs...)
		if r.open(ev) {
			return nil
		}
		r.start(r.top())
	case evEnd:
		if r.endSkipped() {
			return nil
		}
		err := r.end(r.top())
		r.drop()
		return err
	case evText:
		if r.skip == 0 && r.f.cur != nil && r.inBody {
			r.text(string(ev.text))
			if r.f.cur.tooLong() {
				return lineError(r.name, fmt.Sprintf("%sline %d", r.part, ev.line))
			}
		}
	}
	return nil
}

// odtSkipped are elements whose content is never document text.
var odtSkipped = map[string]bool{
	"master-styles": true, "font-face-decls": true, "scripts": true, "settings": true, "meta": true,
	"annotation": true, "change-info": true, "note-citation": true, "number": true,
	"sequence-decls": true, "variable-decls": true, "user-field-decls": true, "dde-connection-decls": true,
	"forms": true, "table-of-content-source": true, "illustration-index-source": true,
	"alphabetical-index-source": true, "table-index-source": true, "object-index-source": true,
	"user-index-source": true, "bibliography-source": true, "ruby-text": true,
	"conditional-text": true, "table-columns": true, "table-column": true, "table-column-group": true,
	"image": true, "title": true, "desc": true, "calculation-settings": true, "content-validations": true,
	"label-ranges": true, "named-expressions": true, "database-ranges": true, "event-listeners": true,
}

func (r *odtReader) start(ev *xmlEvent) {
	local := ev.name.Local
	if local == "note-citation" {
		if l, ok := ev.attrNS(odfText, "label"); ok && l != "" && r.f.cur != nil {
			if n := len(r.f.cur.spans); n > 0 && r.f.cur.spans[n-1].note != nil {
				r.f.cur.spans[n-1].text = l
				r.f.cur.spans[n-1].note.mark = l
			}
		}
	}
	if odtSkipped[local] && !(ev.name.Space == odfText && (local == "title" || local == "meta")) {
		r.skipThis()
		return
	}
	switch ev.name.Space {
	case odfStyle, odfText, odfOffice:
		if r.styleStart(ev) {
			return
		}
	}
	switch {
	case ev.is(odfOffice, "body"):
		r.inBody = true
	case !r.inBody:
	case ev.name.Space == odfText:
		r.textStart(ev)
	case ev.is(odfDraw, "text-box"):
		// A text box's paragraphs are read after the paragraph that holds it.
		sink := r.f.sink
		if r.f.cur != nil {
			sink = &r.f.cur.after
		}
		r.push(&odtFrame{sink: sink})
	}
}

func (r *odtReader) textStart(ev *xmlEvent) {
	f := r.f
	switch ev.name.Local {
	case "tracked-changes":
	case "changed-region":
		id, _ := ev.attrNS(xmlNS, "id")
		if id == "" {
			id, _ = ev.attrNS(odfText, "id")
		}
		r.region = &odtRegion{}
		r.regions[id] = r.region
	case "insertion", "deletion", "format-change":
		if r.region == nil || r.parent(1).name.Local != "changed-region" {
			return
		}
		r.region.kind = ev.name.Local
		if ev.name.Local == "deletion" {
			r.push(&odtFrame{sink: &r.region.paras, all: true})
		}
	case "change-start":
		id, _ := ev.attrNS(odfText, "change-id")
		if g := r.regions[id]; g != nil && g.kind == "insertion" {
			r.openIns[id] = true
		}
	case "change-end":
		id, _ := ev.attrNS(odfText, "change-id")
		delete(r.openIns, id)
	case "change":
		id, _ := ev.attrNS(odfText, "change-id")
		if g := r.regions[id]; g != nil && g.kind == "deletion" {
			r.deletion(g)
		}
	case "hidden-paragraph", "hidden-text":
		if v, _ := ev.attrNS(odfText, "is-hidden"); v == "true" {
			r.skipThis()
		}
	case "p", "h":
		r.paraStart(ev)
	case "list":
		r.listStart(ev)
	case "list-item", "list-header":
		it := odtItem{header: ev.name.Local == "list-header"}
		if v, ok := ev.attrNS(odfText, "start-value"); ok {
			it.value = atoi(v, 0)
		}
		if s, ok := ev.attrNS(odfText, "style-override"); ok {
			it.def = r.listStyles[s]
		}
		f.items = append(f.items, it)
	case "span":
		s, _ := ev.attrNS(odfText, "style-name")
		r.super = append(r.super, r.superStyle[s])
	case "s":
		n := 1
		if c, ok := ev.attrNS(odfText, "c"); ok {
			n = min(max(atoi(c, 1), 1), 1000)
		}
		r.add(strings.Repeat(" ", n))
	case "tab":
		r.add("\t")
	case "line-break":
		r.add("\n")
	case "note":
		if f.cur == nil {
			r.skipThis()
			return
		}
		n := &note{}
		f.cur.spans = append(f.cur.spans, span{rev: r.rev(), note: n})
	case "note-body":
		var n *note
		if f.cur != nil {
			if k := len(f.cur.spans); k > 0 {
				n = f.cur.spans[k-1].note
			}
		}
		if n == nil {
			r.skipThis()
			return
		}
		r.push(&odtFrame{sink: &n.paras})
	}
}

// push starts a new flow of paragraphs.
func (r *odtReader) push(f *odtFrame) {
	r.frames = append(r.frames, r.f)
	r.f = f
	r.pendSp = false
}

func (r *odtReader) pop() {
	if n := len(r.frames); n > 0 {
		r.f = r.frames[n-1]
		r.frames = r.frames[:n-1]
	}
}

// rev is the change state of text read now.
func (r *odtReader) rev() rev {
	if len(r.openIns) > 0 {
		return revIns
	}
	return revNone
}

// add writes text that is not character data (spaces, tabs, breaks).
func (r *odtReader) add(s string) {
	if r.f.cur == nil {
		return
	}
	r.f.cur.add(s, r.rev())
	r.pendSp = false
}

// text writes character data, collapsing white space as ODF prescribes:
// runs of spaces, tabs and line ends are one space, and none starts a
// paragraph.
func (r *odtReader) text(s string) {
	var b strings.Builder
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if r.pendSp || len(r.f.cur.spans) == 0 && b.Len() == 0 {
				continue
			}
			r.pendSp = true
			b.WriteByte(' ')
			continue
		}
		r.pendSp = false
		b.WriteRune(c)
	}
	t := b.String()
	if n := len(r.super); n > 0 && r.super[n-1] {
		t = superscriptDigits(t)
	}
	r.f.cur.add(t, r.rev())
}

// paraStart opens a paragraph or heading and settles its numbering.
func (r *odtReader) paraStart(ev *xmlEvent) {
	f := r.f
	if f.cur != nil {
		f.outer = append(f.outer, f.cur)
	}
	p := &para{}
	f.cur = p
	r.pendSp = false
	var n *numRef
	if k := len(f.items); k > 0 && len(f.lists) > 0 {
		it := &f.items[k-1]
		l := f.lists[len(f.lists)-1]
		def := l.def
		if it.def != nil {
			def = it.def
		}
		if def == nil {
			def = r.paraListDef(ev)
		}
		switch {
		case def == nil:
		case it.header:
			n = &numRef{quiet: true}
		case !it.labeled:
			it.labeled = true
			n = &numRef{def: def, key: l.key, level: min(len(f.lists)-1, maxLevels-1), value: it.value}
		}
	} else if ev.name.Local == "h" && r.outline != nil {
		lvl := 1
		if v, ok := ev.attrNS(odfText, "outline-level"); ok {
			lvl = atoi(v, 1)
		}
		hdr, _ := ev.attrNS(odfText, "is-list-header")
		if lvl >= 1 && lvl <= maxLevels && hdr != "true" && r.outline.levels[lvl-1].format != "none" {
			n = &numRef{def: r.outline, key: "outline", level: lvl - 1}
			if v, ok := ev.attrNS(odfText, "start-value"); ok {
				n.value = atoi(v, 0)
			}
		}
	}
	p.num = [2]*numRef{n, n}
}

// paraListDef returns the list style a paragraph's style names.
func (r *odtReader) paraListDef(ev *xmlEvent) *listDef {
	s, _ := ev.attrNS(odfText, "style-name")
	for i := 0; i < 20 && s != ""; i++ {
		if l := r.paraList[s]; l != "" {
			return r.listStyles[l]
		}
		s = r.paraParent[s]
	}
	return nil
}

// listStart opens a text:list, settling which counters it numbers on.
func (r *odtReader) listStart(ev *xmlEvent) {
	f := r.f
	style, _ := ev.attrNS(odfText, "style-name")
	def := r.listStyles[style]
	if len(f.lists) > 0 {
		parent := f.lists[len(f.lists)-1]
		if def == nil {
			def = parent.def
		}
		f.lists = append(f.lists, odtList{key: parent.key, def: def})
		return
	}
	key := ""
	if c, ok := ev.attrNS(odfText, "continue-list"); ok {
		key = r.listKeys[c]
	}
	if cn, _ := ev.attrNS(odfText, "continue-numbering"); key == "" && cn == "true" {
		if key = r.lastList[style]; key == "" {
			key = r.lastKey
		}
	}
	if key == "" {
		r.nlists++
		key = "list" + strconv.Itoa(r.nlists)
	}
	if def == nil {
		def = r.keyDef[key] // a continued list keeps its style
	} else if r.keyDef[key] == nil {
		r.keyDef[key] = def
	}
	if id, ok := ev.attrNS(xmlNS, "id"); ok {
		r.listKeys[id] = key
	}
	r.lastList[style], r.lastKey = key, key
	f.lists = append(f.lists, odtList{key: key, def: def})
}

// deletion restores, in the old view, the content a tracked deletion
// removed at this point: its first paragraph's text inline, each further
// paragraph as a new paragraph whose mark exists only in the old view.
func (r *odtReader) deletion(g *odtRegion) {
	f := r.f
	for i, dp := range g.paras {
		if f.cur == nil {
			q := &para{mark: revDel}
			for _, s := range dp.spans {
				s.rev = revDel
				q.spans = append(q.spans, s)
			}
			*f.sink = append(*f.sink, q)
			continue
		}
		if i > 0 {
			prev := f.cur
			prev.mark = revDel
			r.emit(prev)
			q := &para{}
			if n := prev.num[viewOld]; n != nil && n.def != nil {
				c := &numRef{def: n.def, key: n.key, level: n.level}
				q.num = [2]*numRef{c, c}
			}
			f.cur = q
		}
		for _, s := range dp.spans {
			s.rev = revDel
			f.cur.spans = append(f.cur.spans, s)
		}
	}
}

// emit hands a finished paragraph to its flow (or to the paragraph that
// holds it, for a text box).
func (r *odtReader) emit(p *para) {
	f := r.f
	if k := len(f.outer); k > 0 {
		f.outer[k-1].after = append(f.outer[k-1].after, p)
		return
	}
	*f.sink = append(*f.sink, p)
}

func (r *odtReader) end(ev *xmlEvent) error {
	if ev.name.Space == odfStyle || ev.name.Space == odfText || ev.name.Space == odfOffice {
		r.styleEnd(ev)
	}
	if ev.is(odfOffice, "body") {
		r.inBody = false
		return nil
	}
	if r.inBody && ev.is(odfDraw, "text-box") {
		r.pop()
		return nil
	}
	if !r.inBody || ev.name.Space != odfText {
		return nil
	}
	f := r.f
	switch ev.name.Local {
	case "p", "h":
		p := f.cur
		if p == nil {
			return nil
		}
		if len(r.openIns) > 0 && p.mark == revNone {
			p.mark = revIns
		}
		r.pendSp = false
		keep, err := r.count.keep(r.name, p)
		if err != nil {
			return err
		}
		f.cur = endPara(p, keep || f.all, &f.outer, f.sink)
	case "list":
		if n := len(f.lists); n > 0 {
			f.lists = f.lists[:n-1]
		}
	case "list-item", "list-header":
		if n := len(f.items); n > 0 {
			f.items = f.items[:n-1]
		}
	case "span":
		if n := len(r.super); n > 0 {
			r.super = r.super[:n-1]
		}
	case "note-body":
		r.pop()
	case "deletion":
		if r.region != nil && r.parent(1).name.Local == "changed-region" {
			r.pop()
		}
	case "changed-region":
		r.region = nil
	}
	return nil
}

// styleStart reads list, paragraph and text styles; it reports whether the
// element was a style element.
func (r *odtReader) styleStart(ev *xmlEvent) bool {
	switch {
	case ev.is(odfText, "list-style"):
		name, _ := ev.attrNS(odfStyle, "name")
		r.curList = &listDef{}
		for i := range r.curList.levels {
			r.curList.levels[i] = listLevel{format: "none", start: 1, restart: -1, suffix: " "}
		}
		r.listStyles[name] = r.curList
	case ev.is(odfText, "outline-style"):
		r.curList = &listDef{}
		for i := range r.curList.levels {
			r.curList.levels[i] = listLevel{format: "none", start: 1, restart: -1, suffix: " "}
		}
		r.outline = r.curList
	case ev.is(odfText, "list-level-style-number"), ev.is(odfText, "outline-level-style"),
		ev.is(odfText, "list-level-style-bullet"), ev.is(odfText, "list-level-style-image"):
		if r.curList == nil {
			return true
		}
		lvl := 1
		if v, ok := ev.attrNS(odfText, "level"); ok {
			lvl = atoi(v, 1)
		}
		if lvl < 1 || lvl > maxLevels {
			r.curLevel = nil
			return true
		}
		lv := &r.curList.levels[lvl-1]
		r.curLevel = lv
		if ev.name.Local == "list-level-style-bullet" || ev.name.Local == "list-level-style-image" {
			lv.format = "bullet"
			return true
		}
		f, _ := ev.attrNS(odfStyle, "num-format")
		sync, _ := ev.attrNS(odfStyle, "num-letter-sync")
		lv.format, lv.sync = odfFormat(f, sync == "true")
		if v, ok := ev.attrNS(odfText, "start-value"); ok {
			lv.start = atoi(v, 1)
		}
		if lf := ev.attr("num-list-format"); lf != "" {
			// LibreOffice's own template: %1% … %10%.
			var b strings.Builder
			for i := 0; i < len(lf); i++ {
				if lf[i] == '%' && i+1 < len(lf) && lf[i+1] >= '1' && lf[i+1] <= '9' {
					j := i + 1
					for j < len(lf) && lf[j] >= '0' && lf[j] <= '9' {
						j++
					}
					if j < len(lf) && lf[j] == '%' {
						b.WriteString("%" + lf[i+1:j])
						i = j
						continue
					}
				}
				b.WriteByte(lf[i])
			}
			lv.text = b.String()
			return true
		}
		display := 1
		if v, ok := ev.attrNS(odfText, "display-levels"); ok {
			display = min(max(atoi(v, 1), 1), lvl)
		}
		prefix, _ := ev.attrNS(odfStyle, "num-prefix")
		suffix, _ := ev.attrNS(odfStyle, "num-suffix")
		var b strings.Builder
		b.WriteString(prefix)
		for k := lvl - display + 1; k <= lvl; k++ {
			if k > lvl-display+1 {
				b.WriteByte('.')
			}
			b.WriteString("%" + strconv.Itoa(k))
		}
		b.WriteString(suffix)
		lv.text = b.String()
		if lv.format == "none" {
			lv.text = prefix + suffix
		}
	case ev.is(odfStyle, "list-level-label-alignment"):
		if r.curLevel != nil {
			if v, _ := ev.attrNS(odfText, "label-followed-by"); v == "nothing" {
				r.curLevel.suffix = ""
			}
		}
	case ev.is(odfStyle, "style"):
		r.curStyle, _ = ev.attrNS(odfStyle, "name")
		r.curFam, _ = ev.attrNS(odfStyle, "family")
		if r.curFam == "paragraph" {
			if l, ok := ev.attrNS(odfStyle, "list-style-name"); ok {
				r.paraList[r.curStyle] = l
			}
			if p, ok := ev.attrNS(odfStyle, "parent-style-name"); ok {
				r.paraParent[r.curStyle] = p
			}
		}
	case ev.is(odfStyle, "text-properties"):
		if r.curFam == "text" && r.curStyle != "" {
			if pos, ok := ev.attrNS(odfStyle, "text-position"); ok {
				f := strings.Fields(pos)
				if len(f) > 0 && (f[0] == "super" || (!strings.HasPrefix(f[0], "-") && f[0] != "0%" && strings.HasSuffix(f[0], "%"))) {
					r.superStyle[r.curStyle] = true
				}
			}
		}
	default:
		return false
	}
	return true
}

func (r *odtReader) styleEnd(ev *xmlEvent) {
	switch {
	case ev.is(odfText, "list-style"), ev.is(odfText, "outline-style"):
		r.curList = nil
	case ev.is(odfText, "list-level-style-number"), ev.is(odfText, "outline-level-style"),
		ev.is(odfText, "list-level-style-bullet"), ev.is(odfText, "list-level-style-image"):
		r.curLevel = nil
	case ev.is(odfStyle, "style"):
		r.curStyle, r.curFam = "", ""
	}
}
