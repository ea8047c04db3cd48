package office

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"concord/corpora/input"
)

// Reading .docx (WordprocessingML) documents. The reader streams the XML of
// the main document, its numbering, styles, footnotes and endnotes out of
// the archive; headers, footers, comments and embedded objects are not
// read.

// WordprocessingML namespaces (transitional and strict) and OMML's.
const (
	wNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wNSStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	mathNS    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	mcNS      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(space string) bool { return space == wNS || space == wNSStrict }

// docxStyle is what the reader needs of a paragraph style.
type docxStyle struct {
	basedOn  string
	numID    string // "" none given; "0" numbering removed
	ilvl     int
	hasIlvl  bool
	isNumSty bool // a numbering style (w:type="numbering")
}

// docxNum is a w:num: an instance of an abstract numbering.
type docxNum struct {
	abstract string
	over     map[int]int        // startOverride by level
	lvls     map[int]*listLevel // whole levels overridden
}

// docxAbstract is a w:abstractNum.
type docxAbstract struct {
	def       *listDef
	styleLink string // w:numStyleLink: the levels are those of the numbering style's list
	pStyles   map[string]int
}

type docxReader struct {
	a         *archive
	name      string
	styles    map[string]*docxStyle
	defStyle  string
	nums      map[string]*docxNum
	abstracts map[string]*docxAbstract
	defs      map[string]*listDef // resolved definitions by numId
	notes     map[string]*note    // "f12", "e3"
	count     paraCounter
}

// readDocx reads a .docx archive.
func readDocx(name string, data []byte) (*views, error) {
	a, err := openArchive(name, data)
	if err != nil {
		return nil, err
	}
	r := &docxReader{a: a, name: name, styles: map[string]*docxStyle{}, nums: map[string]*docxNum{},
		abstracts: map[string]*docxAbstract{}, defs: map[string]*listDef{}, notes: map[string]*note{}}
	root, err := a.relTargets("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	main := root["/officeDocument"]
	if main == "" || !a.has(main) {
		main = "word/document.xml"
	}
	if !a.has(main) {
		return nil, input.Errorf(name, "not a .docx document: the archive has no word/document.xml")
	}
	dir := path.Dir(main)
	rels, err := a.relTargets(path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	part := func(typ, def string) string {
		if p := rels[typ]; p != "" {
			return p
		}
		return path.Join(dir, def)
	}
	steps := []struct {
		part string
		fn   func(ev xmlEvent) error
	}{
		{part("/styles", "styles.xml"), r.styleEvent()},
		{part("/numbering", "numbering.xml"), r.numberingEvent()},
	}
	for _, s := range steps {
		if err := r.stream(s.part, s.fn); err != nil {
			return nil, err
		}
	}
	for _, n := range []struct{ part, kind string }{{part("/footnotes", "footnotes.xml"), "f"}, {part("/endnotes", "endnotes.xml"), "e"}} {
		w := r.walker(n.kind, n.part)
		if err := r.stream(n.part, w.event); err != nil {
			return nil, err
		}
	}
	w := r.walker("", main)
	if err := r.stream(main, w.event); err != nil {
		return nil, err
	}
	return &views{paras: w.paras}, nil
}

// stream parses one part of the archive, if it exists.
func (r *docxReader) stream(part string, fn func(xmlEvent) error) error {
	rc, err := r.a.open(part)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	if err := streamXML(r.name, part, rc, fn); err != nil {
		return xmlErrToInput(r.name, err)
	}
	return nil
}

// onOff reads a WordprocessingML boolean attribute (absent means on).
func onOff(ev *xmlEvent) bool {
	switch ev.attr("val") {
	case "0", "false", "off":
		return false
	}
	return true
}

func atoi(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// styleEvent collects paragraph and numbering styles from styles.xml.
func (r *docxReader) styleEvent() func(xmlEvent) error {
	var cur *docxStyle
	start := func(ev *xmlEvent, els *openElements[string]) {
		parent := els.parent(1)
		switch {
		case ev.name.Local == "style":
			typ := ev.attr("type")
			if typ != "paragraph" && typ != "numbering" {
				cur = nil
				break
			}
			cur = &docxStyle{isNumSty: typ == "numbering"}
			id := ev.attr("styleId")
			r.styles[id] = cur
			if typ == "paragraph" && onOffAttr(ev.attr("default")) {
				r.defStyle = id
			}
		case cur == nil || inAny(els.stack, "pPrChange", "rPr"):
		case ev.name.Local == "basedOn" && parent == "style":
			cur.basedOn = ev.attr("val")
		case ev.name.Local == "numId" && parent == "numPr":
			cur.numID = ev.attr("val")
		case ev.name.Local == "ilvl" && parent == "numPr":
			cur.ilvl, cur.hasIlvl = atoi(ev.attr("val"), 0), true
		}
	}
	return elementEvents(start, func(ev *xmlEvent) {
		if ev.name.Local == "style" {
			cur = nil
		}
	})
}

// elementEvents makes the reader of a definitions part (styles.xml,
// numbering.xml) from start, which sees each element open with the stack
// of the open ones (its own innermost), and end, which sees each close.
func elementEvents(start func(ev *xmlEvent, els *openElements[string]), end func(ev *xmlEvent)) func(xmlEvent) error {
	var els openElements[string]
	return func(ev xmlEvent) error {
		switch ev.kind {
		case evStart:
			els.open(ev.name.Local)
			start(&ev, &els)
		case evEnd:
			end(&ev)
			els.drop()
		}
		return nil
	}
}

func onOffAttr(v string) bool { return v == "1" || v == "true" || v == "on" }

// inAny reports whether any open element has one of the names.
func inAny(stack []string, names ...string) bool {
	for _, s := range stack {
		for _, n := range names {
			if s == n {
				return true
			}
		}
	}
	return false
}

// emptyDocxDef returns a definition whose levels print nothing until
// numbering.xml defines them.
func emptyDocxDef() *listDef {
	d := &listDef{}
	for i := range d.levels {
		d.levels[i] = listLevel{format: "decimal", restart: -1, suffix: " "}
	}
	return d
}

// numberingEvent reads numbering.xml.
func (r *docxReader) numberingEvent() func(xmlEvent) error {
	var abs *docxAbstract
	var num *docxNum
	var lvl *listLevel
	lvlIdx, overLvl := -1, -1
	start := func(ev *xmlEvent, els *openElements[string]) {
		parent := els.parent(1)
		switch ev.name.Local {
		case "abstractNum":
			abs = &docxAbstract{def: emptyDocxDef(), pStyles: map[string]int{}}
			r.abstracts[ev.attr("abstractNumId")] = abs
		case "num":
			if parent == "numbering" {
				num = &docxNum{over: map[int]int{}, lvls: map[int]*listLevel{}}
				r.nums[ev.attr("numId")] = num
			}
		case "abstractNumId":
			if num != nil {
				num.abstract = ev.attr("val")
			}
		case "numStyleLink":
			if abs != nil {
				abs.styleLink = ev.attr("val")
			}
		case "lvlOverride":
			overLvl = atoi(ev.attr("ilvl"), -1)
		case "startOverride":
			if num != nil && overLvl >= 0 && overLvl < maxLevels {
				num.over[overLvl] = atoi(ev.attr("val"), 0)
			}
		case "lvl":
			l := atoi(ev.attr("ilvl"), -1)
			lvl, lvlIdx = nil, l
			if l < 0 || l >= maxLevels {
				break
			}
			switch {
			case num != nil && overLvl >= 0:
				lvl = &listLevel{format: "decimal", restart: -1, suffix: " "}
				num.lvls[l] = lvl
			case abs != nil:
				lvl = &abs.def.levels[l]
			}
		}
		if lvl == nil || parent != "lvl" {
			return
		}
		switch ev.name.Local {
		case "start":
			lvl.start = atoi(ev.attr("val"), 0)
		case "numFmt":
			lvl.format = ev.attr("val")
		case "lvlText":
			lvl.text = ev.attr("val")
		case "lvlRestart":
			lvl.restart = atoi(ev.attr("val"), -1)
		case "isLgl":
			lvl.legal = onOff(ev)
		case "suff":
			if ev.attr("val") == "nothing" {
				lvl.suffix = ""
			}
		case "pStyle":
			if abs != nil && num == nil {
				abs.pStyles[ev.attr("val")] = lvlIdx
			}
		}
	}
	return elementEvents(start, func(ev *xmlEvent) {
		switch ev.name.Local {
		case "abstractNum":
			abs = nil
		case "num":
			// A level replaced in an instance restarts at its start.
			if num != nil {
				for l, lv := range num.lvls {
					if _, ok := num.over[l]; !ok {
						num.over[l] = lv.start
					}
				}
			}
			num = nil
		case "lvlOverride":
			overLvl = -1
		case "lvl":
			lvl = nil
		}
	})
}

// numRef resolves the numbering of a paragraph from its direct numPr
// (numID "" if none) and its style.
func (r *docxReader) numRef(numID string, ilvl int, hasIlvl bool, style string) *numRef {
	if style == "" {
		style = r.defStyle
	}
	// The style chain gives what the paragraph does not: the first style
	// with a numId gives it, the first with an ilvl the level.
	for i, s := 0, style; i < 20 && s != "" && (numID == "" || !hasIlvl); i++ {
		st := r.styles[s]
		if st == nil {
			break
		}
		if numID == "" && st.numID != "" {
			numID = st.numID
		}
		if !hasIlvl && st.hasIlvl {
			ilvl, hasIlvl = st.ilvl, true
		}
		s = st.basedOn
	}
	if numID == "" || numID == "0" {
		return nil
	}
	num := r.nums[numID]
	if num == nil {
		return nil
	}
	absID, abs := r.abstract(num)
	if abs == nil {
		return nil
	}
	if !hasIlvl {
		if l, ok := abs.pStyles[style]; ok {
			ilvl = l
		}
	}
	if ilvl < 0 || ilvl >= maxLevels {
		return nil
	}
	def := abs.def
	if len(num.lvls) > 0 {
		def = r.defs[numID]
		if def == nil {
			c := *abs.def
			for l, lv := range num.lvls {
				c.levels[l] = *lv
			}
			def = &c
			r.defs[numID] = def
		}
	}
	return &numRef{def: def, key: "abs" + absID, inst: "num" + numID, over: num.over, level: ilvl}
}

// abstract finds a num's abstract numbering, following a numbering style
// link (numStyleLink) to the list that defines the levels.
func (r *docxReader) abstract(num *docxNum) (string, *docxAbstract) {
	id := num.abstract
	for range 4 {
		abs := r.abstracts[id]
		if abs == nil || abs.styleLink == "" {
			return id, abs
		}
		st := r.styles[abs.styleLink]
		if st == nil || st.numID == "" {
			return id, abs
		}
		n := r.nums[st.numID]
		if n == nil || n.abstract == id {
			return id, abs
		}
		id = n.abstract
	}
	return id, r.abstracts[id]
}

// docxPPr is what a paragraph's properties say about numbering.
type docxPPr struct {
	style   string
	numID   string
	ilvl    int
	hasIlvl bool
	numIns  bool // the numbering was added as a tracked change
}

// docxWalker reads the paragraphs of document.xml, footnotes.xml or
// endnotes.xml.
type docxWalker struct {
	r     *docxReader
	kind  string // "" document, "f" footnotes, "e" endnotes
	part  string
	paras []*para
	sink  *[]*para // where finished top-level paragraphs go

	openElements[string] // local names of the open elements

	cur    *para
	outer  []*para // paragraphs enclosing a text box's paragraph
	pNew   docxPPr
	pOld   docxPPr
	hasOld bool

	ins, del   int    // open insertion and deletion containers
	rowRev     []rev  // tracked change state of the open table rows
	fields     []bool // open complex fields: true once past their code
	inText     bool
	vanish     bool
	super      bool
	customSpan int // index in cur.spans of a note reference waiting for its custom mark; -1 none
	altDepth   []int
}

func (r *docxReader) walker(kind, part string) *docxWalker {
	w := &docxWalker{r: r, kind: kind, part: part, customSpan: -1}
	w.sink = &w.paras
	return w
}

// rev returns the change state of text read now, and whether it is in
// either view at all.
func (w *docxWalker) rev() (rev, bool) {
	del := w.del > 0
	ins := w.ins > 0
	for _, r := range w.rowRev {
		switch r {
		case revDel:
			del = true
		case revIns:
			ins = true
		}
	}
	return revOf(del, ins)
}

// visible reports whether text read now shows: not hidden, not field code.
func (w *docxWalker) visible() bool {
	if w.cur == nil || w.vanish {
		return false
	}
	for _, res := range w.fields {
		if !res {
			return false
		}
	}
	return true
}

func (w *docxWalker) addText(s string) {
	if !w.visible() || s == "" {
		return
	}
	r, ok := w.rev()
	if !ok {
		return
	}
	if w.customSpan >= 0 && w.customSpan < len(w.cur.spans) {
		sp := &w.cur.spans[w.customSpan]
		sp.text = s
		sp.note.mark = s
		w.customSpan = -1
		return
	}
	if w.super {
		s = superscriptDigits(s)
	}
	w.cur.add(s, r)
}

// skipped are WordprocessingML elements whose content is never text.
var docxSkipped = map[string]bool{
	"instrText": true, "delInstrText": true, "sectPr": true, "rPrChange": true, "tblPr": true,
	"tblGrid": true, "tcPr": true, "sdtPr": true, "sdtEndPr": true, "tblPrEx": true,
	"tblPrChange": true, "tcPrChange": true, "trPrChange": true, "sectPrChange": true,
	"commentReference": true, "annotationRef": true, "footnoteRef": true, "endnoteRef": true,
	"separator": true, "continuationSeparator": true, "fldData": true, "object": true,
	"movie": true, "permStart": true, "control": true,
}

func (w *docxWalker) event(ev xmlEvent) error {
	switch ev.kind {
	case evStart:
		if w.open(ev.name.Local) {
			return nil
		}
		w.start(&ev)
	case evEnd:
		if w.endSkipped() {
			return nil
		}
		err := w.end(&ev)
		w.drop()
		return err
	case evText:
		if w.skip == 0 && w.inText {
			w.addText(string(ev.text))
			if w.cur != nil && w.cur.tooLong() {
				return lineError(w.r.name, fmt.Sprintf("%s line %d", w.part, ev.line))
			}
		}
	}
	return nil
}

func (w *docxWalker) start(ev *xmlEvent) {
	local := ev.name.Local
	space := ev.name.Space
	if space == mcNS {
		switch local {
		case "Choice":
			// Take the first choice of an AlternateContent, skip the rest.
			if n := len(w.altDepth); n > 0 && w.altDepth[n-1] > 0 {
				w.skipThis()
				return
			}
			if n := len(w.altDepth); n > 0 {
				w.altDepth[n-1]++
			}
		case "Fallback":
			if n := len(w.altDepth); n > 0 && w.altDepth[n-1] > 0 {
				w.skipThis()
			}
		case "AlternateContent":
			w.altDepth = append(w.altDepth, 0)
		}
		return
	}
	if space == mathNS {
		if local == "t" {
			w.inText = true
		}
		return
	}
	if !isW(space) {
		return // DrawingML, VML, …: look inside for text boxes only
	}
	if docxSkipped[local] {
		w.skipThis()
		return
	}
	p1 := w.parent(1)
	switch local {
	case "footnote", "endnote":
		if w.kind == "" || p1 != "footnotes" && p1 != "endnotes" {
			return
		}
		switch ev.attr("type") {
		case "", "normal":
		default:
			w.skipThis()
			return
		}
		n := &note{}
		w.r.notes[w.kind+ev.attr("id")] = n
		w.sink = &n.paras
	case "p":
		if w.cur != nil {
			w.outer = append(w.outer, w.cur)
		}
		w.cur = &para{}
		w.pNew, w.pOld, w.hasOld = docxPPr{}, docxPPr{}, false
		w.customSpan = -1
	case "pPrChange":
		if p1 == "pPr" {
			w.hasOld = true
		}
	case "pStyle", "numId", "ilvl":
		if p1 == "pPr" || p1 == "numPr" {
			w.pprValue(ev)
		}
	case "ins", "del", "moveTo", "moveFrom":
		isIns := local == "ins" || local == "moveTo"
		switch p1 {
		case "rPr":
			if w.parent(2) == "pPr" && w.parent(3) == "p" && w.cur != nil {
				if isIns {
					w.cur.mark = revIns
				} else {
					w.cur.mark = revDel
				}
			}
			return
		case "trPr":
			if n := len(w.rowRev); n > 0 {
				if isIns {
					w.rowRev[n-1] = revIns
				} else {
					w.rowRev[n-1] = revDel
				}
			}
			return
		case "numPr":
			if isIns && w.parent(2) == "pPr" && w.parent(3) == "p" {
				w.pNew.numIns = true
			}
			return
		case "pPr", "tcPr", "tblPr", "sectPr", "numbering":
			return
		}
		if isIns {
			w.ins++
		} else {
			w.del++
		}
	case "tr":
		w.rowRev = append(w.rowRev, revNone)
	case "r":
		w.vanish, w.super = false, false
	case "vanish", "specVanish":
		if p1 == "rPr" && w.parent(2) == "r" {
			w.vanish = onOff(ev)
		}
	case "vertAlign":
		if p1 == "rPr" && w.parent(2) == "r" {
			w.super = ev.attr("val") == "superscript"
		}
	case "t", "delText":
		if p1 == "r" {
			w.inText = true
		}
	case "tab", "ptab":
		if p1 == "r" {
			w.addText("\t")
		}
	case "br", "cr":
		if p1 == "r" {
			w.addText("\n")
		}
	case "noBreakHyphen":
		w.addText("\u2011")
	case "sym":
		w.addText(symChar(ev.attr("char"), ev.attr("font")))
	case "fldChar":
		switch ev.attr("fldCharType") {
		case "begin":
			w.fields = append(w.fields, false)
		case "separate":
			if n := len(w.fields); n > 0 {
				w.fields[n-1] = true
			}
		case "end":
			if n := len(w.fields); n > 0 {
				w.fields = w.fields[:n-1]
			}
		}
	case "footnoteReference", "endnoteReference":
		kind := "f"
		if local == "endnoteReference" {
			kind = "e"
		}
		n := w.r.notes[kind+ev.attr("id")]
		if n == nil || !w.visible() {
			return
		}
		r, ok := w.rev()
		if !ok {
			return
		}
		w.cur.spans = append(w.cur.spans, span{rev: r, note: n})
		if onOffAttr(ev.attr("customMarkFollows")) {
			w.customSpan = len(w.cur.spans) - 1
		}
	}
}

// pprValue records pStyle, numId or ilvl of the current paragraph's
// properties, or of their tracked former version.
func (w *docxWalker) pprValue(ev *xmlEvent) {
	if w.cur == nil {
		return
	}
	// pPr ← p, or pPr ← pPrChange ← pPr ← p; numPr adds a level.
	k := 1
	if ev.name.Local != "pStyle" {
		k = 2
	}
	if w.parent(k) != "pPr" {
		return
	}
	target := &w.pNew
	switch {
	case w.parent(k+1) == "p":
	case w.parent(k+1) == "pPrChange" && w.parent(k+2) == "pPr" && w.parent(k+3) == "p":
		target = &w.pOld
	default:
		return
	}
	v := ev.attr("val")
	switch ev.name.Local {
	case "pStyle":
		target.style = v
	case "numId":
		target.numID = v
	case "ilvl":
		target.ilvl, target.hasIlvl = atoi(v, 0), true
	}
}

func (w *docxWalker) end(ev *xmlEvent) error {
	local := ev.name.Local
	space := ev.name.Space
	if space == mcNS {
		if local == "AlternateContent" && len(w.altDepth) > 0 {
			w.altDepth = w.altDepth[:len(w.altDepth)-1]
		}
		return nil
	}
	if space == mathNS {
		if local == "t" {
			w.inText = false
		}
		return nil
	}
	if !isW(space) {
		return nil
	}
	switch local {
	case "footnote", "endnote":
		w.sink = &w.paras
	case "t", "delText":
		w.inText = false
	case "r":
		w.vanish, w.super = false, false
	case "ins", "moveTo", "del", "moveFrom":
		switch w.parent(1) {
		case "rPr", "trPr", "numPr", "pPr", "tcPr", "tblPr", "sectPr", "numbering":
			return nil
		}
		if local == "ins" || local == "moveTo" {
			w.ins = max(0, w.ins-1)
		} else {
			w.del = max(0, w.del-1)
		}
	case "tr":
		if n := len(w.rowRev); n > 0 {
			w.rowRev = w.rowRev[:n-1]
		}
	case "p":
		p := w.cur
		if p == nil {
			return nil
		}
		n := w.r.numRef(w.pNew.numID, w.pNew.ilvl, w.pNew.hasIlvl, w.pNew.style)
		p.num[viewNew] = n
		switch {
		case w.hasOld:
			p.num[viewOld] = w.r.numRef(w.pOld.numID, w.pOld.ilvl, w.pOld.hasIlvl, w.pOld.style)
		case w.pNew.numIns:
			p.num[viewOld] = w.r.numRef("0", 0, false, w.pNew.style)
		default:
			p.num[viewOld] = n
		}
		if r, _ := w.rev(); r == revDel && p.mark == revNone {
			p.mark = revDel // a paragraph in a deleted table row
		} else if r == revIns && p.mark == revNone {
			p.mark = revIns
		}
		w.customSpan = -1
		keep, err := w.r.count.keep(w.r.name, p)
		if err != nil {
			return err
		}
		w.cur = endPara(p, keep, &w.outer, w.sink)
	}
	return nil
}

// symbolFont maps the characters of the Symbol font (0x20–0x7E) to
// Unicode.
const symbolLow = " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"

var symbolHigh = map[int]rune{
	0xA1: 'ϒ', 0xA2: '′', 0xA3: '≤', 0xA4: '⁄', 0xA5: '∞', 0xA6: 'ƒ', 0xA7: '♣', 0xA8: '♦', 0xA9: '♥',
	0xAA: '♠', 0xAB: '↔', 0xAC: '←', 0xAD: '↑', 0xAE: '→', 0xAF: '↓', 0xB0: '°', 0xB1: '±', 0xB2: '″',
	0xB3: '≥', 0xB4: '×', 0xB5: '∝', 0xB6: '∂', 0xB7: '•', 0xB8: '÷', 0xB9: '≠', 0xBA: '≡', 0xBB: '≈',
	0xBC: '…', 0xD7: '⋅', 0xD8: '¬', 0xD9: '∧', 0xDA: '∨', 0xDB: '⇔', 0xDC: '⇐', 0xDD: '⇑', 0xDE: '⇒',
	0xDF: '⇓', 0xE0: '◊', 0xE5: '∑', 0xF2: '∫',
}

// symChar returns the character of a w:sym: Symbol-font characters as
// Unicode, others as the code point given (private use for symbol fonts).
func symChar(hex, font string) string {
	c, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) {
		return ""
	}
	code := int(c)
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	if strings.EqualFold(font, "Symbol") && code < 0x100 {
		if code >= 0x20 && code <= 0x7E {
			return string([]rune(symbolLow)[code-0x20])
		}
		if r, ok := symbolHigh[code]; ok {
			return string(r)
		}
	}
	if code < 0x20 {
		return ""
	}
	if code < 0x100 && int(c) != code {
		return string(rune(c)) // a symbol font's glyph: keep its private-use code
	}
	return string(rune(code))
}
