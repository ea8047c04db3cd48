package main

import (
	"fmt"

	"concord/align"
	"concord/corpora/out/alignout"
	"concord/corpora/review"
)

func runReview(c *invocation[*align.Alignment, alignout.Options], args []string) int {
	af := alignFlags{level: "sentence"}
	c.formatFlags()
	c.fs.StringVar(&af.tags, "tag", "", "language tags to write, as LANG=TAG,… (default: the tags of the file's columns)")
	af.registerOutput(c.fs)
	if done, code := c.parse(args); done {
		return code
	}
	if c.fs.NArg() != 1 {
		return c.fail(fmt.Errorf("one FILE (xlsx or TSV) to read, got %d", c.fs.NArg()))
	}
	_, wopt, err := af.ready(c)
	if err != nil {
		return c.fail(err)
	}
	file := c.fs.Arg(0)
	res, err := review.ReadFile(file)
	if err != nil {
		return c.fail(err)
	}
	if af.tags == "" {
		wopt.Tags = res.Tags
	}
	if err := af.write(c, res.Alignment, wopt); err != nil {
		return c.fail(err)
	}
	for _, l := range res.Summary(file) {
		fmt.Fprintf(c.stderr, "concord review: %s\n", l)
	}
	return exitOK
}
