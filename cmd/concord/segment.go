package main

import (
	"fmt"
	"io"

	"concord/corpora"
	"concord/corpora/out/segmentout"
	"concord/segment/define"
	"concord/segment/pieces"
	"concord/segment/words"
)

var segmentUsage = help("segment", segmentout.Formats.Help())

func runSegment(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	var of formatFlags
	fs := newFlags("segment", segmentUsage, stdout)
	level := fs.String("level", "sentence", "piece size: sentence, clause or word")
	values(fs, "level", "sentence", "clause", "word")
	of.register(fs, segmentout.Formats.Names())
	in.register(fs, false)
	in.mem = corpora.MemoryLean
	userdict := fs.String("userdict", "", "extra dictionary for Chinese words: one term a line, optional frequency")
	noTreaty := fs.Bool("no-treaty-dict", false, "leave out the treaty terms and the document's defined terms")
	jobs := fs.Int("jobs", 0, "goroutines for word segmentation (default: all CPUs)")
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return fail(stderr, "segment", fmt.Errorf("one FILE at most, got %d", fs.NArg()))
	}
	lv, ok := pieces.ParseLevel(*level)
	if !ok {
		return fail(stderr, "segment", fmt.Errorf("unknown level %q: want sentence, clause or word", *level))
	}
	f, err := choose(segmentout.Formats, of)
	if err != nil {
		return fail(stderr, "segment", err)
	}
	docs, err := in.load([]string{fs.Arg(0)}, stderr)
	if err != nil {
		return fail(stderr, "segment", err)
	}
	opt := pieces.Options{Level: lv, Workers: *jobs}
	if lv == pieces.Word {
		if opt.Words, err = define.Segmenter(docs, words.Options{UserDict: *userdict, NoTreatyDict: *noTreaty}); err != nil {
			return fail(stderr, "segment", err)
		}
	}
	ps := pieces.All(docs[0], opt) // written as they are cut
	if err := write(f, of.output, stdout, ps, segmentout.Options{Words: lv == pieces.Word}); err != nil {
		return fail(stderr, "segment", err)
	}
	return exitOK
}
