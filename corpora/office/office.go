package office

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"path"
	"strings"

	"concord/corpora/input"
)

// Limits on word-processor documents, on top of [input.MaxFileBytes] for
// the file itself.
const (
	// MaxPartBytes is the largest decompressed size accepted for one part
	// (one file inside the archive) of a .docx or .odt document: 64 MiB.
	// All the parts read from one archive together may decompress to at
	// most input.MaxFileBytes. Both are counted while decompressing, so a
	// zip bomb is refused after reading at most that much.
	MaxPartBytes = 64 << 20
	// MaxArchiveEntries is the largest number of entries an archive's
	// directory may list (10,000); it is checked before the directory is
	// read.
	MaxArchiveEntries = 10000
	// maxOfficeDepth bounds element nesting in the XML of a document.
	maxOfficeDepth = 512
	// maxRatio is the largest compression ratio accepted for a part once
	// it has decompressed to more than ratioFloor bytes: XML compresses
	// 5–20 times, a zip bomb about 1,000 times.
	maxRatio   = 300
	ratioFloor = 1 << 20
	// maxParagraphs bounds the paragraphs of one document (the L.15
	// draft has 700), so that memory stays proportional to real text.
	maxParagraphs = 500_000
)

// Text turns a document into the plain text that segment.Parse
// reads, and says which format it found (by content, as [Sniff] does):
//
//   - a .docx (WordprocessingML) or .odt (OpenDocument text, also the flat
//     .fodt XML) document: the accepted view of its tracked changes, one
//     paragraph a line with a blank line between paragraphs (a line break
//     inside a paragraph is a line end), the paragraphs of table cells and
//     text boxes in reading order, footnotes and endnotes as "¹ …" lines at
//     the end in the order of their references (one sequence of numbers;
//     a custom mark is kept), with the mark left where the reference
//     stood; page headers and footers, comments, field codes, hidden text
//     and deleted text are left out;
//   - automatic list numbers are printed as the labels a word processor
//     shows: a .docx paragraph's numbering (direct, or from its style and
//     the styles it is based on) names a w:num whose abstract numbering
//     gives each level a format (decimal, lowerLetter, lowerRoman,
//     chineseCounting, ideographDigital, arabicAbjad …), a start, a
//     template such as "%1." or "(%2)" and when it restarts; counters are
//     kept per abstract numbering, a w:num's startOverride restarts them at
//     its first paragraph, a higher level restarts the lower ones (unless
//     lvlRestart says otherwise), isLgl prints decimals, bullets print
//     nothing. ODT lists are numbered from their list styles (format,
//     prefix, suffix, display levels, start value), a list starting anew
//     unless it continues another (text:continue-list,
//     text:continue-numbering); headings follow the outline numbering;
//   - an HTML page, its tree built as browsers build it (the HTML
//     standard's parser, golang.org/x/net/html: text misplaced in a table
//     comes before the table): headings, paragraphs, list items, table
//     cells and preformatted text the same way, script and style left out, white
//     space folded as a browser folds it, character references decoded,
//     recognisable footnotes (pandoc's, LibreOffice's, links to a note
//     from a superscript number) moved to the end like a document's.
//     Ordered lists are counted as a browser counts them (type, start,
//     reversed, value, list-style-type), but HTML says nothing of
//     punctuation: decimal labels print as "1.", letters and numerals of
//     other kinds in parentheses, "(a)", "(iv)", "(一)", as UN drafts
//     print them;
//   - plain text: the text as [input.Decode] returns it.
//
// The lines of the result are the lines corpora.Load's units and warnings
// refer to. UDHR XML has no text form: it gives an error (use
// corpora.ReadUDHR). encoding, if not empty, overrides the detected
// encoding of a text or HTML file.
// Problems with the bytes, such as a damaged or truncated archive,
// malformed XML, a DTD, or a part that decompresses to more than
// [MaxPartBytes] or with a zip bomb's ratio, are [*input.Error] values
// naming the file.
func Text(name string, data []byte, encoding string) (string, Format, error) {
	f := Sniff(data)
	switch f {
	case FormatUDHR:
		return "", f, input.Errorf(name, "UDHR XML is read into a document directly, not as text")
	case FormatDocx, FormatODT, FormatHTML:
		v, err := read(name, data, f, encoding)
		if err != nil {
			return "", f, err
		}
		text, err := v.text(name, viewNew)
		return text, f, err
	}
	if err := notText(name, data); err != nil {
		return "", f, err
	}
	text, err := input.Decode(name, data, encoding)
	return text, f, err
}

// Revisions reads the tracked changes of a .docx, .odt or HTML document
// as a pair of texts: old is the text with every tracked change rejected
// (deletions and moved-away text kept, insertions left out; in a .docx,
// w:del and w:moveFrom kept, w:ins and w:moveTo left out, inserted
// paragraph marks undone), new the text with every change accepted, which
// is what [Text] returns. Both are laid out as Text lays out a document,
// and list numbers and footnote marks are counted in each separately, so a
// deleted list item shifts the numbers of the items after it only in new.
// A document without tracked changes gives old == new. For HTML, <del> and
// <ins> are the changes; encoding, if not empty, overrides its detected
// encoding.
func Revisions(name string, data []byte, encoding string) (old, new string, err error) {
	f := Sniff(data)
	switch f {
	case FormatDocx, FormatODT, FormatHTML:
	default:
		if err := notText(name, data); err != nil {
			return "", "", err
		}
		return "", "", input.Errorf(name, "a %s file has no tracked changes: want .docx, .odt or HTML", f)
	}
	v, err := read(name, data, f, encoding)
	if err != nil {
		return "", "", err
	}
	if old, err = v.text(name, viewOld); err != nil {
		return "", "", err
	}
	if new, err = v.text(name, viewNew); err != nil {
		return "", "", err
	}
	return old, new, nil
}

// read reads a word-processor document or web page into its views.
func read(name string, data []byte, f Format, encoding string) (*views, error) {
	switch f {
	case FormatDocx:
		return readDocx(name, data)
	case FormatODT:
		return readODT(name, data)
	}
	return readHTML(name, data, encoding)
}

// notText gives a clear error for bytes that are a word-processor file
// concord cannot read: a zip archive that is neither .docx nor .odt (or is
// too damaged to tell), or a legacy binary Word/OLE file.
func notText(name string, data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		if n, ok := zipEntryCount(data); ok && n > MaxArchiveEntries {
			return input.Errorf(name, "a zip archive that lists %d entries, more than the limit of %d", n, MaxArchiveEntries)
		}
		if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			return &input.Error{File: name, Reason: "a damaged or truncated zip archive (" + err.Error() + "), not a readable .docx or .odt document", Err: err}
		}
		return input.Errorf(name, "a zip archive that is neither a .docx (no word/document.xml) nor an .odt document (no mimetype application/vnd.oasis.opendocument.text)")
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return input.Errorf(name, "a legacy binary Office file (.doc): save it as .docx or .odt first (for example: libreoffice --headless --convert-to docx FILE)")
	}
	return nil
}

// ---------------------------------------------------------------------
// Archives

// archive is an opened zip file with its parts by lower-cased name.
// Nothing in it ever touches the file system: names only look parts up.
type archive struct {
	name  string
	parts map[string]*zip.File
	total int64 // decompressed bytes read so far, over all parts
}

// limitError reports a part or archive that decompresses to too much.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// openArchive opens data as a zip archive, refusing an archive whose
// directory lists more than MaxArchiveEntries entries before reading the
// directory.
func openArchive(name string, data []byte) (*archive, error) {
	if len(data) > input.MaxFileBytes {
		return nil, input.TooLarge(name, int64(len(data)))
	}
	if n, ok := zipEntryCount(data); ok && n > MaxArchiveEntries {
		return nil, input.Errorf(name, "the zip archive lists %d entries, more than the limit of %d", n, MaxArchiveEntries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &input.Error{File: name, Reason: "a damaged or truncated zip archive: " + err.Error(), Err: err}
	}
	if len(zr.File) > MaxArchiveEntries {
		return nil, input.Errorf(name, "the zip archive has %d entries, more than the limit of %d", len(zr.File), MaxArchiveEntries)
	}
	a := &archive{name: name, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		key := strings.ToLower(strings.TrimLeft(f.Name, "/"))
		if _, dup := a.parts[key]; !dup {
			a.parts[key] = f
		}
	}
	return a, nil
}

// zipEntryCount reads the number of entries from the end-of-central-
// directory record (or its ZIP64 form) without reading the directory.
func zipEntryCount(data []byte) (int64, bool) {
	const eocdLen = 22
	lo := max(0, len(data)-eocdLen-0xFFFF)
	i := bytes.LastIndex(data[lo:], []byte("PK\x05\x06"))
	if i < 0 {
		return 0, false
	}
	i += lo
	if i+eocdLen > len(data) {
		return 0, false
	}
	n := int64(binary.LittleEndian.Uint16(data[i+10:]))
	if n != 0xFFFF || i < 20 || string(data[i-20:i-16]) != "PK\x06\x07" {
		return n, true
	}
	// ZIP64: the locator before the record points at the ZIP64 record.
	// The ZIP64 record is 56 bytes at least; off comes from the file, so it
	// is checked against the length before it is used.
	const zip64Len = 56
	off := binary.LittleEndian.Uint64(data[i-20+8:])
	if len(data) < zip64Len || off > uint64(len(data)-zip64Len) || string(data[off:off+4]) != "PK\x06\x06" {
		return 0, false
	}
	total := binary.LittleEndian.Uint64(data[off+32:])
	if total > 1<<40 {
		total = 1 << 40
	}
	return int64(total), true
}

// has reports whether the archive holds a part.
func (a *archive) has(part string) bool {
	_, ok := a.parts[strings.ToLower(part)]
	return ok
}

// open opens a part for reading, counting what is decompressed against
// MaxPartBytes and the archive's total. A missing part gives nil, nil.
func (a *archive) open(part string) (io.ReadCloser, error) {
	f := a.parts[strings.ToLower(part)]
	if f == nil {
		return nil, nil
	}
	if f.Flags&1 != 0 {
		return nil, input.Errorf(a.name, "part %s is encrypted: the document is password-protected", part)
	}
	if f.UncompressedSize64 > MaxPartBytes {
		return nil, input.Errorf(a.name, "part %s would decompress to %d bytes, more than the limit of %d bytes (%d MiB) for one part: a zip bomb?", part, f.UncompressedSize64, MaxPartBytes, MaxPartBytes>>20)
	}
	if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
		return nil, input.Errorf(a.name, "part %s would decompress %d bytes to %d, a ratio over %d:1: a zip bomb?", part, f.CompressedSize64, f.UncompressedSize64, maxRatio)
	}
	// Decompress the raw data here rather than with f.Open, to compare
	// what comes out with what went in as it goes.
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, a.partErr(part, err)
	}
	in := &byteCounter{r: raw}
	c := &countingReader{a: a, part: part, in: in, crc: crc32.NewIEEE(), want: f.CRC32, size: f.UncompressedSize64}
	switch f.Method {
	case zip.Store:
		c.r = in
	case zip.Deflate:
		fr := flate.NewReader(in)
		c.r, c.close = fr, fr.Close
	default:
		return nil, input.Errorf(a.name, "part %s is compressed with method %d, which concord does not read (only stored and deflated parts)", part, f.Method)
	}
	return c, nil
}

// byteCounter counts the compressed bytes read.
type byteCounter struct {
	r io.Reader
	n int64
}

func (b *byteCounter) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

func (a *archive) partErr(part string, err error) error {
	var le *limitError
	if errors.As(err, &le) {
		return &input.Error{File: a.name, Reason: le.msg, Err: err}
	}
	reason := err.Error()
	switch {
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		reason = "damaged or truncated (" + reason + ")"
	case errors.Is(err, zip.ErrAlgorithm):
		reason = "compressed with a method zip readers do not support"
	}
	return &input.Error{File: a.name, Reason: "cannot read part " + part + " of the archive: " + reason, Err: err}
}

// countingReader decompresses a part, counting what comes out against
// MaxPartBytes, the archive's total and the compression ratio, and checks
// the size and checksum the archive's directory gives.
type countingReader struct {
	r     io.Reader
	close func() error
	a     *archive
	part  string
	in    *byteCounter
	n     int64
	crc   hash.Hash32
	want  uint32
	size  uint64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.a.total += int64(n)
	c.crc.Write(p[:n])
	switch {
	case c.n > MaxPartBytes:
		return n, &limitError{fmt.Sprintf("part %s decompresses to more than the limit of %d bytes (%d MiB) for one part: a zip bomb?", c.part, MaxPartBytes, MaxPartBytes>>20)}
	case c.a.total > input.MaxFileBytes:
		return n, &limitError{fmt.Sprintf("the archive decompresses to more than the limit of %d bytes (%d MiB): a zip bomb?", input.MaxFileBytes, input.MaxFileBytes>>20)}
	case c.n > ratioFloor && c.n > maxRatio*c.in.n:
		return n, &limitError{fmt.Sprintf("part %s decompresses %d bytes to more than %d, a ratio over %d:1: a zip bomb?", c.part, c.in.n, c.n, maxRatio)}
	case uint64(c.n) > c.size:
		return n, fmt.Errorf("%w: the part is larger than the archive's directory says", zip.ErrFormat)
	}
	if err == io.EOF {
		if uint64(c.n) != c.size {
			return n, fmt.Errorf("%w: the part is smaller than the archive's directory says", io.ErrUnexpectedEOF)
		}
		if c.want != 0 && c.crc.Sum32() != c.want {
			return n, zip.ErrChecksum
		}
	}
	return n, err
}

func (c *countingReader) Close() error {
	if c.close != nil {
		return c.close()
	}
	return nil
}

// relTargets reads a relationships part (such as word/_rels/document.xml.rels)
// and returns the archive path of each internal target by relationship type
// suffix ("/officeDocument", "/footnotes", …). base is the folder the
// targets are relative to.
func (a *archive) relTargets(relsPart, base string) (map[string]string, error) {
	out := map[string]string{}
	rc, err := a.open(relsPart)
	if err != nil || rc == nil {
		return out, err
	}
	defer rc.Close()
	err = streamXML(a.name, relsPart, rc, func(ev xmlEvent) error {
		if ev.kind != evStart || ev.name.Local != "Relationship" {
			return nil
		}
		typ, target, mode := ev.attr("Type"), ev.attr("Target"), ev.attr("TargetMode")
		if strings.EqualFold(mode, "External") || target == "" {
			return nil
		}
		if i := strings.LastIndexByte(typ, '/'); i >= 0 {
			typ = typ[i:]
		}
		if _, dup := out[typ]; dup {
			return nil
		}
		if strings.HasPrefix(target, "/") {
			target = path.Clean(target)[1:]
		} else {
			target = path.Join(base, target)
		}
		out[typ] = target
		return nil
	})
	if err != nil {
		return nil, a.partErr(relsPart, err)
	}
	return out, nil
}

// ---------------------------------------------------------------------
// XML

type evKind uint8

const (
	evStart evKind = iota
	evEnd
	evText
)

// xmlEvent is one token of a streamed XML part.
type xmlEvent struct {
	kind  evKind
	name  xml.Name
	attrs []xml.Attr
	text  []byte // character data, valid only during the callback
	line  int
}

// openElements is the stack of the open elements of an XML part as a
// reader walks it (their local names, or whole events), with the depth of
// an element whose content the reader skips.
type openElements[T any] struct {
	stack []T
	skip  int // > 0: inside a skipped element opened at this depth
}

// open pushes an element and reports whether it is inside a skipped one.
func (o *openElements[T]) open(x T) (skipped bool) {
	o.stack = append(o.stack, x)
	return o.skip > 0
}

// endSkipped, at an element's end, drops it if it is inside a skipped
// element (the end of the skipped element itself ends the skip) and
// reports whether it did; if not, the reader reads the end, then drops it.
func (o *openElements[T]) endSkipped() bool {
	if o.skip == 0 {
		return false
	}
	if len(o.stack) == o.skip {
		o.skip = 0
	}
	o.drop()
	return true
}

// drop pops the innermost element.
func (o *openElements[T]) drop() { o.stack = o.stack[:len(o.stack)-1] }

// top returns the innermost element.
func (o *openElements[T]) top() *T { return &o.stack[len(o.stack)-1] }

// parent returns the k-th enclosing element of the innermost one (1: its
// parent), or the zero T.
func (o *openElements[T]) parent(k int) (x T) {
	if i := len(o.stack) - 1 - k; i >= 0 {
		return o.stack[i]
	}
	return x
}

// skipThis skips the content of the innermost element.
func (o *openElements[T]) skipThis() { o.skip = len(o.stack) }

// attr returns the value of the attribute with the given local name.
func (e *xmlEvent) attr(local string) string {
	for _, a := range e.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// attrNS returns the value of the attribute with the given local name whose
// namespace (or prefix, if undeclared) ends with suffix.
func (e *xmlEvent) attrNS(suffix, local string) (string, bool) {
	for _, a := range e.attrs {
		if a.Name.Local == local && strings.HasSuffix(a.Name.Space, suffix) {
			return a.Value, true
		}
	}
	return "", false
}

// xmlPartError is a well-formedness problem in one part.
type xmlPartError struct {
	part string
	line int
	err  error
}

func (e *xmlPartError) Error() string {
	if e.part == "" {
		return fmt.Sprintf("line %d: malformed XML: %v", e.line, e.err)
	}
	return fmt.Sprintf("%s line %d: malformed XML: %v", e.part, e.line, e.err)
}

func (e *xmlPartError) Unwrap() error { return e.err }

// readError is a failure to decompress a part.
type readError struct {
	part string
	err  error
}

func (e *readError) Error() string { return e.part + ": " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// errDTD is returned for a DOCTYPE declaration in an office document's
// XML: WordprocessingML and OpenDocument never have one, and refusing it
// makes entity expansion (billion laughs) and external entities
// impossible whatever the parser does with them.
var errDTD = errors.New("a DOCTYPE declaration, which word-processor XML never has (entity expansion refused)")

// streamXML parses r strictly (no entities but the predefined ones, in
// UTF-8 or the encoding the XML declares, no DTD, nesting at most
// maxOfficeDepth) and calls fn for every
// element start, end and run of character data.
func streamXML(file, part string, r io.Reader, fn func(xmlEvent) error) error {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.CharsetReader = input.CharsetReader
	depth := 0
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			if depth > 0 {
				return &xmlPartError{part, line, io.ErrUnexpectedEOF}
			}
			return nil
		}
		if err != nil {
			var le *limitError
			if errors.As(err, &le) {
				return le
			}
			var se *xml.SyntaxError
			if !errors.As(err, &se) {
				return &readError{part, err} // from the decompressor, not the XML
			}
			return &xmlPartError{part, se.Line, err}
		}
		var ev xmlEvent
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxOfficeDepth {
				return &xmlPartError{part, line, fmt.Errorf("elements nested more than %d deep", maxOfficeDepth)}
			}
			ev = xmlEvent{kind: evStart, name: t.Name, attrs: t.Attr, line: line}
		case xml.EndElement:
			depth--
			ev = xmlEvent{kind: evEnd, name: t.Name, line: line}
		case xml.CharData:
			if depth == 0 {
				continue
			}
			ev = xmlEvent{kind: evText, text: t, line: line}
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return &xmlPartError{part, line, errDTD}
			}
			continue
		default:
			continue
		}
		if err := fn(ev); err != nil {
			return err
		}
	}
}

// xmlErrToInput turns an error from streamXML or a callback into an
// *input.Error naming the file.
func xmlErrToInput(file string, err error) error {
	if err == nil {
		return nil
	}
	var ie *input.Error
	if errors.As(err, &ie) {
		return ie
	}
	var le *limitError
	if errors.As(err, &le) {
		return &input.Error{File: file, Reason: le.msg, Err: err}
	}
	var re *readError
	if errors.As(err, &re) {
		a := &archive{name: file}
		return a.partErr(re.part, re.err)
	}
	return &input.Error{File: file, Reason: err.Error(), Err: err}
}

// ---------------------------------------------------------------------
// Sniffing

// odtMime tells whether an OpenDocument mimetype is a text document.
func odtMime(m []byte) bool {
	m = bytes.TrimSpace(m)
	return string(m) == "application/vnd.oasis.opendocument.text" ||
		string(m) == "application/vnd.oasis.opendocument.text-template"
}

// sniffZip recognises .docx and .odt archives: an OpenDocument package
// starts with its uncompressed mimetype entry; otherwise the archive's
// directory is read (a docx has word/document.xml). An archive too damaged
// to open counts as a .docx if the local headers at its start name parts
// under word/.
func sniffZip(data []byte) (Format, bool) {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) || len(data) < 30 {
		return 0, false
	}
	method := binary.LittleEndian.Uint16(data[8:])
	size := int(binary.LittleEndian.Uint32(data[18:]))
	nameLen := int(binary.LittleEndian.Uint16(data[26:]))
	extraLen := int(binary.LittleEndian.Uint16(data[28:]))
	if method == 0 && nameLen == 8 && len(data) >= 38 && string(data[30:38]) == "mimetype" {
		if start := 38 + extraLen; size < 200 && start+size <= len(data) && odtMime(data[start:start+size]) {
			return FormatODT, true
		}
	}
	if n, ok := zipEntryCount(data); ok && n <= MaxArchiveEntries {
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			for _, f := range zr.File {
				switch strings.ToLower(strings.TrimLeft(f.Name, "/")) {
				case "word/document.xml":
					return FormatDocx, true
				case "mimetype":
					if rc, err := f.Open(); err == nil {
						m, _ := io.ReadAll(io.LimitReader(rc, 200))
						rc.Close()
						if odtMime(m) {
							return FormatODT, true
						}
					}
				}
			}
			return 0, false
		}
	}
	if bytes.Contains(data[:min(len(data), sniffLen)], []byte("word/")) {
		return FormatDocx, true
	}
	return 0, false
}

// isFlatODT reports whether head starts a flat OpenDocument text (.fodt):
// a root office:document whose office:mimetype is a text document's.
func isFlatODT(head []byte) bool {
	root, ok := rootElement(head)
	if !ok || root.Name.Local != "document" {
		return false
	}
	for _, a := range root.Attr {
		if a.Name.Local == "mimetype" && odtMime([]byte(a.Value)) {
			return true
		}
	}
	return false
}
