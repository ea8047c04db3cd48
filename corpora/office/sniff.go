package office

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"unicode/utf16"

	"concord/corpora/input"
)

// Format is a kind of input file, recognised by its content.
type Format int

// The formats [Sniff] recognises.
const (
	// FormatText is plain text in any encoding [input.Decode] handles; it is
	// what [Sniff] returns when nothing more specific matches.
	FormatText Format = iota
	// FormatUDHR is "UDHR in Unicode" XML, read by corpora.ReadUDHR.
	FormatUDHR
	// FormatDocx is a Word document (.docx, WordprocessingML): a zip
	// archive with a word/document.xml part. [Text] reads it.
	FormatDocx
	// FormatODT is an OpenDocument text (.odt: a zip archive whose
	// mimetype is application/vnd.oasis.opendocument.text; or the flat
	// .fodt XML). [Text] reads it.
	FormatODT
	// FormatHTML is an HTML page (<!DOCTYPE html> or <html> first).
	// [Text] reads it.
	FormatHTML
)

// String returns the format's short name: "text", "udhr", "docx", "odt",
// "html".
func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatUDHR:
		return "udhr"
	case FormatDocx:
		return "docx"
	case FormatODT:
		return "odt"
	case FormatHTML:
		return "html"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// sniffers are tried in order by Sniff; the first that matches decides.
var sniffers = []struct {
	format Format
	match  func(head []byte) bool
}{
	{FormatUDHR, isUDHR},
	{FormatODT, isFlatODT},
	{FormatHTML, isHTML},
}

// sniffLen is how much of the input Sniff looks at.
const sniffLen = 64 << 10

// Sniff tells what format data is in by its content, never by a file name:
// the first sniffLen (64 KiB) bytes are enough (in UTF-16 after a
// byte-order mark, for HTML), and for a zip archive its directory at the
// end. Anything not recognised is [FormatText].
func Sniff(data []byte) Format {
	if f, ok := sniffZip(data); ok {
		return f
	}
	head := data[:min(len(data), sniffLen)]
	if u, ok := utf16Head(head); ok {
		// Word saves "Unicode" web pages in UTF-16 with a byte-order mark.
		if isHTML(u) {
			return FormatHTML
		}
		return FormatText
	}
	for _, s := range sniffers {
		if s.match(head) {
			return s.format
		}
	}
	return FormatText
}

// isUDHR reports whether the first element of head is <udhr>.
func isUDHR(head []byte) bool {
	root, ok := rootElement(head)
	return ok && root.Name.Local == "udhr" // any prefix: RawToken does not resolve namespaces
}

// rootElement returns the first element of the XML document that head
// starts, after any XML declaration, comments, processing instructions and
// DOCTYPE; ok is false when head does not start an XML document.
func rootElement(head []byte) (xml.StartElement, bool) {
	head = input.TrimBOM(head)
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) == 0 || t[0] != '<' {
		return xml.StartElement{}, false
	}
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = true
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return xml.StartElement{}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, true
		case xml.CharData:
			if len(bytes.TrimLeft(t, " \t\r\n")) > 0 {
				return xml.StartElement{}, false
			}
		}
	}
}

// utf16Head returns head as UTF-8 if it starts with a UTF-16 byte-order
// mark.
func utf16Head(head []byte) ([]byte, bool) {
	var be bool
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		be = true
	default:
		return nil, false
	}
	units := make([]uint16, 0, len(head)/2)
	for i := 2; i+1 < len(head); i += 2 {
		if be {
			units = append(units, uint16(head[i])<<8|uint16(head[i+1]))
		} else {
			units = append(units, uint16(head[i+1])<<8|uint16(head[i]))
		}
	}
	return []byte(string(utf16.Decode(units))), true
}
