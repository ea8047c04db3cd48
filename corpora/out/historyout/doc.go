// Package historyout writes a draft's history through its revisions
// ([history.History]) — the output of concord history — as a terminal
// table ([Text]), Markdown ([Markdown]), one self-contained HTML page with
// provisions down, revisions across, coloured by status ([HTML]), CSV, one
// row per provision and revision ([CSV]), and JSON ([JSON]). [Formats]
// lists them. Writers only read the history.
//
// Imports: corpora/out, corpora/out/diffout (the pieces of a redline),
// align/history, align/diff and segment.
package historyout
