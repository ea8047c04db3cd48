package input

import (
	"bytes"
	"unicode/utf8"
)

// charsetLen is how much of an HTML page htmlCharset looks at for the
// declaration of its encoding: as much as package office's Sniff looks at
// to recognise the page.
const charsetLen = 64 << 10

// htmlCharset finds the encoding an HTML page declares in a <meta> element
// or XML declaration within its first 64 KiB.
func htmlCharset(data []byte) string {
	head := bytes.ToLower(data[:min(len(data), charsetLen)])
	for off := 0; ; {
		i := bytes.Index(head[off:], []byte("<meta"))
		if i < 0 {
			break
		}
		i += off
		end := bytes.IndexByte(head[i:], '>')
		if end < 0 {
			break
		}
		tag := head[i : i+end]
		off = i + end
		if j := bytes.Index(tag, []byte("charset")); j >= 0 {
			v := bytes.TrimLeft(tag[j+len("charset"):], " \t\r\n")
			if len(v) == 0 || v[0] != '=' {
				continue
			}
			v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
			k := bytes.IndexAny(v, "\"'; \t\r\n/")
			if k >= 0 {
				v = v[:k]
			}
			return string(v)
		}
	}
	if bytes.HasPrefix(head, []byte("<?xml")) {
		if end := bytes.Index(head, []byte("?>")); end > 0 {
			decl := head[:end]
			if j := bytes.Index(decl, []byte("encoding")); j >= 0 {
				v := bytes.TrimLeft(decl[j+len("encoding"):], " =\"'")
				if k := bytes.IndexAny(v, "\"' "); k >= 0 {
					return string(v[:k])
				}
			}
		}
	}
	return ""
}

// DecodeHTML turns an HTML file into a string: the encoding given by the
// caller, else a byte-order mark, else the page's declaration (in a <meta>
// element or the XML declaration, within its first 64 KiB), else what
// [Decode] detects. A declaration names any encoding [CanonicalEncoding]
// knows, and is read as HTML reads it: ISO-8859-1 and ASCII mean
// windows-1252, a declared UTF-16 means UTF-8 (the page's bytes would not
// hold the declaration if it were UTF-16: only a byte-order mark says
// UTF-16), x-user-defined means windows-1252. A page that declares a
// legacy encoding but whose bytes are UTF-8 with non-ASCII characters is
// read as UTF-8, as the declaration is then stale. Unlike Decode,
// DecodeHTML does not check the decoded text: long lines are allowed.
// Errors are as [Decode]'s, but an encoding name it does not know is an
// [*Error].
func DecodeHTML(name string, data []byte, encoding string) (string, error) {
	if len(data) > MaxFileBytes {
		return "", TooLarge(name, int64(len(data)))
	}
	enc := ""
	if encoding != "" {
		c, ok := CanonicalEncoding(encoding)
		if !ok {
			return "", Errorf(name, "unknown encoding %q (want %s)", encoding, KnownEncodings)
		}
		enc = c
	} else if !bytes.HasPrefix(data, bomUTF8) && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		if cs := htmlCharset(data); cs != "" {
			c, ok := CanonicalEncoding(cs)
			switch {
			case !ok && !utf8.Valid(data):
				return "", Errorf(name, "the page declares charset %q, which concord cannot decode; give the encoding (utf-8, gb18030, windows-1252 …) or convert the page to UTF-8", cs)
			case !ok, c == UTF8, c == UTF16, c == UTF16LE, c == UTF16BE:
				enc = UTF8
			case utf8.Valid(data) && !isASCII(data):
				enc = UTF8 // a stale declaration
			case c == "x-user-defined":
				enc = Windows1252
			default:
				enc = c
			}
		}
	}
	text, ierr := decodeText(name, data, enc)
	if ierr != nil {
		return "", ierr
	}
	return text, nil
}

// isASCII reports whether data is all ASCII.
func isASCII(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
