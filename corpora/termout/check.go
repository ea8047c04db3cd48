package termout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"concord/align"
)

// CheckText writes findings for people, one a line: address ("(document)"
// for a finding about a whole document), kind, languages, message; then
// a count per kind.
func CheckText(w io.Writer, fs []align.Finding) error {
	bw := bufio.NewWriter(w)
	width := len("(document)")
	for _, f := range fs {
		width = max(width, len(f.Addr))
	}
	for _, f := range fs {
		fmt.Fprintf(bw, "%-*s  %-9s  %-5s  %s\n", width, addrOrDoc(f.Addr), f.Kind, strings.Join(f.Langs, ","), oneLine(f.Message))
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
func summary(fs []align.Finding) string {
	if len(fs) == 0 {
		return "no findings"
	}
	count := map[align.FindingKind]int{}
	for _, f := range fs {
		count[f.Kind]++
	}
	var parts []string
	for _, k := range align.FindingKinds {
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

// CheckJSON writes findings as a JSON list of {"addr", "kind", "langs",
// "message"}; "addr" is "" for a finding about a whole document.
func CheckJSON(w io.Writer, fs []align.Finding) error {
	out := make([]findingJSON, 0, len(fs))
	for _, f := range fs {
		l := f.Langs
		if l == nil {
			l = []string{}
		}
		out = append(out, findingJSON{Addr: f.Addr, Kind: string(f.Kind), Langs: l, Message: f.Message})
	}
	return writeJSON(w, out)
}

// CheckMarkdown writes findings as a Markdown report: a title naming the
// documents, the count per kind, and a table of address, kind, languages
// and message.
func CheckMarkdown(w io.Writer, fs []align.Finding, names []string) error {
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

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	s = oneLine(s)
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`", "*", `\*`, "_", `\_`).Replace(s)
}
