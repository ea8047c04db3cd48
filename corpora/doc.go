// Package corpora is where bytes meet concord's document model: it loads a
// document of any format concord reads, chosen by content ([Load],
// [LoadFile], [LoadFiles]) — text decoded by package corpora/input, Word,
// OpenDocument and HTML read into text by package corpora/office, and the
// "UDHR in Unicode" XML format read straight into a [segment.Document]
// ([ReadUDHR]) — and reads the other inputs of the commands: parallel
// sentence-split texts ([ReadParallel]), revision pairs from tracked
// changes ([LoadRevisions]), status marks ([ReadMarks]) and glossaries
// ([ReadGlossary]). It embeds concord's default input, the L.15 draft
// convention ([Default]).
//
// Bad input never panics: every problem with the bytes themselves is an
// [*input.Error] that names the file and, where it can, the line.
//
// Imports: segment, segment/langtag, corpora/input and corpora/office.
package corpora
