package main

import (
	"fmt"
	"io"
	"os"

	"concord/align/diff"
	"concord/corpora/diffout"
	"concord/segment"
)

const diffUsage = `Usage: concord diff OLD NEW [flags]
       concord diff NEW [flags]

Compare two revisions of a draft unit by unit. Units are matched by address
where they kept their place and by content where articles, paragraphs or
subparagraphs were inserted, deleted, moved, renumbered, split or merged, so
that an inserted article shows as one addition and the renumbering of the
articles after it, not as a cascade of changes. Matched units are compared
word by word (Chinese by dictionary words). Differences of form only —
spacing, full- and half-width forms (：/:), 总 则/总则, quotes, list marks,
Markdown — are not changes unless --strict. Status transitions (open →
ad-ref → informal) are summed up, and cross-references that still point to
an old number (第 17 条 after article 17 became 18) are flagged.

With one FILE, compare the embedded L.15 draft with it.

Formats:
  text  terminal redline, in colour on a terminal (NO_COLOR turns it off) (default)
  md    Markdown report for an e-mail: summary, transitions, ~~deleted~~ **inserted**
  html  one self-contained redline page with a table of contents
  json  every unit with op, addresses, similarity, status and diff

With --revisions and one FILE (.docx, .odt or .html with tracked changes),
compare the text before the tracked changes with the text after them.

Examples:
  concord diff L15.zh.txt L16.zh.txt
  concord diff draft-with-changes.docx --revisions --format md
  concord diff old.md new.md --format html > redline.html
  concord diff old.md new.md --format md --status-only
  concord diff old.txt new.txt --granularity char --strict
  concord diff old.en.txt new.en.txt --lang en --format json

Exit status: 0 no substantive change, 1 substantive changes, 2 trouble.
` + diffBatchUsage

func runDiff(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	fs := newFlags("diff", diffUsage, stdout)
	in.register(fs)
	format := fs.String("format", "text", "output format: text, md, html or json")
	gran := fs.String("granularity", "word", "diff unit: word or char")
	strict := fs.Bool("strict", false, "report differences of form (spacing, width, quotes, Markdown) as changes")
	statusOnly := fs.Bool("status-only", false, "list only the units whose negotiation status changed")
	color := fs.String("color", "auto", "colour the text format: auto, always or never")
	revisions := fs.Bool("revisions", false, "compare the tracked changes of one .docx, .odt or .html FILE: its text before them with its text after")
	var bf batchFlags
	bf.register(fs, false)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if bf.on() {
		if err := bf.check(fs.Args()); err != nil {
			return fail(stderr, "diff", err)
		}
		return runDiffBatch(&bf, diffBatch{in: in, format: *format, gran: *gran, strict: *strict, statusOnly: *statusOnly},
			fs.Changed("format"), stdout, stderr)
	}
	if err := bf.standalone(fs); err != nil {
		return fail(stderr, "diff", err)
	}
	var oldPath, newPath string
	switch {
	case *revisions && fs.NArg() != 1:
		return fail(stderr, "diff", fmt.Errorf("--revisions takes one FILE with tracked changes, got %d", fs.NArg()))
	case *revisions:
		newPath = fs.Arg(0)
	case fs.NArg() == 1:
		newPath = fs.Arg(0)
	case fs.NArg() == 2:
		oldPath, newPath = fs.Arg(0), fs.Arg(1)
	default:
		return fail(stderr, "diff", fmt.Errorf("want OLD and NEW files (or NEW alone), got %d arguments", fs.NArg()))
	}
	switch *format {
	case "text", "md", "html", "json":
	default:
		return fail(stderr, "diff", fmt.Errorf("unknown format %q: want text, md, html or json", *format))
	}
	if *gran != "word" && *gran != "char" {
		return fail(stderr, "diff", fmt.Errorf("unknown granularity %q: want word or char", *gran))
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		return fail(stderr, "diff", fmt.Errorf("unknown color mode %q: want auto, always or never", *color))
	}
	var oldDoc, newDoc *segment.Document
	var err error
	if *revisions {
		oldDoc, newDoc, err = in.loadRevisions(newPath)
	} else {
		oldDoc, err = in.load(oldPath, "")
		if err == nil {
			newDoc, err = in.load(newPath, "")
		}
	}
	if err != nil {
		return fail(stderr, "diff", err)
	}
	for _, w := range oldDoc.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	for _, w := range newDoc.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if in.lang == "" && oldDoc.Lang != newDoc.Lang {
		fmt.Fprintf(stderr, "warning: %s is %s but %s is %s; comparing as %s (set --lang)\n",
			oldDoc.Name, oldDoc.Lang, newDoc.Name, newDoc.Lang, newDoc.Lang)
	}
	rep, err := diff.Compare(oldDoc, newDoc, diff.Options{
		Lang:        in.lang,
		Granularity: diff.Granularity(*gran),
		Strict:      *strict,
	})
	if err != nil {
		return fail(stderr, "diff", err)
	}
	shown := rep
	if *statusOnly {
		shown = rep.StatusOnly()
	}
	switch *format {
	case "json":
		err = diffout.JSON(stdout, shown)
	case "md":
		err = diffout.Markdown(stdout, shown)
	case "html":
		err = diffout.HTML(stdout, shown)
	default:
		err = diffout.Text(stdout, shown, diffout.TextOptions{Color: useColor(*color, stdout)})
	}
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if rep.Substantive() {
		return exitFinding
	}
	return exitOK
}

// useColor decides whether the text format is coloured: always, never, or
// (auto) when stdout is a terminal and NO_COLOR is unset or empty.
func useColor(mode string, stdout io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := stdout.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
