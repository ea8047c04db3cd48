package words

import (
	"testing"
)

// FuzzCut checks that Cut never panics and that its offsets are valid, for
// Chinese (with treaty terms and HMM) and for UAX #29.
func FuzzCut(f *testing.F) {
	for _, s := range []string{"", "与信息 and 通信技术系统", "“流量数据”系指", "AA制4S店\xff", "l’État partie", "المادة 2", "中\u3000文 ¹²", "被请求缔约国"} {
		f.Add(s)
	}
	plain := mustNew(f, Options{})
	hmm := mustNew(f, Options{HMM: true, Terms: []string{"通信链", "a b"}})
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range []*Segmenter{plain, hmm} {
			checkTokens(t, text, s.Cut(text, "zh"))
		}
		checkTokens(t, text, plain.Cut(text, "en"))
	})
}
