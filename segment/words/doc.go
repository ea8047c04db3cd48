// Package words splits the text of a unit into words, for the six UN
// languages.
//
// Chinese (lang "zh") is segmented with gse's algorithm and simplified-
// Chinese dictionary (zh_s): the shortest path through the graph of
// dictionary words, where a word of frequency f costs log2(total/f) and a
// character that begins no word costs 32. Cut returns exactly what gse's
// Segmenter.Cut returns for the same text (with gse.ToLower = false), minus
// whitespace tokens, when the treaty dictionary is off and no terms are
// added; a test proves it on the whole L.15 draft. The dictionary is
// compiled at go generate time (internal/gendict) into a 4 MB trie that is
// embedded and read in place, so the first Cut needs no parsing: about a
// millisecond and a few hundred KiB of heap instead of gse's 0.84 s and
// 203 MiB. Only gse's small HMM package is linked, not gse and its 30 MB
// of embedded dictionaries.
//
// On top of the base dictionary a Segmenter adds a short list of UN treaty
// terms (缔约国, 订户信息, 信息和通信技术系统 …; off with
// Options.NoTreatyDict), the terms a document defines (Options.Terms) and a
// user dictionary (Options.UserDict), so that defined terms come out whole.
// These apply to Chinese only.
//
// The other languages (en, fr, es, ru, ar) are split at Unicode word
// boundaries (UAX #29), case kept.
//
// Every Token indexes the input exactly: text[t.Start:t.End] == t.Text,
// tokens are in order and do not overlap, and only whitespace lies between
// them. Whitespace is dropped; punctuation is kept as tokens of its own.
//
// Imports: segment and segment/langtag.
package words
