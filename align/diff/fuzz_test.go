package diff

import (
	"testing"

	"concord/segment"
)

// FuzzCompare compares two arbitrary texts: no panic, every unit
// accounted for once, and applying each change's diff to the old fields
// gives the new ones, unit by unit.
func FuzzCompare(f *testing.F) {
	f.Add("第一条 为了预防洗钱活动，制定本法。\n\n第二条 本法所称反洗钱。\n", "第一条 为了预防洗钱活动，维护金融秩序，制定本法。\n\n第二条 新增。\n\n第三条 本法所称反洗钱。\n", false, false)
	f.Add("第1条. 宗旨[暂定]\n\n(a) 促进合作；\n(b) 技术援助。\n", "第1条. 宗旨\n\n(a) 促进 合作;\n\n第2条. 术语\n\n(b) 技术援助。\n", true, false)
	f.Add("第二条\n\n本法所称反洗钱。\n\n（一）洗钱；\n", "第二条 本法所称反洗钱。（一）洗钱；\n", false, true)
	f.Add("### Article 1\n\n####Definitions\n\n1. For the purposes of this Convention: a) ``computer system\" means any device;\n", "### Article  1\n\n####Definitions\n\n1. For the purposes of this Convention:\n\na) \"computer system\" means any device or group;\n", false, false)
	f.Add("", "第一条 ｘ", true, true)
	f.Add("'0'0", "0", false, false) // an item numbered 0: a unit without an address
	seg, err := defaultSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string, char, strict bool) {
		lang := "zh"
		if len(a)%2 == 1 {
			lang = "en"
		}
		old, err := segment.Parse("old", a, segment.Options{Lang: lang})
		if err != nil {
			return
		}
		new, err := segment.Parse("new", b, segment.Options{Lang: lang})
		if err != nil {
			return
		}
		opt := Options{Strict: strict, Segmenter: seg}
		if char {
			opt.Granularity = Char
		}
		r, err := Compare(old, new, opt)
		if err != nil {
			t.Fatal(err)
		}
		check(t, old, new, r)
	})
}
