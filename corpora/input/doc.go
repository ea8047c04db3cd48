// Package input turns the bytes of a file into text: it reads a file with
// a size limit ([ReadBytes], [ReadFile]), decodes text in the encodings UN
// and Chinese legal texts come in (UTF-8, UTF-16, GB18030/GBK, Big5;
// [Decode], [Detect]) and HTML pages in the encoding they declare
// ([DecodeHTML]), and holds the error that the readers of package corpora
// and its subpackages give for bad input ([*Error]) with its helpers.
//
// Bad input never panics: every problem with the bytes themselves is an
// [*Error] that names the file and, where it can, the line.
//
// Imports: the standard library and golang.org/x/text only.
package input
