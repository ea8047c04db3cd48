// Package checkout writes the findings of concord check: text for people,
// JSON for programs and a Markdown report. [Formats] lists them.
//
// Imports: corpora/out and align/check.
package checkout
