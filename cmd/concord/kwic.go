package main

import (
	"fmt"
	"io"
	"strings"

	"concord/align"
	"concord/corpora/termout"
)

const kwicUsage = `Usage: concord kwic TERM [FILE…] [flags]

A bilingual (multilingual) concordance: every occurrence of TERM — a word
or a phrase in any of the languages — in every version, with its left and
right context, its address and the sentence each other version aligns
with it. Chinese is matched on gse word boundaries (服务 does not match
inside 服务提供商) unless --substring; other languages match whole words,
case-insensitively (Arabic without diacritics).

With no FILE, the embedded L.15 draft; with one FILE, the embedded draft
first, as for concord align (--alone takes the FILE by itself).

Formats:
  text  one block per occurrence: the match in brackets, then one line per
        other version with its aligned sentence (default)
  tsv   addr, lang, left, match, right, score, one column per version
  json  [{"addr", "lang", "left", "match", "right", "sentence", "score",
          "aligned": [{"lang", "addr", "text"}]}]

Exit status: 0 if TERM occurs, 1 if it does not, 2 on trouble.

Examples:
  concord kwic 服务提供商 final.ar.art1-15.txt
  concord kwic "service provider" en.txt fr.txt --format tsv
  concord kwic 服务 --substring
`

func runKWIC(args []string, stdout, stderr io.Writer) int {
	var ti termInput
	fs := newFlags("kwic", kwicUsage, stdout)
	format := fs.String("format", "", "output format: text, tsv or json (default: from -o's extension, else text)")
	out := fs.StringP("output", "o", "", "write to this file instead of standard output")
	substring := fs.Bool("substring", false, "Chinese: match inside longer words too")
	width := fs.Int("width", 30, "context on each side, in characters")
	ti.register(fs, false)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() < 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return fail(stderr, "kwic", fmt.Errorf("a TERM to look for is needed"))
	}
	fmtName, err := termFormat(*format, *out, []string{"text", "tsv", "json"})
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	term := fs.Arg(0)
	docs, err := ti.docs(ti.files(fs.Args()[1:]), stderr)
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	seg, err := termSegmenter(docs)
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	a := align.Align(docs, align.Options{})
	hits := align.KWIC(a, term, align.KWICOptions{Segmenter: seg, Substring: *substring, Width: *width})
	w, closeOut, err := termOutput(*out, stdout)
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	switch fmtName {
	case "text":
		err = termout.KWICText(w, hits)
	case "tsv":
		err = termout.KWICTSV(w, hits, a.Langs)
	case "json":
		err = termout.KWICJSON(w, hits)
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	if len(hits) == 0 {
		fmt.Fprintf(stderr, "concord kwic: %q does not occur\n", term)
		return exitFinding
	}
	return exitOK
}
