package office

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"concord/corpora/input"
)

// Reading HTML. A small tokenizer and tree builder (with the implied end
// tags of HTML: a block closes an open <p>, <li> closes <li>, <td> closes
// <td> …) are enough for the pages word processors and converters write;
// character references are decoded with the standard library's complete
// HTML5 table, which knows no other entities, so nothing can expand.

// hnode is an element or a text node of a parsed page.
type hnode struct {
	tag    string // lower-case element name; "" for text
	attrs  [][2]string
	text   string
	kids   []*hnode
	parent *hnode
}

func (n *hnode) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a[0] == name {
			return a[1], true
		}
	}
	return "", false
}

func (n *hnode) hasClass(parts ...string) bool {
	c, _ := n.attr("class")
	r, _ := n.attr("role")
	c = strings.ToLower(c + " " + r)
	for _, p := range parts {
		if strings.Contains(c, p) {
			return true
		}
	}
	return false
}

// isHTML reports whether head starts an HTML page: <!DOCTYPE html> or
// <html> first (after a byte-order mark, white space and comments). After an
// XML declaration, <html> must be XHTML's.
func isHTML(head []byte) bool {
	s := input.TrimBOM(head)
	xmlDecl := false
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			i := bytes.Index(s, []byte("-->"))
			if i < 0 {
				return false
			}
			s = s[i+3:]
			continue
		case bytes.HasPrefix(s, []byte("<?")):
			i := bytes.Index(s, []byte("?>"))
			if i < 0 {
				return false
			}
			xmlDecl = true
			s = s[i+2:]
			continue
		}
		break
	}
	if hasPrefixFold(s, "<!doctype") {
		rest := bytes.TrimLeft(s[len("<!doctype"):], " \t\r\n\f")
		return hasPrefixFold(rest, "html") && (len(rest) == 4 || strings.ContainsRune(" \t\r\n\f>", rune(rest[4])))
	}
	if !hasPrefixFold(s, "<html") || len(s) == 5 || !strings.ContainsRune(" \t\r\n\f>/", rune(s[5])) {
		return false
	}
	if !xmlDecl {
		return true
	}
	end := bytes.IndexByte(s, '>')
	return end > 0 && bytes.Contains(s[:end], []byte("http://www.w3.org/1999/xhtml"))
}

func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(string(s[:len(prefix)]), prefix)
}

// Elements the tree builder knows.
var (
	htmlVoid = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
		"source", "track", "wbr", "basefont", "bgsound", "frame", "keygen")
	htmlRaw = set("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
	htmlRC  = set("title", "textarea")
	// blocks close an open <p>.
	htmlClosesP = set("address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset",
		"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
		"main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt", "center", "listing")
	// htmlBlock are the elements whose content is read as paragraphs of
	// their own.
	htmlBlock = set("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption",
		"pre", "blockquote", "address", "article", "aside", "section", "header", "footer", "nav", "main",
		"figure", "figcaption", "table", "tr", "tbody", "thead", "tfoot", "ul", "ol", "dl", "hr", "form",
		"fieldset", "legend", "details", "summary", "center", "body", "html", "listing", "dialog", "hgroup", "menu")
	htmlSkip = set("head", "script", "style", "template", "noscript", "svg", "canvas", "iframe", "object",
		"video", "audio", "select", "textarea", "title", "rt", "rp", "map", "noembed", "noframes", "xmp", "plaintext")
	htmlHeadings = set("h1", "h2", "h3", "h4", "h5", "h6")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// parseHTML builds the tree of a page.
func parseHTML(s string) *hnode {
	root := &hnode{tag: "#root"}
	stack := []*hnode{root}
	top := func() *hnode { return stack[len(stack)-1] }
	addText := func(t string) {
		if t == "" {
			return
		}
		p := top()
		if k := len(p.kids); k > 0 && p.kids[k-1].tag == "" {
			p.kids[k-1].text += t
			return
		}
		p.kids = append(p.kids, &hnode{text: t, parent: p})
	}
	// closeTo pops up to and including the innermost open element named
	// tag, not crossing an element in stop; it reports whether it did.
	closeTo := func(tags, stop map[string]bool) bool {
		for i := len(stack) - 1; i > 0; i-- {
			t := stack[i].tag
			if tags[t] {
				stack = stack[:i]
				return true
			}
			if stop[t] {
				return false
			}
		}
		return false
	}
	pTag, liTag, dtdd := set("p"), set("li"), set("dt", "dd")
	cell, row, section := set("td", "th"), set("tr"), set("thead", "tbody", "tfoot")
	listStop := set("ol", "ul", "menu", "table", "td", "th")
	pStop := set("table", "td", "th", "button", "li", "dd", "dt", "caption", "marquee", "object", "applet", "html")
	tableStop := set("table")
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			addText(html.UnescapeString(s[i:]))
			break
		}
		addText(html.UnescapeString(s[i : i+lt]))
		i += lt
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				i = len(s)
			} else {
				i += 4 + end + 3
			}
			continue
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(rest, "]]>")
			if end < 0 {
				addText(rest[9:])
				i = len(s)
			} else {
				addText(rest[9:end])
				i += end + 3
			}
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(s)
			} else {
				i += end + 1
			}
			continue
		case strings.HasPrefix(rest, "</") && len(rest) > 2 && isASCIILetter(rest[2]):
			name, n := tagName(rest[2:])
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(s)
			} else {
				i += max(end+1, 2+n)
			}
			switch {
			case name == "br":
				top().kids = append(top().kids, &hnode{tag: "br", parent: top()})
			case name == "p":
				closeTo(pTag, pStop)
			default:
				for k := len(stack) - 1; k > 0; k-- {
					if stack[k].tag == name {
						stack = stack[:k]
						break
					}
					if tableStop[stack[k].tag] && name != "table" {
						break
					}
				}
			}
			continue
		case len(rest) > 1 && isASCIILetter(rest[1]):
		default:
			addText("<")
			i++
			continue
		}
		// A start tag.
		name, n := tagName(rest[1:])
		j := 1 + n
		var attrs [][2]string
		selfClose := false
		for j < len(rest) {
			for j < len(rest) && isHTMLSpace(rest[j]) {
				j++
			}
			if j >= len(rest) {
				break
			}
			if rest[j] == '>' {
				j++
				break
			}
			if rest[j] == '/' {
				j++
				if j < len(rest) && rest[j] == '>' {
					selfClose = true
					j++
					break
				}
				continue
			}
			k := j
			for k < len(rest) && !isHTMLSpace(rest[k]) && rest[k] != '=' && rest[k] != '>' && (rest[k] != '/' || k == j) {
				k++
			}
			an := strings.ToLower(rest[j:k])
			j = k
			for j < len(rest) && isHTMLSpace(rest[j]) {
				j++
			}
			val := ""
			if j < len(rest) && rest[j] == '=' {
				j++
				for j < len(rest) && isHTMLSpace(rest[j]) {
					j++
				}
				if j < len(rest) && (rest[j] == '"' || rest[j] == '\'') {
					q := rest[j]
					e := strings.IndexByte(rest[j+1:], q)
					if e < 0 {
						val, j = rest[j+1:], len(rest)
					} else {
						val, j = rest[j+1:j+1+e], j+1+e+1
					}
				} else {
					k := j
					for k < len(rest) && !isHTMLSpace(rest[k]) && rest[k] != '>' {
						k++
					}
					val, j = rest[j:k], k
				}
			}
			if an != "" && len(attrs) < 64 {
				attrs = append(attrs, [2]string{an, html.UnescapeString(val)})
			}
		}
		i += j
		// Implied end tags.
		switch {
		case name == "li":
			closeTo(liTag, listStop)
		case name == "dt" || name == "dd":
			closeTo(dtdd, set("dl"))
		case name == "td" || name == "th":
			closeTo(cell, set("tr", "table"))
		case name == "tr":
			closeTo(row, tableStop)
		case section[name]:
			closeTo(section, tableStop)
		}
		if htmlClosesP[name] {
			closeTo(pTag, pStop)
		}
		if htmlHeadings[name] && htmlHeadings[top().tag] {
			stack = stack[:len(stack)-1]
		}
		el := &hnode{tag: name, attrs: attrs, parent: top()}
		top().kids = append(top().kids, el)
		switch {
		case htmlVoid[name] || selfClose && !htmlRaw[name] && !htmlRC[name]:
		case htmlRaw[name] || htmlRC[name]:
			end := indexFold(s[i:], "</"+name)
			body := s[i:]
			if end >= 0 {
				body = s[i : i+end]
				i += end
			} else {
				i = len(s)
			}
			if htmlRC[name] {
				el.kids = append(el.kids, &hnode{text: html.UnescapeString(body), parent: el})
			}
		case len(stack) < maxOfficeDepth:
			stack = append(stack, el)
		}
	}
	return root
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func tagName(s string) (string, int) {
	n := 0
	for n < len(s) && !isHTMLSpace(s[n]) && s[n] != '>' && s[n] != '/' {
		n++
	}
	return strings.ToLower(s[:n]), n
}

// indexFold finds sub (lower case ASCII) in s without regard to case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// htmlReader turns a parsed page into paragraphs.
type htmlReader struct {
	ids     map[string]*hnode
	notes   map[*hnode]*note // note bodies
	refs    map[*hnode]*note // note references
	backs   map[*hnode]bool  // links from a note back to its reference
	labels  map[*hnode]string
	sink    *[]*para
	cur     *para
	pre     bool
	label   string
	labeled bool // label holds a label waiting for its paragraph
	ins     int
	del     int
	sup     int
	name    string
	count   paraCounter
	err     error
}

// readHTML reads an HTML page.
func readHTML(name string, data []byte, encoding string) (*views, error) {
	s, err := input.DecodeHTML(name, data, encoding)
	if err != nil {
		return nil, err
	}
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	root := parseHTML(s)
	r := &htmlReader{name: name, ids: map[string]*hnode{}, notes: map[*hnode]*note{}, refs: map[*hnode]*note{},
		backs: map[*hnode]bool{}, labels: map[*hnode]string{}}
	r.index(root)
	r.findNotes(root)
	var paras []*para
	r.sink = &paras
	r.walk(root)
	r.flush()
	for body, nt := range r.notes {
		r.sink = &nt.paras
		r.labeled, r.label = false, ""
		r.walk(body)
		r.flush()
	}
	if r.err != nil {
		return nil, r.err
	}
	return &views{paras: paras}, nil
}

// index records every element with an id or an anchor name.
func (r *htmlReader) index(n *hnode) {
	for _, k := range n.kids {
		if k.tag == "" {
			continue
		}
		if id, ok := k.attr("id"); ok && id != "" {
			if _, dup := r.ids[id]; !dup {
				r.ids[id] = k
			}
		}
		if nm, ok := k.attr("name"); ok && nm != "" && k.tag == "a" {
			if _, dup := r.ids[nm]; !dup {
				r.ids[nm] = k
			}
		}
		r.index(k)
	}
}

// textOf returns the text of a subtree, white space folded.
func textOf(n *hnode) string {
	var b strings.Builder
	var walk func(*hnode)
	walk = func(n *hnode) {
		if n.tag == "" {
			b.WriteString(n.text)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func within(n *hnode, tag string) bool {
	for p := n.parent; p != nil; p = p.parent {
		if p.tag == tag {
			return true
		}
	}
	return false
}

func contains(outer, n *hnode) bool {
	for p := n; p != nil; p = p.parent {
		if p == outer {
			return true
		}
	}
	return false
}

// findNotes recognises footnote references (links to a note marked as
// such by role or class, or a superscript number linking within the
// page) and the note bodies they point to, then the links in the bodies
// that lead back to a reference, which are not note text.
func (r *htmlReader) findNotes(root *hnode) {
	var walk func(*hnode)
	walk = func(n *hnode) {
		for _, k := range n.kids {
			if k.tag == "a" {
				r.noteRef(k)
			}
			walk(k)
		}
	}
	walk(root)
	var back func(*hnode)
	back = func(n *hnode) {
		for _, k := range n.kids {
			if k.tag == "a" {
				h, _ := k.attr("href")
				t := r.ids[strings.TrimPrefix(h, "#")]
				if isBacklink(k) || strings.HasPrefix(h, "#") && t != nil && (r.refs[t] != nil || t.parent != nil && r.refs[t.parent] != nil || hasRef(r, t)) {
					r.backs[k] = true
					continue
				}
			}
			back(k)
		}
	}
	for body := range r.notes {
		back(body)
	}
}

// hasRef reports whether a note reference is inside n (a <sup> holding the link).
func hasRef(r *htmlReader, n *hnode) bool {
	for _, k := range n.kids {
		if r.refs[k] != nil {
			return true
		}
	}
	return false
}

func isBacklink(a *hnode) bool {
	return a.hasClass("doc-backlink", "footnote-back", "sdfootnotesym", "sdendnotesym", "footnote-backref")
}

func (r *htmlReader) noteRef(a *hnode) {
	href, _ := a.attr("href")
	if !strings.HasPrefix(href, "#") || len(href) < 2 || isBacklink(a) {
		return
	}
	target := r.ids[href[1:]]
	if target == nil {
		return
	}
	mark := textOf(a)
	marked := a.hasClass("doc-noteref", "footnote-ref", "sdfootnoteanc", "sdendnoteanc", "noteref", "footnote-reference", "endnote-ref")
	supNum := (within(a, "sup") || hasChild(a, "sup")) && len(mark) > 0 && len(mark) <= 8 &&
		strings.Trim(mark, "0123456789*†‡§[]()") == ""
	if !marked && !supNum {
		return
	}
	body := noteBody(target)
	if body == nil || contains(body, a) {
		return
	}
	nt := r.notes[body]
	if nt == nil {
		nt = &note{}
		r.notes[body] = nt
	}
	if strings.Trim(mark, "0123456789[]") != "" {
		nt.mark = mark
	}
	r.refs[a] = nt
}

func hasChild(n *hnode, tag string) bool {
	for _, k := range n.kids {
		if k.tag == tag || hasChild(k, tag) {
			return true
		}
	}
	return false
}

// noteBody returns the element that holds a note, given the target of a
// reference: the target itself if it is a block, else its nearest note-like
// or block ancestor.
func noteBody(t *hnode) *hnode {
	noteLike := func(n *hnode) bool {
		id, _ := n.attr("id")
		id = strings.ToLower(id)
		return n.hasClass("footnote", "endnote", "doc-endnote", "doc-footnote") ||
			strings.Contains(id, "footnote") || strings.Contains(id, "endnote") || strings.HasPrefix(id, "fn")
	}
	for n := t; n != nil && n.tag != "#root"; n = n.parent {
		switch n.tag {
		case "body", "html", "main", "article":
			return nil
		case "li", "aside", "div", "section", "dd", "p", "td":
			if noteLike(n) || n.tag == "li" || n.tag == "aside" {
				return n
			}
		}
	}
	for n := t; n != nil && n.tag != "#root"; n = n.parent {
		switch n.tag {
		case "body", "html", "main", "article":
			return nil
		case "p", "div", "li", "dd", "td":
			return n
		}
	}
	return nil
}

// add appends text to the paragraph being read.
func (r *htmlReader) add(t string) {
	if t == "" {
		return
	}
	rv, ok := r.revision()
	if !ok {
		return
	}
	r.paragraph().add(t, rv)
}

// revision tells whether text read now is deleted, inserted or neither
// (see revOf).
func (r *htmlReader) revision() (rev, bool) { return revOf(r.del > 0, r.ins > 0) }

// paragraph returns the paragraph being read, opening one if needed.
func (r *htmlReader) paragraph() *para {
	if r.cur == nil {
		r.cur = &para{}
	}
	return r.cur
}

// hidden reports whether an element is not shown.
func hidden(n *hnode) bool {
	if _, ok := n.attr("hidden"); ok {
		return true
	}
	st, _ := n.attr("style")
	st = strings.ReplaceAll(strings.ToLower(st), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func (r *htmlReader) walk(n *hnode) {
	for _, k := range n.kids {
		if k.tag == "" {
			t := k.text
			if r.sup > 0 {
				if s := strings.TrimSpace(t); s != "" {
					t = strings.Replace(t, s, superscriptDigits(s), 1)
				}
			}
			r.add(t)
			continue
		}
		r.element(k)
	}
}

func (r *htmlReader) element(k *hnode) {
	if htmlSkip[k.tag] || hidden(k) || r.backs[k] {
		return
	}
	if _, isNote := r.notes[k]; isNote {
		return
	}
	if nt := r.refs[k]; nt != nil {
		rv, ok := r.revision()
		if !ok {
			return
		}
		p := r.paragraph()
		p.spans = append(p.spans, span{rev: rv, note: nt, text: nt.mark})
		return
	}
	switch k.tag {
	case "br":
		r.add("\x00")
		return
	case "ins":
		r.ins++
		r.walk(k)
		r.ins--
		return
	case "del":
		r.del++
		r.walk(k)
		r.del--
		return
	case "sup":
		r.sup++
		r.walk(k)
		r.sup--
		return
	case "ol", "ul", "menu":
		r.numberList(k)
	}
	if !htmlBlock[k.tag] {
		r.walk(k)
		return
	}
	r.flush()
	if k.tag == "li" {
		if l := r.labels[k]; l != "" {
			if r.labeled && r.label != "" {
				r.label += " " + l
			} else {
				r.label = l
			}
			r.labeled = true
		}
	}
	if k.tag == "pre" || k.tag == "listing" {
		r.pre = true
		r.walk(k)
		r.flush()
		r.pre = false
		return
	}
	r.walk(k)
	r.flush()
	if k.tag == "li" && r.labeled {
		p := &para{}
		p.num = fixedNum(r.label)
		r.emit(p)
		r.labeled, r.label = false, ""
	}
}

func fixedNum(label string) [2]*numRef {
	n := &numRef{fixed: label, fixedSet: true}
	return [2]*numRef{n, n}
}

// flush ends the paragraph being read: white space is folded as a browser
// folds it (a line break between two East Asian wide characters
// disappears, as CSS Text 3 prescribes), except in <pre>, where blank
// lines separate paragraphs.
func (r *htmlReader) flush() {
	p := r.cur
	r.cur = nil
	if p == nil {
		return
	}
	if r.pre {
		r.flushPre(p)
		return
	}
	var last rune // last character written
	pendSp, pendNL := false, false
	spans := make([]span, 0, len(p.spans))
	for _, s := range p.spans {
		if s.note != nil {
			if pendSp && last != 0 && last != '\n' {
				spans = append(spans, span{text: " ", rev: s.rev})
			}
			spans = append(spans, s)
			pendSp, pendNL = false, false
			last = 'x'
			continue
		}
		var b strings.Builder
		for _, c := range s.text {
			switch c {
			case ' ', '\t', '\n', '\r', '\f':
				pendSp = true
				if c == '\n' || c == '\r' {
					pendNL = true
				}
				continue
			case '\x00':
				b.WriteByte('\n')
				last, pendSp, pendNL = '\n', false, false
				continue
			}
			if pendSp && last != 0 && last != '\n' && !(pendNL && isWide(last) && isWide(c)) {
				b.WriteByte(' ')
			}
			pendSp, pendNL = false, false
			b.WriteRune(c)
			last = c
		}
		if b.Len() > 0 {
			s.text = b.String()
			spans = append(spans, s)
		}
	}
	p.spans = spans
	if r.labeled {
		p.num = fixedNum(r.label)
		r.labeled, r.label = false, ""
	}
	if !hasText(p) && p.num[0] == nil {
		return
	}
	r.emit(p)
}

// emit stores a paragraph, counting it against maxParagraphs.
func (r *htmlReader) emit(p *para) {
	if r.err != nil {
		return
	}
	if _, err := r.count.keep(r.name, p); err != nil {
		r.err = err
		return
	}
	*r.sink = append(*r.sink, p)
}

// flushPre splits preformatted text into paragraphs at blank lines.
func (r *htmlReader) flushPre(p *para) {
	var cur *para
	emit := func() {
		if cur != nil && hasText(cur) {
			if r.labeled {
				cur.num = fixedNum(r.label)
				r.labeled, r.label = false, ""
			}
			r.emit(cur)
		}
		cur = nil
	}
	nl := 0
	for _, s := range p.spans {
		if s.note != nil {
			if cur == nil {
				cur = &para{}
			}
			cur.spans = append(cur.spans, s)
			nl = 0
			continue
		}
		t := strings.ReplaceAll(strings.ReplaceAll(s.text, "\r\n", "\n"), "\x00", "\n")
		for _, line := range strings.SplitAfter(t, "\n") {
			body := strings.TrimSuffix(line, "\n")
			if strings.TrimSpace(body) == "" {
				if strings.HasSuffix(line, "\n") {
					nl++
				}
				if nl >= 2 {
					emit()
				}
				continue
			}
			if cur == nil {
				cur = &para{}
			}
			if nl > 0 && hasText(cur) {
				cur.add("\n", s.rev)
			}
			cur.add(body, s.rev)
			nl = 0
			if strings.HasSuffix(line, "\n") {
				nl = 1
			}
		}
	}
	emit()
}

func hasText(p *para) bool {
	for _, s := range p.spans {
		if s.note != nil || strings.TrimSpace(s.text) != "" {
			return true
		}
	}
	return false
}

// numberList computes the labels of a list's items as a browser numbers
// them: <ol start reversed type>, <li value type>, and CSS
// list-style-type in a style attribute. Decimal numbers print as "1.";
// letters, Roman and other numerals in parentheses, "(a)", "(iv)", "(一)",
// as UN drafts print them: HTML says how to count but not how to
// punctuate, and the parser reads "(a)" in all six languages.
func (r *htmlReader) numberList(list *hnode) {
	format := ""
	if list.tag == "ol" {
		format = "decimal"
		if t, ok := list.attr("type"); ok {
			format = htmlTypeFormat(t, format)
		}
	}
	if st, ok := list.attr("style"); ok {
		format = cssListFormat(st, format)
	}
	var items []*hnode
	for _, k := range list.kids {
		if k.tag == "li" {
			items = append(items, k)
		}
	}
	_, reversed := list.attr("reversed")
	step, n := 1, 1
	if reversed {
		step, n = -1, len(items)
	}
	if s, ok := list.attr("start"); ok {
		n = atoi(s, n)
	}
	for _, li := range items {
		if v, ok := li.attr("value"); ok {
			n = atoi(v, n)
		}
		f := format
		if t, ok := li.attr("type"); ok {
			f = htmlTypeFormat(t, f)
		}
		if st, ok := li.attr("style"); ok {
			f = cssListFormat(st, f)
		}
		r.labels[li] = htmlLabel(n, f)
		n += step
	}
}

func htmlTypeFormat(t, def string) string {
	switch t {
	case "1":
		return "decimal"
	case "a":
		return "lowerLetter"
	case "A":
		return "upperLetter"
	case "i":
		return "lowerRoman"
	case "I":
		return "upperRoman"
	case "disc", "circle", "square", "none":
		return ""
	}
	return def
}

// cssListFormat reads list-style-type (or the list-style shorthand) from a
// style attribute.
func cssListFormat(style, def string) string {
	for _, decl := range strings.Split(strings.ToLower(style), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		if k != "list-style-type" && k != "list-style" {
			continue
		}
		for _, w := range strings.Fields(v) {
			switch w {
			case "decimal":
				return "decimal"
			case "decimal-leading-zero":
				return "decimalZero"
			case "lower-alpha", "lower-latin":
				return "lowerLetter"
			case "upper-alpha", "upper-latin":
				return "upperLetter"
			case "lower-roman":
				return "lowerRoman"
			case "upper-roman":
				return "upperRoman"
			case "lower-greek":
				return "lowerGreek"
			case "cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal", "cjk-earthly-branch", "cjk-heavenly-stem":
				switch w {
				case "cjk-earthly-branch":
					return "ideographZodiac"
				case "cjk-heavenly-stem":
					return "ideographTraditional"
				}
				return "chineseCounting"
			case "cjk-decimal":
				return "ideographDigital"
			case "arabic-indic":
				return "hindiNumbers"
			case "none", "disc", "circle", "square", "disclosure-open", "disclosure-closed":
				return ""
			}
		}
	}
	return def
}

func htmlLabel(n int, format string) string {
	switch format {
	case "":
		return ""
	case "decimal", "decimalZero", "hindiNumbers", "ideographDigital":
		return formatNumber(n, format, true) + "."
	}
	if n < 1 {
		return strconv.Itoa(n) + "."
	}
	return "(" + formatNumber(n, format, true) + ")"
}
