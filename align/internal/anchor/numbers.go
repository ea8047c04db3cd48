package anchor

import (
	"strings"
	"unicode"

	"concord/segment"
)

var zhNumeral = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9, '十': 10, '百': 100, '千': 1000, '万': 10000, '亿': 100000000,
}

// Counters after which a single Chinese numeral is taken as a number.
const zhCounters = "条款章节项段届次年月日岁个名人只位件"

// parseZhNumeral converts a run of Chinese numerals (十七, 二十四, 二〇一五,
// 四万一千五百) to its value; ok is false for runs it cannot read.
func parseZhNumeral(rs []rune) (int64, bool) {
	hasUnit := false
	for _, r := range rs {
		if v := zhNumeral[r]; v >= 10 {
			hasUnit = true
		}
	}
	if !hasUnit { // digit by digit: 二〇一五
		var v int64
		for _, r := range rs {
			v = v*10 + int64(zhNumeral[r])
			if v > 1e15 {
				return 0, false
			}
		}
		return v, true
	}
	var total, section, cur int64
	for _, r := range rs {
		v := int64(zhNumeral[r])
		switch {
		case v == 100000000 || v == 10000:
			section += cur
			if section == 0 {
				section = 1
			}
			total += section * v
			section, cur = 0, 0
		case v >= 10:
			if cur == 0 {
				cur = 1
			}
			section += cur * v
			cur = 0
		default:
			cur = v
		}
	}
	return total + section + cur, true
}

var enNumber = map[string]int64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "threescore": 60, "fourscore": 80,
	"one": 1, "hundred": 100, "thousand": 1000, "million": 1000000,
}

var enOrdinal = map[string]int64{
	"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}

// englishNumbers reads KJV-style number words ("forty and six thousand
// and five hundred", "threescore and ten", "seventh") from lower-cased tokens.
func englishNumbers(toks []string) []int64 {
	var out []int64
	var total, cur int64
	words := 0
	onlyOne := true
	flush := func() {
		if words > 0 && !(words == 1 && onlyOne) {
			out = append(out, total+cur)
		}
		total, cur, words, onlyOne = 0, 0, 0, true
	}
	for k, t := range toks {
		if v, ok := enOrdinal[t]; ok {
			flush()
			out = append(out, v)
			continue
		}
		v, ok := enNumber[t]
		if !ok {
			if t == "and" && words > 0 && k+1 < len(toks) {
				if _, next := enNumber[toks[k+1]]; next {
					continue
				}
			}
			flush()
			continue
		}
		if v != 1 {
			onlyOne = false
		}
		words++
		switch {
		case v >= 1000:
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
		case v == 100:
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		default:
			cur += v
		}
	}
	flush()
	return out
}

func hasNumberWord(toks []string) bool {
	for _, t := range toks {
		if _, ok := enNumber[t]; ok {
			return true
		}
		if _, ok := enOrdinal[t]; ok {
			return true
		}
	}
	return false
}

// englishNumbersText reads the number words of s clause by clause, so
// that "five hundred, threescore" gives 500 and 60.
func englishNumbersText(s string) []int64 {
	var out []int64
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) && r != '-' && r != '\''
	}) {
		out = append(out, englishNumbers(TokenizeWords(part))...)
	}
	return out
}

// isNumSep reports whether r may separate groups of digits.
func isNumSep(r rune) bool {
	switch r {
	case ',', '.', ' ', '\u00a0', '\u202f', '\u2009', '\'', '\u066c', '\u066b', '，':
		return true
	}
	return false
}

// digitNumbers extracts the numbers written with digits of any script.
// Groups of exactly three digits after a separator are joined as thousands
// ("1,500", "1.500", "1 500" all read 1500); other groups are read apart, so
// "3.5" and "3,5" both give 3 and 5.
func digitNumbers(s string) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		var groups [][]byte
		var g []byte
		j := i
		for j < len(rs) && unicode.IsDigit(rs[j]) {
			g = append(g, byte('0'+max(segment.DigitValue(rs[j]), 0)))
			j++
		}
		groups = append(groups, g)
		for j+1 < len(rs) && isNumSep(rs[j]) && unicode.IsDigit(rs[j+1]) {
			k := j + 1
			var h []byte
			for k < len(rs) && unicode.IsDigit(rs[k]) {
				h = append(h, byte('0'+max(segment.DigitValue(rs[k]), 0)))
				k++
			}
			groups = append(groups, h)
			j = k
		}
		// Join thousands groups.
		cur := groups[0]
		for gi := 1; gi < len(groups); gi++ {
			if len(groups[gi]) == 3 && len(groups[0]) <= 3 {
				cur = append(cur, groups[gi]...)
				continue
			}
			out = append(out, trimZeros(cur))
			cur = groups[gi]
		}
		out = append(out, trimZeros(cur))
		i = j
	}
	return out
}

func trimZeros(b []byte) string {
	s := strings.TrimLeft(string(b), "0")
	if s == "" {
		return "0"
	}
	return s
}

func itoa(v int64) string {
	if v == 0 {
		return "0"
	}
	var buf [24]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}
