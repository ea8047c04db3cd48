package alignout

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"concord/align"
	"concord/corpora/out"
	"concord/segment/langtag"
)

// Tags returns the language tag written for each version, unique within
// the alignment: by default what CAT tools resolve (zh-CN for Simplified,
// zh-TW for Traditional Chinese, the document's tag when it names a region,
// else the plain code; see langtag.Policy), or what policy says.
func Tags(a *align.Alignment, policy langtag.Policy) []string {
	return policy.Unique(a.Langs, a.Tags)
}

type linkJSON struct {
	Addr   string     `json:"addr"`
	IDs    [][]int    `json:"ids"`
	Text   [][]string `json:"text"`
	Score  float64    `json:"score"`
	Status string     `json:"status"`
}

type missingJSON struct {
	Addr  string   `json:"addr"`
	Langs []string `json:"langs"`
}

type mismatchJSON struct {
	Addr   string   `json:"addr"`
	Langs  []string `json:"langs"`
	Counts []int    `json:"counts"`
}

// JSON writes {"langs", "links", "missing", "mismatches"}; every key is
// always present.
func JSON(w io.Writer, a *align.Alignment, opt Options) error {
	doc := struct {
		Langs      []string       `json:"langs"`
		Links      []linkJSON     `json:"links"`
		Missing    []missingJSON  `json:"missing"`
		Mismatches []mismatchJSON `json:"mismatches"`
	}{Langs: Tags(a, opt.Tags), Links: []linkJSON{}, Missing: []missingJSON{}, Mismatches: []mismatchJSON{}}
	for _, l := range a.Links {
		lj := linkJSON{Addr: l.Addr, IDs: l.IDs, Text: make([][]string, len(l.IDs)), Score: out.Round(l.Score, 4), Status: string(l.Status)}
		for v := range l.IDs {
			lj.Text[v] = []string{}
			if v < len(l.Text) && l.Text[v] != nil {
				lj.Text[v] = l.Text[v]
			}
			if lj.IDs[v] == nil {
				lj.IDs[v] = []int{}
			}
		}
		doc.Links = append(doc.Links, lj)
	}
	for _, m := range a.Missing {
		doc.Missing = append(doc.Missing, missingJSON{m.Addr, m.Langs})
	}
	for _, m := range a.Mismatches {
		doc.Mismatches = append(doc.Mismatches, mismatchJSON{m.Addr, m.Langs, m.Counts})
	}
	return out.JSON(w, doc, opt.Compact)
}

// score formats a score with at most four decimals, so that output is
// stable and short.
func score(f float64) string {
	return strconv.FormatFloat(out.Round(f, 4), 'f', -1, 64)
}

// TSV writes one line per link: address, score, then each version's text
// (its sentences joined; tabs and line breaks become spaces). With
// Options.MinScore, only the links scored at or above it.
func TSV(w io.Writer, a *align.Alignment, opt Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "addr\tscore\t%s\n", strings.Join(Tags(a, opt.Tags), "\t"))
	for _, l := range a.Links {
		if !opt.keep(l) {
			continue
		}
		bw.WriteString(l.Addr)
		bw.WriteByte('\t')
		bw.WriteString(score(l.Score))
		for v := range a.Langs {
			bw.WriteByte('\t')
			bw.WriteString(out.TSVField(linkText(l, v)))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// linkText is the text of version v in a link: its sentences joined as
// align.JoinText joins them (no space between Chinese sentences).
func linkText(l align.Link, v int) string { return l.Joined(v) }

// TMX writes the alignment as TMX 1.4b: one <tu> per link with one <tuv>
// per version that has text (all languages in one unit, not pairs), and the
// properties x-address, x-status and x-score. segtype is "sentence", or
// "block" for a unit-level alignment (Options.Unit). With
// Options.MinScore, only the links scored at or above it are written; a
// unit's tuid stays its link's number, so that it names the same link as
// the JSON and HTML outputs.
func TMX(w io.Writer, a *align.Alignment, opt Options) error {
	t := NewTMXStream(w, opt)
	tags := Tags(a, opt.Tags)
	src := ""
	if len(tags) > 0 {
		src = tags[0]
	}
	t.Head(src)
	t.Add(a, "")
	return t.Close()
}

// TMXStream writes one TMX document in parts: its head, the translation
// units of one alignment after another, and its end. Batch mode writes the
// alignments of a whole corpus into one TMX this way.
type TMXStream struct {
	w   *bufio.Writer
	opt Options
}

// NewTMXStream returns a stream that writes to w.
func NewTMXStream(w io.Writer, opt Options) *TMXStream {
	return &TMXStream{w: bufio.NewWriter(w), opt: opt}
}

// Head writes the XML declaration, the header with the source language
// srclang, and the opening of the body.
func (t *TMXStream) Head(srclang string) {
	segtype := "sentence"
	if t.opt.Unit {
		segtype = "block"
	}
	bw := t.w
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	bw.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n")
	bw.WriteString("<tmx version=\"1.4\">\n")
	fmt.Fprintf(bw, "  <header creationtool=\"concord\" creationtoolversion=\"1\" segtype=\"%s\" o-tmf=\"concord\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\"/>\n", segtype, out.XML(srclang))
	bw.WriteString("  <body>\n")
}

// Add writes a translation unit per link of a. With a document name doc,
// the units are numbered "doc:N" and carry the property x-document, so
// that the sets of a corpus stay apart in one file.
func (t *TMXStream) Add(a *align.Alignment, doc string) {
	t.add(a, Tags(a, t.opt.Tags), nil, doc)
}

// AddPair writes a translation unit per link of a that has text in both
// the pivot and version v, holding those two versions only; the units are
// numbered as Add numbers them.
func (t *TMXStream) AddPair(a *align.Alignment, v int, doc string) {
	t.add(a, Tags(a, t.opt.Tags), []int{0, v}, doc)
}

// add writes the units of the versions vs (nil: all of them), leaving out
// the links below Options.MinScore and, for a selection, the links that
// lack text in one of its versions.
func (t *TMXStream) add(a *align.Alignment, tags []string, vs []int, doc string) {
	bw := t.w
	edoc := out.XML(doc)
	if vs == nil {
		vs = make([]int, len(tags))
		for v := range vs {
			vs[v] = v
		}
	}
	for i, l := range a.Links {
		if !t.opt.keep(l) {
			continue
		}
		if len(vs) < len(tags) && !hasText(l, vs) {
			continue
		}
		if doc == "" {
			fmt.Fprintf(bw, "    <tu tuid=\"%d\">\n", i+1)
		} else {
			fmt.Fprintf(bw, "    <tu tuid=\"%s:%d\">\n", edoc, i+1)
			fmt.Fprintf(bw, "      <prop type=\"x-document\">%s</prop>\n", edoc)
		}
		fmt.Fprintf(bw, "      <prop type=\"x-address\">%s</prop>\n", out.XML(l.Addr))
		if l.Status != "" {
			fmt.Fprintf(bw, "      <prop type=\"x-status\">%s</prop>\n", out.XML(string(l.Status)))
		}
		fmt.Fprintf(bw, "      <prop type=\"x-score\">%s</prop>\n", score(l.Score))
		for _, v := range vs {
			if v >= len(l.Text) || len(l.Text[v]) == 0 {
				continue
			}
			fmt.Fprintf(bw, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", out.XML(tags[v]), out.XML(linkText(l, v)))
		}
		bw.WriteString("    </tu>\n")
	}
}

// hasText reports whether the link has text in every version of vs.
func hasText(l align.Link, vs []int) bool {
	for _, v := range vs {
		if v >= len(l.Text) || len(l.Text[v]) == 0 {
			return false
		}
	}
	return true
}

// Flush writes what is buffered.
func (t *TMXStream) Flush() error { return t.w.Flush() }

// Close ends the body and the document and flushes what is buffered.
func (t *TMXStream) Close() error {
	t.w.WriteString("  </body>\n</tmx>\n")
	return t.w.Flush()
}

// Options control the writers. The zero value suits a sentence-level
// alignment written for people.
type Options struct {
	Tags    langtag.Policy // the language tags to write (nil: what CAT tools expect)
	Unit    bool           // TMX: a unit-level alignment (segtype "block")
	Title   string         // HTML and XLSX: the title; "" names the files
	Compact bool           // JSON: on one line (a record of JSON Lines)
	// MinScore keeps only the links scored at or above it in TMX and TSV,
	// so that a translation memory can be built from sure links alone;
	// JSON, HTML and XLSX still show every link. 0 keeps all.
	MinScore float64
}

// keep reports whether a link is written in TMX and TSV.
func (o Options) keep(l align.Link) bool { return l.Score >= o.MinScore }

// title is the title of a page or workbook: Options.Title, or the
// versions' file names.
func (o Options) title(a *align.Alignment) string {
	if o.Title != "" {
		return o.Title
	}
	names := make([]string, len(a.Names))
	for i, n := range a.Names {
		names[i] = filepath.Base(n)
	}
	return strings.Join(names, " ↔ ")
}

// LowScore is the score below which a link is more likely wrong than right
// (see the README's "What a score means"): the HTML page and the XLSX
// sheet highlight those links.
const LowScore = 0.5

// PairTMX writes a bilingual TMX of the pivot and version v (1 or more):
// the translation units of TMX with those two versions alone, leaving out
// the links that lack text in either. Tools that want one language pair a
// file take these.
func PairTMX(w io.Writer, a *align.Alignment, v int, opt Options) error {
	if v <= 0 || v >= len(a.Langs) {
		return fmt.Errorf("version %d: an alignment of %d versions pairs its pivot with versions 1 to %d", v, len(a.Langs), len(a.Langs)-1)
	}
	t := NewTMXStream(w, opt)
	t.Head(Tags(a, opt.Tags)[0])
	t.AddPair(a, v, "")
	return t.Close()
}

// PairPath names the file of a language pair after the file of the whole
// memory: memory.tmx with zh-CN and en gives memory.zh-CN_en.tmx (the
// extension kept, .tmx when there is none).
func PairPath(path, src, tgt string) string {
	ext := filepath.Ext(path)
	if ext == "" {
		ext = ".tmx"
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + "." + src + "_" + tgt + ext
}

// Formats are the formats of concord align, TMX first (the default).
var Formats = out.NewRegistry(
	out.Format[*align.Alignment, Options]{Name: "tmx", Exts: []string{".tmx"}, Write: TMX,
		Summary: "TMX 1.4b: one <tu> per link, one <tuv> per language"},
	out.Format[*align.Alignment, Options]{Name: "tsv", Exts: []string{".tsv", ".tab"}, Write: TSV,
		Summary: "addr, score, then one column per file"},
	out.Format[*align.Alignment, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `{"langs", "links": [{"addr", "ids", "text", "score", "status"}], "missing", "mismatches"}`},
	out.Format[*align.Alignment, Options]{Name: "html", Exts: []string{".html", ".htm"}, Write: HTML,
		Summary: "a self-contained side-by-side page"},
	out.Format[*align.Alignment, Options]{Name: "xlsx", Exts: []string{".xlsx"}, Write: XLSX,
		Summary: "a spreadsheet to review: a row per link, a column per language, a decision column; concord review reads it back"},
)
