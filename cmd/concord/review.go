package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"concord/corpora/out/alignout"
	"concord/corpora/review"
)

var reviewUsage = `Usage: concord review FILE.xlsx|FILE.tsv [flags]

Turn a reviewed alignment into a translation memory. FILE is the xlsx
sheet of concord align --format xlsx after a translator has checked it,
or the TSV of concord align --format tsv (recognised by content). The
first row names the columns: addr, score, status, decision and one column
per language tag; columns with other names are ignored. What becomes of
each row is its decision:

  (empty)  kept as it is
  ok       kept, checked: its score becomes 1
  reject   left out
  merge    joined to the nearest row above that is not rejected, language
           by language (merge-with-previous says the same)
  split    cut on the line breaks of its cells: the first line of every
           language makes one unit, the second the next, and so on

Cell text is taken as it stands: each line is a sentence, and the lines
are joined with a space (none between Chinese sentences). Units with text
in fewer than two languages are left out; standard error says how many
and from which rows. With no edits, the TMX holds the same units as
concord align --format tmx (less those with one language; from TSV, which
has no status column, without x-status).

Formats (the reviewed alignment, like concord align's):
` + alignout.Formats.Help() + `
Examples:
  concord align final.ar.art1-15.txt -o L15.xlsx     # then review L15.xlsx
  concord review L15.xlsx -o L15.tmx
  concord review L15.xlsx -o L15.tmx --pairs --min-score 0.9
  concord review L15.tsv --format html -o L15.html
`

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
		if _, err := writePairs(a, af.of.output, wopt, createFile); err != nil {
			return fail(stderr, "review", err)
		}
	}
	fmt.Fprintf(stderr, "concord review: %s: %d rows: %d rejected, %d merged, %d split; %d units\n",
		file, res.Rows, res.Rejected, res.Merged, res.Split, len(a.Links))
	if n := len(res.LeftOut); n > 0 {
		rows, sents := make([]string, 0, 10), 0
		for i, lo := range res.LeftOut {
			sents += lo.Sentences
			if i < 10 {
				rows = append(rows, strconv.Itoa(lo.Row))
			}
		}
		more := ""
		if n > 10 {
			more = ", …"
		}
		fmt.Fprintf(stderr, "concord review: %d units with text in fewer than two languages left out (%d sentences; rows %s%s)\n",
			n, sents, strings.Join(rows, ", "), more)
	}
	if len(res.Ignored) > 0 {
		fmt.Fprintf(stderr, "concord review: columns ignored (not a language tag): %s\n", strings.Join(res.Ignored, ", "))
	}
	return exitOK
}
