package kwicout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"concord/align/terms"
	"concord/corpora/out"
)

// Text writes a concordance for people: per hit, the address, the
// language and the line with the match in brackets, the left context
// right-aligned, then one indented line per other version with its
// aligned sentence ("—" where it has none).
func Text(w io.Writer, c *terms.Concordance, _ Options) error {
	hits := c.Hits
	bw := bufio.NewWriter(out.TerminalWriter(w))
	width := 0
	for _, h := range hits {
		width = max(width, utf8.RuneCountInString(h.Left))
	}
	for _, h := range hits {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(h.Left))
		fmt.Fprintf(bw, "%s\t%s\t%s%s[%s]%s\n", h.Addr, h.Lang, pad, h.Left, h.Match, h.Right)
		for _, a := range h.Aligned {
			text := a.Text
			if text == "" {
				text = "—"
			}
			addr := a.Addr
			if addr != "" && addr != h.Addr {
				text = "(" + addr + ") " + text
			}
			fmt.Fprintf(bw, "\t%s\t%s\n", a.Lang, out.OneLine(text))
		}
	}
	fmt.Fprintf(bw, "%d occurrences\n", len(hits))
	return bw.Flush()
}

// TSV writes a concordance as TSV with a header: addr, lang, left,
// match, right, score, then one column per language of the alignment
// (the hit's own sentence in its language's column, the aligned sentences
// in the others).
func TSV(w io.Writer, c *terms.Concordance, _ Options) error {
	hits, langs := c.Hits, c.Langs
	bw := bufio.NewWriter(w)
	head := []string{"addr", "lang", "left", "match", "right", "score"}
	head = append(head, langs...)
	fmt.Fprintln(bw, strings.Join(head, "\t"))
	for _, h := range hits {
		row := []string{h.Addr, h.Lang, h.Left, h.Match, h.Right, fmt.Sprintf("%g", out.Round(h.Score, 3))}
		cols := make([]string, len(langs))
		k := 0
		for v := range langs {
			if v == h.Version {
				cols[v] = h.Text
				continue
			}
			if k < len(h.Aligned) {
				cols[v] = h.Aligned[k].Text
			}
			k++
		}
		row = append(row, cols...)
		for i := range row {
			row[i] = out.TSVField(row[i])
		}
		fmt.Fprintln(bw, strings.Join(row, "\t"))
	}
	return bw.Flush()
}

type kwicJSON struct {
	Addr     string        `json:"addr"`
	Lang     string        `json:"lang"`
	Left     string        `json:"left"`
	Match    string        `json:"match"`
	Right    string        `json:"right"`
	Sentence string        `json:"sentence"`
	Score    float64       `json:"score"`
	Aligned  []alignedJSON `json:"aligned"`
}

type alignedJSON struct {
	Lang string `json:"lang"`
	Addr string `json:"addr"`
	Text string `json:"text"`
}

// JSON writes a concordance as a JSON list of {"addr", "lang",
// "left", "match", "right", "sentence", "score", "aligned": [{"lang",
// "addr", "text"}]}.
func JSON(w io.Writer, c *terms.Concordance, opt Options) error {
	list := make([]kwicJSON, 0, len(c.Hits))
	for _, h := range c.Hits {
		j := kwicJSON{Addr: h.Addr, Lang: h.Lang, Left: h.Left, Match: h.Match, Right: h.Right,
			Sentence: h.Text, Score: out.Round(h.Score, 3), Aligned: []alignedJSON{}}
		for _, a := range h.Aligned {
			j.Aligned = append(j.Aligned, alignedJSON(a))
		}
		list = append(list, j)
	}
	return out.JSON(w, list, opt.Compact)
}

// Options control the writers.
type Options struct {
	Compact bool // JSON: on one line (a record of JSON Lines)
}

// Formats are the formats of concord kwic, text first (the default).
var Formats = out.NewRegistry(
	out.Format[*terms.Concordance, Options]{Name: "text", Exts: []string{".txt"}, Write: Text,
		Summary: "one block per occurrence: the match in brackets, then each other version's aligned sentence"},
	out.Format[*terms.Concordance, Options]{Name: "tsv", Exts: []string{".tsv", ".tab"}, Write: TSV,
		Summary: "addr, lang, left, match, right, score, one column per version"},
	out.Format[*terms.Concordance, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `[{"addr", "lang", "left", "match", "right", "sentence", "score", "aligned": [{"lang", "addr", "text"}]}]`},
)
