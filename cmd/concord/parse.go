package main

import (
	"fmt"
	"io"

	"concord/corpora/docfmt"
)

const parseUsage = `Usage: concord parse [FILE] [flags]

Parse a draft into its document tree: chapters, articles, paragraphs,
subparagraphs and items, each with a canonical address (art.2.f.ii) that is
the same in every language version, its label, heading, text, status and
source line. With no FILE, parse the embedded L.15 draft.

Formats:
  outline  the tree, one unit a line, then a summary (default)
  json     {"lang", "units", "warnings"}: concord's stable contract

Examples:
  concord parse
  concord parse L15.zh.txt --format json > L15.json
  concord parse final.ar.txt --lang ar --format outline
  concord parse draft.gbk.txt --encoding gbk
`

func runParse(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	fs := newFlags("parse", parseUsage, stdout)
	in.register(fs)
	format := fs.String("format", "outline", "output format: outline or json")
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return fail(stderr, "parse", fmt.Errorf("one FILE at most, got %d", fs.NArg()))
	}
	if *format != "outline" && *format != "json" {
		return fail(stderr, "parse", fmt.Errorf("unknown format %q: want outline or json", *format))
	}
	d, err := in.load(fs.Arg(0), "")
	if err != nil {
		return fail(stderr, "parse", err)
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if *format == "json" {
		err = docfmt.JSON(stdout, d)
	} else {
		err = docfmt.Outline(stdout, d)
	}
	if err != nil {
		return fail(stderr, "parse", err)
	}
	return exitOK
}
