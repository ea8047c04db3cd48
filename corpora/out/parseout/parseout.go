package parseout

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"concord/corpora/out"
	"concord/segment"
)

// JSON writes the document as {"lang", "units", "warnings"}: concord's
// public, stable representation of a parsed document (see the README).
// Every key is always present. It streams the tree unit by unit, so that
// the output is never held in memory whole.
func JSON(w io.Writer, d *segment.Document, opt Options) error {
	s := out.NewJSONStream(w, opt.Compact)
	s.Begin('{')
	s.StringField("lang", d.Lang)
	s.Key("units")
	s.Begin('[')
	d.Walk(func(u *segment.Unit, entering bool) segment.WalkStatus {
		if !entering {
			s.End(']')
			s.End('}')
			return segment.WalkContinue
		}
		s.Begin('{')
		for _, f := range [...]struct{ k, v string }{{"addr", u.Addr}, {"kind", string(u.Kind)}, {"label", u.Label},
			{"heading", u.Heading}, {"text", u.Text}, {"tail", u.Tail}, {"status", string(u.Status)}} {
			s.StringField(f.k, f.v)
		}
		s.IntField("line", u.Line)
		s.Key("children")
		s.Begin('[')
		return segment.WalkContinue
	})
	s.End(']')
	s.Key("warnings")
	s.Begin('[')
	for _, wn := range d.Warnings {
		s.Begin('{')
		s.IntField("line", wn.Line)
		s.StringField("message", wn.Message)
		s.End('}')
	}
	s.End(']')
	s.End('}')
	return s.Close()
}

// Outline writes the tree one unit a line, indented by depth: address,
// label, heading or the start of the text, and a status badge; then a
// summary of units per kind and per status, and the warnings.
func Outline(w io.Writer, d *segment.Document, _ Options) error {
	bw := bufio.NewWriter(out.TerminalWriter(w))
	depth := 0
	d.Walk(func(u *segment.Unit, entering bool) segment.WalkStatus {
		if !entering {
			depth--
			return segment.WalkContinue
		}
		indent := strings.Repeat("  ", depth)
		addr := fmt.Sprintf("%s%s", indent, u.Addr)
		line := fmt.Sprintf("%-22s", addr)
		if u.Label != "" {
			line += " " + u.Label
		}
		if u.Heading != "" {
			line += " " + u.Heading
		} else if u.Text != "" {
			line += " " + clip(u.Text, 40)
		}
		if u.Status != "" {
			line += "  [" + string(u.Status) + "]"
		}
		fmt.Fprintln(bw, line)
		depth++
		return segment.WalkContinue
	})
	counts := d.Count()
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	fmt.Fprintf(bw, "\n%s (%s): ", d.Name, d.Lang)
	for i, k := range kinds {
		if i > 0 {
			fmt.Fprint(bw, ", ")
		}
		fmt.Fprintf(bw, "%d %s", counts[segment.Kind(k)], k)
	}
	status := map[segment.Status]int{}
	for u := range d.All() {
		status[u.Status]++
	}
	fmt.Fprintf(bw, "\nstatus: %d ad-ref, %d informal, %d open\n", status[segment.StatusAdRef], status[segment.StatusInformal], status[segment.StatusOpen])
	fmt.Fprintf(bw, "warnings: %d\n", len(d.Warnings))
	for _, wn := range d.Warnings {
		fmt.Fprintf(bw, "  %s\n", wn)
	}
	return bw.Flush()
}

// clip shortens s to n runes on one line, with an ellipsis.
func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// Options control the writers.
type Options struct {
	Compact bool // JSON: on one line (a record of JSON Lines)
}

// Formats are the formats of concord parse, the outline first (the
// default).
var Formats = out.NewRegistry(
	out.Format[*segment.Document, Options]{Name: "outline", Exts: []string{".txt"}, Write: Outline,
		Summary: "the tree, one unit a line, then a summary and the warnings"},
	out.Format[*segment.Document, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `{"lang", "units": [{"addr", "kind", "label", "heading", "text", "tail", "status", "line", "children"}], "warnings"}`},
)
