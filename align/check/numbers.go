package check

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
	"concord/segment/words"
	"concord/segment/xref"
)

// asciiDigits turns the text NFKC-normalised (full-width digits and
// brackets become ASCII) with Arabic-Indic and extended Arabic-Indic
// digits as ASCII ones.
func asciiDigits(s string) string {
	s = segment.NFKC(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		case r == '٫':
			return '.'
		case r == '٬':
			return ','
		}
		return r
	}, s)
}

// numberWords are number words, ordinals and month names of each
// language, folded, with their values: counterparts of digits in another
// version (four years, أربع سنوات, 29 July).
var numberWords = map[string]map[string]int{
	"en": wordTable(`one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 sixteen 16 seventeen 17 eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 sixty 60 seventy 70 eighty 80 ninety 90 hundred 100 thousand 1000 first 1 second 2 third 3 fourth 4 fifth 5 sixth 6 seventh 7 eighth 8 ninth 9 tenth 10 january 1 february 2 march 3 april 4 may 5 june 6 july 7 august 8 september 9 october 10 november 11 december 12 once 1 twice 2`),
	"fr": wordTable(`un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 onze 11 douze 12 treize 13 quatorze 14 quinze 15 seize 16 vingt 20 trente 30 quarante 40 cinquante 50 soixante 60 cent 100 mille 1000 premier 1 première 1 deuxième 2 second 2 seconde 2 troisième 3 quatrième 4 cinquième 5 sixième 6 septième 7 huitième 8 neuvième 9 dixième 10 janvier 1 février 2 mars 3 avril 4 mai 5 juin 6 juillet 7 août 8 septembre 9 octobre 10 novembre 11 décembre 12`),
	"es": wordTable(`uno 1 una 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 nueve 9 diez 10 once 11 doce 12 trece 13 catorce 14 quince 15 dieciséis 16 veinte 20 treinta 30 cuarenta 40 cincuenta 50 sesenta 60 setenta 70 ochenta 80 noventa 90 cien 100 ciento 100 mil 1000 primero 1 primera 1 segundo 2 segunda 2 tercero 3 tercera 3 cuarto 4 cuarta 4 quinto 5 quinta 5 sexto 6 séptimo 7 octavo 8 noveno 9 décimo 10 enero 1 febrero 2 marzo 3 abril 4 mayo 5 junio 6 julio 7 agosto 8 septiembre 9 setiembre 9 octubre 10 noviembre 11 diciembre 12`),
	"ru": wordTable(`один 1 одна 1 одно 1 одного 1 одной 1 два 2 две 2 двух 2 три 3 трех 3 трёх 3 четыре 4 четырех 4 четырёх 4 пять 5 пяти 5 шесть 6 шести 6 семь 7 семи 7 восемь 8 восьми 8 девять 9 девяти 9 десять 10 десяти 10 двадцать 20 двадцати 20 тридцать 30 тридцати 30 сорок 40 сорока 40 пятьдесят 50 шестьдесят 60 девяносто 90 сто 100 тысяча 1000 первый 1 первого 1 первой 1 второй 2 второго 2 третий 3 третьего 3 января 1 февраля 2 марта 3 апреля 4 мая 5 июня 6 июля 7 августа 8 сентября 9 октября 10 ноября 11 декабря 12 январь 1 февраль 2 март 3 апрель 4 май 5 июнь 6 июль 7 август 8 сентябрь 9 октябрь 10 ноябрь 11 декабрь 12`),
	"ar": wordTable(`واحد 1 واحده 1 اثنان 2 اثنين 2 اثنتان 2 اثنتين 2 ثلاث 3 ثلاثه 3 اربع 4 اربعه 4 خمس 5 خمسه 5 ست 6 سته 6 سبع 7 سبعه 7 ثمان 8 ثماني 8 ثمانيه 8 تسع 9 تسعه 9 عشر 10 عشره 10 عشرون 20 عشرين 20 ثلاثون 30 ثلاثين 30 اربعون 40 اربعين 40 خمسون 50 خمسين 50 ستون 60 ستين 60 سبعون 70 سبعين 70 ثمانون 80 ثمانين 80 تسعون 90 تسعين 90 مائه 100 مئه 100 الف 1000 اول 1 اولي 1 ثاني 2 ثانيه 2 ثالث 3 ثالثه 3 رابع 4 رابعه 4 خامس 5 خامسه 5 سادس 6 سادسه 6 سابع 7 سابعه 7 ثامن 8 ثامنه 8 تاسع 9 تاسعه 9 عاشر 10 عاشره 10 حادي 1 حاديه 1 يناير 1 فبراير 2 مارس 3 ابريل 4 مايو 5 يونيه 6 يونيو 6 يوليه 7 يوليو 7 اغسطس 8 سبتمبر 9 اكتوبر 10 نوفمبر 11 ديسمبر 12 شباط 2 اذار 3 نيسان 4 ايار 5 حزيران 6 تموز 7 اب 8 ايلول 9 مرتين 2 سنتين 2 عامين 2 يومين 2 شهرين 2`),
}

func wordTable(s string) map[string]int {
	f := strings.Fields(s)
	m := map[string]int{}
	for i := 0; i+1 < len(f); i += 2 {
		n, _ := strconv.Atoi(f[i+1])
		m[f[i]] = n
	}
	return m
}

// numbers returns the numbers of a text: those written in digits
// (outside the byte spans skip, which hold cross-references), and every
// value the text spells out in words or Chinese numerals.
func numbers(s, lang string, skip [][2]int) (digits []string, named map[string]bool) {
	named = map[string]bool{}
	inSkip := func(i int) bool {
		for _, sp := range skip {
			if i >= sp[0] && i < sp[1] {
				return true
			}
		}
		return false
	}
	// digits, with group separators folded: 1,000 1 000 1.000 → 1000
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' || (i > 0 && wordByte(s[i-1])) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		groups := []string{s[i:j]}
		seps := []string{}
		for {
			k := j
			sep := ""
			for _, p := range []string{",", ".", " ", "\u00a0", "\u202f", "'"} {
				if strings.HasPrefix(s[k:], p) {
					sep = p
					break
				}
			}
			if sep == "" {
				break
			}
			m := k + len(sep)
			e := m
			for e < len(s) && s[e] >= '0' && s[e] <= '9' {
				e++
			}
			if e == m || (sep == " " || sep == "\u00a0" || sep == "\u202f") && e-m != 3 {
				break
			}
			groups = append(groups, s[m:e])
			seps = append(seps, sep)
			j = e
		}
		if !inSkip(i) && !(j < len(s) && wordByte(s[j])) {
			digits = append(digits, normNumber(groups, seps))
		}
		i = j
	}
	// words and Chinese numerals
	table := numberWords[langtag.Base(lang)]
	prev := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		if langtag.Base(lang) == "zh" {
			for _, run := range strings.FieldsFunc(w, func(r rune) bool { return !strings.ContainsRune("〇零一二两三四五六七八九十百千万", r) }) {
				if n := zhNumeral(run); n > 0 {
					named[strconv.Itoa(n)] = true
				}
			}
			continue
		}
		f := words.Fold(w, lang)
		n, ok := table[f]
		if !ok && langtag.Base(lang) == "ar" {
			for _, p := range []string{"وال", "بال", "لل", "ال", "و", "ب", "ل"} {
				if strings.HasPrefix(f, p) {
					if n, ok = table[f[len(p):]]; ok {
						break
					}
				}
			}
		}
		if !ok {
			prev = 0
			continue
		}
		named[strconv.Itoa(n)] = true
		if prev > 0 { // twenty-five, خمسة وعشرون
			named[strconv.Itoa(prev+n)] = true
			named[strconv.Itoa(prev*n)] = true
		}
		prev = n
	}
	return digits, named
}

// wordByte reports whether b is an ASCII letter: digits glued to
// letters (A/79/L.15, 2nd) are not counted.
func wordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// normNumber joins digit groups: thousands separators go, a single
// separator before fewer or more than three digits is a decimal point.
func normNumber(groups, seps []string) string {
	if len(groups) == 1 {
		return strings.TrimLeft(groups[0], "0") + zero(groups[0])
	}
	thousands := true
	for _, g := range groups[1:] {
		if len(g) != 3 {
			thousands = false
		}
	}
	if thousands && (len(groups) > 2 || len(groups[0]) <= 3) {
		return strings.TrimLeft(strings.Join(groups, ""), "0") + zero(strings.Join(groups, ""))
	}
	// a decimal number, or numbers side by side (1.1 as a label)
	return strings.TrimLeft(groups[0], "0") + zero(groups[0]) + "." + strings.Join(groups[1:], ".")
}

func zero(s string) string {
	if strings.Trim(s, "0") == "" {
		return "0"
	}
	return ""
}

// numbersAndRefs compares the numbers and the cross-references of the
// versions of every shared unit.
func (c *checker) numbersAndRefs() {
	if len(c.docs) < 2 || c.ignore[Number] && c.ignore[Xref] {
		return
	}
	for _, a := range c.addrs {
		var vs []int
		for v := range c.docs {
			if c.units[v][a] != nil {
				vs = append(vs, v)
			}
		}
		if len(vs) < 2 || c.units[vs[0]][a].Kind == segment.KindTitle {
			// title blocks hold document symbols, sessions and dates of
			// the documents themselves, which differ by nature
			continue
		}
		refs := make([][]string, len(vs))
		digits := make([][]string, len(vs))
		wordsOf := make([]map[string]bool, len(vs))
		for k, v := range vs {
			text := asciiDigits(ownText(c.units[v][a]))
			var spans [][2]int
			refs[k], spans = findRefs(text, c.docs[v].Lang, a)
			digits[k], wordsOf[k] = numbers(text, c.docs[v].Lang, spans)
		}
		c.compareRefs(a, vs, refs)
		c.compareNumbers(a, vs, digits, wordsOf)
	}
}

func (c *checker) compareRefs(a string, vs []int, refs [][]string) {
	same := true
	for k := 1; k < len(vs); k++ {
		if strings.Join(refs[k], " ") != strings.Join(refs[0], " ") {
			same = false
		}
	}
	if same {
		return
	}
	var parts []string
	for k, v := range vs {
		sortAddrs(refs[k])
		r := strings.Join(refs[k], ", ")
		if r == "" {
			r = "none"
		}
		parts = append(parts, c.docs[v].Lang+" → "+r)
	}
	c.add(Finding{Addr: a, Kind: Xref, Langs: c.langs(vs), Message: "cross-references differ: " + strings.Join(parts, "; ")})
}

func (c *checker) compareNumbers(a string, vs []int, digits [][]string, wordsOf []map[string]bool) {
	// a number in digits in one version needs the same value, in digits
	// or words, in every other
	has := func(k int, n string) bool {
		if wordsOf[k][n] {
			return true
		}
		for _, d := range digits[k] {
			if d == n {
				return true
			}
		}
		return false
	}
	var parts []string
	for k, v := range vs {
		var odd []string
		seen := map[string]bool{}
		for _, n := range digits[k] {
			for m := range vs {
				if m != k && !has(m, n) && !seen[n] {
					seen[n] = true
					odd = append(odd, n)
				}
			}
		}
		if len(odd) > 0 {
			sortNumbers(odd)
			parts = append(parts, c.docs[v].Lang+" "+strings.Join(odd, ", "))
		}
	}
	if len(parts) == 0 {
		return
	}
	c.add(Finding{Addr: a, Kind: Number, Langs: c.langs(vs),
		Message: fmt.Sprintf("numbers differ: %s (no counterpart in another version)", strings.Join(parts, "; "))})
}

// sortNumbers sorts numbers by value (then as text).
func sortNumbers(ns []string) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, errA := strconv.ParseFloat(ns[i], 64)
		b, errB := strconv.ParseFloat(ns[j], 64)
		if errA == nil && errB == nil && a != b {
			return a < b
		}
		return ns[i] < ns[j]
	})
}

// sortAddrs sorts addresses in reading order: art.7 before art.10,
// art.2.b before art.2.c.
func sortAddrs(as []string) {
	sort.SliceStable(as, func(i, j int) bool { return addrLess(as[i], as[j]) })
}

// addrLess compares addresses segment by segment, numbers by value.
func addrLess(a, b string) bool {
	x, y := strings.Split(a, "."), strings.Split(b, ".")
	for k := 0; k < len(x) && k < len(y); k++ {
		if x[k] == y[k] {
			continue
		}
		m, errM := strconv.Atoi(x[k])
		n, errN := strconv.Atoi(y[k])
		if errM == nil && errN == nil {
			return m < n
		}
		return x[k] < y[k]
	}
	return len(x) < len(y)
}

// zhNumeral reads a whole Chinese numeral (四, 九十, 二〇二四, 一百二十),
// or returns 0.
func zhNumeral(s string) int {
	if v, n := segment.ParseChineseNumber(s); n == len(s) {
		return v
	}
	return 0
}

// findRefs returns the addresses the cross-references of s name, s being
// a text of the unit at addr, sorted, and the byte spans of the references
// as printed (numbers inside them are not compared as numbers).
func findRefs(s, lang, addr string) ([]string, [][2]int) {
	set := map[string]bool{}
	var spans [][2]int
	for _, r := range xref.Find(s, lang) {
		if a := r.Resolve(addr); a != "" {
			set[a] = true
		}
		if !r.Implied {
			spans = append(spans, [2]int{r.Start, r.End})
		}
	}
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out, spans
}
