package history

import (
	"errors"
	"fmt"
	"strconv"

	"concord/align/diff"
	"concord/segment"
)

// Step is a provision in one revision.
type Step struct {
	// Present is set when the provision exists in the revision.
	Present bool
	Addr    string // its address there; "" when absent
	Label   string // its label as printed
	Status  segment.Status
	// Op is what happened to it from the revision before: diff.Added,
	// Deleted (the first revision it is absent from), Changed, Moved,
	// Renumbered or Unchanged; "" in the first revision, and where the
	// provision is absent from both.
	Op diff.Op
	// Changed is set when its heading, text or tail changed in substance
	// from the revision before (whatever Op says: a renumbered unit can be
	// changed too); StatusChanged when its status did.
	Changed       bool
	StatusChanged bool
	// Edits is the word redline of this step (the edits of diff.Change)
	// when Options.Redline is set and the wording changed, or the unit was
	// added or deleted; nil otherwise.
	Edits []diff.Edit
}

// Provision is one unit followed through the revisions.
type Provision struct {
	// ID names the provision: its address in the first revision that has
	// it, followed by "@N" (N the 1-based number of that revision) when
	// that is not the first revision.
	ID    string
	Kind  segment.Kind
	Steps []Step // one per revision, in order
	// First and Last are the indexes of the first and the last revision
	// that have the provision.
	First, Last int
	// StatusSince is the index of the revision from which its status in
	// the last revision that has it holds without a break.
	StatusSince int
}

// Addrs returns the provision's address in each revision ("" where
// absent): its renumbering chain.
func (p *Provision) Addrs() []string {
	out := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = s.Addr
	}
	return out
}

// ChangedIn returns the indexes of the revisions in which the provision's
// wording changed.
func (p *Provision) ChangedIn() []int {
	var out []int
	for i, s := range p.Steps {
		if s.Changed {
			out = append(out, i)
		}
	}
	return out
}

// Counts counts what happened to units of one kind from the revision
// before.
type Counts struct {
	Units       int // present in the revision
	Added       int
	Deleted     int
	Changed     int // wording changed, whatever else happened
	Renumbered  int // renumbered or moved
	StatusMoved int // status changed
}

// RevSummary sums up one revision.
type RevSummary struct {
	Name     string
	Lang     string
	Articles Counts
	Units    Counts
	// Status counts the units present by status: open (no mark), agreed ad
	// referendum, agreed in informal consultations (and any other status a
	// mark table defines).
	Status map[segment.Status]int
	// StaleRefs counts the stale cross-references the comparison with the
	// revision before found.
	StaleRefs int
}

// History is a draft followed through its revisions.
type History struct {
	Revisions  []RevSummary // in order; the first has no counts of change
	Provisions []Provision  // in document order (see Build)
	// Strict is set when differences of form counted as changes
	// (diff.Options.Strict): the redlines then show them.
	Strict bool
}

// Options configure Build.
type Options struct {
	// Diff configures each comparison of neighbours.
	Diff diff.Options
	// Redline keeps the word redline of every step that changed wording.
	Redline bool
}

// Build follows the units of docs, revisions of one draft in order,
// through the series. It compares each revision with the one before it
// only (diff.Series), so that n revisions cost n−1 comparisons, and chains the matches:
// a unit matched from revision i−1 to revision i continues its provision;
// an added unit starts one; a deleted unit ends its own. A unit's text
// that becomes an article's implicit first paragraph (a law article of
// one 款 gaining a second one) is followed as the article; the paragraph
// starts a provision of its own.
//
// Provisions come in the order of the last revision, each provision deleted
// on the way after the one it followed when it was last present.
func Build(docs []*segment.Document, opt Options) (*History, error) {
	if len(docs) < 2 {
		return nil, errors.New("history: want two revisions or more")
	}
	for i, d := range docs {
		if d == nil {
			return nil, fmt.Errorf("history: revision %d is nil", i+1)
		}
	}
	n := len(docs)
	h := &History{Revisions: make([]RevSummary, n), Strict: opt.Diff.Strict}
	newProv := func(kind segment.Kind, first int, addr string) int {
		id := addr
		if first > 0 {
			id += "@" + strconv.Itoa(first+1)
		}
		h.Provisions = append(h.Provisions, Provision{ID: id, Kind: kind, Steps: make([]Step, n), First: first, Last: first})
		return len(h.Provisions) - 1
	}
	// revision 0: every unit starts a provision
	cur := map[string]int{} // address in the current revision → provision
	var order []int
	k := 0
	for u := range docs[0].All() {
		a := unitAddr(u, k)
		k++
		p := newProv(u.Kind, 0, a)
		h.Provisions[p].Steps[0] = Step{Present: true, Addr: a, Label: u.Label, Status: u.Status}
		if _, dup := cur[a]; !dup {
			cur[a] = p
		}
		order = append(order, p)
	}
	err := diff.Series(docs, opt.Diff, func(i int, r *diff.Report) error {
		next := map[string]int{}
		seen := make(map[int]bool, len(order))
		var now []int // provisions in this report's order
		for ci := range r.Changes {
			c := &r.Changes[ci]
			oldAddr, newAddr := c.OldAddr, c.NewAddr
			if c.Implicit == "old" {
				oldAddr = "" // the paragraph did not exist as such: it starts here
			}
			if c.Implicit == "new" {
				newAddr = "" // it is the article's text now: followed as the article
			}
			p, ok := -1, false
			if oldAddr != "" {
				p, ok = cur[oldAddr]
			}
			if newAddr == "" {
				if ok && !seen[p] {
					h.Provisions[p].Steps[i] = Step{Op: diff.Deleted, Edits: keep(opt.Redline, c.Edits)}
					seen[p] = true
					now = append(now, p)
				}
				continue
			}
			op := c.Op
			if !ok || seen[p] {
				p = newProv(c.Kind, i, newAddr)
				op = diff.Added
			}
			seen[p] = true
			now = append(now, p)
			if _, dup := next[newAddr]; !dup {
				next[newAddr] = p
			}
			s := Step{Present: true, Addr: newAddr, Label: c.NewLabel, Status: c.NewStatus, Op: op}
			if op != diff.Added {
				s.Changed = c.Changed && hasEdit(c.Edits, r.Strict)
				s.StatusChanged = c.OldStatus != c.NewStatus
			}
			if opt.Redline && (s.Changed || op == diff.Added) {
				s.Edits = c.Edits
			}
			pr := &h.Provisions[p]
			pr.Steps[i] = s
			pr.Last = i
		}
		order = reorder(order, now, seen)
		cur = next
		h.Revisions[i].StaleRefs = len(r.StaleRefs)
		return nil
	})
	if err != nil {
		return nil, err
	}
	h.Provisions = permute(h.Provisions, order)
	for i, d := range docs {
		h.Revisions[i].Name, h.Revisions[i].Lang = d.Name, d.Lang
		h.Revisions[i].Status = map[segment.Status]int{}
	}
	for pi := range h.Provisions {
		p := &h.Provisions[pi]
		for i, s := range p.Steps {
			sum := &h.Revisions[i]
			for _, c := range []*Counts{&sum.Units, &sum.Articles} {
				if c == &sum.Articles && p.Kind != segment.KindArticle {
					continue
				}
				if s.Present {
					c.Units++
				}
				switch s.Op {
				case diff.Added:
					c.Added++
				case diff.Deleted:
					c.Deleted++
				case diff.Renumbered, diff.Moved:
					c.Renumbered++
				}
				if s.Changed {
					c.Changed++
				}
				if s.StatusChanged {
					c.StatusMoved++
				}
			}
			if s.Present {
				sum.Status[s.Status]++
			}
		}
		last := p.Steps[p.Last].Status
		p.StatusSince = p.Last
		for j := p.Last - 1; j >= p.First && p.Steps[j].Present && p.Steps[j].Status == last; j-- {
			p.StatusSince = j
		}
	}
	return h, nil
}

// unitAddr names a unit as diff does: its address, or "?N" (N its index in
// the document's pre-order) when it has none.
func unitAddr(u *segment.Unit, k int) string {
	if u.Addr != "" {
		return u.Addr
	}
	return "?" + strconv.Itoa(k)
}

// hasEdit reports whether edits hold a deletion or an insertion (of
// substance, unless strict).
func hasEdit(es []diff.Edit, strict bool) bool {
	for _, e := range es {
		if e.Op != diff.Eq && !e.Moved && (strict || !e.Form) {
			return true
		}
	}
	return false
}

func keep(on bool, es []diff.Edit) []diff.Edit {
	if on {
		return es
	}
	return nil
}

// reorder puts the provisions of this step in the report's order and each
// provision gone before (not in the report) after the provision it
// followed.
func reorder(old, now []int, seen map[int]bool) []int {
	after := map[int][]int{}
	prev := -1
	for _, p := range old {
		if seen[p] {
			prev = p
			continue
		}
		after[prev] = append(after[prev], p)
	}
	out := make([]int, 0, len(old)+len(now))
	out = append(out, after[-1]...)
	for _, p := range now {
		out = append(out, p)
		out = append(out, after[p]...)
	}
	return out
}

// permute returns the provisions in the given order.
func permute(ps []Provision, order []int) []Provision {
	out := make([]Provision, 0, len(ps))
	for _, i := range order {
		out = append(out, ps[i])
	}
	return out
}
