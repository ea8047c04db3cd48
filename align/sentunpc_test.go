package align

import (
	"concord/corpora/testenv"
	"hash/fnv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sentUNDoc is one document of the UN Parallel Corpus development set: its
// lines in every language, in file order.
type sentUNDoc struct {
	symbol string
	lines  map[string][]string
}

var sentUNLangs = []string{"ar", "en", "es", "fr", "ru", "zh"}

func sentLoadUNPC(t testing.TB) []sentUNDoc {
	dir := sentCorpora(t, "unpc-devset")
	ids := testenv.Lines(t, filepath.Join(dir, "UNv1.0.devset.ids"))
	text := map[string][]string{}
	for _, l := range sentUNLangs {
		text[l] = testenv.Lines(t, filepath.Join(dir, "UNv1.0.devset."+l))
		if len(text[l]) != len(ids) {
			t.Fatalf("%s: %d lines, ids: %d", l, len(text[l]), len(ids))
		}
	}
	var docs []sentUNDoc
	at := map[string]int{}
	for i, id := range ids {
		sym := strings.Fields(id)[0]
		k, ok := at[sym]
		if !ok {
			k = len(docs)
			at[sym] = k
			docs = append(docs, sentUNDoc{symbol: sym, lines: map[string][]string{}})
		}
		for _, l := range sentUNLangs {
			docs[k].lines[l] = append(docs[k].lines[l], text[l][i])
		}
	}
	return docs
}

func sentHashInt(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// sentPerturb drops about 5% of the lines and merges about 5% of adjacent
// pairs, deterministically, and returns the new lines with the gold beads
// against the unperturbed other side (whose line i was the original line i).
func sentPerturb(sym, lang string, lines []string) ([]string, []sentAlignment) {
	var out []string
	var gold []sentAlignment
	for i := 0; i < len(lines); i++ {
		h := sentHashInt(sym + "/" + lang + "/" + strconv.Itoa(i))
		switch {
		case h%100 < 5:
			gold = append(gold, sentAlignment{src: []int{i}})
		case (h/100)%100 < 5 && i+1 < len(lines):
			sep := " "
			if lang == "zh" {
				sep = ""
			}
			gold = append(gold, sentAlignment{src: []int{i, i + 1}, tgt: []int{len(out)}})
			out = append(out, lines[i]+sep+lines[i+1])
			i++
		default:
			gold = append(gold, sentAlignment{src: []int{i}, tgt: []int{len(out)}})
			out = append(out, lines[i])
		}
	}
	return out, gold
}

func TestSentUNPC(t *testing.T) {
	docs := sentLoadUNPC(t)
	for _, other := range []string{"ar", "en", "es", "fr", "ru"} {
		var clean, pert sentScore
		for _, d := range docs {
			zh := d.lines["zh"]
			var gold []sentAlignment
			for i := range zh {
				gold = append(gold, sentAlignment{src: []int{i}, tgt: []int{i}})
			}
			clean.add(gold, sentToAlignments(Sentences(zh, d.lines[other], "zh", other, SentOptions{}), false))
			tgt, pgold := sentPerturb(d.symbol, other, d.lines[other])
			pert.add(pgold, sentToAlignments(Sentences(zh, tgt, "zh", other, SentOptions{}), false))
		}
		_, _, fc := clean.strict()
		pp, pr, fp := pert.strict()
		t.Logf("zh-%s: clean strict F1 %.4f; 5%% dropped + 5%% merged: P %.4f R %.4f F1 %.4f", other, fc, pp, pr, fp)
		if fc < 0.99 {
			t.Errorf("zh-%s clean F1 %.4f < 0.99", other, fc)
		}
		// Without a lexicon, dropped and merged short sentences are often
		// indistinguishable by length; TestSentUNPCLexicon reaches 0.99.
		if fp < 0.96 {
			t.Errorf("zh-%s perturbed F1 %.4f < 0.96", other, fp)
		}
	}
}

// TestSentUNPCLexicon aligns every document with a lexicon learned, without
// supervision, from the collection being aligned (LearnSentLexicon), clean
// and perturbed. Under the race detector, which slows the aligner down
// sixteenfold, only zh–ar (the pair nearest the threshold) is
// checked; the normal run checks every pair.
func TestSentUNPCLexicon(t *testing.T) {
	docs := sentLoadUNPC(t)
	others := []string{"ar", "en", "es", "fr", "ru"}
	if sentRace {
		others = others[:1]
	}
	for _, other := range others {
		var srcDocs, cleanDocs, pertDocs [][]string
		var cleanGolds, pertGolds [][]sentAlignment
		for _, d := range docs {
			srcDocs = append(srcDocs, d.lines["zh"])
			cleanDocs = append(cleanDocs, d.lines[other])
			var gold []sentAlignment
			for i := range d.lines["zh"] {
				gold = append(gold, sentAlignment{src: []int{i}, tgt: []int{i}})
			}
			cleanGolds = append(cleanGolds, gold)
			tgt, pgold := sentPerturb(d.symbol, other, d.lines[other])
			pertDocs = append(pertDocs, tgt)
			pertGolds = append(pertGolds, pgold)
		}
		// One lexicon, learned from the perturbed collection, serves both.
		lex := LearnSentLexicon(srcDocs, pertDocs, "zh", other, SentOptions{})
		var f [2]float64
		for v, tgtDocs := range [][][]string{cleanDocs, pertDocs} {
			golds := [][][]sentAlignment{cleanGolds, pertGolds}[v]
			var sc sentScore
			for k := range docs {
				sc.add(golds[k], sentToAlignments(Sentences(srcDocs[k], tgtDocs[k], "zh", other, SentOptions{Lexicon: lex}), false))
			}
			_, _, f[v] = sc.strict()
		}
		t.Logf("zh-%s with a collection lexicon: clean strict F1 %.4f; 5%% dropped + 5%% merged: F1 %.4f", other, f[0], f[1])
		if f[0] < 0.99 || f[1] < 0.99 {
			t.Errorf("zh-%s with a collection lexicon: F1 %.4f (clean), %.4f (perturbed) < 0.99", other, f[0], f[1])
		}
	}
}
