package anchor

import (
	"unicode"
	"unicode/utf8"

	"concord/segment"
)

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// TokenizeWords splits s into tokens: lower-cased runs of letters,
// combining marks and digits (a simplified UAX #29 word segmentation), with
// digits of any script rewritten as ASCII digits; punctuation and spaces
// are dropped. It is the aligner's default tokenizer for every language but
// Chinese, and the one the anchors of number words are read from.
func TokenizeWords(s string) []string {
	return tokenize(s, false)
}

// TokenizeHan is TokenizeWords but for the Han characters, each of which is
// one token: the aligner's default tokenizer for Chinese.
func TokenizeHan(s string) []string {
	return tokenize(s, true)
}

// tokenize splits s into lower-cased words (runs of letters, marks and
// digits), and Han characters into single tokens when han is set. Tokens
// that need no rewriting are slices of s.
func tokenize(s string, han bool) []string {
	out := make([]string, 0, len(s)/4+1)
	start, clean := -1, true
	var b []byte
	flush := func(end int) {
		if start < 0 {
			return
		}
		if clean {
			out = append(out, s[start:end])
		} else {
			b = b[:0]
			for _, r := range s[start:end] {
				if unicode.IsDigit(r) {
					b = append(b, byte('0'+max(segment.DigitValue(r), 0)))
				} else {
					b = utf8.AppendRune(b, unicode.ToLower(r))
				}
			}
			out = append(out, string(b))
		}
		start, clean = -1, true
	}
	for i, r := range s {
		switch {
		case han && unicode.Is(unicode.Han, r):
			flush(i)
			out = append(out, s[i:i+utf8.RuneLen(r)])
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if start < 0 {
				start = i
			}
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) || (unicode.IsDigit(r) && r > '9') || (r < utf8.RuneSelf && 'A' <= r && r <= 'Z') {
				clean = false
			} else if unicode.ToLower(r) != r {
				clean = false
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}
