package main

import (
	"fmt"
	"io"

	"concord/corpora"
	"concord/corpora/out/parseout"
)

var parseUsage = help("parse", parseout.Formats.Help())

func runParse(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	var of formatFlags
	fs := newFlags("parse", parseUsage, stdout)
	in.register(fs, false)
	in.mem = corpora.MemoryLean
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
