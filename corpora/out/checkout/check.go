package checkout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"concord/align/check"
	"concord/corpora/out"
)

// Text writes findings for people, one a line: address ("(document)"
// for a finding about a whole document), kind, languages, message; then
// a count per kind.
func Text(w io.Writer, r *check.Report, _ Options) error {
	fs := r.Findings
	bw := bufio.NewWriter(out.TerminalWriter(w))
	width := len("(document)")
	for _, f := range fs {
		width = max(width, len(f.Addr))
	}
	for _, f := range fs {
		fmt.Fprintf(bw, "%-*s  %-9s  %-5s  %s\n", width, addrOrDoc(f.Addr), f.Kind, strings.Join(f.Langs, ","), out.OneLine(f.Message))
	}
	fmt.Fprintln(bw, summary(fs))
	return bw.Flush()
}

func addrOrDoc(a string) string {
	if a == "" {
		return "(document)"
	}
	return a
}

// summary counts findings per kind: "3 findings: 1 missing, 2 status".
func summary(fs []check.Finding) string {
	if len(fs) == 0 {
		return "no findings"
	}
	count := map[check.Kind]int{}
	for _, f := range fs {
		count[f.Kind]++
	}
	var parts []string
	for _, k := range check.Kinds {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[k], k))
		}
	}
	noun := "findings"
	if len(fs) == 1 {
		noun = "finding"
	}
	return fmt.Sprintf("%d %s: %s", len(fs), noun, strings.Join(parts, ", "))
}

type findingJSON struct {
	Addr    string   `json:"addr"`
	Kind    string   `json:"kind"`
	Langs   []string `json:"langs"`
	Message string   `json:"message"`
}

// JSON writes findings as a JSON list of {"addr", "kind", "langs",
// "message"}; "addr" is "" for a finding about a whole document.
func JSON(w io.Writer, r *check.Report, opt Options) error {
	list := make([]findingJSON, 0, len(r.Findings))
	for _, f := range r.Findings {
		l := f.Langs
		if l == nil {
			l = []string{}
		}
		list = append(list, findingJSON{Addr: f.Addr, Kind: string(f.Kind), Langs: l, Message: f.Message})
	}
	return out.JSON(w, list, opt.Compact)
}

// Markdown writes findings as a Markdown report: a title naming the
// documents, the count per kind, and a table of address, kind, languages
// and message.
func Markdown(w io.Writer, r *check.Report, _ Options) error {
	fs, names := r.Findings, r.Names
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Consistency of %s\n\n%s.\n\n", mdCell(strings.Join(names, ", ")), summary(fs))
	if len(fs) > 0 {
		fmt.Fprintln(bw, "| address | kind | languages | finding |")
		fmt.Fprintln(bw, "|---|---|---|---|")
		for _, f := range fs {
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", mdCell(addrOrDoc(f.Addr)), f.Kind, strings.Join(f.Langs, ", "), mdCell(f.Message))
		}
	}
	return bw.Flush()
}

// mdCell escapes text for a Markdown table cell: one line, escaped as
// the diff and history reports escape theirs.
func mdCell(s string) string { return out.Markdown(out.OneLine(s)) }

// Options control the writers.
type Options struct {
	Compact bool // JSON: on one line (a record of JSON Lines)
}

// Formats are the formats of concord check, text first (the default).
var Formats = out.NewRegistry(
	out.Format[*check.Report, Options]{Name: "text", Exts: []string{".txt"}, Write: Text,
		Summary: "one finding a line: address, kind, languages, message; then counts"},
	out.Format[*check.Report, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `[{"addr", "kind", "langs", "message"}]`},
	out.Format[*check.Report, Options]{Name: "md", Exts: []string{".md", ".markdown"}, Write: Markdown,
		Summary: "a Markdown report: counts, then a table of the findings"},
)
