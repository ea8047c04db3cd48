package align

import (
	"strings"

	"concord/segment"
)

// UnitLink holds the units of every version that carry the same piece of
// text. Units[v] lists version v's units in document order: one unit when
// the versions' numbering agrees, several or none where the link was made
// by content.
type UnitLink struct {
	// Addr is the link's address: the pivot's (the first version's) where
	// it has the unit, otherwise the first version that has it.
	Addr string
	// Units are the linked units, one slice per version.
	Units [][]*segment.Unit
	// ByContent is set when the numbering of the versions differed here and
	// the units were linked by their text; each unit then stands for its
	// whole subtree.
	ByContent bool
	// Score is 1 for a link by address, and the aligner's confidence in
	// [0, 1] for a link by content.
	Score float64
}

// Missing reports a unit that some versions lack.
type Missing struct {
	Addr  string   // the unit's address
	Langs []string // the versions that lack it, by language code
}

// Mismatch reports a unit whose children are numbered differently in the
// versions (the UDHR preamble has 8, 9 or 10 paragraphs depending on the
// language): they were linked by content.
type Mismatch struct {
	Addr   string   // the parent unit
	Langs  []string // the versions that have the parent
	Counts []int    // how many children each of those versions has
}

// UnitAlignment is the structure-level alignment of several versions.
type UnitAlignment struct {
	Langs      []string   // language of each version, pivot first
	Links      []UnitLink // in the pivot's document order
	Missing    []Missing  // units some versions lack, in link order
	Mismatches []Mismatch // parents whose children were linked by content

	// textOnly marks units whose own text (not their subtree) went into a
	// content link; their address link keeps the heading and tail.
	textOnly map[*segment.Unit]bool
}

// TextLinkedByContent reports whether u's own text was linked by content
// (with other versions' paragraphs) rather than in u's own link.
func (ua *UnitAlignment) TextLinkedByContent(u *segment.Unit) bool { return ua.textOnly[u] }

// contentKinds are the kinds whose numbering may differ between language
// versions of one text; articles and their containers are numbered
// identically in every authentic version.
func contentKind(k segment.Kind) bool {
	switch k {
	case segment.KindRecital, segment.KindParagraph, segment.KindSubparagraph,
		segment.KindItem, segment.KindSubitem, segment.KindBlock:
		return true
	}
	return false
}

// Units links the units of several language versions of one text, the
// first being the pivot. Units are linked by address across all versions.
// Where a unit present in several versions has children numbered
// differently (other sets of addresses), those children are linked by
// content with the sentence aligner, and the mismatch is reported. Units
// present in some versions only get links of their own and are reported as
// missing from the others; nothing is dropped.
func Units(docs []*segment.Document, opt Options) *UnitAlignment {
	return units(docs, opt.forPair)
}

func units(docs []*segment.Document, opt pairOptions) *UnitAlignment {
	ua := &UnitAlignment{textOnly: map[*segment.Unit]bool{}}
	n := len(docs)
	index := make([]map[string]*segment.Unit, n)
	for v, d := range docs {
		ua.Langs = append(ua.Langs, d.Lang)
		index[v] = map[string]*segment.Unit{}
		for u := range d.All() {
			index[v][u.Addr] = u
		}
	}
	ul := &unitLinker{docs: docs, index: index, opt: opt, ua: ua, head: &linkNode{},
		linked: make([]map[*segment.Unit]*linkNode, n), deep: make([]map[*segment.Unit]bool, n),
		contentEnd: map[string]*linkNode{}}
	for v := range docs {
		ul.linked[v] = map[*segment.Unit]*linkNode{}
		ul.deep[v] = map[*segment.Unit]bool{}
	}

	// Text without any numbering (only paragraphs p.N in every version) is
	// aligned as one unit: its paragraphs are linked by content.
	if allBlocks(docs) {
		roots := make([]*segment.Unit, n)
		for v, d := range docs {
			roots[v] = &segment.Unit{Children: d.Units}
		}
		ul.contentLinks(roots, "", ul.head)
	}

	// Parents whose children are numbered differently in some version:
	// their children are linked by content.
	contentParents := map[string]bool{}
	for v, d := range docs {
		for u := range d.All() {
			if contentParents[u.Addr] {
				continue
			}
			for w := range docs {
				if other := index[w][u.Addr]; w != v && other != nil && !sameChildren(u, other) {
					contentParents[u.Addr] = true
					break
				}
			}
		}
	}

	// Walk every version in document order; the pivot first, so links come
	// in its order, and units only others have are placed after the link of
	// their predecessor in their own version.
	for v, d := range docs {
		prev := ul.head // the link of the previous unit of version v
		d.Walk(func(u *segment.Unit, entering bool) segment.WalkStatus {
			if !entering {
				return segment.WalkContinue
			}
			if ul.deep[v][u] {
				return segment.WalkSkipChildren
			}
			if node, ok := ul.linked[v][u]; ok {
				prev = node
			} else {
				link := UnitLink{Addr: u.Addr, Units: make([][]*segment.Unit, n), Score: 1}
				for w := range docs {
					if o := index[w][u.Addr]; o != nil && !ul.deep[w][o] && ul.linked[w][o] == nil {
						link.Units[w] = []*segment.Unit{o}
					}
				}
				prev = ul.insertAfter(prev, link)
			}
			if !contentParents[u.Addr] {
				return segment.WalkContinue
			}
			if end, done := ul.contentEnd[u.Addr]; done {
				prev = end // the content links come right after the parent
				return segment.WalkSkipChildren
			}
			parents := make([]*segment.Unit, n)
			for w := range docs {
				parents[w] = index[w][u.Addr]
			}
			prev = ul.contentLinks(parents, u.Addr, prev)
			ul.contentEnd[u.Addr] = prev
			return segment.WalkSkipChildren
		})
	}
	for node := ul.head.next; node != nil; node = node.next {
		l := node.link
		ua.Links = append(ua.Links, l)
		var lacking []string
		for v := range docs {
			if len(l.Units[v]) == 0 && !l.ByContent {
				lacking = append(lacking, docs[v].Lang)
			}
		}
		if len(lacking) > 0 {
			ua.Missing = append(ua.Missing, Missing{Addr: l.Addr, Langs: lacking})
		}
	}
	return ua
}

// allBlocks reports whether every version is text without numbering: only
// paragraphs p.N at the top.
func allBlocks(docs []*segment.Document) bool {
	for _, d := range docs {
		for _, u := range d.Units {
			if u.Kind != segment.KindBlock {
				return false
			}
		}
	}
	return len(docs) > 0
}

// linkNode holds one link in the list the links are built in: units found
// only in some versions are inserted after their predecessor in constant
// time.
type linkNode struct {
	link UnitLink
	next *linkNode
}

// unitLinker is the state of Units while it walks the versions.
type unitLinker struct {
	docs       []*segment.Document
	index      []map[string]*segment.Unit    // per version: address → unit
	linked     []map[*segment.Unit]*linkNode // per version: unit → its link
	deep       []map[*segment.Unit]bool      // per version: units folded into a content link
	contentEnd map[string]*linkNode          // content parent → its last content link
	head       *linkNode                     // sentinel before the first link
	opt        pairOptions
	ua         *UnitAlignment
}

// insertAfter puts link right after node and returns its node.
func (ul *unitLinker) insertAfter(node *linkNode, link UnitLink) *linkNode {
	nn := &linkNode{link: link, next: node.next}
	node.next = nn
	for v, us := range link.Units {
		for _, u := range us {
			ul.linked[v][u] = nn
		}
	}
	return nn
}

// sameChildren reports whether two units' children carry the same
// addresses (only content kinds count: articles are linked globally).
func sameChildren(a, b *segment.Unit) bool {
	return sameAddrs(contentChildren(a), contentChildren(b))
}

func contentChildren(u *segment.Unit) []*segment.Unit {
	var out []*segment.Unit
	for _, c := range u.Children {
		if contentKind(c.Kind) {
			out = append(out, c)
		}
	}
	return out
}

// contentLinks links the children of the given parents (one per version,
// nil where a version lacks the unit) by content, after node, and returns
// the last link made. addr names the parent in the mismatch report; the
// document root has none and is reported only when its paragraphs differ.
func (ul *unitLinker) contentLinks(parents []*segment.Unit, addr string, node *linkNode) *linkNode {
	n := len(parents)
	// each version contributes its children's whole texts; a version whose
	// unit has no children but has text contributes the unit itself (its
	// text is then the one piece)
	pieces := make([][]*segment.Unit, n)
	texts := make([][]string, n)
	mm := Mismatch{Addr: addr}
	var first []*segment.Unit
	same := true
	for v, u := range parents {
		if u == nil {
			continue
		}
		cs := contentChildren(u)
		if first == nil {
			first = cs
		} else if !sameAddrs(first, cs) {
			same = false
		}
		mm.Langs = append(mm.Langs, ul.docs[v].Lang)
		mm.Counts = append(mm.Counts, len(cs))
		if len(cs) == 0 && u.Text != "" {
			// one version has as text what others number as paragraphs
			// (zh-Hant UDHR article 2): its text joins the content link
			pieces[v] = append(pieces[v], u)
			texts[v] = append(texts[v], u.Text)
			ul.ua.textOnly[u] = true
			continue
		}
		for _, c := range cs {
			pieces[v] = append(pieces[v], c)
			texts[v] = append(texts[v], subtreeText(c))
			markDeep(ul.deep[v], c)
		}
	}
	if addr != "" || !same {
		if addr == "" {
			mm.Addr = "(text)"
		}
		ul.ua.Mismatches = append(ul.ua.Mismatches, mm)
	}
	for _, g := range multiAlign(texts, langsOf(ul.docs), ul.opt) {
		link := UnitLink{Units: make([][]*segment.Unit, n), ByContent: true, Score: g.Score}
		for v, ids := range g.IDs {
			for _, i := range ids {
				link.Units[v] = append(link.Units[v], pieces[v][i])
			}
		}
		for v := range link.Units {
			if len(link.Units[v]) > 0 {
				link.Addr = link.Units[v][0].Addr
				break
			}
		}
		node = ul.insertAfter(node, link)
	}
	return node
}

// sameAddrs reports whether two lists of units carry the same addresses.
func sameAddrs(a, b []*segment.Unit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Addr != b[i].Addr {
			return false
		}
	}
	return true
}

func markDeep(m map[*segment.Unit]bool, u *segment.Unit) {
	m[u] = true
	for _, c := range u.Children {
		markDeep(m, c)
	}
}

func langsOf(docs []*segment.Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Lang
	}
	return out
}

// subtreeText is a unit's text with its descendants', in reading order:
// every unit's label, heading and text, its children, then its tail,
// joined as JoinText joins sentences.
func subtreeText(u *segment.Unit) string {
	var b strings.Builder
	add := func(s string) { joinTo(&b, s) }
	segment.Walk([]*segment.Unit{u}, func(x *segment.Unit, entering bool) segment.WalkStatus {
		if entering {
			add(x.Label)
			add(x.Heading)
			add(x.Text)
		} else {
			add(x.Tail)
		}
		return segment.WalkContinue
	})
	return b.String()
}
