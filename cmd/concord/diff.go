package main

import (
	"fmt"
	"io"
	"os"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/out"
	"concord/corpora/out/diffout"
	"concord/segment"
)

var diffUsage = `Usage: concord diff OLD NEW [flags]
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

Formats (the text one in colour on a terminal; NO_COLOR turns it off):
` + diffout.Formats.Help() + `
With --revisions and one FILE (.docx, .odt or .html with tracked changes),
compare the text before the tracked changes with the text after them.

Examples:
  concord diff L15.zh.txt L16.zh.txt
  concord diff draft-with-changes.docx --revisions --format md
  concord diff old.md new.md -o redline.html
  concord diff old.md new.md --format md --status-only
  concord diff old.txt new.txt --granularity char --strict
  concord diff old.en.txt new.en.txt --lang en --format json

Exit status: 0 no substantive change, 1 substantive changes, 2 trouble.
` + diffBatchUsage

// diffFlags are the flags of concord diff, in single and batch mode.
type diffFlags struct {
	in         inputFlags
	of         formatFlags
	gran       string
	strict     bool
	statusOnly bool
}

// options checks the flags and turns them into the comparison's options.
func (f *diffFlags) options() (diff.Options, error) {
	if f.gran != "word" && f.gran != "char" {
		return diff.Options{}, fmt.Errorf("unknown granularity %q: want word or char", f.gran)
	}
	return diff.Options{Lang: f.in.lang, Granularity: diff.Granularity(f.gran), Strict: f.strict}, nil
}

// compare compares two revisions; the warning about their languages, if
// any, is returned with the report.
func (f *diffFlags) compare(old, new *segment.Document, opt diff.Options) (*diff.Report, string, error) {
	note := ""
	if f.in.lang == "" && old.Lang != new.Lang {
		note = fmt.Sprintf("%s is %s but %s is %s; comparing as %s (set --lang)", old.Name, old.Lang, new.Name, new.Lang, new.Lang)
	}
	r, err := diff.Compare(old, new, opt)
	return r, note, err
}

func runDiff(args []string, stdout, stderr io.Writer) int {
	var df diffFlags
	fs := newFlags("diff", diffUsage, stdout)
	df.in.register(fs, false)
	df.of.register(fs, diffout.Formats.Names())
	fs.StringVar(&df.gran, "granularity", "word", "diff unit: word or char")
	fs.BoolVar(&df.strict, "strict", false, "report differences of form (spacing, width, quotes, Markdown) as changes")
	fs.BoolVar(&df.statusOnly, "status-only", false, "list only the units whose negotiation status changed")
	color := fs.String("color", "auto", "colour the text format: auto, always or never")
	revisions := fs.Bool("revisions", false, "compare the tracked changes of one .docx, .odt or .html FILE: its text before them with its text after")
	var bf batchFlags
	bf.register(fs, false)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if bf.on() {
		return runDiffBatch(&bf, &df, fs.Args(), stdout, stderr)
	}
	if err := bf.standalone(fs); err != nil {
		return fail(stderr, "diff", err)
	}
	switch {
	case *revisions && fs.NArg() != 1:
		return fail(stderr, "diff", fmt.Errorf("--revisions takes one FILE with tracked changes, got %d", fs.NArg()))
	case fs.NArg() < 1 || fs.NArg() > 2:
		return fail(stderr, "diff", fmt.Errorf("want OLD and NEW files (or NEW alone), got %d arguments", fs.NArg()))
	}
	f, err := choose(diffout.Formats, df.of)
	if err != nil {
		return fail(stderr, "diff", err)
	}
	opt, err := df.options()
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		return fail(stderr, "diff", fmt.Errorf("unknown color mode %q: want auto, always or never", *color))
	}
	var docs []*segment.Document
	if *revisions {
		lopt, _, err := df.in.options()
		if err == nil {
			var old, new *segment.Document
			limitMemory(fs.Args(), memDefault)
			old, new, err = corpora.LoadRevisions(fs.Arg(0), lopt)
			docs = []*segment.Document{old, new}
		}
		if err != nil {
			return fail(stderr, "diff", err)
		}
		warn(stderr, docs...)
	} else if docs, err = df.in.load(withDefault(fs.Args(), false), stderr); err != nil {
		return fail(stderr, "diff", err)
	}
	rep, note, err := df.compare(docs[0], docs[1], opt)
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if note != "" {
		fmt.Fprintf(stderr, "warning: %s\n", out.Terminal(note))
	}
	shown := rep
	if df.statusOnly {
		shown = rep.StatusOnly()
	}
	toTerminal := df.of.output == "" || df.of.output == "-"
	wopt := diffout.Options{Color: toTerminal && useColor(*color, stdout)}
	if err := write(f, df.of.output, stdout, shown, wopt); err != nil {
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
