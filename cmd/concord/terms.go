package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"concord/align"
	"concord/corpora"
	"concord/corpora/termout"
	"concord/segment"
	"concord/segment/words"
)

const termsUsage = `Usage: concord terms FILE [FILE…] [flags]

Build a glossary of one or more language versions of a text:

  defined terms   harvested from the definitions ("…"系指…, "…" means…,
                  on entend par « … », por "…" se entenderá, «…» означает,
                  ”…“ يعني), with their definitions and addresses, paired
                  across versions by the address of the definition;
  candidates      with one version, recurring word sequences scored by
                  C-value (Chinese: gse words); with two or more, term pairs
                  over the aligned sentences scored by log-likelihood and
                  linked one to one, each with its score, frequency,
                  addresses and a context sentence per language;
  issues          defined terms used in another form, source terms rendered
                  in more than one way (listed on standard error).

With one FILE, the embedded L.15 draft comes first, as for concord align
(--alone takes the FILE by itself). --presplit reads parallel files of one
sentence a line (line i of every file translates line i of the others,
as in the UN Parallel Corpus): no definitions, pairs only.

Formats:
  tbx   TBX-Basic (ISO 30042:2019, DCA style) (default)
  csv   kind, addr, term_<lang>…, definition_<lang>…, score, freq, occurrences, context_<lang>…
  json  [{"terms": {lang: term}, "kind", "addr", "definition": {lang: text},
          "score", "freq", "occurrences": [addr…], "context": {lang: sentence}}]

Examples:
  concord terms final.ar.art1-15.txt -o L15-zh-ar.tbx
  concord terms --alone L15.zh.txt --format json
  concord terms --presplit UNv1.0.devset.zh UNv1.0.devset.en --max 100 --format csv
` + termsBatchUsage

// termInput are the input flags of terms, kwic and check.
type termInput struct {
	in       inputFlags
	langs    *string
	alone    *bool
	presplit *bool
}

func (t *termInput) register(fs *pflag.FlagSet, presplit bool) {
	t.langs = fs.String("lang", "", "languages of the files, comma-separated (default: detect each)")
	t.alone = fs.Bool("alone", false, "with one FILE, take it by itself rather than after the embedded L.15 draft")
	if presplit {
		t.presplit = fs.Bool("presplit", false, "parallel files of one sentence a line: line i of every file translates line i of the others")
	} else {
		f := false
		t.presplit = &f
	}
	t.in.registerText(fs)
}

// files applies the one-FILE convention: the embedded draft first.
func (t *termInput) files(args []string) []string {
	if len(args) == 1 && !*t.alone && !*t.presplit {
		return append([]string{""}, args...)
	}
	if len(args) == 0 && !*t.presplit {
		return []string{""}
	}
	return args
}

func (t *termInput) langOf(files []string) (func(i int) string, error) {
	if *t.langs == "" {
		return func(int) string { return "" }, nil
	}
	list := strings.Split(*t.langs, ",")
	if len(list) != len(files) {
		return nil, fmt.Errorf("--lang names %d languages for %d files", len(list), len(files))
	}
	for i := range list {
		list[i] = strings.TrimSpace(list[i])
		if list[i] != "" && !validLang(list[i]) {
			return nil, fmt.Errorf("unknown language %q: want one of %s", list[i], strings.Join(segment.Langs, ", "))
		}
	}
	return func(i int) string { return list[i] }, nil
}

// docs loads the documents, printing their warnings on stderr.
func (t *termInput) docs(files []string, stderr io.Writer) ([]*segment.Document, error) {
	langOf, err := t.langOf(files)
	if err != nil {
		return nil, err
	}
	var docs []*segment.Document
	for i, f := range files {
		d, err := t.in.load(f, langOf(i))
		if err != nil {
			return nil, err
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(stderr, "warning: %s\n", w)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// lines reads parallel files of one sentence a line.
func (t *termInput) lines(files []string) (texts [][]string, langs, names []string, err error) {
	langOf, err := t.langOf(files)
	if err != nil {
		return nil, nil, nil, err
	}
	for i, f := range files {
		text, err := corpora.ReadFile(f, t.in.encoding)
		if err != nil {
			return nil, nil, nil, err
		}
		l := langOf(i)
		if l == "" {
			l = segment.DetectLang(text)
		}
		ls := strings.Split(strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n")
		texts = append(texts, ls)
		langs = append(langs, l)
		names = append(names, filepath.Base(f))
	}
	return texts, langs, names, nil
}

// termSegmenter makes a word segmenter that keeps the Chinese defined terms
// of the documents whole.
func termSegmenter(docs []*segment.Document) (*words.Segmenter, error) {
	var terms []string
	for _, d := range docs {
		if words.IsChinese(d.Lang) {
			for _, df := range align.Definitions(d) {
				terms = append(terms, df.Terms...)
			}
		}
	}
	return words.New(words.Options{Terms: terms})
}

// termOutput opens -o, or returns stdout.
func termOutput(path string, stdout io.Writer) (io.Writer, func() error, error) {
	if path == "" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// termFormat picks the format: the flag, else -o's extension if it is one
// of the formats, else the default.
func termFormat(flag, out string, formats []string) (string, error) {
	if flag == "" {
		ext := strings.TrimPrefix(filepath.Ext(out), ".")
		flag = formats[0]
		for _, f := range formats {
			if ext == f {
				flag = f
			}
		}
	}
	for _, f := range formats {
		if flag == f {
			return flag, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: want %s", flag, strings.Join(formats, ", "))
}

func runTerms(args []string, stdout, stderr io.Writer) int {
	var ti termInput
	fs := newFlags("terms", termsUsage, stdout)
	format := fs.String("format", "", "output format: tbx, csv or json (default: from -o's extension, else tbx)")
	out := fs.StringP("output", "o", "", "write to this file instead of standard output")
	maxN := fs.Int("max", 100, "most candidate entries (0: none, -1: all)")
	minFreq := fs.Int("min-freq", 2, "least frequency of a candidate or pair")
	ti.register(fs, true)
	var bf batchFlags
	bf.register(fs, true)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	opt := align.TermOptions{Candidate: align.CandidateOptions{MinFreq: *minFreq}, MaxCandidates: *maxN}
	if *maxN == 0 {
		opt.NoCandidates = true
	}
	if bf.on() {
		if err := bf.check(fs.Args()); err != nil {
			return fail(stderr, "terms", err)
		}
		return runTermsBatch(&bf, termsBatch{ti: &ti, format: *format, out: *out, opt: opt}, stdout, stderr)
	}
	if err := bf.standalone(fs); err != nil {
		return fail(stderr, "terms", err)
	}
	fmtName, err := termFormat(*format, *out, []string{"tbx", "csv", "json"})
	if err != nil {
		return fail(stderr, "terms", err)
	}
	files := ti.files(fs.Args())
	if len(files) == 0 {
		return fail(stderr, "terms", fmt.Errorf("--presplit needs one or more files"))
	}
	var g *align.Glossary
	title := "concord glossary"
	if *ti.presplit {
		texts, langs, names, err := ti.lines(files)
		if err != nil {
			return fail(stderr, "terms", err)
		}
		for i := range texts[1:] {
			if len(texts[i+1]) != len(texts[0]) {
				return fail(stderr, "terms", fmt.Errorf("--presplit: %s has %d lines, %s has %d: parallel files need as many lines",
					names[0], len(texts[0]), names[i+1], len(texts[i+1])))
			}
		}
		g = align.ParallelTerms(texts, langs, names, nil, opt)
	} else {
		docs, err := ti.docs(files, stderr)
		if err != nil {
			return fail(stderr, "terms", err)
		}
		if opt.Segmenter, err = termSegmenter(docs); err != nil {
			return fail(stderr, "terms", err)
		}
		g = align.Terms(docs, opt)
	}
	title += ": " + strings.Join(g.Names, ", ")
	w, closeOut, err := termOutput(*out, stdout)
	if err != nil {
		return fail(stderr, "terms", err)
	}
	switch fmtName {
	case "tbx":
		err = termout.TBX(w, g, title)
	case "csv":
		err = termout.CSV(w, g)
	case "json":
		err = termout.JSON(w, g)
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, "terms", err)
	}
	defined, cand := 0, 0
	for _, e := range g.Entries {
		if e.Kind == align.TermDefined {
			defined++
		} else {
			cand++
		}
	}
	fmt.Fprintf(stderr, "concord terms: %d defined terms, %d candidates, %d issues\n", defined, cand, len(g.Issues))
	for _, is := range g.Issues {
		fmt.Fprintf(stderr, "issue: %s: %s\n", is.Kind, is.Message)
	}
	return exitOK
}
