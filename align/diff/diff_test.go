package diff

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/segment"
	"concord/segment/xref"
)

// revL15 returns the text of the embedded L.15 draft.
func revL15(t testing.TB) string {
	t.Helper()
	_, data := corpora.Default()
	return string(data)
}

// run parses two texts, compares them and checks the report's
// invariants.
func run(t testing.TB, oldText, newText, lang string, opt Options) (*Report, *segment.Document, *segment.Document) {
	t.Helper()
	old := testdocs.LoadLang(t, "old.txt", oldText, lang)
	new := testdocs.LoadLang(t, "new.txt", newText, lang)
	r, err := Compare(old, new, opt)
	if err != nil {
		t.Fatal(err)
	}
	check(t, old, new, r)
	return r, old, new
}

// replace replaces exactly one occurrence of from.
func replace(t testing.TB, s, from, to string) string {
	t.Helper()
	if n := strings.Count(s, from); n != 1 {
		t.Fatalf("%q occurs %d times, want 1", from, n)
	}
	return strings.Replace(s, from, to, 1)
}

// check checks what every report must satisfy: every unit of both
// revisions is in exactly one change, and each change's edits turn the old
// fields into the new ones.
func check(t testing.TB, old, new *segment.Document, r *Report) {
	t.Helper()
	seen := [2]map[string]int{{}, {}}
	for _, c := range r.Changes {
		if c.OldAddr != "" && c.Implicit != "old" {
			seen[0][c.OldAddr]++
		}
		if c.NewAddr != "" && c.Implicit != "new" {
			seen[1][c.NewAddr]++
		}
		of := fieldsOf(t, old, c.OldAddr, c.Implicit == "old")
		nf := fieldsOf(t, new, c.NewAddr, c.Implicit == "new")
		for k, f := range fieldNames {
			var o, n strings.Builder
			any := false
			for _, e := range c.Edits {
				if e.Field != f {
					continue
				}
				any = true
				if e.Op != Ins {
					o.WriteString(e.Text)
				}
				if e.Op != Del {
					n.WriteString(e.Text)
				}
			}
			if !any {
				if of[k] != nf[k] {
					t.Errorf("%s → %s: no edits for %s, but %q ≠ %q", c.OldAddr, c.NewAddr, f, of[k], nf[k])
				}
				continue
			}
			if o.String() != of[k] || n.String() != nf[k] {
				t.Errorf("%s → %s: edits of %s give %q → %q, want %q → %q", c.OldAddr, c.NewAddr, f, o.String(), n.String(), of[k], nf[k])
			}
		}
	}
	for i, d := range []*segment.Document{old, new} {
		for k, u := range slices.Collect(d.All()) {
			addr := u.Addr
			if addr == "" {
				addr = "?" + strconv.Itoa(k)
			}
			if seen[i][addr] != 1 {
				t.Errorf("%s: %s is in %d changes, want 1", d.Name, addr, seen[i][addr])
			}
			delete(seen[i], addr)
		}
		for a := range seen[i] {
			t.Errorf("%s: change names %s, which is not a unit", d.Name, a)
		}
	}
}

// fieldsOf returns the heading, text and tail of a unit ("" for none);
// an implicit first paragraph has its article's text.
func fieldsOf(t testing.TB, d *segment.Document, addr string, implicit bool) [3]string {
	if addr == "" {
		return [3]string{}
	}
	if implicit {
		addr = segment.ParentAddr(addr)
	}
	var u *segment.Unit
	if n, err := strconv.Atoi(strings.TrimPrefix(addr, "?")); err == nil && strings.HasPrefix(addr, "?") {
		u = slices.Collect(d.All())[n]
	}
	if u == nil {
		for x := range d.All() {
			if x.Addr == addr {
				u = x
				break
			}
		}
	}
	if u == nil {
		t.Fatalf("%s: no unit %s", d.Name, addr)
	}
	if implicit {
		return [3]string{"", u.Text, ""}
	}
	return [3]string{u.Heading, u.Text, u.Tail}
}

// lines lists the substantive changes as "op old new" lines.
func lines(r *Report) []string {
	var out []string
	for _, c := range r.Changes {
		if !c.Substantive(r.Strict) {
			continue
		}
		s := fmt.Sprintf("%s %s %s", c.Op, c.OldAddr, c.NewAddr)
		if c.Changed && c.Op != Changed {
			s += " +changed"
		}
		if st := c.StatusChanged(); st {
			s += fmt.Sprintf(" status %q→%q", c.OldStatus, c.NewStatus)
		}
		out = append(out, strings.Join(strings.Fields(s), " "))
	}
	return out
}

func wantLines(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestIdentical(t *testing.T) {
	l15 := revL15(t)
	r, old, _ := run(t, l15, l15, "", Options{})
	if r.Substantive() || len(r.StaleRefs) > 0 || len(r.Transitions) > 0 {
		t.Errorf("identical texts: %+v", r.Summary)
	}
	if n := len(slices.Collect(old.All())); r.Summary.Units.Unchanged != n || len(r.Changes) != n {
		t.Errorf("%d unchanged of %d changes, want %d", r.Summary.Units.Unchanged, len(r.Changes), n)
	}
}

// articleLabel matches the label of an article heading of L.15.
var articleLabel = regexp.MustCompile(`(?m)^第 ?(\d+) ?条\.`)

// insertArticle inserts an article before article at of L.15 and
// renumbers the headings of the articles after it, leaving the
// cross-references as they are.
func insertArticle(t testing.TB, text string, at int) string {
	t.Helper()
	text = articleLabel.ReplaceAllStringFunc(text, func(m string) string {
		n, _ := strconv.Atoi(articleLabel.FindStringSubmatch(m)[1])
		if n < at {
			return m
		}
		return fmt.Sprintf("第 %d 条.", n+1)
	})
	anchor := fmt.Sprintf("第 %d 条.", at+1)
	return replace(t, text, anchor, fmt.Sprintf("第 %d 条. 保护举报人\n\n各缔约国均应考虑在本国法律制度中纳入适当措施，以便对出于合理理由善意向主管机关举报与根据本公约确立的犯罪有关的任何事实的任何人员提供保护，使其不致受到任何不公正待遇。\n\n%s", at, anchor))
}

func TestInsertArticle(t *testing.T) {
	l15 := revL15(t)
	r, _, _ := run(t, l15, insertArticle(t, l15, 17), "", Options{})
	a := r.Summary.Articles
	if a.Old != 68 || a.New != 69 || a.Added != 1 || a.Renumbered != 52 || a.Changed+a.Moved+a.Deleted+a.ContentEdited != 0 {
		t.Errorf("articles: %+v, want 1 added and 52 renumbered, nothing else", a)
	}
	var want []string
	want = append(want, "added art.17")
	for n := 17; n <= 68; n++ {
		want = append(want, fmt.Sprintf("renumbered art.%d art.%d", n, n+1))
	}
	var got []string
	for _, c := range r.Changes {
		if c.Substantive(false) {
			if c.Kind == segment.KindArticle {
				got = append(got, strings.Join(strings.Fields(fmt.Sprintf("%s %s %s", c.Op, c.OldAddr, c.NewAddr)), " "))
			} else if c.OldAddr != "" {
				t.Errorf("%s → %s: %s, want only article changes", c.OldAddr, c.NewAddr, c.Op)
			}
		}
	}
	slices.SortFunc(got, func(a, b string) int { return numCmp(a, b) })
	slices.SortFunc(want, func(a, b string) int { return numCmp(a, b) })
	wantLines(t, got, want)

	// every reference to an article from 17 on is stale, and says where
	// the article went: the oracle reads the references of the old text
	var want2 []string
	old := testdocs.LoadLang(t, "old.txt", l15, "")
	shift := func(addr string) string { // old address → new address
		parts := strings.SplitN(addr, ".", 3)
		if parts[0] != "art" {
			return addr
		}
		if n, _ := strconv.Atoi(parts[1]); n >= 17 {
			parts[1] = strconv.Itoa(n + 1)
		}
		return strings.Join(parts, ".")
	}
	for u := range old.All() {
		for k, f := range []string{u.Heading, u.Text, u.Tail} {
			seen := map[string]bool{}
			for _, ref := range xref.Find(f, "zh") {
				if ref.Implied || ref.Rel != xref.Absolute {
					continue
				}
				n, _ := strconv.Atoi(ref.Article)
				line := fmt.Sprintf("%s %s %s → art.%d", shift(u.Addr), fieldNames[k], ref.Text, n+1)
				if len(ref.Path) > 0 {
					line += "." + strings.Join(ref.Path, ".")
				}
				if n >= 17 && !seen[line] {
					seen[line] = true
					want2 = append(want2, line)
				}
			}
		}

	}
	var stale []string
	for _, s := range r.StaleRefs {
		stale = append(stale, s.Addr+" "+string(s.Field)+" "+s.Ref+" → "+s.Now)
		if !strings.Contains(s.Message, "is now "+s.Now) {
			t.Errorf("%s: message %q does not say where the article went", s.Addr, s.Message)
		}
	}
	if len(want2) < 40 {
		t.Fatalf("only %d references to articles from 17 on in L.15", len(want2))
	}
	wantLines(t, stale, want2)
	if !slices.ContainsFunc(r.StaleRefs, func(s StaleRef) bool {
		return s.Addr == "art.2.m" && s.Ref == "第 17 条" && s.Target == "art.17" && s.Now == "art.18"
	}) {
		t.Errorf("art.2.m 第 17 条 not flagged: %v", r.StaleRefs)
	}
}

// numCmp orders "op art.N art.M" lines by their numbers.
func numCmp(a, b string) int {
	key := func(s string) string {
		return regexp.MustCompile(`\d+`).ReplaceAllStringFunc(s, func(d string) string { return fmt.Sprintf("%06s", d) })
	}
	return strings.Compare(key(a), key(b))
}

func TestEdits(t *testing.T) {
	l15 := revL15(t)
	text := l15
	// a word edit
	text = replace(t, text, "将无权情况下故意访问信息", "将无权情况下故意非法侵入信息")
	// status: a mark removed, a mark added
	text = replace(t, text, "- (a) 更高效和更有效地促进和加强预防和打击网络犯罪的措施；[暂定]", "- (a) 更高效和更有效地促进和加强预防和打击网络犯罪的措施；")
	text = replace(t, text, "(a) 预防、侦查和起诉根据本公约确立的刑事犯罪，包括冻结、扣押、没收和返还此等犯罪的所得；", "(a) 预防、侦查和起诉根据本公约确立的刑事犯罪，包括冻结、扣押、没收和返还此等犯罪的所得；[暂定]")
	// form only: half-width punctuation, spaces between Han characters
	text = replace(t, text, "除本公约另有规定外，本公约适用于：", "除本公约另有规定外, 本公约 适用于:")
	// a paragraph moved to another article
	moved := "2. 本条中的任何内容均不得解释为根据本公约确立刑事犯罪。\n"
	text = replace(t, text, moved, "")
	para := "2. 本公约的任何规定均不得解释为允许根据适用的国际人权法和以符合此类人权法的方式压制人权或基本自由，包括与言论、良心、见解、宗教或信仰自由、和平集会和结社自由相关的权利。\n"
	text = replace(t, text, para, para+"3. 本条中的任何内容均不得解释为根据本公约确立刑事犯罪。\n")
	// a footnote added, and its mark in the closing formula
	text = replace(t, text, "以昭信守。¹", "以昭信守。¹²")
	text = strings.TrimRight(text, "\n") + "\n\n² 本脚注为测试而加。\n"

	r, _, _ := run(t, l15, text, "", Options{})
	wantLines(t, lines(r), []string{
		`changed art.1.a art.1.a status "ad-ref"→""`,
		`changed art.3.a art.3.a status ""→"ad-ref"`,
		`moved art.4.2 art.6.3`,
		`changed art.7.1 art.7.1`,
		`added fn.2`,
	})
	wantLines(t, transitionLines(r), []string{"→ad-ref 1 [art.3.a]", "ad-ref→ 1 [art.1.a]"})
	for _, c := range r.Changes {
		switch c.NewAddr {
		case "art.7.1":
			wantLines(t, editLines(c), []string{"text - 访问", "text + 非法侵入"})
		case "art.3":
			if c.Op != Unchanged || !c.FormOnly || c.Changed {
				t.Errorf("art.3: %s form-only %v changed %v, want unchanged, form only", c.Op, c.FormOnly, c.Changed)
			}
		case "closing":
			if c.Op != Unchanged {
				t.Errorf("closing: %s, want unchanged (a footnote is a unit of its own)", c.Op)
			}
		}
	}
	if r.Summary.Articles.ContentEdited != 0 {
		t.Errorf("%d articles edited, want none: the changes are in paragraphs", r.Summary.Articles.ContentEdited)
	}
}

// transitionLines formats the status transitions.
func transitionLines(r *Report) []string {
	var out []string
	for _, tr := range r.Transitions {
		out = append(out, fmt.Sprintf("%s→%s %d %v", tr.From, tr.To, tr.Count, tr.Addrs))
	}
	return out
}

// editLines formats the non-equal, non-form edits of a change.
func editLines(c Change) []string {
	var out []string
	for _, e := range c.Edits {
		if e.Op != Eq && !e.Form {
			out = append(out, fmt.Sprintf("%s %s %s", e.Field, e.Op, e.Text))
		}
	}
	return out
}

func TestFormOnly(t *testing.T) {
	l15 := revL15(t)
	text := strings.NewReplacer("：", ":", "（", "(", "）", ")", "总则", "总 则", "- (", "(", "“", "\"", "”", "\"").Replace(l15)
	text = regexp.MustCompile(`第 (\d+) 条`).ReplaceAllString(text, "第${1}条")
	r, _, _ := run(t, l15, text, "", Options{})
	if r.Substantive() {
		t.Errorf("form changes reported as substantive: %v", lines(r))
	}
	if r.Summary.Units.FormOnly == 0 {
		t.Error("no unit differs in form")
	}
	r, _, _ = run(t, l15, text, "", Options{Strict: true})
	if !r.Substantive() || r.Summary.Units.Changed == 0 {
		t.Errorf("strict: form changes not reported: %+v", r.Summary.Units)
	}
	// the label change of art.3 (第 3 条 → 第3条) is not a renumbering
	for _, c := range r.Changes {
		if c.Op == Renumbered || c.Op == Moved {
			t.Errorf("%s → %s: %s", c.OldAddr, c.NewAddr, c.Op)
		}
	}
}

func TestCharGranularity(t *testing.T) {
	old := "第一条 为了预防洗钱活动，制定本法。\n"
	new := "第一条 为了预防洗钱活动，维护金融秩序，制定本法。\n"
	for _, tc := range []struct {
		g    Granularity
		want []string
	}{
		{Word, []string{"text + 维护金融秩序，"}},
		{Char, []string{"text + 维护金融秩序，"}},
	} {
		r, _, _ := run(t, old, new, "zh", Options{Granularity: tc.g})
		for _, c := range r.Changes {
			if c.NewAddr == "art.1" {
				wantLines(t, editLines(c), tc.want)
			}
		}
	}
	r, _, _ := run(t, "第一条 总则规定。\n", "第一条 总则规则。\n", "zh", Options{Granularity: Char})
	for _, c := range r.Changes {
		if c.NewAddr == "art.1" {
			wantLines(t, editLines(c), []string{"text - 定", "text + 则"})
		}
	}
	if _, err := Compare(&segment.Document{}, &segment.Document{}, Options{Granularity: "line"}); err == nil {
		t.Error("unknown granularity accepted")
	}
	if _, err := Compare(nil, &segment.Document{}, Options{}); err == nil {
		t.Error("nil document accepted")
	}
}

func TestLawParagraphs(t *testing.T) {
	// a law article of one paragraph (款) that gains a second: its text
	// becomes paragraph 1, unchanged
	old := "## 第一章 总则\n\n第一条 为了预防洗钱活动，制定本法。\n\n第二条 本法所称反洗钱，是指依照本法规定采取相关措施的行为。\n"
	new := "## 第一章 总 则\n\n第一条 为了预防洗钱活动，制定本法。\n\n第二条 本法所称反洗钱，是指依照本法规定采取相关措施的行为。\n\n预防恐怖主义融资活动适用本法。\n"
	r, _, _ := run(t, old, new, "zh", Options{})
	wantLines(t, lines(r), []string{"added art.2.2"})
	for _, c := range r.Changes {
		if c.NewAddr == "art.2.1" && (c.Implicit != "old" || c.OldAddr != "art.2.1" || c.Op != Unchanged) {
			t.Errorf("art.2.1: %+v, want the implicit paragraph, unchanged", c)
		}
	}
	// and back
	r, _, _ = run(t, new, old, "zh", Options{})
	wantLines(t, lines(r), []string{"deleted art.2.2"})
}

func TestSplitMerge(t *testing.T) {
	old := "第一条 本法所称反洗钱，是指为了预防通过各种方式掩饰、隐瞒犯罪所得及其收益的来源和性质的洗钱活动，依照本法规定采取相关措施的行为。预防恐怖主义融资活动适用本法。\n\n第二条 国务院反洗钱行政主管部门负责全国的反洗钱监督管理工作。\n"
	new := "第一条 本法所称反洗钱，是指为了预防通过各种方式掩饰、隐瞒犯罪所得及其收益的来源和性质的洗钱活动，依照本法规定采取相关措施的行为。\n\n第二条 预防恐怖主义融资活动适用本法。\n\n第三条 国务院反洗钱行政主管部门负责全国的反洗钱监督管理工作。\n"
	r, _, _ := run(t, old, new, "zh", Options{})
	wantLines(t, lines(r), []string{"changed art.1 art.1", "added art.2", "renumbered art.2 art.3"})
	for _, c := range r.Changes {
		if c.Op == Added && c.SplitFrom != "art.1" {
			t.Errorf("art.2 split from %q, want art.1", c.SplitFrom)
		}
	}
	r, _, _ = run(t, new, old, "zh", Options{})
	for _, c := range r.Changes {
		if c.Op == Deleted && c.MergedInto != "art.1" {
			t.Errorf("old art.2 merged into %q, want art.1", c.MergedInto)
		}
	}
}

func TestMovedArticle(t *testing.T) {
	arts := []string{
		"本法所称反洗钱，是指预防洗钱活动的行为。",
		"国务院反洗钱行政主管部门负责全国的反洗钱监督管理工作。",
		"金融机构应当依照本法规定建立健全反洗钱内部控制制度。",
		"任何单位和个人发现洗钱活动，有权向反洗钱行政主管部门举报。",
		"本法自2007年1月1日起施行。",
	}
	law := func(order ...int) string {
		var b strings.Builder
		for i, k := range order {
			fmt.Fprintf(&b, "第%s条 %s\n\n", []string{"一", "二", "三", "四", "五"}[i], arts[k])
		}
		return b.String()
	}
	r, _, _ := run(t, law(0, 1, 2, 3, 4), law(0, 3, 1, 2, 4), "zh", Options{})
	wantLines(t, lines(r), []string{"moved art.4 art.2", "renumbered art.2 art.3", "renumbered art.3 art.4"})
}

func TestCanon(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool // the same canonical form
	}{
		{"总则", "总 则", true},
		{"第 17 条", "第17条", true},
		{"适用于：", "适用于:", true},
		{"（一）", "(一)", true},
		{"cybercrime,*inter alia,* by", "cybercrime, *inter alia,* by", true},
		{"“信息”", "\"信息\"", true},
		{"``computer system\"", "\"computer system\"", true},
		{"a computer   system", "a computer system", true},
		{"the Treaty](../wct/(1996)/README.md), with", "the Treaty, with", true},
		{"soft\u00adhyphen", "softhyphen", true},
		{"以昭信守。¹", "以昭信守。¹²", true},
		{"the Convention[^3] applies", "the Convention applies", true},
		{"a computer system", "acomputer system", false},
		{"第 17 条", "第 18 条", false},
		{"Party", "party", false},
	} {
		a, _, _ := canon(c.a)
		b, _, _ := canon(c.b)
		if (a == b) != c.same {
			t.Errorf("%q → %q, %q → %q: want the same: %v", c.a, a, c.b, b, c.same)
		}
	}
}

func TestStaleRefs(t *testing.T) {
	old := "第一条 本法所称反洗钱，是指预防洗钱活动的行为。\n\n第二条 违反本法第一条规定的，依照本法第三条处罚。\n\n第三条 依照本条第二款处罚。\n\n罚款数额由国务院规定。\n"
	// a new article 1 inserted; references not updated; 本法第五条 points nowhere
	new := "第一条 为了预防洗钱活动，制定本法。\n\n第二条 本法所称反洗钱，是指预防洗钱活动的行为。\n\n第三条 违反本法第一条规定的，依照本法第三条处罚；本法第五条另有规定的除外。\n\n第四条 依照本条第二款处罚。\n\n罚款数额由国务院规定。\n"
	r, _, _ := run(t, old, new, "zh", Options{})
	var got []string
	for _, s := range r.StaleRefs {
		got = append(got, fmt.Sprintf("%s %s %s→%s", s.Addr, s.Ref, s.Target, s.Now))
	}
	wantLines(t, got, []string{
		"art.3 第一条 art.1→art.2",
		"art.3 第三条 art.3→art.4",
	})
	// 本法第五条 points to an article that exists in neither revision: it
	// did not become wrong here, so it is dangling, not stale
	if len(r.Dangling) != 1 || r.Dangling[0].Ref != "第五条" || r.Dangling[0].Target != "art.5" ||
		r.Summary.Dangling != 1 || r.Summary.StaleRefs != 2 {
		t.Errorf("dangling %+v, summary %+v", r.Dangling, r.Summary)
	}
}

// TestStaleRefsIdentical: two identical revisions have no stale
// reference, even where a reference points to an article the text does not
// have (articles 1–15 of the Arabic convention refer to articles 17, 23
// and 35); those are dangling, each of them found: المادتين 23 و 35 is
// two references.
func TestStaleRefsIdentical(t *testing.T) {
	text := "المادة 2: استخدام المصطلحات\n\n(أ) تعني الجريمة المنصوص عليها في المادة 17 من هذه الاتفاقية؛\n\n" +
		"المادة 3: نطاق الانطباق\n\n(أ) وفقا للمادتين 23 و 35 من هذه الاتفاقية.\n"
	r, _, _ := run(t, text, text, "ar", Options{})
	if len(r.StaleRefs) != 0 || r.Substantive() {
		t.Errorf("identical revisions: stale refs %+v", r.StaleRefs)
	}
	var got []string
	for _, s := range r.Dangling {
		got = append(got, s.Addr+" "+s.Ref+" "+s.Target)
	}
	wantLines(t, got, []string{"art.2.a المادة 17 art.17", "art.3.a للمادتين 23 art.23", "art.3.a 35 art.35"})
}
