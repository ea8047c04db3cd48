package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"concord/align/check"
	"concord/corpora/out/checkout"
)

var checkUsage = help("check", checkout.Formats.Help())

func runCheck(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	var of formatFlags
	fs := newFlags("check", checkUsage, stdout)
	of.register(fs, checkout.Formats.Names())
	ignore := fs.StringSlice("ignore", nil, "kinds of finding to leave out, comma-separated or repeated")
	alone := fs.Bool("alone", false, "with one FILE, check it by itself rather than after the embedded L.15 draft")
	in.register(fs, true)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	f, err := choose(checkout.Formats, of)
	if err != nil {
		return fail(stderr, "check", err)
	}
	var opt check.Options
	for _, k := range *ignore {
		k = strings.TrimSpace(k)
		if !slices.Contains(check.Kinds, check.Kind(k)) {
			names := make([]string, len(check.Kinds))
			for i, x := range check.Kinds {
				names[i] = string(x)
			}
			return fail(stderr, "check", fmt.Errorf("unknown kind %q for --ignore: want %s", k, strings.Join(names, ", ")))
		}
		opt.Ignore = append(opt.Ignore, check.Kind(k))
	}
	docs, err := in.load(withDefault("check", fs.Args(), *alone, stderr), stderr)
	if err != nil {
		return fail(stderr, "check", err)
	}
	opt.Alignment = alignVersions("check", docs, stderr)
	r, err := check.Run(docs, opt)
	if err != nil {
		return fail(stderr, "check", err)
	}
	if err := write(f, of.output, stdout, r, checkout.Options{}); err != nil {
		return fail(stderr, "check", err)
	}
	if len(r.Findings) > 0 {
		return exitFinding
	}
	return exitOK
}
