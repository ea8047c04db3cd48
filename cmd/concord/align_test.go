package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

func TestAlignTMXValidates(t *testing.T) {
	xmllint := testenv.Tool(t, "xmllint")
	dtd := filepath.Join(testenv.Formats(t), "tmx14.dtd")
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	dir := t.TempDir()
	for _, level := range []string{"sentence", "unit"} {
		out := filepath.Join(dir, level+".tmx")
		if _, errs, code := runConcord(t, "align", ar, "--level", level, "-o", out); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		cmd := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xmllint: %v\n%s", err, b)
		}
		data, _ := os.ReadFile(out)
		s := string(data)
		for _, want := range []string{`segtype="` + map[string]string{"sentence": "sentence", "unit": "block"}[level] + `"`,
			`srclang="zh-CN"`, `<prop type="x-address">art.2.f.ii</prop>`, `<prop type="x-status">ad-ref</prop>`, `<tuv xml:lang="ar">`} {
			if !strings.Contains(s, want) {
				t.Errorf("%s TMX lacks %s", level, want)
			}
		}
	}
}

func TestAlignJSONContract(t *testing.T) {
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	out, errs, code := runConcord(t, "align", ar, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Langs []string `json:"langs"`
		Links []struct {
			Addr  string     `json:"addr"`
			IDs   [][]int    `json:"ids"`
			Text  [][]string `json:"text"`
			Score *float64   `json:"score"`
		} `json:"links"`
		Missing []struct {
			Addr  string   `json:"addr"`
			Langs []string `json:"langs"`
		} `json:"missing"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if strings.Join(doc.Langs, ",") != "zh-CN,ar" || len(doc.Links) == 0 || len(doc.Missing) == 0 {
		t.Fatalf("langs %v, %d links, %d missing", doc.Langs, len(doc.Links), len(doc.Missing))
	}
	for _, l := range doc.Links {
		if len(l.IDs) != 2 || len(l.Text) != 2 || l.Score == nil {
			t.Fatalf("link %+v", l)
		}
	}
	again, _, _ := runConcord(t, "align", ar, "--format", "json")
	if again != out {
		t.Error("JSON differs between runs")
	}
}

// TestAlignHTMLInBrowser renders the side-by-side page in headless Chromium
// and checks the DOM the browser built.
func TestAlignHTMLInBrowser(t *testing.T) {
	dir := t.TempDir()
	zh := filepath.Join(dir, "zh.txt")
	ar := filepath.Join(dir, "ar.txt")
	os.WriteFile(zh, []byte("第 1 条. 宗旨<script>alert(1)</script>\n\n本公约的宗旨是：<b>粗体</b>\n(a) 促进合作；[暂定]\n(b) 提供援助。\n\n第 2 条. 术语\n\n为本公约之目的：“&amp;”\n"), 0o644)
	os.WriteFile(ar, []byte("المادة 1: بيان الغرض\nأغراض هذه الاتفاقية هي:\n(أ) تشجيع التعاون؛\n(ب) تقديم المساعدة.\n"), 0o644)
	page := filepath.Join(dir, "page.html")
	if _, errs, code := runConcord(t, "align", zh, ar, "--format", "html", "-o", page); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	raw, _ := os.ReadFile(page)
	if strings.Contains(string(raw), "<script") || regexp.MustCompile(`(?i)<link|src=|https?://`).Match(raw) {
		t.Error("page has scripts or external assets")
	}
	dom := testenv.DumpDOM(t, page)
	if strings.Contains(dom, "<script") || strings.Contains(dom, "<b>") {
		t.Error("markup from the input became markup in the page")
	}
	if !strings.Contains(dom, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(dom, "&amp;amp;") {
		t.Error("input text not shown escaped")
	}
	if n := strings.Count(dom, "<th "); n != 3 {
		t.Errorf("%d header cells, want 3 (address, zh, ar)", n)
	}
	rows := regexp.MustCompile(`<tr id="([^"]+)"`).FindAllStringSubmatch(dom, -1)
	var ids []string
	for _, r := range rows {
		ids = append(ids, r[1])
	}
	if strings.Join(ids, " ") != "art.1 art.1.a art.1.b art.2" {
		t.Errorf("rows %v", ids)
	}
	if !regexp.MustCompile(`<td lang="ar" dir="rtl">`).MatchString(dom) || !strings.Contains(dom, `<th lang="ar" dir="rtl">`) {
		t.Error("Arabic column is not right-to-left")
	}
	if !strings.Contains(dom, `class="badge ad-ref"`) {
		t.Error("status badge missing")
	}
	if !strings.Contains(dom, "art.2: missing in ar") {
		t.Error("missing unit not reported on the page")
	}
}

// TestVersionsWarnings: with one FILE the command says the embedded draft
// stands in, and it warns when the documents do not look like language
// versions of one text (the UDHR against the L.15 draft; a file against
// itself) — not when they are (L.15 and its Arabic articles).
func TestVersionsWarnings(t *testing.T) {
	udhr := testenv.File(t, "udhr/udhr_eng.xml")
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	out := filepath.Join(t.TempDir(), "a.tmx")
	for _, c := range []struct {
		args []string
		want []string
		not  string
	}{
		{[]string{"align", udhr, "-o", out}, []string{"embedded L.15 draft (L15.zh.txt) comes first", "of the sentences of the units they share", "versions of one text?"}, ""},
		{[]string{"check", udhr, "-o", out}, []string{"of the sentences of the units they share"}, ""},
		{[]string{"align", ar, "-o", out}, []string{"embedded L.15 draft"}, "agree on"},
		{[]string{"align", udhr, udhr, "-o", out}, []string{"are both in en"}, ""},
		{[]string{"diff", udhr, "-o", out}, []string{"share 0 of 575 units"}, ""},
	} {
		_, errs, code := runConcord(t, c.args...)
		if code == exitTrouble {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args[0], w, errs)
			}
		}
		if c.not != "" && strings.Contains(errs, c.not) {
			t.Errorf("%v: stderr says %q:\n%s", c.args[0], c.not, errs)
		}
	}
}
