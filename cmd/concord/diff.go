package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

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
The docx format is a Word redline: the new text with every change as a
tracked change (deletions, insertions, moves) by --author on --date, and
Word comments for status transitions, moves, renumberings and stale
cross-references. Accepting all changes gives NEW, rejecting all gives OLD.
Its date is --date, else SOURCE_DATE_EPOCH, else now: set one of them for
byte-identical output.

With --revisions and one FILE (.docx, .odt or .html with tracked changes),
compare the text before the tracked changes with the text after them.

Examples:
  concord diff L15.zh.txt L16.zh.txt
  concord diff draft-with-changes.docx --revisions --format md
  concord diff old.md new.md -o redline.html
  concord diff old.md new.md --format md --status-only
  concord diff old.txt new.txt --granularity char --strict
  concord diff old.en.txt new.en.txt --lang en --format json
  concord diff L15.old.docx L15.new.docx -o redline.docx --author "Secretariat" --date 2024-08-09

Exit status: 0 no substantive change, 1 substantive changes, 2 trouble.
` + diffBatchUsage

// diffFlags are the flags of concord diff, in single and batch mode.
type diffFlags struct {
	in         inputFlags
	of         formatFlags
	gran       string
	strict     bool
	statusOnly bool
	author     string
	date       string
}

// writeOptions are the writers' options from the flags: the author and
// the date of the Word redline's tracked changes. The date is --date
// (RFC 3339, or a day YYYY-MM-DD at midnight UTC), else SOURCE_DATE_EPOCH
// (seconds since 1970), else now.
func (f *diffFlags) writeOptions() (diffout.Options, error) {
	opt := diffout.Options{Author: f.author}
	switch {
	case f.date != "":
		t, err := time.Parse(time.RFC3339, f.date)
		if err != nil {
			if t, err = time.Parse("2006-01-02", f.date); err != nil {
				return opt, fmt.Errorf("--date %q: want RFC 3339 (2024-08-09T12:00:00Z) or a day (2024-08-09)", f.date)
			}
		}
		opt.Date = t
	case os.Getenv("SOURCE_DATE_EPOCH") != "":
		sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
		if err != nil {
			return opt, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want seconds since 1970", os.Getenv("SOURCE_DATE_EPOCH"))
		}
		opt.Date = time.Unix(sec, 0)
	default:
		opt.Date = time.Now()
	}
	return opt, nil
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
	fs.StringVar(&df.author, "author", diffout.DefaultAuthor, "docx: the author of the tracked changes and comments")
	fs.StringVar(&df.date, "date", "", "docx: the date of the tracked changes, RFC 3339 or YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else now)")
	color := fs.String("color", "auto", "colour the text format: auto, always or never")
	values(fs, "granularity", "word", "char")
	values(fs, "color", "auto", "always", "never")
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
	wopt, err := df.writeOptions()
	if err != nil {
		return fail(stderr, "diff", err)
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
	} else if docs, err = df.in.load(withDefault("diff", fs.Args(), false, stderr), stderr); err != nil {
		return fail(stderr, "diff", err)
	}
	rep, note, err := df.compare(docs[0], docs[1], opt)
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if note != "" {
		fmt.Fprintf(stderr, "warning: %s\n", out.Terminal(note))
	}
	if u := rep.Summary.Units; u.Old >= 10 && (u.Old-u.Deleted)*10 < u.Old {
		fmt.Fprintf(stderr, "warning: %s and %s share %d of %d units: are they revisions of one draft?\n",
			docs[0].Name, docs[1].Name, u.Old-u.Deleted, u.Old)
	}
	shown := rep
	if df.statusOnly {
		shown = rep.StatusOnly()
	}
	toTerminal := df.of.output == "" || df.of.output == "-"
	wopt.Color = toTerminal && useColor(*color, stdout)
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
