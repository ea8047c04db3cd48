package alignout

import (
	"fmt"
	"io"
	"strings"

	"concord/align"
	"concord/corpora/out"
	"concord/corpora/out/sheet"
)

// The columns of the review sheet that are not languages, and the
// reviewer's decisions: concord review (package corpora/review) reads
// them back by these names.
const (
	ColAddr     = "addr"
	ColScore    = "score"
	ColStatus   = "status"
	ColDecision = "decision"
)

// Decisions are the values of the decision column (empty: keep the row
// as it is).
var Decisions = []string{"ok", "reject", "merge", "split"}

// ReviewNotes explain the review sheet; they make its second sheet.
var ReviewNotes = []string{
	"How to review this alignment",
	"Each row of the sheet \"alignment\" is one link: the sentences of every language version that translate each other, one sentence a line.",
	fmt.Sprintf("Rows highlighted in amber scored below %g: they are more likely wrong than right.", LowScore),
	"Write a decision in the decision column, then turn the sheet into a translation memory: concord review FILE.xlsx -o memory.tmx",
	"  (empty)  keep the row as it is.",
	"  ok       keep the row: you checked it (its score becomes 1).",
	"  reject   leave the row out of the memory.",
	"  merge    join the row to the row above it (the nearest one not rejected), language by language.",
	"  split    cut the row into several: line 1 of every language cell makes the first row, line 2 the second, and so on. A new line in a cell: Alt+Enter in Excel, Ctrl+Enter in LibreOffice Calc.",
	"Edit any cell's text as you need: it is taken as it stands. The lines of a cell are joined with a space (without one between Chinese sentences).",
	"Rows with text in fewer than two languages are left out of the memory; concord review says how many.",
	"Keep the header row as it is: addr, score, status, decision and the language tags tell concord what each column holds. Columns you add (notes) are ignored.",
}

// XLSX writes the alignment as a spreadsheet to review: one row per link
// (every link, whatever Options.MinScore) under a frozen header row of
// addr, score, status, decision and one column per language tag; one
// sentence a line in each cell, text wrapped, Arabic cells right to left,
// the rows scored below LowScore highlighted. The decision column (a
// drop-down list of Decisions) is the reviewer's; a second sheet explains
// it. concord review reads the sheet back into a TMX. The same alignment
// gives the same bytes.
//
// A cell holds at most 32,767 characters (sheet.MaxCellChars): a longer
// text is an error rather than a cut.
func XLSX(w io.Writer, a *align.Alignment, opt Options) error {
	tags := Tags(a, opt.Tags)
	width := 60.0
	if len(tags) > 3 {
		width = 40
	}
	cols := []sheet.Column{
		{Header: ColAddr, Kind: sheet.Code, Width: 14},
		{Header: ColScore, Kind: sheet.Number, Width: 7},
		{Header: ColStatus, Kind: sheet.Code, Width: 9},
		{Header: ColDecision, Kind: sheet.Code, Width: 10},
	}
	for _, t := range tags {
		cols = append(cols, sheet.Column{Header: t, Kind: sheet.Text, Width: width, RTL: out.RTL(t)})
	}
	title := opt.title(a)
	wb, err := sheet.New("alignment", cols, sheet.Props{Title: title, Subject: "alignment to review",
		Description: "concord align --format xlsx: a row per link; concord review turns it into TMX",
		Notes:       ReviewNotes, NotesSheet: "how to review"})
	if err != nil {
		return err
	}
	defer wb.Close()
	wb.DropList(3, Decisions)
	for _, l := range a.Links {
		row := []any{l.Addr, out.Round(l.Score, 4), string(l.Status), ""}
		for v := range tags {
			var text string
			if v < len(l.Text) {
				text = cellText(l.Text[v])
			}
			row = append(row, text)
		}
		if err := wb.Row(row, l.Score < LowScore); err != nil {
			return fmt.Errorf("%s: %v (write tmx or tsv instead)", l.Addr, err)
		}
	}
	return wb.Write(w)
}

// cellText writes one sentence a line; a line break inside a sentence
// becomes a space, as in TMX.
func cellText(sents []string) string {
	lines := make([]string, len(sents))
	for i, s := range sents {
		lines[i] = oneLine(s)
	}
	return strings.Join(lines, "\n")
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return lineBreaks.Replace(s)
}
