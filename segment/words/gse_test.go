package words

import (
	"math/rand/v2"
	"slices"
	"strings"
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

// plainSegmenter returns the L.15 draft and a segmenter without the treaty
// terms, to compare with gse (whose loading the short mode skips).
func plainSegmenter(t *testing.T) (string, *Segmenter) {
	t.Helper()
	text := corpusFile(t, l15)
	if testing.Short() {
		t.Skip("loads gse (1 s, 200 MiB)")
	}
	s, err := New(Options{NoTreatyDict: true})
	if err != nil {
		t.Fatal(err)
	}
	return text, s
}

// TestSameAsGse proves that, without treaty terms, Cut returns exactly
// gse's Cut on the whole L.15 draft: line by line and as one string.
func TestSameAsGse(t *testing.T) {
	text, s := plainSegmenter(t)
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

// TestSameAsGseRandom compares with gse on random strings: windows of the
// L.15 draft cut at arbitrary bytes (so with broken UTF-8) and mixtures of
// Han characters, Latin, Cyrillic, digits, spaces and punctuation.
func TestSameAsGseRandom(t *testing.T) {
	text, s := plainSegmenter(t)
	han := []rune(strings.Join(strings.Fields(text), ""))
	pool := []string{" ", "  ", "\t", "\u3000", "a", "Z", "9", "and", "4S", "AA", "é", "ж", "Ω", "¹", "½", "ٌ", "-", ".", "，", "\xff", "\xe4\xb8", "ａ"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var in string
		if i%2 == 0 {
			a := r.IntN(len(text))
			in = text[a:min(len(text), a+r.IntN(300))]
		} else {
			var b strings.Builder
			for range r.IntN(40) {
				if r.IntN(3) > 0 {
					k := r.IntN(len(han) - 4)
					b.WriteString(string(han[k : k+1+r.IntN(4)]))
				} else {
					b.WriteString(pool[r.IntN(len(pool))])
				}
			}
			in = b.String()
		}
		got, want := texts(s.Cut(in, "zh")), gseCut(t, in)
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\ngot %q\ngse %q", in, got, want)
		}
	}
}
