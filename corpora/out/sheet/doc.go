// Package sheet writes the spreadsheets (xlsx, Office Open XML) of
// concord's writers: one sheet of rows under a frozen header row, with
// column widths, wrapped text, right-to-left cells for Arabic, highlighted
// rows, drop-down lists, and a second sheet of notes for the reader. It
// uses github.com/xuri/excelize/v2 and writes the same bytes for the same
// rows: the document properties carry a fixed date, not the time of
// writing, and nothing else in the file depends on the clock.
//
// Imports: no package of concord.
package sheet
