package main

import (
	"fmt"
	"iter"

	"concord/corpora"
	"concord/corpora/out/segmentout"
	"concord/segment/define"
	"concord/segment/pieces"
	"concord/segment/words"
)

func runSegment(c *invocation[iter.Seq[pieces.Piece], segmentout.Options], args []string) int {
	fs := c.fs
	level := fs.String("level", "sentence", "piece size: sentence, clause or word")
	values(fs, "level", "sentence", "clause", "word")
	c.formatFlags()
	c.in.register(fs, false)
	c.in.mem = corpora.MemoryLean
	userdict := fs.String("userdict", "", "extra dictionary for Chinese words: one term a line, optional frequency")
	noTreaty := fs.Bool("no-treaty-dict", false, "leave out the treaty terms and the document's defined terms")
	jobs := fs.Int("jobs", 0, "goroutines for word segmentation (default: all CPUs)")
	if done, code := c.parse(args); done {
		return code
	}
	if fs.NArg() > 1 {
		return c.fail(fmt.Errorf("one FILE at most, got %d", fs.NArg()))
	}
	lv, ok := pieces.ParseLevel(*level)
	if !ok {
		return c.fail(fmt.Errorf("unknown level %q: want sentence, clause or word", *level))
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	docs, err := c.in.load([]string{fs.Arg(0)}, c.stderr)
	if err != nil {
		return c.fail(err)
	}
	opt := pieces.Options{Level: lv, Workers: *jobs}
	if lv == pieces.Word {
		if opt.Words, err = define.Segmenter(docs, words.Options{UserDict: *userdict, NoTreatyDict: *noTreaty}); err != nil {
			return c.fail(err)
		}
	}
	ps := pieces.All(docs[0], opt) // written as they are cut
	if err := c.write(ps, segmentout.Options{Words: lv == pieces.Word}); err != nil {
		return c.fail(err)
	}
	return exitOK
}
