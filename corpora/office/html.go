package office

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"concord/corpora/input"
)

// Reading HTML. The page is parsed by golang.org/x/net/html, which builds
// the tree as the HTML standard's parsing algorithm does and as browsers
// build it (implied end tags, implied table rows and sections, foster
// parenting of text misplaced in a table, character references from the
// standard's complete table, which knows no other entities, so nothing
// can expand); the reader walks that tree.

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

// Elements the reader knows.
var (
	// htmlBlock are the elements whose content is read as paragraphs of
	// their own.
	htmlBlock = set("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption",
		"pre", "blockquote", "address", "article", "aside", "section", "header", "footer", "nav", "main",
		"figure", "figcaption", "table", "tr", "tbody", "thead", "tfoot", "ul", "ol", "dl", "hr", "form",
		"fieldset", "legend", "details", "summary", "center", "body", "html", "listing", "dialog", "hgroup", "menu")
	htmlSkip = set("head", "script", "style", "template", "noscript", "svg", "canvas", "iframe", "object",
		"video", "audio", "select", "textarea", "title", "rt", "rp", "map", "noembed", "noframes", "xmp", "plaintext")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// tag returns an element's lower-case name, "" for any other node.
func tag(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	return n.Data
}

// attr returns the value of an element's attribute.
func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// hasClass reports whether an element's class or role contains one of parts.
func hasClass(n *html.Node, parts ...string) bool {
	c, _ := attr(n, "class")
	r, _ := attr(n, "role")
	c = strings.ToLower(c + " " + r)
	for _, p := range parts {
		if strings.Contains(c, p) {
			return true
		}
	}
	return false
}

// cdata returns the text of a CDATA section, which the HTML parser keeps
// as a comment: a page's author wrote it as text.
func cdata(n *html.Node) (string, bool) {
	if n.Type != html.CommentNode || !strings.HasPrefix(n.Data, "[CDATA[") {
		return "", false
	}
	return strings.TrimSuffix(n.Data[len("[CDATA["):], "]]"), true
}

// htmlReader turns a parsed page into paragraphs.
type htmlReader struct {
	ids     map[string]*html.Node
	notes   map[*html.Node]*note // note bodies
	refs    map[*html.Node]*note // note references
	backs   map[*html.Node]bool  // links from a note back to its reference
	labels  map[*html.Node]string
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
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// the only error for a string: more than 512 nested elements
		return nil, &input.Error{File: name, Reason: "elements nested more than 512 deep: " + err.Error(), Err: err}
	}
	r := &htmlReader{name: name, ids: map[string]*html.Node{}, notes: map[*html.Node]*note{}, refs: map[*html.Node]*note{},
		backs: map[*html.Node]bool{}, labels: map[*html.Node]string{}}
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
func (r *htmlReader) index(n *html.Node) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type != html.ElementNode {
			continue
		}
		if id, ok := attr(k, "id"); ok && id != "" {
			if _, dup := r.ids[id]; !dup {
				r.ids[id] = k
			}
		}
		if nm, ok := attr(k, "name"); ok && nm != "" && k.Data == "a" {
			if _, dup := r.ids[nm]; !dup {
				r.ids[nm] = k
			}
		}
		r.index(k)
	}
}

// textOf returns the text of a subtree, white space folded.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func within(n *html.Node, name string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if tag(p) == name {
			return true
		}
	}
	return false
}

func contains(outer, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
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
func (r *htmlReader) findNotes(root *html.Node) {
	for d := range root.Descendants() {
		if tag(d) == "a" {
			r.noteRef(d)
		}
	}
	var back func(*html.Node)
	back = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if tag(k) == "a" {
				h, _ := attr(k, "href")
				t := r.ids[strings.TrimPrefix(h, "#")]
				if isBacklink(k) || strings.HasPrefix(h, "#") && t != nil && (r.refs[t] != nil || t.Parent != nil && r.refs[t.Parent] != nil || hasRef(r, t)) {
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
func hasRef(r *htmlReader, n *html.Node) bool {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if r.refs[k] != nil {
			return true
		}
	}
	return false
}

func isBacklink(a *html.Node) bool {
	return hasClass(a, "doc-backlink", "footnote-back", "sdfootnotesym", "sdendnotesym", "footnote-backref")
}

func (r *htmlReader) noteRef(a *html.Node) {
	href, _ := attr(a, "href")
	if !strings.HasPrefix(href, "#") || len(href) < 2 || isBacklink(a) {
		return
	}
	target := r.ids[href[1:]]
	if target == nil {
		return
	}
	mark := textOf(a)
	marked := hasClass(a, "doc-noteref", "footnote-ref", "sdfootnoteanc", "sdendnoteanc", "noteref", "footnote-reference", "endnote-ref")
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

func hasChild(n *html.Node, name string) bool {
	for d := range n.Descendants() {
		if tag(d) == name {
			return true
		}
	}
	return false
}

// noteBody returns the element that holds a note, given the target of a
// reference: the target itself if it is a block, else its nearest note-like
// or block ancestor.
func noteBody(t *html.Node) *html.Node {
	noteLike := func(n *html.Node) bool {
		id, _ := attr(n, "id")
		id = strings.ToLower(id)
		return hasClass(n, "footnote", "endnote", "doc-endnote", "doc-footnote") ||
			strings.Contains(id, "footnote") || strings.Contains(id, "endnote") || strings.HasPrefix(id, "fn")
	}
	for n := t; n != nil && n.Type == html.ElementNode; n = n.Parent {
		switch n.Data {
		case "body", "html", "main", "article":
			return nil
		case "li", "aside", "div", "section", "dd", "p", "td":
			if noteLike(n) || n.Data == "li" || n.Data == "aside" {
				return n
			}
		}
	}
	for n := t; n != nil && n.Type == html.ElementNode; n = n.Parent {
		switch n.Data {
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
func hidden(n *html.Node) bool {
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	st, _ := attr(n, "style")
	st = strings.ReplaceAll(strings.ToLower(st), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func (r *htmlReader) walk(n *html.Node) {
	for k := n.FirstChild; k != nil && r.err == nil; k = k.NextSibling {
		switch k.Type {
		case html.ElementNode:
			r.element(k)
		case html.TextNode:
			t := k.Data
			if r.sup > 0 {
				if s := strings.TrimSpace(t); s != "" {
					t = strings.Replace(t, s, superscriptDigits(s), 1)
				}
			}
			r.add(t)
		case html.CommentNode:
			if t, ok := cdata(k); ok {
				r.add(t)
			}
		}
	}
}

func (r *htmlReader) element(k *html.Node) {
	if htmlSkip[k.Data] || hidden(k) || r.backs[k] {
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
	switch k.Data {
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
	if !htmlBlock[k.Data] {
		r.walk(k)
		return
	}
	r.flush()
	if k.Data == "li" {
		if l := r.labels[k]; l != "" {
			if r.labeled && r.label != "" {
				r.label += " " + l
			} else {
				r.label = l
			}
			r.labeled = true
		}
	}
	if k.Data == "pre" || k.Data == "listing" {
		r.pre = true
		r.walk(k)
		r.flush()
		r.pre = false
		return
	}
	r.walk(k)
	r.flush()
	if k.Data == "li" && r.labeled {
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
	q := &para{num: p.num} // the paragraph folded: add counts its lines
	for _, s := range p.spans {
		if s.note != nil {
			if pendSp && last != 0 && last != '\n' {
				q.add(" ", s.rev)
			}
			q.spans = append(q.spans, s)
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
		q.add(b.String(), s.rev)
	}
	p = q
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
func (r *htmlReader) numberList(list *html.Node) {
	format := ""
	if list.Data == "ol" {
		format = "decimal"
		if t, ok := attr(list, "type"); ok {
			format = htmlTypeFormat(t, format)
		}
	}
	if st, ok := attr(list, "style"); ok {
		format = cssListFormat(st, format)
	}
	var items []*html.Node
	for k := list.FirstChild; k != nil; k = k.NextSibling {
		if tag(k) == "li" {
			items = append(items, k)
		}
	}
	_, reversed := attr(list, "reversed")
	step, n := 1, 1
	if reversed {
		step, n = -1, len(items)
	}
	if s, ok := attr(list, "start"); ok {
		n = atoi(s, n)
	}
	for _, li := range items {
		if v, ok := attr(li, "value"); ok {
			n = atoi(v, n)
		}
		f := format
		if t, ok := attr(li, "type"); ok {
			f = htmlTypeFormat(t, f)
		}
		if st, ok := attr(li, "style"); ok {
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
