// Package pieces cuts the units of a document into the pieces later stages
// work on: sentences, clauses, or clauses with their words. Every piece
// carries its unit's address and its byte offsets into the unit's field
// (heading, text or tail), and the pieces of a field cover it exactly, so
// nothing is lost between the document and its pieces.
package pieces

import (
	"runtime"

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
// heading and text, its children, then its tail).
func Split(d *segment.Document, opt Options) []Piece {
	var out []Piece
	n := map[*segment.Unit]int{}
	emit := func(u *segment.Unit, f Field, s string) {
		if s == "" {
			return
		}
		var spans []sentence.Span
		if opt.Level == Sentence {
			spans = sentence.Sentences(s, d.Lang)
		} else {
			spans = sentence.Clauses(s, d.Lang)
		}
		for _, sp := range spans {
			n[u]++
			out = append(out, Piece{Addr: u.Addr, N: n[u], Field: f, Text: s[sp.Start:sp.End], Start: sp.Start, End: sp.End})
		}
	}
	var walk func(us []*segment.Unit)
	walk = func(us []*segment.Unit) {
		for _, u := range us {
			emit(u, Heading, u.Heading)
			emit(u, Text, u.Text)
			walk(u.Children)
			emit(u, Tail, u.Tail)
		}
	}
	walk(d.Units)
	if opt.Level == Word && opt.Words != nil {
		texts := make([]string, len(out))
		for i, p := range out {
			texts[i] = p.Text
		}
		workers := opt.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		toks := opt.Words.CutAll(texts, d.Lang, workers)
		for i := range out {
			ts := toks[i]
			for k := range ts {
				ts[k].Start += out[i].Start
				ts[k].End += out[i].Start
			}
			if ts == nil {
				ts = []words.Token{}
			}
			out[i].Tokens = ts
		}
	}
	return out
}
