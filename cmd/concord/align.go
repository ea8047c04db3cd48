package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"concord/align"
	"concord/corpora"
	"concord/corpora/input"
	"concord/corpora/out/alignout"
	"concord/segment"
	"concord/segment/langtag"
)

// alignFlags are the flags of concord align, in single and batch mode.
type alignFlags struct {
	level    string
	presplit bool
	glossary string
	tags     string
	minScore float64
	pairs    bool
	noDict   bool
	lexicons []string // --lexicon files
	saveLex  string   // --save-lexicon PREFIX
}

// options turns the flags into the aligner's options and the writers'.
func (f *alignFlags) options() (align.Options, alignout.Options, error) {
	opt := align.Options{Sent: align.SentOptions{NoDictionary: f.noDict}}
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
	for _, name := range f.lexicons {
		data, err := input.ReadBytes(name)
		if err != nil { // an *input.Error, which names the file
			return opt, alignout.Options{}, fmt.Errorf("--lexicon %w", err)
		}
		L, err := align.ReadSentLexicon(bytes.NewReader(data))
		if err != nil {
			return opt, alignout.Options{}, fmt.Errorf("--lexicon %s: %w", name, err)
		}
		opt.Lexicons = append(opt.Lexicons, L)
	}
	policy, err := langtag.ParsePolicy(f.tags)
	if err != nil {
		return opt, alignout.Options{}, err
	}
	if f.minScore < 0 || f.minScore > 1 {
		return opt, alignout.Options{}, fmt.Errorf("--min-score %g: want a score from 0 to 1", f.minScore)
	}
	return opt, alignout.Options{Unit: opt.Level == align.LevelUnit, Tags: policy, MinScore: f.minScore}, nil
}

// registerOutput adds the flags that choose what goes into the memory:
// --min-score and --pairs (align and review).
func (f *alignFlags) registerOutput(fs *pflag.FlagSet) {
	fs.Float64Var(&f.minScore, "min-score", 0, "TMX, TSV and batch outputs: keep only the links scored at or above this (JSON, HTML and XLSX show all)")
	fs.BoolVar(&f.pairs, "pairs", false, "beside the TMX of -o, one bilingual TMX per pair of the pivot with another version: memory.tmx → memory.zh-CN_en.tmx…")
}

// ready chooses the format (align and review), turns the flags into the
// aligner's options and the writers', and checks that --pairs can be
// honoured with the format and output.
func (f *alignFlags) ready(c *invocation[*align.Alignment, alignout.Options]) (align.Options, alignout.Options, error) {
	if err := c.chooseFormat(); err != nil {
		return align.Options{}, alignout.Options{}, err
	}
	opt, wopt, err := f.options()
	switch {
	case err != nil || !f.pairs:
	case c.format.Name != "tmx":
		err = fmt.Errorf("--pairs writes TMX files, not %s", c.format.Name)
	case c.of.output == "" || c.of.output == "-":
		err = fmt.Errorf("--pairs needs -o FILE.tmx: the pair files are named after it (FILE.zh-CN_en.tmx…)")
	}
	return opt, wopt, err
}

// write writes the alignment in the chosen format and, with --pairs, one
// TMX per language pair beside it.
func (f *alignFlags) write(c *invocation[*align.Alignment, alignout.Options], a *align.Alignment, wopt alignout.Options) error {
	if err := c.write(a, wopt); err != nil || !f.pairs {
		return err
	}
	_, err := alignout.WritePairs(a, c.of.output, wopt, createFile)
	return err
}

// createFile writes a file with w.
func createFile(name string, w func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := w(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// read reads the files with lopt in the languages langs ("" to detect):
// parsed into docs, or as parallel lines p with --presplit.
func (f *alignFlags) read(files, langs []string, lopt corpora.LoadOptions) (p *corpora.Parallel, docs []*segment.Document, err error) {
	if f.presplit {
		p, err = corpora.ReadParallel(files, langs, lopt)
		return p, nil, err
	}
	docs, err = corpora.LoadFiles(files, langs, lopt)
	return nil, docs, err
}

// align aligns the files as read reads them (no docs with --presplit).
func (f *alignFlags) align(files, langs []string, lopt corpora.LoadOptions, opt align.Options) (*align.Alignment, []*segment.Document, error) {
	switch p, docs, err := f.read(files, langs, lopt); {
	case err != nil:
		return nil, nil, err
	case p != nil:
		return align.Lines(p.Lines, p.Langs, p.Names, opt), nil, nil
	default:
		return align.Align(docs, opt), docs, nil
	}
}

func runAlign(c *invocation[*align.Alignment, alignout.Options], args []string) int {
	var af alignFlags
	fs := c.fs
	fs.StringVar(&af.level, "level", "sentence", "alignment level: sentence or unit")
	values(fs, "level", "sentence", "unit")
	c.formatFlags()
	fs.BoolVar(&af.presplit, "presplit", false, "take every non-empty line as one sentence; parse no structure")
	fs.StringVar(&af.glossary, "glossary", "", "known equivalents: TSV (first line: language codes) or TBX")
	fs.StringVar(&af.tags, "tag", "", "language tags to write, as LANG=TAG,… (default: zh-CN and zh-TW for Chinese, the plain code otherwise)")
	fs.BoolVar(&af.noDict, "no-dictionary", false, "leave out the embedded Chinese–English dictionary (CC-CEDICT)")
	fs.StringArrayVar(&af.lexicons, "lexicon", nil, "a collection lexicon written by --save-lexicon, for its language pair (repeatable)")
	fs.StringVar(&af.saveLex, "save-lexicon", "", "batch: learn a lexicon per language pair from the sets, write PREFIX.<pivot>_<other>.lex, align with them")
	af.registerOutput(fs)
	c.in.register(fs, true)
	c.in.mem = corpora.MemoryCompare
	c.batchMode(true, func(b *batchFlags) int { return runAlignBatch(c, b, &af) })
	if done, code := c.parse(args); done {
		return code
	}
	files := fs.Args()
	if len(files) == 1 && !af.presplit {
		files = withDefault("align", files, false, c.stderr)
	}
	if len(files) < 2 {
		return c.fail(fmt.Errorf("two or more files to align, got %d", len(files)))
	}
	opt, wopt, err := af.ready(c)
	if err != nil {
		return c.fail(err)
	}
	lopt, langs, err := c.in.forFiles(files)
	if err != nil {
		return c.fail(err)
	}
	a, docs, err := af.align(files, langs, lopt, opt)
	if err != nil {
		return c.fail(err)
	}
	warn(c.stderr, docs...)
	if !af.presplit {
		warnVersions("align", a, c.stderr)
	}
	if err := af.write(c, a, wopt); err != nil {
		return c.fail(err)
	}
	if n := len(a.Missing); n > 0 {
		fmt.Fprintf(c.stderr, "concord align: %d units missing in some versions (listed in the output)\n", n)
	}
	return exitOK
}
