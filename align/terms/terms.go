package terms

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"concord/align"
	"concord/segment"
	"concord/segment/define"
	"concord/segment/langtag"
	"concord/segment/pieces"
	"concord/segment/words"
)

// Kind says how a glossary entry was found.
type Kind string

// The kinds of glossary entry.
const (
	KindDefined   Kind = "defined"   // a term the text defines ("…" means …)
	KindCandidate Kind = "candidate" // a recurring term or term pair found by statistics
)

// Entry is one entry of a glossary: one term in each language that has
// it.
type Entry struct {
	Kind Kind
	// Addr is the address of the definition (defined terms) or of the
	// term's first occurrence (candidates).
	Addr string
	// Terms maps a language code to the term in that language, as printed.
	Terms map[string]string
	// Definition maps a language code to the definition in that language
	// (defined terms only).
	Definition map[string]string
	// Score is the log-likelihood ratio G² of a term pair, or the C-value
	// of a candidate of one language; 0 for defined terms.
	Score float64
	// Confidence is the confidence of a term pair (see Confidence), 1 for
	// a defined term (it comes from a definition, not from statistics)
	// and 0 for a candidate of one language.
	Confidence float64
	// Freq counts occurrences: for a pair, the aligned segments that hold
	// both terms; for a defined term or one-language candidate, its
	// occurrences in the source version.
	Freq int
	// Occurrences are the addresses where the term occurs in the source
	// version (where both terms of a pair occur), each once, in document
	// order.
	Occurrences []string
	// Found maps a language code to the addresses where the term of that
	// language occurs in its version, each once, in document order.
	Found map[string][]string
	// Context maps a language code to one sentence where the term occurs.
	Context map[string]string
	// Sources maps a language code to the name of the document the term
	// was read from.
	Sources map[string]string
}

// IssueKind says what is inconsistent about a term.
type IssueKind string

// The kinds of term issue.
const (
	// IssueRenderings: a source term rendered in more than one way in
	// another version.
	IssueRenderings IssueKind = "renderings"
	// IssueForm: a defined term used in a form other than its definition
	// (信息通信技术系统 for the defined 信息和通信技术系统).
	IssueForm IssueKind = "form"
)

// Rendering is one form of a term, with the addresses where it occurs.
type Rendering struct {
	Lang  string
	Text  string
	Addrs []string
}

// Issue is an inconsistency in the use or the rendering of a term.
type Issue struct {
	Kind IssueKind
	Lang string // the language of Term
	Term string // the source term (renderings) or the defined term (form)
	Addr string // the address of the definition, for defined terms
	// Renderings are, for IssueRenderings, the renderings found in the
	// other version, most frequent first; for IssueForm, the forms other
	// than the defined one.
	Renderings []Rendering
	// Message says what is wrong in one line of plain text.
	Message string
}

// Glossary is the terminology of a set of language versions (see Extract).
type Glossary struct {
	Langs   []string // language of each version, in input order: its base code (zh, ar…)
	Tags    []string // each version's tag when more is known than its language (zh-Hant), else ""
	Names   []string // document name of each version
	Entries []Entry  // defined terms in definition order, then candidates best first
	Issues  []Issue  // inconsistencies, by term
}

// Options control Extract and Parallel.
type Options struct {
	// Segmenter cuts words. Nil: one is made with the defined Chinese
	// terms added to its dictionary, so that they come out whole.
	Segmenter *words.Segmenter
	// Alignment is the alignment of the documents, if already made; nil:
	// Extract aligns them with align.Align and default options.
	Alignment *align.Alignment
	// Candidate controls the candidates and pairs.
	Candidate CandidateOptions
	// MaxCandidates caps the candidate entries (default 100; negative:
	// no cap).
	MaxCandidates int
	// NoCandidates leaves out candidates and pairs: defined terms only.
	NoCandidates bool
	// All keeps the term pairs below MinConfidence too, each with its
	// confidence (for JSON and CSV, where they can be sorted out); by
	// default only pairs at MinConfidence or above are kept, and the
	// renderings of those are checked either way.
	All bool
}

func (o Options) maxCandidates() int {
	switch {
	case o.MaxCandidates == 0:
		return 100
	case o.MaxCandidates < 0:
		return int(^uint(0) >> 1)
	}
	return o.MaxCandidates
}

// source picks the version candidates are taken from: the first
// Chinese one, else the first.
func source(langs []string) int {
	for i, l := range langs {
		if langtag.Base(l) == "zh" {
			return i
		}
	}
	return 0
}

// Extract builds the glossary of one or more language versions of a text:
//
//   - defined terms, harvested from each version with Definitions and
//     paired across versions by the address of their definition (the k-th
//     term of a definition with the k-th term of the same definition in
//     another version);
//   - with one version, its term candidates (Candidates); with two or
//     more, term pairs of the source version (the first Chinese one, else
//     the first) with each other version over the aligned links (Pairs),
//     merged by source term, the pair with the first other version giving
//     the score;
//   - issues: defined terms used in another form, and source terms
//     rendered in more than one way in another version.
//
// Candidate entries whose source term is a defined term are left out: the
// defined entry stands for them.
func Extract(docs []*segment.Document, opt Options) (*Glossary, error) {
	g := &Glossary{}
	if len(docs) == 0 {
		return g, nil
	}
	defs := make([][]define.Definition, len(docs))
	for v, d := range docs {
		g.Langs = append(g.Langs, d.Lang)
		g.Tags = append(g.Tags, d.Tag)
		g.Names = append(g.Names, d.Name)
		defs[v] = define.Harvest(d)
	}
	seg := opt.Segmenter
	if seg == nil { // define.Segmenter's, from the definitions in hand
		var err error
		if seg, err = words.New(words.Options{Terms: define.TermsIn(slices.Concat(defs...), "zh")}); err != nil {
			return nil, err
		}
	}
	// the sentences of every version, and the aligned links
	a := opt.Alignment
	if a == nil {
		if len(docs) > 1 {
			a = align.Align(docs, align.Options{})
		} else {
			a = &align.Alignment{Langs: g.Langs, Names: g.Names, Sentences: [][]pieces.Piece{pieces.Sentences(docs[0])}}
		}
	}
	sents := make([][]pieces.Piece, len(docs))
	for v := range docs {
		if v < len(a.Sentences) {
			sents[v] = a.Sentences[v]
		}
	}
	t := &builder{g: g, seg: seg, sents: sents, opt: opt}
	t.defined(defs)
	// the forms of the defined terms are the last to read the cut
	// sentences: the cuts go before the candidates index every segment
	// again (the issues of forms still come before those of renderings)
	t.forms(defs)
	t.sentCuts = nil
	src := source(g.Langs)
	var links [][]pieces.Piece // the aligned segments, for pairs and renderings alike
	if len(docs) > 1 {
		links = linkSegments(a, len(docs))
	}
	if !opt.NoCandidates {
		if len(docs) == 1 {
			t.monolingual(src)
		} else {
			t.bilingual(src, links)
		}
	}
	if len(docs) > 1 {
		t.renderings(src, links)
	}
	return g, nil
}

// segmenter returns seg, or when it is nil the segmenter of the defined
// terms of docs (define.Segmenter with the default options).
func segmenter(seg *words.Segmenter, docs []*segment.Document) (*words.Segmenter, error) {
	if seg != nil {
		return seg, nil
	}
	return define.Segmenter(docs, words.Options{})
}

// Parallel builds the glossary of parallel texts already split into
// aligned segments: texts[v][i] is segment i of version v (line i of a
// file of a parallel corpus, such as the UN Parallel Corpus), langs[v] and
// names[v] its language and name, addrs[i] the address of segment i (nil:
// "line.N", 1-based). There are no definitions to harvest: the glossary
// holds term pairs (or, for one version, candidates) and renderings issues.
func Parallel(texts [][]string, langs, names, addrs []string, opt Options) (*Glossary, error) {
	g := &Glossary{Names: names}
	for v, l := range langs {
		base := langtag.Base(l)
		sample := ""
		if v < len(texts) {
			sample = strings.Join(texts[v][:min(len(texts[v]), 200)], "")
		}
		g.Langs = append(g.Langs, base)
		g.Tags = append(g.Tags, langtag.Of(l, base, sample))
	}
	if len(texts) == 0 {
		return g, nil
	}
	n := len(texts[0])
	for v, t := range texts {
		if len(t) != n {
			return nil, fmt.Errorf("parallel texts need as many segments each: %s has %d, %s has %d",
				nameOf(names, 0), n, nameOf(names, v), len(t))
		}
	}
	seg := opt.Segmenter
	if seg == nil {
		var err error
		if seg, err = words.New(words.Options{}); err != nil {
			return nil, err
		}
	}
	addr := func(i int) string {
		if i < len(addrs) {
			return addrs[i]
		}
		return fmt.Sprintf("line.%d", i+1)
	}
	sents := make([][]pieces.Piece, len(texts))
	links := make([][]pieces.Piece, n)
	for i := range n {
		links[i] = make([]pieces.Piece, len(texts))
		for v := range texts {
			s := pieces.Piece{Addr: addr(i), Text: strings.TrimSpace(texts[v][i])}
			links[i][v] = s
			sents[v] = append(sents[v], s)
		}
	}
	t := &builder{g: g, seg: seg, sents: sents, opt: opt}
	src := source(g.Langs)
	if !opt.NoCandidates {
		if len(texts) == 1 {
			t.monolingual(src)
		} else {
			t.bilingual(src, links)
		}
	}
	if len(texts) > 1 {
		t.renderings(src, links)
	}
	return g, nil
}

// builder holds what the parts of Extract share.
type builder struct {
	g     *Glossary
	seg   *words.Segmenter
	sents [][]pieces.Piece // per version: sentences with addresses
	opt   Options
	// pairs[v] are the pairs of the source version with version v.
	pairs  map[int][]Pair
	defKey map[string]bool // source-language keys of defined terms
	// cut texts, made on first use
	sentCuts [][]*cut       // per version, per sentence
	linkCuts map[int][]*cut // per version, per link
	linkIdx  map[int]*index // per version: the n-grams of the links
	partners map[int]map[string]string
}

// sentCut returns sentence i of version v, cut.
func (t *builder) sentCut(v, i int) *cut {
	if t.sentCuts == nil {
		t.sentCuts = make([][]*cut, len(t.sents))
	}
	if t.sentCuts[v] == nil {
		t.sentCuts[v] = make([]*cut, len(t.sents[v]))
	}
	if t.sentCuts[v][i] == nil {
		t.sentCuts[v][i] = newCut(t.seg, t.sents[v][i].Text, t.g.Langs[v])
	}
	return t.sentCuts[v][i]
}

// linkCut returns version v of link i, cut.
func (t *builder) linkCut(links [][]pieces.Piece, v, i int) *cut {
	if t.linkCuts == nil {
		t.linkCuts = map[int][]*cut{}
	}
	if t.linkCuts[v] == nil {
		t.linkCuts[v] = make([]*cut, len(links))
	}
	if t.linkCuts[v][i] == nil {
		t.linkCuts[v][i] = newCut(t.seg, links[i][v].Text, t.g.Langs[v])
	}
	return t.linkCuts[v][i]
}

// linkSegments turns the links of an alignment into segments: per
// link, one segment per version, the link's sentences joined by spaces.
func linkSegments(a *align.Alignment, n int) [][]pieces.Piece {
	out := make([][]pieces.Piece, 0, len(a.Links))
	for _, l := range a.Links {
		row := make([]pieces.Piece, n)
		for v := range n {
			row[v].Addr = l.Addr
			if v < len(l.Text) {
				row[v].Text = strings.Join(l.Text[v], " ")
			}
		}
		out = append(out, row)
	}
	return out
}

// occurrences finds a term in the sentences of version v: the number of
// occurrences, the addresses (each once) and the first sentence.
func (t *builder) occurrences(v int, term string, skipAddr string) (int, []string, string) {
	lang := t.g.Langs[v]
	n := 0
	var addrs []string
	ctx, ctxDef := "", ""
	seen := map[string]bool{}
	p := newPattern(t.seg, term, lang, false, langtag.Base(lang) != "zh")
	for i, s := range t.sents[v] {
		if langtag.Base(lang) == "zh" && !strings.Contains(s.Text, p.han) {
			continue
		}
		hits := p.find(t.sentCut(v, i))
		if len(hits) == 0 {
			continue
		}
		n += len(hits)
		if !seen[s.Addr] {
			seen[s.Addr] = true
			addrs = append(addrs, s.Addr)
		}
		if s.Addr == skipAddr || s.Addr == "title" {
			if ctxDef == "" {
				ctxDef = s.Text
			}
		} else if ctx == "" {
			ctx = s.Text
		}
	}
	if ctx == "" {
		ctx = ctxDef
	}
	return n, addrs, ctx
}

// defined adds the defined terms, paired by address.
func (t *builder) defined(defs [][]define.Definition) {
	g := t.g
	src := source(g.Langs)
	t.defKey = map[string]bool{}
	// addresses in the order of the first version that has them
	type slot struct {
		addr string
		k    int
	}
	var order []slot
	seen := map[slot]bool{}
	byAddr := make([]map[string]define.Definition, len(defs))
	for v := range defs {
		byAddr[v] = map[string]define.Definition{}
		for _, d := range defs[v] {
			if _, dup := byAddr[v][d.Addr]; !dup {
				byAddr[v][d.Addr] = d
			}
		}
	}
	for _, v := range append([]int{src}, others(len(defs), src)...) {
		for _, d := range defs[v] {
			for k := range d.Terms {
				s := slot{d.Addr, k}
				if !seen[s] {
					seen[s] = true
					order = append(order, s)
				}
			}
		}
	}
	// a term defined again in the same words at another address (a text
	// repeated) is one entry: the first
	same := map[string]bool{}
	for _, s := range order {
		var key strings.Builder
		for v := range defs {
			if d, ok := byAddr[v][s.addr]; ok && s.k < len(d.Terms) {
				fmt.Fprintf(&key, "%d\x00%s\x00%s\x00", v, d.Terms[s.k], d.Text)
			}
		}
		if same[key.String()] {
			continue
		}
		same[key.String()] = true
		e := Entry{Kind: KindDefined, Addr: s.addr, Confidence: 1, Terms: map[string]string{}, Definition: map[string]string{},
			Context: map[string]string{}, Sources: map[string]string{}, Found: map[string][]string{}}
		for v := range defs {
			d, ok := byAddr[v][s.addr]
			if !ok || s.k >= len(d.Terms) {
				continue
			}
			lang := g.Langs[v]
			if _, dup := e.Terms[lang]; dup {
				continue
			}
			e.Terms[lang] = d.Terms[s.k]
			e.Definition[lang] = d.Text
			e.Sources[lang] = g.Names[v]
			n, addrs, ctx := t.occurrences(v, d.Terms[s.k], s.addr)
			if ctx != "" {
				e.Context[lang] = ctx
			}
			e.Found[lang] = addrs
			if v == src || e.Occurrences == nil {
				e.Freq, e.Occurrences = n, addrs
			}
			if v == src {
				t.defKey[termKey(t.seg, d.Terms[s.k], lang)] = true
			}
		}
		g.Entries = append(g.Entries, e)
	}
}

// others lists 0…n-1 without src.
func others(n, src int) []int {
	var out []int
	for v := range n {
		if v != src {
			out = append(out, v)
		}
	}
	return out
}

// monolingual adds the candidates of one version.
func (t *builder) monolingual(src int) {
	lang := t.g.Langs[src]
	opt := t.opt.Candidate.withDefaults()
	ix := newIndex(t.seg, t.sents[src], lang, opt.MaxWords, false)
	cs, grams := ix.candidates(opt)
	max := t.opt.maxCandidates()
	for i, c := range cs {
		if len(t.g.Entries) >= max+len(t.defKey) {
			break
		}
		if t.defKey[termKey(t.seg, c.Term, lang)] {
			continue
		}
		c.Addrs = ix.addrs(grams[i])
		addr := ""
		if len(c.Addrs) > 0 {
			addr = c.Addrs[0]
		}
		t.g.Entries = append(t.g.Entries, Entry{
			Kind: KindCandidate, Addr: addr, Terms: map[string]string{lang: c.Term},
			Score: c.Score, Freq: c.Freq, Occurrences: c.Addrs, Found: map[string][]string{lang: c.Addrs},
			Context: map[string]string{lang: c.Context}, Sources: map[string]string{lang: t.g.Names[src]},
		})
	}
}

// bilingual adds the term pairs of the source version with the others,
// merged by source term.
func (t *builder) bilingual(src int, links [][]pieces.Piece) {
	g := t.g
	t.pairs = map[int][]Pair{}
	type merged struct {
		e     Entry
		order int
	}
	bySrc := map[string]*merged{}
	var list []*merged
	for _, v := range others(len(g.Langs), src) {
		var s, tg, addrs []string
		for _, row := range links {
			if strings.TrimSpace(row[src].Text) == "" || strings.TrimSpace(row[v].Text) == "" {
				continue
			}
			s = append(s, row[src].Text)
			tg = append(tg, row[v].Text)
			addrs = append(addrs, row[src].Addr)
		}
		ps := Pairs(t.seg, s, tg, addrs, g.Langs[src], g.Langs[v], t.opt.Candidate)
		t.pairs[v] = ps
		for _, p := range ps {
			if t.defKey[termKey(t.seg, p.Src, g.Langs[src])] {
				continue
			}
			if p.Confidence < MinConfidence && !t.opt.All {
				continue
			}
			m := bySrc[p.Src]
			if m == nil {
				addr := ""
				if len(p.Addrs) > 0 {
					addr = p.Addrs[0]
				}
				m = &merged{e: Entry{Kind: KindCandidate, Addr: addr,
					Terms: map[string]string{g.Langs[src]: p.Src},
					Score: p.Score, Confidence: p.Confidence, Freq: p.Freq, Occurrences: p.Addrs, Found: map[string][]string{g.Langs[src]: p.Addrs},
					Context: map[string]string{g.Langs[src]: p.Context[0]},
					Sources: map[string]string{g.Langs[src]: g.Names[src]}}, order: len(list)}
				bySrc[p.Src] = m
				list = append(list, m)
			}
			if _, dup := m.e.Terms[p.TgtLang]; !dup {
				m.e.Terms[p.TgtLang] = p.Tgt
				m.e.Found[p.TgtLang] = p.Addrs
				m.e.Context[p.TgtLang] = p.Context[1]
				m.e.Sources[p.TgtLang] = g.Names[v]
			}
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].e.Score > list[j].e.Score })
	for i, m := range list {
		if i >= t.opt.maxCandidates() {
			break
		}
		g.Entries = append(g.Entries, m.e)
	}
}

// functionChars may be dropped from, added to or swapped in a Chinese
// term without changing its content: 信息和通信技术系统, 信息通信技术系统,
// 信息与通信技术系统. 的 is not among them: 此等犯罪的所得 is grammar,
// not another form of 犯罪所得.
const functionChars = "和与及、之或"

// forms reports defined terms used in another form in their own version.
func (t *builder) forms(defs [][]define.Definition) {
	for v, ds := range defs {
		lang := t.g.Langs[v]
		defined := map[string]bool{}
		for _, d := range ds {
			for _, term := range d.Terms {
				defined[termKey(t.seg, term, lang)] = true
			}
		}
		done := map[string]bool{} // a term defined again (a text repeated) is reported once
		for _, d := range ds {
			for _, term := range d.Terms {
				if done[term] {
					continue
				}
				done[term] = true
				forms := t.variants(v, term, defined)
				if len(forms) == 0 {
					continue
				}
				var parts []string
				for _, f := range forms {
					parts = append(parts, fmt.Sprintf("%q at %s", f.Text, strings.Join(f.Addrs, ", ")))
				}
				t.g.Issues = append(t.g.Issues, Issue{
					Kind: IssueForm, Lang: lang, Term: term, Addr: d.Addr, Renderings: forms,
					Message: fmt.Sprintf("defined term %q (%s) also used as %s", term, d.Addr, strings.Join(parts, "; ")),
				})
			}
		}
	}
}

// variants finds the forms of a defined term in version v that have the
// same content words but other function words: for Chinese, the term's
// characters other than 和与及、之或 in order, with only those characters,
// spaces or Latin conjunctions between them; for other languages, its
// content words (light stems) in order, with only stop words between them.
// Forms equal to the term (after folding and stemming) or to another
// defined term are not variants.
func (t *builder) variants(v int, term string, defined map[string]bool) []Rendering {
	lang := t.g.Langs[v]
	key := termKey(t.seg, term, lang)
	byForm := map[string]*Rendering{}
	var out []*Rendering
	add := func(form, addr string) {
		r := byForm[form]
		if r == nil {
			r = &Rendering{Lang: lang, Text: form}
			byForm[form] = r
			out = append(out, r)
		}
		if len(r.Addrs) == 0 || r.Addrs[len(r.Addrs)-1] != addr {
			r.Addrs = append(r.Addrs, addr)
		}
	}
	if langtag.Base(lang) == "zh" {
		var content []rune
		for _, r := range key {
			if !strings.ContainsRune(functionChars, r) {
				content = append(content, r)
			}
		}
		if len(content) < 4 {
			return nil
		}
		var pat strings.Builder
		for i, r := range content {
			if i > 0 {
				pat.WriteString(`(?:[` + functionChars + `]|\s|and|&)*`)
			}
			pat.WriteString(regexp.QuoteMeta(string(r)))
		}
		re := regexp.MustCompile(pat.String())
		for _, s := range t.sents[v] {
			for _, m := range re.FindAllString(s.Text, -1) {
				k := termKey(t.seg, m, lang)
				if k == key || defined[k] {
					continue
				}
				add(m, s.Addr)
			}
		}
	} else {
		want := strings.Fields(key)
		var content []string
		for _, w := range want {
			if !isStop(w, lang) {
				content = append(content, w)
			}
		}
		if len(content) < 2 {
			return nil
		}
		for si, s := range t.sents[v] {
			c := t.sentCut(v, si)
			toks, stems := c.toks, c.stem()
			for i := range toks {
				if stems[i] != content[0] {
					continue
				}
				k, j := 1, i+1
				for ; j < len(toks) && k < len(content); j++ {
					switch {
					case stems[j] == content[k]:
						k++
					case isStop(c.fold[j], lang) || isJoiner(s.Text[toks[j].s:toks[j].e]):
					default:
						j = len(toks) + 1
					}
				}
				if k < len(content) || j > len(toks) {
					continue
				}
				form := s.Text[toks[i].s:toks[j-1].e]
				kk := termKey(t.seg, form, lang)
				if kk == key || defined[kk] {
					continue
				}
				add(form, s.Addr)
			}
		}
	}
	res := make([]Rendering, len(out))
	for i, r := range out {
		res[i] = *r
	}
	return res
}

// minLinks is the least number of aligned segments over which the
// renderings of candidate pairs are checked: on a short text the words of
// repeated boilerplate co-occur as strongly as true equivalents (the
// fifteen articles of the L.15 draft give some 200 links), and the other
// renderings found for them would be noise. Defined terms are always
// checked.
const minLinks = 500

// renderings reports the source terms (defined terms, and the terms of
// pairs over minLinks segments or more) that another version renders in more than one
// way: in the links where the source term occurs but its counterpart does
// not, the target term most associated with the source term there, if
// one recurs (in two links or more, and a third of them), is no form of
// the counterpart's words (Committee, Commission; not report, reporting)
// and is not the counterpart of another source term that occurs there
// too.
func (t *builder) renderings(src int, links [][]pieces.Piece) {
	g := t.g
	srcLang := g.Langs[src]
	type job struct {
		term, addr string
		tgt        map[int]string
	}
	var jobs []job
	seen := map[string]bool{}
	// links that hold the source and some other version
	both := 0
	for _, row := range links {
		if strings.TrimSpace(row[src].Text) == "" {
			continue
		}
		for _, v := range others(len(g.Langs), src) {
			if strings.TrimSpace(row[v].Text) != "" {
				both++
				break
			}
		}
	}
	for _, e := range g.Entries {
		s, ok := e.Terms[srcLang]
		if !ok || seen[s] {
			continue
		}
		if e.Kind == KindCandidate && (both < minLinks || e.Confidence < MinConfidence) {
			continue // too little text to tell a rendering from noise, or a doubtful pair
		}
		seen[s] = true
		j := job{term: s, tgt: map[int]string{}}
		if e.Kind == KindDefined {
			j.addr = e.Addr
		}
		for _, v := range others(len(g.Langs), src) {
			if x, ok := e.Terms[g.Langs[v]]; ok {
				j.tgt[v] = x
			}
		}
		jobs = append(jobs, j)
	}
	for _, j := range jobs {
		for _, v := range others(len(g.Langs), src) {
			tgt, ok := j.tgt[v]
			if !ok {
				continue
			}
			issue := t.rendering(src, v, j.term, tgt, links)
			if issue == nil {
				continue
			}
			issue.Addr = j.addr
			g.Issues = append(g.Issues, *issue)
		}
	}
}

// partner maps the key of each target term of the pairs with version v
// to its source term.
func (t *builder) partner(v int) map[string]string {
	if t.partners == nil {
		t.partners = map[int]map[string]string{}
	}
	m := t.partners[v]
	if m == nil {
		m = map[string]string{}
		for _, p := range t.pairs[v] {
			m[termKey(t.seg, p.Tgt, p.TgtLang)] = p.Src
		}
		t.partners[v] = m
	}
	return m
}

// rendering checks the renderings of one source term in version v.
func (t *builder) rendering(src, v int, term, tgt string, links [][]pieces.Piece) *Issue {
	g := t.g
	srcLang, tgtLang := g.Langs[src], g.Langs[v]
	var with, without []int
	ps := newPattern(t.seg, term, srcLang, false, langtag.Base(srcLang) != "zh")
	pt := newPattern(t.seg, tgt, tgtLang, false, true)
	for i, row := range links {
		if strings.TrimSpace(row[v].Text) == "" {
			continue
		}
		if ps.han != "" && !strings.Contains(row[src].Text, ps.han) {
			continue
		}
		if len(ps.find(t.linkCut(links, src, i))) == 0 {
			continue
		}
		if len(pt.find(t.linkCut(links, v, i))) > 0 {
			with = append(with, i)
		} else {
			without = append(without, i)
		}
	}
	if len(without) < 2 || len(with) == 0 {
		return nil
	}
	// the recurring target term of the links without the counterpart,
	// associated with the source term over all links
	if t.linkIdx == nil {
		t.linkIdx = map[int]*index{}
	}
	ix := t.linkIdx[v]
	if ix == nil {
		segs := make([]pieces.Piece, len(links))
		for i, row := range links {
			segs[i] = row[v]
		}
		ix = newIndex(t.seg, segs, tgtLang, 4, true)
		t.linkIdx[v] = ix
	}
	inWithout := map[int32]int{}
	for _, i := range without {
		for _, gr := range ix.segGrams[i] {
			inWithout[gr]++
		}
	}
	srcLinks := len(with) + len(without)
	tgtKey := termKey(t.seg, tgt, tgtLang)
	best, bestN, bestG := int32(-1), 0, 0.0
	for gr, n := range inWithout {
		if n < 2 {
			continue
		}
		if 3*n < len(without) {
			continue // not the usual other rendering
		}
		form := ix.form(gr)
		k := termKey(t.seg, form, tgtLang)
		if shareWord(k, tgtKey, tgtLang) {
			continue // another form of the same words
		}
		// a rendering of another source term that occurs here too
		// (Security, of 安全, in the links of 附件) is no rendering of this one
		if other, ok := t.partner(v)[k]; ok && other != term {
			po := newPattern(t.seg, other, srcLang, false, langtag.Base(srcLang) != "zh")
			explained := 0
			for _, i := range without {
				if contains(ix.grams[gr].segs, int32(i)) && len(po.find(t.linkCut(links, src, i))) > 0 {
					explained++
				}
			}
			if 2*explained >= n {
				continue
			}
		}
		// association of the source term with this gram over all links
		a := 0
		for _, i := range with {
			if contains(ix.grams[gr].segs, int32(i)) {
				a++
			}
		}
		a += n
		score := lLR(a, srcLinks, int(ix.grams[gr].df), len(links))
		if float64(a)*float64(len(links)) <= float64(srcLinks)*float64(ix.grams[gr].df) || score < lLRThreshold {
			continue
		}
		if n > bestN || n == bestN && (score > bestG || score == bestG && gr < best) {
			best, bestN, bestG = gr, n, score
		}
	}
	if best < 0 {
		return nil
	}
	// where there is a dictionary, the other rendering must be one of the
	// source term's translations (Commission and Committee for 委员会; not
	// report for 秘书长, seen in the links where the Secretary-General's
	// report is "the report")
	if d := newDictCheck(srcLang, tgtLang); d != nil && d.agreeText(t.seg, term, ix.form(best)) <= 0 {
		return nil
	}
	addrsOf := func(is []int, keep func(int) bool) []string {
		var out []string
		for _, i := range is {
			if keep != nil && !keep(i) {
				continue
			}
			a := links[i][src].Addr
			if len(out) == 0 || out[len(out)-1] != a {
				out = append(out, a)
			}
		}
		return out
	}
	r1 := Rendering{Lang: tgtLang, Text: tgt, Addrs: addrsOf(with, nil)}
	r2 := Rendering{Lang: tgtLang, Text: ix.form(best), Addrs: addrsOf(without, func(i int) bool {
		return contains(ix.grams[best].segs, int32(i))
	})}
	rs := []Rendering{r1, r2}
	if len(r2.Addrs) > len(r1.Addrs) {
		rs = []Rendering{r2, r1}
	}
	return &Issue{
		Kind: IssueRenderings, Lang: srcLang, Term: term, Renderings: rs,
		Message: fmt.Sprintf("%s %q rendered in %s as %q (%s) and as %q (%s)", srcLang, term, tgtLang,
			rs[0].Text, strings.Join(rs[0].Addrs, ", "), rs[1].Text, strings.Join(rs[1].Addrs, ", ")),
	}
}

// shareWord reports whether two keys share a word, or forms of one
// word (see related; Chinese: a character).
func shareWord(a, b, lang string) bool {
	if langtag.Base(lang) == "zh" {
		return strings.ContainsAny(a, b)
	}
	for _, x := range strings.Fields(a) {
		for _, y := range strings.Fields(b) {
			if stemEq(x, y, lang) || stemEq(y, x, lang) || related(x, y) {
				return true
			}
		}
	}
	return false
}

// contains reports whether the sorted list xs holds x.
func contains(xs []int32, x int32) bool {
	i := sort.Search(len(xs), func(i int) bool { return xs[i] >= x })
	return i < len(xs) && xs[i] == x
}

// nameOf returns names[v], or "version N" when names is short.
func nameOf(names []string, v int) string {
	if v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("version %d", v+1)
}
