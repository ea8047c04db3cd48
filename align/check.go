package align

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/words"
)

// FindingKind says what a consistency finding is about.
type FindingKind string

// The kinds of finding Check reports.
const (
	FindMissing   FindingKind = "missing"   // a unit present in some versions only
	FindNumbering FindingKind = "numbering" // a gap or a duplicate in one version's numbering
	FindStatus    FindingKind = "status"    // status marks that differ between versions
	FindNumber    FindingKind = "number"    // numbers that differ between versions of a unit
	FindXref      FindingKind = "xref"      // cross-references that point to different targets
	FindLatin     FindingKind = "latin"     // a stray Latin word inside Chinese text
	FindBracket   FindingKind = "bracket"   // an unbalanced bracket or quotation mark
	FindTerm      FindingKind = "term"      // a defined term used or rendered inconsistently
)

// FindingKinds lists every kind of finding, in the order Check reports
// the findings of one unit.
var FindingKinds = []FindingKind{FindMissing, FindNumbering, FindStatus, FindNumber, FindXref, FindLatin, FindBracket, FindTerm}

// Finding is one inconsistency between or inside language versions.
type Finding struct {
	// Addr is the unit's address; "" for a finding about a whole
	// document (a version without any status mark).
	Addr    string
	Kind    FindingKind
	Langs   []string // the versions concerned, by language code
	Message string   // what is wrong, in one line of plain text
}

// CheckOptions control Check.
type CheckOptions struct {
	// Ignore lists the kinds of finding to leave out.
	Ignore []FindingKind
	// Segmenter cuts words for the term checks; nil: one is made.
	Segmenter *words.Segmenter
	// Glossary holds the documents' terms if already built (Terms, with
	// the same documents in the same order); nil: built with
	// NoCandidates.
	Glossary *Glossary
	// Alignment is the documents' alignment if already made; it is only
	// needed to build the glossary.
	Alignment *Alignment
}

// Check compares language versions of one text and reports, per unit
// address:
//
//   - units present in some versions only (the root of each missing
//     subtree; chapters, parts and sections do not hide the articles they
//     hold), and gaps or duplicates in one version's numbering
//     (paragraphs 1, 2, 4);
//   - status marks that differ between versions of a unit — a version
//     without any mark at all is reported once, as one finding about the
//     whole document, and left out of the unit-by-unit comparison;
//   - numbers that differ (digits in any script, with number words,
//     Chinese numerals and month names as counterparts), and
//     cross-references that point to different targets (第 17 条第 1 款(b)项
//     vs article 18, paragraph 1 (b));
//   - stray Latin words inside Chinese text, and brackets or quotation
//     marks left unbalanced (including those the parser set aside with a
//     warning);
//   - defined terms used in another form or rendered inconsistently (see
//     Terms).
//
// Findings come in the document order of their units (the first version
// first), document-level findings first; one document gives no
// cross-version findings.
func Check(docs []*segment.Document, opt CheckOptions) []Finding {
	c := &checker{docs: docs, ignore: map[FindingKind]bool{}, order: map[string]int{}}
	for _, k := range opt.Ignore {
		c.ignore[k] = true
	}
	c.index()
	c.missing()
	c.numbering()
	c.status()
	c.numbersAndRefs()
	c.latin()
	c.brackets()
	if !c.ignore[FindTerm] {
		g := opt.Glossary
		if g == nil {
			g = Terms(docs, TermOptions{Segmenter: opt.Segmenter, Alignment: opt.Alignment, NoCandidates: true})
		}
		c.terms(g)
	}
	return c.sorted()
}

// checker holds the state of one Check.
type checker struct {
	docs   []*segment.Document
	ignore map[FindingKind]bool
	units  []map[string]*segment.Unit // per version: address → unit
	order  map[string]int             // address → position in the union's document order
	out    []Finding
	// unmarked[v]: version v carries no status mark at all (while
	// another does)
	unmarked []bool
}

func (c *checker) add(f Finding) {
	if !c.ignore[f.Kind] {
		c.out = append(c.out, f)
	}
}

func (c *checker) index() {
	c.units = make([]map[string]*segment.Unit, len(c.docs))
	var order []string
	for v, d := range c.docs {
		c.units[v] = map[string]*segment.Unit{}
		us := d.AllUnits()
		pos := map[string]int{}
		for i, a := range order {
			pos[a] = i
		}
		at := -1 // position in order of the previous unit of this version
		for k, u := range us {
			c.units[v][u.Addr] = u
			if p, ok := pos[u.Addr]; ok {
				at = p
				continue
			}
			// A unit the earlier versions lack goes between its
			// predecessor and its successor in this version, in address
			// order among the units the earlier versions have there.
			end := len(order)
			for _, n := range us[k+1:] {
				if p, ok := pos[n.Addr]; ok && p > at {
					end = p
					break
				}
			}
			i := at + 1
			for i < end && !checkAddrLess(u.Addr, order[i]) {
				i++
			}
			order = append(order, "")
			copy(order[i+1:], order[i:])
			order[i] = u.Addr
			for j := i; j < len(order); j++ {
				pos[order[j]] = j
			}
			at = i
		}
	}
	for i, a := range order {
		c.order[a] = i
	}
}

// sorted returns the findings in document order, then kind order.
func (c *checker) sorted() []Finding {
	kind := map[FindingKind]int{}
	for i, k := range FindingKinds {
		kind[k] = i
	}
	pos := func(a string) int {
		if a == "" {
			return -1
		}
		if p, ok := c.order[a]; ok {
			return p
		}
		return len(c.order)
	}
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if pa, pb := pos(a.Addr), pos(b.Addr); pa != pb {
			return pa < pb
		}
		return kind[a.Kind] < kind[b.Kind]
	})
	return c.out
}

// langs returns the languages of the versions listed.
func (c *checker) langs(vs []int) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, c.docs[v].Lang)
	}
	return out
}

// checkContainer reports whether a unit kind only groups articles: its
// absence does not hide the articles it holds.
func checkContainer(k segment.Kind) bool {
	return k == segment.KindChapter || k == segment.KindPart || k == segment.KindSection || k == segment.KindSubsection
}

// checkLabel names a unit for a message: its label and heading, or the
// start of its text.
func checkLabel(u *segment.Unit) string {
	s := strings.TrimSpace(u.Label)
	h := u.Heading
	if h == "" && s == "" {
		h = u.Text
	}
	h = strings.Join(strings.Fields(h), " ")
	if utf8.RuneCountInString(h) > 40 {
		h = string([]rune(h)[:40]) + "…"
	}
	if h != "" {
		if s != "" {
			s += " "
		}
		s += h
	}
	return s
}

func (c *checker) missing() {
	if len(c.docs) < 2 {
		return
	}
	addrs := make([]string, 0, len(c.order))
	for a := range c.order {
		addrs = append(addrs, a)
	}
	sort.Slice(addrs, func(i, j int) bool { return c.order[addrs[i]] < c.order[addrs[j]] })
	for _, a := range addrs {
		var have, lack []int
		var u *segment.Unit
		for v := range c.docs {
			if x := c.units[v][a]; x != nil {
				have = append(have, v)
				if u == nil {
					u = x
				}
			} else {
				lack = append(lack, v)
			}
		}
		if len(lack) == 0 {
			continue
		}
		// report only the root of a missing subtree
		p := u.Parent
		for p != nil && checkContainer(p.Kind) && !checkContainer(u.Kind) {
			p = p.Parent
		}
		if p != nil {
			rootMissing := true
			for _, v := range lack {
				if c.units[v][p.Addr] != nil {
					rootMissing = false
				}
			}
			if rootMissing {
				continue
			}
		}
		c.add(Finding{Addr: a, Kind: FindMissing, Langs: c.langs(lack),
			Message: fmt.Sprintf("%s %q is in %s, missing in %s", u.Kind, checkLabel(u),
				strings.Join(c.langs(have), ", "), strings.Join(c.langs(lack), ", "))})
	}
}

// checkOrdinal reads the number a unit's address ends with: 4 in art.1.4,
// 2 in art.2.b, 3 in art.2.f.iii; ok is false for units without one.
func checkOrdinal(u *segment.Unit) (n int, dup bool, ok bool) {
	a := u.Addr
	if i := strings.IndexByte(a, '~'); i >= 0 {
		a, dup = a[:i], true
	}
	last := a[strings.LastIndexByte(a, '.')+1:]
	switch u.Kind {
	case segment.KindArticle, segment.KindChapter, segment.KindPart, segment.KindSection,
		segment.KindSubsection, segment.KindAnnex, segment.KindRecital, segment.KindParagraph, segment.KindSubitem:
		if strings.Contains(last, "-") { // art.120-1: 之一 articles stand between numbers
			return 0, dup, false
		}
		v, err := strconv.Atoi(last)
		return v, dup, err == nil
	case segment.KindSubparagraph:
		if last == "" || strings.Trim(last, "abcdefghijklmnopqrstuvwxyz") != "" || strings.Trim(last, last[:1]) != "" {
			return 0, dup, false
		}
		return int(last[0]-'a') + 1 + 26*(len(last)-1), dup, true
	case segment.KindItem:
		v := romanOrZero(last)
		return v, dup, v > 0
	}
	return 0, dup, false
}

// numbering reports gaps and duplicates in each version's numbering:
// articles, chapters and annexes through the whole document; paragraphs,
// subparagraphs, items and recitals among their siblings.
func (c *checker) numbering() {
	for _, d := range c.docs {
		type seq struct {
			parent string
			kind   segment.Kind
		}
		last := map[seq]int{}
		seen := map[seq]map[int]bool{}
		d.Walk(func(u *segment.Unit) bool {
			n, dup, ok := checkOrdinal(u)
			if !ok {
				return true
			}
			key := seq{kind: u.Kind}
			global := u.Kind == segment.KindArticle || checkContainer(u.Kind) || u.Kind == segment.KindAnnex
			if !global {
				if u.Parent != nil {
					key.parent = u.Parent.Addr
				} else {
					key.parent = "/"
				}
			}
			if seen[key] == nil {
				seen[key] = map[int]bool{}
			}
			prev, started := last[key]
			switch {
			case dup || seen[key][n]:
				c.add(Finding{Addr: u.Addr, Kind: FindNumbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s %q repeats number %d (line %d)", d.Name, u.Kind, checkLabel(u), n, u.Line)})
			case !started && !global && n > 1:
				c.add(Finding{Addr: u.Addr, Kind: FindNumbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s numbering starts at %d (line %d)", d.Name, u.Kind, n, u.Line)})
			case started && n > prev+1:
				c.add(Finding{Addr: u.Addr, Kind: FindNumbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s %d follows %d: %s (line %d)", d.Name, u.Kind, n, prev, checkGap(prev, n), u.Line)})
			case started && n < prev:
				c.add(Finding{Addr: u.Addr, Kind: FindNumbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s %d follows %d: out of order (line %d)", d.Name, u.Kind, n, prev, u.Line)})
			}
			seen[key][n] = true
			if n > prev || !started {
				last[key] = n
			}
			return true
		})
	}
}

// checkGap names the numbers missing between prev and n.
func checkGap(prev, n int) string {
	if n == prev+2 {
		return fmt.Sprintf("%d missing", prev+1)
	}
	return fmt.Sprintf("%d–%d missing", prev+1, n-1)
}

// status compares the status marks of the versions of every shared unit.
func (c *checker) status() {
	if len(c.docs) < 2 {
		return
	}
	marked := make([]int, len(c.docs))
	for v, d := range c.docs {
		d.Walk(func(u *segment.Unit) bool {
			if u.Status != segment.StatusOpen {
				marked[v]++
			}
			return true
		})
	}
	any := false
	for _, m := range marked {
		if m > 0 {
			any = true
		}
	}
	if !any {
		return
	}
	c.unmarked = make([]bool, len(c.docs))
	for v, d := range c.docs {
		if marked[v] > 0 {
			continue
		}
		c.unmarked[v] = true
		// how many of the units it shares with each other version those mark
		other, shared := map[int]int{}, map[int]int{}
		for a := range c.units[v] {
			for w := range c.docs {
				if w == v || marked[w] == 0 {
					continue
				}
				if x := c.units[w][a]; x != nil {
					shared[w]++
					if x.Status != segment.StatusOpen {
						other[w]++
					}
				}
			}
		}
		var parts []string
		for w := range c.docs {
			if w != v && marked[w] > 0 {
				parts = append(parts, fmt.Sprintf("%s marks %d of the %d units they share", c.docs[w].Lang, other[w], shared[w]))
			}
		}
		c.add(Finding{Kind: FindStatus, Langs: []string{d.Lang},
			Message: fmt.Sprintf("%s carries no status marks at all (%s); its units are not compared one by one", d.Name, strings.Join(parts, "; "))})
	}
	for a := range c.order {
		var vs []int
		for v := range c.docs {
			if c.units[v][a] != nil && !c.unmarked[v] {
				vs = append(vs, v)
			}
		}
		if len(vs) < 2 {
			continue
		}
		differ := false
		for _, v := range vs[1:] {
			if c.units[v][a].Status != c.units[vs[0]][a].Status {
				differ = true
			}
		}
		if !differ {
			continue
		}
		var parts []string
		for _, v := range vs {
			s := string(c.units[v][a].Status)
			if s == "" {
				s = "open"
			}
			parts = append(parts, c.docs[v].Lang+" "+s)
		}
		c.add(Finding{Addr: a, Kind: FindStatus, Langs: c.langs(vs), Message: "status differs: " + strings.Join(parts, ", ")})
	}
}

// checkOwnText is a unit's own text: heading, text and tail, without its
// sub-units.
func checkOwnText(u *segment.Unit) string {
	var parts []string
	for _, s := range []string{u.Heading, u.Text, u.Tail} {
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}

// latin reports runs of Latin letters standing between Han characters in
// Chinese text (与信息 and 通信技术系统). Upper-case acronyms (WTO) and
// letters in brackets ((b)项) are left alone.
func (c *checker) latin() {
	for _, d := range c.docs {
		if !words.IsChinese(d.Lang) {
			continue
		}
		d.Walk(func(u *segment.Unit) bool {
			for _, w := range checkStrayLatin(checkOwnText(u)) {
				c.add(Finding{Addr: u.Addr, Kind: FindLatin, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: stray Latin word %q inside Chinese text: %q (line %d)", d.Name, w.word, w.context, u.Line)})
			}
			return true
		})
	}
}

type checkLatinHit struct{ word, context string }

// checkStrayLatin finds Latin words with Han characters on both sides
// (spaces aside) in s.
func checkStrayLatin(s string) []checkLatinHit {
	var out []checkLatinHit
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !checkIsLatin(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && checkIsLatin(rs[j]) {
			j++
		}
		word := string(rs[i:j])
		l, r := i-1, j
		for l >= 0 && rs[l] == ' ' {
			l--
		}
		for r < len(rs) && rs[r] == ' ' {
			r++
		}
		lower := strings.ToUpper(word) != word
		if lower && j-i >= 2 && l >= 0 && r < len(rs) && termIsHan(rs[l]) && termIsHan(rs[r]) {
			from, to := max(0, l-4), min(len(rs), r+5)
			out = append(out, checkLatinHit{word, string(rs[from:to])})
		}
		i = j
	}
	return out
}

func checkIsLatin(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

// checkPairs are the brackets and quotation marks whose balance Check
// verifies, per script: opening and closing mark.
var checkPairs = [][2]rune{{'(', ')'}, {'（', '）'}, {'[', ']'}, {'【', '】'}, {'《', '》'}, {'〔', '〕'}, {'“', '”'}, {'«', '»'}}

// brackets reports unbalanced brackets and quotation marks: those the
// parser set aside with a warning (the stray "[" of article 58 of the L.15
// draft), and those left open or closed in a unit's own text.
func (c *checker) brackets() {
	for _, d := range c.docs {
		// units by line, for the warnings
		var byLine []*segment.Unit
		d.Walk(func(u *segment.Unit) bool { byLine = append(byLine, u); return true })
		sort.SliceStable(byLine, func(i, j int) bool { return byLine[i].Line < byLine[j].Line })
		warned := map[string]bool{}
		for _, w := range d.Warnings {
			if !strings.HasPrefix(w.Message, "unmatched") {
				continue
			}
			addr := ""
			i := sort.Search(len(byLine), func(i int) bool { return byLine[i].Line > w.Line })
			if i > 0 {
				addr = byLine[i-1].Addr
			}
			warned[addr] = true
			c.add(Finding{Addr: addr, Kind: FindBracket, Langs: []string{d.Lang},
				Message: fmt.Sprintf("%s:%d: %s", d.Name, w.Line, w.Message)})
		}
		d.Walk(func(u *segment.Unit) bool {
			if warned[u.Addr] {
				return true
			}
			for _, f := range []string{u.Heading, u.Text, u.Tail} {
				if msg := checkBalance(f, d.Lang); msg != "" {
					c.add(Finding{Addr: u.Addr, Kind: FindBracket, Langs: []string{d.Lang},
						Message: fmt.Sprintf("%s: %s (line %d)", d.Name, msg, u.Line)})
					break
				}
			}
			return true
		})
	}
}

// checkBalance returns what is unbalanced in s, or "". Arabic quotes
// (”…“, or “…” in some texts) are checked by count.
func checkBalance(s, lang string) string {
	for _, p := range checkPairs {
		if termBaseLang(lang) == "ar" && (p[0] == '“' || p[0] == '«') {
			continue
		}
		depth := 0
		for _, r := range s {
			switch r {
			case p[0]:
				depth++
			case p[1]:
				depth--
				if depth < 0 {
					return fmt.Sprintf("%q closed but never opened", string(p[1]))
				}
			}
		}
		if depth > 0 {
			return fmt.Sprintf("%q opened but never closed", string(p[0]))
		}
	}
	if termBaseLang(lang) == "ar" {
		if n, m := strings.Count(s, "”"), strings.Count(s, "“"); n != m {
			return fmt.Sprintf("%d ” against %d “", n, m)
		}
	}
	if n := strings.Count(s, "\""); n%2 == 1 {
		return `odd number of "`
	}
	return ""
}

// terms turns the glossary's issues about defined terms into findings.
func (c *checker) terms(g *Glossary) {
	for _, is := range g.Issues {
		if is.Addr == "" {
			continue // not a defined term
		}
		switch is.Kind {
		case IssueForm:
			for _, r := range is.Renderings {
				for _, a := range r.Addrs {
					c.add(Finding{Addr: a, Kind: FindTerm, Langs: []string{is.Lang},
						Message: fmt.Sprintf("defined term %q (%s) appears as %q", is.Term, is.Addr, r.Text)})
				}
			}
		case IssueRenderings:
			if len(is.Renderings) < 2 {
				continue
			}
			main, other := is.Renderings[0], is.Renderings[1]
			for _, a := range other.Addrs {
				c.add(Finding{Addr: a, Kind: FindTerm, Langs: []string{is.Lang, other.Lang},
					Message: fmt.Sprintf("defined term %q (%s) rendered in %s as %q here, as %q in %d other units",
						is.Term, is.Addr, other.Lang, other.Text, main.Text, len(main.Addrs))})
			}
		}
	}
}

// romanOrZero reads a Roman numeral, or returns 0.
func romanOrZero(s string) int {
	v, _ := segment.RomanValue(s)
	return v
}
