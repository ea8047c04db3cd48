package diff

import (
	"cmp"
	"slices"
)

// changes turns the matching into the list of changes, in the order of the
// new revision, each deleted unit after the unit that preceded it, and
// lists the fields whose redline is coarse.
func (c *matcher) changes() ([]Change, []Coarse) {
	// the place of every change first, then the changes in that order
	type entry struct {
		pos, cls, idx int
		o, n          *node
	}
	var es []entry
	for _, n := range c.new.nodes {
		es = append(es, entry{pos: int(n.idx), o: n.match, n: n})
		if n.textOut {
			v := n.kids[0]
			es = append(es, entry{pos: int(n.idx), cls: 1, idx: -1, o: v.match, n: v})
		}
	}
	var last *node // the last matched old unit so far
	for _, o := range withVirtual(c.old.nodes) {
		if o.match != nil {
			last = o
			continue
		}
		pos := -1
		if last != nil {
			if o.idx < last.end { // inside it: right after its counterpart
				pos = int(last.match.idx)
			} else { // after it: after its counterpart's subtree
				pos = int(last.match.end) - 1
			}
		}
		es = append(es, entry{pos: pos, cls: 1, idx: int(o.idx), o: o})
	}
	slices.SortStableFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.cls, b.cls), cmp.Compare(a.idx, b.idx))
	})
	d := newDiffer(c.tz)
	d.deadline = c.deadline
	out := make([]Change, len(es))
	var coarse []Coarse
	for i, e := range es {
		var cs []Coarse
		out[i], cs = c.change(d, e.o, e.n)
		coarse = append(coarse, cs...)
	}
	return out, coarse
}

// withVirtual returns the nodes with the virtual first paragraphs after
// their articles.
func withVirtual(ns []*node) []*node {
	var out []*node
	for _, n := range ns {
		out = append(out, n)
		if n.textOut {
			out = append(out, n.kids[0])
		}
	}
	return out
}

// place returns the unit that reports group n under (its new address
// if it has one), whether that unit was deleted, and n's depth below it.
func place(n *node) (string, bool, int) {
	top := n.top
	if top == nil {
		top = n
	}
	depth := 0
	for x := n; x != top; x = x.parent {
		depth++
	}
	switch {
	case top.match == nil:
		return top.addr, !top.newSide, depth
	case top.newSide:
		return top.addr, false, depth
	default:
		return top.match.addr, false, depth
	}
}

// whole returns a unit's fields as edits of one kind.
func whole(n *node, op EditOp) []Edit {
	var out []Edit
	for k, f := range n.f {
		if f.raw != "" {
			out = append(out, Edit{Field: fieldNames[k], Op: op, Text: f.raw})
		}
	}
	return out
}

// oneSided describes a unit of one revision only: n added (o nil) or o
// deleted (n nil), its fields wholly inserted or deleted.
func oneSided(o, n *node) Change {
	x, op, edit, side := n, Added, Ins, "new"
	if n == nil {
		x, op, edit, side = o, Deleted, Del, "old"
	}
	ch := Change{Op: op, Kind: x.u.Kind, Edits: whole(x, edit), FormOnly: x.inForm}
	if x.virtual {
		ch.Implicit = side
	}
	ch.Article, ch.InDeleted, ch.Depth = place(x)
	split := ""
	if x.split != nil {
		split = x.split.addr
	}
	if op == Added {
		ch.NewAddr, ch.NewLabel, ch.NewLine, ch.NewStatus, ch.SplitFrom = x.addr, x.u.Label, x.u.Line, x.u.Status, split
	} else {
		ch.OldAddr, ch.OldLabel, ch.OldLine, ch.OldStatus, ch.MergedInto = x.addr, x.u.Label, x.u.Line, x.u.Status, split
	}
	return ch
}

// change describes one unit: o and n are its old and new forms, either nil,
// with the fields whose redline is coarse.
func (c *matcher) change(d *differ, o, n *node) (Change, []Coarse) {
	if o == nil || n == nil {
		return oneSided(o, n), nil
	}
	ch := Change{Kind: n.u.Kind, OldAddr: o.addr, NewAddr: n.addr, OldLabel: o.u.Label, NewLabel: n.u.Label,
		OldLine: o.u.Line, NewLine: n.u.Line, OldStatus: o.u.Status, NewStatus: n.u.Status}
	ch.Article, ch.InDeleted, ch.Depth = place(n)
	switch {
	case o.virtual:
		ch.Implicit = "old"
		ch.OldStatus = n.u.Status // an implicit paragraph has no status of its own
	case n.virtual:
		ch.Implicit = "new"
		ch.NewStatus = o.u.Status
	}
	var coarse []Coarse
	rawEq, canonEq := true, true
	for k := range o.f {
		rawEq = rawEq && o.f[k].raw == n.f[k].raw
		canonEq = canonEq && o.f[k].canon == n.f[k].canon
	}
	form := o.inForm || o.formRoot // the subtree reads the same: what differs is form
	ch.FormOnly = canonEq && !rawEq || form && (!rawEq || o.formRoot)
	content := !canonEq && !form || c.strict && (!rawEq || o.formRoot)
	ch.Changed = content || ch.OldStatus != ch.NewStatus
	if canonEq {
		ch.Similarity = 1
	} else {
		ch.Similarity = dice(o.own, n.own)
	}
	if !rawEq || o.textOut || n.textOut {
		for k := range o.f {
			switch {
			case k == 1 && o.textOut:
				ch.Edits = append(ch.Edits, Edit{Field: FieldText, Op: Del, Text: o.u.Text, Moved: true})
				if n.u.Text != "" { // blank in canonical form
					ch.Edits = append(ch.Edits, Edit{Field: FieldText, Op: Ins, Text: n.u.Text, Form: true})
				}
			case k == 1 && n.textOut:
				if o.u.Text != "" {
					ch.Edits = append(ch.Edits, Edit{Field: FieldText, Op: Del, Text: o.u.Text, Form: true})
				}
				ch.Edits = append(ch.Edits, Edit{Field: FieldText, Op: Ins, Text: n.u.Text, Moved: true})
			default:
				ch.Edits = append(ch.Edits, d.diff(fieldNames[k], &o.f[k], &n.f[k])...)
				if d.why != "" {
					coarse = append(coarse, Coarse{Addr: n.addr, Field: fieldNames[k], Reason: d.why})
				}
			}
		}
	}
	moved := o.how == howMove
	if n.top != n { // not directly under the document or a division: its parent must match
		moved = moved || (o.parent == nil) != (n.parent == nil) || o.parent != nil && o.parent.match != n.parent
	}
	renum := o.num != n.num
	if o.inForm && !c.strict { // numbering inside a subtree cut differently is form
		moved, renum = false, false
	}
	if ch.Edits == nil && (moved || ch.OldStatus != ch.NewStatus) {
		// the text of a unit that moved or changed status only, for the
		// reports to show with it
		ch.Edits = whole(n, Eq)
	}
	switch {
	case moved:
		ch.Op = Moved
	case renum:
		ch.Op = Renumbered
	case ch.Changed:
		ch.Op = Changed
	default:
		ch.Op = Unchanged
	}
	return ch, coarse
}
