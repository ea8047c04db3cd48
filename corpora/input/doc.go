// Package input turns the bytes of a file into text: it reads a regular
// file or standard input within limits ([ReadBytes], [ReadAll],
// [ReadFile]), decodes text in every encoding of the WHATWG Encoding
// Standard, detecting those UN and Chinese legal texts come in (UTF-8,
// UTF-16, GB18030/GBK, Big5, windows-1256, windows-1251, KOI8-R,
// windows-1252; [Decode], [Detect]), HTML pages and XML files in the
// encoding they declare ([DecodeHTML], [CharsetReader]), and holds the
// error that the readers of package corpora and its subpackages give for
// bad input ([*Error]) with its helpers.
//
// Bad input never panics: every problem with the bytes themselves is an
// [*Error] that names the file and, where it can, the line.
//
// Imports: the standard library and golang.org/x/text only.
package input
