package main

import (
	"encoding/json"
	"fmt"
	"html"
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

// TestAlignOmegaT: a zh-CN → fr OmegaT project fills every segment from the
// TMX of the UDHR in seven versions (zh-Hans and zh-Hant among them): the
// language tags concord writes are the ones OmegaT resolves.
func TestAlignOmegaT(t *testing.T) {
	omegat := testenv.Tool(t, "omegat")
	dir := testenv.Corpora(t)
	var files []string
	for _, f := range []string{"cmn_hans", "cmn_hant", "eng", "fra", "spa", "rus", "arb"} {
		files = append(files, filepath.Join(dir, "udhr", "udhr_"+f+".xml"))
	}
	tmxPath := filepath.Join(t.TempDir(), "udhr.tmx")
	if _, errs, code := runConcord(t, append([]string{"align", "-o", tmxPath}, files...)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	tmx, err := os.ReadFile(tmxPath)
	if err != nil {
		t.Fatal(err)
	}
	// the Chinese segments that have a French counterpart
	var segs []string
	zh := regexp.MustCompile(`<tuv xml:lang="zh-CN"><seg>(.*?)</seg></tuv>`)
	for _, tu := range regexp.MustCompile(`(?s)<tu .*?</tu>`).FindAll(tmx, -1) {
		if m := zh.FindSubmatch(tu); m != nil && strings.Contains(string(tu), `<tuv xml:lang="fr">`) {
			segs = append(segs, html.UnescapeString(string(m[1])))
		}
	}
	if len(segs) < 60 || !strings.Contains(string(tmx), `<tuv xml:lang="zh-TW">`) {
		t.Fatalf("%d zh-CN segments with French; zh-TW present: %v", len(segs), strings.Contains(string(tmx), "zh-TW"))
	}
	remaining, total := omegatRemaining(t, omegat, omegatProject(t, "zh-CN", "fr", segs, tmx))
	if total != len(segs) || remaining != 0 {
		t.Errorf("OmegaT left %d of %d segments untranslated (%d source segments)", remaining, total, len(segs))
	}
}

// omegatProject writes an OmegaT project from src to tgt (language tags as
// OmegaT takes them) whose source file holds the given segments, one
// paragraph each, with sentence segmentation off; tmx goes to tm/auto,
// whose exact matches OmegaT inserts on its own.
func omegatProject(t *testing.T, src, tgt string, segments []string, tmx []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"source", "target", "tm/auto", "glossary", "dictionary", "omegat"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	project := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>%s</source_lang>
        <target_lang>%s</target_lang>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`, src, tgt)
	for name, data := range map[string][]byte{
		"omegat.project":     []byte(project),
		"source/source.txt":  []byte(strings.Join(segments, "\n\n") + "\n"),
		"tm/auto/memory.tmx": tmx,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// omegatRemaining runs OmegaT in console mode on a project and returns how
// many of how many source segments it left untranslated.
func omegatRemaining(t *testing.T, omegat, dir string) (remaining, total int) {
	t.Helper()
	cmd := exec.Command(omegat, dir, "--mode=console-translate", "--config-dir="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("omegat: %v\n%s", err, out)
	}
	stats, err := os.ReadFile(filepath.Join(dir, "omegat", "project_stats.txt"))
	if err != nil {
		t.Fatal(err)
	}
	row := func(name string) int {
		m := regexp.MustCompile(`(?m)^` + name + `:\s+(\d+)`).FindSubmatch(stats)
		if m == nil {
			t.Fatalf("no %s row in project_stats.txt:\n%s", name, stats)
		}
		var n int
		fmt.Sscan(string(m[1]), &n)
		return n
	}
	return row("Remaining"), row("Total")
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
