package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The numbering helpers below are the one place concord reads and writes the
// numbers of labels and cross-references: digits of any script, Chinese
// numerals, Roman numerals and list letters.

// DigitValue returns the value of a decimal digit in any script (ASCII,
// full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari…), or -1.
func DigitValue(r rune) int {
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

// MaxNumber is the greatest number the numbering helpers read exactly: a
// larger one reads as MaxNumber+1, whatever its digits, so that it never
// wraps around or loses digits unseen. No label carries such a number (the
// parser reads a line that starts with one as text, with a warning).
const MaxNumber = 999_999_999

// ParseDigits reads a run of decimal digits (any script) at the start of s
// and returns its value (MaxNumber+1 beyond MaxNumber) and byte length;
// n == 0 when s does not start with one.
func ParseDigits(s string) (val, n int) {
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		d := DigitValue(r)
		if d < 0 {
			break
		}
		val = min(val*10+d, MaxNumber+1)
		n += size
	}
	return val, n
}

// cnDigits maps Chinese numeral characters to their values.
var cnDigits = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
}

var cnUnits = map[rune]int{'十': 10, '百': 100, '千': 1000, '万': 10000}

// ParseChineseNumber reads a Chinese numeral (一百二十, 十五, 二〇二四,
// 三万五千) at the start of s. It returns the value (MaxNumber+1 beyond
// MaxNumber) and byte length; n == 0 if there is none.
func ParseChineseNumber(s string) (val, n int) {
	val, n = chineseNumber(s)
	return min(val, MaxNumber+1), n
}

// chineseNumber is ParseChineseNumber without the cap; its arithmetic
// saturates at MaxNumber+1 so that it cannot wrap around.
func chineseNumber(s string) (val, n int) {
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
	const over = MaxNumber + 1
	if !strings.ContainsAny(num, "十百千万") { // a digit string such as 二〇二四
		for _, r := range num {
			val = min(val*10+cnDigits[r], over)
		}
		return val, n
	}
	section, cur := 0, 0
	for _, r := range num {
		if d, ok := cnDigits[r]; ok {
			cur = d
			continue
		}
		if r == '万' {
			val = min(val+min(section+cur, over)*10000, over)
			section, cur = 0, 0
			continue
		}
		if cur == 0 {
			cur = 1
		}
		section = min(section+cur*cnUnits[r], over)
		cur = 0
	}
	return min(val+section+cur, over), n
}

// RomanValue parses a lower- or upper-case Roman numeral (i … mmm); ok is
// false for anything that is not one, in its canonical form.
func RomanValue(s string) (int, bool) {
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
	if total <= 0 || Roman(total) != lower {
		return 0, false
	}
	return total, true
}

// Roman writes n (1…3999) as a lower-case Roman numeral, as item addresses
// are written; other numbers in decimal.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
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

// Letter writes ordinal n (1-based) as a list letter, as subparagraph
// addresses are written: a … z, then aa, bb… as UN documents do.
func Letter(n int) string {
	if n <= 0 {
		return "?"
	}
	if n <= 26 {
		return string(rune('a' + n - 1))
	}
	return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
}
