package xref

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFind: the references of every grammar, with their printed text,
// article and path.
func TestFind(t *testing.T) {
	type ref struct {
		text, art string
		path      []string
	}
	for _, tc := range []struct {
		lang, text string
		want       []ref
	}{
		{"zh", "本公约第 17 条所界定的犯罪", []ref{{"第 17 条", "17", nil}}},
		{"zh", "根据本公约第 17 条第 1 款(b)项(一)目所确立的犯罪", []ref{{"第 17 条第 1 款(b)项(一)目", "17", []string{"1", "b", "i"}}}},
		{"zh", "本公约第 7 至第 16 条所确立", []ref{{"第 7", "7", nil}, {"第 16 条", "16", nil}}},
		{"zh", "本公约第 14 条至第 16 条", []ref{{"第 14 条", "14", nil}, {"第 16 条", "16", nil}}},
		{"zh", "本公约第 2、第 17、第 23 和第 35 诸条的解释", []ref{{"第 2", "2", nil}, {"第 17", "17", nil}, {"第 23", "23", nil}, {"第 35 诸条", "35", nil}}},
		{"zh", "不适用本条第 1 款的权利", []ref{{"本条第 1 款", "", []string{"1"}}}},
		{"zh", "依照本法第一百二十条之一第二款第三项的规定", []ref{{"第一百二十条之一第二款第三项", "120-1", []string{"2", "iii"}}}},
		{"zh", "列入本法第四十条第一款第三项规定的名单", []ref{{"第四十条第一款第三项", "40", []string{"1", "iii"}}}},
		{"zh", "符合刑法第七条、第十条规定情形", nil},
		{"zh", "依照《中华人民共和国刑法》第二百八十七条", nil},
		{"zh", "刑事诉讼法第二百六十五条第一款、第二款的规定", nil},
		{"zh", "本法第十条第一款、第二款", []ref{{"第十条第一款", "10", []string{"1"}}, {"第二款", "10", []string{"2"}}}},
		{"zh", "第二章 第四十份批准书 第 74/247 号决议", nil},
		{"zh", "第１７条第２款", []ref{{"第１７条第２款", "17", []string{"2"}}}},
		{"zh", "本款(b)项所述", []ref{{"本款(b)项", "", []string{"b"}}}},
		{"en", "the offences established in accordance with article 17 of this Convention", []ref{{"article 17", "17", nil}}},
		{"en", "committing any of the offences established in Articles 2 through 5", []ref{{"Articles 2", "2", nil}, {"5", "5", nil}}},
		{"en", "referred to in paragraph 1 (b) of article 17", []ref{{"paragraph 1 (b) of article 17", "17", []string{"1", "b"}}}},
		{"en", "the items referred to in paragraph 1 a.ii of this article", []ref{{"paragraph 1 a.ii of this article", "", []string{"1", "a", "ii"}}}},
		{"en", "in accordance with article 46, paragraph 3 (c)", []ref{{"article 46, paragraph 3 (c)", "46", []string{"3", "c"}}}},
		{"en", "as set out in article 19 of the Universal Declaration", nil},
		{"en", "articles 14, 15 and 16", []ref{{"articles 14", "14", nil}, {"15", "15", nil}, {"16", "16", nil}}},
		{"fr", "visées à l'article 17", []ref{{"article 17", "17", nil}}},
		{"fr", "l'article 17, paragraphe 1 b)", []ref{{"article 17, paragraphe 1 b)", "17", []string{"1", "b"}}}},
		{"fr", "l'article 19 de la Déclaration universelle", nil},
		{"es", "el artículo 17, párrafo 1 b)", []ref{{"artículo 17, párrafo 1 b)", "17", []string{"1", "b"}}}},
		{"ru", "в соответствии со статьей 17", []ref{{"статьей 17", "17", nil}}},
		{"ru", "пункта 1 статьи 17", []ref{{"пункта 1 статьи 17", "17", []string{"1"}}}},
		{"ar", "المادتين 23 و 35 من هذه الاتفاقية", []ref{{"المادتين 23", "23", nil}, {"35", "35", nil}}},
		{"ar", "المادة ١٧", []ref{{"المادة ١٧", "17", nil}}},
		{"de", "Artikel 17", nil},
	} {
		var got []ref
		for _, r := range Find(tc.text, tc.lang) {
			if r.Implied {
				continue
			}
			if tc.text[r.Start:r.End] != r.Text {
				t.Errorf("%q: offsets %d:%d do not give %q", tc.text, r.Start, r.End, r.Text)
			}
			got = append(got, ref{r.Text, r.Article, r.Path})
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s %q:\n got %v\nwant %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestResolve: the addresses the references of a text name, ranges
// expanded, read in the unit at addr.
func TestResolve(t *testing.T) {
	for _, tc := range []struct{ text, lang, addr, want string }{
		{"本公约第 7 条至第 10 条", "zh", "art.11.1", "art.7 art.8 art.9 art.10"},
		{"本公约第 7 至第 10 条", "zh", "art.11.1", "art.7 art.8 art.9 art.10"},
		{"本条第 1 款(a)项(一)或(二)目", "zh", "art.11.1.b", "art.11.1.a.i art.11.1.a.ii"},
		{"本款第(a)至(c)项", "zh", "art.17.3", "art.17.3.a art.17.3.b art.17.3.c"},
		{"本条第 1 款第(a)项第(二)目", "zh", "art.11.3", "art.11.1.a.ii"},
		{"(b)项所述", "zh", "art.17.3.c", ""},
		{"第 23 条和第 35 条", "zh", "art.3.b", "art.23 art.35"},
		{"第 2 款", "zh", "art.3.1", "art.3.2"},
		{"article 17, paragraph 1 (b) (ii)", "en", "art.2", "art.17.1.b.ii"},
		{"paragraphs 1 and 2 of this article", "en", "art.5.3", "art.5.1 art.5.2"},
		{"Subparagraphs (a) to (c) of this paragraph", "en", "art.17.3", "art.17.3.a art.17.3.b art.17.3.c"},
		{"articles 7 to 10 of this Convention", "en", "art.17.2", "art.7 art.8 art.9 art.10"},
		{"paragraph 1 above", "en", "art.4.2", "art.4.1"},
		{"l'article 17, paragraphe 1 b)", "fr", "art.2", "art.17.1.b"},
		{"el artículo 17, párrafo 1 b)", "es", "art.2", "art.17.1.b"},
		{"пункта 1 статьи 17", "ru", "art.2", "art.17.1"},
		{"المادتين 23 و 35 من هذه الاتفاقية", "ar", "art.3.b", "art.23 art.35"},
		{"الفقرة 1 (أ) ’1‘ أو ’2‘ من هذه المادة", "ar", "art.11.1.b", "art.11.1.a.i art.11.1.a.ii"},
		{"الفقرات الفرعية (أ) إلى (ج) من هذه الفقرة", "ar", "art.17.3", "art.17.3.a art.17.3.b art.17.3.c"},
		{"本条不得解释为", "zh", "art.11.2", ""},
		{"paragraph 2 of this article", "en", "pre.3", ""},
	} {
		var got []string
		for _, r := range Find(tc.text, tc.lang) {
			if a := r.Resolve(tc.addr); a != "" {
				got = append(got, a)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s %q in %s: %q, want %q", tc.lang, tc.text, tc.addr, got, tc.want)
		}
	}
}

func TestContext(t *testing.T) {
	for addr, want := range map[string][2]string{
		"art.11.1.b": {"art.11", "art.11.1"}, "art.13.a": {"art.13", ""}, "art.120-1.2": {"art.120-1", "art.120-1.2"},
		"pre.2": {"", ""}, "art.5": {"art.5", ""}, "": {"", ""},
	} {
		a, p := Context(addr)
		if a != want[0] || p != want[1] {
			t.Errorf("Context(%q) = %q, %q; want %q", addr, a, p, want)
		}
	}
}

// FuzzFind: any text in any language gives references whose offsets lie
// in the text and print their Text, and every reference resolves without
// a panic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"本公约第 17 条第 1 款(b)项(一)目", "第 7 至第 16 条", "本款第(a)至(c)项", "article 17, paragraph 1 (b) (ii)",
		"articles 2 through 5", "المادتين 23 و 35", "пункта 1 статьи 17", "paragraph 1 a.ii of this article"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"zh", "en", "fr", "es", "ru", "ar"} {
			refs := Find(s, lang)
			for _, r := range refs {
				if r.Start < 0 || r.End > len(s) || r.Start > r.End || s[r.Start:r.End] != r.Text {
					t.Fatalf("%s %q: bad span %d:%d %q", lang, s, r.Start, r.End, r.Text)
				}
				if r.Rel == Absolute && r.Article == "" || r.Rel != Absolute && r.Article != "" {
					t.Fatalf("%s %q: %+v", lang, s, r)
				}
				r.Resolve("art.1.2.a")
			}
			if !slices.IsSortedFunc(refs, func(a, b Ref) int { return a.Start - b.Start }) && lang == "zh" {
				t.Fatalf("%s %q: references out of order", lang, s)
			}
		}
	})
}

// TestManyReferences: a text of thousands of references and no 本 (issue
// 14's long inline runs) was searched for 本 to its end at every
// reference; every reference is still found, and with 本 ones among them.
func TestManyReferences(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "根据第%d条第1款(b)项，", i%68+1)
		if i == 4000 {
			b.WriteString("本条第2款，")
		}
	}
	refs := Find(b.String(), "zh")
	articles, rel := 0, 0
	for _, r := range refs {
		switch r.Rel {
		case Absolute:
			articles++
		case InArticle:
			rel++
		}
	}
	if articles != 5000 || rel != 1 {
		t.Errorf("%d references to articles and %d in this article, want 5000 and 1", articles, rel)
	}
}
