package pieces

import (
	"iter"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"concord/segment"
	"concord/segment/sentence"
	"concord/segment/words"
)

// Level is how fine the pieces are.
type Level int

// The levels Split cuts at.
const (
	Sentence Level = iota // sentences
	Clause                // clauses (every sentence boundary is one too)
	Word                  // clauses, each with its words
)

// ParseLevel reads a level name: sentence, clause or word.
func ParseLevel(s string) (Level, bool) {
	switch s {
	case "sentence":
		return Sentence, true
	case "clause":
		return Clause, true
	case "word":
		return Word, true
	}
	return 0, false
}

// Field names the unit field a piece was cut from.
type Field string

// The fields of a unit that hold text, in reading order (the tail follows
// the unit's children).
const (
	Heading Field = "heading"
	Text    Field = "text"
	Tail    Field = "tail"
)

// Piece is one sentence or clause of a unit, or any other addressed piece
// of text (a line of a parallel corpus, an aligned link): later stages
// that need only Addr and Text fill just those.
type Piece struct {
	Addr       string        // the unit's address
	N          int           // 1-based index of the piece within its unit
	Field      Field         // the field it was cut from
	Text       string        // the piece: field[Start:End]
	Start, End int           // byte offsets into the field
	Tokens     []words.Token // at Word level: the words, offsets into the field
	Unit       *segment.Unit `json:"-"` // the unit, when cut from a document
}

// field is one text field of a unit, in reading order.
type field struct {
	u *segment.Unit
	f Field
	s string
}

// eachField yields the non-empty text fields of d in reading order: a
// unit's heading and text when the walk enters it, its tail when it leaves
// it (after its children). It is the one reading order of concord: the
// segment command, the aligner and the term extractor all follow it. The
// fields come one at a time (a list of every field of a large document
// costs as much as its sentences).
func eachField(d *segment.Document) iter.Seq[field] {
	return func(yield func(field) bool) {
		d.Walk(func(u *segment.Unit, entering bool) segment.WalkStatus {
			switch {
			case entering:
				if u.Heading != "" && !yield(field{u, Heading, u.Heading}) {
					return segment.WalkStop
				}
				if u.Text != "" && !yield(field{u, Text, u.Text}) {
					return segment.WalkStop
				}
			case u.Tail != "":
				if !yield(field{u, Tail, u.Tail}) {
					return segment.WalkStop
				}
			}
			return segment.WalkContinue
		})
	}
}

// Sentences returns the sentences of d in reading order, each trimmed of
// the space around it (Start and End are the trimmed offsets); blank
// pieces are left out. N numbers a unit's sentences from 1. This is what
// the aligner and the term extractor read.
//
// The text of a title block is cut at its line breaks first: its lines
// (committee, session, date, title, subtitle) are pieces of their own,
// which the language versions print in different numbers of lines.
func Sentences(d *segment.Document) []Piece {
	// first where the sentences are, then the pieces in a list of their
	// number: a list grown one piece at a time holds two copies of itself
	// while it grows
	places, total, ok := sentencePlaces(d)
	if !ok { // a field too long for 32-bit places: grow the list instead
		var out []Piece
		eachSentence(d, func(f field, start, end, n int) bool {
			if n == 0 {
				return true
			}
			out = append(out, Piece{Addr: f.u.Addr, N: n, Field: f.f, Text: f.s[start:end], Start: start, End: end, Unit: f.u})
			return true
		})
		return out
	}
	out := make([]Piece, 0, total)
	i := 0
	for f := range eachField(d) {
		for ; places[i].n > 0; i++ {
			p := places[i]
			start, end := int(p.start), int(p.start)+int(p.len)
			out = append(out, Piece{Addr: f.u.Addr, N: int(p.n), Field: f.f, Text: f.s[start:end], Start: start, End: end, Unit: f.u})
		}
		i++
	}
	return out
}

// place is where a sentence is in its field (trimmed), and its number n
// in its unit; n 0 ends the sentences of a field. Offsets and lengths
// take 32 bits.
type place struct{ start, len, n uint32 }

// maxPlace is the largest end of a sentence a place holds (a variable
// for the test of the other path).
var maxPlace uint64 = math.MaxUint32

// sentencePlaces returns the places of the sentences of d, field by
// field in the order of eachField, each field's ended by a place of n 0,
// and the number of sentences; ok is false when a field is too long for
// 32-bit places (4 GiB, which a document held in memory at several times
// its size never has).
func sentencePlaces(d *segment.Document) (places []place, total int, ok bool) {
	ok = eachSentence(d, func(f field, start, end, n int) bool {
		if uint64(end) > maxPlace {
			return false
		}
		if n > 0 {
			total++
		}
		places = append(places, place{uint32(start), uint32(end - start), uint32(n)})
		return true
	})
	return places, total, ok
}

// eachSentence calls fn with every sentence of d, field by field in the
// order of eachField: its field, its start and end there (trimmed of the
// space around it) and its number in its unit, from 1; blank sentences
// are left out. After the sentences of each field it calls fn with n 0.
// It stops, and returns false, when fn does.
func eachSentence(d *segment.Document, fn func(f field, start, end, n int) bool) bool {
	var num numberer
	for f := range eachField(d) {
		n := num.from(f)
		for _, sp := range spans(f, d.Lang) {
			raw := f.s[sp.Start:sp.End]
			t := strings.TrimSpace(raw)
			if t == "" {
				continue
			}
			start := sp.Start + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			n++
			if !fn(f, start, start+len(t), n) {
				return false
			}
		}
		num.done(f, n)
		if !fn(f, 0, 0, 0) {
			return false
		}
	}
	return true
}

// spans cuts a field into sentences; a title block's text line by line
// first.
func spans(f field, lang string) []sentence.Span {
	if f.u.Kind != segment.KindTitle || f.f != Text || !strings.Contains(f.s, "\n") {
		return sentence.Sentences(f.s, lang)
	}
	var out []sentence.Span
	for start := 0; start < len(f.s); {
		end := strings.IndexByte(f.s[start:], '\n')
		if end < 0 {
			end = len(f.s)
		} else {
			end += start
		}
		for _, sp := range sentence.Sentences(f.s[start:end], lang) {
			out = append(out, sentence.Span{Start: start + sp.Start, End: start + sp.End})
		}
		start = end + 1
	}
	return out
}

// Options control Split.
type Options struct {
	Level   Level
	Words   *words.Segmenter // required at Word level
	Workers int              // goroutines for word segmentation; 0 means all CPUs
}

// Split cuts every unit of d into pieces, in document order (a unit's
// heading and text, its children, then its tail): what All yields, at once.
// At Word level the fields are cut on a pool of Workers goroutines; the
// order of the result does not depend on it.
func Split(d *segment.Document, opt Options) []Piece {
	return slices.Collect(All(d, opt))
}

// numberer numbers the pieces of each unit from 1 across its fields in
// reading order. A unit's heading and text follow one another; its tail
// comes after its children, so only the count of a unit that has a tail
// is kept aside until then: a document of any size needs the memory of
// its open units only.
type numberer struct {
	last  *segment.Unit
	n     int
	tails map[*segment.Unit]int
}

// from returns the number of the pieces of f's unit before f.
func (c *numberer) from(f field) int {
	if f.f == Tail {
		return c.tails[f.u]
	}
	if f.u != c.last {
		return 0
	}
	return c.n
}

// done records that f's unit has n pieces up to the end of f.
func (c *numberer) done(f field, n int) {
	if f.f == Tail {
		delete(c.tails, f.u)
		c.last = nil
		return
	}
	c.last, c.n = f.u, n
	if f.u.Tail != "" {
		if c.tails == nil {
			c.tails = map[*segment.Unit]int{}
		}
		c.tails[f.u] = n
	}
}

// windowFields is how many fields All has cut or is cutting ahead of the
// one it hands on.
const windowFields = 2048

// All returns the pieces of every unit of d in document order (a unit's
// heading and text, its children, then its tail), as they are cut: at
// Word level the fields are cut on a pool of Workers goroutines, at most
// windowFields ahead of the field whose pieces are being handed on, so
// that a document of any size streams through in the memory of the
// window. The order of the pieces does not depend on the workers.
func All(d *segment.Document, opt Options) iter.Seq[Piece] {
	return func(yield func(Piece) bool) {
		workers := opt.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		var num numberer
		emit := func(f field, ps []Piece) bool {
			n := num.from(f)
			for _, p := range ps {
				n++
				p.N = n
				if !yield(p) {
					return false
				}
			}
			num.done(f, n)
			return true
		}
		total := 0
		for range eachField(d) {
			total++
		}
		if opt.Level != Word || workers == 1 || total < 64 {
			for f := range eachField(d) {
				if !emit(f, cut(f, d.Lang, opt)) {
					return
				}
			}
			return
		}
		// field i, once started, owns slot i%windowFields until it is
		// handed on; tokens bound the fields started and not handed on
		type job struct {
			i int
			f field
		}
		type result struct {
			f  field
			ps []Piece
		}
		slots := make([]chan result, windowFields)
		for k := range slots {
			slots[k] = make(chan result, 1)
		}
		tokens := make(chan struct{}, windowFields)
		next := make(chan job, 256)
		done := make(chan struct{})
		var wg sync.WaitGroup
		defer wg.Wait()
		defer close(done)
		wg.Go(func() {
			defer close(next)
			i := 0
			for f := range eachField(d) {
				select {
				case tokens <- struct{}{}:
				case <-done:
					return
				}
				next <- job{i, f}
				i++
			}
		})
		for range workers {
			wg.Go(func() {
				for j := range next {
					slots[j.i%windowFields] <- result{j.f, cut(j.f, d.Lang, opt)} // never blocks: the slot is j.i's
				}
			})
		}
		for i := range total {
			r := <-slots[i%windowFields]
			<-tokens
			if !emit(r.f, r.ps) {
				return
			}
		}
	}
}

// cut cuts one field into its pieces (N not set yet).
func cut(f field, lang string, opt Options) []Piece {
	var spans []sentence.Span
	if opt.Level == Sentence {
		spans = sentence.Sentences(f.s, lang)
	} else {
		spans = sentence.Clauses(f.s, lang)
	}
	out := make([]Piece, len(spans))
	for i, sp := range spans {
		p := Piece{Addr: f.u.Addr, Field: f.f, Text: f.s[sp.Start:sp.End], Start: sp.Start, End: sp.End, Unit: f.u}
		if opt.Level == Word && opt.Words != nil {
			p.Tokens = opt.Words.Cut(p.Text, lang)
			for k := range p.Tokens {
				p.Tokens[k].Start += sp.Start
				p.Tokens[k].End += sp.Start
			}
			if p.Tokens == nil {
				p.Tokens = []words.Token{}
			}
		}
		out[i] = p
	}
	return out
}
