package main

import (
	"fmt"
	"io"

	"concord/align/diff"
	"concord/align/history"
	"concord/corpora/out/historyout"
)

var historyUsage = `Usage: concord history REV1 REV2 … REVn [flags]

Follow a draft through a series of revisions, oldest first. Each revision
is compared with the one before it (never all pairs: the work grows
linearly with the number of revisions), and the matches are chained into a
timeline per provision: its address in each revision (art.17 → art.18 →
art.18), its status there (open, ad-ref, informal), the revision in which
its wording changed, when it appeared or was deleted. A summary per
revision counts the articles added, deleted, changed and renumbered and
the units by status: how many provisions are agreed ad referendum now, and
since when.

Formats:
` + historyout.Formats.Help() + `
Examples:
  concord history L15.txt L16.txt L17.txt
  concord history rev*.docx --format html -o history.html
  concord history 2006.md 2017.md 2024.md --redline --format md
  concord history r1.txt r2.txt r3.txt --format csv > timeline.csv

Exit status: 0 success, 2 trouble.
`

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
