package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"concord/align"
	"concord/corpora"
	"concord/corpora/alignout"
	"concord/corpora/batch"
	"concord/segment"
)

// alignBatchUsage is the batch part of align's usage.
const alignBatchUsage = `
Batch mode: a corpus of document sets, on all cores
  concord align --batch MANIFEST [--out-dir DIR] [flags]
  concord align --batch-dir DIR [--lang zh,en,…] [--out-dir DIR] [flags]

  --batch MANIFEST  TSV, one set a line, a file per language; an optional
                    header names the languages of the columns (zh<TAB>en…; an
                    "id" column names the sets); an empty field is a language
                    the set lacks; relative paths are from the manifest's
                    directory; lines starting with # are comments. Without a
                    header, --lang names the columns, else each file's
                    language is detected.
  --batch-dir DIR   the files under DIR named NAME.LANG.EXT (doc123.zh.txt,
                    doc123.en.txt): one set per NAME, a column per language,
                    in the order of --lang (default: ar, zh, en, fr, ru, es).
The first file of a set is the pivot; a set needs two files (there is no
embedded pivot in batch mode). The other flags (--presplit, --level,
--glossary…) apply to every set.

  Output, in manifest order whatever --jobs is:
    (default)       JSON Lines to standard output or -o, one object per set:
                    {"set", "index", "files", "ok": true, "alignment": {the json format}}
                    {"set", "index", "files", "ok": false, "error": "file: reason"}
    --format tmx    one TMX document with the TUs of every set (tuid
                    "ID:N", prop x-document = the set's ID)
    --out-dir DIR   one file per set, DIR/ID.FORMAT (tmx, tsv, json or
                    html), and a status record per set ({"set", "index",
                    "files", "ok", "output", "skipped"|"error"}) as JSON
                    Lines on standard output or -o
  ID is the id column, else the first file's name less its extension and
  language suffix (doc123.zh.txt → doc123). Every output file is written
  to a temporary file and renamed when complete, so --resume skips the
  sets whose output exists. A progress bar shows on standard error when it
  is a terminal, a plain line every --progress-interval when it is not,
  nothing with --quiet. A failing set is reported on standard error (file
  and reason) and in its record, and the batch goes on.
  Exit status: 0 every set aligned, 2 some set failed (or the batch could
  not run).

  concord align --batch corpus.tsv --presplit -o corpus.jsonl
  concord align --batch-dir docs/ --lang zh,en,fr --out-dir aligned/ --format tmx --resume
`

// alignBatch holds align's flags for batch mode.
type alignBatch struct {
	in       inputFlags
	level    string
	format   string
	out      string
	presplit bool
	glossary string
	langs    string
}

func runAlignBatch(bf *batchFlags, o alignBatch, stdout, stderr io.Writer) int {
	if o.level != "sentence" && o.level != "unit" {
		return fail(stderr, "align", fmt.Errorf("unknown level %q: want sentence or unit", o.level))
	}
	format, err := batchFormat(o.format, o.out, bf.outDir != "", "tmx", []string{"tmx", "tsv", "json", "html"}, []string{"jsonl", "tmx"})
	if err != nil {
		return fail(stderr, "align", err)
	}
	if _, err := o.in.options(""); err != nil {
		return fail(stderr, "align", err)
	}
	var dirLangs []string
	if bf.dir != "" && o.langs != "" {
		for _, l := range strings.Split(o.langs, ",") {
			l = strings.TrimSpace(l)
			if !validLang(l) {
				return fail(stderr, "align", fmt.Errorf("unknown language %q: want one of %s", l, strings.Join(segment.Langs, ", ")))
			}
			dirLangs = append(dirLangs, l)
		}
	}
	m, err := bf.sets(batch.ManifestOptions{Names: segment.Langs}, dirLangs, "align", stderr)
	if err != nil {
		return fail(stderr, "align", err)
	}
	langFlag := o.langs
	if bf.dir != "" {
		langFlag = "" // it chose the columns
	}
	langs, err := batchLangs(m, langFlag)
	if err != nil {
		return fail(stderr, "align", err)
	}
	opt := align.Options{}
	unit := o.level == "unit"
	if unit {
		opt.Level = align.LevelUnit
	}
	if o.glossary != "" {
		g, err := corpora.ReadGlossary(o.glossary)
		if err != nil {
			return fail(stderr, "align", err)
		}
		opt.Glossary = g
	}
	r := batchRun{cmd: "align", bf: bf, sets: m, ext: format, out: o.out}
	if bf.outDir == "" && format == "tmx" {
		r.stream = tmxStream(langs, unit)
	}
	r.work = func(s batch.Set) (*setOutput, error) {
		a, notes, err := alignSet(s, langs, o, opt)
		if err != nil {
			return nil, err
		}
		out := &setOutput{key: "alignment", notes: notes}
		switch {
		case bf.outDir != "":
			out.file = func(w io.Writer) error { return writeAlignment(w, a, format, unit) }
		case format == "tmx":
			var b bytes.Buffer
			if err := alignout.TMX(&b, a, unit); err != nil {
				return nil, err
			}
			head, tus, err := tmxParts(b.Bytes(), s.ID)
			if err != nil {
				return nil, err
			}
			out.stream, out.streamHead = tus, head
		default:
			if out.result, err = compactJSON(func(w io.Writer) error { return alignout.JSON(w, a) }); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return runBatch(r, stdout, stderr)
}

// alignSet aligns the files of one set as concord align would.
func alignSet(s batch.Set, langs []string, o alignBatch, opt align.Options) (*align.Alignment, []string, error) {
	files, cols := present(s)
	if len(files) < 2 {
		return nil, nil, fmt.Errorf("%d file(s): a set needs two or more to align", len(files))
	}
	var notes []string
	if o.presplit {
		var lines [][]string
		var ls []string
		for k, f := range files {
			text, err := corpora.ReadFile(f, o.in.encoding)
			if err != nil {
				return nil, nil, err
			}
			l := langOfCol(langs, cols[k])
			if l == "" {
				l = segment.DetectLang(text)
			}
			if l != "" && !validLang(l) {
				return nil, nil, fmt.Errorf("%s: unknown language %q", f, l)
			}
			lines = append(lines, strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"))
			ls = append(ls, l)
		}
		return align.Lines(lines, ls, files, opt), nil, nil
	}
	var docs []*segment.Document
	for k, f := range files {
		d, err := o.in.load(f, langOfCol(langs, cols[k]))
		if err != nil {
			return nil, nil, err
		}
		for _, w := range d.Warnings {
			notes = append(notes, w.String())
		}
		docs = append(docs, d)
	}
	return align.Align(docs, opt), notes, nil
}

// writeAlignment writes an alignment in one of align's formats.
func writeAlignment(w io.Writer, a *align.Alignment, format string, unit bool) error {
	switch format {
	case "tmx":
		return alignout.TMX(w, a, unit)
	case "tsv":
		return alignout.TSV(w, a)
	case "json":
		return alignout.JSON(w, a)
	case "html":
		return alignout.HTML(w, a, "concord: "+strings.Join(a.Names, " ↔ "))
	}
	return fmt.Errorf("unknown format %q", format)
}

const (
	tmxBody    = "  <body>\n"
	tmxEnd     = "  </body>\n</tmx>\n"
	tmxTUStart = `    <tu tuid="`
)

// tmxParts cuts one set's TMX document into its head (up to <body>) and its
// <tu> elements, each renamed "ID:N" and given the property x-document.
func tmxParts(doc []byte, id string) (string, []byte, error) {
	s := string(doc)
	i := strings.Index(s, tmxBody)
	if i < 0 || !strings.HasSuffix(s, tmxEnd) {
		return "", nil, fmt.Errorf("unexpected TMX from the writer")
	}
	head, body := s[:i+len(tmxBody)], s[i+len(tmxBody):len(s)-len(tmxEnd)]
	var eid strings.Builder
	xml.EscapeText(&eid, []byte(id))
	var b bytes.Buffer
	b.Grow(len(body) + strings.Count(body, tmxTUStart)*(2*eid.Len()+48))
	for body != "" {
		line := body
		if k := strings.IndexByte(body, '\n'); k >= 0 {
			line = body[:k+1]
		}
		body = body[len(line):]
		if rest, ok := strings.CutPrefix(line, tmxTUStart); ok {
			b.WriteString(tmxTUStart)
			b.WriteString(eid.String())
			b.WriteByte(':')
			b.WriteString(rest)
			fmt.Fprintf(&b, "      <prop type=\"x-document\">%s</prop>\n", eid.String())
			continue
		}
		b.WriteString(line)
	}
	return head, b.Bytes(), nil
}

// tmxStream is one TMX document for all the sets: the head of the first
// aligned set's TMX (its pivot gives srclang), or, when none was aligned,
// that of an empty alignment of the manifest's languages.
func tmxStream(langs []string, unit bool) *streamFormat {
	var b bytes.Buffer
	alignout.TMX(&b, &align.Alignment{Langs: langs}, unit)
	empty := b.String()
	emptyHead := empty[:strings.Index(empty, tmxBody)+len(tmxBody)]
	return &streamFormat{
		head: func(first *setOutput) string {
			if first == nil {
				return emptyHead
			}
			return first.streamHead
		},
		tail: tmxEnd,
	}
}
