package sheet

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// MaxCellChars is the most a spreadsheet cell holds: 32,767 UTF-16 code
// units. Excel and excelize cut longer text; Row refuses it instead, so
// that nothing is lost without a word.
const MaxCellChars = excelize.TotalCellChars

// Date is the creation and modification date written in the document
// properties of every workbook: a fixed date (the zip epoch), so that the
// same rows give the same bytes.
const Date = "1980-01-01T00:00:00Z"

// Kind says how a column's cells look.
type Kind int

// The kinds of column.
const (
	Text   Kind = iota // wrapped text, aligned to the top of the cell
	Code               // short text that does not wrap: addresses, statuses, decisions
	Number             // a number shown with two decimals
)

// Column is one column of a sheet.
type Column struct {
	Header string  // the text of the header row
	Kind   Kind    // how the cells look
	Width  float64 // in characters; 0 leaves the default
	RTL    bool    // right to left: reading order and alignment (Arabic)
}

// Props are a workbook's document properties and its notes sheet.
type Props struct {
	Title       string   // the document's title
	Subject     string   // what it holds
	Notes       []string // lines of a second sheet that explains the first; none: no second sheet
	NotesSheet  string   // the second sheet's name ("notes" if empty)
	Description string   // a short description in the document properties
}

// Workbook is a spreadsheet being written: its first sheet is streamed row
// by row, so memory grows with the text of the rows alone.
type Workbook struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	name   string
	cols   []Column
	styles [][2]int // per column: the normal style and the highlighted one
	rows   int      // data rows written
	lists  map[int][]string
}

// Colours of the header and of highlighted rows (the light amber of the
// HTML pages).
const (
	headerFill = "D9E1EA"
	lowFill    = "FFF3CD"
)

// New starts a workbook whose first sheet, called name, has the given
// columns: it writes the header row (bold, frozen, with a filter) and the
// document properties.
func New(name string, cols []Column, props Props) (_ *Workbook, err error) {
	f := excelize.NewFile()
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	w := &Workbook{f: f, name: name, cols: cols, lists: map[int][]string{}}
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "concord", LastModifiedBy: "concord", Title: props.Title, Subject: props.Subject,
		Description: props.Description, Created: Date, Modified: Date,
	}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "concord"}); err != nil {
		return nil, err
	}
	if len(props.Notes) > 0 {
		if err := w.notes(props); err != nil {
			return nil, err
		}
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Border:    []excelize.Border{{Type: "bottom", Color: "7F8FA4", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	if err != nil {
		return nil, err
	}
	for _, c := range cols {
		var st [2]int
		for i, low := range []bool{false, true} {
			s := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
			switch c.Kind {
			case Text:
				s.Alignment.WrapText = true
			case Number:
				s.NumFmt = 2 // 0.00
			}
			if c.RTL {
				s.Alignment.ReadingOrder = 2 // right to left
				s.Alignment.Horizontal = "right"
			}
			if low {
				s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lowFill}}
			}
			if st[i], err = f.NewStyle(s); err != nil {
				return nil, err
			}
		}
		w.styles = append(w.styles, st)
	}
	if w.sw, err = f.NewStreamWriter(name); err != nil {
		return nil, err
	}
	for i, c := range cols {
		if c.Width > 0 {
			if err := w.sw.SetColWidth(i+1, i+1, c.Width); err != nil {
				return nil, err
			}
		}
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: header, Value: c.Header}
	}
	if err := w.sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	return w, nil
}

// notes writes the second sheet: one line a row, the first in bold.
func (w *Workbook) notes(props Props) error {
	name := props.NotesSheet
	if name == "" {
		name = "notes"
	}
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	bold, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := w.f.SetColWidth(name, "A", "A", 110); err != nil {
		return err
	}
	for i, line := range props.Notes {
		cell := fmt.Sprintf("A%d", i+1)
		if err := w.f.SetCellStr(name, cell, line); err != nil {
			return err
		}
		if i == 0 {
			if err := w.f.SetCellStyle(name, cell, cell, bold); err != nil {
				return err
			}
		}
	}
	return nil
}

// Row writes the next row: a string or a float64 per column (nil or ""
// leaves a cell empty), highlighted when high is true. A text longer
// than a cell holds is an error.
func (w *Workbook) Row(values []any, high bool) error {
	w.rows++
	cells := make([]any, len(values))
	for i, v := range values {
		if i >= len(w.cols) {
			return fmt.Errorf("row %d: %d values for %d columns", w.rows, len(values), len(w.cols))
		}
		if s, ok := v.(string); ok && len(s) > MaxCellChars { // a UTF-16 unit takes a byte or more
			if n := len(utf16.Encode([]rune(s))); n > MaxCellChars {
				return fmt.Errorf("row %d, column %q: %d characters, more than a spreadsheet cell holds (%d)", w.rows+1, w.cols[i].Header, n, MaxCellChars)
			}
		}
		st := w.styles[i][0]
		if high {
			st = w.styles[i][1]
		}
		if s, ok := v.(string); ok && s == "" {
			v = nil
		}
		cells[i] = excelize.Cell{StyleID: st, Value: v}
	}
	for i := len(values); i < len(w.cols); i++ { // highlight the whole row
		st := w.styles[i][0]
		if high {
			st = w.styles[i][1]
		}
		cells = append(cells, excelize.Cell{StyleID: st})
	}
	cell, err := excelize.CoordinatesToCellName(1, w.rows+1)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, cells)
}

// DropList offers the values as a drop-down list in column col (0-based)
// of every data row; other values are refused with a message.
func (w *Workbook) DropList(col int, values []string) { w.lists[col] = values }

// Close removes the temporary files a large sheet is streamed through;
// Write closes the workbook, and so should a writer that stops before it.
// Closing twice is harmless.
func (w *Workbook) Close() error { return w.f.Close() }

// Write ends the sheet, writes the workbook to out and closes it.
func (w *Workbook) Write(out io.Writer) error {
	defer w.Close()
	last := w.rows + 1
	lastCol, err := excelize.ColumnNumberToName(len(w.cols))
	if err != nil {
		return err
	}
	if w.rows > 0 {
		for col := range len(w.cols) {
			values, ok := w.lists[col]
			if !ok {
				continue
			}
			name, _ := excelize.ColumnNumberToName(col + 1)
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", name, name, last))
			if err := dv.SetDropList(values); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "", "Choose one of: "+strings.Join(values, ", "))
			if err := w.f.AddDataValidation(w.name, dv); err != nil {
				return err
			}
		}
	}
	if err := w.f.AutoFilter(w.name, fmt.Sprintf("A1:%s%d", lastCol, last), nil); err != nil {
		return err
	}
	if err := w.sw.Flush(); err != nil {
		return err
	}
	return w.f.Write(out)
}
