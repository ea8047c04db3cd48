// Package termsout writes the glossary of concord terms: TBX-Basic (ISO
// 30042:2019) for terminology tools, CSV and JSON. [Formats] lists them.
//
// Imports: corpora/out and align/terms.
package termsout
