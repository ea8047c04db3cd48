package termsout

import (
	"fmt"
	"io"
	"strings"

	"concord/align/terms"
	"concord/corpora/out"
	"concord/corpora/out/sheet"
)

// XLSX writes the glossary as a spreadsheet: one row per entry under a
// frozen header row of kind, addr, the term in each language (the column
// named by its language tag), the definition in each language, score,
// confidence, freq, occurrences (space-separated) and the context in each language —
// the columns of CSV. Text wraps, Arabic cells read right to left, and
// the same glossary gives the same bytes.
func XLSX(w io.Writer, g *terms.Glossary, opt Options) error {
	ls := langs(g)
	tags := make([]string, len(ls))
	for i, l := range ls {
		tags[i] = tagOf(g, l, opt)
	}
	cols := []sheet.Column{{Header: "kind", Kind: sheet.Code, Width: 10}, {Header: "addr", Kind: sheet.Code, Width: 12}}
	for _, t := range tags {
		cols = append(cols, sheet.Column{Header: t, Width: 24, RTL: out.RTL(t)})
	}
	for _, t := range tags {
		cols = append(cols, sheet.Column{Header: "definition " + t, Width: 50, RTL: out.RTL(t)})
	}
	cols = append(cols, sheet.Column{Header: "score", Kind: sheet.Number, Width: 8}, sheet.Column{Header: "confidence", Kind: sheet.Number, Width: 10},
		sheet.Column{Header: "freq", Kind: sheet.Code, Width: 6}, sheet.Column{Header: "occurrences", Width: 24})
	for _, t := range tags {
		cols = append(cols, sheet.Column{Header: "context " + t, Width: 50, RTL: out.RTL(t)})
	}
	title, _ := header(g, opt)
	wb, err := sheet.New("glossary", cols, sheet.Props{Title: title, Subject: "glossary",
		Description: "concord terms --format xlsx: a row per entry"})
	if err != nil {
		return err
	}
	defer wb.Close()
	for _, e := range g.Entries {
		row := []any{string(e.Kind), e.Addr}
		for _, l := range ls {
			row = append(row, e.Terms[l])
		}
		for _, l := range ls {
			row = append(row, e.Definition[l])
		}
		row = append(row, out.Round(e.Score, 3), out.Round(e.Confidence, 3), float64(e.Freq), strings.Join(e.Occurrences, " "))
		for _, l := range ls {
			row = append(row, e.Context[l])
		}
		if err := wb.Row(row, false); err != nil {
			return fmt.Errorf("%s: %v", e.Addr, err)
		}
	}
	return wb.Write(w)
}
