package main

import (
	"fmt"

	"concord/corpora"
	"concord/corpora/out/parseout"
	"concord/segment"
)

func runParse(c *invocation[*segment.Document, parseout.Options], args []string) int {
	c.in.register(c.fs, false)
	c.in.mem = corpora.MemoryLean
	c.formatFlags()
	if done, code := c.parse(args); done {
		return code
	}
	if c.fs.NArg() > 1 {
		return c.fail(fmt.Errorf("one FILE at most, got %d", c.fs.NArg()))
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	docs, err := c.in.load([]string{c.fs.Arg(0)}, c.stderr)
	if err != nil {
		return c.fail(err)
	}
	if err := c.write(docs[0], parseout.Options{}); err != nil {
		return c.fail(err)
	}
	return exitOK
}
