package align

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"concord/align/internal/model1"
)

// SentLexicon is a bilingual lexicon learned without supervision from a
// collection of document pairs: translation probabilities between the
// tokens of two languages (IBM Model 1 in both directions) and the tokens'
// frequencies. Sentences learns such a lexicon from the two documents it
// aligns when they are long enough; a SentLexicon learned from a whole
// collection helps with documents too short for that. It is read-only once
// built and safe for concurrent use.
type SentLexicon struct {
	srcLang, tgtLang string
	srcIDs, tgtIDs   map[string]int32
	fwd, bwd         [][]model1.Entry
	invBgS, invBgT   []float32
	prior            []float64 // bead shape probabilities in the collection

	scratch sync.Pool // of *sentLexScratch, for useLexicon
}

// sentLexScratch maps the lexicon's token ids to a document's, for the
// source and the target language.
type sentLexScratch struct {
	src, tgt sentLexMap
	gen      int32
}

// sentLexMap maps the lexicon's token ids of one language to a
// document's: the document id of lexicon token x is doc[x] when stamp[x]
// is the current generation.
type sentLexMap struct {
	stamp, doc []int32
}

func newSentLexMap(n int) sentLexMap {
	return sentLexMap{stamp: make([]int32, n), doc: make([]int32, n)}
}

// LearnSentLexicon aligns every document pair (src[d], tgt[d]) with
// Sentences and opt (several documents at a time, so the tokenizers must be
// safe for concurrent use), keeps the beads with two sides and a score of at least
// 0.9 (right nine times in ten), and trains the lexicon on them; then it does so once more,
// aligning with the lexicon of the first round. src and tgt should have the
// same number of documents; the languages are those of all documents.
func LearnSentLexicon(src, tgt [][]string, srcLang, tgtLang string, opt SentOptions) *SentLexicon {
	L := sentLearnLexicon(src, tgt, srcLang, tgtLang, opt)
	opt.Lexicon = L
	return sentLearnLexicon(src, tgt, srcLang, tgtLang, opt)
}

func sentLearnLexicon(src, tgt [][]string, srcLang, tgtLang string, opt SentOptions) *SentLexicon {
	tokS, tokT := opt.tokenizer(srcLang), opt.tokenizer(tgtLang)
	vs, vt := newSentVocab(sentLexKey), newSentVocab(sentLexKey)
	// Align the documents in parallel; the results are used in document
	// order, so the lexicon does not depend on the scheduling.
	nd := min(len(src), len(tgt))
	aligned := make([][]Bead, nd)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(runtime.GOMAXPROCS(0), nd)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				d := int(next.Add(1)) - 1
				if d >= nd {
					return
				}
				aligned[d] = Sentences(src[d], tgt[d], srcLang, tgtLang, opt)
			}
		}()
	}
	wg.Wait()
	var pairs []model1.Pair
	counts := make([]float64, len(sentTypes))
	for d := range nd {
		sIDs := make([][]int32, len(src[d]))
		for i, s := range src[d] {
			sIDs[i] = vs.add(tokS(s))
		}
		tIDs := make([][]int32, len(tgt[d]))
		for j, s := range tgt[d] {
			tIDs[j] = vt.add(tokT(s))
		}
		for _, b := range aligned[d] {
			for t, ty := range sentTypes {
				if ty.a == len(b.Src) && ty.b == len(b.Tgt) {
					counts[t]++
				}
			}
			if len(b.Src) == 0 || len(b.Tgt) == 0 || b.Score < sentTrainPost {
				continue
			}
			var tp model1.Pair
			for _, i := range b.Src {
				tp.Src = append(tp.Src, sIDs[i]...)
			}
			for _, j := range b.Tgt {
				tp.Tgt = append(tp.Tgt, tIDs[j]...)
			}
			pairs = append(pairs, tp)
		}
	}
	lex := model1.Train(pairs, len(vs.words), len(vt.words))
	L := &SentLexicon{srcLang: srcLang, tgtLang: tgtLang, srcIDs: vs.ids, tgtIDs: vt.ids, fwd: lex.Fwd, bwd: lex.Bwd}
	L.invBgS = sentInvBackground(vs.counts)
	L.invBgT = sentInvBackground(vt.counts)
	total := 0.0
	for _, c := range counts {
		total += c
	}
	L.prior = make([]float64, len(sentTypes))
	for t := range counts {
		L.prior[t] = (counts[t] + sentPriorMass*sentPrior0[t]) / (total + sentPriorMass)
	}
	return L
}

// sentInvBackground turns token counts into inverse unigram probabilities
// (add-half smoothing).
func sentInvBackground(counts []float64) []float32 {
	total := 0.0
	for _, c := range counts {
		total += c
	}
	out := make([]float32, len(counts))
	for id, c := range counts {
		out[id] = float32((total + 0.5*float64(len(counts))) / (c + 0.5))
	}
	return out
}

// Langs returns the languages the lexicon was learned for: the source's
// (the pivot's, for Align and Lines) and the target's.
func (L *SentLexicon) Langs() (src, tgt string) { return L.srcLang, L.tgtLang }

// compatible reports whether the lexicon is for this language pair.
func (L *SentLexicon) compatible(srcLang, tgtLang string) bool {
	return L != nil && L.srcLang == srcLang && L.tgtLang == tgtLang && len(L.fwd) > 0
}

// useLexicon makes the model use the collection lexicon L: its entries are
// mapped to the documents' token ids, and the background frequencies of the
// tokens L knows are taken from the collection.
func (md *sentModel) useLexicon(L *SentLexicon) {
	S, T := md.S, md.T
	sc, _ := L.scratch.Get().(*sentLexScratch)
	if sc == nil {
		sc = &sentLexScratch{src: newSentLexMap(len(L.invBgS)), tgt: newSentLexMap(len(L.invBgT))}
	}
	defer L.scratch.Put(sc)
	sc.gen++
	if sc.gen == math.MaxInt32 {
		clear(sc.src.stamp)
		clear(sc.tgt.stamp)
		sc.gen = 1
	}
	gen := sc.gen
	lexS := sc.src.link(S, L.srcIDs, L.invBgS, gen)
	lexT := sc.tgt.link(T, L.tgtIDs, L.invBgT, gen)
	md.lex = &model1.Table{Fwd: sentDocEntries(lexS, L.fwd, &sc.tgt, gen), Bwd: sentDocEntries(lexT, L.bwd, &sc.src, gen)}
}

// link maps the tokens of the document side sd to the lexicon's of its
// language (ids, with the background frequencies invBg): it returns the
// lexicon id of every document id (-1 for a token the lexicon does not
// know), records the reverse in m under generation gen, and gives the
// tokens the lexicon knows its background frequency.
func (m *sentLexMap) link(sd *sentSide, ids map[string]int32, invBg []float32, gen int32) []int32 {
	lexOf := make([]int32, sd.vocab)
	for id, w := range sd.words {
		lexOf[id] = -1
		if x, ok := ids[w]; ok {
			lexOf[id] = x
			m.stamp[x], m.doc[x] = gen, int32(id)
			sd.invBg[id] = invBg[x]
		}
	}
	return lexOf
}

// sentDocEntries gives every document token the entries in table of its
// lexicon token (lexOf) whose other token the document has (other, under
// generation gen), with the document's ids.
func sentDocEntries(lexOf []int32, table [][]model1.Entry, other *sentLexMap, gen int32) [][]model1.Entry {
	out := make([][]model1.Entry, len(lexOf))
	for id, x := range lexOf {
		if x < 0 {
			continue
		}
		for _, e := range table[x] {
			if other.stamp[e.ID] == gen {
				out[id] = append(out[id], model1.Entry{ID: other.doc[e.ID], P: e.P})
			}
		}
	}
	return out
}

// usePriors takes the bead shape probabilities of the collection as the
// model's priors.
func (md *sentModel) usePriors(L *SentLexicon) {
	md.prior0 = L.prior
	for t, p := range L.prior {
		md.logPrior[t] = math.Log(p)
	}
}
