package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/out"
	"concord/corpora/out/diffout"
	"concord/segment"
)

// diffFlags are the flags of concord diff, in single and batch mode.
type diffFlags struct {
	gran       string
	strict     bool
	statusOnly bool
	author     string
	date       string
}

// writeOptions are the writers' options from the flags: the author and
// the date of the Word redline's tracked changes (see diffout.RedlineDate).
func (f *diffFlags) writeOptions() (diffout.Options, error) {
	date, err := diffout.RedlineDate(f.date)
	return diffout.Options{Author: f.author, Date: date}, err
}

// registerCompare adds --granularity and --strict, the flags of the
// comparison (diff and history), with the command's help texts.
func (f *diffFlags) registerCompare(fs *pflag.FlagSet, granUsage, strictUsage string) {
	fs.StringVar(&f.gran, "granularity", "word", granUsage)
	fs.BoolVar(&f.strict, "strict", false, strictUsage)
	values(fs, "granularity", "word", "char")
}

// options checks the flags and turns them into the comparison's options,
// in the language lang (--lang).
func (f *diffFlags) options(lang string) (diff.Options, error) {
	if f.gran != "word" && f.gran != "char" {
		return diff.Options{}, fmt.Errorf("unknown granularity %q: want word or char", f.gran)
	}
	return diff.Options{Lang: lang, Granularity: diff.Granularity(f.gran), Strict: f.strict}, nil
}

// compare compares two revisions; the warning about their languages, if
// any, is returned with the report.
func compare(old, new *segment.Document, opt diff.Options) (*diff.Report, string, error) {
	note := ""
	if opt.Lang == "" && old.Lang != new.Lang {
		note = fmt.Sprintf("%s is %s but %s is %s; comparing as %s (set --lang)", old.Name, old.Lang, new.Name, new.Lang, new.Lang)
	}
	r, err := diff.Compare(old, new, opt)
	return r, note, err
}

func runDiff(c *invocation[*diff.Report, diffout.Options], args []string) int {
	var df diffFlags
	fs := c.fs
	c.in.register(fs, false)
	c.in.mem = corpora.MemoryCompare
	c.formatFlags()
	df.registerCompare(fs, "diff unit: word or char", "report differences of form (spacing, width, quotes, Markdown) as changes")
	fs.BoolVar(&df.statusOnly, "status-only", false, "list only the units whose negotiation status changed")
	fs.StringVar(&df.author, "author", diffout.DefaultAuthor, "docx: the author of the tracked changes and comments")
	fs.StringVar(&df.date, "date", "", "docx: the date of the tracked changes, RFC 3339 or YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else now)")
	color := fs.String("color", "auto", "colour the text format: auto, always or never")
	values(fs, "color", "auto", "always", "never")
	revisions := fs.Bool("revisions", false, "compare the tracked changes of one .docx, .odt or .html FILE: its text before them with its text after")
	c.batchMode(false, func(b *batchFlags) int { return runDiffBatch(c, b, &df) })
	if done, code := c.parse(args); done {
		return code
	}
	switch {
	case *revisions && fs.NArg() != 1:
		return c.fail(fmt.Errorf("--revisions takes one FILE with tracked changes, got %d", fs.NArg()))
	case fs.NArg() < 1 || fs.NArg() > 2:
		return c.fail(fmt.Errorf("want OLD and NEW files (or NEW alone), got %d arguments", fs.NArg()))
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	opt, err := df.options(c.in.lang)
	if err != nil {
		return c.fail(err)
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		return c.fail(fmt.Errorf("unknown color mode %q: want auto, always or never", *color))
	}
	wopt, err := df.writeOptions()
	if err != nil {
		return c.fail(err)
	}
	var docs []*segment.Document
	if *revisions {
		lopt, _, err := c.in.forFiles(fs.Args()) // one --lang: no count to check
		if err == nil {
			var old, new *segment.Document
			old, new, err = corpora.LoadRevisions(fs.Arg(0), lopt)
			docs = []*segment.Document{old, new}
		}
		if err != nil {
			return c.fail(err)
		}
		warn(c.stderr, docs...)
	} else if docs, err = c.in.load(withDefault("diff", fs.Args(), false, c.stderr), c.stderr); err != nil {
		return c.fail(err)
	}
	rep, note, err := compare(docs[0], docs[1], opt)
	if err != nil {
		return c.fail(err)
	}
	if note != "" {
		fmt.Fprintf(c.stderr, "warning: %s\n", out.Terminal(note))
	}
	if u := rep.Summary.Units; u.Old >= 10 && (u.Old-u.Deleted)*10 < u.Old {
		fmt.Fprintf(c.stderr, "warning: %s and %s share %d of %d units: are they revisions of one draft?\n",
			docs[0].Name, docs[1].Name, u.Old-u.Deleted, u.Old)
	}
	shown := rep
	if df.statusOnly {
		shown = rep.StatusOnly()
	}
	toTerminal := c.of.output == "" || c.of.output == "-"
	wopt.Color = toTerminal && useColor(*color, c.stdout)
	if err := c.write(shown, wopt); err != nil {
		return c.fail(err)
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
