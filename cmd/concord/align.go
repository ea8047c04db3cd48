package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"concord/align"
	"concord/corpora"
	"concord/corpora/alignout"
	"concord/segment"
)

const alignUsage = `Usage: concord align FILE [FILE…] [flags]

Align two to seven language versions of one text: their units by address
(art.2.f ↔ art.2.f in every language), then the sentences inside each
linked unit. The first file is the pivot. With one FILE, the pivot is the
embedded L.15 draft. Every sentence of every version lands in exactly one
link, each with a score in [0,1] (the aligner's confidence; below 0.5 is
worth a look); units some versions lack are reported, never dropped.

Formats:
  tmx   TMX 1.4b: one <tu> per link, one <tuv> per language (default)
  tsv   addr, score, then one column per file
  json  {"langs", "links": [{"addr", "ids", "text", "score", "status"}], "missing", "mismatches"}
  html  a self-contained side-by-side page

Examples:
  concord align final.ar.art1-15.txt --format html -o L15-zh-ar.html
  concord align udhr_cmn_hans.xml udhr_eng.xml udhr_fra.xml udhr_arb.xml -o udhr.tmx
  concord align --presplit zh.txt en.txt --format json
  concord align zh.txt en.txt --glossary terms.tsv --lang zh,en
` + alignBatchUsage

func runAlign(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	fs := newFlags("align", alignUsage, stdout)
	level := fs.String("level", "sentence", "alignment level: sentence or unit")
	format := fs.String("format", "", "output format: tmx, tsv, json or html (default: from -o's extension, else tmx)")
	out := fs.StringP("output", "o", "", "write to this file instead of standard output")
	presplit := fs.Bool("presplit", false, "take every non-empty line as one sentence; parse no structure")
	glossary := fs.String("glossary", "", "known equivalents: TSV (first line: language codes) or TBX")
	langs := fs.String("lang", "", "languages of the files, comma-separated (default: detect each)")
	in.registerText(fs)
	var bf batchFlags
	bf.register(fs, true)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if bf.on() {
		if err := bf.check(fs.Args()); err != nil {
			return fail(stderr, "align", err)
		}
		return runAlignBatch(&bf, alignBatch{in: in, level: *level, format: *format, out: *out,
			presplit: *presplit, glossary: *glossary, langs: *langs}, stdout, stderr)
	}
	if err := bf.standalone(fs); err != nil {
		return fail(stderr, "align", err)
	}
	files := fs.Args()
	if len(files) == 1 && !*presplit {
		files = append([]string{""}, files...) // the embedded L.15 draft as pivot
	}
	if len(files) < 2 {
		return fail(stderr, "align", fmt.Errorf("two or more files to align, got %d", len(files)))
	}
	if *level != "sentence" && *level != "unit" {
		return fail(stderr, "align", fmt.Errorf("unknown level %q: want sentence or unit", *level))
	}
	if *format == "" {
		*format = strings.TrimPrefix(filepath.Ext(*out), ".")
		if *format == "" || *format == "txt" {
			*format = "tmx"
		}
	}
	switch *format {
	case "tmx", "tsv", "json", "html":
	default:
		return fail(stderr, "align", fmt.Errorf("unknown format %q: want tmx, tsv, json or html", *format))
	}
	var langList []string
	if *langs != "" {
		langList = strings.Split(*langs, ",")
		if len(langList) != len(files) {
			return fail(stderr, "align", fmt.Errorf("--lang names %d languages for %d files", len(langList), len(files)))
		}
	}
	langOf := func(i int) string {
		if langList == nil {
			return ""
		}
		return strings.TrimSpace(langList[i])
	}
	opt := align.Options{}
	if *level == "unit" {
		opt.Level = align.LevelUnit
	}
	if *glossary != "" {
		g, err := corpora.ReadGlossary(*glossary)
		if err != nil {
			return fail(stderr, "align", err)
		}
		opt.Glossary = g
	}

	var a *align.Alignment
	if *presplit {
		var lines [][]string
		var ls, names []string
		for i, f := range files {
			text, err := corpora.ReadFile(f, in.encoding)
			if err != nil {
				return fail(stderr, "align", err)
			}
			l := langOf(i)
			if l == "" {
				l = segment.DetectLang(text)
			}
			if l != "" && !validLang(l) {
				return fail(stderr, "align", fmt.Errorf("unknown language %q", l))
			}
			lines = append(lines, strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"))
			ls = append(ls, l)
			names = append(names, f)
		}
		a = align.Lines(lines, ls, names, opt)
	} else {
		var docs []*segment.Document
		for i, f := range files {
			d, err := in.load(f, langOf(i))
			if err != nil {
				return fail(stderr, "align", err)
			}
			for _, w := range d.Warnings {
				fmt.Fprintf(stderr, "warning: %s\n", w)
			}
			docs = append(docs, d)
		}
		a = align.Align(docs, opt)
	}

	w := stdout
	var file *os.File
	if *out != "" {
		var err error
		file, err = os.Create(*out)
		if err != nil {
			return fail(stderr, "align", err)
		}
		w = file
	}
	var err error
	switch *format {
	case "tmx":
		err = alignout.TMX(w, a, *level == "unit")
	case "tsv":
		err = alignout.TSV(w, a)
	case "json":
		err = alignout.JSON(w, a)
	case "html":
		names := make([]string, len(a.Names))
		for i, n := range a.Names {
			names[i] = filepath.Base(n)
		}
		err = alignout.HTML(w, a, strings.Join(names, " ↔ "))
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fail(stderr, "align", err)
	}
	if n := len(a.Missing); n > 0 {
		fmt.Fprintf(stderr, "concord align: %d units missing in some versions (listed in the output)\n", n)
	}
	return exitOK
}
