package office

import (
	"strconv"
	"strings"
)

// Automatic list numbering, shared by the .docx, .odt and HTML readers.
//
// A list definition has up to ten levels; each has a number format
// (WordprocessingML's names: decimal, lowerLetter, lowerRoman,
// chineseCounting …), a start value and a label template in which %1 … %9
// stand for the current numbers of levels 1 … 9, each in its own level's
// format ("%1.", "(%2)", "%1.%2."). Counters are kept per list (a Word
// abstract numbering, an ODF list and the lists that continue it, an HTML
// <ol>) and are separate in the two views of tracked changes.

const maxLevels = 10

// listLevel is one level of a list definition.
type listLevel struct {
	format  string // number format; "bullet" and "none" print no number
	text    string // label template
	start   int    // the first number
	restart int    // Word's lvlRestart: -1 after any higher level (default), 0 never, n after level n
	legal   bool   // Word's isLgl: every number in the label in decimal
	sync    bool   // letters beyond z repeat (aa, bb); else they count on (aa, ab)
	suffix  string // what separates the label from the text: " " or ""
}

// listDef is a list's levels.
type listDef struct {
	levels [maxLevels]listLevel
}

// numRef is the numbering of one paragraph.
type numRef struct {
	def      *listDef
	key      string      // the counters this paragraph counts on
	inst     string      // Word's num: its start overrides apply at its first paragraph
	over     map[int]int // level → start value overriding the level's start in this instance
	level    int         // 0-based
	value    int         // > 0: the paragraph's number is value (ODF start-value, HTML value)
	quiet    bool        // a list header or continuation paragraph: no label, counters untouched
	fixed    string      // a label computed by the reader (HTML); printed as is
	fixedSet bool
}

// sep returns what follows the label.
func (n *numRef) sep() string {
	if n == nil {
		return ""
	}
	if n.fixedSet || n.def == nil {
		return " "
	}
	return n.def.levels[n.level].suffix
}

// labeler keeps the counters of one rendering of a document.
type labeler struct {
	lists map[string]*counters
	seen  map[string]bool // instances whose overrides have been applied
}

type counters struct {
	n       [maxLevels]int
	started [maxLevels]bool
}

func newLabeler() *labeler {
	return &labeler{lists: map[string]*counters{}, seen: map[string]bool{}}
}

// start returns the start value of a level for a paragraph.
func (n *numRef) start(l int) int {
	if v, ok := n.over[l]; ok {
		return v
	}
	return n.def.levels[l].start
}

// label counts the paragraph and returns its printed label ("" for none).
func (lb *labeler) label(n *numRef) string {
	if n == nil {
		return ""
	}
	if n.fixedSet {
		return n.fixed
	}
	if n.def == nil || n.quiet || n.level < 0 || n.level >= maxLevels {
		return ""
	}
	c := lb.lists[n.key]
	if c == nil {
		c = &counters{}
		lb.lists[n.key] = c
	}
	if n.inst != "" && !lb.seen[n.inst] {
		lb.seen[n.inst] = true
		for l := range n.over {
			if l >= 0 && l < maxLevels {
				c.started[l] = false
			}
		}
	}
	l := n.level
	switch {
	case n.value > 0:
		c.n[l] = n.value
	case !c.started[l]:
		c.n[l] = n.start(l)
	default:
		c.n[l]++
	}
	c.started[l] = true
	for d := l + 1; d < maxLevels; d++ {
		if r := n.def.levels[d].restart; r < 0 || (r > 0 && l < r) {
			c.started[d] = false
		}
	}
	lv := n.def.levels[l]
	if lv.format == "bullet" {
		return ""
	}
	// Expand the template.
	t := lv.text
	if !strings.Contains(t, "%") {
		return strings.TrimSpace(t)
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			i++
			if k >= maxLevels {
				continue
			}
			v := c.n[k]
			if !c.started[k] {
				v = n.start(k)
			}
			f := n.def.levels[k].format
			if lv.legal && f != "none" && f != "bullet" {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f, n.def.levels[k].sync))
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

// formatNumber prints n in a list number format; formats it does not know,
// and numbers a format cannot show, are printed in decimal.
func formatNumber(n int, format string, sync bool) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if s, ok := letters(n, "abcdefghijklmnopqrstuvwxyz", sync); ok {
			if format == "upperLetter" {
				return strings.ToUpper(s)
			}
			return s
		}
	case "lowerRoman", "upperRoman":
		if s, ok := roman(n); ok {
			if format == "lowerRoman" {
				return strings.ToLower(s)
			}
			return s
		}
	case "russianLower", "russianUpper":
		if s, ok := letters(n, "абвгдежзиклмнопрстуфхцчшщэюя", sync); ok {
			if format == "russianUpper" {
				return strings.ToUpper(s)
			}
			return s
		}
	case "arabicAlpha":
		if s, ok := letters(n, "أبتثجحخدذرزسشصضطظعغفقكلمنهوي", true); ok {
			return s
		}
	case "arabicAbjad":
		if s, ok := letters(n, "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ", true); ok {
			return s
		}
	case "hindiNumbers", "arabicIndic":
		return mapDigits(strconv.Itoa(n), "٠١٢٣٤٥٦٧٨٩")
	case "decimalFullWidth", "decimalFullWidth2":
		return mapDigits(strconv.Itoa(n), "０１２３４５６７８９")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3220 + n - 1))
		}
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting", "ideographLegalTraditional":
		if s, ok := chineseNumber(n, "零一二三四五六七八九", "十百千"); ok {
			return s
		}
	case "chineseLegalSimplified":
		if s, ok := chineseNumber(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟"); ok {
			return s
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return mapDigits(strconv.Itoa(n), "〇一二三四五六七八九")
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "lowerGreek", "upperGreek":
		if s, ok := letters(n, "αβγδεζηθικλμνξοπρστυφχψω", sync); ok {
			if format == "upperGreek" {
				return strings.ToUpper(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// letters prints n in an alphabet: a … z, then aa, bb … (sync) or aa, ab …
func letters(n int, alphabet string, sync bool) (string, bool) {
	abc := []rune(alphabet)
	k := len(abc)
	if n < 1 || n > 50*k {
		return "", false
	}
	if sync {
		return strings.Repeat(string(abc[(n-1)%k]), (n-1)/k+1), true
	}
	var out []rune
	for ; n > 0; n = (n - 1) / k {
		out = append([]rune{abc[(n-1)%k]}, out...)
	}
	return string(out), true
}

// roman prints 1 … 3999 in Roman numerals.
func roman(n int) (string, bool) {
	if n < 1 || n > 3999 {
		return "", false
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String(), true
}

// chineseNumber prints 1 … 99,999 with Chinese numerals as counted in
// documents: 十, 十一, 二十, 一百零一, 一千零一十.
func chineseNumber(n int, digits, units string) (string, bool) {
	if n < 1 || n > 99999 {
		return "", false
	}
	d := []rune(digits)
	u := []rune(units)
	if n >= 10000 {
		s, _ := chineseNumber(n/10000, digits, units)
		rest := n % 10000
		if rest == 0 {
			return s + "万", true
		}
		r, _ := chineseNumber(rest, digits, units)
		if rest < 1000 {
			r = string(d[0]) + r
		}
		return s + "万" + r, true
	}
	if n >= 10 && n < 20 {
		if n == 10 {
			return string(u[0]), true
		}
		return string(u[0]) + string(d[n-10]), true
	}
	var b []rune
	zero := false
	for p, div := 3, 1000; p >= 0; p, div = p-1, div/10 {
		q := n / div % 10
		if q == 0 {
			if len(b) > 0 {
				zero = true
			}
			continue
		}
		if zero {
			b = append(b, d[0])
			zero = false
		}
		b = append(b, d[q])
		if p > 0 {
			b = append(b, u[p-1])
		}
	}
	return string(b), true
}

// mapDigits replaces ASCII digits by the digits of another script.
func mapDigits(s, digits string) string {
	d := []rune(digits)
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(d[c-'0'])
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// odfFormat maps an OpenDocument style:num-format to a Word format name.
func odfFormat(f string, sync bool) (format string, letterSync bool) {
	switch f {
	case "":
		return "none", sync
	case "1":
		return "decimal", sync
	case "a":
		return "lowerLetter", sync
	case "A":
		return "upperLetter", sync
	case "i":
		return "lowerRoman", sync
	case "I":
		return "upperRoman", sync
	}
	switch {
	case strings.HasPrefix(f, "أ, ب, ت"):
		return "arabicAlpha", true
	case strings.HasPrefix(f, "أ, ب, ج"):
		return "arabicAbjad", true
	case strings.HasPrefix(f, "а"):
		return "russianLower", strings.Contains(f, "бб")
	case strings.HasPrefix(f, "А"):
		return "russianUpper", strings.Contains(f, "ББ")
	}
	for _, p := range odfScriptFormats {
		if strings.HasPrefix(f, p.first) {
			return p.format, sync
		}
	}
	return "decimal", sync
}

// odfScriptFormats are the Word format names of the OpenDocument formats
// of other scripts, by the numbers they begin with.
var odfScriptFormats = []struct{ first, format string }{
	{"一, 二", "chineseCounting"},
	{"〇", "ideographDigital"},
	{"壹", "chineseLegalSimplified"},
	{"甲", "ideographTraditional"},
	{"子", "ideographZodiac"},
	{"①", "decimalEnclosedCircle"},
	{"１", "decimalFullWidth"},
	{"١", "hindiNumbers"},
	{"α", "lowerGreek"},
	{"Α", "upperGreek"},
}
