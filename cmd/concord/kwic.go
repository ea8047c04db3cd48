package main

import (
	"fmt"
	"strings"

	"concord/align/terms"
	"concord/corpora/out/kwicout"
)

func runKWIC(c *invocation[*terms.Concordance, kwicout.Options], args []string) int {
	c.formatFlags()
	substring := c.fs.Bool("substring", false, "Chinese: match inside longer words too")
	width := c.fs.Int("width", 30, "context on each side, in characters")
	alone := c.fs.Bool("alone", false, "with one FILE, take it by itself rather than after the embedded L.15 draft")
	c.in.register(c.fs, true)
	if done, code := c.parse(args); done {
		return code
	}
	if c.fs.NArg() < 1 || strings.TrimSpace(c.fs.Arg(0)) == "" {
		return c.fail(fmt.Errorf("a TERM to look for is needed"))
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	term := c.fs.Arg(0)
	docs, err := c.in.load(withDefault("kwic", c.fs.Args()[1:], *alone, c.stderr), c.stderr)
	if err != nil {
		return c.fail(err)
	}
	a := alignVersions("kwic", docs, c.stderr)
	conc, err := terms.KWIC(docs, term, terms.KWICOptions{Alignment: a, Substring: *substring, Width: *width})
	if err != nil {
		return c.fail(err)
	}
	if err := c.write(conc, kwicout.Options{}); err != nil {
		return c.fail(err)
	}
	if len(conc.Hits) == 0 {
		fmt.Fprintf(c.stderr, "concord kwic: %q does not occur\n", term)
		return exitFinding
	}
	return exitOK
}
