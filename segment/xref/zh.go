package xref

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
)

// Chinese: a scanner over 第…条…款…项…目 and 本条…, 本款…, in treaty style
// (第 17 条第 1 款(b)项(一)目) and law style (第一百二十条之一第二款第三项),
// with lists and ranges (第七条、第十条; 第 7 至第 16 条; (a)至(c)项).

// zhScanner reads Chinese references.
type zhScanner struct {
	s string
	i int
}

func (z *zhScanner) peek() rune {
	if z.i >= len(z.s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(z.s[z.i:])
	return r
}

func (z *zhScanner) skipSpace() {
	for z.i < len(z.s) {
		r, size := utf8.DecodeRuneInString(z.s[z.i:])
		if !unicode.IsSpace(r) {
			return
		}
		z.i += size
	}
}

// lit consumes one of rs (or its full-width form) after optional spaces.
func (z *zhScanner) lit(rs ...rune) bool {
	save := z.i
	z.skipSpace()
	r := z.peek()
	for _, want := range rs {
		if r == want || r >= 0xFF01 && r <= 0xFF5E && r-0xFEE0 == want {
			z.i += utf8.RuneLen(r)
			return true
		}
	}
	z.i = save
	return false
}

// word consumes w after optional spaces.
func (z *zhScanner) word(w string) bool {
	save := z.i
	z.skipSpace()
	if strings.HasPrefix(z.s[z.i:], w) {
		z.i += len(w)
		return true
	}
	z.i = save
	return false
}

// num reads a number in digits (any script and width) or Chinese numerals.
func (z *zhScanner) num() (int, bool) {
	save := z.i
	z.skipSpace()
	v, n := segment.ParseDigits(z.s[z.i:])
	if n == 0 {
		v, n = segment.ParseChineseNumber(z.s[z.i:])
	}
	if n == 0 {
		z.i = save
		return 0, false
	}
	z.i += n
	return v, true
}

// letter reads "(b)" or "（b）"; it returns the letter's number (a = 1).
func (z *zhScanner) letter() (int, bool) {
	save := z.i
	if !z.lit('(') {
		return 0, false
	}
	z.skipSpace()
	r := z.peek()
	if r >= 0xFF41 && r <= 0xFF5A {
		r -= 0xFEE0
	}
	if r < 'a' || r > 'z' {
		z.i = save
		return 0, false
	}
	z.i += utf8.RuneLen(z.peek())
	if !z.lit(')') {
		z.i = save
		return 0, false
	}
	return int(r-'a') + 1, true
}

// paren reads "(一)" or "(1)" and returns its number.
func (z *zhScanner) paren() (int, bool) {
	save := z.i
	if !z.lit('(') {
		return 0, false
	}
	v, ok := z.num()
	if !ok || !z.lit(')') {
		z.i = save
		return 0, false
	}
	return v, true
}

// zhRef is a reference being read, before it is emitted.
type zhRef struct {
	start   int
	rel     Rel
	article string
	path    []string
}

// findZh finds Chinese references.
func findZh(text string) []Ref {
	var out []Ref
	z := &zhScanner{s: text}
	// the previous reference, which a list (第七条、第十条; 第一款、第二款)
	// continues: it inherits its instrument and, for a bare 款, its article
	prevEnd, prevExt, prevArt, prevRel := -1, false, "", Absolute
	var prevLast *Ref // the last reference emitted, for ranges
	emit := func(r zhRef, ext bool, steps [][]member) {
		prevEnd, prevExt, prevArt, prevRel = z.i, ext, r.article, r.rel
		if ext {
			prevLast = nil
			return
		}
		text := strings.TrimRightFunc(text[r.start:z.i], unicode.IsSpace)
		first := len(out)
		for _, p := range expand(r.path, steps) {
			out = append(out, Ref{Text: text, Start: r.start, End: r.start + len(text), Article: r.article,
				Path: p.path, Rel: r.rel, Implied: p.implied})
		}
		if len(out) > first {
			prevLast = &out[len(out)-1]
		}
	}
	// where the next 第 and 本 stand, found again only once passed: a
	// text with thousands of references and no 本 is read once, not once
	// per reference
	nextK, nextJ := -1, -1 // absolute offsets; -1: not sought from here yet
	next := func(at *int, s string) int {
		if *at == len(text) || *at >= z.i {
			if *at == len(text) {
				return -1
			}
			return *at - z.i
		}
		if k := strings.Index(text[z.i:], s); k >= 0 {
			*at = z.i + k
			return k
		}
		*at = len(text)
		return -1
	}
	for z.i < len(text) {
		k := next(&nextK, "第")
		j := next(&nextJ, "本")
		if k < 0 && j < 0 {
			break
		}
		if j >= 0 && (k < 0 || j < k) {
			// 本条第 N 款…, 本款(b)项…: relative to the unit that holds it
			start := z.i + j
			z.i = start + len("本")
			switch {
			case z.word("条"):
				save := z.i
				if path, steps, ok := z.subPath(); ok {
					emit(zhRef{start: start, rel: InArticle, path: path}, false, steps)
				} else {
					z.i = save
				}
			case z.word("款"):
				save := z.i
				if steps := z.itemSteps(); steps != nil {
					emit(zhRef{start: start, rel: InParagraph}, false, steps)
				} else {
					z.i = save
				}
			}
			continue
		}
		start := z.i + k
		z.i = start + len("第")
		n, ok := z.num()
		if !ok {
			continue
		}
		between := ""
		if prevEnd >= 0 && prevEnd <= start {
			between = text[prevEnd:start]
		}
		listed := prevEnd >= 0 && zhListed(between)
		ranged := listed && zhRange(between)
		external := zhExternal(text[:start])
		if listed {
			external = prevExt
		}
		// a range or list whose numbers but the last have no 条:
		// 第 7 至第 16 条, 第 2、第 17、第 23 和第 35 诸条
		afterNum := z.i
		if nums, ends, rng := z.numList(); len(nums) > 0 {
			starts := []int{start}
			for _, e := range append([]int{afterNum}, ends[:len(ends)-1]...) {
				starts = append(starts, strings.Index(text[e:], "第")+e)
			}
			all := append([]int{n}, nums...)
			for k, m := range all {
				end := afterNum
				if k > 0 {
					end = ends[k-1]
				}
				if !external && k > 0 && rng[k-1] {
					out = appendRange(out, all[k-1], m, starts[k])
				}
				z.i = end
				emit(zhRef{start: starts[k], article: strconv.Itoa(m)}, external, nil)
			}
			z.i = ends[len(ends)-1]
			continue
		}
		z.i = afterNum
		switch {
		case z.lit('条'):
			art := strconv.Itoa(n)
			save := z.i
			if z.lit('之') {
				if sub, ok := z.num(); ok {
					art += "-" + strconv.Itoa(sub)
				} else {
					z.i = save
				}
			}
			path, steps, _ := z.subPath()
			if ranged && !external && prevLast != nil && prevLast.Rel == Absolute && len(prevLast.Path) == 0 && len(path) == 0 && steps == nil {
				if a, err := strconv.Atoi(prevLast.Article); err == nil {
					out = appendRange(out, a, n, start)
				}
			}
			emit(zhRef{start: start, article: art, path: path}, external, steps)
		case z.lit('款'):
			// 第 N 款 without an article: the article of the reference it
			// continues, or the article that holds it
			r := zhRef{start: start, rel: InArticle, path: []string{strconv.Itoa(n)}}
			if listed && prevRel == Absolute {
				r.article, r.rel = prevArt, Absolute
			}
			if strings.HasSuffix(strings.TrimRightFunc(text[:start], unicode.IsSpace), "前") {
				external = true // 前第二款: not a reference of this grammar
			}
			emit(r, external, z.itemSteps())
		default:
			prevEnd = -1
		}
	}
	return out
}

// appendRange adds the articles strictly between from and to, implied by
// a range whose last article is printed at end.
func appendRange(out []Ref, from, to, end int) []Ref {
	for a := from + 1; a < to && a-from <= maxRange; a++ {
		out = append(out, Ref{Start: end, End: end, Article: strconv.Itoa(a), Implied: true})
	}
	return out
}

// zhListed reports whether the text between two references makes the
// second continue the first: 、 和 或者 及 以及 至.
func zhListed(between string) bool {
	switch strings.TrimSpace(between) {
	case "、", ",", "，", "和", "或", "或者", "及", "以及", "至", "到", "与":
		return true
	}
	return false
}

// zhRange reports whether the text between two references makes a range.
func zhRange(between string) bool {
	switch strings.TrimSpace(between) {
	case "至", "到":
		return true
	}
	return false
}

// numList reads the rest of a list of article numbers whose last carries
// 条 (or 诸条): "、第 17、第 23 和第 35 诸条", " 至第 16 条". It returns the
// numbers after the first, where each ends (the last end includes 条) and
// whether each is the end of a range; nothing if the list does not end in
// 条.
func (z *zhScanner) numList() (nums, ends []int, rng []bool) {
	save := z.i
	for {
		isRange := z.lit('至', '到', '-', '—', '～', '~')
		if !isRange && !z.lit('、', '和', '或', '及', ',', '，') {
			break
		}
		if !z.lit('第') {
			break
		}
		m, ok := z.num()
		if !ok {
			break
		}
		nums = append(nums, m)
		ends = append(ends, z.i)
		rng = append(rng, isRange)
		if z.lit('条') || z.lit('诸') && z.lit('条') {
			ends[len(ends)-1] = z.i
			return nums, ends, rng
		}
	}
	z.i = save
	return nil, nil, nil
}

// subPath reads what may follow an article: 第 N 款, then items.
func (z *zhScanner) subPath() (path []string, steps [][]member, ok bool) {
	save := z.i
	if z.lit('第') {
		if n, ok := z.num(); ok && z.lit('款') {
			path = append(path, strconv.Itoa(n))
		} else {
			z.i = save
		}
	}
	steps = z.itemSteps()
	return path, steps, len(path) > 0 || steps != nil
}

// member is one unit a list names at one level of a path.
type member struct {
	seg     string
	implied bool // inside a range, not printed
}

// itemSteps reads the items that may follow a paragraph, one level a
// step: (b)项, (一)目, 第(a)项, 第(二)目, 第三项 (a law's item), 第2目 (a law's sub-item), and
// lists and ranges of them: (a)、(b)或(c)项, 第(a)至(c)项, (一)或(二)目.
// It returns nil when there is none.
func (z *zhScanner) itemSteps() [][]member {
	var steps [][]member
	for {
		save := z.i
		step := z.itemList()
		if step == nil {
			z.i = save
			return steps
		}
		steps = append(steps, step)
	}
}

// itemList reads one level of items with its keyword 项 or 目.
func (z *zhScanner) itemList() []member {
	const (
		kLetter = iota
		kParen
		kNum
	)
	one := func() (kind, v int, ok bool) {
		save := z.i
		if l, ok := z.letter(); ok {
			return kLetter, l, true
		}
		if n, ok := z.paren(); ok {
			return kParen, n, true
		}
		if z.lit('第') {
			if l, ok := z.letter(); ok { // 第(a)至(c)项
				return kLetter, l, true
			}
			if n, ok := z.paren(); ok { // 第(二)目
				return kParen, n, true
			}
			if n, ok := z.num(); ok {
				return kNum, n, true
			}
		}
		z.i = save
		return 0, 0, false
	}
	kind, v, ok := one()
	if !ok {
		return nil
	}
	vals, ranges := []int{v}, []bool{false}
	for {
		save := z.i
		isRange := z.lit('至', '到')
		if !isRange && !z.lit('、', '和', '或', '及', ',', '，') {
			break
		}
		k2, v2, ok := one()
		if !ok || k2 != kind {
			z.i = save
			break
		}
		vals, ranges = append(vals, v2), append(ranges, isRange)
	}
	// the keyword decides the kind of segment
	var mk func(int) string
	switch {
	case kind == kLetter && z.lit('项'):
		mk = segment.Letter
	case kind == kParen && z.lit('目'), kind == kNum && z.lit('项'):
		mk = segment.Roman
	case kind == kNum && z.lit('目'):
		mk = strconv.Itoa
	default:
		return nil
	}
	var out []member
	for i, n := range vals {
		if ranges[i] {
			for m := vals[i-1] + 1; m < n && m-vals[i-1] <= maxRange; m++ {
				out = append(out, member{seg: mk(m), implied: true})
			}
		}
		out = append(out, member{seg: mk(n)})
	}
	return out
}

// pathAlt is one path a reference names.
type pathAlt struct {
	path    []string
	implied bool
}

// expand returns the paths of a reference: its fixed path followed by one
// member of every step.
func expand(path []string, steps [][]member) []pathAlt {
	alts := []pathAlt{{path: path}}
	for _, step := range steps {
		var next []pathAlt
		for _, a := range alts {
			for _, m := range step {
				p := append(append([]string(nil), a.path...), m.seg)
				next = append(next, pathAlt{path: p, implied: a.implied || m.implied})
			}
		}
		alts = next
	}
	return alts
}

// zhExternal reports whether a reference that follows before points
// into another instrument: 《刑法》第二十条, 刑法第二十条, 该法第三条 — but
// not 本法第三条 or 本公约第 17 条.
func zhExternal(before string) bool {
	b := strings.TrimRightFunc(before, unicode.IsSpace)
	if strings.HasSuffix(b, "》") || strings.HasSuffix(b, "〉") {
		return true
	}
	for _, name := range []string{"法", "法典", "条例", "公约", "规定", "解释", "办法", "议定书", "宪章", "协定", "决定", "规则", "细则", "法律", "条约", "章程", "准则"} {
		if strings.HasSuffix(b, name) {
			return !strings.HasSuffix(b, "本"+name)
		}
	}
	return false
}
