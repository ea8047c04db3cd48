package main

import (
	"fmt"
	"io"

	"concord/align"
	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/out/alignout"
	"concord/segment/langtag"
)

func runAlignBatch(c *invocation[*align.Alignment, alignout.Options], b *batchFlags, af *alignFlags) int {
	file, stream, err := batchFormat(c, b, "jsonl", "tmx")
	if err != nil {
		return c.fail(err)
	}
	opt, wopt, err := af.options()
	if err == nil && af.pairs && (b.outDir == "" || file.Name != "tmx") {
		err = fmt.Errorf("--pairs in batch mode needs --out-dir and --format tmx: it writes DIR/ID.<pivot>_<other>.tmx beside DIR/ID.tmx")
	}
	if err != nil {
		return c.fail(err)
	}
	m, langs, lopt, err := b.versionSets("align", &c.in, c.stderr)
	if err == nil && af.saveLex != "" {
		opt.Lexicons, err = af.learn(m, langs, lopt, opt, c.stderr)
	}
	if err != nil {
		return c.fail(err)
	}
	job := batch.Job{Command: "align", Key: "alignment", Ext: file.FileExt()}
	if stream == "tmx" {
		job.Stream = tmxStream(langs, wopt)
	}
	job.Do = func(s batch.Set) (*batch.Output, error) {
		files, fileLangs := setFiles(s, langs)
		if len(files) < 2 {
			return nil, fmt.Errorf("%d file(s): a set needs two or more to align", len(files))
		}
		a, docs, err := af.align(files, fileLangs, lopt, opt)
		if err != nil {
			return nil, err
		}
		o := &batch.Output{Notes: b.notes(docs...)}
		if stream == "tmx" {
			o.Head, o.Part, err = alignout.TMXPart(a, s.ID, wopt)
			return o, err
		}
		if b.outDir != "" && af.pairs { // written into --out-dir with the set's file
			if _, err := alignout.WritePairs(a, s.ID+"."+file.Name, wopt, func(rel string, w func(io.Writer) error) error {
				o.Extra = append(o.Extra, batch.File{Rel: rel, Write: w})
				return nil
			}); err != nil {
				return nil, err
			}
		}
		record := wopt
		record.Compact = true
		return setOutput(b, o, file, a, wopt, alignout.JSON, record)
	}
	return runJob(b, m, job, c.of.output, c.stdout, c.stderr)
}

// learn is --save-lexicon's first pass: it gathers the sentences of the
// batch's sets, the first 64 MB of them, learns a lexicon per language
// pair of the pivot with another version, writes each to
// PREFIX.<pivot>_<other>.lex and returns them before those of --lexicon.
func (f *alignFlags) learn(m *batch.Manifest, langs []string, lopt corpora.LoadOptions, opt align.Options, stderr io.Writer) ([]*align.SentLexicon, error) {
	c := align.Collection{Max: 64 << 20}
	for s := range m.All() {
		if c.Full() {
			fmt.Fprintf(stderr, "concord align: --save-lexicon learns from the first %d MB of sentences, the sets before %s\n", c.Max>>20, s.ID)
			break
		}
		files, fileLangs := setFiles(s, langs)
		if p, docs, err := f.read(files, fileLangs, lopt); p != nil { // a set that fails here fails in the batch
			c.AddLines(p.Lines, p.Langs)
		} else if err == nil {
			c.AddDocuments(docs)
		}
	}
	lexicons := c.Lexicons(opt)
	_, err := alignout.WriteLexicons(lexicons, f.saveLex, batch.WriteFile)
	return append(lexicons, opt.Lexicons...), err
}

// tmxStream makes one TMX document of every set's translation units: the
// head of the first set aligned (its pivot is srclang), or, when none was,
// of the manifest's first language.
func tmxStream(langs []string, wopt alignout.Options) *batch.Stream {
	src := ""
	if len(langs) > 0 {
		src = wopt.Tags.Output(langtag.Base(langs[0]), "")
	}
	head, tail := alignout.TMXEnds(src, wopt)
	return &batch.Stream{Empty: head, Tail: tail}
}
