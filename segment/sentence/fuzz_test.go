package sentence

import "testing"

// runeBounds returns the offsets where the runes of s start, as a range loop
// decodes them (an invalid byte is a rune of its own), and len(s).
func runeBounds(s string) map[int]bool {
	b := make(map[int]bool, len(s)+1)
	for i := range s {
		b[i] = true
	}
	b[len(s)] = true
	return b
}

var fuzzSeeds = []string{
	"See art. 5 of the Convention. It applies (e.g. here). 1. The Committee met; 2. it adopted 3.5 and 1,000.",
	"He said \"Stop.\" Then... He left! Why? (See annex I.) J. R. R. Tolkien. “Quoted, text.” End.[1]",
	"M. Dupont est arrivé : « C'est fini. » Mme Martin, p. ex. n° 3, etc. Ensuite.",
	"¿Qué pasó? El Sr. García, núm. 2, p. ej. 1.000.000 dólares. Fin.",
	"См. ст. 5 и п. 3, т. е. в 2015 г. Далее и т. д. «Цитата». Конец.",
	"(أ) ”نظام تكنولوجيا المعلومات، والاتصالات“ يعني أي جهاز؛ ’1’ يوفر؟ نعم.",
	"他说：“我们到了，很好。”然后离开了。本公约（以下简称“公约”）第 17 条第 1 款(b)项(一)目，2024年7月29日，1,000元……\n",
	"人人生而自由,在尊严和权利上一律平等.他们赋有理性:并应相待;《公约，议定书》、「甲，乙」。[暂定]",
	"((((“「《[", "))))”」》]", "...", "。。。", "", " ", "\xff\xfe", "a.\xc3 B.",
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range unpcLangs {
			checkSpans(t, text, Sentences(text, lang))
		}
	})
}

func FuzzClauses(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range unpcLangs {
			cl := Clauses(text, lang)
			checkSpans(t, text, cl)
			// every sentence boundary is a clause boundary
			ends := make(map[int]bool, len(cl))
			for _, sp := range cl {
				ends[sp.End] = true
			}
			for _, sp := range Sentences(text, lang) {
				if !ends[sp.End] {
					t.Fatalf("%s %q: sentence end %d is no clause end: sentences %v clauses %v", lang, text, sp.End, Sentences(text, lang), cl)
				}
			}
		}
	})
}
