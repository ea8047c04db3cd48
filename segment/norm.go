package segment

import (
	"strings"
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
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
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

// digitValue returns the value of a decimal digit in any script
// (ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari…), or -1.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return -1
	}
	// Unicode decimal digits come in contiguous runs of ten starting at 0.
	for base := r; base >= r-9; base-- {
		if !unicode.IsDigit(base - 1) {
			return int(r - base)
		}
	}
	return -1
}

// scanDigits reads a run of decimal digits (any script) at the start of s and
// returns its value and byte length; n == 0 when s does not start with one.
func scanDigits(s string) (val, n int) {
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		d := digitValue(r)
		if d < 0 {
			break
		}
		if val < 1<<40 {
			val = val*10 + d
		}
		n += size
	}
	return val, n
}

// cnDigits maps Chinese numeral characters to their values.
var cnDigits = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
}

var cnUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// scanChineseNumber reads a Chinese numeral (一百二十, 十五, 二〇二四) at the
// start of s. It returns the value and byte length; n == 0 if there is none.
func scanChineseNumber(s string) (val, n int) {
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if _, ok := cnDigits[r]; !ok && cnUnits[r] == 0 {
			break
		}
		n += size
	}
	if n == 0 {
		return 0, 0
	}
	num := s[:n]
	if !strings.ContainsAny(num, "十百千") { // a digit string such as 二〇二四
		for _, r := range num {
			val = val*10 + cnDigits[r]
		}
		return val, n
	}
	cur := 0
	for _, r := range num {
		if d, ok := cnDigits[r]; ok {
			cur = d
			continue
		}
		if cur == 0 {
			cur = 1
		}
		val += cur * cnUnits[r]
		cur = 0
	}
	return val + cur, n
}

// romanValue parses a lower- or upper-case Roman numeral (i … xxxix, up to
// mmm); ok is false for anything else.
func romanValue(s string) (int, bool) {
	if s == "" || len(s) > 12 {
		return 0, false
	}
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	lower := strings.ToLower(s)
	total := 0
	for i := 0; i < len(lower); i++ {
		v, ok := vals[lower[i]]
		if !ok {
			return 0, false
		}
		if i+1 < len(lower) && vals[lower[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || toRoman(total) != lower {
		return 0, false
	}
	return total, true
}

// toRoman writes n (1…3999) as a lower-case Roman numeral.
func toRoman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	syms := []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}
	var b strings.Builder
	for _, sy := range syms {
		for n >= sy.v {
			b.WriteString(sy.s)
			n -= sy.v
		}
	}
	return b.String()
}

// letterSeg writes ordinal n (1-based) as a list letter: a … z, then aa, bb…
// as UN documents do.
func letterSeg(n int) string {
	if n <= 0 {
		return "?"
	}
	if n <= 26 {
		return string(rune('a' + n - 1))
	}
	return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
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

// isHan reports whether r is a Han character (or CJK punctuation-free ideograph).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
