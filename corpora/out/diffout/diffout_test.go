package diffout

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/corpora/testenv"
	"concord/segment"
)

// fixture compares the draft revisions of testdata/diff.
func fixture(t testing.TB, opt diff.Options) *diff.Report {
	t.Helper()
	load := func(name string) *segment.Document {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "diff", name))
		if err != nil {
			t.Fatal(err)
		}
		return testdocs.LoadLang(t, name, string(b), "")
	}
	return compare(t, load("draft.old.txt"), load("draft.new.txt"), opt)
}

// compare compares two revisions and fails the test on an error.
func compare(t testing.TB, old, new *segment.Document, opt diff.Options) *diff.Report {
	t.Helper()
	r, err := diff.Compare(old, new, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestHTMLEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, fixture(t, diff.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script") {
		t.Error("markup of the draft reached the page unescaped")
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("the draft's <script> text is not on the page")
	}
	for _, want := range []string{"<del>", "<ins>", `class="badge status"`, `href="#u-`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestHTMLChromium renders the page in headless Chromium and checks the
// DOM it builds: deletions and insertions, table-of-contents links that
// resolve, the draft's markup shown as text.
func TestHTMLChromium(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed, and CI=true: .ci/run installs it")
		}
		t.Skip("chromium is not installed: skipping the headless rendering test (apt-get install chromium)")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "redline.html")
	var b bytes.Buffer
	if err := HTML(&b, fixture(t, diff.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	d := string(dom)
	if !strings.Contains(d, "<main>") {
		t.Fatalf("chromium returned no page:\n%.500s", d)
	}
	if n := len(regexp.MustCompile(`<del>[^<]+</del>`).FindAllString(d, -1)); n == 0 {
		t.Error("no <del> element with text in the DOM")
	}
	if n := len(regexp.MustCompile(`<ins>[^<]+</ins>`).FindAllString(d, -1)); n == 0 {
		t.Error("no <ins> element with text in the DOM")
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(d, -1) {
		if ids[m[1]] {
			t.Errorf("id %q twice", m[1])
		}
		ids[m[1]] = true
	}
	toc := regexp.MustCompile(`(?s)<nav>.*?</nav>`).FindString(d)
	links := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(toc, -1)
	if len(links) < 5 {
		t.Errorf("table of contents has %d links, want one per changed article (≥ 5)", len(links))
	}
	for _, l := range links {
		if !ids[l[1]] {
			t.Errorf("table of contents links to #%s, which is no element", l[1])
		}
	}
	if strings.Contains(d, "<script") {
		t.Error("the draft's <script> became an element")
	}
	if !strings.Contains(d, `&lt;script&gt;alert("x")&lt;/script&gt;`) {
		t.Error(`the draft's <script>alert("x")</script> is not shown as text`)
	}
	if !strings.Contains(d, `class="badge status">status ad-ref → open</span>`) {
		t.Error("status change badge missing")
	}
}

func TestItemsFoldRenumbering(t *testing.T) {
	r := &diff.Report{}
	for n := 3; n <= 7; n++ {
		r.Changes = append(r.Changes, diff.Change{Op: diff.Renumbered, Kind: "article",
			OldAddr: fmt.Sprintf("art.%d", n), NewAddr: fmt.Sprintf("art.%d", n+1)})
		r.Changes = append(r.Changes, diff.Change{Op: diff.Unchanged, Kind: "paragraph", Depth: 1,
			OldAddr: fmt.Sprintf("art.%d.1", n), NewAddr: fmt.Sprintf("art.%d.1", n+1)})
	}
	r.Changes = append(r.Changes, diff.Change{Op: diff.Renumbered, Changed: true, Kind: "article", OldAddr: "art.8", NewAddr: "art.9"})
	its := items(r)
	if len(its) != 2 || len(its[0].run) != 5 || its[1].c == nil {
		t.Fatalf("items: %+v", its)
	}
	if got := runText(its[0].run); got != "art.3 … art.7 → art.4 … art.8 (5 articles renumbered, +1)" {
		t.Errorf("run: %q", got)
	}
}

func TestMarkdownPieces(t *testing.T) {
	for _, tc := range []struct {
		p    Piece
		want string
	}{
		{Piece{diff.Del, "或者转让"}, "<del>或者转让</del>"},
		{Piece{diff.Ins, " a new word "}, " <ins>a new word</ins> "},
		{Piece{diff.Ins, "  "}, "<ins>␣</ins>"},
		{Piece{diff.Eq, "*x* [y] <z> a|b & c"}, `\*x\* \[y\] \<z\> a\|b \& c`},
		{Piece{diff.Del, "2_000"}, `<del>2\_000</del>`},
	} {
		if got := mdPiece(tc.p); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.p.Text, got, tc.want)
		}
	}
}

func TestTextColor(t *testing.T) {
	r := fixture(t, diff.Options{})
	var plain, color bytes.Buffer
	if err := Text(&plain, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Text(&color, r, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(plain.String(), "[-或者转让-]{+、转让或者隐瞒+}") {
		t.Errorf("plain text:\n%s", plain.String())
	}
	if !strings.Contains(color.String(), "\x1b[31;9m或者转让\x1b[0m") {
		t.Errorf("colour text lacks a red deletion:\n%s", color.String())
	}
}

func TestJSONShape(t *testing.T) {
	r := fixture(t, diff.Options{})
	var b bytes.Buffer
	if err := JSON(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Changes []struct {
			Op, OldAddr, NewAddr string
			Similarity           float64
			Status               struct{ Old, New string }
			Diff                 []struct{ Field, Op, Text string }
		}
		StatusTransitions []struct {
			From, To string
			Count    int
		} `json:"status_transitions"`
		StaleRefs []struct{ Addr, Ref, Message string } `json:"stale_refs"`
		Summary   struct {
			Substantive bool
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Changes) != len(r.Changes) || len(doc.StatusTransitions) != 2 || len(doc.StaleRefs) == 0 || !doc.Summary.Substantive {
		t.Errorf("json: %d changes, %d transitions, %d stale refs, substantive %v", len(doc.Changes), len(doc.StatusTransitions), len(doc.StaleRefs), doc.Summary.Substantive)
	}
	var b2 bytes.Buffer
	if err := JSON(&b2, fixture(t, diff.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	if b.String() != b2.String() {
		t.Error("JSON differs between two runs")
	}
}

// TestJSONKeys checks that every key of the contract is present in every
// entry, whatever its value, so that programs (pandas.json_normalize(…,
// "diff")) can rely on the key set.
func TestJSONKeys(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, fixture(t, diff.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(where string, v any, want string) {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s: not an object: %v", where, v)
		}
		var got []string
		for k := range m {
			got = append(got, k)
		}
		slices.Sort(got)
		w := strings.Fields(want)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s: keys %v, want %v", where, got, w)
		}
	}
	keys("report", doc, "old new lang strict granularity changes status_transitions stale_refs dangling_refs coarse summary")
	list := func(name string) []any {
		l, ok := doc[name].([]any)
		if !ok || len(l) == 0 {
			t.Fatalf("%s: %v, want a non-empty list", name, doc[name])
		}
		return l
	}
	for i, c := range list("changes") {
		where := fmt.Sprintf("changes[%d]", i)
		keys(where, c, "op kind old_addr new_addr old_label new_label old_line new_line article in_deleted depth similarity changed form_only status split_from merged_into implicit diff")
		m := c.(map[string]any)
		keys(where+".status", m["status"], "old new")
		d, ok := m["diff"].([]any)
		if !ok {
			t.Fatalf("%s: diff is %v, want a list", where, m["diff"])
		}
		for j, e := range d {
			keys(fmt.Sprintf("%s.diff[%d]", where, j), e, "field op text form moved")
		}
	}
	for i, s := range list("stale_refs") {
		keys(fmt.Sprintf("stale_refs[%d]", i), s, "addr field ref target now message")
	}
	for i, tr := range list("status_transitions") {
		keys(fmt.Sprintf("status_transitions[%d]", i), tr, "from to count addrs")
	}
	sum := doc["summary"].(map[string]any)
	keys("summary", sum, "units articles stale_refs dangling_refs substantive")
	const counts = "old new unchanged changed added deleted moved renumbered renumbered_changed moved_changed content_edited status_changed form_only"
	keys("summary.units", sum["units"], counts)
	keys("summary.articles", sum["articles"], counts)
}

// TestMarkdownCommonMark renders the Markdown redline of real Chinese
// revisions with cmark, a reference CommonMark implementation: every
// deletion and insertion must come out as an element, and no ** or ~~ may
// be left as text (emphasis does not open next to CJK punctuation).
func TestMarkdownCommonMark(t *testing.T) {
	bin := testenv.Tool(t, "cmark")
	dir := filepath.Join(testenv.Corpora(t), "zh-law-revisions", "version-pairs", "司法解释")
	load := func(name string) *segment.Document {
		d, err := corpora.LoadFile(filepath.Join(dir, name), corpora.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	const law = "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释"
	r := compare(t, load(law+"(2013-05-02).md"), load(law+"(2021-12-30).md"), diff.Options{})
	var md bytes.Buffer
	if err := Markdown(&md, r, Options{}); err != nil {
		t.Fatal(err)
	}
	wantIns, wantDel := 0, 0
	for _, it := range items(r) {
		if it.c == nil {
			continue
		}
		for _, f := range fields(it.c, r.Strict) {
			for _, p := range f.Pieces {
				switch p.Op {
				case diff.Ins:
					wantIns++
				case diff.Del:
					wantDel++
				}
			}
		}
	}
	if wantIns < 50 || wantDel < 20 {
		t.Fatalf("only %d insertions and %d deletions: not a real test", wantIns, wantDel)
	}
	cmd := exec.Command(bin, "--unsafe")
	cmd.Stdin = &md
	html, err := cmd.Output()
	if err != nil {
		t.Fatalf("cmark: %v", err)
	}
	h := string(html)
	if got := strings.Count(h, "<ins>"); got != wantIns {
		t.Errorf("%d <ins> elements rendered, want %d", got, wantIns)
	}
	if got := strings.Count(h, "<del>"); got != wantDel {
		t.Errorf("%d <del> elements rendered, want %d", got, wantDel)
	}
	// the only ** of the page are those of the header lines
	body := h[strings.Index(h, "<h2>Summary</h2>"):]
	for _, lit := range []string{"**", "~~"} {
		if n := strings.Count(body, lit); n > 0 {
			i := strings.Index(body, lit)
			t.Errorf("%d literal %s in the rendered page, e.g. %q", n, lit, body[max(0, i-80):min(len(body), i+80)])
		}
	}
}

// TestHTMLRightToLeft: the texts of an Arabic redline are laid out right
// to left (dir="rtl" with their language), the page around them left to
// right.
func TestHTMLRightToLeft(t *testing.T) {
	old := "المادة 1: بيان الغرض\n\nتتمثل أغراض هذه الاتفاقية فيما يلي.\n"
	new := "المادة 1: بيان الغرض\n\nتتمثل أغراض هذه الاتفاقية الجديدة فيما يلي.\n"
	r := compare(t, testdocs.LoadLang(t, "old.ar.txt", old, "ar"), testdocs.LoadLang(t, "new.ar.txt", new, "ar"), diff.Options{})
	var b bytes.Buffer
	if err := HTML(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<p class="field" lang="ar" dir="rtl">`) || !strings.Contains(page, "الجديدة</ins>") {
		t.Errorf("Arabic text not marked right to left:\n%s", page)
	}
	if !strings.Contains(page, `<html lang="ar">`) || strings.Contains(page, `<html lang="ar" dir`) {
		t.Errorf("the page itself should stay left to right")
	}
	b.Reset()
	if err := HTML(&b, fixture(t, diff.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `dir="rtl"`) {
		t.Error("a Chinese redline is marked right to left")
	}
}

// TestMovedAndStatusShowText: a moved unit and a unit whose status alone
// changed are shown with their text, not as a bare heading or badge.
func TestMovedAndStatusShowText(t *testing.T) {
	r := fixture(t, diff.Options{})
	var b bytes.Buffer
	if err := Text(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"art.3.2 → art.5.2  moved  2.\n  对于本条第 1 款，本条中的任何内容均不得解释为根据本公约确立刑事犯罪。",
		"art.2.b  changed  (b)  [status open → ad-ref]\n  “上游犯罪”系指",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestCountsApart: renumbered, changed, and renumbered-and-changed units are
// counted apart, in the verdict, the table and the JSON summary.
func TestCountsApart(t *testing.T) {
	old := "第1条. 甲\n\n一、各缔约国均应采取必要的立法措施。\n\n第2条. 乙\n\n各缔约国均应考虑采取措施保护证人。\n\n第3条. 丙\n\n各缔约国均应开展国际合作以打击犯罪。\n"
	new := "第1条. 新\n\n各缔约国均应向其他缔约国提供技术援助。\n\n第2条. 甲\n\n一、各缔约国均应采取必要的立法措施。\n\n第3条. 乙\n\n各缔约国均应考虑采取适当措施保护证人。\n\n第4条. 丙\n\n各缔约国均应开展国际合作以打击犯罪。\n"
	r := compare(t, testdocs.LoadLang(t, "old.txt", old, ""), testdocs.LoadLang(t, "new.txt", new, ""), diff.Options{})
	a := r.Summary.Articles
	if a.Added != 1 || a.Renumbered != 3 || a.RenumberedChanged != 1 {
		t.Fatalf("articles %+v: want 1 added, 3 renumbered of which 1 changed", a)
	}
	if v := verdict(r); !strings.Contains(v, "2 renumbered, 1 renumbered and changed") {
		t.Errorf("verdict %q", v)
	}
	var b bytes.Buffer
	if err := JSON(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"renumbered": 3,`) || !strings.Contains(b.String(), `"renumbered_changed": 1,`) {
		t.Errorf("JSON summary lacks the split counts")
	}
}
