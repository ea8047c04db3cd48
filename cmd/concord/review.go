package main

import (
	"fmt"
	"io"

	"concord/corpora/out/alignout"
	"concord/corpora/review"
)

var reviewUsage = help("review", alignout.Formats.Help())

func runReview(args []string, stdout, stderr io.Writer) int {
	af := alignFlags{level: "sentence"}
	fs := newFlags("review", reviewUsage, stdout)
	af.of.register(fs, alignout.Formats.Names())
	fs.StringVar(&af.tags, "tag", "", "language tags to write, as LANG=TAG,… (default: the tags of the file's columns)")
	af.registerOutput(fs)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return fail(stderr, "review", fmt.Errorf("one FILE (xlsx or TSV) to read, got %d", fs.NArg()))
	}
	f, err := choose(alignout.Formats, af.of)
	if err != nil {
		return fail(stderr, "review", err)
	}
	_, wopt, err := af.options()
	if err == nil {
		err = af.checkPairs(f.Name)
	}
	if err != nil {
		return fail(stderr, "review", err)
	}
	file := fs.Arg(0)
	res, err := review.ReadFile(file)
	if err != nil {
		return fail(stderr, "review", err)
	}
	if af.tags == "" {
		wopt.Tags = res.Tags
	}
	a := res.Alignment
	if err := write(f, af.of.output, stdout, a, wopt); err != nil {
		return fail(stderr, "review", err)
	}
	if af.pairs {
		if _, err := alignout.WritePairs(a, af.of.output, wopt, createFile); err != nil {
			return fail(stderr, "review", err)
		}
	}
	for _, l := range res.Summary(file) {
		fmt.Fprintf(stderr, "concord review: %s\n", l)
	}
	return exitOK
}
