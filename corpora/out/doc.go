// Package out is where concord's results become bytes: one package per
// command output below it (parseout, segmentout, alignout, diffout,
// termsout, kwicout, checkout), each offering its formats through one
// [Registry], and the few helpers those writers share (JSON, XML and TSV
// escaping, stable rounding).
//
// Writers are leaves: they read the plain results of segment, align and its
// feature packages and write to an io.Writer; nothing but cmd imports them
// (but historyout, which shows redlines as diffout does), and they never
// open files.
//
// Imports: the standard library only.
package out
