package main

import (
	"fmt"
	"io"
	"strings"

	"concord/align"
	"concord/corpora/termout"
)

const checkUsage = `Usage: concord check FILE [FILE…] [flags]

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

Formats:
  text  one finding a line, then a count per kind (default)
  json  [{"addr", "kind", "langs", "message"}]; addr "" concerns a whole document
  md    a Markdown report

Exit status: 0 no findings, 1 findings, 2 trouble.

Examples:
  concord check final.ar.art1-15.txt
  concord check L15.zh.txt L15.en.txt --ignore status,missing --format md -o report.md
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	var ti termInput
	fs := newFlags("check", checkUsage, stdout)
	format := fs.String("format", "", "output format: text, json or md (default: from -o's extension, else text)")
	out := fs.StringP("output", "o", "", "write to this file instead of standard output")
	ignore := fs.StringSlice("ignore", nil, "kinds of finding to leave out, comma-separated or repeated")
	ti.register(fs, false)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	fmtName, err := termFormat(*format, *out, []string{"text", "json", "md"})
	if err != nil {
		return fail(stderr, "check", err)
	}
	opt := align.CheckOptions{}
	for _, k := range *ignore {
		k = strings.TrimSpace(k)
		known := false
		for _, x := range align.FindingKinds {
			if string(x) == k {
				known = true
			}
		}
		if !known {
			var names []string
			for _, x := range align.FindingKinds {
				names = append(names, string(x))
			}
			return fail(stderr, "check", fmt.Errorf("unknown kind %q for --ignore: want %s", k, strings.Join(names, ", ")))
		}
		opt.Ignore = append(opt.Ignore, align.FindingKind(k))
	}
	docs, err := ti.docs(ti.files(fs.Args()), stderr)
	if err != nil {
		return fail(stderr, "check", err)
	}
	if opt.Segmenter, err = termSegmenter(docs); err != nil {
		return fail(stderr, "check", err)
	}
	findings := align.Check(docs, opt)
	w, closeOut, err := termOutput(*out, stdout)
	if err != nil {
		return fail(stderr, "check", err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	switch fmtName {
	case "text":
		err = termout.CheckText(w, findings)
	case "json":
		err = termout.CheckJSON(w, findings)
	case "md":
		err = termout.CheckMarkdown(w, findings, names)
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, "check", err)
	}
	if len(findings) > 0 {
		return exitFinding
	}
	return exitOK
}
