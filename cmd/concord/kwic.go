package main

import (
	"fmt"
	"io"
	"strings"

	"concord/align/terms"
	"concord/corpora/out/kwicout"
)

var kwicUsage = help("kwic", kwicout.Formats.Help())

func runKWIC(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	var of formatFlags
	fs := newFlags("kwic", kwicUsage, stdout)
	of.register(fs, kwicout.Formats.Names())
	substring := fs.Bool("substring", false, "Chinese: match inside longer words too")
	width := fs.Int("width", 30, "context on each side, in characters")
	alone := fs.Bool("alone", false, "with one FILE, take it by itself rather than after the embedded L.15 draft")
	in.register(fs, true)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() < 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return fail(stderr, "kwic", fmt.Errorf("a TERM to look for is needed"))
	}
	f, err := choose(kwicout.Formats, of)
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	term := fs.Arg(0)
	docs, err := in.load(withDefault("kwic", fs.Args()[1:], *alone, stderr), stderr)
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	a := alignVersions("kwic", docs, stderr)
	c, err := terms.KWIC(docs, term, terms.KWICOptions{Alignment: a, Substring: *substring, Width: *width})
	if err != nil {
		return fail(stderr, "kwic", err)
	}
	if err := write(f, of.output, stdout, c, kwicout.Options{}); err != nil {
		return fail(stderr, "kwic", err)
	}
	if len(c.Hits) == 0 {
		fmt.Fprintf(stderr, "concord kwic: %q does not occur\n", term)
		return exitFinding
	}
	return exitOK
}
