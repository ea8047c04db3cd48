package sentence

import (
	"os"
	"strings"
	"testing"
)

// benchText is an English text of UN register: the UNPC development set
// lines, joined into paragraphs of four sentences.
func benchEnglish(b *testing.B) string {
	docs := loadUNPC(b, "en")
	var sb strings.Builder
	for _, d := range docs {
		for i, l := range d {
			sb.WriteString(l)
			if i%4 == 3 {
				sb.WriteString("\n")
			} else {
				sb.WriteString(" ")
			}
		}
	}
	return sb.String()
}

func benchL15(b *testing.B) string {
	data, err := os.ReadFile(corpus(b, "un-cybercrime/L15.zh.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func bench(b *testing.B, text, lang string, f func(string, string) []Span) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f(text, lang)
	}
}

func BenchmarkSentencesL15zh(b *testing.B) { bench(b, benchL15(b), "zh", Sentences) }
func BenchmarkClausesL15zh(b *testing.B)   { bench(b, benchL15(b), "zh", Clauses) }
func BenchmarkSentencesEn(b *testing.B)    { bench(b, benchEnglish(b), "en", Sentences) }
func BenchmarkClausesEn(b *testing.B)      { bench(b, benchEnglish(b), "en", Clauses) }
