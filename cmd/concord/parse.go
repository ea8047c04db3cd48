package main

import (
	"fmt"
	"io"

	"concord/corpora"
	"concord/corpora/out/parseout"
)

func runParse(args []string, stdout, stderr io.Writer) int {
	c := newInvocation("parse", parseout.Formats, stdout, stderr)
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
	docs, err := c.in.load([]string{c.fs.Arg(0)}, stderr)
	if err != nil {
		return c.fail(err)
	}
	if err := c.write(docs[0], parseout.Options{}); err != nil {
		return c.fail(err)
	}
	return exitOK
}
