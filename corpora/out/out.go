package out

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is one output format of a command: its name (the value of
// --format), the file extensions that choose it for -o, a one-line
// description for --help, and the function that writes a result of type T
// with options O.
type Format[T, O any] struct {
	Name    string   // "tmx"
	Exts    []string // ".tmx"; matched without regard to case
	Summary string   // one line for --help
	Write   func(w io.Writer, v T, opt O) error
}

// FileExt is the extension of the format's files, without the dot: its
// first extension, else its name ("txt" for text, "tmx" for tmx).
func (f Format[T, O]) FileExt() string {
	if len(f.Exts) > 0 {
		return strings.TrimPrefix(f.Exts[0], ".")
	}
	return f.Name
}

// Registry is the list of a command's formats, the first being the default.
// Every command takes its --format values, their help and the choice by
// file extension from its registry, in single and batch mode alike.
type Registry[T, O any] struct {
	formats []Format[T, O]
}

// NewRegistry returns a registry of the given formats; the first is the
// default.
func NewRegistry[T, O any](formats ...Format[T, O]) *Registry[T, O] {
	return &Registry[T, O]{formats: formats}
}

// Names returns the format names in order, the default first.
func (r *Registry[T, O]) Names() []string {
	out := make([]string, len(r.formats))
	for i, f := range r.formats {
		out[i] = f.Name
	}
	return out
}

// Formats returns the formats in order, the default first.
func (r *Registry[T, O]) Formats() []Format[T, O] { return r.formats }

// Lookup returns the format called name.
func (r *Registry[T, O]) Lookup(name string) (Format[T, O], error) {
	for _, f := range r.formats {
		if f.Name == name {
			return f, nil
		}
	}
	return Format[T, O]{}, fmt.Errorf("unknown format %q: want %s", name, strings.Join(r.Names(), ", "))
}

// ForPath returns the format whose extension path has, case-insensitively
// (report.TMX and page.HTM choose tmx and html).
func (r *Registry[T, O]) ForPath(path string) (Format[T, O], bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return Format[T, O]{}, false
	}
	for _, f := range r.formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, true
			}
		}
	}
	return Format[T, O]{}, false
}

// Choose picks the format for a run: the one named by flag, else the one
// path's extension chooses, else the default.
func (r *Registry[T, O]) Choose(flag, path string) (Format[T, O], error) {
	if flag != "" {
		return r.Lookup(flag)
	}
	if f, ok := r.ForPath(path); ok {
		return f, nil
	}
	return r.formats[0], nil
}

// Help lists the formats for a command's usage text, one a line, the
// default marked.
func (r *Registry[T, O]) Help() string {
	width := 0
	for _, f := range r.formats {
		width = max(width, len(f.Name))
	}
	var b strings.Builder
	for i, f := range r.formats {
		def := ""
		if i == 0 {
			def = " (default)"
		}
		fmt.Fprintf(&b, "  %-*s  %s%s\n", width, f.Name, f.Summary, def)
	}
	return b.String()
}

// JSON writes v as JSON without escaping HTML characters: indented by two
// spaces, or on one line when compact (a record of JSON Lines).
func JSON(w io.Writer, v any, compact bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// Round keeps d decimals of f (correctly rounded in decimal), so that output does not depend on the last
// bits of a float; NaN and infinities become 0.
func Round(f float64, d int) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', d, 64), 64)
	return v
}

// TSVField keeps s on one line and free of tabs: each tab, carriage
// return or line feed becomes a space (a CRLF one space).
func TSVField(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\r' || c == '\n' {
			return tsvReplacer.Replace(s)
		}
	}
	return s
}

var tsvReplacer = strings.NewReplacer("\r\n", " ", "\t", " ", "\n", " ", "\r", " ")

// OneLine puts s on one line for text output: where it holds a tab or a
// line break, every run of white space becomes one space.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Markdown escapes with a backslash the characters Markdown would read
// as markup: \ ` * _ ~ [ ] < > | # and &. Line breaks are kept.
func Markdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '#', '&':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// XML escapes s for XML character data and attribute values: & < > and
// the double quote become references, line breaks become spaces, and
// characters XML 1.0 cannot hold become U+FFFD.
func XML(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' || c == '\t'
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte(' ')
		case r == '\t' || r >= 0x20 && r < 0xD800 || r >= 0xE000 && r < 0xFFFE || r >= 0x10000 && r <= 0x10FFFF:
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// Terminal makes s safe to print on a terminal: control characters (C0
// but tab and line feed, DEL, C1), which could move the cursor, retitle
// the window or hide text (ESC [ …), are written as escapes: \x1b, \r,
// \u009b. Everything else is kept.
func Terminal(s string) string {
	return replaceControls(s, func(b *strings.Builder, r rune) {
		switch {
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80:
			fmt.Fprintf(b, `\x%02x`, r)
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
	})
}

// NoControls drops the control characters of s that HTML cannot hold (C0
// but tab, line feed and carriage return, DEL, C1), replacing each with
// its visible picture (␛ for ESC) or U+FFFD, so that nothing vanishes
// unseen.
func NoControls(s string) string {
	return replaceControls(s, func(b *strings.Builder, r rune) {
		switch {
		case r == '\r':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r) // Control Pictures
		case r == 0x7F:
			b.WriteRune('\u2421')
		default:
			b.WriteRune('\uFFFD')
		}
	})
}

// replaceControls returns s with each control character but tab and line
// feed written by replace; s itself when it has none.
func replaceControls(s string, replace func(b *strings.Builder, r rune)) string {
	i := controlAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r == '\t' || r == '\n' || !isControl(r) {
			b.WriteRune(r)
		} else {
			replace(&b, r)
		}
	}
	return b.String()
}

// isControl reports C0 and C1 control characters and DEL.
func isControl(r rune) bool { return r < 0x20 || r >= 0x7F && r < 0xA0 }

// controlAt returns the byte offset of the first control character of s
// other than tab and line feed, or -1.
func controlAt(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n', c == 0x7F:
			return i
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0: // U+0080–U+009F
			return i
		}
	}
	return -1
}

// TerminalWriter returns a writer that passes everything to w as Terminal
// would write it: for the writers of text meant for a terminal (outlines,
// redlines, findings), so that a control character in a document cannot
// reach the terminal as such.
func TerminalWriter(w io.Writer) io.Writer { return &ctlWriter{w: w, fix: Terminal} }

// HTMLWriter returns a writer that passes everything to w as NoControls
// would write it: for HTML pages, which cannot hold control characters.
func HTMLWriter(w io.Writer) io.Writer { return &ctlWriter{w: w, fix: NoControls} }

// ctlWriter rewrites the control characters of a byte stream, holding
// back a lead byte 0xC2 at the end of a write until it knows whether a C1
// control follows.
type ctlWriter struct {
	w    io.Writer
	fix  func(string) string
	held bool // a 0xC2 byte is held back
}

func (c *ctlWriter) Write(p []byte) (int, error) {
	s := string(p)
	if c.held {
		s = "\xC2" + s
		c.held = false
	}
	if strings.HasSuffix(s, "\xC2") {
		s = s[:len(s)-1]
		c.held = true
	}
	if _, err := io.WriteString(c.w, c.fix(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// RTL reports whether a language tag names a language written right to
// left (Arabic, and Persian, Hebrew and Urdu should they come), whatever
// its case and subtags: ar, ar-EG, AR.
func RTL(tag string) bool {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch base {
	case "ar", "fa", "he", "ur":
		return true
	}
	return false
}

// Dir is the writing direction of a language's text, as HTML's dir
// attribute takes it: "rtl" when RTL(tag), else "ltr".
func Dir(tag string) string {
	if RTL(tag) {
		return "rtl"
	}
	return "ltr"
}

// CSVCell makes a text cell safe to open in a spreadsheet: a cell that
// starts with = + - @ or a tab or carriage return would be read as a
// formula (CSV injection), so it gets a leading apostrophe, as OWASP
// advises and spreadsheets hide. Numbers written by concord are not text
// cells and are left alone.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
