package align

import (
	"concord/corpora/testenv"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// sentCheckBeads checks the contract of Sentences: every source and target
// index in exactly one bead, in order, each bead's indices consecutive, no
// bead empty on both sides, scores in [0, 1].
func sentCheckBeads(t testing.TB, beads []Bead, n, m int) {
	t.Helper()
	ni, nj := 0, 0
	for k, b := range beads {
		if len(b.Src) == 0 && len(b.Tgt) == 0 {
			t.Fatalf("bead %d is empty", k)
		}
		for _, i := range b.Src {
			if i != ni {
				t.Fatalf("bead %d: source index %d, want %d", k, i, ni)
			}
			ni++
		}
		for _, j := range b.Tgt {
			if j != nj {
				t.Fatalf("bead %d: target index %d, want %d", k, j, nj)
			}
			nj++
		}
		if !(b.Score >= 0 && b.Score <= 1) {
			t.Fatalf("bead %d: score %v outside [0,1]", k, b.Score)
		}
	}
	if ni != n || nj != m {
		t.Fatalf("beads cover %d source and %d target sentences, want %d and %d", ni, nj, n, m)
	}
}

func sentRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %d", s, i)
	}
	return out
}

func TestSentencesEdgeCases(t *testing.T) {
	cases := []struct {
		name     string
		src, tgt []string
	}{
		{"both empty", nil, nil},
		{"source empty", nil, []string{"One.", "Two."}},
		{"target empty", []string{"一。", "二。", "三。"}, nil},
		{"single", []string{"你好。"}, []string{"Hello."}},
		{"empty strings", []string{"", "", "第3条"}, []string{"", "Article 3"}},
		{"punctuation only", []string{"……", "？"}, []string{"...", "?", "!"}},
		{"1x1000", []string{"第500条规定的事项。"}, sentRepeat("Article", 1000)},
		{"1000x1", sentRepeat("第条", 1000), []string{"Article 500"}},
		{"3x300", []string{"甲。", "乙。", "丙。"}, sentRepeat("Some sentence", 300)},
		{"long sentence", []string{strings.Repeat("很长的句子，", 3000)}, []string{strings.Repeat("a very long sentence, ", 3000), "x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			beads := Sentences(c.src, c.tgt, "zh", "en", SentOptions{})
			sentCheckBeads(t, beads, len(c.src), len(c.tgt))
		})
	}
}

// sentToyPair is a small zh-en text whose alignment is known: the English
// side splits one sentence in two and has an extra note.
func sentToyPair() (zh, en []string, gold [][2][]int) {
	zh = []string{
		"第一条 目的",
		"本公约的宗旨是促进和加强各项措施，以便更加高效和有效地预防和打击网络犯罪。",
		"第二条 术语的使用",
		"在本公约中：",
		"（a）“信息和通信技术系统”系指任何设备或一组相互连接或相关的设备。",
		"第三条 适用范围",
		"本公约除非另有规定，应当适用于第十四条至第十七条所确立的刑事犯罪的预防、侦查和起诉。",
		"第四条 保护主权",
		"缔约国在履行其根据本公约所承担的义务时，应当恪守各国主权平等和领土完整原则以及不干涉他国内政原则。",
	}
	en = []string{
		"Article 1. Statement of purpose",
		"The purposes of this Convention are to promote and strengthen measures to prevent and combat cybercrime more efficiently and effectively.",
		"Article 2. Use of terms",
		"For the purposes of this Convention:",
		"(a) “Information and communications technology system” shall mean any device or group of interconnected or related devices.",
		"Article 3. Scope of application",
		"This Convention shall apply, except as otherwise stated herein, to the prevention, investigation and prosecution of the criminal offences established in accordance with articles 14 to 17.",
		"Article 4. Protection of sovereignty",
		"States Parties shall carry out their obligations under this Convention in a manner consistent with the principles of sovereign equality and territorial integrity of States.",
		"They shall also respect the principle of non-intervention in the domestic affairs of other States.",
	}
	gold = [][2][]int{
		{{0}, {0}}, {{1}, {1}}, {{2}, {2}}, {{3}, {3}}, {{4}, {4}}, {{5}, {5}}, {{6}, {6}}, {{7}, {7}}, {{8}, {8, 9}},
	}
	return
}

func TestSentencesToy(t *testing.T) {
	zh, en, gold := sentToyPair()
	beads := Sentences(zh, en, "zh", "en", SentOptions{})
	sentCheckBeads(t, beads, len(zh), len(en))
	var got [][2][]int
	for _, b := range beads {
		got = append(got, [2][]int{b.Src, b.Tgt})
	}
	if !reflect.DeepEqual(got, gold) {
		t.Errorf("got %v\nwant %v", got, gold)
	}
}

func TestSentencesDropsAndReorders(t *testing.T) {
	// The anchors (article numbers) must pull the alignment through a
	// missing target sentence.
	zh, en, _ := sentToyPair()
	en2 := append(append([]string{}, en[:3]...), en[5:]...) // drop en 3 and 4
	beads := Sentences(zh, en2, "zh", "en", SentOptions{})
	sentCheckBeads(t, beads, len(zh), len(en2))
	for _, b := range beads {
		if len(b.Src) == 1 && b.Src[0] == 5 && (len(b.Tgt) != 1 || b.Tgt[0] != 3) {
			t.Errorf("第三条 aligned with %v, want [3] (Article 3)", b.Tgt)
		}
	}
}

func TestSentencesGlossary(t *testing.T) {
	src := []string{"甲方应当通知乙方。", "丙方不受影响。"}
	tgt := []string{"The notice shall be sent.", "Party A shall notify Party B of it.", "Party C is not affected."}
	opt := SentOptions{Glossary: []GlossaryEntry{{"甲方", "Party A"}, {"乙方", "Party B"}, {"丙方", "Party C"}}}
	beads := Sentences(src, tgt, "zh", "en", opt)
	sentCheckBeads(t, beads, len(src), len(tgt))
	for _, b := range beads {
		if len(b.Src) == 1 && b.Src[0] == 0 {
			if !reflect.DeepEqual(b.Tgt, []int{0, 1}) && !reflect.DeepEqual(b.Tgt, []int{1}) {
				t.Errorf("甲方… aligned with %v", b.Tgt)
			}
		}
	}
}

func TestSentencesTokenizerHook(t *testing.T) {
	zh, en, _ := sentToyPair()
	called := 0
	opt := SentOptions{Tokenizers: map[string]func(string) []string{
		"zh": func(s string) []string { called++; return DefaultSentTokenizer("zh")(s) },
	}}
	beads := Sentences(zh, en, "zh", "en", opt)
	sentCheckBeads(t, beads, len(zh), len(en))
	if called < len(zh) {
		t.Errorf("custom tokenizer called %d times, want at least %d", called, len(zh))
	}
}

func TestSentencesDeterministic(t *testing.T) {
	dir := sentCorpora(t, "bible-zh-en")
	zh := testenv.Lines(t, filepath.Join(dir, "zh.txt"))[:1300]
	en := testenv.Lines(t, filepath.Join(dir, "en.txt"))[:1000]
	a := Sentences(zh, en, "zh", "en", SentOptions{})
	b := Sentences(zh, en, "zh", "en", SentOptions{})
	prev := runtime.GOMAXPROCS(1)
	c := Sentences(zh, en, "zh", "en", SentOptions{})
	runtime.GOMAXPROCS(prev)
	sentCheckBeads(t, a, len(zh), len(en))
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(a, c) {
		t.Fatal("Sentences gave different results on the same input")
	}
}

func TestSentTokenizers(t *testing.T) {
	got := DefaultSentTokenizer("zh-Hans")("第17条 ICT系统，２０２４年")
	want := []string{"第", "17", "条", "ict", "系", "统", "2024", "年"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("zh: %q, want %q", got, want)
	}
	got = DefaultSentTokenizer("ar")("المادة ١٧: تطبيق")
	want = []string{"المادة", "17", "تطبيق"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ar: %q, want %q", got, want)
	}
	got = DefaultSentTokenizer("fr")("L'Article 3 — États")
	want = []string{"l", "article", "3", "états"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fr: %q, want %q", got, want)
	}
}

func ExampleSentences() {
	zh := []string{
		"第一条 目的",
		"本公约的宗旨是促进合作。",
		"第二条 术语的使用",
		"在本公约中：“系统”系指任何设备。",
	}
	en := []string{
		"Article 1. Purpose",
		"The purpose of this Convention is to promote cooperation.",
		"Article 2. Use of terms",
		"For the purposes of this Convention:",
		"“System” shall mean any device.",
	}
	for _, b := range Sentences(zh, en, "zh", "en", SentOptions{}) {
		fmt.Println(b.Src, "↔", b.Tgt)
	}
	// Output:
	// [0] ↔ [0]
	// [1] ↔ [1]
	// [2] ↔ [2]
	// [3] ↔ [3 4]
}

func FuzzSentences(f *testing.F) {
	f.Add("第一条\n本公约。\n第二条", "Article 1\nThis Convention.\nArticle 2", uint8(0))
	f.Add("", "a\nb", uint8(1))
	f.Add("Статья 17\n\n?", "المادة ١٧\n:", uint8(2))
	f.Add("1,500\n２０２４年\n（一）", "1.500\n(a)\n\"x\"", uint8(3))
	langs := []string{"zh", "en", "fr", "ru", "ar", "es"}
	f.Fuzz(func(t *testing.T, a, b string, l uint8) {
		if len(a) > 4000 || len(b) > 4000 {
			return
		}
		src := strings.Split(a, "\n")
		tgt := strings.Split(b, "\n")
		if a == "" {
			src = nil
		}
		if b == "" {
			tgt = nil
		}
		sl, tl := langs[int(l)%len(langs)], langs[int(l/8)%len(langs)]
		beads := Sentences(src, tgt, sl, tl, SentOptions{SearchBand: 1 + int(l%5)})
		sentCheckBeads(t, beads, len(src), len(tgt))
	})
}

func sentBibleInput(b *testing.B, times int) ([]string, []string) {
	dir := sentCorpora(b, "bible-zh-en")
	zh1 := testenv.Lines(b, filepath.Join(dir, "zh.txt"))
	en1 := testenv.Lines(b, filepath.Join(dir, "en.txt"))
	var zh, en []string
	for k := 0; k < times; k++ {
		zh = append(zh, zh1...)
		en = append(en, en1...)
	}
	return zh, en
}

func benchmarkSentBible(b *testing.B, times int) {
	zh, en := sentBibleInput(b, times)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Sentences(zh, en, "zh", "en", SentOptions{})
	}
	b.ReportMetric(float64(len(zh)+len(en))*float64(b.N)/b.Elapsed().Seconds(), "sents/s")
}

// BenchmarkSentencesBible aligns the Bible pair (6,301 zh × 5,000 en).
func BenchmarkSentencesBible(b *testing.B) { benchmarkSentBible(b, 1) }

// BenchmarkSentencesBible2x is larger than hunalign's benchmark (9.9k × 10.1k).
func BenchmarkSentencesBible2x(b *testing.B) { benchmarkSentBible(b, 2) }

// BenchmarkSentencesBible10x shows the growth with the input (63k × 50k).
func BenchmarkSentencesBible10x(b *testing.B) { benchmarkSentBible(b, 10) }

// BenchmarkSentencesMAC aligns the six chapters of MAC-Dev (1,444 zh ×
// 1,947 en sentences in all), with the dictionary.
func BenchmarkSentencesMAC(b *testing.B) {
	chs := sentLoadMAC(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, ch := range chs {
			Sentences(ch.zh, ch.en, "zh", "en", SentOptions{})
		}
	}
}
