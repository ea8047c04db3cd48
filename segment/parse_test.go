package segment_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"concord/corpora/testenv"
	"concord/segment"
)

func parse(t testing.TB, lang, text string) *segment.Document {
	t.Helper()
	d, err := segment.Parse("test.txt", text, segment.Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	if err := segment.Lossless(text, d); err != nil {
		t.Fatal(err)
	}
	return d
}

func addrs(d *segment.Document) []string {
	var out []string
	for u := range d.All() {
		out = append(out, u.Addr)
	}
	return out
}

// TestNumberingForms covers every numbering form concord reads, one
// language and layout a row.
func TestNumberingForms(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // addresses, document order
		labels           []string // labels of the same units ("" to skip)
	}{
		{"zh UN draft", "zh", "第一章\n\n总则\n\n第 40 条. 标题\n\n1. 甲。\n(a) 乙；\n(一) 丙；\n(二) 丁；\n(b) 戊。\n2. 己。",
			[]string{"ch.1", "art.40", "art.40.1", "art.40.1.a", "art.40.1.a.i", "art.40.1.a.ii", "art.40.1.b", "art.40.2"},
			[]string{"第一章", "第 40 条", "1.", "(a)", "(一)", "(二)", "(b)", "2."}},
		{"zh full-width forms", "zh", "第１７条. 标题\n（a） 甲：\n㈠ 乙；\n（二） 丙。",
			[]string{"art.17", "art.17.a", "art.17.a.i", "art.17.a.ii"},
			[]string{"第１７条", "（a）", "㈠", "（二）"}},
		{"zh subparagraph under article", "zh", "第2条. 术语\n为本公约之目的：\n- (a) 甲；\n - (一) 乙；",
			[]string{"art.2", "art.2.a", "art.2.a.i"}, nil},
		{"zh same-line sublabels", "zh", "第 17 条. 洗钱\n1. 将：\n- (a) (一) 甲；\n- (二) 乙；\n3. (a) 丙；",
			[]string{"art.17", "art.17.1", "art.17.1.a", "art.17.1.a.i", "art.17.1.a.ii", "art.17.3", "art.17.3.a"}, nil},
		{"zh law", "zh", "# 某法\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条　为了甲，制定本法。\n\n第一百二十条　有下列情形之一的：\n\n（一）乙；\n\n（二）丙。\n\n前款规定丁。\n\n第一百二十条之一　戊。",
			[]string{"title", "ch.1", "art.1", "art.120", "art.120.1", "art.120.1.i", "art.120.1.ii", "art.120.2", "art.120-1"},
			[]string{"", "第一章", "第一条", "第一百二十条", "", "（一）", "（二）", "", "第一百二十条之一"}},
		{"zh law items and 目", "zh", "第五条　下列案件：\n（一）甲：\n1.乙；\n2.丙。\n本项规定的案件，丁。\n（二）戊。",
			[]string{"art.5", "art.5.i", "art.5.i.1", "art.5.i.2", "art.5.ii"}, nil},
		{"zh parts and sections", "zh", "第一编 总则\n第一章 任务\n第一条　甲。\n第一节 管辖\n第二条　乙。\n第二编 分则\n第一章 罪\n第三条　丙。",
			[]string{"part.1", "part.1.ch.1", "art.1", "part.1.ch.1.sec.1", "art.2", "part.2", "part.2.ch.1", "art.3"}, nil},
		{"ar", "ar", "الفصل الأول\nأحكام عامة\nالمادة 2: استخدام المصطلحات\n1 - نص:\n(أ) نص؛\n’1’ نص؛\n’2’ نص؛\n(ب) نص؛\n(ج) نص؛\n(د) نص؛\n(هـ) نص.\n2 - نص.",
			[]string{"ch.1", "art.2", "art.2.1", "art.2.1.a", "art.2.1.a.i", "art.2.1.a.ii", "art.2.1.b", "art.2.1.c", "art.2.1.d", "art.2.1.e", "art.2.2"},
			[]string{"الفصل الأول", "المادة 2", "1 -", "(أ)", "’1’", "’2’", "(ب)", "(ج)", "(د)", "(هـ)", "2 -"}},
		{"ar abjad order", "ar", "المادة 1: عنوان\n(أ) ن؛\n(ب) ن؛\n(ج) ن؛\n(د) ن؛\n(ه) ن؛\n(و) ن؛\n(ز) ن؛\n(ح) ن؛\n(ط) ن؛\n(ي) ن؛\n(ك) ن؛\n(ل) ن؛\n(م) ن؛\n(ن) ن؛\n(س) ن.",
			[]string{"art.1", "art.1.a", "art.1.b", "art.1.c", "art.1.d", "art.1.e", "art.1.f", "art.1.g", "art.1.h", "art.1.i", "art.1.j", "art.1.k", "art.1.l", "art.1.m", "art.1.n", "art.1.o"}, nil},
		{"en UN", "en", "Chapter I\nGeneral provisions\nArticle 1\nStatement of purpose\n1. Text:\n(a) text;\n(i) text;\n(ii) text;\n(b) text.",
			[]string{"ch.1", "art.1", "art.1.1", "art.1.1.a", "art.1.1.a.i", "art.1.1.a.ii", "art.1.1.b"}, nil},
		{"en letter i after h", "en", "Article 2\nUse of terms\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h;\n(i) i;\n(j) j.",
			[]string{"art.2", "art.2.a", "art.2.b", "art.2.c", "art.2.d", "art.2.e", "art.2.f", "art.2.g", "art.2.h", "art.2.i", "art.2.j"}, nil},
		{"en markdown", "en", "### CHAPTER  I  \n\n####GENERAL PROVISIONS\n\n### Article  1  \n\n####Statement of purpose\n\nThe purposes are: \n\na) To promote;\n\n(i)The first;\n\nb) To foster.",
			[]string{"ch.1", "art.1", "art.1.a", "art.1.a.i", "art.1.b"}, nil},
		{"fr", "fr", "Chapitre premier\nDispositions générales\nArticle premier\nObjet\n1. Texte :\na) texte ;\ni) texte ;\nii) texte ;\nb) texte.",
			[]string{"ch.1", "art.1", "art.1.1", "art.1.1.a", "art.1.1.a.i", "art.1.1.a.ii", "art.1.1.b"}, nil},
		{"es", "es", "Capítulo I\nDisposiciones generales\nArtículo 1\nFinalidad\n1. Texto:\na) texto;\ni) texto;\nb) texto.",
			[]string{"ch.1", "art.1", "art.1.1", "art.1.1.a", "art.1.1.a.i", "art.1.1.b"}, nil},
		{"ru Latin letters", "ru", "Глава I\nОбщие положения\nСтатья 1\nЦель\n1. Текст:\na) текст;\ni) текст;\nb) текст.",
			[]string{"ch.1", "art.1", "art.1.1", "art.1.1.a", "art.1.1.a.i", "art.1.1.b"}, nil},
		{"ru Cyrillic letters", "ru", "Статья 3\nСфера\n1. Текст:\nа) текст;\nб) текст;\nв) текст.",
			[]string{"art.3", "art.3.1", "art.3.1.a", "art.3.1.b", "art.3.1.c"}, nil},
		{"preamble and closing", "en", "Preamble\nThe States Parties to this Convention,\nConcerned about A,\nRecognizing B,\nHave agreed as follows:\nArticle 1\nPurpose\nText.\nIN WITNESS WHEREOF, the undersigned have signed.\n¹ A footnote.",
			[]string{"pre", "pre.1", "pre.2", "art.1", "closing", "fn.1"}, nil},
		{"zero labels are text", "ar", "المادة 1: عنوان\n’0’ نص\n’1’ نص",
			[]string{"art.1", "art.1.i"}, nil},
		{"ar spelled-out ordinals", "ar", "المادة الأولى\nنص المادة الأولى.\nالمادة الثانية\nنص المادة الثانية.\nالفصل الثاني\nعنوان",
			[]string{"art.1", "art.2", "ch.2"}, nil},
		{"en (i) starts items under (h)", "en", "Article 1\nTitle\n1. Text:\n(g) g;\n(h) take measures, including:\n(i) one;\n(ii) two;\n(i) establish;\n(j) last.",
			[]string{"art.1", "art.1.1", "art.1.1.g", "art.1.1.h", "art.1.1.h.i", "art.1.1.h.ii", "art.1.1.i", "art.1.1.j"}, nil},
		{"en (v) continues items under (u)", "en", "Article 1\nTitle\n(t) t;\n(u) u:\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five;\n(v) vee.",
			[]string{"art.1", "art.1.t", "art.1.u", "art.1.u.i", "art.1.u.ii", "art.1.u.iii", "art.1.u.iv", "art.1.u.v", "art.1.v"}, nil},
		{"en Article 36 bis", "en", "Article 36\nTitle\nText.\nArticle 36 bis\nTransfer of data\n1. Text.\nArticle 37\nTitle",
			[]string{"art.36", "art.36-1", "art.36-1.1", "art.37"}, []string{"Article 36", "Article 36 bis", "1.", "Article 37"}},
		{"en lower-case article continues a sentence", "en", "Article 4\nTitle\n1. States shall act as referred to in\narticle 5 of this Convention and in\nthe annex.\nArticle 5\nTitle",
			[]string{"art.4", "art.4.1", "art.5"}, nil},
		{"zh cross-reference after a page break", "zh", "第 5 条. 标题\n1. 缔约国应当依照第3条第1款\n(a)项的规定采取措施。\n2. 乙。",
			[]string{"art.5", "art.5.1", "art.5.2"}, nil},
		{"no numbering", "en", "Just a line of text.\n\nAnother one\nbroken by a page.\nAnd a third line.",
			[]string{"p.1", "p.2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.lang, tt.text)
			got := addrs(d)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Fatalf("addresses\n got %v\nwant %v", got, tt.want)
			}
			if tt.labels != nil {
				i := 0
				for u := range d.All() {
					if tt.labels[i] != "" && u.Label != tt.labels[i] {
						t.Errorf("%s: label %q, want %q", u.Addr, u.Label, tt.labels[i])
					}
					i++

				}
			}
		})
	}
}

func TestTextPlacement(t *testing.T) {
	d := parse(t, "zh", "第 13 条. 盗窃\n\n各缔约国均应：在无权情况下故意\n\n(a) 甲；\n\n(b) 乙；\n\n存有欺诈意图。\n\n第 23 条. 范围\n\n3. (a) 甲；\n(b) 若：\n\n- (一) 丙；\n- (二) 丁；\n\n则该缔约国可保留。\n\n4. 戊将\n\n故意实施。")
	checks := map[string][2]string{ // addr → text, tail
		"art.13":     {"各缔约国均应：在无权情况下故意", "存有欺诈意图。"},
		"art.23.3":   {"", ""},
		"art.23.3.b": {"若：", "则该缔约国可保留。"},
		"art.23.4":   {"戊将故意实施。", ""},
	}
	for addr, want := range checks {
		u := d.Find(addr)
		if u == nil {
			t.Fatalf("no unit %s in %v", addr, addrs(d))
		}
		if u.Text != want[0] || u.Tail != want[1] {
			t.Errorf("%s: text %q tail %q, want %q %q", addr, u.Text, u.Tail, want[0], want[1])
		}
	}
}

func TestOrdinalsDeterministic(t *testing.T) {
	text := "المادة الأولى\nنص.\nالمادة الثانية\nنص.\n"
	first := strings.Join(addrs(parse(t, "ar", text)), " ")
	for range 20 {
		if got := strings.Join(addrs(parse(t, "ar", text)), " "); got != first {
			t.Fatalf("%s, then %s", first, got)
		}
	}
}

func TestMarkdownLinks(t *testing.T) {
	d := parse(t, "en", "Article 1\nTitle\n1. See the [1996 Convention](../../a/(1996)/b/README.md) and [it](#).")
	if got := d.Find("art.1.1").Text; got != "See the 1996 Convention and it." {
		t.Errorf("text %q", got)
	}
}

func TestPageBreakJoins(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"zh", "1. 联合国会\n\n员国之间。", "联合国会员国之间。"},
		{"en", "1. States Parties shall\ncooperate.", "States Parties shall cooperate."},
		{"en", "1. States Parties shall co-\noperate in good faith.", "States Parties shall cooperate in good faith."},
		{"en", "1. The non-\nState actors.", "The non- State actors."},
	}
	for _, tt := range tests {
		d := parse(t, tt.lang, tt.text)
		u := d.Units[0]
		if u.Text != tt.want {
			t.Errorf("%q: text %q, want %q", tt.text, u.Text, tt.want)
		}
	}
}

func TestStatusAttribution(t *testing.T) {
	text := "第2条. 术语[暂定]\n\n(a) 甲；[暂定]\n\n(f) 乙：\n\n(一) 丙；\n\n(三) 丁；\n\n[暂定]\n\n(g) 戊。\n\n第 10 条. 干扰\n\n[暂定]\n\n各缔约国均应。\n\n第 40 条. 司法协助\n\n9. 己：\n\n(a) 庚；\n(b) 辛。\n\n[非正式会议商定]\n\n10. 壬。"
	d := parse(t, "zh", text)
	want := map[string]segment.Status{
		"art.2": segment.StatusAdRef, "art.2.a": segment.StatusAdRef, "art.2.f": segment.StatusAdRef,
		"art.10": segment.StatusAdRef, "art.40.9": segment.StatusInformal,
	}
	for u := range d.All() {
		if u.Status != want[u.Addr] {
			t.Errorf("%s: status %q, want %q", u.Addr, u.Status, want[u.Addr])
		}

	}
	if h := d.Find("art.2").Heading; h != "术语" {
		t.Errorf("heading %q keeps its mark", h)
	}
}

func TestMarksAreExtensible(t *testing.T) {
	marks := segment.DefaultMarks()
	if err := marks.Load(strings.NewReader("# lang\tmark\tstatus\nen\tagreed ad referendum\tad-ref\n")); err != nil {
		t.Fatal(err)
	}
	d, err := segment.Parse("x", "Article 1\nPurpose\n1. Text. [agreed ad referendum]", segment.Options{Lang: "en", Marks: marks})
	if err != nil {
		t.Fatal(err)
	}
	if st := d.Find("art.1.1").Status; st != segment.StatusAdRef {
		t.Errorf("status %q", st)
	}
	if err := marks.Load(strings.NewReader("en\tx\tagreed\n")); err == nil {
		t.Error("unknown status accepted")
	}
}

func TestStrayBracketWarns(t *testing.T) {
	d := parse(t, "zh", "第 58 条. 秘书处\n2. 秘书处应当：\n - (b) 协助；以及[\n - (c) 确保协调。")
	var stray []segment.Warning
	for _, w := range d.Warnings {
		if w.Text != "" {
			stray = append(stray, w)
		}
	}
	if len(stray) != 1 || stray[0].Line != 3 || stray[0].Text != "[" {
		t.Fatalf("warnings %+v", d.Warnings)
	}
	if !strings.HasPrefix(stray[0].String(), "test.txt:3: ") {
		t.Errorf("warning does not name file and line: %s", stray[0])
	}
	if d.Find("art.58.2.b").Text != "协助；以及" {
		t.Errorf("text %q", d.Find("art.58.2.b").Text)
	}
}

func TestBadInput(t *testing.T) {
	for _, text := range []string{"", " \n\t\n", "\ufeff"} {
		if _, err := segment.Parse("x", text, segment.Options{}); !errors.Is(err, segment.ErrNoText) {
			t.Errorf("%q: err %v", text, err)
		}
	}
	if _, err := segment.Parse("x", "1. 2. 3.", segment.Options{}); err == nil {
		t.Error("text without letters: no error")
	}
}

// TestL15 checks the reference document against the counts its structure has.
func TestL15(t *testing.T) {
	d := parse(t, "", testenv.Read(t, "un-cybercrime/L15.zh.txt"))
	if d.Lang != "zh" {
		t.Errorf("lang %q", d.Lang)
	}
	want := map[segment.Kind]int{
		segment.KindRecital: 15, segment.KindChapter: 9, segment.KindArticle: 68, segment.KindParagraph: 264,
		segment.KindSubparagraph: 195, segment.KindItem: 20, segment.KindClosing: 1, segment.KindFootnote: 1,
	}
	got := d.Count()
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d %s, want %d", got[k], k, n)
		}
	}
	var titles []string
	status := map[segment.Status]int{}
	marks := 0
	for u := range d.All() {
		if u.Kind == segment.KindChapter {
			titles = append(titles, u.Heading)
		}
		status[u.Status]++
		marks += len(u.Marks)
		if len(u.Marks) > 1 {
			t.Errorf("%s has %d marks", u.Addr, len(u.Marks))
		}

	}
	if s := strings.Join(titles, " "); s != "总则 刑事定罪 管辖权 程序措施和执法 国际合作 预防措施 技术援助和信息交流 实施机制 最后条款" {
		t.Errorf("chapter titles %s", s)
	}
	if status[segment.StatusAdRef] != 161 || status[segment.StatusInformal] != 2 || marks != 163 {
		t.Errorf("status %v, %d marks", status, marks)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Message, `"["`) || d.Find("art.58.2.b") == nil ||
		d.Warnings[0].Line != d.Find("art.58.2.b").Line {
		t.Errorf("warnings %v", d.Warnings)
	}
	for addr, want := range map[string]string{
		"pre.15":   "考虑到关于刑事事项合作的各项现有国际和区域公约和条约、以及联合国会员国之间存在的类似条约，",
		"closing":  "兹由经各自政府正式授权的下列署名全权代表签署本公约，以昭信守。¹",
		"art.12.1": "",
	} {
		u := d.Find(addr)
		if u == nil {
			t.Fatalf("no %s", addr)
		}
		if want != "" && u.Text != want {
			t.Errorf("%s: %q", addr, u.Text)
		}
	}
	if !strings.HasPrefix(d.Find("art.13").Tail, "存有欺诈或不诚实意图") {
		t.Errorf("art.13 tail %q", d.Find("art.13").Tail)
	}
	if d.Find("art.17.1").Text != "各缔约国均应根据本国法律的基本原则采取必要的立法措施和其他措施，将故意实施的以下行为确立为刑事犯罪行为：" {
		t.Errorf("art.17.1 page break not joined: %q", d.Find("art.17.1").Text)
	}
	if d.Find("art.2.f").Status != segment.StatusAdRef || d.Find("art.2.f.iii").Status != "" {
		t.Error("own-line mark after art.2 (f)'s items not given to (f)")
	}
	if d.Find("pre").Text != "本公约各缔约国，" || d.Find("pre").Tail != "兹协议如下：" {
		t.Errorf("preamble %q / %q", d.Find("pre").Text, d.Find("pre").Tail)
	}
}

var artRe = regexp.MustCompile(`^art\.(\d+)`)

// TestArabicMatchesL15 checks that the Arabic final text of articles 1–15
// has exactly the addresses those articles have in the L.15 draft.
func TestArabicMatchesL15(t *testing.T) {
	zh := parse(t, "", testenv.Read(t, "un-cybercrime/L15.zh.txt"))
	ar := parse(t, "", testenv.Read(t, "un-cybercrime/final.ar.art1-15.txt"))
	if ar.Lang != "ar" {
		t.Errorf("lang %q", ar.Lang)
	}
	set := func(d *segment.Document) map[string]bool {
		m := map[string]bool{}
		for _, a := range addrs(d) {
			if s := artRe.FindStringSubmatch(a); s != nil {
				if n, _ := strconv.Atoi(s[1]); n <= 15 {
					m[a] = true
				}
			}
		}
		return m
	}
	zs, as := set(zh), set(ar)
	if len(as) != 85 || len(zs) != 85 {
		t.Errorf("%d Arabic and %d Chinese addresses in articles 1–15, want 85", len(as), len(zs))
	}
	for a := range zs {
		if !as[a] {
			t.Errorf("%s missing in Arabic", a)
		}
	}
	for a := range as {
		if !zs[a] {
			t.Errorf("%s only in Arabic", a)
		}
	}
}

// englishPart cuts a treaties-en-nl file before its Dutch translation,
// which starts where the Dutch title appears a second time.
func englishPart(t *testing.T, text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if i > 5 && (strings.HasPrefix(l, "####Verdrag") || strings.HasPrefix(l, "### Artikel")) {
			return strings.Join(lines[:i], "\n")
		}
	}
	t.Fatal("no Dutch part found")
	return ""
}

func TestTreatiesEnglish(t *testing.T) {
	for file, want := range map[string][2]int{
		"UNCAC_BWBV0001830_en-nl.md":                                 {71, 8},
		"budapest-convention-ETS185_BWBV0001839_en-nl.md":            {48, 4},
		"budapest-convention-ETS185_BWBV0001839_en-nl@2007-03-01.md": {48, 4},
	} {
		d := parse(t, "en", englishPart(t, testenv.Read(t, "treaties-en-nl/"+file)))
		c := d.Count()
		if c[segment.KindArticle] != want[0] || c[segment.KindChapter] != want[1] {
			t.Errorf("%s: %d articles in %d chapters, want %v", file, c[segment.KindArticle], c[segment.KindChapter], want)
		}
	}
}

// TestLawArticleCounts checks every law file against the article counts of
// version-pairs-index.tsv.
func TestLawArticleCounts(t *testing.T) {
	n := 0
	for _, law := range testenv.Laws(t) {
		for i, path := range law.Paths {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d := parse(t, "", string(b))
			want := law.Articles[i]
			// The index was counted from well-formed labels only; a label
			// printed as "第一百二十四 条采用…" is an article all the same,
			// and concord warns about it.
			for _, w := range d.Warnings {
				if strings.Contains(w.Message, "runs into its text") {
					want++
				}
			}
			if got := d.Count()[segment.KindArticle]; got != want {
				t.Errorf("%s: %d articles, want %d", filepath.Base(path), got, want)
			}
			n++
		}
	}
	if n != 153 {
		t.Errorf("%d law files, want 153", n)
	}
}

// TestLosslessCorpora parses every text file of the corpora and checks that
// nothing is lost or invented.
func TestLosslessCorpora(t *testing.T) {
	dir := testenv.Corpora(t)
	n := 0
	err := filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		ext := filepath.Ext(path)
		if ext != ".txt" && ext != ".md" && !strings.Contains(path, "unpc-devset/UNv1.0.devset.") {
			return nil
		}
		if strings.HasSuffix(path, ".ids") || strings.Contains(path, "bible-zh-en") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		d, err := segment.Parse(path, string(b), segment.Options{})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		if err := segment.Lossless(string(b), d); err != nil {
			t.Error(err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files lossless", n)
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"第 40 条. 标题[暂定]\n1. 甲；\n(a) 乙\n(一) 丙\n[暂定]\n(b)",
		"### Article  1  \n####Title\na) x;\n(i)y",
		"المادة 2: عنوان\n1 - نص:\n(أ) نص؛\n’1’ نص",
		"# T\n<!-- INFO END -->\n第一条　甲。\n（一）乙\n1.丙\n本项。\n（二）丁",
		"序言\n本公约各缔约国，\n甲，\n兹协议如下：\n第一章\n兹由以昭信守。\n¹ 注",
		"[暂定]\n以及[\n- \n## \n**",
	} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		if len(lang) > 3 {
			lang = ""
		}
		d, err := segment.Parse("fuzz", text, segment.Options{Lang: lang})
		if err != nil {
			return
		}
		if err := segment.Lossless(text, d); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for u := range d.All() {
			if seen[u.Addr] {
				t.Fatalf("duplicate address %s", u.Addr)
			}
			seen[u.Addr] = true

		}
	})
}

func BenchmarkParseL15(b *testing.B) {
	text := testenv.Read(b, "un-cybercrime/L15.zh.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := segment.Parse("L15", text, segment.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseLaws(b *testing.B) {
	dir := testenv.Corpora(b)
	paths, _ := filepath.Glob(filepath.Join(dir, "zh-law-revisions/version-pairs/*/*.md"))
	var texts []string
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			if _, err := segment.Parse("law", text, segment.Options{Lang: "zh"}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func ExampleParse() {
	text := "第 5 条. 保护主权[暂定]\n\n1. 缔约国应当履行义务。\n2. 本公约的任何规定\n概不得赋予管辖权。"
	d, err := segment.Parse("draft.txt", text, segment.Options{})
	if err != nil {
		panic(err)
	}
	for u := range d.All() {
		fmt.Printf("%s %q %q %q line %d\n", u.Addr, u.Label, u.Heading+u.Text, u.Status, u.Line)

	}
	// Output:
	// art.5 "第 5 条" "保护主权" "ad-ref" line 1
	// art.5.1 "1." "缔约国应当履行义务。" "" line 3
	// art.5.2 "2." "本公约的任何规定概不得赋予管辖权。" "" line 4
}

// BenchmarkParseScaling feeds inputs that once cost quadratic time (one
// unit collecting thousands of joined lines, numbering that never fits)
// at two sizes: ns/op must grow about fourfold from 5k to 20k lines.
func BenchmarkParseScaling(b *testing.B) {
	for _, pat := range []string{"(a) x\n", "(i) x\n(h) y\n", "Preamble\n", "第一条 甲。\n"} {
		for _, n := range []int{5000, 20000} {
			text := strings.Repeat(pat, n)
			b.Run(fmt.Sprintf("%q×%d", strings.TrimSpace(pat), n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if _, err := segment.Parse("q", text, segment.Options{Lang: "zh"}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func FuzzMarksLoad(f *testing.F) {
	f.Add("zh\t暂定\tad-ref\n# comment\nen\tagreed ad referendum\tad-ref\n")
	f.Add("en\tx\tagreed\n")
	f.Fuzz(func(t *testing.T, data string) {
		marks := segment.DefaultMarks()
		if err := marks.Load(strings.NewReader(data)); err != nil {
			return
		}
		for _, lang := range marks.Langs() {
			d, err := segment.Parse("x", "Article 1\nTitle\n1. Text.", segment.Options{Lang: lang, Marks: marks})
			if err != nil || d == nil {
				t.Fatalf("parse with loaded marks: %v", err)
			}
		}
	})
}

func TestParentAddr(t *testing.T) {
	for addr, want := range map[string]string{
		"art.2.f.ii": "art.2.f", "art.2.f": "art.2", "art.2": "", "art.120-1.2": "art.120-1",
		"ch.2": "", "part.1.ch.2": "part.1", "ch.2.sec.1": "ch.2", "pre.3": "pre", "pre": "",
		"fn.1": "", "closing": "", "title": "", "p.4": "", "annex.1.3": "annex.1",
	} {
		if got := segment.ParentAddr(addr); got != want {
			t.Errorf("ParentAddr(%q) = %q, want %q", addr, got, want)
		}
	}
}
