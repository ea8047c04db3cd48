package terms

import (
	"strings"
	"testing"

	"concord/corpora/testdocs"
	"concord/segment"
	"concord/segment/words"
)

func fixture(t *testing.T) []*segment.Document {
	zh := testdocs.Load(t, "zh.txt", "第1条. 术语\n(a) “服务提供商”系指任何公共或私营实体；\n第2条. 义务\n1. 服务提供商应当保全数据。\n2. 各项服务应当免费。\n第3条. 合作\n")
	en := testdocs.Load(t, "en.txt", "Article 1. Terms\n(a) \"Service provider\" shall mean any public or private entity;\nArticle 2. Obligations\n1. Service providers shall preserve data.\n2. All services shall be free of charge.\n")
	return []*segment.Document{zh, en}
}

// kwic runs KWIC and fails the test on an error.
func kwic(t *testing.T, docs []*segment.Document, term string, opt KWICOptions) []Hit {
	t.Helper()
	c, err := KWIC(docs, term, opt)
	if err != nil {
		t.Fatal(err)
	}
	return c.Hits
}

func TestKWIC(t *testing.T) {
	a := fixture(t)
	seg, err := words.New(words.Options{Terms: []string{"服务提供商"}})
	if err != nil {
		t.Fatal(err)
	}
	hits := kwic(t, a, "服务提供商", KWICOptions{Segmenter: seg, Width: 4})
	if len(hits) != 2 {
		t.Fatalf("%d hits, want 2: %+v", len(hits), hits)
	}
	h := hits[1]
	if h.Addr != "art.2.1" || h.Lang != "zh" || h.Match != "服务提供商" || h.Left != "" || h.Right != "应当保全" {
		t.Errorf("hit %+v", h)
	}
	if len(h.Aligned) != 1 || h.Aligned[0].Lang != "en" || h.Aligned[0].Text != "Service providers shall preserve data." || h.Aligned[0].Addr != "art.2.1" {
		t.Errorf("aligned %+v", h.Aligned)
	}
	if h.Score <= 0 {
		t.Errorf("score %v", h.Score)
	}
	// 服务 is a word of its own only in 各项服务; inside 服务提供商 with --substring
	if n := len(kwic(t, a, "服务", KWICOptions{Segmenter: seg})); n != 1 {
		t.Errorf("服务 on word boundaries: %d hits, want 1", n)
	}
	if n := len(kwic(t, a, "服务", KWICOptions{Segmenter: seg, Substring: true})); n != 3 {
		t.Errorf("服务 as a substring: %d hits, want 3", n)
	}
	// English: whole words, any case; the Chinese is the counterpart
	en := kwic(t, a, "service provider", KWICOptions{Segmenter: seg})
	if len(en) != 1 || en[0].Lang != "en" || en[0].Match != "Service provider" || !strings.Contains(en[0].Aligned[0].Text, "服务提供商") {
		t.Errorf("English hits %+v", en)
	}
	if n := len(kwic(t, a, "provider", KWICOptions{Segmenter: seg})); n != 1 {
		t.Errorf("provider: %d hits, want 1 (not inside providers)", n)
	}
	if len(kwic(t, a, "  ", KWICOptions{})) != 0 || len(kwic(t, a, "不存在", KWICOptions{Segmenter: seg})) != 0 {
		t.Error("hits for an empty or absent term")
	}
}

// TestKWICL15Arabic: every occurrence of 服务提供商 in the L.15 draft, with
// its Arabic counterpart where the Arabic text has the article.
func TestKWICL15Arabic(t *testing.T) {
	zh, ar := testdocs.L15(t), testdocs.Arabic(t)
	seg, err := words.New(words.Options{Terms: []string{"服务提供商"}})
	if err != nil {
		t.Fatal(err)
	}
	hits := kwic(t, []*segment.Document{zh, ar}, "服务提供商", KWICOptions{Segmenter: seg})
	want := 0
	for u := range zh.All() {
		want += strings.Count(u.Heading+u.Text+u.Tail, "服务提供商")

	}
	if len(hits) != want || want < 15 {
		t.Fatalf("%d hits, want %d", len(hits), want)
	}
	withAr := 0
	for _, h := range hits {
		if ar.Find(h.Addr) != nil {
			if h.Aligned[0].Text == "" || !strings.Contains(h.Aligned[0].Text, "مقدم الخدمة") {
				t.Errorf("%s: Arabic counterpart %q", h.Addr, h.Aligned[0].Text)
			}
			withAr++
		} else if h.Aligned[0].Text != "" {
			t.Errorf("%s: Arabic counterpart %q for an article the Arabic text lacks", h.Addr, h.Aligned[0].Text)
		}
	}
	if withAr != 2 {
		t.Errorf("%d hits with an Arabic counterpart, want 2 (art.2.e, art.2.f)", withAr)
	}
}
