// Package define harvests the terms a document defines — “电子数据”系指…,
// "electronic data" shall mean…, on entend par « … », por "…" se entenderá,
// «…» означает, ”…“ يعني — in all six UN languages and every quote style.
//
// [Harvest] walks a document and returns its definitions with their
// addresses; [Parse] reads one definition; [Segmenter] builds the word
// segmenter that keeps a document's defined Chinese terms whole, which the
// segment, terms, kwic and check commands share. Terminology
// (align/terms), consistency checks (align/check) and word segmentation
// all read definitions from here.
//
// Imports: segment, segment/langtag and segment/words.
package define
