package terms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/align"
	"concord/segment"
	"concord/segment/words"
)

// KWICOptions control KWIC.
type KWICOptions struct {
	// Segmenter cuts words; nil: define.Segmenter over the documents (the
	// default dictionary, with the documents' defined terms kept whole).
	Segmenter *words.Segmenter
	// Alignment is the documents' alignment if already made; nil: align.Align
	// with default options.
	Alignment *align.Alignment
	// Substring lets a Chinese term match inside longer words (服务 in
	// 服务提供商); by default it matches on gse word boundaries only.
	// Other languages always match whole words.
	Substring bool
	// Width is the context on each side, in characters (default 30).
	Width int
}

// Hit is one occurrence of a term, with its context and what the
// other versions align with the sentence it stands in.
type Hit struct {
	Addr     string // address of the unit the sentence belongs to
	Lang     string // language of the version the term was found in
	Version  int    // index of that version in the alignment
	Sentence int    // index of the sentence in that version
	Left     string // context before the match, at most Width characters
	Match    string // the term as printed
	Right    string // context after the match
	// Text is the whole sentence the term occurs in.
	Text string
	// Aligned holds, for each other version (in alignment order), the
	// sentences linked with this one; Text is "" where that version has
	// no counterpart.
	Aligned []Aligned
	// Score is the confidence of the link (see align.Align), 0 if the sentence
	// is in no link.
	Score float64
}

// Aligned is the counterpart of a sentence in one other version.
type Aligned struct {
	Lang string // the version's language
	Addr string // the address of its unit ("" where it has none)
	Text string // the linked sentences joined by a space
}

// Concordance is the result of KWIC: the term, the versions it was looked
// for in, and its occurrences.
type Concordance struct {
	Term  string   // the term as asked for, trimmed
	Langs []string // the language of each version, in input order
	Names []string // the name of each version's document
	Hits  []Hit    // in version order, then document order
}

// KWIC builds a bilingual (multilingual) concordance of term over the
// aligned documents: every occurrence of term in every version, in version order
// then document order, with its left and right context and the sentences
// the other versions align with the one it stands in. The term may be in
// any of the languages and is looked for in every version; it matches
// whole words only — Chinese on gse word boundaries unless
// opt.Substring — case-insensitively, and for Arabic without diacritics.
//
// It fails only when the default segmenter cannot load.
func KWIC(docs []*segment.Document, term string, opt KWICOptions) (*Concordance, error) {
	if opt.Width <= 0 {
		opt.Width = 30
	}
	term = strings.TrimSpace(term)
	c := &Concordance{Term: term}
	for _, d := range docs {
		c.Langs = append(c.Langs, d.Lang)
		c.Names = append(c.Names, d.Name)
	}
	if term == "" {
		return c, nil
	}
	seg, err := segmenter(opt.Segmenter, docs)
	if err != nil {
		return nil, err
	}
	a := opt.Alignment
	if a == nil {
		a = align.Align(docs, align.Options{})
	}
	// sentence → link, -1 for none
	linkOf := make([][]int32, len(a.Sentences))
	for v := range linkOf {
		linkOf[v] = make([]int32, len(a.Sentences[v]))
		for i := range linkOf[v] {
			linkOf[v][i] = -1
		}
	}
	for li, l := range a.Links {
		for v, ids := range l.IDs {
			if v >= len(linkOf) {
				continue
			}
			for _, id := range ids {
				if id >= 0 && id < len(linkOf[v]) {
					linkOf[v][id] = int32(li)
				}
			}
		}
	}
	var hits []Hit
	for v, sents := range a.Sentences {
		lang := ""
		if v < len(a.Langs) {
			lang = a.Langs[v]
		}
		p := newPattern(seg, term, lang, opt.Substring, false)
		for i, s := range sents {
			if p.han != "" && !strings.Contains(s.Text, p.han) {
				continue
			}
			if p.han == "" && len(p.keys) == 0 {
				continue
			}
			for _, m := range p.find(newCut(seg, s.Text, lang)) {
				h := Hit{
					Addr: s.Addr, Lang: lang, Version: v, Sentence: i,
					Left:  flat(lastRunes(s.Text[:m.start], opt.Width)),
					Match: s.Text[m.start:m.end],
					Right: flat(firstRunes(s.Text[m.end:], opt.Width)),
					Text:  s.Text,
				}
				li := int(linkOf[v][i])
				linked := li >= 0
				if linked {
					h.Score = a.Links[li].Score
				}
				for w := range a.Sentences {
					if w == v {
						continue
					}
					al := Aligned{}
					if w < len(a.Langs) {
						al.Lang = a.Langs[w]
					}
					if linked && w < len(a.Links[li].Text) {
						al.Text = strings.Join(a.Links[li].Text[w], " ")
						if ids := a.Links[li].IDs[w]; len(ids) > 0 {
							al.Addr = a.Sentences[w][ids[0]].Addr
						}
					}
					h.Aligned = append(h.Aligned, al)
				}
				hits = append(hits, h)
			}
		}
	}
	c.Hits = hits
	return c, nil
}

// lastRunes returns the last n characters of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// flat puts a context on one line.
func flat(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}
