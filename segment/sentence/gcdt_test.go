package sentence

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The GCDT evaluation. A document's raw text is the concatenation of its
// gold EDUs (elementary discourse units, one a line in
// rs3_extracted_edus/<split>/*.edus) with the token-separating spaces
// removed and nothing between the EDUs. The gold boundary set is the set of
// rune offsets in that text at which an EDU ends, without the end of the
// document; the predicted set is the set of rune offsets at which a span of
// Clauses(text, "zh") ends, without the end of the document. Precision,
// recall and F1 are micro-averaged over the boundaries of all documents of
// the split.

type gcdtDoc struct {
	name string
	text string
	gold map[int]bool // rune offsets where a gold EDU ends
}

func loadGCDT(t testing.TB, split string) []gcdtDoc {
	dir := corpus(t, filepath.Join("gcdt-clauses", "rs3_extracted_edus", split))
	files, err := filepath.Glob(filepath.Join(dir, "*.edus"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .edus files in %s (%v)", dir, err)
	}
	sort.Strings(files)
	var docs []gcdtDoc
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		gold := map[int]bool{}
		runes := 0
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			edu := strings.Join(strings.Fields(sc.Text()), "")
			if edu == "" {
				continue
			}
			b.WriteString(edu)
			runes += len([]rune(edu))
			gold[runes] = true
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		delete(gold, runes)
		docs = append(docs, gcdtDoc{filepath.Base(f), b.String(), gold})
	}
	return docs
}

type prf struct{ tp, fp, fn int }

func (s prf) p() float64  { return float64(s.tp) / float64(s.tp+s.fp) }
func (s prf) r() float64  { return float64(s.tp) / float64(s.tp+s.fn) }
func (s prf) f1() float64 { return 2 * s.p() * s.r() / (s.p() + s.r()) }
func (s prf) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", s.p(), s.r(), s.f1(), s.tp, s.fp, s.fn)
}

// scoreGCDT scores a splitter's boundaries (byte offsets in the text) against
// the gold.
func scoreGCDT(docs []gcdtDoc, cut func(string) []int) prf {
	var s prf
	for _, d := range docs {
		runeAt := make(map[int]int, len(d.text))
		k := 0
		for i := range d.text {
			runeAt[i] = k
			k++
		}
		runeAt[len(d.text)] = k
		pred := map[int]bool{}
		for _, b := range cut(d.text) {
			if b > 0 && b < len(d.text) {
				pred[runeAt[b]] = true
			}
		}
		for b := range pred {
			if d.gold[b] {
				s.tp++
			} else {
				s.fp++
			}
		}
		for b := range d.gold {
			if !pred[b] {
				s.fn++
			}
		}
	}
	return s
}

func clauseCuts(text string) []int {
	var cuts []int
	for _, sp := range Clauses(text, "zh") {
		cuts = append(cuts, sp.End)
	}
	return cuts
}

// baselineCuts is the plain punctuation split: after every ，。；：！？ and
// their ASCII forms, and after the closing quotes and brackets that follow.
func baselineCuts(text string) []int {
	var cuts []int
	rs := []rune(text)
	off := 0
	for i := 0; i < len(rs); i++ {
		off += len(string(rs[i]))
		if strings.ContainsRune("，。；：！？,;:!?", rs[i]) {
			for i+1 < len(rs) && strings.ContainsRune("”’」』）)》】", rs[i+1]) {
				i++
				off += len(string(rs[i]))
			}
			cuts = append(cuts, off)
		}
	}
	return cuts
}

// TestGCDTClauses measures Clauses against the gold EDU boundaries of the
// GCDT test split and fails below the plain punctuation split's F1 (.725).
func TestGCDTClauses(t *testing.T) {
	for _, split := range []string{"train", "dev", "test"} {
		docs := loadGCDT(t, split)
		base := scoreGCDT(docs, baselineCuts)
		got := scoreGCDT(docs, clauseCuts)
		t.Logf("GCDT %-5s baseline %v", split, base)
		t.Logf("GCDT %-5s Clauses  %v", split, got)
		if split == "test" {
			if got.f1() <= .725 {
				t.Errorf("GCDT test F1 %.3f, want > .725 (plain punctuation split)", got.f1())
			}
			if got.f1() <= base.f1() {
				t.Errorf("GCDT test F1 %.3f does not beat the baseline's %.3f", got.f1(), base.f1())
			}
		}
	}
}
