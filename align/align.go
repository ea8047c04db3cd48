package align

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/pieces"
)

// Level is the granularity of an alignment.
type Level int

// The levels Align works at.
const (
	LevelSentence Level = iota // sentence by sentence inside each linked unit
	LevelUnit                  // one link per linked unit
)

// Options control Align.
type Options struct {
	Level Level       // sentence (default) or unit
	Sent  SentOptions // options of the sentence aligner (its Glossary is ignored: see Glossary)
	// Glossary lists known equivalents across languages: each entry maps
	// language codes to the term in that language. The aligner uses the
	// pairs that concern each pair of versions.
	Glossary []map[string]string
	// Lexicons are collection lexicons (LearnSentLexicon, ReadSentLexicon,
	// Collection.Lexicons), one per language pair: each pair of versions,
	// the pivot's language first, uses the first whose languages (Langs)
	// are the pair's base codes, unless Sent.Lexicon is for that pair.
	// Pairs with none align as without.
	Lexicons []*SentLexicon
}

// forPair returns the sentence options for one language pair, with the
// glossary entries that name both languages and the pair's lexicon.
func (o Options) forPair(src, tgt string) SentOptions {
	so := o.Sent
	so.Glossary = nil
	for _, L := range o.Lexicons {
		if so.Lexicon.compatible(src, tgt) {
			break
		}
		if L.compatible(src, tgt) {
			so.Lexicon = L
		}
	}
	for _, e := range o.Glossary {
		a, b := e[src], e[tgt]
		if a != "" && b != "" {
			so.Glossary = append(so.Glossary, GlossaryEntry{Src: a, Tgt: b})
		}
	}
	return so
}

// Link is one translation unit: the sentences (or, at unit level, the
// units' texts) of every version that translate each other.
type Link struct {
	Addr   string         // address of the unit the link belongs to
	IDs    [][]int        // per version: 0-based sentence indices in document order
	Text   [][]string     // per version: the texts of those sentences
	Score  float64        // confidence in [0, 1]; see Align
	Status segment.Status // negotiation status of the pivot's unit (or the first that has one)
}

// Alignment is the result of aligning several versions of one text.
type Alignment struct {
	Langs      []string         // language of each version, pivot first: its base code (zh, ar…)
	Tags       []string         // each version's tag when more is known than its language (zh-Hant, ar-EG), else ""
	Names      []string         // name of each version's document
	Sentences  [][]pieces.Piece // per version: every sentence in reading order (pieces.Sentences)
	Links      []Link           // in the pivot's document order
	Missing    []Missing        // units that some versions lack
	Mismatches []Mismatch       // parents whose children were linked by content
}

// Agreement tells how well the versions agree where they all have the
// unit: of the sentences (counted in every version) of the units every
// version has, how many lie in links with text in every version and a
// score of at least 0.5. Language versions of one text agree on nearly
// all (0.96–0.99 for the L.15 draft with its Arabic articles and for the
// UDHR in two languages); unrelated texts on few (0.33 for the UDHR
// against the L.15 draft).
func (a *Alignment) Agreement() (agreed, total int) {
	missing := map[string]bool{}
	for _, m := range a.Missing {
		missing[m.Addr] = true
	}
	lacking := func(addr string) bool {
		for ; addr != ""; addr = segment.ParentAddr(addr) {
			if missing[addr] {
				return true
			}
		}
		return false
	}
	lastAddr, lastLacking := "", false // the links of a unit follow one another
	for k, l := range a.Links {
		if k == 0 || l.Addr != lastAddr {
			lastAddr, lastLacking = l.Addr, len(missing) > 0 && lacking(l.Addr)
		}
		if lastLacking {
			continue
		}
		n, all := 0, true
		for v := range l.IDs {
			n += len(l.IDs[v])
			all = all && len(l.IDs[v]) > 0
		}
		total += n
		if all && l.Score >= 0.5 {
			agreed += n
		}
	}
	return agreed, total
}

// Align aligns two or more language versions of one text: first their units
// by address (see Units), then, inside each linked unit, their sentences
// with Sentences. Every sentence of every version lands in exactly one
// link; a sentence without a counterpart gets a link of its own with empty
// sides for the other versions.
//
// Score: 1 for a link whose units were matched by address and whose one
// sentence each needed no choice; otherwise the aligner's posterior
// probability of the bead (for several versions, the lowest over the pairs
// with the pivot), multiplied by the unit link's score when the units were
// themselves linked by content. Links below about 0.5 deserve a look.
func Align(docs []*segment.Document, opt Options) *Alignment {
	ua := units(docs, opt.forPair)
	a := &Alignment{Langs: ua.Langs, Missing: ua.Missing, Mismatches: ua.Mismatches}
	for _, d := range docs {
		a.Tags = append(a.Tags, d.Tag)
	}
	n := len(docs)
	// number every version's sentences in reading order, by unit and field
	type fieldIDs struct{ own, text []int } // own: heading, text and tail; text: text only
	ids := make([]map[*segment.Unit]*fieldIDs, n)
	for v, d := range docs {
		a.Names = append(a.Names, d.Name)
		ids[v] = map[*segment.Unit]*fieldIDs{}
		sents := pieces.Sentences(d)
		for i, p := range sents {
			f := ids[v][p.Unit]
			if f == nil {
				f = &fieldIDs{}
				ids[v][p.Unit] = f
			}
			f.own = append(f.own, i)
			if p.Field == pieces.Text {
				f.text = append(f.text, i)
			}
		}
		a.Sentences = append(a.Sentences, sents)
	}
	// as many links as the version with the most sentences, the number of
	// a translation aligned one to one and exactly that of one version: a
	// list grown a link at a time would hold two copies of itself
	most := 0
	for _, s := range a.Sentences {
		most = max(most, len(s))
	}
	a.Links = make([]Link, 0, most)
	none := &fieldIDs{}
	idsOf := func(v int, u *segment.Unit) *fieldIDs {
		if f := ids[v][u]; f != nil {
			return f
		}
		return none
	}
	for _, ul := range ua.Links {
		// the sentences each version brings to this link
		picked := make([][]int, n)
		status := segment.Status("")
		for v, us := range ul.Units {
			for _, u := range us {
				if status == "" && u.Status != "" {
					status = u.Status
				}
				switch {
				case ul.ByContent && ua.textOnly[u]:
					picked[v] = append(picked[v], idsOf(v, u).text...)
				case ul.ByContent:
					for x := range u.All() {
						picked[v] = append(picked[v], idsOf(v, x).own...)
					}
					sort.Ints(picked[v]) // tails were numbered after the children
				case ua.textOnly[u]:
					picked[v] = append(picked[v], without(idsOf(v, u).own, idsOf(v, u).text)...)
				default:
					picked[v] = append(picked[v], idsOf(v, u).own...)
				}
			}
		}
		if opt.Level == LevelUnit {
			l := Link{Addr: ul.Addr, IDs: picked, Text: make([][]string, n), Score: ul.Score, Status: status}
			empty := true
			for v := range picked {
				for _, i := range picked[v] {
					l.Text[v] = append(l.Text[v], a.Sentences[v][i].Text)
					empty = false
				}
				if l.IDs[v] == nil {
					l.IDs[v] = []int{}
				}
			}
			if !empty {
				a.Links = append(a.Links, l)
			}
			continue
		}
		texts := make([][]string, n)
		for v := range picked {
			for _, i := range picked[v] {
				texts[v] = append(texts[v], a.Sentences[v][i].Text)
			}
		}
		for _, g := range alignPieces(texts, a.Langs, opt.forPair) {
			l := Link{Addr: ul.Addr, IDs: make([][]int, n), Text: make([][]string, n), Score: g.Score * ul.Score, Status: status}
			for v := range g.IDs {
				l.IDs[v] = []int{}
				for _, k := range g.IDs[v] {
					l.IDs[v] = append(l.IDs[v], picked[v][k])
					l.Text[v] = append(l.Text[v], texts[v][k])
				}
			}
			a.Links = append(a.Links, l)
		}
	}
	return a
}

// alignPieces aligns the sentences of one unit link. The common cases need
// no search: one sentence in each version that has any, or a single
// version with sentences.
func alignPieces(texts [][]string, langs []string, opt pairOptions) []Group {
	n := len(texts)
	with, single := 0, true
	for _, t := range texts {
		if len(t) > 0 {
			with++
		}
		if len(t) > 1 {
			single = false
		}
	}
	switch {
	case with == 0:
		return nil
	case with == 1:
		// only one version has text here: each sentence stands alone
		var gs []Group
		for v, t := range texts {
			for i := range t {
				g := Group{IDs: make([][]int, n), Score: 1}
				g.IDs[v] = []int{i}
				gs = append(gs, g)
			}
		}
		return gs
	case single:
		g := Group{IDs: make([][]int, n), Score: 1}
		for v, t := range texts {
			if len(t) == 1 {
				g.IDs[v] = []int{0}
			}
		}
		return []Group{g}
	}
	return multiAlign(texts, langs, opt)
}

// without returns the ids of a that are not in b.
func without(a, b []int) []int {
	var out []int
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// JoinText joins the sentences of one side of a link into one text, as a
// translation memory or a table shows it: with a space between two
// sentences, except between two that meet in Chinese or Japanese script
// (Han, kana, CJK punctuation and full-width forms on both sides of the
// join), which is written without spaces; so the Chinese sentences of a
// link join back into their source text.
func JoinText(sents []string) string {
	var b strings.Builder
	for _, t := range sents {
		joinTo(&b, t)
	}
	return b.String()
}

// joinTo appends t to b as JoinText joins two sentences.
func joinTo(b *strings.Builder, t string) {
	if t != "" && b.Len() > 0 {
		prev, _ := utf8.DecodeLastRuneInString(b.String())
		next, _ := utf8.DecodeRuneInString(t)
		if !(isCJKRune(prev) && isCJKRune(next)) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(t)
}

// Joined returns the text of version v in the link, its sentences joined
// by JoinText.
func (l Link) Joined(v int) string {
	if v < 0 || v >= len(l.Text) {
		return ""
	}
	return JoinText(l.Text[v])
}

// isCJKRune reports whether r belongs to a script written without spaces
// between words and sentences: Han, Hiragana, Katakana, Bopomofo, CJK
// symbols and punctuation (。，、「」), full-width forms (：（）！？).
func isCJKRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}
