// Package pieces cuts the units of a document into the pieces later stages
// work on: sentences, clauses, or clauses with their words. Every piece
// carries its unit's address and its byte offsets into the unit's field
// (heading, text or tail), and the pieces of a field cover it exactly, so
// nothing is lost between the document and its pieces.
package pieces

import (
	"runtime"
	"sync"

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

// Piece is one sentence or clause of a unit.
type Piece struct {
	Addr       string        // the unit's address
	N          int           // 1-based index of the piece within its unit
	Field      Field         // the field it was cut from
	Text       string        // the piece: field[Start:End], trailing space included
	Start, End int           // byte offsets into the field
	Tokens     []words.Token // at Word level: the words, offsets into the field
}

// Options control Split.
type Options struct {
	Level   Level
	Words   *words.Segmenter // required at Word level
	Workers int              // goroutines for word segmentation; 0 means all CPUs
}

// Split cuts every unit of d into pieces, in document order (a unit's
// heading and text, its children, then its tail). At Word level the fields
// are cut on a pool of Workers goroutines; the order of the result does not
// depend on it.
func Split(d *segment.Document, opt Options) []Piece {
	type job struct {
		u     *segment.Unit
		f     Field
		s     string
		out   []Piece
		first int // N of the job's first piece
	}
	var jobs []*job
	var walk func(us []*segment.Unit)
	walk = func(us []*segment.Unit) {
		for _, u := range us {
			for _, f := range []struct {
				f Field
				s string
			}{{Heading, u.Heading}, {Text, u.Text}} {
				if f.s != "" {
					jobs = append(jobs, &job{u: u, f: f.f, s: f.s})
				}
			}
			walk(u.Children)
			if u.Tail != "" {
				jobs = append(jobs, &job{u: u, f: Tail, s: u.Tail})
			}
		}
	}
	walk(d.Units)
	cut := func(j *job) {
		var spans []sentence.Span
		if opt.Level == Sentence {
			spans = sentence.Sentences(j.s, d.Lang)
		} else {
			spans = sentence.Clauses(j.s, d.Lang)
		}
		j.out = make([]Piece, len(spans))
		for i, sp := range spans {
			p := Piece{Addr: j.u.Addr, Field: j.f, Text: j.s[sp.Start:sp.End], Start: sp.Start, End: sp.End}
			if opt.Level == Word && opt.Words != nil {
				p.Tokens = opt.Words.Cut(p.Text, d.Lang)
				for k := range p.Tokens {
					p.Tokens[k].Start += sp.Start
					p.Tokens[k].End += sp.Start
				}
				if p.Tokens == nil {
					p.Tokens = []words.Token{}
				}
			}
			j.out[i] = p
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if opt.Level != Word || workers == 1 || len(jobs) < 64 {
		for _, j := range jobs {
			cut(j)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan *job, 256)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range next {
					cut(j)
				}
			}()
		}
		for _, j := range jobs {
			next <- j
		}
		close(next)
		wg.Wait()
	}
	total := 0
	for _, j := range jobs {
		total += len(j.out)
	}
	out := make([]Piece, 0, total)
	n := 0 // pieces so far in the current unit (a unit's jobs are not all adjacent: its tail follows its children)
	counts := map[*segment.Unit]int{}
	for _, j := range jobs {
		n = counts[j.u]
		for _, p := range j.out {
			n++
			p.N = n
			out = append(out, p)
		}
		counts[j.u] = n
	}
	return out
}
