package segmentout

import (
	"bufio"
	"io"
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
// line breaks become spaces, and the text is trimmed.
func TSV(w io.Writer, ps []pieces.Piece, opt Options) error {
	bw := bufio.NewWriter(w)
	var num []byte
	for _, p := range ps {
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

type pieceJSON struct {
	Addr   string   `json:"addr"`
	N      int      `json:"n"`
	Field  string   `json:"field"`
	Text   string   `json:"text"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Tokens []string `json:"tokens,omitempty"`
}

// JSON writes [{"addr", "n", "field", "text", "start", "end", "tokens"}],
// "tokens" at word level only; start and end are byte offsets into the
// unit's field.
func JSON(w io.Writer, ps []pieces.Piece, opt Options) error {
	list := make([]pieceJSON, 0, len(ps))
	for _, p := range ps {
		pj := pieceJSON{Addr: p.Addr, N: p.N, Field: string(p.Field), Text: p.Text, Start: p.Start, End: p.End}
		if opt.Words {
			pj.Tokens = make([]string, len(p.Tokens))
			for i, t := range p.Tokens {
				pj.Tokens[i] = t.Text
			}
		}
		list = append(list, pj)
	}
	return out.JSON(w, list, opt.Compact)
}

// Formats are the formats of concord segment, TSV first (the default).
var Formats = out.NewRegistry(
	out.Format[[]pieces.Piece, Options]{Name: "tsv", Exts: []string{".tsv", ".tab", ".txt"}, Write: TSV,
		Summary: "addr, n, text (at word level the words separated by spaces)"},
	out.Format[[]pieces.Piece, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `[{"addr", "n", "field", "text", "start", "end", "tokens"}]`},
)
