package diff

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"concord/segment"
	"concord/segment/words"
	"concord/segment/xref"
)

// Op says what happened to a unit between two revisions.
type Op string

// The operations of a revision report.
const (
	Unchanged  Op = "unchanged"  // same place, same number, same content
	Changed    Op = "changed"    // its own heading, text, tail or status changed
	Added      Op = "added"      // only in the new revision
	Deleted    Op = "deleted"    // only in the old revision
	Moved      Op = "moved"      // now under another parent, or out of order
	Renumbered Op = "renumbered" // in order, but its label carries another number
)

// Field names a compared field of a unit.
type Field string

// The compared fields of a unit, in the order they are diffed.
const (
	FieldHeading Field = "heading"
	FieldText    Field = "text"
	FieldTail    Field = "tail"
)

// EditOp is the operation of one piece of a diff.
type EditOp string

// The diff operations, as in diff(1) output.
const (
	Eq  EditOp = "=" // in both revisions
	Del EditOp = "-" // only in the old revision
	Ins EditOp = "+" // only in the new revision
)

// Granularity is the unit of a diff.
type Granularity string

// The granularities of Options.
const (
	Word Granularity = "word" // words: gse for Chinese, Unicode word boundaries otherwise
	Char Granularity = "char" // characters
)

// Edit is one piece of the diff of a field. The old field is the
// concatenation, in order, of the Text of its Eq and Del edits; the
// new field that of its Eq and Ins edits. Its JSON form, {"field", "op",
// "text", "form", "moved"}, is a piece of the "diff" lists of the JSON
// reports of concord diff and concord history.
type Edit struct {
	Field Field  `json:"field"` // heading, text or tail
	Op    EditOp `json:"op"`    // =, - or +
	Text  string `json:"text"`  // original text, exactly as printed
	// Form marks a deletion or insertion that differs from its counterpart
	// only in form (width, spacing, quotes, Markdown). Reports show the new
	// form as plain text unless the comparison is strict.
	Form bool `json:"form"`
	// Moved marks the text of an article that became its implicit first
	// paragraph, or the reverse: the change of that paragraph (see
	// Change.Implicit) reports it; reports do not show it again.
	Moved bool `json:"moved"`
}

// Change is what happened to one unit. Every unit of both revisions is
// in exactly one change: matched units as OldAddr and NewAddr of one change,
// added units with an empty OldAddr, deleted units with an empty NewAddr.
// A unit the parser left without an address is named "?N", N being its
// index in the document's pre-order (Document.All).
type Change struct {
	Op       Op
	Kind     segment.Kind // the unit's kind (in the new revision if it has one)
	OldAddr  string       // address in the old revision; "" when added
	NewAddr  string       // address in the new revision; "" when deleted
	OldLabel string       // labels as printed: "第 17 条"
	NewLabel string
	OldLine  int // source lines, 0 when absent
	NewLine  int
	// Article is the new address of the enclosing article (or other unit
	// that sits directly under the document or a division; for a division,
	// the division itself): reports group changes by it. When that unit was
	// deleted, Article is its old address and InDeleted is set.
	Article   string
	InDeleted bool
	Depth     int // nesting depth below Article's unit: 0 for the unit itself
	// Similarity is the Dice coefficient of the word-bigram shingles of the
	// unit's own fields in the two revisions: 1 when equal in substance, 0
	// for added and deleted units.
	Similarity float64
	// Changed is set when the unit's own heading, text, tail or status
	// changed in substance (in any respect, if strict), whatever Op says:
	// a unit can be renumbered or moved and changed.
	Changed bool
	// FormOnly is set when what differs is form only: the unit's fields
	// differ only in form, or the unit lies in a subtree that is cut into
	// units differently but reads the same (a list the parser saw in one
	// revision and not in the other), in which case even an added or
	// deleted unit is form. Unless strict, such units are not substantive.
	FormOnly  bool
	OldStatus segment.Status
	NewStatus segment.Status
	// Edits is the diff of heading, text and tail, in that order: for a
	// changed unit (or any unit whose fields differ in form) the word diff,
	// for an added unit its text as insertions, for a deleted unit as
	// deletions. A moved unit, or one whose status changed, whose fields
	// are printed identically has them as Eq edits, so that reports can
	// show its text; other units printed identically have nil.
	Edits []Edit
	// SplitFrom is, for an added unit, the old address of a unit that kept
	// its place and whose text the added unit took over (a paragraph split
	// into two, an article divided).
	SplitFrom string
	// MergedInto is, for a deleted unit, the new address of a unit that took
	// over its text.
	MergedInto string
	// Implicit is "old" or "new" when the unit does not exist as such in
	// that revision: a law article of a single paragraph (款) whose text
	// became its first paragraph when a second one was added ("old"), or the
	// reverse ("new"). On that side the address is the article's address
	// plus ".1", and the text is the article's own text; the article's
	// change carries that text as a Moved edit.
	Implicit string
}

// Substantive reports whether the change counts as a change of substance:
// anything but an unchanged unit, except units added or deleted by a
// difference of form only when the comparison is not strict.
func (c *Change) Substantive(strict bool) bool {
	if c.Op == Unchanged {
		return false
	}
	return strict || !c.FormOnly || c.Op != Added && c.Op != Deleted
}

// StatusChanged reports whether the unit's negotiation status changed.
func (c *Change) StatusChanged() bool {
	return c.OldAddr != "" && c.NewAddr != "" && c.OldStatus != c.NewStatus
}

// Addr returns the address to show for the change: the new one, or the old
// one for deleted units.
func (c *Change) Addr() string {
	if c.NewAddr != "" {
		return c.NewAddr
	}
	return c.OldAddr
}

// Transition counts the units whose status went From one value To another.
type Transition struct {
	From, To segment.Status
	Count    int
	Addrs    []string // new addresses of the units, in document order
}

// StaleRef is a cross-reference in the new revision that needs a look: it
// points to a number that moved, or to a unit that no longer exists. The
// same type describes a dangling reference (Report.Dangling): one to an
// article that exists in neither revision.
type StaleRef struct {
	Addr    string // new address of the unit whose text holds the reference
	Field   Field
	Ref     string // the reference as printed: "第 17 条", "article 17"
	Target  string // the address the reference points to in the new revision
	Now     string // where the unit it pointed to in the old revision is now; "" if deleted or never there
	Message string // a sentence for the report
}

// Counts counts units by what happened to them.
type Counts struct {
	Old, New   int // units in each revision
	Unchanged  int
	Changed    int // Op changed
	Added      int
	Deleted    int
	Moved      int
	Renumbered int // Op renumbered, whether or not the unit changed too
	// RenumberedChanged and MovedChanged count the renumbered and the
	// moved units whose heading, text, tail or status changed as well (a
	// part of Renumbered and of Moved).
	RenumberedChanged int
	MovedChanged      int
	ContentEdited     int // units with Changed set, whatever their Op
	StatusChanged     int
	FormOnly          int
}

// Summary sums a report up.
type Summary struct {
	Units     Counts // every unit
	Articles  Counts // articles only
	StaleRefs int
	Dangling  int // references to articles that exist in neither revision
	// Substantive is set when anything changed other than form: a unit
	// added, deleted, moved, renumbered or changed in substance.
	Substantive bool
}

// DocInfo describes one revision.
type DocInfo struct {
	Name string // file name
	Lang string
}

// Report is the comparison of two revisions.
type Report struct {
	Old, New    DocInfo
	Lang        string // the language the texts were cut in
	Strict      bool
	Granularity Granularity
	// Changes lists every unit of both revisions in the order of the new
	// revision; deleted units follow the unit that preceded them.
	Changes     []Change
	Transitions []Transition // status transitions, sorted by From, To
	StaleRefs   []StaleRef   // in document order
	// Dangling lists the references of the new text to an article that
	// exists in neither revision, in document order. They are not stale —
	// they did not become wrong in this revision — and are kept apart.
	Dangling []StaleRef
	// Coarse lists the fields whose redline is coarser than word by word,
	// in the order of Changes: where two long texts differ throughout (a
	// paragraph of thousands of words rewritten), the word diff would cost
	// time in the product of their lengths, so the sentences that changed
	// are shown deleted and inserted whole. Writers show the list, so
	// that a reader knows the redline is not word by word there.
	Coarse  []Coarse
	Summary Summary
	// OldDoc and NewDoc are the compared documents, for writers that show
	// the whole text (the Word redline); nil in a report built by hand.
	OldDoc, NewDoc *segment.Document
}

// Substantive reports whether the revisions differ in substance: the exit
// status of concord diff.
func (r *Report) Substantive() bool { return r.Summary.Substantive }

// StatusOnly returns a copy of the report that lists only the units whose
// status changed; transitions and summary are kept.
func (r *Report) StatusOnly() *Report {
	out := *r
	out.Changes = nil
	for _, c := range r.Changes {
		if c.StatusChanged() {
			out.Changes = append(out.Changes, c)
		}
	}
	return &out
}

// Options configure Compare. The zero value compares word by
// word, in the language of the new document, ignoring differences of form.
type Options struct {
	// Lang is the language of both texts: it chooses the word segmentation
	// and the grammar of cross-references. "" takes the new document's.
	Lang string
	// Granularity is Word (the default) or Char.
	Granularity Granularity
	// Strict reports differences of form (spacing, full- and half-width
	// forms, quotes, Markdown) as changes.
	Strict bool
	// Segmenter cuts words; nil uses a shared one with the default options,
	// loaded on first use.
	Segmenter *words.Segmenter
	// Refs finds the cross-references of a text; nil uses xref.Find. Wrap
	// xref.Find to add a grammar for another language.
	Refs func(text, lang string) []xref.Ref
	// Timeout bounds the time the word diffs of a comparison may take:
	// past it, each field left is shown as its old text deleted and its
	// new text inserted, and listed in Report.Coarse. 0 means
	// DefaultTimeout; a negative value, no limit. The work of every word
	// diff is bounded anyway (see Report.Coarse), so the limit is a
	// safety net that real texts do not reach.
	Timeout time.Duration
}

// DefaultTimeout is the time limit of the word diffs when Options.Timeout
// is 0.
const DefaultTimeout = 60 * time.Second

var (
	segOnce sync.Once
	seg     *words.Segmenter
	segErr  error
)

// defaultSegmenter returns the shared segmenter.
func defaultSegmenter() (*words.Segmenter, error) {
	segOnce.Do(func() { seg, segErr = words.New(words.Options{}) })
	return seg, segErr
}

// Compare compares an old and a new revision of a document. It
// fails only on nil documents, a bad option or a segmenter that cannot
// load; it never formats output or touches files.
//
// It compares the trees unit by unit and says what happened to each unit: unchanged, changed, added,
// deleted, moved or renumbered. It matches the trees, not lines:
//
//  1. The units that sit directly under the document or a division
//     (articles, recitals, footnotes, the title, the closing formula…) are
//     matched kind by kind over the whole document, whatever chapter holds
//     them. A maximum-weight chain (a weighted longest common subsequence)
//     over the pairs whose word-shingle similarity (Dice over word bigrams
//     of the NFKC text) is at least 0.5 fixes the order-preserving matches
//     globally, so one inserted article shifts the numbers of all later
//     articles without breaking a single match; then each gap between two
//     chain pairs is aligned again with a looser threshold and a bonus for
//     units at the same position in the gap, or with the same heading, so
//     that a rewritten article still matches the article it replaced.
//  2. The children (paragraphs, subparagraphs, items) of every matched pair
//     are aligned the same way within their parents.
//  3. Units still unmatched on both sides are paired across parents and out
//     of order when their texts are clearly the same (similarity ≥ 0.6):
//     these are the moved units.
//  4. Divisions (parts, chapters, sections, the preamble, annexes) are
//     matched by their headings and by the units they hold.
//  5. An added unit whose text was taken from a unit that kept its place is
//     marked as split from it; a deleted unit whose text went into a matched
//     unit as merged into it.
//
// A law article of one paragraph (款) whose counterpart has paragraphs is
// compared as if its text were its first paragraph (Change.Implicit).
//
// Matched units are then compared field by field (heading, text, tail) in
// a canonical form: NFKC (full- and half-width forms alike), spaces kept
// only between two words of a spaced script (总 则 = 总则, 第 17 条 =
// 第17条), without Markdown emphasis, link targets or footnote marks, with
// one form of quotes. A unit whose fields differ only in that form is
// unchanged unless Options.Strict is set; so is a subtree cut into units
// differently that reads the same once flattened (a list the parser saw in
// one revision only). Word diffs cut Chinese with the gse dictionary of
// package words and other languages at Unicode word boundaries, map each
// distinct token to a rune, run go-diff's DiffMainRunes and semantic
// cleanup on the rune strings and map back to the original text.
//
// Finally the status of every matched unit is compared (Transition),
// and the cross-references of the new text (Options.Refs) that still
// read as in the old text, at the same place, are checked: one whose
// target now has another number, or was deleted, is a StaleRef, and so is
// any reference to an article number that existed in the old revision
// and no longer does. A reference to an article that exists in neither
// revision did not become wrong in this revision: it is listed in
// Report.Dangling, not as stale.
func Compare(old, new *segment.Document, opt Options) (*Report, error) {
	if old == nil || new == nil {
		return nil, errors.New("align: Compare needs two documents")
	}
	r, _, err := compareKeep(old, new, opt, nil, false)
	return r, err
}

// Series compares each revision of docs with the one before it, in
// order, and calls each with the index of the newer revision (from 1) and
// the report of the comparison, as Compare makes it. Each revision is
// prepared once (canonical form, words and shingles of every unit): as
// the new side of one comparison and again as the old side of the next,
// when both use the same language. It stops at the first error, from
// Compare's checks or from each.
func Series(docs []*segment.Document, opt Options, each func(i int, r *Report) error) error {
	for i, d := range docs {
		if d == nil {
			return fmt.Errorf("align: Series: revision %d is nil", i+1)
		}
	}
	var prev *prepared
	for i := 1; i < len(docs); i++ {
		r, next, err := compareKeep(docs[i-1], docs[i], opt, prev, i+1 < len(docs))
		if err != nil {
			return err
		}
		prev = next
		if err := each(i, r); err != nil {
			return err
		}
	}
	return nil
}

// prepared is a revision as build prepared it, before matching, kept
// for the next comparison of a series: the fields and shingles of its
// units in pre-order, and the tokenizer that cut them.
type prepared struct {
	doc   *segment.Document
	tz    tokenizer
	units []prepUnit
}

// compareKeep compares old and new as Compare does. It takes old's
// prepared units from prev when prev holds them for the same tokenizer,
// and returns new's when keep is set.
func compareKeep(old, new *segment.Document, opt Options, prev *prepared, keep bool) (*Report, *prepared, error) {
	switch opt.Granularity {
	case "":
		opt.Granularity = Word
	case Word, Char:
	default:
		return nil, nil, fmt.Errorf("align: unknown granularity %q: want word or char", opt.Granularity)
	}
	lang := opt.Lang
	if lang == "" {
		lang = new.Lang
	}
	if lang == "" {
		lang = old.Lang
	}
	tz := &tokenizer{seg: opt.Segmenter, lang: lang, char: opt.Granularity == Char}
	if tz.seg == nil {
		s, err := defaultSegmenter()
		if err != nil {
			return nil, nil, err
		}
		tz.seg = s
	}
	refs := opt.Refs
	if refs == nil {
		refs = xref.Find
	}
	cmp := &matcher{tz: tz, strict: opt.Strict}
	var wg sync.WaitGroup // the two revisions are cut into words at once
	if prev != nil && prev.doc == old && prev.tz == *tz {
		cmp.old = build(old, tz, false, prev.units)
	} else {
		wg.Go(func() { cmp.old = build(old, tz, false, nil) })
	}
	cmp.new = build(new, tz, true, nil)
	wg.Wait()
	var next *prepared
	if keep { // before the matcher changes the nodes
		next = &prepared{doc: new, tz: *tz, units: cmp.new.prepared()}
	}
	cmp.match()
	cmp.dropSubtreeShingles()
	switch {
	case opt.Timeout == 0:
		cmp.deadline = time.Now().Add(DefaultTimeout)
	case opt.Timeout > 0:
		cmp.deadline = time.Now().Add(opt.Timeout)
	}
	r := &Report{
		Old:         DocInfo{Name: old.Name, Lang: old.Lang},
		New:         DocInfo{Name: new.Name, Lang: new.Lang},
		Lang:        lang,
		Strict:      opt.Strict,
		Granularity: opt.Granularity,
	}
	r.Changes, r.Coarse = cmp.changes()
	r.Transitions = transitions(r.Changes)
	r.StaleRefs, r.Dangling = cmp.staleRefs(lang, refs)
	r.Summary = summarize(r.Changes, len(r.StaleRefs), opt.Strict)
	r.Summary.Dangling = len(r.Dangling)
	r.OldDoc, r.NewDoc = old, new
	return r, next, nil
}

// transitions counts the status transitions of matched units.
func transitions(cs []Change) []Transition {
	var out []Transition
	for _, c := range cs {
		if !c.StatusChanged() {
			continue
		}
		i := slices.IndexFunc(out, func(t Transition) bool { return t.From == c.OldStatus && t.To == c.NewStatus })
		if i < 0 {
			out = append(out, Transition{From: c.OldStatus, To: c.NewStatus})
			i = len(out) - 1
		}
		out[i].Count++
		out[i].Addrs = append(out[i].Addrs, c.NewAddr)
	}
	slices.SortStableFunc(out, func(a, b Transition) int {
		if a.From != b.From {
			return statusRank(a.From) - statusRank(b.From)
		}
		return statusRank(a.To) - statusRank(b.To)
	})
	return out
}

// statusRank orders statuses from open to agreed.
func statusRank(s segment.Status) int {
	switch s {
	case segment.StatusOpen:
		return 0
	case segment.StatusAdRef:
		return 1
	case segment.StatusInformal:
		return 2
	}
	return 3 + int(s[0])
}

// summarize counts the changes.
func summarize(cs []Change, stale int, strict bool) Summary {
	var s Summary
	for _, c := range cs {
		for _, n := range []*Counts{&s.Units, &s.Articles} {
			if n == &s.Articles && c.Kind != segment.KindArticle {
				continue
			}
			if c.OldAddr != "" && c.Implicit != "old" {
				n.Old++
			}
			if c.NewAddr != "" && c.Implicit != "new" {
				n.New++
			}
			switch c.Op {
			case Unchanged:
				n.Unchanged++
			case Changed:
				n.Changed++
			case Added:
				n.Added++
			case Deleted:
				n.Deleted++
			case Moved:
				n.Moved++
				if c.Changed {
					n.MovedChanged++
				}
			case Renumbered:
				n.Renumbered++
				if c.Changed {
					n.RenumberedChanged++
				}
			}
			if c.Changed {
				n.ContentEdited++
			}
			if c.StatusChanged() {
				n.StatusChanged++
			}
			if c.FormOnly {
				n.FormOnly++
			}
		}
		if c.Substantive(strict) {
			s.Substantive = true
		}
	}
	s.StaleRefs = stale
	return s
}
