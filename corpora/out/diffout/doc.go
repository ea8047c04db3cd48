// Package diffout writes the comparison of two revisions of a draft
// ([diff.Report]) — the output of concord diff — for people and programs:
// a terminal redline ([Text]), a Markdown report for an e-mail
// ([Markdown]), one self-contained HTML redline page ([HTML]) and JSON
// ([JSON]). [Formats] lists them. Writers only read the report; they never
// compare or load anything.
//
// Differences of form (spacing, full- and half-width forms, quotes,
// Markdown) are shown as plain new text unless the report is strict; text
// that moved between an article and its implicit first paragraph is shown
// once, with the paragraph.
//
// Imports: corpora/out, align/diff and segment.
package diffout
