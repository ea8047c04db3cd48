package define_test

import (
	"strings"
	"testing"

	"concord/corpora/testenv"
	"concord/segment"
	"concord/segment/define"
)

// TestDefinitionForms covers the definition patterns of every language
// through a parsed unit, and text that quotes without defining.
func TestDefinitionForms(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"zh", "(a) “电子数据”系指对事实的任何表述；", "电子数据"},
		{"zh", "(k) “冻结”或“扣押”系指暂时禁止财产转移；", "冻结|扣押"},
		{"zh", "(l) “没收”，在适用情况下亦包括充公，系指永久剥夺；", "没收"},
		{"en", "(a) ``Public official\" shall mean any person;", "Public official"},
		{"en", "(b) “Electronic data” means any representation;", "Electronic data"},
		{"fr", "a) On entend par « données informatiques » toute représentation;", "données informatiques"},
		{"fr", "a) « Système informatique » désigne tout dispositif;", "Système informatique"},
		{"es", "a) Por “datos electrónicos” se entenderá toda representación;", "datos electrónicos"},
		{"ru", "a) «электронные данные» означает любое представление;", "электронные данные"},
		{"ar", "(أ) ”البيانات الإلكترونية“ تعني أي تمثيل؛", "البيانات الإلكترونية"},
		{"ar", "(ب) يقصد بتعبير ”مقدم الخدمة“ أي كيان؛", "مقدم الخدمة"},
		{"en", "(c) The “State Party” shall cooperate.", ""},
		{"zh", "(d) 缔约国应当“尽快”答复。", ""},
	}
	for _, tt := range tests {
		d, err := segment.Parse("x", "Article 2\n"+tt.text, segment.Options{Lang: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, df := range define.Harvest(d) {
			got = append(got, strings.Join(df.Terms, "|"))
		}
		if strings.Join(got, ";") != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestDefinitionsL15AndArabic(t *testing.T) {
	for _, f := range []string{"un-cybercrime/L15.zh.txt", "un-cybercrime/final.ar.art1-15.txt"} {
		d, err := segment.Parse(f, testenv.Read(t, f), segment.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defs := define.Harvest(d)
		if len(defs) != 15 {
			t.Errorf("%s: %d definitions, want 15", f, len(defs))
		}
		for i, df := range defs {
			if want := "art.2." + string(rune('a'+i)); df.Addr != want {
				t.Errorf("%s: definition %d at %s, want %s", f, i, df.Addr, want)
			}
		}
	}
}
