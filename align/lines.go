package align

import (
	"slices"
	"strings"

	"concord/segment/langtag"
	"concord/segment/pieces"
)

// Lines aligns texts that are already split into sentences, one a line
// (concord align --presplit): no structure is parsed, every non-blank line
// is one sentence, and sentences are numbered by their 0-based line index.
// lines[v] are version v's lines, langs[v] its language (any tag: zh,
// zh-TW, ar-EG), names[v] its name.
// Every non-blank line of every version lands in exactly one link; the
// links carry no address.
func Lines(lines [][]string, langs, names []string, opt Options) *Alignment {
	n := len(lines)
	a := &Alignment{Names: names}
	for v, l := range langs {
		base := langtag.Base(l)
		var vl []string
		if v < n {
			vl = lines[v]
		}
		a.Langs = append(a.Langs, base)
		a.Tags = append(a.Tags, langtag.OfTexts(l, base, slices.Values(vl)))
	}
	texts := make([][]string, n)
	index := make([][]int, n) // sentence k of version v is line index[v][k]
	for v, ls := range lines {
		sents := make([]pieces.Piece, len(ls))
		for i, l := range ls {
			t := strings.TrimSpace(l)
			sents[i] = pieces.Piece{Text: t}
			if t != "" {
				texts[v] = append(texts[v], t)
				index[v] = append(index[v], i)
			}
		}
		a.Sentences = append(a.Sentences, sents)
	}
	for _, g := range alignPieces(texts, a.Langs, opt.forPair) {
		l := Link{IDs: make([][]int, n), Text: make([][]string, n), Score: g.Score}
		for v, ks := range g.IDs {
			l.IDs[v] = []int{}
			for _, k := range ks {
				l.IDs[v] = append(l.IDs[v], index[v][k])
				l.Text[v] = append(l.Text[v], texts[v][k])
			}
		}
		a.Links = append(a.Links, l)
	}
	return a
}
