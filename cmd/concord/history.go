package main

import (
	"fmt"
	"io"

	"concord/align/diff"
	"concord/align/history"
	"concord/corpora/out/historyout"
)

var historyUsage = help("history", historyout.Formats.Help())

func runHistory(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	var of formatFlags
	fs := newFlags("history", historyUsage, stdout)
	in.register(fs, false)
	of.register(fs, historyout.Formats.Names())
	gran := fs.String("granularity", "word", "diff unit of the word redlines: word or char")
	strict := fs.Bool("strict", false, "count differences of form (spacing, width, quotes, Markdown) as changes")
	redline := fs.Bool("redline", false, "show the word redline of every step that changed a provision's wording")
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() < 2 {
		return fail(stderr, "history", fmt.Errorf("want two revisions or more, oldest first; got %d", fs.NArg()))
	}
	if *gran != "word" && *gran != "char" {
		return fail(stderr, "history", fmt.Errorf("unknown granularity %q: want word or char", *gran))
	}
	f, err := choose(historyout.Formats, of)
	if err != nil {
		return fail(stderr, "history", err)
	}
	docs, err := in.load(fs.Args(), stderr)
	if err != nil {
		return fail(stderr, "history", err)
	}
	h, err := history.Build(docs, history.Options{
		Diff:    diff.Options{Lang: in.lang, Granularity: diff.Granularity(*gran), Strict: *strict},
		Redline: *redline,
	})
	if err != nil {
		return fail(stderr, "history", err)
	}
	if err := write(f, of.output, stdout, h, historyout.Options{Redline: *redline}); err != nil {
		return fail(stderr, "history", err)
	}
	return exitOK
}
