package corpora

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"concord/corpora/input"
	"concord/segment"
)

// maxXMLDepth bounds element nesting in [ReadUDHR]; the real files nest
// five deep.
const maxXMLDepth = 64

// xnode is an element or a run of character data of a parsed XML file.
type xnode struct {
	name  string // element local name; "" for character data
	attrs []xml.Attr
	line  int    // 1-based source line where the element or text starts
	text  string // character data, for a text node
	kids  []*xnode
	used  bool // character data: placed in a unit field
}

func (n *xnode) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// xmlLang returns the xml:lang attribute.
func (n *xnode) xmlLang() string {
	for _, a := range n.attrs {
		if a.Name.Local == "lang" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return a.Value
		}
	}
	return ""
}

// ReadUDHR reads a Universal Declaration of Human Rights in the XML format
// of the "UDHR in Unicode" project (root <udhr xmlns="http://efele.net/udhr">)
// into a document. It maps:
//
//   - the root's <title> and <note> to one unit of kind title, address
//     "title", the title in Heading and the note's paragraphs in Text,
//     joined by "\n";
//   - <preamble> to a preamble unit "pre" whose <title> is its Heading and
//     whose <para> elements are recitals "pre.1", "pre.2" …;
//   - <article number="N"> to an article "art.N" whose <title> ("Article 1",
//     "第一条") is its Label. A single <para> is the article's Text; several
//     become paragraphs "art.N.1", "art.N.2" … with no label. The
//     <listitem>s of an <orderedlist> become paragraphs "art.N.k" too,
//     labelled with the listitem's printed tag ("㈠", "（一）") if it has
//     one; a <para> before the list is the article's Text, one after it its
//     Tail; a list nested in a list item gives subparagraphs "art.N.k.j".
//
// Every unit carries the 1-based line of its start tag. Document.Lang is the
// ISO 639-1 code of the root's xml:lang, key or iso639-3 attribute (cmn →
// zh, arb → ar …). Every non-blank character of the file's character data
// lands in exactly one unit field; character data in places the format does
// not have lands in the nearest unit with a warning. Whitespace runs that
// contain a line break are folded to one space.
//
// The XML must be well formed, in UTF-8 or in the encoding its
// declaration names (any that [input.CanonicalEncoding] knows but UTF-16:
// windows-1256, koi8-r …); entities other than the five predefined ones
// and character references are refused, so no external entity is ever
// read. Empty, oversized or malformed input, and XML whose
// root is not <udhr>, give an [*input.Error] naming the file.
func ReadUDHR(name string, data []byte) (*segment.Document, error) {
	return readUDHR(name, data, "")
}

// readUDHR is ReadUDHR with the encoding given by the caller, "" for the
// one the XML declares.
func readUDHR(name string, data []byte, encoding string) (*segment.Document, error) {
	if len(data) == 0 {
		return nil, input.Errorf(name, "empty input (0 bytes)")
	}
	if len(data) > input.MaxFileBytes {
		return nil, input.TooLarge(name, int64(len(data)))
	}
	if encoding != "" {
		text, err := input.Decode(name, data, encoding)
		if err != nil {
			return nil, err
		}
		data = []byte(text)
	}
	root, err := parseXML(name, input.TrimBOM(data), encoding != "")
	if err != nil {
		return nil, err
	}
	if root.name != "udhr" {
		return nil, input.Errorf(name, "line %d: root element is <%s>, not <udhr>: not a UDHR in Unicode file", root.line, root.name)
	}
	r := &udhrReader{doc: &segment.Document{Name: name}}
	r.doc.Lang = r.lang(root)
	r.readRoot(root)
	r.doc.Address() // the one address scheme: pre.N, art.N.P, p.N…
	return r.doc, nil
}

// parseXML streams data through an xml.Decoder into a tree of xnodes and
// returns the root element. The bytes are in the encoding the XML
// declares, or, if decoded, UTF-8 already.
func parseXML(name string, data []byte, decoded bool) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = input.CharsetReader
	if decoded {
		// The caller's encoding has been applied: the declaration no
		// longer says what the bytes are.
		d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	}
	var root *xnode
	var stack []*xnode
	// Character data split by comments grows in a builder: repeated
	// string concatenation took time in the square of its length.
	var grow strings.Builder
	var grown *xnode
	for {
		line, _ := d.InputPos() // where the next token starts
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlErr(name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && root != nil {
				return nil, input.Errorf(name, "line %d: a second root element <%s> after </%s>", line, t.Name.Local, root.name)
			}
			if len(stack) >= maxXMLDepth {
				return nil, input.Errorf(name, "line %d: elements nested more than %d deep", line, maxXMLDepth)
			}
			n := &xnode{name: t.Name.Local, attrs: t.Copy().Attr, line: line}
			if len(stack) == 0 {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if s := strings.TrimFunc(string(t), unicode.IsSpace); s != "" {
					return nil, input.Errorf(name, "line %d: text outside the root element: %q", line, clip(s))
				}
				continue
			}
			p := stack[len(stack)-1]
			if k := len(p.kids); k > 0 && p.kids[k-1].name == "" { // text split by a comment
				last := p.kids[k-1]
				if grown != last {
					grow = strings.Builder{} // the old one's text stays in its node
					grow.WriteString(last.text)
					grown = last
				}
				grow.Write(t)
				last.text = grow.String() // no copy: the builder only appends
			} else {
				p.kids = append(p.kids, &xnode{text: string(t), line: line})
			}
		}
	}
	if root == nil {
		return nil, input.Errorf(name, "no XML element in the input")
	}
	return root, nil
}

func xmlErr(name string, line int, err error) *input.Error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	return &input.Error{File: name, Reason: fmt.Sprintf("line %d: malformed XML: %v", line, err), Err: err}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

type udhrReader struct {
	doc *segment.Document
}

// iso639_3 maps the ISO 639-3 (and 639-2) codes of the UN languages to ISO
// 639-1.
var iso639_3 = map[string]string{
	"cmn": "zh", "zho": "zh", "chi": "zh",
	"arb": "ar", "ara": "ar",
	"eng": "en",
	"fra": "fr", "fre": "fr",
	"spa": "es",
	"rus": "ru",
}

// lang returns the ISO 639-1 code of the root's language.
func (r *udhrReader) lang(root *xnode) string {
	key, _ := root.attr("key")
	if i := strings.IndexByte(key, '_'); i >= 0 {
		key = key[:i]
	}
	i3, _ := root.attr("iso639-3")
	for _, v := range []string{root.xmlLang(), key, i3} {
		v = strings.ToLower(v)
		if i := strings.IndexAny(v, "-_"); i >= 0 {
			v = v[:i]
		}
		if c, ok := iso639_3[v]; ok {
			return c
		}
		if len(v) == 2 {
			return v
		}
	}
	r.doc.Warnf(root.line, "", "no ISO 639-1 language code in the attributes of <udhr>")
	return ""
}

func (r *udhrReader) readRoot(root *xnode) {
	var title *segment.Unit
	titleUnit := func(line int) *segment.Unit {
		if title == nil {
			title = &segment.Unit{Kind: segment.KindTitle, Line: line}
			r.doc.Units = append(r.doc.Units, title)
		}
		return title
	}
	var heading, text parts
	articles := 0
	for _, n := range root.kids {
		switch n.name {
		case "":
			if s := r.take(n); s != "" {
				r.block(n.line, s, "text directly inside <udhr>")
			}
		case "title":
			titleUnit(n.line)
			heading.add(r.take(n))
		case "note":
			titleUnit(n.line)
			for _, s := range r.paras(n) {
				text.add(s)
			}
		case "preamble":
			r.doc.Units = append(r.doc.Units, r.preamble(n))
		case "article":
			articles++
			r.doc.Units = append(r.doc.Units, r.article(n, articles))
		default:
			if s := r.take(n); s != "" {
				r.block(n.line, s, "unknown element <"+n.name+"> inside <udhr>")
			}
		}
	}
	if title != nil {
		title.Heading, title.Text = heading.join(" "), text.join("\n")
	}
}

// block keeps text found where the format has none as a block unit.
func (r *udhrReader) block(line int, text, why string) {
	r.doc.Units = append(r.doc.Units, &segment.Unit{Kind: segment.KindBlock, Text: text, Line: line})
	r.doc.Warnf(line, "", "%s: kept as a block", why)
}

func (r *udhrReader) preamble(n *xnode) *segment.Unit {
	u := &segment.Unit{Kind: segment.KindPreamble, Line: n.line}
	var heading parts
	defer func() { u.Heading = heading.join(" ") }()
	for _, k := range n.kids {
		switch k.name {
		case "title":
			heading.add(r.take(k))
			continue
		case "para":
		case "":
			if strings.TrimFunc(k.text, unicode.IsSpace) == "" {
				continue
			}
			r.doc.Warnf(k.line, "", "text directly inside <preamble>: kept as a recital")
		default:
			r.doc.Warnf(k.line, "", "unknown element <%s> inside <preamble>: kept as a recital", k.name)
		}
		if s := r.take(k); s != "" {
			r.addChild(u, &segment.Unit{Kind: segment.KindRecital, Num: len(u.Children) + 1, Text: s, Line: k.line})
		}
	}
	return u
}

// addChild appends c to u's children.
func (r *udhrReader) addChild(u, c *segment.Unit) {
	c.Parent = u
	u.Children = append(u.Children, c)
}

// articleBlock is a <para> or a <listitem> of an article, in order.
type articleBlock struct {
	node *xnode
	item bool
}

func (r *udhrReader) article(n *xnode, seq int) *segment.Unit {
	num, _ := n.attr("number")
	num = strings.TrimSpace(num)
	v, err := strconv.Atoi(num)
	if err != nil || v <= 0 {
		r.doc.Warnf(n.line, "", "<article> without a usable number attribute (%q): numbered %d by position", num, seq)
		v = seq
		num = strconv.Itoa(seq)
	}
	u := &segment.Unit{Kind: segment.KindArticle, Num: v, Line: n.line}
	var blocks []articleBlock
	for _, k := range n.kids {
		switch k.name {
		case "title":
			if u.Label == "" && len(blocks) == 0 {
				u.Label = r.take(k)
				continue
			}
			r.doc.Warnf(k.line, "", "a second or late <title> in article %s: kept as a paragraph", num)
			blocks = append(blocks, articleBlock{node: k})
		case "orderedlist":
			blocks = append(blocks, r.listItems(k, num)...)
		case "":
			if strings.TrimFunc(k.text, unicode.IsSpace) != "" {
				r.doc.Warnf(k.line, "", "text directly inside article %s: kept as a paragraph", num)
				blocks = append(blocks, articleBlock{node: k})
			}
		default:
			if k.name != "para" {
				r.doc.Warnf(k.line, "", "unknown element <%s> in article %s: kept as a paragraph", k.name, num)
			}
			blocks = append(blocks, articleBlock{node: k})
		}
	}
	first, last := len(blocks), -1 // the first and last list item
	for i, b := range blocks {
		if b.item {
			first, last = min(first, i), i
		}
	}
	switch {
	case last < 0 && len(blocks) == 1:
		u.Text = r.take(blocks[0].node)
		return u
	case last < 0:
		first, last = 0, len(blocks)-1
	}
	var text, tail parts
	for _, b := range blocks[:first] {
		text.add(r.take(b.node))
	}
	u.Text = text.join("\n")
	for _, b := range blocks[first : last+1] {
		k := len(u.Children) + 1
		if b.item {
			r.addChild(u, r.listItem(b.node, num, k, 0))
		} else {
			r.addChild(u, &segment.Unit{Kind: segment.KindParagraph, Num: k, Text: r.take(b.node), Line: b.node.line})
		}
	}
	for _, b := range blocks[last+1:] {
		tail.add(r.take(b.node))
	}
	u.Tail = tail.join("\n")
	return u
}

// listItems returns the items of an <orderedlist>; anything else in the
// list is kept as an item too.
func (r *udhrReader) listItems(list *xnode, num string) []articleBlock {
	var out []articleBlock
	for _, k := range list.kids {
		switch k.name {
		case "listitem":
		case "":
			if strings.TrimFunc(k.text, unicode.IsSpace) == "" {
				continue
			}
			r.doc.Warnf(k.line, "", "text directly inside <orderedlist> in article %s: kept as an item", num)
		default:
			r.doc.Warnf(k.line, "", "unknown element <%s> in <orderedlist> in article %s: kept as an item", k.name, num)
		}
		out = append(out, articleBlock{node: k, item: true})
	}
	return out
}

// itemKinds are the kinds of list items by list depth.
var itemKinds = []segment.Kind{segment.KindParagraph, segment.KindSubparagraph, segment.KindItem}

// listItem maps a <listitem>: its tag attribute is its Label, its
// paragraphs its Text, a nested list its children.
func (r *udhrReader) listItem(n *xnode, art string, k, depth int) *segment.Unit {
	u := &segment.Unit{Kind: itemKinds[min(depth, len(itemKinds)-1)], Num: k, Line: n.line}
	if n.name != "listitem" {
		u.Text = r.take(n)
		return u
	}
	u.Label, _ = n.attr("tag")
	u.Label = strings.TrimSpace(u.Label)
	var text, tail parts
	defer func() { u.Text, u.Tail = text.join("\n"), tail.join("\n") }()
	for _, k := range n.kids {
		if k.name != "orderedlist" {
			if len(u.Children) > 0 {
				tail.add(r.take(k))
			} else {
				text.add(r.take(k))
			}
			continue
		}
		for _, b := range r.listItems(k, art) {
			r.addChild(u, r.listItem(b.node, art, len(u.Children)+1, depth+1))
		}
	}
	return u
}

// paras returns the texts of the children of n (a <note>), one per <para>
// or other child with text.
func (r *udhrReader) paras(n *xnode) []string {
	var out []string
	for _, k := range n.kids {
		if s := r.take(k); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// take returns all character data under n, whitespace folded, and marks it
// as placed.
func (r *udhrReader) take(n *xnode) string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(n *xnode) {
		if n.name == "" {
			if n.used {
				return
			}
			n.used = true
			b.WriteString(n.text)
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return foldSpace(b.String())
}

// foldSpace trims s and folds each whitespace run that contains a line
// break or tab into one space; other spaces are kept as they are.
func foldSpace(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
			j++
		}
		switch {
		case j == i:
			b.WriteByte(s[i])
			i++
			continue
		case strings.ContainsAny(s[i:j], "\n\r\t"):
			b.WriteByte(' ')
		default:
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// parts collects the texts of a field, to be joined once: joining them
// one at a time took time in the square of their number.
type parts []string

// add keeps s unless it is empty.
func (p *parts) add(s string) {
	if s != "" {
		*p = append(*p, s)
	}
}

// join joins the parts with sep between.
func (p parts) join(sep string) string { return strings.Join(p, sep) }
