package main

import (
	"fmt"

	"concord/align/history"
	"concord/corpora"
	"concord/corpora/out/historyout"
)

func runHistory(c *invocation[*history.History, historyout.Options], args []string) int {
	fs := c.fs
	c.in.register(fs, false)
	c.in.mem = corpora.MemoryCompare
	c.formatFlags()
	var df diffFlags
	df.registerCompare(fs, "diff unit of the word redlines: word or char", "count differences of form (spacing, width, quotes, Markdown) as changes")
	redline := fs.Bool("redline", false, "show the word redline of every step that changed a provision's wording")
	if done, code := c.parse(args); done {
		return code
	}
	if fs.NArg() < 2 {
		return c.fail(fmt.Errorf("want two revisions or more, oldest first; got %d", fs.NArg()))
	}
	opt, err := df.options(c.in.lang)
	if err != nil {
		return c.fail(err)
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	docs, err := c.in.load(fs.Args(), c.stderr)
	if err != nil {
		return c.fail(err)
	}
	h, err := history.Build(docs, history.Options{
		Diff:    opt,
		Redline: *redline,
	})
	if err != nil {
		return c.fail(err)
	}
	if err := c.write(h, historyout.Options{Redline: *redline}); err != nil {
		return c.fail(err)
	}
	return exitOK
}
