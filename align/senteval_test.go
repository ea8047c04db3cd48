package align

import (
	"concord/corpora/testenv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"concord/segment/langtag"
)

// This file holds the evaluation harness of the sentence aligner: MAC-Dev
// (free literary translation, zh–en), the UN Parallel Corpus development set
// aligned whole (clean and perturbed), the Bible with bertalign's protocol,
// and the calibration of the scores (expected calibration error, share of
// right links among those scored at least 0.9, reliability table).

// sentCalib collects the score of every test bead and whether it is exactly
// a gold bead.
type sentCalib struct {
	score []float64
	right []bool
}

func (c *sentCalib) add(gold, test []sentAlignment, scores []float64) {
	goldSet := map[string]bool{}
	for _, g := range gold {
		goldSet[sentKeyOf(g.src)+":"+sentKeyOf(g.tgt)] = true
	}
	for k, x := range test {
		c.score = append(c.score, scores[k])
		c.right = append(c.right, goldSet[sentKeyOf(x.src)+":"+sentKeyOf(x.tgt)])
	}
}

func (c *sentCalib) merge(o *sentCalib) {
	c.score = append(c.score, o.score...)
	c.right = append(c.right, o.right...)
}

// bins sorts the links into 10 equal-width bins of score and gives, for
// each, how many links, the sum of their scores and how many are right.
func (c *sentCalib) bins() (n, sum, ok [10]float64) {
	for k, s := range c.score {
		b := min(9, int(s*10))
		n[b]++
		sum[b] += s
		if c.right[k] {
			ok[b]++
		}
	}
	return
}

// ece is the expected calibration error over 10 equal-width bins: the
// links-weighted mean of |mean score - share right| per bin.
func (c *sentCalib) ece() float64 {
	n, sum, ok := c.bins()
	e := 0.0
	for b := range n {
		if n[b] > 0 {
			e += math.Abs(sum[b]-ok[b]) / float64(len(c.score))
		}
	}
	return e
}

// at returns the share right among the links scored at least th, and how
// many there are.
func (c *sentCalib) at(th float64) (float64, int) {
	n, ok := 0, 0
	for k, s := range c.score {
		if s >= th {
			n++
			if c.right[k] {
				ok++
			}
		}
	}
	if n == 0 {
		return 1, 0
	}
	return float64(ok) / float64(n), n
}

// table is the reliability table as Markdown rows: bin, links, mean score,
// share right.
func (c *sentCalib) table() string {
	n, sum, ok := c.bins()
	var sb strings.Builder
	sb.WriteString("| score | links | mean score | share right |\n|---|---|---|---|\n")
	for b := range n {
		if n[b] == 0 {
			fmt.Fprintf(&sb, "| %.1f–%.1f | 0 | | |\n", float64(b)/10, float64(b+1)/10)
			continue
		}
		fmt.Fprintf(&sb, "| %.1f–%.1f | %d | %.3f | %.3f |\n", float64(b)/10, float64(b+1)/10, int(n[b]), sum[b]/n[b], ok[b]/n[b])
	}
	return sb.String()
}

func (c *sentCalib) String() string {
	p9, n9 := c.at(0.9)
	return fmt.Sprintf("ECE %.3f, %d links, %d scored ≥ .9 of which %.3f right", c.ece(), len(c.score), n9, p9)
}

// sentBeadScores returns the scores of beads.
func sentBeadScores(beads []Bead) []float64 {
	out := make([]float64, len(beads))
	for k, b := range beads {
		out[k] = b.Score
	}
	return out
}

// sentMACChapter is one chapter of MAC-Dev.
type sentMACChapter struct {
	name   string
	zh, en []string
	gold   []sentAlignment // Chinese on the left
}

func sentLoadMAC(t testing.TB) []sentMACChapter {
	dir := sentCorpora(t, "mac-dev")
	var out []sentMACChapter
	for k := 1; k <= 6; k++ {
		name := fmt.Sprintf("%03d", k)
		out = append(out, sentMACChapter{
			name: name,
			zh:   testenv.Lines(t, filepath.Join(dir, "zh", name)),
			en:   testenv.Lines(t, filepath.Join(dir, "en", name)),
			gold: sentReadGold(t, filepath.Join(dir, "gold", name+".align")),
		})
	}
	return out
}

// sentMACResult is the evaluation of the aligner on some chapters.
type sentMACResult struct {
	total   sentScore
	chapter []sentScore
	calib   sentCalib
	beads   [][]Bead
}

func sentEvalMAC(t testing.TB, chs []sentMACChapter, opt SentOptions) *sentMACResult {
	r := &sentMACResult{chapter: make([]sentScore, len(chs))}
	for k, ch := range chs {
		beads := Sentences(ch.zh, ch.en, "zh", "en", opt)
		sentCheckBeads(t, beads, len(ch.zh), len(ch.en))
		test := sentToAlignments(beads, false)
		r.chapter[k].add(ch.gold, test)
		r.total.add(ch.gold, test)
		r.calib.add(ch.gold, test, sentBeadScores(beads))
		r.beads = append(r.beads, beads)
	}
	return r
}

func (r *sentMACResult) String() string {
	var sb strings.Builder
	_, _, f := r.total.strict()
	_, _, fl := r.total.lax()
	fmt.Fprintf(&sb, "MAC-Dev strict F1 %.4f (lax %.4f); per chapter", f, fl)
	for k := range r.chapter {
		_, _, fc := r.chapter[k].strict()
		fmt.Fprintf(&sb, " %.3f", fc)
	}
	fmt.Fprintf(&sb, "; %s", r.calib.String())
	return sb.String()
}

// sentUNWhole is the UN development set as one document per language, in
// file order.
func sentUNWhole(t testing.TB) map[string][]string {
	dir := sentCorpora(t, "unpc-devset")
	out := map[string][]string{}
	for _, l := range sentUNLangs {
		out[l] = testenv.Lines(t, filepath.Join(dir, "UNv1.0.devset."+l))
	}
	return out
}

// sentPerturbPair perturbs a parallel pair whose line k translates line k:
// it drops about dropPct % of the lines on each side and merges about
// mergePct % of adjacent target pairs (both kept) into one line, with a
// draw fixed by seed. It returns the new sides and the gold beads.
func sentPerturbPair(src, tgt []string, tgtLang, seed string, dropPct, mergePct uint32) ([]string, []string, []sentAlignment) {
	n := min(len(src), len(tgt))
	draw := func(what string, k int) uint32 { return sentHashInt(seed+"/"+what+"/"+strconv.Itoa(k)) % 1000 }
	dropS := make([]bool, n)
	dropT := make([]bool, n)
	for k := 0; k < n; k++ {
		dropS[k] = draw("s", k) < dropPct*10
		dropT[k] = draw("t", k) < dropPct*10
	}
	sep := " "
	if langtag.Base(tgtLang) == "zh" {
		sep = ""
	}
	var outS, outT []string
	sIdx := make([]int, n)
	for k := 0; k < n; k++ {
		sIdx[k] = -1
		if !dropS[k] {
			sIdx[k] = len(outS)
			outS = append(outS, src[k])
		}
	}
	var gold []sentAlignment
	for k := 0; k < n; k++ {
		var ss []int
		if sIdx[k] >= 0 {
			ss = append(ss, sIdx[k])
		}
		if dropT[k] {
			if len(ss) > 0 {
				gold = append(gold, sentAlignment{src: ss})
			}
			continue
		}
		if k+1 < n && !dropT[k+1] && draw("m", k) < mergePct*10 {
			if sIdx[k+1] >= 0 {
				ss = append(ss, sIdx[k+1])
			}
			gold = append(gold, sentAlignment{src: ss, tgt: []int{len(outT)}})
			outT = append(outT, tgt[k]+sep+tgt[k+1])
			k++
			continue
		}
		gold = append(gold, sentAlignment{src: ss, tgt: []int{len(outT)}})
		outT = append(outT, tgt[k])
	}
	return outS, outT, gold
}

// sentBibleProtocol merges consecutive test beads that lie inside one verse
// (bertalign's bin/eval_bible.py) before scoring. Beads are English left.
func sentBibleProtocol(test []sentAlignment, enVerse, zhVerse []string) []sentAlignment {
	verseOf := func(a sentAlignment) string {
		v := ""
		for _, i := range a.src {
			if v == "" {
				v = enVerse[i]
			} else if enVerse[i] != v {
				return ""
			}
		}
		for _, j := range a.tgt {
			if v == "" {
				v = zhVerse[j]
			} else if zhVerse[j] != v {
				return ""
			}
		}
		return v
	}
	var out []sentAlignment
	prev := ""
	for _, a := range test {
		v := verseOf(a)
		if v != "" && v == prev && len(out) > 0 {
			last := &out[len(out)-1]
			last.src = append(append([]int{}, last.src...), a.src...)
			last.tgt = append(append([]int{}, last.tgt...), a.tgt...)
			continue
		}
		out = append(out, a)
		prev = v
	}
	return out
}

// sentBibleProtocolF1 aligns the Bible and scores it with bertalign's
// protocol.
func sentBibleProtocolF1(t testing.TB, opt SentOptions) float64 {
	dir := sentCorpora(t, "bible-zh-en")
	zh := testenv.Lines(t, filepath.Join(dir, "zh.txt"))
	en := testenv.Lines(t, filepath.Join(dir, "en.txt"))
	gold := sentReadGold(t, filepath.Join(dir, "gold.align"))
	zv := testenv.Lines(t, filepath.Join(dir, "zh.verse"))
	ev := testenv.Lines(t, filepath.Join(dir, "en.verse"))
	beads := Sentences(zh, en, "zh", "en", opt)
	var sc sentScore
	sc.add(gold, sentBibleProtocol(sentToAlignments(beads, true), ev, zv))
	_, _, f := sc.strict()
	return f
}

// TestSentEvalReport prints every figure of the evaluation (MAC-Dev per
// chapter, the UN set whole per pair, clean and perturbed, the Bible with
// bertalign's protocol, the calibration cross-fitted). It is long: it runs only when
// CONCORD_ALIGN_EVAL is set.
func TestSentEvalReport(t *testing.T) {
	if os.Getenv("CONCORD_ALIGN_EVAL") == "" {
		t.Skip("set CONCORD_ALIGN_EVAL=1 for the full evaluation report")
	}
	what := os.Getenv("CONCORD_ALIGN_EVAL")
	opt := SentOptions{}
	if what == "1" || strings.Contains(what, "mac") {
		r := sentEvalMAC(t, sentLoadMAC(t), opt)
		t.Log(r)
		t.Log("\n" + r.calib.table())
	}
	if what == "1" || strings.Contains(what, "un") {
		un := sentUNWhole(t)
		var all sentCalib
		for _, other := range []string{"en", "fr", "es", "ru", "ar"} {
			var clean, pert sentScore
			var cal sentCalib
			zh := un["zh"]
			var gold []sentAlignment
			for i := range zh {
				gold = append(gold, sentAlignment{src: []int{i}, tgt: []int{i}})
			}
			b := Sentences(zh, un[other], "zh", other, opt)
			clean.add(gold, sentToAlignments(b, false))
			s, tg, pg := sentPerturbPair(zh, un[other], other, "whole-"+other, 3, 4)
			b = Sentences(s, tg, "zh", other, opt)
			pert.add(pg, sentToAlignments(b, false))
			cal.add(pg, sentToAlignments(b, false), sentBeadScores(b))
			all.merge(&cal)
			_, _, fc := clean.strict()
			_, _, fp := pert.strict()
			t.Logf("UN whole zh-%s: clean F1 %.4f, perturbed F1 %.4f; %s", other, fc, fp, cal.String())
		}
		t.Logf("UN perturbed, all pairs: %s\n%s", all.String(), all.table())
	}
	if what == "1" || strings.Contains(what, "bible") {
		t.Logf("Bible, bertalign protocol: strict F1 %.4f", sentBibleProtocolF1(t, opt))
	}
	if what == "1" || strings.Contains(what, "calib") {
		t.Logf("calibration, cross-fitted:\n%s", sentCrossFitCalib(sentCalibDevData(t, false)))
	}
}
