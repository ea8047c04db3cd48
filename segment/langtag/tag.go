package langtag

import (
	"fmt"
	"iter"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// Canonical returns the BCP 47 form of a tag as x/text/language writes it
// ("zh_tw" → "zh-TW", "cmn-Hant" → "zh-Hant", "ara" → "ar"), or an error
// when s is not a well-formed tag.
func Canonical(s string) (string, error) {
	t, err := language.All.Parse(strings.TrimSpace(s))
	if err != nil {
		return "", fmt.Errorf("%q is not a language tag (BCP 47: zh, zh-CN, zh-Hant, ar-EG…)", s)
	}
	return t.String(), nil
}

// Of returns the tag of a text in the base language base: given, in its
// canonical form, when it says more than the base language (zh-TW,
// zh-Hant, ar-EG); zh-Hant for a Chinese text written in traditional
// characters; otherwise "" (the base language is all that is known).
func Of(given, base, text string) string {
	if given != "" {
		if c, err := Canonical(given); err == nil && c != base {
			return c
		}
	}
	if base == "zh" && Traditional(text) {
		return "zh-Hant"
	}
	return ""
}

// OfTexts is Of for a text that comes in pieces (lines, units): it reads
// the pieces, up to the first 64 KiB, only when the script can tell more
// than given and base do.
func OfTexts(given, base string, texts iter.Seq[string]) string {
	if t := Of(given, base, ""); t != "" || base != "zh" {
		return t
	}
	var sample strings.Builder
	for t := range texts {
		if sample.Len() > detectBytes {
			break
		}
		sample.WriteString(t)
	}
	return Of(given, base, sample.String())
}

// Traditional reports whether a Chinese text (its first 64 KiB) is written
// in traditional characters: it counts the characters of frequent words
// whose simplified and traditional forms differ (这/這, 国/國, 会/會…).
func Traditional(text string) bool {
	if len(text) > detectBytes {
		text = text[:detectBytes]
	}
	simp, trad := 0, 0
	for _, r := range text {
		if r < 0x4E00 {
			continue
		}
		switch script[r] {
		case 's':
			simp++
		case 't':
			trad++
		}
	}
	return trad > simp && trad >= 3
}

// scriptPairs are characters in their simplified and traditional forms,
// pair by pair; the forms differ in every pair.
const (
	simplified  = "这们国会说为与个来时对后学还问开发关点长经过现实际种样电当从进动机见体义处应该变数区让认议员总务据达选团条显书权条约决联织缔罚护网络务规则诉讼证据审判辩财产币贸易税检测监查报纸该级组织调节约领导训练观听读写语词汉东车马鸟门风飞鱼话钱银钟铁"
	traditional = "這們國會說為與個來時對後學還問開發關點長經過現實際種樣電當從進動機見體義處應該變數區讓認議員總務據達選團條顯書權條約決聯織締罰護網絡務規則訴訟證據審判辯財產幣貿易稅檢測監查報紙該級組織調節約領導訓練觀聽讀寫語詞漢東車馬鳥門風飛魚話錢銀鐘鐵"
)

// script marks each character of scriptPairs 's' or 't'.
var script = func() map[rune]byte {
	m := map[rune]byte{}
	s, t := []rune(simplified), []rune(traditional)
	for i := range min(len(s), len(t)) {
		if s[i] != t[i] {
			m[s[i]], m[t[i]] = 's', 't'
		}
	}
	return m
}()

// Policy says which tag to write for the versions of a language in files
// meant for other tools (TMX, TBX, spreadsheets): its keys are base
// languages ("zh"), scripts ("zh-Hans", "zh-Hant") or the tags of the
// documents ("zh-HK"); its values the tags to write. The zero Policy
// writes what CAT tools (OmegaT, Trados, memoQ) resolve by default:
// zh-CN for Simplified and zh-TW for Traditional Chinese, the tag a
// document was given with a region (ar-EG), else the plain code.
type Policy map[string]string

// ParsePolicy reads "zh=zh-Hans,ar=ar-SA" (--tag), each side a language
// tag, the left one's base a language concord reads.
func ParsePolicy(s string) (Policy, error) {
	p := Policy{}
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("--tag %q: want LANG=TAG, as in zh=zh-Hans", kv)
		}
		ck, err := Canonical(k)
		if err != nil {
			return nil, err
		}
		cv, err := Canonical(v)
		if err != nil {
			return nil, err
		}
		if !IsUN(Base(ck)) {
			return nil, fmt.Errorf("--tag %q: %s is not one of %s", kv, k, strings.Join(UN, ", "))
		}
		p[ck] = cv
	}
	return p, nil
}

// Output returns the tag to write for a version in language base whose
// document has tag tag (as Of gives it; "" for the base language alone).
func (p Policy) Output(base, tag string) string {
	def, scr := base, ""
	switch {
	case tag != "" && hasRegion(tag):
		def = tag
	case base == "zh" && strings.HasSuffix(tag, "-Hant"):
		def, scr = "zh-TW", "zh-Hant"
	case base == "zh":
		def, scr = "zh-CN", "zh-Hans"
	case tag != "":
		def = tag
	}
	for _, k := range []string{tag, def, scr} {
		if v, ok := p[k]; ok && k != "" {
			return v
		}
	}
	if v, ok := p[base]; ok && scr != "zh-Hant" {
		return v
	}
	return def
}

// hasRegion reports whether a tag names a region: zh-TW, ar-EG, es-419.
func hasRegion(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	_, conf := t.Region()
	return conf == language.Exact
}

// Unique returns the output tag of each version, made unique within a
// file where two versions would share one (two English files): the second
// gets a private-use suffix, en-x-2.
func (p Policy) Unique(bases, tags []string) []string {
	out := make([]string, len(bases))
	seen := map[string]int{}
	for i, b := range bases {
		tag := ""
		if i < len(tags) {
			tag = tags[i]
		}
		out[i] = p.Output(b, tag)
		seen[out[i]]++
		if n := seen[out[i]]; n > 1 {
			out[i] += fmt.Sprintf("-x-%d", n)
		}
	}
	return out
}

// String writes the policy as ParsePolicy reads it, keys sorted.
func (p Policy) String() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k + "=" + p[k])
	}
	return b.String()
}
