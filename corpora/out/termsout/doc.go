// Package termsout writes the glossary of concord terms: TBX-Basic (ISO
// 30042:2019, and v2 martif) for terminology tools, an OmegaT glossary
// (TSV), CSV, an xlsx spreadsheet and JSON. [Formats] lists them.
//
// Imports: corpora/out, corpora/out/sheet and align/terms.
package termsout
