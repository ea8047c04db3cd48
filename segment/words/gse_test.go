package words

import (
	"slices"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

var (
	gseOnce sync.Once
	gseSeg  gse.Segmenter
)

// gseCut is the reference: gse's own Cut (shortest path) with the zh_s
// dictionary and gse.ToLower = false, whitespace tokens dropped.
func gseCut(tb testing.TB, text string) []string {
	gseOnce.Do(func() {
		gse.ToLower = false
		gseSeg.SkipLog = true
		gseSeg.NotLoadHMM = true
		if err := gseSeg.LoadDictEmbed("zh_s"); err != nil {
			tb.Fatal(err)
		}
	})
	var out []string
	for _, w := range gseSeg.Cut(text) {
		if !isSpaceOnly(w) {
			out = append(out, w)
		}
	}
	return out
}

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// TestSameAsGse proves that, without treaty terms, Cut returns exactly
// gse's Cut on the whole L.15 draft: line by line and as one string.
func TestSameAsGse(t *testing.T) {
	text := corpusFile(t, l15)
	if testing.Short() {
		t.Skip("loads gse (1 s, 200 MiB)")
	}
	s, err := New(Options{NoTreatyDict: true})
	if err != nil {
		t.Fatal(err)
	}
	inputs := append(lines(text), text,
		"与信息 and 通信技术系统", "AA制和4S店的T恤", "第 12 条. ¹脚注 A/AC.291/L.15", "\xff\xfe中文\x80abc")
	words := 0
	for _, in := range inputs {
		got := texts(s.Cut(in, "zh"))
		want := gseCut(t, in)
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("%q:\nword %d: got %q, gse %q\ngot %q\ngse %q", in, i, got[i], want[i],
						got[max(0, i-5):min(len(got), i+5)], want[max(0, i-5):min(len(want), i+5)])
				}
			}
			t.Fatalf("%q: got %d words, gse %d", in, len(got), len(want))
		}
		words += len(got)
	}
	t.Logf("%d inputs, %d words, all equal to gse", len(inputs), words)
}
