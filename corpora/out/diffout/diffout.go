package diffout

import (
	"fmt"
	"strconv"
	"strings"

	"concord/align/diff"
	"concord/segment"
)

// Piece is a run of text to show: equal, deleted or inserted.
type Piece struct {
	Op   diff.EditOp
	Text string
}

// FieldView is one field of a change, ready to show.
type FieldView struct {
	Field  diff.Field
	Pieces []Piece
}

// fields returns the fields of a change to show (Fields): a moved unit,
// or one whose status changed, shows every field that has text, edited or
// not, so that its text is seen with it.
func fields(c *diff.Change, strict bool) []FieldView {
	return Fields(c.Edits, strict, c.Op == diff.Moved || c.StatusChanged())
}

// Fields returns the fields of edits (a change's, in the order of
// diff.Change.Edits) that show a deletion or an insertion, every field that
// has text when whole is set, as runs of equal, deleted and inserted text:
// form edits resolved (their new text shown as equal, unless strict) and
// moved text left out.
func Fields(edits []diff.Edit, strict, whole bool) []FieldView {
	var out []FieldView
	for _, f := range []diff.Field{diff.FieldHeading, diff.FieldText, diff.FieldTail} {
		var ps []Piece
		var run strings.Builder // the text of the last piece, while it grows
		edited := false
		for _, e := range edits {
			if e.Field != f || e.Moved {
				continue
			}
			op := e.Op
			if e.Form && !strict {
				if op == diff.Del {
					continue
				}
				op = diff.Eq
			}
			if op != diff.Eq {
				edited = true
			}
			if k := len(ps); k > 0 && ps[k-1].Op == op {
				run.WriteString(e.Text)
				continue
			}
			if k := len(ps); k > 0 {
				ps[k-1].Text = run.String()
			}
			run = strings.Builder{}
			run.WriteString(e.Text)
			ps = append(ps, Piece{Op: op})
		}
		if k := len(ps); k > 0 {
			ps[k-1].Text = run.String()
		}
		if edited || whole && len(ps) > 0 {
			out = append(out, FieldView{f, ps})
		}
	}
	return out
}

// shown reports whether a change is listed in a report: the substantive
// ones.
func shown(r *diff.Report, c *diff.Change) bool { return c.Substantive(r.Strict) }

// statusName names a status for people.
func statusName(s segment.Status) string {
	if s == segment.StatusOpen {
		return "open"
	}
	return string(s)
}

// addrs formats the addresses of a change: "art.17 → art.18", "art.5".
func addrs(c *diff.Change) string {
	switch {
	case c.OldAddr == "":
		return c.NewAddr
	case c.NewAddr == "" || c.OldAddr == c.NewAddr:
		return c.OldAddr
	}
	return c.OldAddr + " → " + c.NewAddr
}

// labels formats the labels of a change: "第 17 条 → 第 18 条".
func labels(c *diff.Change) string {
	o, n := strings.Join(strings.Fields(c.OldLabel), " "), strings.Join(strings.Fields(c.NewLabel), " ")
	switch {
	case c.Implicit != "":
		return ""
	case c.OldAddr == "":
		return n
	case c.NewAddr == "" || o == n:
		return o
	}
	return o + " → " + n
}

// opText describes what happened: "renumbered, changed", "added (split
// from art.3)".
func opText(c *diff.Change) string {
	s := string(c.Op)
	if c.Changed && (c.Op == diff.Moved || c.Op == diff.Renumbered) {
		s += ", changed"
	}
	switch {
	case c.SplitFrom != "":
		s += " (split from " + c.SplitFrom + ")"
	case c.MergedInto != "":
		s += " (merged into " + c.MergedInto + ")"
	}
	if c.Implicit == "old" {
		s += " (was the article's text)"
	} else if c.Implicit == "new" {
		s += " (now the article's text)"
	}
	return s
}

// statusText describes a status change: "open → ad-ref", or "".
func statusText(c *diff.Change) string {
	if !c.StatusChanged() {
		return ""
	}
	return statusName(c.OldStatus) + " → " + statusName(c.NewStatus)
}

// item is one entry of a report: a change, or a run of renumberings shown
// as one line.
type item struct {
	c   *diff.Change
	run []*diff.Change // ≥ 3 consecutive plain renumberings by the same offset
}

// items lists what a report shows, folding runs of plain renumberings.
func items(r *diff.Report) []item {
	var vis []*diff.Change
	for i := range r.Changes {
		if shown(r, &r.Changes[i]) {
			vis = append(vis, &r.Changes[i])
		}
	}
	var out []item
	for i := 0; i < len(vis); {
		c, j := vis[i], i+1
		if plainRenumber(c) {
			for j < len(vis) && plainRenumber(vis[j]) && vis[j].Kind == c.Kind && numDelta(vis[j]) == numDelta(c) &&
				lastNum(vis[j].OldAddr) == lastNum(vis[j-1].OldAddr)+1 {
				j++
			}
		}
		if j-i >= 3 {
			out = append(out, item{run: vis[i:j]})
			i = j
			continue
		}
		out = append(out, item{c: c})
		i++
	}
	return out
}

// plainRenumber reports whether a change is a renumbering and nothing else.
func plainRenumber(c *diff.Change) bool {
	return c.Op == diff.Renumbered && !c.Changed && c.Depth == 0 && lastNum(c.OldAddr) >= 0 && lastNum(c.NewAddr) >= 0
}

// lastNum returns the number in the last segment of an address, or -1.
func lastNum(addr string) int {
	seg := addr[strings.LastIndexByte(addr, '.')+1:]
	n, err := strconv.Atoi(seg)
	if err != nil {
		return -1
	}
	return n
}

func numDelta(c *diff.Change) int { return lastNum(c.NewAddr) - lastNum(c.OldAddr) }

// runText describes a run of renumberings: "art.17 … art.68 → art.18 …
// art.69 (52 articles renumbered, +1)".
func runText(run []*diff.Change) string {
	first, last := run[0], run[len(run)-1]
	d := numDelta(first)
	sign := "+"
	if d < 0 {
		sign = ""
	}
	return fmt.Sprintf("%s … %s → %s … %s (%d %s renumbered, %s%d)", first.OldAddr, last.OldAddr, first.NewAddr, last.NewAddr,
		len(run), plural(string(first.Kind), len(run)), sign, d)
}

func plural(word string, n int) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// countRows returns the summary table: a header and the rows for articles
// and all units. Its columns of what happened are apart: a unit renumbered
// and changed counts under renumbered+changed only, not under renumbered
// nor changed (status counts every unit whose status changed, whatever else
// happened to it).
func countRows(s diff.Summary) ([]string, [][]string) {
	head := []string{"", "old", "new", "unchanged", "changed", "added", "deleted", "moved", "moved+changed",
		"renumbered", "renumbered+changed", "status", "form only"}
	row := func(name string, n diff.Counts) []string {
		vals := []int{n.Old, n.New, n.Unchanged, n.Changed, n.Added, n.Deleted, n.Moved - n.MovedChanged, n.MovedChanged,
			n.Renumbered - n.RenumberedChanged, n.RenumberedChanged, n.StatusChanged, n.FormOnly}
		out := []string{name}
		for _, v := range vals {
			out = append(out, strconv.Itoa(v))
		}
		return out
	}
	return head, [][]string{row("articles", s.Articles), row("all units", s.Units)}
}

// verdict is the one-line conclusion of a report.
func verdict(r *diff.Report) string {
	if !r.Substantive() {
		if r.Summary.Units.FormOnly > 0 {
			return fmt.Sprintf("No substantive change (%d %s differ in form only).", r.Summary.Units.FormOnly, plural("unit", r.Summary.Units.FormOnly))
		}
		return "No change."
	}
	n := 0
	var added, deleted, changed, moved, movedChanged, renum, renumChanged int
	for i := range r.Changes {
		c := &r.Changes[i]
		if !shown(r, c) {
			continue
		}
		n++
		switch c.Op {
		case diff.Added:
			added++
		case diff.Deleted:
			deleted++
		case diff.Changed:
			changed++
		case diff.Moved:
			if c.Changed {
				movedChanged++
			} else {
				moved++
			}
		case diff.Renumbered:
			if c.Changed {
				renumChanged++
			} else {
				renum++
			}
		}
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{changed, "changed"}, {added, "added"}, {deleted, "deleted"}, {renum, "renumbered"},
		{renumChanged, "renumbered and changed"}, {moved, "moved"}, {movedChanged, "moved and changed"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	verb := "differ"
	if n == 1 {
		verb = "differs"
	}
	return fmt.Sprintf("%d %s %s: %s.", n, plural("unit", n), verb, strings.Join(parts, ", "))
}
