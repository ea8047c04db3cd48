package diff

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
)

// CrossRef is a reference, in the text of a unit, to an article or to a
// part of one: 第 17 条第 1 款(b)项, 本条第 2 款, paragraph 1 (b) of article 17.
type CrossRef struct {
	Text       string // the reference as printed
	Start, End int    // byte offsets of Text in the text searched
	// Article is the number of the article as it appears in addresses
	// ("17", "120-1" for 第一百二十条之一), or "" for the article that holds
	// the reference (本条, this article).
	Article string
	// Path holds the address segments below the article: a paragraph "1",
	// a subparagraph "b", an item "i"; a law's 第N项 is an item, written as
	// a Roman numeral like the parser's addresses.
	Path []string
}

// CrossRefFinder finds the references to units of the same document in a
// text of language lang, in order. References to other instruments
// (《刑法》第二十条, article 3 of the Charter) are left out.
type CrossRefFinder func(text, lang string) []CrossRef

// FindCrossRefs is the default CrossRefFinder: Chinese treaty and law
// grammar (第 17 条, 第17条第1款(b)项(一)目, 第一百二十条之一第二款第三项,
// 本条第 2 款, 第 7 至第 16 条), English (article 17, articles 2 through 5,
// paragraph 1 (b) of article 17, article 17, paragraph 1, paragraph 2 of
// this article) and the article references of French, Spanish, Russian
// and Arabic. Wrap it to add a grammar:
//
//	opt.Refs = func(text, lang string) []diff.CrossRef {
//		if lang == "de" {
//			return findGerman(text)
//		}
//		return diff.FindCrossRefs(text, lang)
//	}
func FindCrossRefs(text, lang string) []CrossRef {
	switch langtag.Base(lang) {
	case "zh":
		return refsZh(text)
	case "en":
		return refsEn(text)
	case "fr", "es", "ru", "ar":
		return refsArticles(text)
	}
	return nil
}

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

// lit consumes r (or its full-width form) after optional spaces.
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

// num reads a number in digits (any width) or Chinese numerals.
func (z *zhScanner) num() (int, bool) {
	save := z.i
	z.skipSpace()
	v, n := cnNumber(z.s[z.i:])
	if n == 0 {
		z.i = save
		return 0, false
	}
	z.i += n
	return v, true
}

// letter reads "(b)" or "（b）"; it returns the letter.
func (z *zhScanner) letter() (string, bool) {
	save := z.i
	if !z.lit('(') {
		return "", false
	}
	z.skipSpace()
	r := z.peek()
	if r >= 0xFF41 && r <= 0xFF5A {
		r -= 0xFEE0
	}
	if r < 'a' || r > 'z' {
		z.i = save
		return "", false
	}
	z.i += utf8.RuneLen(z.peek())
	if !z.lit(')') {
		z.i = save
		return "", false
	}
	return string(r), true
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

// refsZh finds Chinese references.
func refsZh(text string) []CrossRef {
	var out []CrossRef
	z := &zhScanner{s: text}
	// the previous reference, which a list (第七条、第十条; 第一款、第二款)
	// continues: it inherits its instrument and, for a bare 款, its article
	prevEnd, prevExt, prevArt, prevRel := -1, false, "", false
	emit := func(r CrossRef, ext bool, rel bool) {
		prevEnd, prevExt, prevArt, prevRel = r.End, ext, r.Article, rel
		if !ext {
			out = append(out, r)
		}
	}
	for z.i < len(text) {
		k := strings.Index(text[z.i:], "第")
		j := strings.Index(text[z.i:], "本条")
		if k < 0 && j < 0 {
			break
		}
		if j >= 0 && (k < 0 || j < k) {
			// 本条第 N 款…: relative to the article that holds it
			start := z.i + j
			z.i = start + len("本条")
			save := z.i
			if path, ok := z.subPath(); ok && len(path) > 0 {
				emit(CrossRef{Text: text[start:z.i], Start: start, End: z.i, Path: path}, false, true)
			} else {
				z.i = save
			}
			continue
		}
		start := z.i + k
		z.i = start + len("第")
		n, ok := z.num()
		if !ok {
			continue
		}
		listed := prevEnd >= 0 && zhListed(text[prevEnd:start])
		external := zhExternal(text[:start])
		if listed {
			external = prevExt
		}
		// a range or list whose numbers but the last have no 条:
		// 第 7 至第 16 条, 第 2、第 17、第 23 和第 35 诸条
		afterNum := z.i
		if nums, ends := z.numList(); len(nums) > 0 {
			starts := []int{start}
			for _, e := range append([]int{afterNum}, ends[:len(ends)-1]...) {
				starts = append(starts, strings.Index(text[e:], "第")+e)
			}
			for k, m := range append([]int{n}, nums...) {
				end := afterNum
				if k > 0 {
					end = ends[k-1]
				}
				emit(CrossRef{Text: strings.TrimRightFunc(text[starts[k]:end], unicode.IsSpace), Start: starts[k], End: end, Article: strconv.Itoa(m)}, external, false)
			}
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
			path, _ := z.subPath()
			emit(CrossRef{Text: text[start:z.i], Start: start, End: z.i, Article: art, Path: path}, external, false)
		case z.lit('款'):
			// 第 N 款 without an article: the article of the reference it
			// continues, or this article
			path := []string{strconv.Itoa(n)}
			more, _ := z.itemPath()
			path = append(path, more...)
			r := CrossRef{Text: text[start:z.i], Start: start, End: z.i, Path: path}
			rel := true
			if listed && !prevRel {
				r.Article, rel = prevArt, false
			}
			if strings.HasSuffix(strings.TrimRightFunc(text[:start], unicode.IsSpace), "前") {
				external = true // 前第二款: not a reference of this grammar
			}
			emit(r, external, rel)
		default:
			prevEnd = -1
		}
	}
	return out
}

// zhListed reports whether the text between two references makes the
// second continue the first: 、 和 或者 及 以及 至.
func zhListed(between string) bool {
	b := strings.TrimSpace(between)
	switch b {
	case "、", ",", "，", "和", "或", "或者", "及", "以及", "至", "到", "与":
		return true
	}
	return false
}

// numList reads the rest of a list of article numbers whose last carries
// 条 (or 诸条): "、第 17、第 23 和第 35 诸条". It returns the numbers after
// the first and where each ends (the last end includes 条); nothing if the
// list does not end in 条.
func (z *zhScanner) numList() (nums, ends []int) {
	save := z.i
	for z.lit('至', '到', '、', '和', '或', '及', '-', '—', '～', '~', ',', '，') {
		if !z.lit('第') {
			break
		}
		m, ok := z.num()
		if !ok {
			break
		}
		nums = append(nums, m)
		ends = append(ends, z.i)
		if z.lit('条') || z.lit('诸') && z.lit('条') {
			ends[len(ends)-1] = z.i
			return nums, ends
		}
	}
	z.i = save
	return nil, nil
}

// subPath reads what may follow an article: 第 N 款, then items.
func (z *zhScanner) subPath() ([]string, bool) {
	var path []string
	save := z.i
	if z.lit('第') {
		if n, ok := z.num(); ok && z.lit('款') {
			path = append(path, strconv.Itoa(n))
		} else {
			z.i = save
		}
	}
	more, _ := z.itemPath()
	path = append(path, more...)
	return path, len(path) > 0
}

// itemPath reads (b)项, (一)目, 第三项, 第2目 after a paragraph.
func (z *zhScanner) itemPath() ([]string, bool) {
	var path []string
	for {
		save := z.i
		if l, ok := z.letter(); ok && z.lit('项') {
			path = append(path, l)
			continue
		}
		z.i = save
		if n, ok := z.paren(); ok && z.lit('目') {
			path = append(path, segment.Roman(n))
			continue
		}
		z.i = save
		if z.lit('第') {
			if n, ok := z.num(); ok {
				if z.lit('项') {
					path = append(path, segment.Roman(n))
					continue
				}
				if z.lit('目') {
					path = append(path, strconv.Itoa(n))
					continue
				}
			}
		}
		z.i = save
		return path, len(path) > 0
	}
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

// English grammar.
var (
	// paragraph 1 (b) (ii) of article 17 / of this article / above
	enParaOf = regexp.MustCompile(`(?i)\b(?:sub)?paragraphs?\s+(\d+)((?:\s*\([a-z]{1,5}\))*(?:\s+[a-z](?:\.[ivx]+)?\b)?)\s+(?:of\s+(?:this\s+article|article\s+(\d+))|above|below)`)
	// article 17, paragraph 1 (b) / articles 2 through 5 / articles 14, 15 and 16
	enArticle = regexp.MustCompile(`(?i)\barticles?\s+(\d+)((?:\s*(?:,|and|or|to|through|-|–)\s*\d+\b)*)(?:\s*,\s*paragraph\s+(\d+)((?:\s*\([a-z]{1,5}\))*))?`)
	enNum     = regexp.MustCompile(`\d+`)
	enSub     = regexp.MustCompile(`[a-z]+`)
	// of the Charter, of Protocol No. 1: another instrument
	enExternal = regexp.MustCompile(`^\s+of\s+(?:the\s+)?(?:[A-Z]|Protocol|protocol)`)
	enInternal = regexp.MustCompile(`^\s+of\s+(?:this|the\s+present|the)\s+Convention\b`)
)

// refsEn finds English references.
func refsEn(text string) []CrossRef {
	var out []CrossRef
	taken := func(s, e int) bool {
		for _, r := range out {
			if s < r.End && e > r.Start {
				return true
			}
		}
		return false
	}
	for _, m := range enParaOf.FindAllStringSubmatchIndex(text, -1) {
		path := []string{text[m[2]:m[3]]}
		path = append(path, enSubs(strings.ToLower(text[m[4]:m[5]]))...)
		art := ""
		if m[6] >= 0 {
			art = text[m[6]:m[7]]
			if enIsExternal(text[m[1]:]) {
				continue
			}
		}
		out = append(out, CrossRef{Text: text[m[0]:m[1]], Start: m[0], End: m[1], Article: art, Path: path})
	}
	for _, m := range enArticle.FindAllStringSubmatchIndex(text, -1) {
		if taken(m[0], m[1]) || enIsExternal(text[m[1]:]) {
			continue
		}
		var path []string
		if m[6] >= 0 {
			path = append(path, text[m[6]:m[7]])
			path = append(path, enSubs(strings.ToLower(text[m[8]:m[9]]))...)
		}
		first := text[m[2]:m[3]]
		if m[5] > m[4] { // a list or range: one reference per number
			out = append(out, CrossRef{Text: text[m[0]:m[3]], Start: m[0], End: m[3], Article: first})
			for _, n := range enNum.FindAllStringIndex(text[m[4]:m[5]], -1) {
				s, e := m[4]+n[0], m[4]+n[1]
				out = append(out, CrossRef{Text: text[s:e], Start: s, End: e, Article: text[s:e]})
			}
			continue
		}
		out = append(out, CrossRef{Text: text[m[0]:m[1]], Start: m[0], End: m[1], Article: first, Path: path})
	}
	sortRefs(out)
	return out
}

// enSubs reads "(b) (ii)" or "a.ii" or "a" into address segments.
func enSubs(s string) []string {
	return enSub.FindAllString(s, -1)
}

func enIsExternal(after string) bool {
	return enExternal.MatchString(after) && !enInternal.MatchString(after)
}

// French, Spanish, Russian and Arabic: article numbers only.
var articleRef = regexp.MustCompile(`(?i)(?:\barticles?|\bartículos?|стать[а-яё]*|المادة|المادتين|المواد)\s+([0-9٠-٩۰-۹]+)`)

func refsArticles(text string) []CrossRef {
	var out []CrossRef
	for _, m := range articleRef.FindAllStringSubmatchIndex(text, -1) {
		num := 0
		for _, r := range text[m[2]:m[3]] {
			num = num*10 + max(segment.DigitValue(r), 0)
		}
		out = append(out, CrossRef{Text: text[m[0]:m[1]], Start: m[0], End: m[1], Article: strconv.Itoa(num)})
	}
	return out
}

func sortRefs(rs []CrossRef) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Start < rs[j-1].Start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// refTarget is where a reference leads in one revision.
type refTarget struct {
	article *node  // the article, nil if there is none with that number
	node    *node  // the deepest unit of the path found
	full    bool   // the whole path was found
	addr    string // the address the reference names
}

// resolve follows a reference made from unit from.
func (s *side) resolve(r CrossRef, from *node) refTarget {
	var t refTarget
	if r.Article == "" {
		if from.top == nil || from.top.u.Kind != segment.KindArticle {
			return t
		}
		t.article = from.top
		t.addr = from.top.addr
	} else {
		t.addr = "art." + r.Article
		t.article = s.byAddr[t.addr]
	}
	for _, p := range r.Path {
		t.addr += "." + p
	}
	if t.article == nil {
		return t
	}
	t.node, t.full = t.article, true
	for _, seg := range r.Path {
		next := kidNum(t.node, seg)
		if next == nil {
			// a law's items sit under an unnumbered first paragraph
			if one := kidNum(t.node, "1"); one != nil {
				next = kidNum(one, seg)
			}
		}
		if next == nil {
			t.full = false
			break
		}
		t.node = next
	}
	return t
}

func kidNum(n *node, num string) *node {
	for _, k := range n.kids {
		if k.num == num {
			return k
		}
	}
	return nil
}

// refGroups returns, for each reference, the span of the list it belongs
// to: references joined by 、 和 至 , and, to, through… form one list.
func refGroups(text string, refs []CrossRef) [][2]int {
	out := make([][2]int, len(refs))
	for i := 0; i < len(refs); {
		j := i + 1
		for j < len(refs) && refs[j].Start >= refs[j-1].End && listJoin(text[refs[j-1].End:refs[j].Start]) {
			j++
		}
		for k := i; k < j; k++ {
			out[k] = [2]int{refs[i].Start, refs[j-1].End}
		}
		i = j
	}
	return out
}

// listJoin reports whether the text between two references joins them
// into a list.
func listJoin(between string) bool {
	if zhListed(between) {
		return true
	}
	switch strings.ToLower(strings.Join(strings.Fields(between), " ")) {
	case "", ",", "and", "or", "to", "through", ", and", ", or", "-", "–", "et", "à", "y", "a", "и", "или":
		return true
	}
	return false
}

// spanMap maps a stretch of the new text to the same characters in the
// old text.
type spanMap struct {
	newStart, newEnd, oldStart int
}

// sameSpans returns the stretches that a word diff finds equal in the
// old and new texts.
func sameSpans(edits []Edit) []spanMap {
	var out []spanMap
	o, n := 0, 0
	for _, e := range edits {
		switch e.Op {
		case Eq:
			out = append(out, spanMap{n, n + len(e.Text), o})
			o += len(e.Text)
			n += len(e.Text)
		case Del:
			o += len(e.Text)
		case Ins:
			n += len(e.Text)
		}
	}
	return out
}

// mapSpan maps [s, e) of the new text to the old text if it lies in one
// unchanged stretch.
func mapSpan(ms []spanMap, s, e int) (int, bool) {
	for _, m := range ms {
		if s >= m.newStart && e <= m.newEnd {
			return m.oldStart + s - m.newStart, true
		}
	}
	return 0, false
}

// staleRefs checks the references of the new revision: those whose text
// did not change while the unit they pointed to moved to another number,
// and those that point to no article at all.
func (c *matcher) staleRefs(lang string, find CrossRefFinder) []StaleRef {
	var out []StaleRef
	seen := map[string]bool{}
	add := func(s StaleRef) {
		key := s.Addr + "\x00" + string(s.Field) + "\x00" + s.Ref + "\x00" + s.Target
		if !seen[key] {
			seen[key] = true
			out = append(out, s)
		}
	}
	d := newDiffer()
	for _, n := range c.new.nodes {
		for k, f := range n.f {
			if f.raw == "" {
				continue
			}
			refs := find(f.raw, lang)
			if len(refs) == 0 {
				continue
			}
			// the references of the old text of the unit, by where they
			// start, and where each unchanged stretch of the new text was
			var oldRefs map[int]CrossRef
			var same []spanMap
			if o := n.match; o != nil {
				oldRefs = map[int]CrossRef{}
				for _, r := range find(o.f[k].raw, lang) {
					oldRefs[r.Start] = r
				}
				same = sameSpans(d.diff(fieldNames[k], &o.f[k], &n.f[k]))
			}
			groups := refGroups(f.raw, refs)
			for i, r := range refs {
				// a reference printed as before, at the same place, in a
				// list that reads as before: its old counterpart
				var or *CrossRef
				g := groups[i]
				if _, ok := mapSpan(same, g[0], g[1]); !ok {
					// the list was edited (第十六条和第十七条 → 第十五条和第十六条)
				} else if at, ok := mapSpan(same, r.Start, r.End); ok {
					if x, ok := oldRefs[at]; ok && x.Text == r.Text {
						or = &x
					}
				}
				tn := c.new.resolve(r, n)
				s := StaleRef{Addr: n.addr, Field: fieldNames[k], Ref: r.Text, Target: tn.addr}
				if r.Article != "" && tn.article == nil {
					s.Message = "points to " + tn.addr + ", which does not exist"
					if oa := c.old.byAddr["art."+r.Article]; oa != nil {
						if oa.match != nil {
							s.Now = oa.match.addr
							s.Message += "; old art." + r.Article + " is now " + s.Now
						} else {
							s.Message += "; old art." + r.Article + " was deleted"
						}
					}
					add(s)
					continue
				}
				if or == nil || tn.article == nil {
					continue
				}
				to := c.old.resolve(*or, n.match)
				if to.article == nil {
					continue
				}
				switch {
				case to.article.match == nil:
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + to.article.addr + ") was deleted"
				case to.article.match != tn.article:
					s.Now = to.article.match.addr
					meant := to.article.addr
					if to.full && len(r.Path) > 0 && to.node.match != nil {
						s.Now, meant = to.node.match.addr, to.node.addr
					}
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + meant + ") is now " + s.Now
				case to.full && len(r.Path) > 0 && to.node.match == nil:
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + to.node.addr + ") was deleted"
				case to.full && len(r.Path) > 0 && (!tn.full || to.node.match != tn.node):
					s.Now = to.node.match.addr
					s.Message = "still points to " + tn.addr + ", but the unit it meant (old " + to.node.addr + ") is now " + s.Now
				default:
					continue
				}
				add(s)
			}
		}
	}
	return out
}

// cnNumber reads a number at the start of s: digits of any script, or a
// Chinese numeral (十七, 一百二十, 二〇二四). It returns the value and the
// length in bytes.
func cnNumber(s string) (val, n int) {
	if val, n = segment.ParseDigits(s); n > 0 {
		return val, n
	}
	return segment.ParseChineseNumber(s)
}
