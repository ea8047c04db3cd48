package main

import (
	"fmt"
	"io"

	"concord/align/terms"
	"concord/corpora"
	"concord/corpora/out"
	"concord/corpora/out/termsout"
	"concord/segment/langtag"
)

// termsFlags are the flags of concord terms, in single and batch mode.
type termsFlags struct {
	alone    bool
	presplit bool
	max      int
	minFreq  int
	all      bool
	tags     string
}

// writeOptions turns the flags into the writers' options.
func (f *termsFlags) writeOptions() (termsout.Options, error) {
	policy, err := langtag.ParsePolicy(f.tags)
	return termsout.Options{Tags: policy}, err
}

// options turns the flags into the extractor's options.
func (f *termsFlags) options() terms.Options {
	opt := terms.Options{Candidate: terms.CandidateOptions{MinFreq: f.minFreq}, MaxCandidates: f.max, All: f.all}
	if f.max == 0 {
		opt.NoCandidates = true
	}
	return opt
}

// extract builds the glossary of documents, or of a parallel text with
// --presplit.
func (f *termsFlags) extract(files, langs []string, lopt corpora.LoadOptions, stderr io.Writer) (*terms.Glossary, error) {
	if f.presplit {
		p, err := corpora.ReadParallel(files, langs, lopt)
		if err != nil {
			return nil, err
		}
		if err := p.Aligned(); err != nil {
			return nil, fmt.Errorf("--presplit: %v", err)
		}
		return terms.Parallel(p.Lines, p.Langs, p.Names, nil, f.options())
	}
	docs, err := corpora.LoadFiles(files, langs, lopt)
	if err != nil {
		return nil, err
	}
	warn(stderr, docs...)
	opt := f.options()
	opt.Alignment = alignVersions("terms", docs, stderr)
	return terms.Extract(docs, opt)
}

func runTerms(c *invocation[*terms.Glossary, termsout.Options], args []string) int {
	var tf termsFlags
	fs := c.fs
	c.formatFlags()
	fs.IntVar(&tf.max, "max", 100, "most candidate entries (0: none, -1: all)")
	fs.IntVar(&tf.minFreq, "min-freq", 2, "least frequency of a candidate or pair")
	fs.BoolVar(&tf.all, "all", false, "keep the term pairs below the confidence threshold too (for JSON and CSV)")
	fs.BoolVar(&tf.alone, "alone", false, "with one FILE, take it by itself rather than after the embedded L.15 draft")
	fs.StringVar(&tf.tags, "tag", "", "language tags to write in TBX, as LANG=TAG,… (default: zh-CN and zh-TW for Chinese, the plain code otherwise)")
	fs.BoolVar(&tf.presplit, "presplit", false, "parallel files of one sentence a line: line i of every file translates line i of the others")
	c.in.register(fs, true)
	c.batchMode(true, func(b *batchFlags) int { return runTermsBatch(c, b, &tf) })
	if done, code := c.parse(args); done {
		return code
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	wopt, err := tf.writeOptions()
	if err != nil {
		return c.fail(err)
	}
	files := fs.Args()
	if !tf.presplit {
		files = withDefault("terms", files, tf.alone, c.stderr)
	}
	if len(files) == 0 {
		return c.fail(fmt.Errorf("--presplit needs one or more files"))
	}
	lopt, langs, err := c.in.forFiles(files)
	if err != nil {
		return c.fail(err)
	}
	g, err := tf.extract(files, langs, lopt, c.stderr)
	if err != nil {
		return c.fail(err)
	}
	if err := c.write(g, wopt); err != nil {
		return c.fail(err)
	}
	defined, cand := 0, 0
	for _, e := range g.Entries {
		if e.Kind == terms.KindDefined {
			defined++
		} else {
			cand++
		}
	}
	fmt.Fprintf(c.stderr, "concord terms: %d defined terms, %d candidates, %d issues\n", defined, cand, len(g.Issues))
	for _, is := range g.Issues {
		fmt.Fprintf(c.stderr, "issue: %s: %s\n", is.Kind, out.Terminal(is.Message))
	}
	return exitOK
}
