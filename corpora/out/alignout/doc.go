// Package alignout writes an alignment of language versions — the output of
// concord align: TMX 1.4b for CAT tools (one multilingual file, or one
// bilingual file per language pair with [PairTMX]), TSV and JSON for
// programs, a self-contained side-by-side HTML page for people, and an
// xlsx spreadsheet for reviewers that concord review turns back into TMX.
// [Formats] lists them.
//
// Imports: corpora/out, corpora/out/sheet, align and segment.
package alignout
