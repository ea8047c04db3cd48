package diff

import (
	"sort"
	"strings"

	"concord/segment"
	"concord/segment/xref"
)

// refTarget is where a reference leads in one revision.
type refTarget struct {
	article *node  // the article, nil if there is none with that number
	node    *node  // the deepest unit of the path found
	full    bool   // the whole path was found
	addr    string // the address the reference names
}

// resolve follows a reference made from unit from.
func (s *side) resolve(r xref.Ref, from *node) refTarget {
	var t refTarget
	switch r.Rel {
	case xref.Absolute:
		t.addr = "art." + r.Article
		t.article = s.byAddr[t.addr]
	default:
		if from.top == nil || from.top.u.Kind != segment.KindArticle {
			return t
		}
		t.article = from.top
		t.addr = from.top.addr
	}
	start := t.article
	if r.Rel == xref.InParagraph && t.article != nil {
		// below the paragraph the reference stands in, if it stands in one
		for n := from; n != nil && n != t.article; n = n.parent {
			if n.parent == t.article && n.u.Kind == segment.KindParagraph {
				start = n
				t.addr = n.addr
			}
		}
	}
	for _, p := range r.Path {
		t.addr += "." + p
	}
	if t.article == nil {
		return t
	}
	t.node, t.full = start, true
	for _, seg := range r.Path {
		next := kidNum(t.node, seg)
		if next == nil {
			// a law's items sit under an unnumbered first paragraph
			if one := kidNum(t.node, "1"); one != nil {
				next = kidNum(one, seg)
			}
		}
		if next == nil {
			t.full = false
			break
		}
		t.node = next
	}
	return t
}

func kidNum(n *node, num string) *node {
	for _, k := range n.kids {
		if k.num == num {
			return k
		}
	}
	return nil
}

// refGroups returns, for each reference, the span of the list it belongs
// to: references joined by 、 和 至 , and, to, through… form one list.
func refGroups(text string, refs []xref.Ref) [][2]int {
	out := make([][2]int, len(refs))
	for i := 0; i < len(refs); {
		j := i + 1
		for j < len(refs) && refs[j].Start >= refs[j-1].End && listJoin(text[refs[j-1].End:refs[j].Start]) {
			j++
		}
		for k := i; k < j; k++ {
			out[k] = [2]int{refs[i].Start, refs[j-1].End}
		}
		i = j
	}
	return out
}

// listJoin reports whether the text between two references joins them
// into a list.
func listJoin(between string) bool {
	switch strings.ToLower(strings.Join(strings.Fields(between), " ")) {
	case "", ",", "and", "or", "to", "through", ", and", ", or", "-", "–", "et", "à", "y", "a", "и", "или",
		"、", "，", "和", "或", "或者", "及", "以及", "至", "到", "与", "و", "أو", "إلى":
		return true
	}
	return false
}

// spanMap maps a stretch of the new text to the same characters in the
// old text.
type spanMap struct {
	newStart, newEnd, oldStart int
}

// sameSpans returns the stretches that a word diff finds equal in the
// old and new texts.
func sameSpans(edits []Edit) []spanMap {
	var out []spanMap
	o, n := 0, 0
	for _, e := range edits {
		switch e.Op {
		case Eq:
			out = append(out, spanMap{n, n + len(e.Text), o})
			o += len(e.Text)
			n += len(e.Text)
		case Del:
			o += len(e.Text)
		case Ins:
			n += len(e.Text)
		}
	}
	return out
}

// mapSpan maps [s, e) of the new text to the old text if it lies in one
// unchanged stretch.
func mapSpan(ms []spanMap, s, e int) (int, bool) {
	// the stretches are in order and do not overlap: the one that can
	// hold s is the last that starts at or before it
	k := sort.Search(len(ms), func(k int) bool { return ms[k].newStart > s }) - 1
	if k >= 0 && e <= ms[k].newEnd {
		m := ms[k]
		return m.oldStart + s - m.newStart, true
	}
	return 0, false
}

// staleRefs checks the references of the new revision: those whose text
// did not change while the unit they pointed to moved to another number,
// and those that point to an article that no longer exists.
//
// References to an article that exists in neither revision are not stale:
// they did not become wrong in this revision. They are returned apart, as
// dangling.
func (c *matcher) staleRefs(lang string, find func(text, lang string) []xref.Ref) (out, dangling []StaleRef) {
	seen := map[string]bool{}
	key := func(s StaleRef) string {
		return s.Addr + "\x00" + string(s.Field) + "\x00" + s.Ref + "\x00" + s.Target
	}
	add := func(s StaleRef) {
		if k := key(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	addDangling := func(s StaleRef) {
		if k := "d\x00" + key(s); !seen[k] {
			seen[k] = true
			dangling = append(dangling, s)
		}
	}
	d := newDiffer(c.tz)
	for _, n := range c.new.nodes {
		for k, f := range n.f {
			if f.raw == "" {
				continue
			}
			refs := printed(find(f.raw, lang))
			if len(refs) == 0 {
				continue
			}
			// the references of the old text of the unit, by where they
			// start, and where each unchanged stretch of the new text was
			// (a list of items, 第 40 条第 21 款(b)和(c)项, is several
			// references of one span: they pair by their order in it)
			var oldRefs map[int][]xref.Ref
			var same []spanMap
			if o := n.match; o != nil {
				oldRefs = map[int][]xref.Ref{}
				for _, r := range printed(find(o.f[k].raw, lang)) {
					oldRefs[r.Start] = append(oldRefs[r.Start], r)
				}
				same = sameSpans(d.diff(fieldNames[k], &o.f[k], &n.f[k]))
			}
			groups := refGroups(f.raw, refs)
			for i, r := range refs {
				nth := 0 // r's place among the references that share its start
				for j := i - 1; j >= 0 && refs[j].Start == r.Start; j-- {
					nth++
				}
				// a reference printed as before, at the same place, in a
				// list that reads as before: its old counterpart
				var or *xref.Ref
				g := groups[i]
				if _, ok := mapSpan(same, g[0], g[1]); !ok {
					// the list was edited (第十六条和第十七条 → 第十五条和第十六条)
				} else if at, ok := mapSpan(same, r.Start, r.End); ok {
					if xs := oldRefs[at]; nth < len(xs) && xs[nth].Text == r.Text {
						or = &xs[nth]
					}
				}
				tn := c.new.resolve(r, n)
				s := StaleRef{Addr: n.addr, Field: fieldNames[k], Ref: r.Text, Target: tn.addr}
				if r.Rel == xref.Absolute && tn.article == nil {
					s.Message = "points to " + tn.addr + ", which does not exist"
					oa := c.old.byAddr["art."+r.Article]
					if oa == nil {
						// it existed in neither revision: it did not become
						// wrong here
						s.Message = "points to " + tn.addr + ", which exists in neither revision"
						addDangling(s)
						continue
					}
					if oa.match != nil {
						s.Now = oa.match.addr
						s.Message += "; old art." + r.Article + " is now " + s.Now
					} else {
						s.Message += "; old art." + r.Article + " was deleted"
					}
					add(s)
					continue
				}
				if or == nil || tn.article == nil {
					continue
				}
				to := c.old.resolve(*or, n.match)
				if to.article == nil {
					continue
				}
				switch {
				case to.article.match == nil:
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + to.article.addr + ") was deleted"
				case to.article.match != tn.article:
					s.Now = to.article.match.addr
					meant := to.article.addr
					if to.full && len(r.Path) > 0 && to.node.match != nil {
						s.Now, meant = to.node.match.addr, to.node.addr
					}
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + meant + ") is now " + s.Now
				case to.full && len(r.Path) > 0 && to.node.match == nil:
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + to.node.addr + ") was deleted"
				case to.full && len(r.Path) > 0 && (!tn.full || to.node.match != tn.node):
					s.Now = to.node.match.addr
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + to.node.addr + ") is now " + s.Now
				default:
					continue
				}
				add(s)
			}
		}
	}
	return out, dangling
}

// printed leaves out the units a range implies but does not print: only
// what is printed can be stale.
func printed(refs []xref.Ref) []xref.Ref {
	out := refs[:0:0]
	for _, r := range refs {
		if !r.Implied {
			out = append(out, r)
		}
	}
	return out
}
