package input

import (
	"bytes"
	"strings"
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

// cp1252 holds the characters of windows-1252 at 0x80–0x9F (0 where the
// code page has none).
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// DecodeHTML turns an HTML file into a string: the encoding given by the
// caller, else a byte-order mark, else the page's declaration (in a <meta>
// element or the XML declaration, within its first 64 KiB), else what
// [Decode] detects. ISO-8859-1 and windows-1252 are decoded as
// windows-1252, as browsers do. Unlike Decode, DecodeHTML does not check
// the decoded text: long lines are allowed. Errors are as [Decode]'s, but
// an encoding name it does not know is an [*Error].
func DecodeHTML(name string, data []byte, encoding string) (string, error) {
	if len(data) > MaxFileBytes {
		return "", TooLarge(name, int64(len(data)))
	}
	enc := ""
	if encoding != "" {
		c, ok := CanonicalEncoding(encoding)
		if !ok {
			return "", Errorf(name, "unknown encoding %q (want utf-8, utf-16, utf-16le, utf-16be, gb18030, gbk or big5)", encoding)
		}
		enc = c
	} else if !bytes.HasPrefix(data, bomUTF8) && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		if cs := htmlCharset(data); cs != "" {
			switch strings.ToLower(cs) {
			case "iso-8859-1", "latin1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso8859-1", "iso_8859-1", "x-cp1252":
				if !utf8.Valid(data) {
					if err := checkBinaryBytes(name, data); err != nil {
						return "", err
					}
					var b strings.Builder
					for _, c := range data {
						switch {
						case c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0:
							b.WriteRune(cp1252[c-0x80])
						default:
							b.WriteRune(rune(c))
						}
					}
					return b.String(), nil
				}
				enc = UTF8
			default:
				if c, ok := CanonicalEncoding(cs); ok {
					enc = c
				} else if !utf8.Valid(data) {
					return "", Errorf(name, "the page declares charset %q, which concord cannot decode; give the encoding (utf-8, gb18030, big5 …) or convert the page to UTF-8", cs)
				}
			}
		}
	}
	if len(data) == 0 {
		return "", Errorf(name, "empty input (0 bytes)")
	}
	e, body, decoded, ierr := chooseEncoding(name, data, enc)
	if ierr != nil {
		return "", ierr
	}
	text, ierr := decodeAs(name, body, e, enc == "", decoded)
	if ierr != nil {
		return "", ierr
	}
	return strings.TrimPrefix(text, "\uFEFF"), nil
}
