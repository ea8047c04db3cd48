package corpora

import (
	"io"

	"concord/corpora/input"
	"concord/corpora/office"
	"concord/segment"
	"concord/segment/langtag"
)

// LoadOptions control [Load] and [LoadFile].
type LoadOptions struct {
	Lang     string            // document language; "" detects it
	Encoding string            // text encoding; "" detects it (see [input.Decode])
	Marks    segment.MarkTable // status marks; nil means segment.DefaultMarks
}

// Load reads a document of any format concord knows, chosen by content
// ([office.Sniff]): UDHR XML through [ReadUDHR]; .docx, .odt and HTML
// through [office.Text], whose text is then parsed by [segment.Parse]
// (unit lines are lines of that text); anything else as text decoded by
// [input.Decode] and parsed by [segment.Parse]. name labels the document
// in errors and warnings. opt.Encoding applies to text, HTML and UDHR
// XML files, over what they declare.
func Load(name string, data []byte, opt LoadOptions) (*segment.Document, error) {
	// .docx, .odt and HTML are read into text; anything else is decoded as
	// text unless it is an archive or a binary Office file. UDHR XML, which
	// Text sniffs and refuses before reading anything, is read directly.
	text, f, err := office.Text(name, data, opt.Encoding)
	if f == office.FormatUDHR {
		return loadUDHR(name, data, opt)
	}
	if err != nil {
		return nil, err
	}
	d, err := segment.Parse(name, text, segment.Options{Lang: opt.Lang, Marks: opt.Marks})
	if err != nil {
		return nil, &input.Error{File: name, Reason: err.Error()}
	}
	return d, nil
}

// loadUDHR is Load for UDHR XML.
func loadUDHR(name string, data []byte, opt LoadOptions) (*segment.Document, error) {
	d, err := readUDHR(name, data, opt.Encoding)
	if err != nil {
		return nil, err
	}
	if opt.Lang != "" {
		d.Lang = langtag.Base(opt.Lang)
	}
	d.Tag = langtag.OfTexts(opt.Lang, d.Lang, func(yield func(string) bool) {
		for u := range d.All() {
			if !yield(u.Text) {
				return
			}
		}
	})
	return d, nil
}

// LoadFile reads and loads the file at path within the limits of
// [input.ReadBytes]; an empty path loads the embedded default, the L.15
// draft, and [input.Stdin] ("-") loads standard input, named
// [input.StdinName] in errors and warnings.
func LoadFile(path string, opt LoadOptions) (*segment.Document, error) {
	if path == "" {
		name, data := Default()
		return Load(name, data, opt)
	}
	data, err := input.ReadBytes(path)
	if err != nil {
		return nil, err
	}
	return Load(input.Name(path), data, opt)
}

// LoadReader reads r to its end within the limits of [input.ReadAll] and
// loads what it read as [Load] does; name labels the document.
func LoadReader(name string, r io.Reader, opt LoadOptions) (*segment.Document, error) {
	data, err := input.ReadAll(name, r)
	if err != nil {
		return nil, err
	}
	return Load(name, data, opt)
}
