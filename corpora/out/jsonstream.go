package out

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"
)

// JSONStream writes one JSON value piece by piece, byte for byte as JSON
// (encoding/json's Encoder with HTML escaping off, indented by two spaces
// or compact, and a final newline) writes it whole: for results too large
// to hold twice, a document of 250 MB, say. Its methods must be called in
// an order that makes one valid value; the first error sticks and is
// returned by Close.
type JSONStream struct {
	w       *bufio.Writer
	compact bool
	counts  []int // elements written in each open container
	key     bool  // a key was just written: its value follows without a separator
	buf     []byte
}

// NewJSONStream starts a JSON value on w.
func NewJSONStream(w io.Writer, compact bool) *JSONStream {
	return &JSONStream{w: bufio.NewWriterSize(w, 64<<10), compact: compact}
}

// sep writes what comes before a value or a key: a comma after an
// element, and a new line and indentation unless compact.
func (s *JSONStream) sep() {
	if s.key {
		s.key = false
		return
	}
	n := len(s.counts)
	if n == 0 {
		return
	}
	if s.counts[n-1] > 0 {
		s.w.WriteByte(',')
	}
	s.counts[n-1]++
	s.indent(n)
}

func (s *JSONStream) indent(depth int) {
	if s.compact {
		return
	}
	s.w.WriteByte('\n')
	for range depth {
		s.w.WriteString("  ")
	}
}

// Begin opens an object ('{') or an array ('[').
func (s *JSONStream) Begin(c byte) {
	s.sep()
	s.w.WriteByte(c)
	s.counts = append(s.counts, 0)
}

// End closes the innermost object ('}') or array (']'); an empty one is
// written {} or [].
func (s *JSONStream) End(c byte) {
	n := len(s.counts)
	if s.counts[n-1] > 0 {
		s.indent(n - 1)
	}
	s.counts = s.counts[:n-1]
	s.w.WriteByte(c)
	if len(s.counts) == 0 {
		s.w.WriteByte('\n')
	}
}

// Key writes an object's key; its value comes next.
func (s *JSONStream) Key(k string) {
	s.sep()
	s.buf = AppendJSONString(s.buf[:0], k)
	s.w.Write(s.buf)
	if s.compact {
		s.w.WriteByte(':')
	} else {
		s.w.WriteString(": ")
	}
	s.key = true
}

// String writes a string value.
func (s *JSONStream) String(v string) {
	s.sep()
	s.buf = AppendJSONString(s.buf[:0], v)
	s.w.Write(s.buf)
}

// Int writes an integer value.
func (s *JSONStream) Int(v int) {
	s.sep()
	s.buf = strconv.AppendInt(s.buf[:0], int64(v), 10)
	s.w.Write(s.buf)
}

// StringField writes an object's key and its string value.
func (s *JSONStream) StringField(k, v string) {
	s.Key(k)
	s.String(v)
}

// IntField writes an object's key and its integer value.
func (s *JSONStream) IntField(k string, v int) {
	s.Key(k)
	s.Int(v)
}

// Close flushes what is buffered and returns the first error.
func (s *JSONStream) Close() error {
	return s.w.Flush()
}

// AppendJSONString appends s to dst as a JSON string, escaped exactly as
// encoding/json does with HTML escaping off: quotes, backslashes and
// control characters (\b \f \n \r \t, else \u00XX), U+2028 and U+2029,
// and invalid UTF-8 as \ufffd.
func AppendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
