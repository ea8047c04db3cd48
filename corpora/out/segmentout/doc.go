// Package segmentout writes the pieces of a document — the output of
// concord segment: sentences, clauses or words as TSV or JSON. [Formats]
// lists them.
//
// Imports: corpora/out and segment/pieces.
package segmentout
