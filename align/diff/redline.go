package diff

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The word diff of two fields maps every distinct canonical token to a rune
// and runs go-diff's DiffMainRunes (Myers' algorithm, no time limit, so
// that the same input always gives the same diff) and its semantic cleanup
// on the rune strings. That costs time in the product of the length of the
// texts and the number of edits: a long paragraph rewritten throughout
// would take minutes. So a long field is first cut in sentences, the
// sentences are diffed as units, and words are diffed only within the runs
// of changed sentences (sentence by sentence where as many changed as
// were replaced). Every diff whose work would pass a budget linear in its
// length is not run: its part of the field is shown as deleted and
// inserted whole, and the field is listed in Report.Coarse. The budget
// counts work, not time, so the result does not depend on the machine;
// Options.Timeout adds a deadline past which every field left is compared
// that way.
const (
	smallDiff  = 4096 // tokens of both sides that are diffed word by word as they are
	workPerTok = 64   // edits allowed beyond smallDiff²/tokens for a longer diff
	chunkMax   = 256  // most tokens in one sentence of a long field
)

// terminals are the hashes of the canonical tokens that end a sentence
// chunk of a long field.
var terminals = func() []uint64 {
	var hs []uint64
	for _, s := range []string{"。", "!", "?", ";", ".", "؟", "؛", "…"} {
		hs = append(hs, hash(s))
	}
	return hs
}()

// Coarse names a field whose redline is coarser than word by word: its
// texts were too long and too different (or the time limit had passed),
// so part of it, or all, is shown as the old text deleted and the new text
// inserted. Applying its edits still gives the new text.
type Coarse struct {
	Addr   string // the new address of the unit
	Field  Field
	Reason string // why, in plain words
}

// differ computes word diffs; it is not safe for concurrent use.
type differ struct {
	tz       *tokenizer // what cut the fields
	dmp      *diffmatchpatch.DiffMatchPatch
	ids      map[uint64]rune
	a, b     []rune
	v        []int     // Myers' furthest paths, reused
	deadline time.Time // zero: none
	late     bool      // the deadline has passed
	// why is set by diff when the field's redline fell back to whole
	// deletions and insertions somewhere: the reason, for Report.Coarse.
	why string
}

func newDiffer(tz *tokenizer) *differ {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the same input always gives the same diff
	return &differ{tz: tz, dmp: dmp, ids: map[uint64]rune{}}
}

// maxIDs is the number of distinct tokens tokenRune can map.
const maxIDs = utf8.MaxRune - 0x100 - 0x800

// tokenRune maps the k-th distinct token to a rune, skipping surrogates.
func tokenRune(k int) rune {
	r := rune(0x100 + k)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// span is a stretch of tokens of one diff operation.
type span struct {
	op diffmatchpatch.Operation
	n  int
}

// diff returns the edits that turn field o into field n. Tokens are compared
// in canonical form; where equal tokens (or the spaces between them) are
// printed differently, the edit is a pair of deletion and insertion marked
// Form. d.why says afterwards whether part of the field fell back to whole
// deletion and insertion.
func (d *differ) diff(field Field, o, n *tokField) []Edit {
	d.why = ""
	if o.raw == n.raw {
		if o.raw == "" {
			return nil
		}
		return []Edit{{Field: field, Op: Eq, Text: o.raw}}
	}
	e := emitter{field: field}
	oc, nc, io, in := 0, 0, 0, 0
	ots, nts := o.tokens(d.tz), n.tokens(d.tz)
	for _, r := range d.align(ots, nts) {
		switch r.op {
		case diffmatchpatch.DiffEqual:
			for range r.n {
				ot, nt := ots[io], nts[in]
				og, ot1 := cut(o.raw, &oc, int(ot.rs), int(ot.re))
				ng, nt1 := cut(n.raw, &nc, int(nt.rs), int(nt.re))
				e.same(og, ng)
				e.same(ot1, nt1)
				io++
				in++
			}
		case diffmatchpatch.DiffDelete:
			for range r.n {
				e.take(Del, o.raw, &oc, ots[io])
				io++
			}
		case diffmatchpatch.DiffInsert:
			for range r.n {
				e.take(Ins, n.raw, &nc, nts[in])
				in++
			}
		}
	}
	e.same(o.raw[oc:], n.raw[nc:])
	return e.edits()
}

// align returns the token runs that turn a into b.
func (d *differ) align(a, b []token) []span {
	if len(a)+len(b) <= smallDiff {
		return d.words(a, b)
	}
	// the common prefix and suffix, then the middle by sentences
	p := 0
	for p < len(a) && p < len(b) && a[p].h == b[p].h {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s].h == b[len(b)-1-s].h {
		s++
	}
	out := addRun(nil, diffmatchpatch.DiffEqual, p)
	out = d.sentences(out, a[p:len(a)-s], b[p:len(b)-s])
	return addRun(out, diffmatchpatch.DiffEqual, s)
}

// sentences appends the runs that turn a into b to out, diffing sentence
// chunks first and words within the changed ones.
func (d *differ) sentences(out []span, a, b []token) []span {
	if len(a)+len(b) <= smallDiff {
		return append(out, d.words(a, b)...)
	}
	ca, cb := chunks(a), chunks(b)
	clear(d.ids)
	d.a, d.b = d.a[:0], d.b[:0]
	for k := range ca {
		d.a = append(d.a, d.id(chunkHash(a, ca, k)))
	}
	for k := range cb {
		d.b = append(d.b, d.id(chunkHash(b, cb, k)))
	}
	diffs, ok := d.bounded(d.a, d.b, false, "sentences")
	if !ok {
		return d.whole(out, len(a), len(b))
	}
	ia, ib := 0, 0 // chunks done
	da, db := 0, 0 // chunks deleted and inserted since the last equal ones
	flush := func() {
		if da == db && da > 1 { // sentences replaced one by one
			for k := range da {
				x, y := ia-da+k, ib-db+k
				out = append(out, d.words(a[start(ca, x):ca[x]], b[start(cb, y):cb[y]])...)
			}
		} else if da > 0 || db > 0 {
			out = append(out, d.words(a[start(ca, ia-da):start(ca, ia)], b[start(cb, ib-db):start(cb, ib)])...)
		}
		da, db = 0, 0
	}
	for _, df := range diffs {
		k := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			out = addRun(out, diffmatchpatch.DiffEqual, start(ca, ia+k)-start(ca, ia))
			ia += k
			ib += k
		case diffmatchpatch.DiffDelete:
			ia += k
			da += k
		case diffmatchpatch.DiffInsert:
			ib += k
			db += k
		}
	}
	flush()
	return out
}

// chunks cuts tokens into sentence chunks and returns the end of each:
// after a token that ends a sentence, or after chunkMax tokens, or after a
// token whose hash says so once a chunk has 32 tokens (so that text without
// stops is cut the same way wherever it stands).
func chunks(ts []token) []int {
	var ends []int
	begin := 0
	for i, t := range ts {
		n := i + 1 - begin
		end := n >= chunkMax || n >= 32 && t.h%16 == 0
		for _, h := range terminals {
			end = end || t.h == h
		}
		if end {
			ends = append(ends, i+1)
			begin = i + 1
		}
	}
	if begin < len(ts) {
		ends = append(ends, len(ts))
	}
	return ends
}

// start is where chunk k begins.
func start(ends []int, k int) int {
	if k == 0 {
		return 0
	}
	return ends[k-1]
}

// chunkHash is the hash of chunk k's tokens.
func chunkHash(ts []token, ends []int, k int) uint64 {
	h := uint64(0x5EED)
	for _, t := range ts[start(ends, k):ends[k]] {
		h = mix(h, t.h)
	}
	return h
}

// words returns the runs that turn tokens a into b, word by word, or
// whole deletion and insertion when that is beyond the budget.
func (d *differ) words(a, b []token) []span {
	switch {
	case len(a) == 0:
		return addRun(nil, diffmatchpatch.DiffInsert, len(b))
	case len(b) == 0:
		return addRun(nil, diffmatchpatch.DiffDelete, len(a))
	}
	clear(d.ids)
	d.a, d.b = d.a[:0], d.b[:0]
	for _, t := range a {
		d.a = append(d.a, d.id(t.h))
	}
	for _, t := range b {
		d.b = append(d.b, d.id(t.h))
	}
	diffs, ok := d.bounded(d.a, d.b, true, "words")
	if !ok {
		return d.whole(nil, len(a), len(b))
	}
	var out []span
	for _, df := range diffs {
		out = addRun(out, df.Type, utf8.RuneCountInString(df.Text))
	}
	return out
}

// bounded runs go-diff on two rune strings of words or sentences (what),
// with the semantic cleanup if asked, unless its work would pass the budget, the deadline has passed
// or the strings hold more distinct tokens than runes can name.
func (d *differ) bounded(a, b []rune, cleanup bool, what string) ([]diffmatchpatch.Diff, bool) {
	n := len(a) + len(b)
	switch {
	case len(d.ids) > maxIDs:
		d.why = "too many distinct " + what + " for a word diff"
		return nil, false
	case !d.deadline.IsZero() && (d.late || time.Now().After(d.deadline)):
		d.late = true
		d.why = "the time limit of the comparison had passed"
		return nil, false
	case n > smallDiff && !d.within(a, b, workPerTok+smallDiff*smallDiff/n):
		d.why = fmt.Sprintf("too long and too different for a word diff (%d %s against %d)", len(a), what, len(b))
		return nil, false
	}
	diffs := d.dmp.DiffMainRunes(a, b, false)
	if cleanup {
		diffs = d.dmp.DiffCleanupSemantic(diffs)
	}
	return diffs, true
}

// within reports whether a can be turned into b with at most max
// insertions and deletions, in O((len(a)+len(b))·max) time (Myers'
// greedy algorithm, forward only).
func (d *differ) within(a, b []rune, max int) bool {
	n, m := len(a), len(b)
	if n-m > max || m-n > max {
		return false
	}
	off := max + 1
	if cap(d.v) < 2*max+3 {
		d.v = make([]int, 2*max+3)
	}
	v := d.v[:2*max+3]
	v[off+1] = 0
	for e := 0; e <= max; e++ {
		for k := -e; k <= e; k += 2 {
			var x int
			if k == -e || k != e && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return true
			}
		}
	}
	return false
}

// whole appends a deletion of na tokens and an insertion of nb to out.
func (d *differ) whole(out []span, na, nb int) []span {
	out = addRun(out, diffmatchpatch.DiffDelete, na)
	return addRun(out, diffmatchpatch.DiffInsert, nb)
}

// addRun appends n tokens of op to out, merging with the last run.
func addRun(out []span, op diffmatchpatch.Operation, n int) []span {
	if n == 0 {
		return out
	}
	if k := len(out); k > 0 && out[k-1].op == op {
		out[k-1].n += n
		return out
	}
	return append(out, span{op, n})
}

func (d *differ) id(h uint64) rune {
	r, ok := d.ids[h]
	if !ok {
		r = tokenRune(min(len(d.ids), maxIDs))
		d.ids[h] = r
	}
	return r
}

// cut takes the next token from raw: the gap from the cursor to the
// token, and the token; the cursor moves past it. Tokens that share an
// original character with the previous token come out empty.
func cut(raw string, cur *int, s, e int) (gap, tok string) {
	c := *cur
	s, e = max(s, c), max(e, c)
	*cur = e
	return raw[c:s], raw[s:e]
}

// emitter collects edits, merging neighbours of the same kind. The text
// of an edit of several pieces grows in a byte slice, so that a field of n
// pieces costs O(n), and becomes a string at the end.
type emitter struct {
	field Field
	out   []Edit
	text  [][]byte // the text of out[i] when it has grown past one piece, else nil
}

// same emits a piece that is the same in canonical form: equal, or a form
// change.
func (e *emitter) same(o, n string) {
	if o == n {
		e.add(Eq, o, false)
		return
	}
	e.add(Del, o, true)
	e.add(Ins, n, true)
}

// take emits the next token of raw, after the cursor cur, as op (a
// deletion or an insertion): the gap before it, then the token.
func (e *emitter) take(op EditOp, raw string, cur *int, t token) {
	gap, tok := cut(raw, cur, int(t.rs), int(t.re))
	e.add(op, gap, false)
	e.add(op, tok, false)
}

func (e *emitter) add(op EditOp, text string, form bool) {
	if text == "" {
		return
	}
	if k := len(e.out); k > 0 {
		last := &e.out[k-1]
		if last.Op == op && last.Form == form {
			e.grow(k-1, text)
			return
		}
		// keep deletions before insertions within a run of edits of one kind
		if k > 1 && op == Del && last.Op == Ins && last.Form == form {
			prev := &e.out[k-2]
			if prev.Op == Del && prev.Form == form {
				e.grow(k-2, text)
				return
			}
			e.out = append(e.out, Edit{})
			e.text = append(e.text, nil)
			copy(e.out[k:], e.out[k-1:k])
			copy(e.text[k:], e.text[k-1:k])
			e.out[k-1] = Edit{Field: e.field, Op: op, Text: text, Form: form}
			e.text[k-1] = nil
			return
		}
	}
	e.out = append(e.out, Edit{Field: e.field, Op: op, Text: text, Form: form})
	e.text = append(e.text, nil)
}

// grow appends text to edit k's.
func (e *emitter) grow(k int, text string) {
	if e.text[k] == nil {
		e.text[k] = append(make([]byte, 0, 2*(len(e.out[k].Text)+len(text))), e.out[k].Text...)
	}
	e.text[k] = append(e.text[k], text...)
}

// edits returns the edits with their text.
func (e *emitter) edits() []Edit {
	for i, b := range e.text {
		if b != nil {
			e.out[i].Text = string(b)
		}
	}
	return e.out
}
