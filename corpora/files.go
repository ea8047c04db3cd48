package corpora

import (
	"bytes"
	"fmt"
	"strings"

	"concord/corpora/input"
	"concord/corpora/office"
	"concord/segment"
	"concord/segment/langtag"
)

// Validate checks the options before any file is read: a language that
// concord has no grammar for and an encoding it cannot decode are
// refused.
func (o LoadOptions) Validate() error {
	if o.Lang != "" && !langtag.IsUN(langtag.Base(o.Lang)) {
		return fmt.Errorf("unknown language %q: want one of %s", o.Lang, strings.Join(langtag.UN, ", "))
	}
	if o.Encoding != "" {
		if _, ok := input.CanonicalEncoding(o.Encoding); !ok {
			return fmt.Errorf("unknown encoding %q: want %s", o.Encoding, input.KnownEncodings)
		}
	}
	return nil
}

// ReadMarks reads a TSV file of extra status marks (language, mark,
// status; see segment.MarkTable.Load) on top of segment.DefaultMarks.
func ReadMarks(path string) (segment.MarkTable, error) {
	data, err := input.ReadBytes(path)
	if err != nil {
		return nil, err
	}
	m := segment.DefaultMarks()
	if err := m.Load(bytes.NewReader(data)); err != nil {
		return nil, &input.Error{File: path, Reason: err.Error()}
	}
	return m, nil
}

// LoadFiles loads the documents at paths ("" is the embedded default,
// [input.Stdin] standard input, which may be named once),
// paths[i] in the language langs[i] when langs names one (langs may be nil
// or shorter than paths; "" detects the language). It stops at the first
// file that cannot be loaded.
func LoadFiles(paths, langs []string, opt LoadOptions) ([]*segment.Document, error) {
	if len(langs) > len(paths) {
		return nil, fmt.Errorf("%d languages for %d files", len(langs), len(paths))
	}
	if err := stdinOnce(paths); err != nil {
		return nil, err
	}
	docs := make([]*segment.Document, 0, len(paths))
	for i, p := range paths {
		o := opt
		if i < len(langs) && langs[i] != "" {
			o.Lang = langs[i]
		}
		if err := o.Validate(); err != nil {
			return nil, err
		}
		d, err := LoadFile(p, o)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Parallel is a parallel text already split into sentences, one a line,
// as in the UN Parallel Corpus: line i of every version translates line i
// of the others (concord's --presplit input).
type Parallel struct {
	Lines [][]string // per version: its lines, without line ends
	Langs []string   // per version: its language (given, else detected)
	Names []string   // per version: its file name
}

// ReadParallel reads the files at paths ([input.Stdin] for standard input,
// once at most) as a parallel text, paths[i] in
// the language langs[i] when langs names one (else detected). Lines end at
// LF or CRLF; a final line end does not start one more line.
func ReadParallel(paths, langs []string, opt LoadOptions) (*Parallel, error) {
	if len(langs) > len(paths) {
		return nil, fmt.Errorf("%d languages for %d files", len(langs), len(paths))
	}
	if err := stdinOnce(paths); err != nil {
		return nil, err
	}
	p := &Parallel{}
	for i, path := range paths {
		text, err := input.ReadFile(path, opt.Encoding)
		if err != nil {
			return nil, err
		}
		l := ""
		if i < len(langs) {
			l = langs[i]
		}
		if l == "" {
			l = opt.Lang
		}
		if l == "" {
			l = langtag.Detect(text)
		} else if !langtag.IsUN(langtag.Base(l)) {
			return nil, fmt.Errorf("unknown language %q: want one of %s", l, strings.Join(langtag.UN, ", "))
		}
		text = strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		p.Lines = append(p.Lines, strings.Split(text, "\n"))
		p.Langs = append(p.Langs, l)
		p.Names = append(p.Names, input.Name(path))
	}
	return p, nil
}

// Aligned checks that every version has as many lines as the first, as a
// parallel text line by line must.
func (p *Parallel) Aligned() error {
	for v := 1; v < len(p.Lines); v++ {
		if len(p.Lines[v]) != len(p.Lines[0]) {
			return fmt.Errorf("%s has %d lines, %s has %d: parallel files need as many lines",
				p.Names[0], len(p.Lines[0]), p.Names[v], len(p.Lines[v]))
		}
	}
	return nil
}

// LoadRevisions reads a file with tracked changes (.docx, .odt or HTML
// with ins and del) as two documents: its text with every change rejected
// (named "PATH (before the tracked changes)") and with every change
// accepted ("PATH (after)"). opt applies as for LoadFile, the encoding to
// HTML.
func LoadRevisions(path string, opt LoadOptions) (old, new *segment.Document, err error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	data, err := input.ReadBytes(path)
	if err != nil {
		return nil, nil, err
	}
	oldText, newText, err := office.Revisions(input.Name(path), data, opt.Encoding)
	if err != nil {
		return nil, nil, err
	}
	parse := func(name, text string) (*segment.Document, error) {
		d, err := segment.Parse(name, text, segment.Options{Lang: opt.Lang, Marks: opt.Marks})
		if err != nil {
			return nil, &input.Error{File: name, Reason: err.Error()}
		}
		return d, nil
	}
	name := input.Name(path)
	if old, err = parse(name+" (before the tracked changes)", oldText); err != nil {
		return nil, nil, err
	}
	new, err = parse(name+" (after)", newText)
	return old, new, err
}

// stdinOnce refuses a list of paths that names standard input more than
// once: it can be read only once.
func stdinOnce(paths []string) error {
	n := 0
	for _, p := range paths {
		if p == input.Stdin {
			n++
		}
	}
	if n > 1 {
		return fmt.Errorf("standard input (%s) is named %d times: it can be read only once", input.Stdin, n)
	}
	return nil
}
