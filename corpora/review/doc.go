// Package review reads a reviewed alignment back: the xlsx sheet that
// concord align --format xlsx writes, after a translator has checked it,
// or the TSV of concord align --format tsv. [Read] returns an
// *align.Alignment, so that the one TMX writer (corpora/out/alignout)
// turns it into a translation memory, with a [Result] that accounts for
// every row.
//
// The first row names the columns: addr, score, status, decision, and one
// column per language, named by its language tag (zh-CN, ar, en-x-2…).
// Columns with other names are the reviewer's and are ignored. Each
// further row is one link, and its decision says what becomes of it:
//
//   - empty: the row is kept as it is, with the score of its score column;
//   - ok: kept, checked by a person: its score becomes 1;
//   - reject: left out;
//   - merge (or merge-with-previous): joined to the nearest row above that
//     is not rejected, language by language — its sentences follow that
//     row's, joined as align.JoinText joins them (no space between Chinese
//     sentences); the link's address becomes "first+second" when they
//     differ, its score 1;
//   - split: cut on the line breaks of its cells: the first line of every
//     language makes one link, the second line the next, and so on; each
//     has the row's address and score 1.
//
// The text of a cell is taken as it stands: each line (trimmed) is a
// sentence, blank lines are dropped, and the lines are joined as
// align.JoinText joins sentences. A TSV cell is one line, so a TSV row
// cannot be split. A link left with text in fewer than two languages
// cannot be a translation unit: it is left out and listed in
// [Result.LeftOut] with its row and its sentences, so that every sentence
// of a row that is not rejected lands in exactly one link or in that list.
//
// Imports: align, corpora/input and segment….
package review
