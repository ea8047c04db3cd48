// Package align links the language versions of a text: units by address,
// and sentences by content — the feature behind concord align. [Align]
// takes parsed documents, [Lines] texts already split into sentences; both
// return an [Alignment] whose links every later stage reads. Beside it, one
// package per further feature: align/diff (revisions), align/terms
// (terminology and concordance) and align/check (consistency).
//
// The sentence aligner, Sentences, takes the sentences of two versions and
// returns beads — groups of consecutive sentences that translate each other
// (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, and 1-0 or 0-1 for a
// sentence without counterpart) — each with a score. It uses no machine
// translation or network: a length model, anchors (numbers,
// cross-references, punctuation, Latin words in other scripts, an optional
// glossary), a lexicon it learns from the two documents themselves and, for
// Chinese and English, an embedded dictionary (CC-CEDICT, package lexicon;
// SentOptions.NoDictionary turns it off), in a banded dynamic programme
// whose time grows linearly with the length of the documents. For
// collections of short documents, LearnSentLexicon learns the lexicon from
// the whole collection, and [Collection] gathers a collection's sets to
// learn one lexicon per language pair of the pivot with another version,
// which Align and Lines use through Options.Lexicons.
//
// Imports: segment and its subpackages, align/lexicon and the packages
// under align/internal.
package align
