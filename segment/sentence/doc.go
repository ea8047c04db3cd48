// Package sentence splits the text of one treaty unit into sentences and
// clauses in the six UN languages: Arabic ("ar"), Chinese ("zh"), English
// ("en"), French ("fr"), Russian ("ru") and Spanish ("es").
//
// Both splitters are lossless: the returned spans are contiguous, in order,
// never empty, and cover the input exactly, so concatenating
// text[s.Start:s.End] for every span gives the input back. Whitespace after a
// boundary belongs to the span that ends there (the preceding span's end);
// whitespace at the very start of the text belongs to the first span. An
// empty text gives no spans. Offsets are byte offsets on rune boundaries (as
// a range loop decodes the text, also for invalid UTF-8). Every sentence
// boundary is also a clause boundary. The result depends only on the input.
//
// A line break ("\n") is whitespace, not a boundary: a unit's text may hold
// lines that a PDF page break split in the middle of a sentence. In clause
// mode a line that starts with a list label (- (a), (一), ’1’, 2., b))
// starts a new clause, unless the text before it is only a label.
//
// # Protections shared by all languages
//
// Nothing is split inside a matched pair of brackets ((…) （…） […] 《…》
// 【…】 〔…〕 〈…〉) or inside a quoted term (“…” ‘…’ «…» „…“ "…" 「…」 『…』,
// and the Arabic ”…“ and ’1’). A quotation that holds a sentence stop is
// quoted speech or a quoted provision: it is split inside like any other
// text, and its closing quote stays with its last sentence. Pairs are
// matched within 4096 bytes and never across a blank line, so a quote left
// open by mistake protects nothing.
//
// Nothing is split inside numbers (1,000 3.5 1.000.000 24/7 10:30) or
// between a list label ((a) a) (i) 1. IV. (أ) ’1’ (一)) and its text.
// Closing quotes and brackets after a stop stay in the sentence (。” 。）
// ." .) .» and the French . »), and so does a short bracketed note or a
// footnote mark right after it or alone on the rest of its line (。[暂定]
// .[1] .¹). A conjunction that ends a line after a semicolon (；或 ; and)
// stays with its list item.
//
// # Chinese
//
// Sentences end at 。！？ (and at …… or … where the line or text ends);
// clauses also end at ；，：. ASCII , ; : ! ? next to Han characters count as
// their full-width forms, and so does a period between a Han character and
// Han text or a line end; never inside numbers. 、 joins enumerated items
// and is never a boundary. Clause splitting follows the segmentation of the
// Georgetown Chinese Discourse Treebank (GCDT) where that makes sense for
// legal text: a comma after a discourse connective (因此，此外，但是，) or
// after a bare date (2024年7月29日，) does not end a clause, and a
// parenthesis that holds more than a list label and follows a word is a
// clause of its own (…办公室|（毒品和犯罪问题办公室）|在…), but never a
// cross-reference (第1款(b)项(一)目).
//
// # Latin, Cyrillic and Arabic scripts
//
// Sentences end at . ! ? ؟ when whitespace and no lowercase word follow,
// and at an ellipsis followed by a capital. Per-language abbreviation lists
// tell the periods that never end a sentence (art. para. e.g. i.e. No. Mr.
// / M. Mme p. ex. n° / Sr. Sra. núm. p. ej. / ст. п. т. е. см. …) from
// those that end one before a capital (etc. / и т. д. и т. п.; г. гг. ч.
// м. after a number). Initials (J. R. R. Tolkien) never end a sentence. A
// small number or roman numeral before a period ends a sentence after a
// word such as "paragraph" or "to" (in paragraph 7.), but is the label of a
// new paragraph after a heading (session 2. Immunity…). Clauses also end at
// ; : , when whitespace follows, and at ؛ ، always; not at a comma after a
// single opening word (However,) or after e.g. and i.e.
//
// Imports: no package of concord.
package sentence
