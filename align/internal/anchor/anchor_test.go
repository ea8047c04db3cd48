package anchor

import (
	"reflect"
	"testing"
)

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"1,500 and 3.5", []string{"1500", "3", "5"}},
		{"1.500 y 3,5", []string{"1500", "3", "5"}},
		{"1 500 000 personnes", []string{"1500000"}},
		{"٢٠١٥", []string{"2015"}},
		{"２０２４年", []string{"2024"}},
		{"resolution 2139 (2014)", []string{"2139", "2014"}},
		{"007", []string{"7"}},
	} {
		if got := digitNumbers(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("digitNumbers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for in, want := range map[string]int64{"十七": 17, "二十四": 24, "二〇一五": 2015, "四万一千五百": 41500, "一百零八": 108, "十": 10} {
		if got, ok := parseZhNumeral([]rune(in)); !ok || got != want {
			t.Errorf("parseZhNumeral(%s) = %d, want %d", in, got, want)
		}
	}
	if got, want := englishNumbersText("forty and six thousand and five hundred, threescore and ten, the seventh day, one man"), []int64{46500, 70, 7}; !reflect.DeepEqual(got, want) {
		t.Errorf("englishNumbers = %v, want %v", got, want)
	}
}

func TestCrossRefs(t *testing.T) {
	key := Hash(Ref, "art:17")
	for _, c := range []struct{ lang, s string }{
		{"zh", "依照第十七条的规定"},
		{"zh", "依照第 17 条的规定"},
		{"en", "in accordance with article 17"},
		{"fr", "conformément à l'article 17"},
		{"es", "de conformidad con el artículo 17"},
		{"ru", "в соответствии со статьей 17"},
		{"ar", "وفقا للمادة 17"},
	} {
		tok := TokenizeWords
		if c.lang == "zh" {
			tok = TokenizeHan
		}
		found := false
		for _, a := range Find(c.s, tok(c.s), c.lang, c.lang != "zh" && c.lang != "ru" && c.lang != "ar") {
			if a.Kind == Ref && a.Key == key {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %q: no art:17 anchor", c.lang, c.s)
		}
	}
}
