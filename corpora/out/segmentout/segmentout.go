package segmentout

import (
	"bufio"
	"io"
	"iter"
	"strconv"
	"strings"

	"concord/corpora/out"
	"concord/segment/pieces"
)

// Options control the writers.
type Options struct {
	Words   bool // the pieces carry words (word level): write them, not the text
	Compact bool // JSON: on one line
}

// TSV writes one line per piece: addr, its number within the unit, and its
// text (at word level its words, separated by single spaces); tabs and
// line breaks become spaces, and the text is trimmed. Pieces are written
// as the sequence yields them.
func TSV(w io.Writer, ps iter.Seq[pieces.Piece], opt Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var num []byte
	for p := range ps {
		bw.WriteString(p.Addr)
		bw.WriteByte('\t')
		num = strconv.AppendInt(num[:0], int64(p.N), 10)
		bw.Write(num)
		bw.WriteByte('\t')
		if opt.Words {
			for i, t := range p.Tokens {
				if i > 0 {
					bw.WriteByte(' ')
				}
				bw.WriteString(out.TSVField(t.Text))
			}
		} else {
			bw.WriteString(strings.TrimSpace(out.TSVField(p.Text)))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// JSON writes [{"addr", "n", "field", "text", "start", "end", "tokens"}],
// "tokens" at word level only (and only when there are any); start and end
// are byte offsets into the unit's field. Pieces are written as the
// sequence yields them.
func JSON(w io.Writer, ps iter.Seq[pieces.Piece], opt Options) error {
	s := out.NewJSONStream(w, opt.Compact)
	s.Begin('[')
	for p := range ps {
		s.Begin('{')
		s.StringField("addr", p.Addr)
		s.IntField("n", p.N)
		s.StringField("field", string(p.Field))
		s.StringField("text", p.Text)
		s.IntField("start", p.Start)
		s.IntField("end", p.End)
		if opt.Words && len(p.Tokens) > 0 {
			s.Key("tokens")
			s.Begin('[')
			for _, t := range p.Tokens {
				s.String(t.Text)
			}
			s.End(']')
		}
		s.End('}')
	}
	s.End(']')
	return s.Close()
}

// Formats are the formats of concord segment, TSV first (the default).
var Formats = out.NewRegistry(
	out.Format[iter.Seq[pieces.Piece], Options]{Name: "tsv", Exts: []string{".tsv", ".tab", ".txt"}, Write: TSV,
		Summary: "addr, n, text (at word level the words separated by spaces)"},
	out.Format[iter.Seq[pieces.Piece], Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `[{"addr", "n", "field", "text", "start", "end", "tokens"}]`},
)
