package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"concord/align/check"
	"concord/corpora/out/checkout"
)

var checkUsage = `Usage: concord check FILE [FILE…] [flags]

Check the consistency of the language versions of one text, unit by unit.
Findings, each with its address, kind, languages and message:

  missing    units present in some versions only
  numbering  gaps or duplicates in one version's numbering (1, 2, 4)
  status     status marks that differ; a version with no marks at all is
             reported once, not unit by unit
  number     numbers that differ (90 天 vs 60 days; digits of any script)
  xref       cross-references to different targets (第 17 条第 1 款(b)项 vs
             article 18, paragraph 1 (b))
  latin      stray Latin words inside Chinese text (与信息 and 通信技术系统)
  bracket    unbalanced brackets or quotation marks
  term       defined terms used in another form or rendered inconsistently

With one FILE, the embedded L.15 draft comes first, as for concord align
(--alone checks the FILE by itself: numbering, latin, bracket, term).

Formats (addr "" concerns a whole document):
` + checkout.Formats.Help() + `
Exit status: 0 no findings, 1 findings, 2 trouble.

Examples:
  concord check final.ar.art1-15.txt
  concord check L15.zh.txt L15.en.txt --ignore status,missing --format md -o report.md
`

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
