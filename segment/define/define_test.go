package define

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"concord/corpora"
	"concord/corpora/testdocs/hostile"
	"concord/corpora/testenv"
	"concord/segment"
)

func TestParseDefinition(t *testing.T) {
	tests := []struct {
		name, lang, text string
		terms            []string
		def              string
	}{
		{"zh", "zh", "“电子数据”系指对事实、信息或概念的任何表述；", []string{"电子数据"}, "对事实、信息或概念的任何表述"},
		{"zh two terms", "zh", "“冻结”或“扣押”系指根据法院的命令暂时禁止财产转移；", []string{"冻结", "扣押"}, "根据法院的命令暂时禁止财产转移"},
		{"zh inserted clause", "zh", "“没收”，在适用情况下亦包括充公，系指根据法院的命令对财产实行永久剥夺；", []string{"没收"}, "根据法院的命令对财产实行永久剥夺"},
		{"zh 是指 and list conjunction", "zh", "“紧急情况”是指任何自然人的生命面临风险的情况；以及", []string{"紧急情况"}, "任何自然人的生命面临风险的情况"},
		{"en shall mean", "en", `"Electronic data" shall mean any representation of facts;`, []string{"Electronic data"}, "any representation of facts"},
		{"en means, curly", "en", "“Service provider” means any public or private entity; and", []string{"Service provider"}, "any public or private entity"},
		{"en TeX quotes", "en", "``Proceeds of crime\" shall mean any property derived from an offence;", []string{"Proceeds of crime"}, "any property derived from an offence"},
		{"en or", "en", `"Freezing" or "seizure" shall mean temporarily prohibiting the transfer of property;`, []string{"Freezing", "seizure"}, "temporarily prohibiting the transfer of property"},
		{"en weak verb not taken first", "en", `"Confiscation", which includes forfeiture where applicable, shall mean the permanent deprivation of property;`, []string{"Confiscation"}, "the permanent deprivation of property"},
		{"fr on entend par", "fr", "On entend par « système informatique » tout dispositif isolé;", []string{"système informatique"}, "tout dispositif isolé"},
		{"fr nbsp and ou", "fr", "On entend par «\u00a0gel\u00a0» ou «\u00a0saisie\u00a0» l’interdiction temporaire du transfert de biens ;", []string{"gel", "saisie"}, "l’interdiction temporaire du transfert de biens"},
		{"fr désigne", "fr", "« Données électroniques » désigne toute représentation de faits ;", []string{"Données électroniques"}, "toute représentation de faits"},
		{"es por se entenderá", "es", `Por "datos electrónicos" se entenderá toda representación de hechos;`, []string{"datos electrónicos"}, "toda representación de hechos"},
		{"es curly", "es", "Por “proveedor de servicios” se entenderá toda entidad pública o privada;", []string{"proveedor de servicios"}, "toda entidad pública o privada"},
		{"ru означает", "ru", "«электронные данные» означает любое представление фактов;", []string{"электронные данные"}, "любое представление фактов"},
		{"ru или", "ru", "«замораживание» или «арест» означает временное запрещение передачи имущества;", []string{"замораживание", "арест"}, "временное запрещение передачи имущества"},
		{"ar يعني", "ar", "”نظام تكنولوجيا المعلومات والاتصالات“ يعني أي جهاز؛", []string{"نظام تكنولوجيا المعلومات والاتصالات"}, "أي جهاز"},
		{"ar تعني", "ar", "”البيانات الإلكترونية“ تعني أي تمثيل لحقائق؛", []string{"البيانات الإلكترونية"}, "أي تمثيل لحقائق"},
		{"ar two terms", "ar", "”التجميد“ أو ”الحجز“ يعني الحظر المؤقت؛", []string{"التجميد", "الحجز"}, "الحظر المؤقت"},
		{"ar inserted clause", "ar", "”المصادرة“، التي تشمل التجريد من الممتلكات، تعني الحرمان الدائم من الممتلكات؛", []string{"المصادرة"}, "الحرمان الدائم من الممتلكات"},
		{"ar يقصد بتعبير", "ar", "يقصد بتعبير ”مقدم الخدمة“ أي كيان عام أو خاص؛", []string{"مقدم الخدمة"}, "أي كيان عام أو خاص"},
		{"ar يُقصد بـ", "ar", "يُقصد بـ”الطوارئ“ حالة تنطوي على خطر كبير.", []string{"الطوارئ"}, "حالة تنطوي على خطر كبير"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			terms, def, ok := Parse(tc.text, tc.lang)
			if !ok {
				t.Fatalf("no definition found in %q", tc.text)
			}
			if !reflect.DeepEqual(terms, tc.terms) {
				t.Errorf("terms = %q, want %q", terms, tc.terms)
			}
			if def != tc.def {
				t.Errorf("definition = %q, want %q", def, tc.def)
			}
		})
	}
}

func TestParseDefinitionRejects(t *testing.T) {
	for _, text := range []string{
		"",
		"缔约国应当采取必要措施。",
		"本公约中的“电子数据”一词，应当按照第 2 条理解。", // the quote is not at the start
		"“电子数据”应当予以保全。",              // no defining verb
		`The term "data" is used in article 3.`,
		"« Données » : voir l’article 2.",
		"“未闭合的引号系指",
	} {
		if terms, def, ok := Parse(text, ""); ok {
			t.Errorf("Parse(%q) = %q, %q; want no definition", text, terms, def)
		}
	}
}

// l15Defined are the terms of article 2 (a)–(o) of the L.15 draft.
var l15Defined = map[string][]string{
	"art.2.a": {"信息和通信技术系统"}, "art.2.b": {"电子数据"}, "art.2.c": {"流量数据"}, "art.2.d": {"内容数据"},
	"art.2.e": {"服务提供商"}, "art.2.f": {"订户信息"}, "art.2.g": {"个人数据"}, "art.2.h": {"严重犯罪"},
	"art.2.i": {"财产"}, "art.2.j": {"犯罪所得"}, "art.2.k": {"冻结", "扣押"}, "art.2.l": {"没收"},
	"art.2.m": {"上游犯罪"}, "art.2.n": {"区域经济一体化组织"}, "art.2.o": {"紧急情况"},
}

// arDefined are the same terms in the final Arabic text.
var arDefined = map[string][]string{
	"art.2.a": {"نظام تكنولوجيا المعلومات والاتصالات"}, "art.2.b": {"البيانات الإلكترونية"}, "art.2.c": {"بيانات الحركة"},
	"art.2.d": {"بيانات المحتوى"}, "art.2.e": {"مقدم الخدمة"}, "art.2.f": {"معلومات المشترك"}, "art.2.g": {"البيانات الشخصية"},
	"art.2.h": {"الجريمة الخطيرة"}, "art.2.i": {"الممتلكات"}, "art.2.j": {"العائدات الإجرامية"}, "art.2.k": {"التجميد", "الحجز"},
	"art.2.l": {"المصادرة"}, "art.2.m": {"الجريمة الأصلية"}, "art.2.n": {"منظمة التكامل الاقتصادي الإقليمية"}, "art.2.o": {"الطوارئ"},
}

func TestDefinitionsL15(t *testing.T) {
	d, err := corpora.LoadFile("", corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defs := Harvest(d)
	got := map[string][]string{}
	for _, df := range defs {
		got[df.Addr] = df.Terms
		if df.Text == "" || df.Lang != "zh" || df.Line == 0 {
			t.Errorf("%s: incomplete definition %+v", df.Addr, df)
		}
	}
	if !reflect.DeepEqual(got, l15Defined) {
		t.Errorf("definitions of the L.15 draft:\n got %q\nwant %q", got, l15Defined)
	}
	// (e) takes in its items
	for _, df := range defs {
		if df.Addr == "art.2.e" && !strings.Contains(df.Text, "(一)") {
			t.Errorf("art.2.e: definition without its items: %q", df.Text)
		}
	}
}

func TestDefinitionsArabic(t *testing.T) {
	path := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	d, err := corpora.LoadFile(path, corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, df := range Harvest(d) {
		got[df.Addr] = df.Terms
	}
	if !reflect.DeepEqual(got, arDefined) {
		t.Errorf("definitions of the Arabic text:\n got %q\nwant %q", got, arDefined)
	}
}

// FuzzParseDefinition checks that the harvester never panics and that what
// it returns comes from its input.
func FuzzParseDefinition(f *testing.F) {
	for _, s := range []string{
		"“电子数据”系指对事实的任何表述；", "“冻结”或“扣押”系指", "“没收”，在适用情况下亦包括充公，系指",
		`"Electronic data" shall mean any`, "``x\" means y", "On entend par « a » b", `Por "x" se entenderá y`,
		"«x» означает y", "”x“ يعني y", "يقصد بتعبير ”x“ y", "“", "”“", "``", "«»", "\"\"\"", "“a”或“", "\xff“a”系指",
	} {
		f.Add(s, "zh")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		terms, def, ok := Parse(text, lang)
		if !ok {
			if terms != nil || def != "" {
				t.Fatalf("no definition, but terms %q and definition %q", terms, def)
			}
			return
		}
		valid := strings.ToValidUTF8(text, "\uFFFD")
		for _, term := range terms {
			if term == "" || !strings.Contains(valid, term) {
				t.Fatalf("term %q is not in the input %q", term, text)
			}
		}
		if !utf8.ValidString(def) || !strings.Contains(valid, def) {
			t.Fatalf("definition %q is not in the input %q", def, text)
		}
	})
}

// TestHarvestParallel: a document of many top-level units, read a run of
// units at a time on several goroutines, gives what one walk gives.
func TestHarvestParallel(t *testing.T) {
	d, err := segment.Parse("l15.txt", string(hostile.L15Repeated(1_000_000)), segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) < 3*harvestRun {
		t.Fatalf("%d top-level units, want at least %d", len(d.Units), 3*harvestRun)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	got, want := Harvest(d), harvest(d.Units, d.Lang)
	if len(want) < 100 || !reflect.DeepEqual(got, want) {
		t.Errorf("Harvest gives %d definitions, one walk %d (want the same, at least 100)", len(got), len(want))
	}
}
