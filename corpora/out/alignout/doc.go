// Package alignout writes an alignment of language versions — the output of
// concord align: TMX 1.4b for CAT tools, TSV and JSON for programs, and a
// self-contained side-by-side HTML page for people. [Formats] lists them.
//
// Imports: corpora/out, align and segment.
package alignout
