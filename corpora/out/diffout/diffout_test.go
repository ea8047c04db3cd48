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
	"strings"
	"testing"
	"time"

	"concord/align/diff"
	"concord/corpora"
)

// fixture compares the draft revisions of testdata/diff.
func fixture(t testing.TB, opt diff.Options) *diff.Report {
	t.Helper()
	load := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "diff", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	old, err := corpora.Load("draft.old.txt", load("draft.old.txt"), corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	new, err := corpora.Load("draft.new.txt", load("draft.new.txt"), corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
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
		p    piece
		want string
	}{
		{piece{diff.Del, "或者转让"}, "~~或者转让~~"},
		{piece{diff.Ins, " a new word "}, " **a new word** "},
		{piece{diff.Ins, "  "}, "**␣**"},
		{piece{diff.Eq, "*x* [y] <z> a|b"}, `\*x\* \[y\] \<z\> a\|b`},
		{piece{diff.Del, "2_000"}, `~~2\_000~~`},
	} {
		if got := mdPiece(tc.p); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.p.text, got, tc.want)
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
