package diffout

import (
	"slices"
	"sort"
	"strconv"

	"concord/align/diff"
	"concord/segment"
)

// The Word redline is the new revision's text in document order with the
// old revision's text woven in as tracked changes. merge lays out both
// revisions (layout.go) and interleaves their paragraphs so that the
// paragraphs of the old revision, read in order, are the old layout, and
// those of the new revision the new layout:
//
//   - a paragraph of a unit matched to a unit of the other revision, in the
//     same role (label line, text, tail), is one paragraph whose changed
//     words are tracked, when the pair keeps the order of the other pairs
//     (the longest chain of pairs increasing on both sides);
//   - a matched paragraph out of that order is a move: it leaves its old
//     place (w:moveFrom) and arrives at its new one (w:moveTo);
//   - the rest are deleted or inserted paragraphs, marks included.

// runOp is the tracked state of a run or a paragraph mark.
type runOp uint8

const (
	opSame     runOp = iota // in both revisions
	opDel                   // old only
	opIns                   // new only
	opMoveFrom              // old only: moved away
	opMoveTo                // new only: moved here
)

// element is the WordprocessingML element that tracks the op ("del",
// "ins", "moveFrom", "moveTo"), "" for opSame.
func (o runOp) element() string {
	return [...]string{opSame: "", opDel: "del", opIns: "ins", opMoveFrom: "moveFrom", opMoveTo: "moveTo"}[o]
}

// old reports whether the op's text is in the old revision only: deleted
// or moved away.
func (o runOp) old() bool { return o == opDel || o == opMoveFrom }

// mrun is a run of text with its tracked state.
type mrun struct {
	op   runOp
	text []byte // grown in place as runs of one state merge
}

// mpara is one paragraph of the redline.
type mpara struct {
	op    runOp // the paragraph mark's state
	style string
	runs  []mrun
	move  int           // the move's number, for w:moveFrom and w:moveTo ranges; 0 none
	notes []string      // comments anchored on the paragraph
	unit  *segment.Unit // the unit the paragraph belongs to, in its revision
}

// unitIndex names the units of a document as the report does: by address,
// or "?N" for a unit the parser left without one (N its pre-order index).
func unitIndex(d *segment.Document) map[string]*segment.Unit {
	m := map[string]*segment.Unit{}
	k := 0
	for u := range d.All() {
		a := u.Addr
		if a == "" {
			a = "?" + strconv.Itoa(k)
		}
		if _, dup := m[a]; !dup {
			m[a] = u
		}
		k++
	}
	return m
}

// merge builds the paragraphs of the Word redline of a report whose
// documents are set.
func merge(r *diff.Report) []mpara {
	oldIdx, newIdx := unitIndex(r.OldDoc), unitIndex(r.NewDoc)
	match := map[*segment.Unit]*segment.Unit{} // old unit → new unit
	change := map[*segment.Unit]*diff.Change{} // unit of either side → its change
	for i := range r.Changes {
		c := &r.Changes[i]
		o, n := oldIdx[c.OldAddr], newIdx[c.NewAddr]
		if c.Implicit == "old" {
			o = nil
		}
		if c.Implicit == "new" {
			n = nil
		}
		if o != nil {
			change[o] = c
		}
		if n != nil {
			change[n] = c
		}
		if o != nil && n != nil {
			match[o] = n
		}
	}
	op, np := layout(r.OldDoc), layout(r.NewDoc)
	type key struct {
		u    *segment.Unit
		role string
	}
	at := map[key]int{}
	for j, p := range np {
		at[key{p.unit, p.role}] = j
	}
	var pairs [][2]int
	for i, p := range op {
		if n := match[p.unit]; n != nil {
			if j, ok := at[key{n, p.role}]; ok {
				pairs = append(pairs, [2]int{i, j})
			}
		}
	}
	chain := increasing(pairs)
	inChain := make([]bool, len(op)) // old paragraphs matched in place
	for _, p := range chain {
		inChain[p[0]] = true
	}
	// the move number (from 1) of each old and new paragraph; 0: none
	moveFrom, moveTo := make([]int, len(op)), make([]int, len(np))
	moves := 0
	for _, p := range pairs {
		if !inChain[p[0]] {
			moves++
			moveFrom[p[0]] = moves
			moveTo[p[1]] = moves
		}
	}
	var out []mpara
	whole := func(p lpara, o runOp, move int) mpara {
		m := mpara{op: o, style: p.style, move: move, unit: p.unit}
		for _, s := range p.segs {
			m.runs = appendRun(m.runs, o, s.text)
		}
		return m
	}
	oi, ni := 0, 0
	flush := func(ei, ej int) {
		for ; oi < ei; oi++ {
			if mv := moveFrom[oi]; mv > 0 {
				out = append(out, whole(op[oi], opMoveFrom, mv))
			} else {
				out = append(out, whole(op[oi], opDel, 0))
			}
		}
		for ; ni < ej; ni++ {
			if mv := moveTo[ni]; mv > 0 {
				out = append(out, whole(np[ni], opMoveTo, mv))
			} else {
				out = append(out, whole(np[ni], opIns, 0))
			}
		}
	}
	for _, p := range chain {
		flush(p[0], p[1])
		out = append(out, pairPara(op[p[0]], np[p[1]], change))
		oi, ni = p[0]+1, p[1]+1
	}
	flush(len(op), len(np))
	notes(r, out, newIdx)
	return out
}

// increasing returns the longest chain of pairs increasing in both
// coordinates (pairs come sorted by the first), in O(n log n).
func increasing(ps [][2]int) [][2]int {
	if len(ps) == 0 {
		return nil
	}
	var tails []int // index in ps of the smallest tail of a chain of each length
	prev := make([]int, len(ps))
	for k, p := range ps {
		pos := sort.Search(len(tails), func(x int) bool { return ps[tails[x]][1] >= p[1] })
		if pos > 0 {
			prev[k] = tails[pos-1]
		} else {
			prev[k] = -1
		}
		if pos == len(tails) {
			tails = append(tails, k)
		} else {
			tails[pos] = k
		}
	}
	var out [][2]int
	for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
		out = append(out, ps[k])
	}
	slices.Reverse(out)
	return out
}

// appendRun appends text in a state, merging with the last run (in
// place: a run of many merges costs its length, not its square).
func appendRun(rs []mrun, o runOp, text string) []mrun {
	if text == "" {
		return rs
	}
	if k := len(rs); k > 0 && rs[k-1].op == o {
		rs[k-1].text = append(rs[k-1].text, text...)
		return rs
	}
	return append(rs, mrun{o, []byte(text)})
}

// pairPara is the paragraph of two matched paragraphs in place: where the
// two have the same pieces, labels, separators and marks are compared as
// wholes and fields word by word (the report's edits); otherwise the old
// paragraph's text is deleted and the new one's inserted.
func pairPara(o, n lpara, change map[*segment.Unit]*diff.Change) mpara {
	m := mpara{op: opSame, style: n.style, unit: n.unit}
	// status marks stand at the end: compared as a whole
	oseg, omarks := splitMarks(o.segs)
	nseg, nmarks := splitMarks(n.segs)
	same := len(oseg) == len(nseg)
	for k := 0; same && k < len(oseg); k++ {
		same = oseg[k].kind == nseg[k].kind && oseg[k].field == nseg[k].field
	}
	if same {
		var runs []mrun
		ok := true
		for k := range oseg {
			os, ns := oseg[k], nseg[k]
			if os.kind != segField {
				runs = wholePair(runs, os.text, ns.text)
				continue
			}
			c := change[ns.unit]
			if c == nil || change[os.unit] != c {
				runs = wholePair(runs, os.text, ns.text)
				continue
			}
			rs, good := fieldRuns(c, ns.field, os.text, ns.text)
			if !good {
				ok = false
				break
			}
			for _, r := range rs {
				runs = appendRun(runs, r.op, string(r.text))
			}
		}
		if ok {
			m.runs = wholePair(runs, omarks, nmarks)
			return m
		}
	}
	for _, s := range o.segs {
		m.runs = appendRun(m.runs, opDel, s.text)
	}
	for _, s := range n.segs {
		m.runs = appendRun(m.runs, opIns, s.text)
	}
	return m
}

// wholePair compares two pieces as wholes.
func wholePair(rs []mrun, o, n string) []mrun {
	if o == n {
		return appendRun(rs, opSame, n)
	}
	rs = appendRun(rs, opDel, o)
	return appendRun(rs, opIns, n)
}

// fieldRuns turns a change's edits of one field into runs, and checks that
// they spell the old and the new text.
func fieldRuns(c *diff.Change, f diff.Field, old, new string) ([]mrun, bool) {
	var rs []mrun
	var ob, nb []byte
	any := false
	for _, e := range c.Edits {
		if e.Field != f {
			continue
		}
		if e.Moved {
			return nil, false
		}
		any = true
		switch e.Op {
		case diff.Eq:
			rs = appendRun(rs, opSame, e.Text)
			ob = append(ob, e.Text...)
			nb = append(nb, e.Text...)
		case diff.Del:
			rs = appendRun(rs, opDel, e.Text)
			ob = append(ob, e.Text...)
		case diff.Ins:
			rs = appendRun(rs, opIns, e.Text)
			nb = append(nb, e.Text...)
		}
	}
	if !any {
		if old != new {
			return nil, false
		}
		return appendRun(nil, opSame, new), true
	}
	return rs, string(ob) == old && string(nb) == new
}

// statusLong names a status for a comment.
func statusLong(s segment.Status) string {
	switch s {
	case segment.StatusOpen:
		return "open"
	case segment.StatusAdRef:
		return "agreed ad referendum"
	case segment.StatusInformal:
		return "agreed in informal consultations"
	}
	return string(s)
}

// notes anchors the comments of the redline: a status transition, a move
// or a renumbering on the unit's first paragraph in the new revision, and
// each stale cross-reference on the paragraph of the unit that holds it.
func notes(r *diff.Report, ps []mpara, newIdx map[string]*segment.Unit) {
	first := map[*segment.Unit]int{}
	for i := len(ps) - 1; i >= 0; i-- {
		if !ps[i].op.old() {
			first[ps[i].unit] = i
		}
	}
	add := func(addr, note string) {
		u := newIdx[addr]
		if u == nil {
			return
		}
		if i, ok := first[u]; ok {
			ps[i].notes = append(ps[i].notes, note)
		}
	}
	for i := range r.Changes {
		c := &r.Changes[i]
		if c.NewAddr == "" || c.Implicit == "new" {
			continue
		}
		if c.StatusChanged() {
			add(c.NewAddr, "status: "+statusLong(c.OldStatus)+" → "+statusLong(c.NewStatus))
		}
		switch c.Op {
		case diff.Moved:
			add(c.NewAddr, "moved: "+c.OldAddr+" → "+c.NewAddr)
		case diff.Renumbered:
			add(c.NewAddr, "renumbered: "+c.OldAddr+" → "+c.NewAddr)
		}
	}
	for _, s := range r.StaleRefs {
		add(s.Addr, "stale cross-reference "+s.Ref+": "+s.Message)
	}
}

// splitMarks cuts the status marks off the end of a paragraph's pieces.
func splitMarks(segs []lseg) ([]lseg, string) {
	k := len(segs)
	for k > 0 && segs[k-1].kind == segMark {
		k--
	}
	var b []byte
	for _, s := range segs[k:] {
		b = append(b, s.text...)
	}
	return segs[:k], string(b)
}
