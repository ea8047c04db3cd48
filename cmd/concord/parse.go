package main

import (
	"fmt"
	"io"

	"concord/corpora/out/parseout"
)

var parseUsage = `Usage: concord parse [FILE] [flags]

Parse a draft into its document tree: chapters, articles, paragraphs,
subparagraphs and items, each with a canonical address (art.2.f.ii) that is
the same in every language version, its label, heading, text, status and
source line. With no FILE, parse the embedded L.15 draft.

Formats:
` + parseout.Formats.Help() + `
Examples:
  concord parse
  concord parse L15.zh.txt --format json > L15.json
  concord parse final.ar.txt --lang ar --format outline
  concord parse draft.gbk.txt --encoding gbk
`

func runParse(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	var of formatFlags
	fs := newFlags("parse", parseUsage, stdout)
	in.register(fs, false)
	in.mem = memLean
	of.register(fs, parseout.Formats.Names())
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return fail(stderr, "parse", fmt.Errorf("one FILE at most, got %d", fs.NArg()))
	}
	f, err := choose(parseout.Formats, of)
	if err != nil {
		return fail(stderr, "parse", err)
	}
	docs, err := in.load([]string{fs.Arg(0)}, stderr)
	if err != nil {
		return fail(stderr, "parse", err)
	}
	if err := write(f, of.output, stdout, docs[0], parseout.Options{}); err != nil {
		return fail(stderr, "parse", err)
	}
	return exitOK
}
