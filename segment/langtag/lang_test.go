package langtag

import "testing"

func TestBase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"zh", "zh"}, {"zh-Hans", "zh"}, {"zh-Hant", "zh"}, {"zh_TW", "zh"}, {"zh-CN", "zh"},
		{"cmn", "zh"}, {"zho", "zh"}, {"chi", "zh"}, {"cmn-Hans", "zh"}, {"ZH-hant", "zh"},
		{"ar", "ar"}, {"arb", "ar"}, {"ara", "ar"}, {"ar-EG", "ar"},
		{"en", "en"}, {"eng", "en"}, {"en_GB", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"},
		{"rus", "ru"}, {"nl", "nl"}, {"zh-x-2", "zh"}, {"", ""}, {"x-foo", "x"}, {"12", "12"},
	} {
		if got := Base(c.in); got != c.want {
			t.Errorf("Base(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsUN(t *testing.T) {
	for _, l := range UN {
		if !IsUN(l) {
			t.Errorf("IsUN(%q) = false", l)
		}
	}
	if IsUN("nl") || IsUN("") || IsUN("zh-Hant") {
		t.Error("IsUN accepts a code that is not a base UN language")
	}
}

func TestDetect(t *testing.T) {
	for text, want := range map[string]string{
		"本公约各缔约国 and the world": "zh", "أغراض هذه الاتفاقية هي": "ar", "Государства-участники": "ru",
		"The purposes of this Convention shall be": "en", "Les États parties et les organisations": "fr",
		"Los Estados partes y las organizaciones del mundo": "es",
	} {
		if got := Detect(text); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
