package main

import (
	"fmt"
	"slices"
	"strings"

	"concord/align/check"
	"concord/corpora/out/checkout"
)

func runCheck(c *invocation[*check.Report, checkout.Options], args []string) int {
	c.formatFlags()
	ignore := c.fs.StringSlice("ignore", nil, "kinds of finding to leave out, comma-separated or repeated")
	alone := c.fs.Bool("alone", false, "with one FILE, check it by itself rather than after the embedded L.15 draft")
	c.in.register(c.fs, true)
	if done, code := c.parse(args); done {
		return code
	}
	if err := c.chooseFormat(); err != nil {
		return c.fail(err)
	}
	var opt check.Options
	for _, k := range *ignore {
		k = strings.TrimSpace(k)
		if !slices.Contains(check.Kinds, check.Kind(k)) {
			names := make([]string, len(check.Kinds))
			for i, x := range check.Kinds {
				names[i] = string(x)
			}
			return c.fail(fmt.Errorf("unknown kind %q for --ignore: want %s", k, strings.Join(names, ", ")))
		}
		opt.Ignore = append(opt.Ignore, check.Kind(k))
	}
	docs, err := c.in.load(withDefault("check", c.fs.Args(), *alone, c.stderr), c.stderr)
	if err != nil {
		return c.fail(err)
	}
	opt.Alignment = alignVersions("check", docs, c.stderr)
	r, err := check.Run(docs, opt)
	if err != nil {
		return c.fail(err)
	}
	if err := c.write(r, checkout.Options{}); err != nil {
		return c.fail(err)
	}
	if len(r.Findings) > 0 {
		return exitFinding
	}
	return exitOK
}
