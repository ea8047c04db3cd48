// Package anchor reads in a sentence the anchors the sentence aligner of
// package align matches across languages: numbers (in digits of any
// script, English number words, Chinese numerals), cross-references
// (article 17, статья 17, 第十七条), question marks, colons, brackets,
// quotation marks, Latin words inside text of another script, and glossary
// terms. It also holds the aligner's default tokenizers, which the anchors
// of number words are read from, and the matching of a bead's anchors:
// Search, and Index for beads of many anchors.
//
// Imports: segment and segment/langtag.
package anchor
