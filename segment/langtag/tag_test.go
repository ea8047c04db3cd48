package langtag

import (
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{"zh_tw": "zh-TW", "cmn-Hant": "zh-Hant", "ara": "ar", "EN": "en", "zh-CN": "zh-CN"} {
		if got, err := Canonical(in); err != nil || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "zh--CN", "not a tag", "12345678901"} {
		if _, err := Canonical(bad); err == nil {
			t.Errorf("Canonical(%q): no error", bad)
		}
	}
}

func TestTraditional(t *testing.T) {
	hant := "人人生而自由，在尊嚴和權利上一律平等。他們賦有理性和良心，並應以兄弟關係的精神相對待。這是國際聯合會的宣言。"
	hans := "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。这是国际联合会的宣言。"
	if !Traditional(hant) || Traditional(hans) || Traditional("人人") || Traditional("The Convention") {
		t.Error("Traditional misreads the script")
	}
	if Of("", "zh", hant) != "zh-Hant" || Of("", "zh", hans) != "" || Of("zh_TW", "zh", hans) != "zh-TW" ||
		Of("zh", "zh", hant) != "zh-Hant" || Of("ar-EG", "ar", "") != "ar-EG" || Of("en", "en", "") != "" {
		t.Error("Of")
	}
}

func TestPolicy(t *testing.T) {
	var zero Policy
	for _, c := range []struct{ base, tag, want string }{
		{"zh", "", "zh-CN"}, {"zh", "zh-Hans", "zh-CN"}, {"zh", "zh-Hant", "zh-TW"}, {"zh", "zh-HK", "zh-HK"},
		{"ar", "", "ar"}, {"ar", "ar-EG", "ar-EG"}, {"en", "", "en"}, {"fr", "", "fr"},
	} {
		if got := zero.Output(c.base, c.tag); got != c.want {
			t.Errorf("Output(%q, %q) = %q, want %q", c.base, c.tag, got, c.want)
		}
	}
	p, err := ParsePolicy("zh=zh-Hans, zh-Hant=zh-Hant,ar=ar-SA")
	if err != nil {
		t.Fatal(err)
	}
	if p.Output("zh", "") != "zh-Hans" || p.Output("zh", "zh-Hant") != "zh-Hant" || p.Output("ar", "") != "ar-SA" || p.Output("en", "") != "en" {
		t.Errorf("policy %v: %q %q %q", p, p.Output("zh", ""), p.Output("zh", "zh-Hant"), p.Output("ar", ""))
	}
	if p.String() != "ar=ar-SA,zh=zh-Hans,zh-Hant=zh-Hant" {
		t.Errorf("String %q", p.String())
	}
	if got := strings.Join(zero.Unique([]string{"zh", "zh", "en", "en", "en"}, []string{"", "zh-Hant"}), " "); got != "zh-CN zh-TW en en-x-2 en-x-3" {
		t.Errorf("Unique: %s", got)
	}
	for _, bad := range []string{"zh", "de=de-DE", "zh=??"} {
		if _, err := ParsePolicy(bad); err == nil {
			t.Errorf("ParsePolicy(%q): no error", bad)
		}
	}
}

// TestOfTexts: a text in pieces gets the tag its whole text would get,
// and its pieces are read only where the script can tell more.
func TestOfTexts(t *testing.T) {
	trad := []string{"這是國際公約，", "締約國會議應當", "在這個問題上達成協議。"}
	simp := []string{"这是国际公约，", "缔约国会议应当", "在这个问题上达成协议。"}
	for _, c := range []struct {
		given, base string
		texts       []string
		want        string
		reads       bool
	}{
		{"", "zh", trad, "zh-Hant", true},
		{"", "zh", simp, "", true},
		{"zh-TW", "zh", simp, "zh-TW", false},
		{"", "ar", trad, "", false},
	} {
		read := false
		got := OfTexts(c.given, c.base, func(yield func(string) bool) {
			read = true
			for _, s := range c.texts {
				if !yield(s) {
					return
				}
			}
		})
		if got != c.want || got != Of(c.given, c.base, strings.Join(c.texts, "")) || read != c.reads {
			t.Errorf("OfTexts(%q, %q) = %q (pieces read: %v), want %q (%v)", c.given, c.base, got, read, c.want, c.reads)
		}
	}
}
