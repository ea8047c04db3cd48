// Package pieces cuts the units of a document into the pieces later stages
// work on: sentences, clauses, or clauses with their words. Every piece
// carries its unit's address and its byte offsets into the unit's field
// (heading, text or tail), and the pieces of a field cover it exactly, so
// nothing is lost between the document and its pieces.
//
// Imports: segment, segment/sentence and segment/words.
package pieces
