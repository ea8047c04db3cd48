package sentence

import (
	"os"
	"strings"
	"testing"
)

// Properties on real treaty text: the L.15 draft (zh), articles 1–15 of
// the adopted convention (ar) and UNCAC (en). Every paragraph (text between
// blank lines) is split; no piece may be a bare list label or start with a
// status mark, no quoted term (“…” without a stop) may be cut, and no
// English sentence may end with an abbreviation that never ends one.

func paragraphs(t *testing.T, rel string) []string {
	data, err := os.ReadFile(corpus(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range strings.Split(string(data), "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// bareLabel reports a piece that is nothing but a list label: - (a) 1. ’1’.
func bareLabel(piece string) bool {
	p := strings.TrimSpace(piece)
	p = strings.TrimSpace(strings.TrimPrefix(p, "- "))
	if p == "" {
		return false
	}
	if isBareLabel(p + " x") {
		return !strings.ContainsAny(p[1:], " ")
	}
	regs := findRegions(p, scriptArabic, nil)
	return len(regs) == 1 && regs[0].start == 0 && regs[0].end == len(p) && isLabelRegion(p)
}

func checkTreaty(t *testing.T, rel, lang string, open, close string) {
	paras := paragraphs(t, rel)
	var nSent, nClause int
	for _, para := range paras {
		for mode, f := range map[string]func(string, string) []Span{"sentence": Sentences, "clause": Clauses} {
			spans := f(para, lang)
			checkSpans(t, para, spans)
			if mode == "sentence" {
				nSent += len(spans)
			} else {
				nClause += len(spans)
			}
			for k, sp := range spans {
				piece := para[sp.Start:sp.End]
				if bareLabel(piece) && strings.TrimSpace(para[sp.End:]) != "" {
					t.Errorf("%s %s: a bare label %q in %q", rel, mode, piece, para)
				}
				if k > 0 && strings.HasPrefix(piece, "[") {
					t.Errorf("%s %s: starts with a bracketed note: %q", rel, mode, piece)
				}
				// a quoted term never straddles a cut
				if strings.Count(piece, open) > strings.Count(piece, close) {
					rest := para[sp.End:]
					if end := strings.Index(rest, close); end >= 0 && !hasStop(rest[:end]) {
						t.Errorf("%s %s: cut inside the quotation %q|%q", rel, mode, piece, rest[:end+len(close)])
					}
				}
				if lang == "en" && mode == "sentence" && sp.End < len(para) {
					words := strings.Fields(piece)
					last := strings.TrimSuffix(words[len(words)-1], ".")
					if rulesEn.abbrev[last] == abbrevInside {
						t.Errorf("%s: sentence ends with the abbreviation %q: %q", rel, last, piece)
					}
				}
			}
		}
	}
	t.Logf("%s: %d paragraphs, %d sentences, %d clauses", rel, len(paras), nSent, nClause)
}

func TestTreatyL15zh(t *testing.T) {
	checkTreaty(t, "un-cybercrime/L15.zh.txt", "zh", "“", "”")
}

func TestTreatyFinalAr(t *testing.T) {
	checkTreaty(t, "un-cybercrime/final.ar.art1-15.txt", "ar", "”", "“")
}

func TestTreatyUNCACen(t *testing.T) {
	checkTreaty(t, "treaties-en-nl/UNCAC_BWBV0001830_en-nl.md", "en", "“", "”")
}
