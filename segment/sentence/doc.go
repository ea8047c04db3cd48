// Package sentence splits the text of one treaty unit into sentences and
// clauses in the six UN languages: Arabic ("ar"), Chinese ("zh"), English
// ("en"), French ("fr"), Russian ("ru") and Spanish ("es").
//
// Both splitters are lossless: the returned spans are contiguous, in order,
// never empty, and cover the input exactly, so concatenating
// text[s.Start:s.End] for every span gives the input back. Whitespace after a
// boundary belongs to the span that ends there (the preceding span's end);
// whitespace at the very start of the text belongs to the first span. An
// empty text gives no spans. Offsets are byte offsets and always fall on rune
// boundaries, also for invalid UTF-8.
//
// A line break ("\n") is ordinary whitespace, not a boundary: a unit's text
// may contain lines that a PDF page break split in the middle of a sentence.
//
// Protections shared by all languages: nothing is split inside a matched pair
// of quotes or brackets (“…” ‘…’ «…» „…“ "…" (…) （…） […] 《…》 「…」 『…』
// 【…】 〔…〕 〈…〉, and the Arabic ”…“ and ’1’), inside numbers (1,000 3.5
// 1.000.000 24/7 10:30), or between a list label such as (a) a) (i) 1.
// (أ) ’1’ (一) and its text. Closing quotes and brackets after a stop stay in
// the sentence (。” 。） ." .) .»), and so does a short bracketed note or
// footnote mark right after it (。[暂定] .[1] .¹).
//
// Chinese: sentences end at 。！？ (and at …… or … when the line ends
// there); clauses also end at ；，：. ASCII , ; : . ! ? next to Han characters
// count as their full-width forms, except inside numbers. 、 joins enumerated
// items and is never a boundary. Clause splitting also follows the
// segmentation of the Georgetown Chinese Discourse Treebank where that makes
// sense for legal text: a comma after a short opener or a discourse
// connective (因此，此外，但是，) does not end a clause, and a longer
// parenthetical (not a list label or a cross-reference such as 第1款(b)项)
// is a clause of its own.
//
// Latin, Cyrillic and Arabic scripts: sentences end at . ! ? ؟ and at an
// ellipsis followed by a capital, with per-language abbreviation lists (art.
// para. e.g. No. Mr. / M. Mme p. ex. n° / Sr. Sra. núm. p. ej. / ст. п. т. е.
// и т. д. г. см. …), initials (J. R. R. Tolkien), decimals and list labels at
// a sentence start protected; clauses also end at ; : , ؛ ، when whitespace
// follows (the Arabic marks need none).
package sentence
