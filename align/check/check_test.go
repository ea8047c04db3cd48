package check

import (
	"fmt"
	"strings"
	"testing"

	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/segment"
)

// kinds runs Run with only the given kinds.
func kinds(t *testing.T, docs []*segment.Document, kinds ...Kind) []Finding {
	t.Helper()
	var ignore []Kind
	for _, k := range Kinds {
		keep := false
		for _, x := range kinds {
			keep = keep || x == k
		}
		if !keep {
			ignore = append(ignore, k)
		}
	}
	return run(t, docs, Options{Ignore: ignore, Segmenter: testdocs.Segmenter(t)})
}

// run runs Run and fails the test on an error.
func run(t *testing.T, docs []*segment.Document, opt Options) []Finding {
	t.Helper()
	r, err := Run(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r.Findings
}

func findingsString(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s: %s\n", f.Addr, f.Kind, strings.Join(f.Langs, ","), f.Message)
	}
	return b.String()
}

func wantFindings(t *testing.T, fs []Finding, want ...string) {
	t.Helper()
	var got []string
	for _, f := range fs {
		got = append(got, f.Addr+" "+string(f.Kind)+" "+strings.Join(f.Langs, ","))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", findingsString(fs), strings.Join(want, "\n"))
	}
}

func TestCheckMissing(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第1条. 甲\n1. 一。\n2. 二。\n第2条. 乙\n1. 一。\n(a) 子项。\n(b) 子项。\n第3条. 丙\n1. 一。\n")
	en := testdocs.Load(t, "en.txt", "Article 1. A\n1. One.\nArticle 2. B\n1. One.\nArticle 4. D\n1. One.\n")
	fs := kinds(t, []*segment.Document{zh, en}, Missing)
	// sub-units of a missing unit are not reported again; art.4 comes
	// after art.3, where en has it
	wantFindings(t, fs, "art.1.2 missing en", "art.2.1.a missing en", "art.2.1.b missing en", "art.3 missing en", "art.4 missing zh")
	if !strings.Contains(fs[3].Message, "is in zh, missing in en") {
		t.Errorf("message %q", fs[3].Message)
	}
}

func TestCheckNumbering(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第1条. 甲\n1. 一。\n2. 二。\n4. 四。\n第2条. 乙\n2. 二。\n第3条. 丙\n(a) 甲；\n(c) 丙；\n第5条. 戊\n1. 一。\n1. 又一。\n")
	fs := kinds(t, []*segment.Document{zh}, Numbering)
	wantFindings(t, fs, "art.1.4 numbering zh", "art.2.2 numbering zh", "art.3.c numbering zh", "art.5 numbering zh", "art.5.1~2 numbering zh")
	for i, want := range []string{"paragraph 4 follows 2: 3 missing", "numbering starts at 2", "subparagraph 3 follows 1: 2 missing", "article 5 follows 3: 4 missing", "repeats number 1"} {
		if !strings.Contains(fs[i].Message, want) {
			t.Errorf("finding %d: %q, want %q in it", i, fs[i].Message, want)
		}
	}
}

func TestCheckStatus(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第1条. 甲 [暂定]\n第2条. 乙 [暂定]\n第3条. 丙\n")
	marks := segment.DefaultMarks()
	marks.Add("en", "Agreed ad referendum", segment.StatusAdRef)
	en, err := corpora.Load("en.txt", []byte("Article 1. A [Agreed ad referendum]\nArticle 2. B\nArticle 3. C\n"), corpora.LoadOptions{Marks: marks})
	if err != nil || en.Units[0].Status != segment.StatusAdRef {
		t.Fatalf("the English mark is not read: %v %+v", err, en.Units)
	}
	wantFindings(t, kinds(t, []*segment.Document{zh, en}, Status), "art.2 status zh,en")
	// a version without marks: one finding about the document
	bare := testdocs.Load(t, "ar.txt", "المادة 1: أ\nالمادة 2: ب\nالمادة 3: ج\n")
	fs := kinds(t, []*segment.Document{zh, bare}, Status)
	wantFindings(t, fs, " status ar")
	if !strings.Contains(fs[0].Message, "no status marks at all (zh marks 2 of the 3 units they share)") {
		t.Errorf("message %q", fs[0].Message)
	}
}

func TestCheckNumbers(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", strings.Join([]string{
		"第1条. 期限",
		"1. 应在 90 天内答复。",
		"2. 应在 2024年7月29日前答复，费用 1,000 美元。",
		"3. 至少四年有期徒刑。",
		"4. 应在 30 天内答复。",
		"5. 应在 2026 年前报告。",
	}, "\n"))
	en := testdocs.Load(t, "en.txt", strings.Join([]string{
		"Article 1. Time limits",
		"1. Reply within 60 days.",
		"2. Reply before 29 July 2024, at a cost of 1000 dollars.",
		"3. Imprisonment of at least four years.",
		"4. Reply within thirty days.",
		"5. Report before 2025.",
	}, "\n"))
	ar := testdocs.Load(t, "ar.txt", strings.Join([]string{
		"المادة 1: المهل",
		"1 - الرد في غضون ٩٠ يوما.",
		"2 - الرد قبل 29 تموز/يوليه 2024، بتكلفة 1000 دولار.",
		"3 - السجن أربع سنوات على الأقل.",
		"4 - الرد في غضون 30 يوما.",
		"5 - تقديم تقرير قبل عام 2026.",
	}, "\n"))
	fs := kinds(t, []*segment.Document{zh, en, ar}, Number)
	wantFindings(t, fs, "art.1.1 number zh,en,ar", "art.1.5 number zh,en,ar")
	if !strings.Contains(fs[0].Message, "zh 90; en 60; ar 90") || !strings.Contains(fs[1].Message, "zh 2026; en 2025; ar 2026") {
		t.Errorf("messages:\n%s", findingsString(fs))
	}
}

func TestCheckXrefs(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第17条. 甲\n1. 缔约国应当适用本公约第 17 条第 1 款(b)项。\n2. 本条第 1 款不适用于本公约第 7 条至第 10 条。\n3. 本款第(a)至(c)项。\n")
	en := testdocs.Load(t, "en.txt", "Article 17. A\n1. States Parties shall apply article 18, paragraph 1 (b), of this Convention.\n2. Paragraph 1 of this article shall not apply to articles 7 to 10 of this Convention.\n3. Subparagraphs (a) to (c) of this paragraph.\n")
	ar := testdocs.Load(t, "ar.txt", "المادة 17: أ\n1 - تطبق الدول الأطراف الفقرة 1 (ب) من المادة 17 من هذه الاتفاقية.\n2 - لا تنطبق الفقرة 1 من هذه المادة على المواد 7 إلى 10 من هذه الاتفاقية.\n3 - الفقرات الفرعية (أ) إلى (ج) من هذه الفقرة.\n")
	fs := kinds(t, []*segment.Document{zh, en, ar}, Xref, Number)
	wantFindings(t, fs, "art.17.1 xref zh,en,ar")
	if !strings.Contains(fs[0].Message, "zh → art.17.1.b; en → art.18.1.b; ar → art.17.1.b") {
		t.Errorf("message %q", fs[0].Message)
	}
}

func TestCheckLatinAndBrackets(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第1条. 与信息 and 通信技术系统有关的行为\n1. 世界贸易组织（WTO）的规则，见第 1 款(b)项。\n2. 见《公约》（第 3 条。\n3. 缔约国应当[\n")
	fs := kinds(t, []*segment.Document{zh}, Latin, Bracket)
	wantFindings(t, fs, "art.1 latin zh", "art.1.2 bracket zh", "art.1.3 bracket zh")
	if !strings.Contains(fs[0].Message, `"and"`) || !strings.Contains(fs[1].Message, `"（" opened but never closed`) || !strings.Contains(fs[2].Message, `unmatched "["`) {
		t.Errorf("messages:\n%s", findingsString(fs))
	}
}

func TestCheckTermsAndIgnore(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第1条. 术语\n(a) “信息和通信技术系统”系指任何装置；\n第2条. 与信息通信技术系统有关的犯罪\n")
	fs := kinds(t, []*segment.Document{zh}, Term)
	wantFindings(t, fs, "art.2 term zh")
	if !strings.Contains(fs[0].Message, `"信息通信技术系统"`) {
		t.Errorf("message %q", fs[0].Message)
	}
	if fs := run(t, []*segment.Document{zh}, Options{Ignore: Kinds}); len(fs) != 0 {
		t.Errorf("findings with every kind ignored: %v", fs)
	}
}

// TestCheckL15Arabic: articles 16–68 missing in Arabic, the stray "and"
// of article 12, the stray "[" of article 58, the Arabic text's lack of
// status marks once, and on the shared units only the defined-term
// variants of articles 12 and 13.
func TestCheckL15Arabic(t *testing.T) {
	zh, ar := testdocs.L15(t), testdocs.Arabic(t)
	fs := run(t, []*segment.Document{zh, ar}, Options{})
	missing := map[string]bool{}
	var other []string
	for _, f := range fs {
		shared := zh.Find(f.Addr) != nil && ar.Find(f.Addr) != nil
		switch {
		case f.Kind == Missing:
			if !reflectEqual(f.Langs, []string{"ar"}) {
				t.Errorf("missing %s in %v", f.Addr, f.Langs)
			}
			missing[f.Addr] = true
		case f.Kind == Status:
			if f.Addr != "" || !reflectEqual(f.Langs, []string{"ar"}) {
				t.Errorf("status finding %+v, want one about the Arabic document", f)
			}
			other = append(other, "status")
		case f.Kind == Latin && f.Addr == "art.12" && strings.Contains(f.Message, `"and"`):
			other = append(other, "latin art.12")
		case f.Kind == Bracket && strings.HasPrefix(f.Addr, "art.58") && strings.Contains(f.Message, `"["`):
			other = append(other, "bracket art.58")
		case f.Kind == Term && (f.Addr == "art.12" || f.Addr == "art.13") && shared:
			other = append(other, "term "+f.Addr)
		default:
			t.Errorf("unexpected finding %+v", f)
		}
	}
	for n := 16; n <= 68; n++ {
		if !missing[fmt.Sprintf("art.%d", n)] {
			t.Errorf("art.%d not reported missing in ar", n)
		}
	}
	for n := 1; n <= 15; n++ {
		if missing[fmt.Sprintf("art.%d", n)] {
			t.Errorf("art.%d reported missing", n)
		}
	}
	if got := strings.Join(other, ", "); got != "status, latin art.12, term art.12, term art.13, bracket art.58" {
		t.Errorf("other findings: %s", got)
	}
}

func reflectEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// BenchmarkCheckL15Arabic checks the L.15 draft against the Arabic text.
func BenchmarkCheckL15Arabic(b *testing.B) {
	docs := []*segment.Document{testdocs.L15(b), testdocs.Arabic(b)}
	seg := testdocs.Segmenter(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(docs, Options{Segmenter: seg}); err != nil {
			b.Fatal(err)
		}
	}
}
