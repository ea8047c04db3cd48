package main

import (
	"fmt"
	"io"

	"concord/align"
	"concord/corpora"
	"concord/corpora/out/alignout"
	"concord/segment/langtag"
)

var alignUsage = `Usage: concord align FILE [FILE…] [flags]

Align two to seven language versions of one text: their units by address
(art.2.f ↔ art.2.f in every language), then the sentences inside each
linked unit. The first file is the pivot. With one FILE, the pivot is the
embedded L.15 draft. Every sentence of every version lands in exactly one
link, each with a score in [0,1] (the aligner's confidence; below 0.5 is
worth a look); units some versions lack are reported, never dropped.

Formats:
` + alignout.Formats.Help() + `
Examples:
  concord align final.ar.art1-15.txt --format html -o L15-zh-ar.html
  concord align udhr_cmn_hans.xml udhr_eng.xml udhr_fra.xml udhr_arb.xml -o udhr.tmx
  concord align --presplit zh.txt en.txt --format json
  concord align zh.txt en.txt --glossary terms.tsv --lang zh,en
` + alignBatchUsage

// alignFlags are the flags of concord align, in single and batch mode.
type alignFlags struct {
	in       inputFlags
	of       formatFlags
	level    string
	presplit bool
	glossary string
	tags     string
}

// options turns the flags into the aligner's options and the writers'.
func (f *alignFlags) options() (align.Options, alignout.Options, error) {
	var opt align.Options
	switch f.level {
	case "sentence":
	case "unit":
		opt.Level = align.LevelUnit
	default:
		return opt, alignout.Options{}, fmt.Errorf("unknown level %q: want sentence or unit", f.level)
	}
	if f.glossary != "" {
		g, err := corpora.ReadGlossary(f.glossary)
		if err != nil {
			return opt, alignout.Options{}, err
		}
		opt.Glossary = g
	}
	policy, err := langtag.ParsePolicy(f.tags)
	if err != nil {
		return opt, alignout.Options{}, err
	}
	return opt, alignout.Options{Unit: opt.Level == align.LevelUnit, Tags: policy}, nil
}

// align aligns the files: parsed, or as parallel lines with --presplit.
func (f *alignFlags) align(files []string, opt align.Options, stderr io.Writer) (*align.Alignment, error) {
	if f.presplit {
		p, err := f.in.parallel(files)
		if err != nil {
			return nil, err
		}
		return align.Lines(p.Lines, p.Langs, p.Names, opt), nil
	}
	docs, err := f.in.load(files, stderr)
	if err != nil {
		return nil, err
	}
	a := align.Align(docs, opt)
	warnVersions("align", a, stderr)
	return a, nil
}

func runAlign(args []string, stdout, stderr io.Writer) int {
	var af alignFlags
	fs := newFlags("align", alignUsage, stdout)
	fs.StringVar(&af.level, "level", "sentence", "alignment level: sentence or unit")
	values(fs, "level", "sentence", "unit")
	af.of.register(fs, alignout.Formats.Names())
	fs.BoolVar(&af.presplit, "presplit", false, "take every non-empty line as one sentence; parse no structure")
	fs.StringVar(&af.glossary, "glossary", "", "known equivalents: TSV (first line: language codes) or TBX")
	fs.StringVar(&af.tags, "tag", "", "language tags to write, as LANG=TAG,… (default: zh-CN and zh-TW for Chinese, the plain code otherwise)")
	af.in.register(fs, true)
	var bf batchFlags
	bf.register(fs, true)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if bf.on() {
		return runAlignBatch(&bf, &af, fs.Args(), stdout, stderr)
	}
	if err := bf.standalone(fs); err != nil {
		return fail(stderr, "align", err)
	}
	files := fs.Args()
	if len(files) == 1 && !af.presplit {
		files = withDefault("align", files, false, stderr)
	}
	if len(files) < 2 {
		return fail(stderr, "align", fmt.Errorf("two or more files to align, got %d", len(files)))
	}
	f, err := choose(alignout.Formats, af.of)
	if err != nil {
		return fail(stderr, "align", err)
	}
	opt, wopt, err := af.options()
	if err != nil {
		return fail(stderr, "align", err)
	}
	a, err := af.align(files, opt, stderr)
	if err != nil {
		return fail(stderr, "align", err)
	}
	if err := write(f, af.of.output, stdout, a, wopt); err != nil {
		return fail(stderr, "align", err)
	}
	if n := len(a.Missing); n > 0 {
		fmt.Fprintf(stderr, "concord align: %d units missing in some versions (listed in the output)\n", n)
	}
	return exitOK
}
