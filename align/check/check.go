package check

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/align"
	"concord/align/terms"
	"concord/segment"
	"concord/segment/langtag"
	"concord/segment/words"
)

// Kind says what a consistency finding is about.
type Kind string

// The kinds of finding Run reports.
const (
	Missing   Kind = "missing"   // a unit present in some versions only
	Numbering Kind = "numbering" // a gap or a duplicate in one version's numbering
	Status    Kind = "status"    // status marks that differ between versions
	Number    Kind = "number"    // numbers that differ between versions of a unit
	Xref      Kind = "xref"      // cross-references that point to different targets
	Latin     Kind = "latin"     // a stray Latin word inside Chinese text
	Bracket   Kind = "bracket"   // an unbalanced bracket or quotation mark
	Term      Kind = "term"      // a defined term used or rendered inconsistently
)

// Kinds lists every kind of finding, in the order Run reports
// the findings of one unit.
var Kinds = []Kind{Missing, Numbering, Status, Number, Xref, Latin, Bracket, Term}

// Report is the result of Run: the versions compared and the findings.
type Report struct {
	Names    []string  // the name of each version's document, in input order
	Langs    []string  // the language of each version
	Findings []Finding // in document order (see Run)
}

// Finding is one inconsistency between or inside language versions.
type Finding struct {
	// Addr is the unit's address; "" for a finding about a whole
	// document (a version without any status mark).
	Addr    string
	Kind    Kind
	Langs   []string // the versions concerned, by language code
	Message string   // what is wrong, in one line of plain text
}

// Options control Run.
type Options struct {
	// Ignore lists the kinds of finding to leave out.
	Ignore []Kind
	// Segmenter cuts words for the term checks; nil: one is made.
	Segmenter *words.Segmenter
	// Glossary holds the documents' terms if already built (Terms, with
	// the same documents in the same order); nil: built with
	// NoCandidates.
	Glossary *terms.Glossary
	// Alignment is the documents' alignment if already made; it is only
	// needed to build the glossary.
	Alignment *align.Alignment
}

// Run compares language versions of one text and reports, per unit
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
func Run(docs []*segment.Document, opt Options) (*Report, error) {
	c := &checker{docs: docs, ignore: map[Kind]bool{}, order: map[string]int{}}
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
	if !c.ignore[Term] {
		g := opt.Glossary
		if g == nil {
			var err error
			g, err = terms.Extract(docs, terms.Options{Segmenter: opt.Segmenter, Alignment: opt.Alignment, NoCandidates: true})
			if err != nil {
				return nil, err
			}
		}
		c.terms(g)
	}
	r := &Report{Findings: c.sorted()}
	for _, d := range docs {
		r.Names = append(r.Names, d.Name)
		r.Langs = append(r.Langs, d.Lang)
	}
	return r, nil
}

// checker holds the state of one Run.
type checker struct {
	docs   []*segment.Document
	ignore map[Kind]bool
	units  []map[string]*segment.Unit // per version: address → unit
	order  map[string]int             // address → position in the union's document order
	addrs  []string                   // the addresses of the units of every version, in that order
	out    []Finding
	// unmarked[v]: version v carries no status mark at all (while
	// another does)
	unmarked []bool
	scans    int // units index compared while placing new units (its work, bounded by the units)
}

func (c *checker) add(f Finding) {
	if !c.ignore[f.Kind] {
		c.out = append(c.out, f)
	}
}

// index gathers the units of every version by address and orders the
// addresses of all versions in one document order: the first version's,
// with each unit the earlier versions lack placed after its predecessor in
// its own version and before its successor, in address order among the
// units the earlier versions have there. It takes time linear in the
// number of units: the units a version adds are placed gap by gap and
// spliced in at once, and the scans of versions whose order disagrees
// with the earlier ones are bounded (past the bound, a new unit goes right
// after its predecessor).
func (c *checker) index() {
	c.units = make([]map[string]*segment.Unit, len(c.docs))
	var order []string
	for v, d := range c.docs {
		c.units[v] = map[string]*segment.Unit{}
		us := slices.Collect(d.All())
		for _, u := range us {
			c.units[v][u.Addr] = u
		}
		if v == 0 {
			for _, u := range us {
				order = append(order, u.Addr)
			}
			continue
		}
		pos := make(map[string]int, len(order))
		for i, a := range order {
			pos[a] = i
		}
		// after[q+1]: the new units that go right after order[q]
		after := make([][]string, len(order)+1)
		added := 0
		budget := 4 * (len(order) + len(us))
		defer func(b int) { c.scans += b - budget }(budget)
		q := -1   // the slot after the last unit placed
		end := -1 // where the current gap ends in order; -1: not sought yet
		for k, u := range us {
			if p, ok := pos[u.Addr]; ok {
				q, end = p, -1
				continue
			}
			if end < 0 { // the gap ends at the next unit the earlier versions have, if it is later
				end = len(order)
				for _, n := range us[k+1:] {
					if budget--; budget < 0 {
						end = q + 1
						break
					}
					if p, ok := pos[n.Addr]; ok && p > q {
						end = p
						break
					}
				}
			}
			for q+1 < end && budget > 0 && !addrLess(u.Addr, order[q+1]) {
				q++
				budget--
			}
			after[q+1] = append(after[q+1], u.Addr)
			added++
		}
		merged := make([]string, 0, len(order)+added)
		merged = append(merged, after[0]...)
		for i, a := range order {
			merged = append(merged, a)
			merged = append(merged, after[i+1]...)
		}
		order = merged
	}
	for i, a := range order {
		c.order[a] = i
	}
	c.addrs = order
}

// sorted returns the findings in document order, then kind order.
func (c *checker) sorted() []Finding {
	kind := map[Kind]int{}
	for i, k := range Kinds {
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

// container reports whether a unit kind only groups articles: its
// absence does not hide the articles it holds.
func container(k segment.Kind) bool {
	return k == segment.KindChapter || k == segment.KindPart || k == segment.KindSection || k == segment.KindSubsection
}

// label names a unit for a message: its label and heading, or the
// start of its text.
func label(u *segment.Unit) string {
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
	for _, a := range c.addrs {
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
		for p != nil && container(p.Kind) && !container(u.Kind) {
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
		c.add(Finding{Addr: a, Kind: Missing, Langs: c.langs(lack),
			Message: fmt.Sprintf("%s %q is in %s, missing in %s", u.Kind, label(u),
				strings.Join(c.langs(have), ", "), strings.Join(c.langs(lack), ", "))})
	}
}

// ordinal reads the number a unit's address ends with: 4 in art.1.4,
// 2 in art.2.b, 3 in art.2.f.iii; ok is false for units without one.
func ordinal(u *segment.Unit) (n int, dup bool, ok bool) {
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
		for u := range d.All() {
			n, dup, ok := ordinal(u)
			if !ok {
				continue
			}
			key := seq{kind: u.Kind}
			global := u.Kind == segment.KindArticle || container(u.Kind) || u.Kind == segment.KindAnnex
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
				c.add(Finding{Addr: u.Addr, Kind: Numbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s %q repeats number %d (line %d)", d.Name, u.Kind, label(u), n, u.Line)})
			case !started && !global && n > 1:
				c.add(Finding{Addr: u.Addr, Kind: Numbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s numbering starts at %d (line %d)", d.Name, u.Kind, n, u.Line)})
			case started && n > prev+1:
				c.add(Finding{Addr: u.Addr, Kind: Numbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s %d follows %d: %s (line %d)", d.Name, u.Kind, n, prev, gap(prev, n), u.Line)})
			case started && n < prev:
				c.add(Finding{Addr: u.Addr, Kind: Numbering, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: %s %d follows %d: out of order (line %d)", d.Name, u.Kind, n, prev, u.Line)})
			}
			seen[key][n] = true
			if n > prev || !started {
				last[key] = n
			}
		}
	}
}

// gap names the numbers missing between prev and n.
func gap(prev, n int) string {
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
		for u := range d.All() {
			if u.Status != segment.StatusOpen {
				marked[v]++
			}

		}
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
		c.add(Finding{Kind: Status, Langs: []string{d.Lang},
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
		c.add(Finding{Addr: a, Kind: Status, Langs: c.langs(vs), Message: "status differs: " + strings.Join(parts, ", ")})
	}
}

// ownText is a unit's own text: heading, text and tail, without its
// sub-units.
func ownText(u *segment.Unit) string {
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
		if langtag.Base(d.Lang) != "zh" {
			continue
		}
		for u := range d.All() {
			for _, w := range strayLatin(ownText(u)) {
				c.add(Finding{Addr: u.Addr, Kind: Latin, Langs: []string{d.Lang},
					Message: fmt.Sprintf("%s: stray Latin word %q inside Chinese text: %q (line %d)", d.Name, w.word, w.context, u.Line)})
			}

		}
	}
}

type latinHit struct{ word, context string }

// strayLatin finds Latin words with Han characters on both sides
// (spaces aside) in s.
func strayLatin(s string) []latinHit {
	var out []latinHit
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isLatin(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isLatin(rs[j]) {
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
		if lower && j-i >= 2 && l >= 0 && r < len(rs) && isHan(rs[l]) && isHan(rs[r]) {
			from, to := max(0, l-4), min(len(rs), r+5)
			out = append(out, latinHit{word, string(rs[from:to])})
		}
		i = j
	}
	return out
}

func isLatin(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

// pairs are the brackets and quotation marks whose balance Run
// verifies, per script: opening and closing mark.
var pairs = [][2]rune{{'(', ')'}, {'（', '）'}, {'[', ']'}, {'【', '】'}, {'《', '》'}, {'〔', '〕'}, {'“', '”'}, {'«', '»'}}

// brackets reports unbalanced brackets and quotation marks: those the
// parser set aside with a warning (the stray "[" of article 58 of the L.15
// draft), and those left open or closed in a unit's own text.
func (c *checker) brackets() {
	for _, d := range c.docs {
		// units by line, for the warnings
		var byLine []*segment.Unit
		for u := range d.All() {
			byLine = append(byLine, u)
		}
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
			c.add(Finding{Addr: addr, Kind: Bracket, Langs: []string{d.Lang},
				Message: fmt.Sprintf("%s:%d: %s", d.Name, w.Line, w.Message)})
		}
		for u := range d.All() {
			if warned[u.Addr] {
				continue
			}
			for _, f := range []string{u.Heading, u.Text, u.Tail} {
				if msg := balance(f, d.Lang); msg != "" {
					c.add(Finding{Addr: u.Addr, Kind: Bracket, Langs: []string{d.Lang},
						Message: fmt.Sprintf("%s: %s (line %d)", d.Name, msg, u.Line)})
					break
				}
			}

		}
	}
}

// balance returns what is unbalanced in s, or "". Arabic quotes
// (”…“, or “…” in some texts) are checked by count.
func balance(s, lang string) string {
	for _, p := range pairs {
		if langtag.Base(lang) == "ar" && (p[0] == '“' || p[0] == '«') {
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
	if langtag.Base(lang) == "ar" {
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
func (c *checker) terms(g *terms.Glossary) {
	for _, is := range g.Issues {
		if is.Addr == "" {
			continue // not a defined term
		}
		switch is.Kind {
		case terms.IssueForm:
			for _, r := range is.Renderings {
				for _, a := range r.Addrs {
					c.add(Finding{Addr: a, Kind: Term, Langs: []string{is.Lang},
						Message: fmt.Sprintf("defined term %q (%s) appears as %q", is.Term, is.Addr, r.Text)})
				}
			}
		case terms.IssueRenderings:
			if len(is.Renderings) < 2 {
				continue
			}
			main, other := is.Renderings[0], is.Renderings[1]
			for _, a := range other.Addrs {
				c.add(Finding{Addr: a, Kind: Term, Langs: []string{is.Lang, other.Lang},
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

// isHan reports whether r is a Han character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
