package words

import (
	"strings"
	"testing"

	"concord/corpora/testenv"
)

// corpusFile reads a file of the shared test corpora (see testenv).
func corpusFile(tb testing.TB, rel string) string {
	tb.Helper()
	return testenv.Read(tb, rel)
}

const l15 = "un-cybercrime/L15.zh.txt"

// lines returns the non-blank lines of text.
func lines(text string) []string {
	var out []string
	for l := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// checkTokens fails if toks do not index text exactly, in order, without
// overlap and with only whitespace between them.
func checkTokens(tb testing.TB, text string, toks []Token) {
	tb.Helper()
	pos := 0
	for i, t := range toks {
		if t.Start < pos || t.End <= t.Start || t.End > len(text) {
			tb.Fatalf("token %d %q [%d,%d) out of order or range (pos %d, len %d)", i, t.Text, t.Start, t.End, pos, len(text))
		}
		if text[t.Start:t.End] != t.Text {
			tb.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, t.Start, t.End, text[t.Start:t.End], t.Text)
		}
		if gap := text[pos:t.Start]; !isSpaceOnly(gap) {
			tb.Fatalf("token %d %q: non-space %q dropped before it", i, t.Text, gap)
		}
		pos = t.End
	}
	if gap := text[pos:]; !isSpaceOnly(gap) {
		tb.Fatalf("non-space %q dropped at the end", gap)
	}
}
