package segment

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is a line of source text together with its NFKC form. Markers
// are matched on the normalised form (full-width digits and brackets, ㈠,
// ideographic spaces all become their plain forms) while everything the
// parser outputs is cut from the original, so users see their own
// characters.
type normText struct {
	orig string
	norm string
	n2o  []int32 // n2o[i] is the byte offset in orig of norm byte i; len(norm)+1 entries; nil when norm is a prefix of orig
}

// markerWindow is how many runes at the start of a line are normalised for
// marker matching: labels are short, and the rest of the line is only ever
// cut from the original.
const markerWindow = 32

// newNormText normalises the start of s (markerWindow runes) rune by rune,
// keeping an offset map; the normalised text is a prefix of the line.
func newNormText(s string) normText {
	cut, n := 0, 0
	for cut < len(s) && n < markerWindow {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
		n++
	}
	t := normAll(s[:cut])
	t.orig = s
	return t
}

// normAll normalises the whole of s rune by rune, keeping an offset map.
func normAll(s string) normText {
	if IsASCII(s) {
		return normText{orig: s, norm: s}
	}
	// Most runes map to themselves: only build the offset map when one
	// does not.
	nfkcOnce.Do(initNFKCSame)
	same := true
	for i, r := range s {
		if r >= utf8.RuneSelf && (r > 0xFFFF || nfkcSame[r>>6]&(1<<(r&63)) == 0) && nfkcRune(r, s[i:]) != s[i:i+utf8.RuneLen(r)] {
			same = false
			break
		}
	}
	if same {
		return normText{orig: s, norm: s}
	}
	b := make([]byte, 0, len(s)+8)
	n2o := make([]int32, 0, len(s)+9)
	for i, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
			n2o = append(n2o, int32(i))
			continue
		}
		rep := nfkcRune(r, s[i:])
		b = append(b, rep...)
		for range len(rep) {
			n2o = append(n2o, int32(i))
		}
	}
	n2o = append(n2o, int32(len(s)))
	return normText{orig: s, norm: string(b), n2o: n2o}
}

// nfkcSame has a bit set for every rune of the Basic Multilingual Plane
// that NFKC leaves alone; it is filled on first use.
var (
	nfkcSame [0x10000 / 64]uint64
	nfkcOnce sync.Once
)

func initNFKCSame() {
	var buf [4]byte
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		if r < utf8.RuneSelf || nfkcRune(r, string(buf[:n])) == string(buf[:n]) {
			nfkcSame[r>>6] |= 1 << (r & 63)
		}
	}
}

// fullWidth holds the NFKC forms of the half- and full-width forms block
// (U+FF00–U+FFEF), the most frequent changes in Chinese text.
var fullWidth = func() []string {
	t := make([]string, 0xF0)
	for i := range t {
		t[i] = norm.NFKC.String(string(rune(0xFF00 + i)))
	}
	return t
}()

// nfkcRune returns the NFKC form of one rune; rest starts with the rune.
func nfkcRune(r rune, rest string) string {
	if r >= 0x4E00 && r <= 0x9FFF { // CJK unified ideographs never change
		return rest[:3]
	}
	if r >= 0xFF00 && r <= 0xFFEF {
		return fullWidth[r-0xFF00]
	}
	p := norm.NFKC.PropertiesString(rest)
	if p.Decomposition() == nil && p.BoundaryBefore() {
		return rest[:p.Size()]
	}
	return norm.NFKC.String(string(r))
}

// origAt maps a byte offset of the normalised text to the original text.
func (t normText) origAt(i int) int {
	if t.n2o == nil {
		return min(i, len(t.orig))
	}
	if i >= len(t.n2o) {
		return int(t.n2o[len(t.n2o)-1])
	}
	return int(t.n2o[i])
}

// NFKC returns the NFKC normal form of s, rune by rune. It is the
// normalisation concord matches numbering and marks on.
func NFKC(s string) string { return normAll(s).norm }

// IsASCII reports whether s is all ASCII, which NFKC leaves as it is.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// abjad is the order of Arabic letters used to number subparagraphs.
var abjad = []rune("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ")

// cyrillicLetters is the order of Russian letters used to number
// subparagraphs in texts that do not use Latin letters.
var cyrillicLetters = []rune("абвгдежзиклмнопрстуфхцчшщэюя")

// letterOrdinal returns the list ordinal of a single letter in any of the
// supported alphabets (Latin, Arabic abjad, Cyrillic), or 0.
func letterOrdinal(r rune) int {
	switch {
	case r >= 'a' && r <= 'z':
		return int(r-'a') + 1
	case r >= 'A' && r <= 'Z':
		return int(r-'A') + 1
	}
	if r == 'ا' || r == 'إ' || r == 'آ' {
		r = 'أ'
	}
	if r == 'ة' {
		r = 'ه'
	}
	for i, a := range abjad {
		if a == r {
			return i + 1
		}
	}
	for i, c := range cyrillicLetters {
		if c == unicode.ToLower(r) {
			return i + 1
		}
	}
	return 0
}
