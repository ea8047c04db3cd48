package termout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"concord/align"
)

// KWICText writes a concordance for people: per hit, the address, the
// language and the line with the match in brackets, the left context
// right-aligned, then one indented line per other version with its
// aligned sentence ("—" where it has none).
func KWICText(w io.Writer, hits []align.KWICHit) error {
	bw := bufio.NewWriter(w)
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
			fmt.Fprintf(bw, "\t%s\t%s\n", a.Lang, oneLine(text))
		}
	}
	fmt.Fprintf(bw, "%d occurrences\n", len(hits))
	return bw.Flush()
}

// KWICTSV writes a concordance as TSV with a header: addr, lang, left,
// match, right, score, then one column per language of the alignment
// (the hit's own sentence in its language's column, the aligned sentences
// in the others).
func KWICTSV(w io.Writer, hits []align.KWICHit, langs []string) error {
	bw := bufio.NewWriter(w)
	head := []string{"addr", "lang", "left", "match", "right", "score"}
	head = append(head, langs...)
	fmt.Fprintln(bw, strings.Join(head, "\t"))
	for _, h := range hits {
		row := []string{h.Addr, h.Lang, h.Left, h.Match, h.Right, fmt.Sprintf("%g", round(h.Score))}
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
			row[i] = tsvField(row[i])
		}
		fmt.Fprintln(bw, strings.Join(row, "\t"))
	}
	return bw.Flush()
}

// tsvField keeps a field on one line and free of tabs.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
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

// KWICJSON writes a concordance as a JSON list of {"addr", "lang",
// "left", "match", "right", "sentence", "score", "aligned": [{"lang",
// "addr", "text"}]}.
func KWICJSON(w io.Writer, hits []align.KWICHit) error {
	out := make([]kwicJSON, 0, len(hits))
	for _, h := range hits {
		j := kwicJSON{Addr: h.Addr, Lang: h.Lang, Left: h.Left, Match: h.Match, Right: h.Right,
			Sentence: h.Text, Score: round(h.Score), Aligned: []alignedJSON{}}
		for _, a := range h.Aligned {
			j.Aligned = append(j.Aligned, alignedJSON(a))
		}
		out = append(out, j)
	}
	return writeJSON(w, out)
}
