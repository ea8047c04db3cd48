package terms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/testdocs"
	"concord/corpora/testenv"
	"concord/segment"
	"concord/segment/pieces"
)

// unpcLines reads one language of the UN Parallel Corpus development set.
func unpcLines(tb testing.TB, lang string) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(testenv.Corpora(tb), "unpc-devset", "UNv1.0.devset."+lang))
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// TestPairsUNPC checks the zh–en pairs of the UN Parallel Corpus
// development set against equivalents any UN terminologist knows; the
// whole top 100 was judged by hand (testdata/terms/unpc-top100.tsv).
func TestPairsUNPC(t *testing.T) {
	zh, en := unpcLines(t, "zh"), unpcLines(t, "en")
	if len(zh) != 4000 || len(en) != 4000 {
		t.Fatalf("%d and %d lines, want 4000", len(zh), len(en))
	}
	ps := Pairs(testSeg, zh, en, nil, "zh", "en", CandidateOptions{})
	if len(ps) < 100 {
		t.Fatalf("%d pairs", len(ps))
	}
	top := map[string]string{}
	for _, p := range ps[:100] {
		top[p.Src] = p.Tgt
	}
	for zh, en := range map[string]string{
		"联合国": "United Nations", "安全理事会": "Security Council", "秘书长": "Secretary-General",
		"会员国": "Member States", "人权": "human rights", "可持续发展": "sustainable development", "国际法": "international law",
	} {
		if top[zh] != en {
			t.Errorf("top 100: %s = %q, want %q", zh, top[zh], en)
		}
	}
}

// BenchmarkPairsUNPC finds the zh–en term pairs of the 4,000 aligned lines
// of the UN Parallel Corpus development set.
func BenchmarkPairsUNPC(b *testing.B) {
	zh, en := unpcLines(b, "zh"), unpcLines(b, "en")
	n := 0
	for i := range zh {
		n += len(zh[i]) + len(en[i])
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		Pairs(testSeg, zh, en, nil, "zh", "en", CandidateOptions{})
	}
}

// BenchmarkParallelTermsUNPC builds the whole zh–en glossary of the
// development set: pairs, then the renderings of the top 100.
func BenchmarkParallelTermsUNPC(b *testing.B) {
	zh, en := unpcLines(b, "zh"), unpcLines(b, "en")
	b.ReportAllocs()
	for b.Loop() {
		Parallel([][]string{zh, en}, []string{"zh", "en"}, []string{"zh", "en"}, nil, Options{Segmenter: testSeg})
	}
}

// BenchmarkCandidatesUNPC scores the Chinese candidates of the
// development set by C-value.
func BenchmarkCandidatesUNPC(b *testing.B) {
	zh := unpcLines(b, "zh")
	segs := make([]pieces.Piece, len(zh))
	n := 0
	for i, l := range zh {
		segs[i] = pieces.Piece{Text: l}
		n += len(l)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		Candidates(testSeg, segs, "zh", CandidateOptions{})
	}
}

// BenchmarkTermsL15Arabic builds the glossary of the L.15 draft and the
// Arabic articles 1–15, alignment included.
func BenchmarkTermsL15Arabic(b *testing.B) {
	docs := []*segment.Document{testdocs.L15(b), testdocs.Arabic(b)}
	b.ReportAllocs()
	for b.Loop() {
		Extract(docs, Options{Segmenter: testSeg})
	}
}
