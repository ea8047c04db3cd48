package terms

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/testdocs"
	"concord/segment"
)

// judged reads the judged lists testdata/terms/<prefix>*.tsv (see their
// headers): zh, target → judgement, from the columns zh, target and
// judgement of every row; for issue lists (columns kind, term, first,
// second, …, judgement), the key is the term and both forms.
func judged(t *testing.T, glob string, issues bool) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "terms", glob))
	if err != nil || len(files) == 0 {
		t.Fatalf("no judged lists %s: %v", glob, err)
	}
	out := map[string]string{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "rank\t") || strings.HasPrefix(line, "kind\t") {
				continue
			}
			c := strings.Split(line, "\t")
			if issues {
				out[issueKey(c[1], c[2], c[3])] = c[6]
			} else {
				out[c[1]+"\t"+c[2]] = c[5]
			}
		}
		f.Close()
	}
	return out
}

func issueKey(term, a, b string) string {
	if a > b {
		a, b = b, a
	}
	return term + "\t" + a + "\t" + b
}

// checkPrecision checks that every candidate pair of g and every issue is
// judged, and that nine in ten are right; it logs the figures.
func checkPrecision(t *testing.T, name string, g *Glossary, pairs, issues map[string]string, tgt string) {
	t.Helper()
	n, ok := 0, 0
	for _, e := range g.Entries {
		if e.Kind != KindCandidate {
			continue
		}
		if e.Confidence < MinConfidence {
			t.Errorf("%s: %s → %s written with confidence %.3f", name, e.Terms["zh"], e.Terms[tgt], e.Confidence)
		}
		j, found := pairs[e.Terms["zh"]+"\t"+e.Terms[tgt]]
		if !found {
			t.Errorf("%s: pair %s → %s is not judged", name, e.Terms["zh"], e.Terms[tgt])
			continue
		}
		n++
		if j == "ok" {
			ok++
		}
	}
	if n == 0 || 10*ok < 9*n {
		t.Errorf("%s: %d of %d pairs written are right, want nine in ten", name, ok, n)
	}
	ni, real := 0, 0
	for _, is := range g.Issues {
		if len(is.Renderings) < 2 {
			continue
		}
		j, found := issues[issueKey(is.Term, is.Renderings[0].Text, is.Renderings[1].Text)]
		if !found {
			t.Errorf("%s: issue not judged: %s", name, is.Message)
			continue
		}
		ni++
		if j == "real" {
			real++
		}
	}
	if 10*real < 9*ni {
		t.Errorf("%s: %d of %d issues are real, want nine in ten", name, real, ni)
	}
	t.Logf("%s: %d of %d pairs written right; %d of %d issues real", name, ok, n, real, ni)
}

// TestPrecisionUNPC: the 100 zh–en pairs written for the UN Parallel
// Corpus development set (concord terms --presplit … --max 100) and their
// issues, against the judged lists.
func TestPrecisionUNPC(t *testing.T) {
	zh, en := unpcLines(t, "zh"), unpcLines(t, "en")
	g, err := Parallel([][]string{zh, en}, []string{"zh", "en"}, []string{"zh", "en"}, nil, Options{Segmenter: testSeg, MaxCandidates: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 100 {
		t.Errorf("%d entries, want 100", len(g.Entries))
	}
	checkPrecision(t, "UNPC", g, judged(t, "unpc-*[0-9d].tsv", false), judged(t, "unpc-issues.tsv", true), "en")
}

// TestPrecisionL15Arabic: the zh–ar pairs written for the L.15 draft with
// the Arabic articles 1–15 (concord terms final.ar.art1-15.txt) and the
// issues, against the judged lists; the defined terms all stay.
func TestPrecisionL15Arabic(t *testing.T) {
	zh, ar := testdocs.L15(t), testdocs.Arabic(t)
	docs := []*segment.Document{zh, ar}
	g, err := Extract(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defined := 0
	for _, e := range g.Entries {
		if e.Kind == KindDefined {
			defined++
		}
	}
	if defined != 16 {
		t.Errorf("%d defined terms, want 16", defined)
	}
	checkPrecision(t, "L.15 + Arabic", g, judged(t, "l15-ar-pairs.tsv", false), judged(t, "l15-ar-issues.tsv", true), "ar")
	// All keeps the rest, each with its confidence
	all, err := Extract(docs, Options{All: true, MaxCandidates: -1})
	if err != nil {
		t.Fatal(err)
	}
	below := 0
	for _, e := range all.Entries {
		if e.Kind == KindCandidate && e.Confidence < MinConfidence {
			below++
		}
	}
	if len(all.Entries) <= len(g.Entries) || below == 0 {
		t.Errorf("All: %d entries (%d below the threshold), default %d", len(all.Entries), below, len(g.Entries))
	}
}

func TestConfidence(t *testing.T) {
	for _, c := range []struct {
		a, fs, ft, rivals int
		bound             bool
		dict, lo, hi      float64
	}{
		{2, 2, 2, 0, false, -1, .34, .35},
		{4, 4, 4, 0, false, -1, .50, .52},
		{9, 9, 9, 0, false, -1, .70, .71},
		{9, 9, 9, 8, false, -1, .07, .08}, // a passage repeated word for word
		{9, 9, 9, 0, true, -1, .35, .36},
		{9, 9, 9, 0, false, .5, .35, .36},
		{100, 100, 100, 0, false, 1, .96, .97},
		{0, 0, 0, 0, false, -1, 0, 0},
	} {
		if got := Confidence(c.a, c.fs, c.ft, c.rivals, c.bound, c.dict); got < c.lo || got > c.hi {
			t.Errorf("Confidence%v = %.3f, want %.2f–%.2f", c, got, c.lo, c.hi)
		}
	}
}
