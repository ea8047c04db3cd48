// Package kwicout writes the concordance of concord kwic: text for people,
// TSV and JSON for programs. [Formats] lists them.
//
// Imports: corpora/out and align/terms.
package kwicout
