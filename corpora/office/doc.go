// Package office reads word-processor and web documents into the plain
// text concord's parser reads: Word (.docx, WordprocessingML), OpenDocument
// text (.odt and the flat .fodt XML) and HTML pages, with their automatic
// list numbering printed as labels, their footnotes moved to the end and
// their tracked changes read as a pair of texts ([Text],
// [Revisions]). It also recognises every format concord
// reads by its content ([Sniff]), the "UDHR in Unicode" XML that package
// corpora reads into a document included.
//
// Nothing here touches the file system: the readers take the bytes of a
// file and a name for messages. Hostile input (a zip bomb, a DTD, deep
// nesting, a damaged archive) is refused with an [*input.Error] naming the
// file, within the limits [MaxPartBytes], [MaxArchiveEntries] and
// input.MaxFileBytes.
//
// Imports: corpora/input, golang.org/x/net/html (the HTML parser) and the
// standard library.
package office
