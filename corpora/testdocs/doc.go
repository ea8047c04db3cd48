// Package testdocs loads the documents concord's tests share: a text given
// in the test, the embedded L.15 draft, the Arabic articles 1–15 from the
// shared corpora, and one word segmenter. It is for tests only.
//
// Imports: corpora, corpora/testenv, segment and segment/words; tests only.
package testdocs
