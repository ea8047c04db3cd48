package align

import (
	"cmp"
	"slices"
	"strings"

	"concord/segment"
	"concord/segment/langtag"
	"concord/segment/pieces"
)

// Collection gathers the sentences of a collection of texts, set by set
// (the language versions of one text), to learn from them one collection
// lexicon per language pair of the pivot with another version (Lexicons),
// for Options.Lexicons. Each set brings, for every version but the pivot
// (the first with sentences), one document pair: the pivot's sentences and
// that version's.
//
// Its memory is bounded: once the sentences gathered reach Max bytes, Full
// reports it and further sets are not taken; sets are taken whole, so the
// last one may pass Max. A Collection is not safe for concurrent use.
type Collection struct {
	Max int64 // bytes of sentence text taken at most; 0: no bound

	size  int64
	pairs map[[2]string]*collectionPair
}

// collectionPair holds the document pairs of one language pair.
type collectionPair struct{ src, tgt [][]string }

// Full reports whether the sentences gathered have reached Max.
func (c *Collection) Full() bool { return c.Max > 0 && c.size >= c.Max }

// Size returns the bytes of sentence text gathered.
func (c *Collection) Size() int64 { return c.size }

// AddLines adds a set as Lines reads it: version v's lines, in the language
// langs[v] (any tag: its base code names the pair), every non-blank line,
// trimmed, being one sentence. It reports whether the set was taken: not
// when the collection is Full.
func (c *Collection) AddLines(lines [][]string, langs []string) bool {
	texts := make([][]string, len(lines))
	bases := make([]string, len(lines))
	for v, ls := range lines {
		for _, l := range ls {
			if t := strings.TrimSpace(l); t != "" {
				texts[v] = append(texts[v], t)
			}
		}
		if v < len(langs) {
			bases[v] = langtag.Base(langs[v])
		}
	}
	return c.add(texts, bases)
}

// AddDocuments adds a set as Align reads it: every sentence of every
// document (pieces.Sentences), in the document's language.
func (c *Collection) AddDocuments(docs []*segment.Document) bool {
	texts := make([][]string, len(docs))
	langs := make([]string, len(docs))
	for v, d := range docs {
		for _, p := range pieces.Sentences(d) {
			if p.Text != "" {
				texts[v] = append(texts[v], p.Text)
			}
		}
		langs[v] = d.Lang
	}
	return c.add(texts, langs)
}

// add adds the document pairs of one set, its sentences per version.
func (c *Collection) add(texts [][]string, langs []string) bool {
	if c.Full() {
		return false
	}
	pivot := slices.IndexFunc(texts, func(t []string) bool { return len(t) > 0 })
	if pivot < 0 {
		return true
	}
	if c.pairs == nil {
		c.pairs = map[[2]string]*collectionPair{}
	}
	// the texts are copied, so that the collection keeps no file or
	// document alive
	clone := func(t []string) []string {
		out := make([]string, len(t))
		for i, s := range t {
			out[i] = strings.Clone(s)
			c.size += int64(len(s))
		}
		return out
	}
	var src []string // the pivot's, once it has a pair
	for v := pivot + 1; v < len(texts); v++ {
		if len(texts[v]) == 0 {
			continue
		}
		if src == nil {
			src = clone(texts[pivot])
		}
		key := [2]string{langs[pivot], langs[v]}
		p := c.pairs[key]
		if p == nil {
			p = &collectionPair{}
			c.pairs[key] = p
		}
		p.src = append(p.src, src)
		p.tgt = append(p.tgt, clone(texts[v]))
	}
	return true
}

// Lexicons learns one lexicon per language pair gathered
// (LearnSentLexicon, with the sentence options Align gives the pair:
// opt.Sent, the pair's glossary entries and lexicon), in the order of the
// pairs' languages. The result depends on the sets added and their order
// only, not on the number of CPUs.
func (c *Collection) Lexicons(opt Options) []*SentLexicon {
	keys := make([][2]string, 0, len(c.pairs))
	for k := range c.pairs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	})
	var out []*SentLexicon
	for _, k := range keys {
		p := c.pairs[k]
		out = append(out, LearnSentLexicon(p.src, p.tgt, k[0], k[1], opt.forPair(k[0], k[1])))
	}
	return out
}
