package words

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func mustNew(tb testing.TB, o Options) *Segmenter {
	tb.Helper()
	s, err := New(o)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func join(toks []Token) string { return strings.Join(texts(toks), "/") }

// TestTreatyTermsL15 checks the done-when of the treaty dictionary on the
// real L.15 draft: the defined terms come out as single tokens, and no
// occurrence of them is cut apart.
func TestTreatyTermsL15(t *testing.T) {
	text := corpusFile(t, l15)
	s := mustNew(t, Options{})
	toks := s.Cut(text, "zh")
	checkTokens(t, text, toks)
	count := map[string]int{}
	for _, tk := range toks {
		count[tk.Text]++
	}
	for _, term := range []string{"信息和通信技术系统", "订户信息", "流量数据", "内容数据", "犯罪所得", "司法协助", "缔约国", "服务提供商"} {
		if count[term] == 0 {
			t.Errorf("%s never comes out as one token", term)
		}
		// Every occurrence lies inside one token (缔约国 may be part of
		// 被请求缔约国, which is itself a term).
		for off := 0; ; {
			i := strings.Index(text[off:], term)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(term)
			k, _ := slices.BinarySearchFunc(toks, start, func(tk Token, p int) int {
				if tk.End <= p {
					return -1
				}
				if tk.Start > p {
					return 1
				}
				return 0
			})
			if k == len(toks) || toks[k].Start > start || toks[k].End < end {
				t.Errorf("%s at byte %d is cut: %s", term, start, join(toks[max(0, k-2):min(len(toks), k+4)]))
			}
			off = end
		}
		t.Logf("%-12s %3d tokens", term, count[term])
	}
}

// TestArticle2c: in art. 2 (c) the term 信息和通信技术系统 is whole and the
// following 生成 is not glued to 系统 (gse's dictionary has 系统生成).
func TestArticle2c(t *testing.T) {
	text := corpusFile(t, l15)
	var line string
	for _, l := range lines(text) {
		if strings.Contains(l, "“流量数据”系指") {
			line = l
		}
	}
	if line == "" {
		t.Fatal("art. 2 (c) not found in L.15")
	}
	toks := texts(mustNew(t, Options{}).Cut(line, "zh"))
	got := strings.Join(toks, "/")
	if !strings.Contains(got, "/链/一部分/的/信息和通信技术系统/生成/") {
		t.Errorf("art. 2 (c): %s", got)
	}
	if slices.Contains(toks, "系统生成") {
		t.Errorf("系统生成 glued: %s", got)
	}
	if !strings.Contains(got, "“/流量数据/”/系指") {
		t.Errorf("流量数据 not whole: %s", got)
	}
}

// TestPropertiesL15: offsets index the input exactly, in order, with only
// whitespace between tokens, for every configuration and for both the
// Chinese and the UAX #29 paths; output is deterministic and CutAll agrees
// with Cut.
func TestPropertiesL15(t *testing.T) {
	text := corpusFile(t, l15)
	ls := lines(text)
	for _, o := range []Options{{}, {NoTreatyDict: true}, {HMM: true}, {Terms: []string{"通信链", "x"}}} {
		s := mustNew(t, o)
		for _, lang := range []string{"zh", "en"} {
			whole := s.Cut(text, lang)
			checkTokens(t, text, whole)
			if again := s.Cut(text, lang); !slices.Equal(whole, again) {
				t.Fatalf("%+v %s: not deterministic", o, lang)
			}
			all := s.CutAll(ls, lang, 3)
			for i, l := range ls {
				toks := s.Cut(l, lang)
				checkTokens(t, l, toks)
				if !slices.Equal(toks, all[i]) {
					t.Fatalf("%+v %s: CutAll differs from Cut on line %d", o, lang, i)
				}
			}
		}
	}
}

func TestLatinInChinese(t *testing.T) {
	s := mustNew(t, Options{})
	for in, want := range map[string]string{
		"与信息 and 通信技术系统":     "与/信息/and/通信/技术/系统",
		"第 12 条. 与信息 and 通信": "第/12/条/./与/信息/and/通信",
		"A/AC.291/L.15号文件":   "A///AC/./291///L/./15/号/文件",
		"iPhone和Android系统":   "iPhone/和/Android/系统",
	} {
		if got := join(s.Cut(in, "zh")); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
	// With the treaty terms, 信息和通信技术系统 stays whole but is not
	// matched across " and ".
	if got := join(s.Cut("信息和通信技术系统与信息 and 通信技术系统", "zh")); got != "信息和通信技术系统/与/信息/and/通信/技术/系统" {
		t.Errorf("got %s", got)
	}
}

func TestOtherLanguages(t *testing.T) {
	s := mustNew(t, Options{})
	for _, c := range []struct{ lang, in, want string }{
		{"en", "The State Party's obligations, e.g. 1.5% of GDP.", "The/State/Party's/obligations/,/e.g/./1.5/%/of/GDP/."},
		{"fr", "l’État partie « requis » — aujourd'hui", "l’État/partie/«/requis/»/—/aujourd'hui"},
		{"es", "el Estado Parte requirente,\tArtículo 2", "el/Estado/Parte/requirente/,/Artículo/2"},
		{"ru", "Государство-участник, запрашиваемое", "Государство/-/участник/,/запрашиваемое"},
		{"ar", "المادة 2: استخدام المصطلحات", "المادة/2/:/استخدام/المصطلحات"},
		{"EN", "  ", ""},
	} {
		toks := s.Cut(c.in, c.lang)
		checkTokens(t, c.in, toks)
		if got := join(toks); got != c.want {
			t.Errorf("%s %q: got %s, want %s", c.lang, c.in, got, c.want)
		}
	}
}

func TestArabicCorpus(t *testing.T) {
	text := corpusFile(t, "un-cybercrime/final.ar.art1-15.txt")
	s := mustNew(t, Options{})
	toks := s.Cut(text, "ar")
	checkTokens(t, text, toks)
	if !slices.Contains(texts(toks), "المصطلحات") {
		t.Errorf("المصطلحات not a token")
	}
}

func TestTermsAndUserDict(t *testing.T) {
	const in = "通信链上的流量数据"
	if got := join(mustNew(t, Options{NoTreatyDict: true}).Cut(in, "zh")); got != "通信/链/上/的/流量/数据" {
		t.Fatalf("base: %s", got)
	}
	if got := join(mustNew(t, Options{NoTreatyDict: true, Terms: []string{"通信链", " 流量数据 ", ""}}).Cut(in, "zh")); got != "通信链/上/的/流量数据" {
		t.Errorf("Terms: %s", got)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "user.txt")
	if err := os.WriteFile(p, []byte("# treaty words\n\n通信链 50000 n\n流量数据\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := join(mustNew(t, Options{UserDict: p, NoTreatyDict: true}).Cut(in, "zh")); got != "通信链/上/的/流量数据" {
		t.Errorf("UserDict: %s", got)
	}
	// A given frequency replaces the dictionary's and the treaty list's;
	// without one a term keeps the higher of DefaultTermFreq and its base
	// frequency.
	if err := os.WriteFile(p, []byte("缔约国 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := mustNew(t, Options{UserDict: p, Terms: []string{"的确"}})
	if d := s.extra.words["缔约国"]; d != s.base.distance(1) {
		t.Errorf("缔约国 1: distance %v, want %v", d, s.base.distance(1))
	}
	if d := s.extra.words["司法协助"]; d != s.base.distance(DefaultTermFreq) {
		t.Errorf("司法协助: distance %v, want %v", d, s.base.distance(DefaultTermFreq))
	}
	if _, err := New(Options{UserDict: filepath.Join(dir, "missing.txt")}); err == nil {
		t.Error("missing user dictionary: no error")
	}
	if err := os.WriteFile(p, []byte("通信链 many\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{UserDict: p}); err == nil || !strings.Contains(err.Error(), ":1: bad frequency") {
		t.Errorf("bad frequency: err = %v", err)
	}
}

func TestNoTreatyDict(t *testing.T) {
	in := "被请求缔约国应提供司法协助"
	if got := join(mustNew(t, Options{}).Cut(in, "zh")); got != "被请求缔约国/应/提供/司法协助" {
		t.Errorf("treaty: %s", got)
	}
	if got := join(mustNew(t, Options{NoTreatyDict: true}).Cut(in, "zh")); got != "被/请求/缔约国/应/提供/司法/协助" {
		t.Errorf("no treaty: %s", got)
	}
}

func TestHMM(t *testing.T) {
	in := "他来到了网易杭研大厦。"
	plain := join(mustNew(t, Options{}).Cut(in, "zh"))
	toks := mustNew(t, Options{HMM: true}).Cut(in, "zh")
	checkTokens(t, in, toks)
	got := join(toks)
	if got == plain {
		t.Errorf("HMM changed nothing: %s", got)
	}
	if !strings.HasSuffix(got, "/。") {
		t.Errorf("HMM glued punctuation: %s", got)
	}
	t.Logf("shortest path %s, HMM %s", plain, got)
}

func TestEdgeCases(t *testing.T) {
	s := mustNew(t, Options{HMM: true})
	for _, in := range []string{"", " ", "\n\t", "\xff", "a", "中", "\u3000中\u3000", "¹", "12.5", "\xe4\xb8", "中\x00文"} {
		for _, lang := range []string{"zh", "en"} {
			checkTokens(t, in, s.Cut(in, lang))
		}
	}
	if s.Cut("", "zh") != nil || len(s.CutAll(nil, "zh", 0)) != 0 {
		t.Error("empty input gives tokens")
	}
}

func TestIsChinese(t *testing.T) {
	for lang, want := range map[string]bool{"zh": true, "ZH-Hans": true, "zh_CN": true, "cmn": true, "en": false, "": false, "ja": false, "zhx": false} {
		if IsChinese(lang) != want {
			t.Errorf("IsChinese(%q) = %v", lang, !want)
		}
	}
}

// TestEmbeddedDict checks the generated file against its header and gse's
// figures.
func TestEmbeddedDict(t *testing.T) {
	base, err := loadBase()
	if err != nil {
		t.Fatal(err)
	}
	if base.nWords != 352279 || base.total != 33335165 {
		t.Errorf("%d words, total %v; want gse zh_s: 352279, 33335165", base.nWords, base.total)
	}
	t.Logf("%d words, %d runes, %d nodes, in place: %v", base.nWords, base.nRunes, len(base.label), base.inPlace)
	if base.lookup("缔约国") == 0 || base.lookup("缔约") == 0 || base.lookup("缔约国家x") != 0 || base.lookup("") != 0 {
		t.Error("lookup")
	}
}

// TestConcurrent runs many goroutines on one Segmenter (run with -race).
func TestConcurrent(t *testing.T) {
	s := mustNew(t, Options{HMM: true, Terms: []string{"通信链"}})
	in := []string{"由构成通信链一部分的信息和通信技术系统生成", "他来到了网易杭研大厦。", "The State Party shall", "与信息 and 通信技术系统"}
	want := make([]string, len(in))
	for i, x := range in {
		want[i] = join(s.Cut(x, "zh"))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(in)
				if got := join(s.Cut(in[i], "zh")); got != want[i] {
					t.Errorf("goroutine %d: %s, want %s", g, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestTreatyTermsCrime: gse cuts 跨国有组织犯罪 as 跨/国有/组织/犯罪 and
// 在本国法律中将 as 在/本国/法律/中将; the treaty word list keeps the terms
// whole (跨国/有组织/犯罪 would do too) and takes 中将 out.
func TestTreatyTermsCrime(t *testing.T) {
	s := mustNew(t, Options{})
	for text, want := range map[string][]string{
		"跨国有组织犯罪":        {"跨国有组织犯罪"},
		"联合国打击跨国有组织犯罪公约": {"联合国", "打击", "跨国有组织犯罪", "公约"},
		"其中包括那些与恐怖主义和跨国有组织犯罪有关联的犯罪行为": nil,
		"有组织犯罪集团":            {"有组织犯罪集团"},
		"在本国法律中将下列行为确立为刑事犯罪": {"在", "本国法律", "中", "将", "下列", "行为", "确立", "为", "刑事犯罪"},
	} {
		got := texts(s.Cut(text, "zh"))
		if want == nil {
			j := "/" + strings.Join(got, "/") + "/"
			if !strings.Contains(j, "/跨国有组织犯罪/") && !strings.Contains(j, "/跨国/有组织/犯罪/") {
				t.Errorf("%s: %s", text, strings.Join(got, "/"))
			}
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %s, want %s", text, strings.Join(got, "/"), strings.Join(want, "/"))
		}
	}
	// NoTreatyDict is gse's cut, 中将 included
	if got := texts(mustNew(t, Options{NoTreatyDict: true}).Cut("跨国有组织犯罪", "zh")); slices.Equal(got, []string{"跨国有组织犯罪"}) {
		t.Errorf("NoTreatyDict: %v", got)
	}
}
