package diffout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"concord/align/diff"
	"concord/corpora/out"
)

// Options control the writers.
type Options struct {
	// Color writes ANSI colours in the text format: deletions red and
	// struck through, insertions green and underlined. Without it
	// deletions are written [-like this-] and insertions {+like this+},
	// as wdiff does.
	Color bool
	// Compact writes JSON on one line (a record of JSON Lines).
	Compact bool
	// Author and Date sign the tracked changes and comments of the Word
	// redline; an empty Author is DefaultAuthor. The date is written to the
	// second, in UTC: the same report and date give the same bytes.
	Author string
	Date   time.Time
}

// Formats are the formats of concord diff, the terminal redline first
// (the default).
var Formats = out.NewRegistry(
	out.Format[*diff.Report, Options]{Name: "text", Exts: []string{".txt"}, Write: Text,
		Summary: "a redline for the terminal: [-deleted-] {+inserted+}, or colours"},
	out.Format[*diff.Report, Options]{Name: "md", Exts: []string{".md", ".markdown"}, Write: Markdown,
		Summary: "summary, status transitions, then each changed unit with its redline"},
	out.Format[*diff.Report, Options]{Name: "html", Exts: []string{".html", ".htm"}, Write: HTML,
		Summary: "one self-contained redline page"},
	out.Format[*diff.Report, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: "every unit with its op, addresses, status and word diff (see the README)"},
	out.Format[*diff.Report, Options]{Name: "docx", Exts: []string{".docx"}, Write: Docx,
		Summary: "a Word document of the new text with every change tracked and comments (--author, --date)"},
)

// textStyle marks up pieces for a terminal.
type textStyle struct {
	del, delEnd, ins, insEnd, bold, boldEnd string
}

func newTextStyle(color bool) textStyle {
	if color {
		return textStyle{"\x1b[31;9m", "\x1b[0m", "\x1b[32;4m", "\x1b[0m", "\x1b[1m", "\x1b[0m"}
	}
	return textStyle{"[-", "-]", "{+", "+}", "", ""}
}

// Text writes a terminal redline: each changed unit with its addresses
// (old → new), what happened to it and its word diff, then the status
// transitions, the stale cross-references and a summary table. Control
// characters of the documents are written as escapes (see out.Terminal).
func Text(w io.Writer, r *diff.Report, opt Options) error {
	st := newTextStyle(opt.Color)
	bw := bufio.NewWriter(w)
	mode := string(r.Granularity)
	if r.Strict {
		mode += ", strict"
	}
	fmt.Fprintf(bw, "%s%s → %s%s  (%s, %s)\n", st.bold, out.Terminal(r.Old.Name), out.Terminal(r.New.Name), st.boldEnd, r.Lang, mode)
	for _, it := range items(r) {
		if it.run != nil {
			fmt.Fprintf(bw, "\n%s%s%s\n", st.bold, out.Terminal(runText(it.run)), st.boldEnd)
			continue
		}
		c := it.c
		head := addrs(c) + "  " + opText(c)
		if l := labels(c); l != "" {
			head += "  " + l
		}
		if s := statusText(c); s != "" {
			head += "  [status " + s + "]"
		}
		fmt.Fprintf(bw, "\n%s%s%s\n", st.bold, out.Terminal(head), st.boldEnd)
		for _, f := range fields(c, r.Strict) {
			bw.WriteString("  ")
			if f.Field != diff.FieldText {
				bw.WriteString(string(f.Field) + ": ")
			}
			for _, p := range f.Pieces {
				text := out.Terminal(strings.ReplaceAll(p.Text, "\n", "\n  "))
				switch p.Op {
				case diff.Del:
					bw.WriteString(st.del + text + st.delEnd)
				case diff.Ins:
					bw.WriteString(st.ins + text + st.insEnd)
				default:
					bw.WriteString(text)
				}
			}
			bw.WriteString("\n")
		}
	}
	if len(r.Transitions) > 0 {
		fmt.Fprintf(bw, "\n%sStatus transitions%s\n", st.bold, st.boldEnd)
		tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
		for _, t := range r.Transitions {
			fmt.Fprintf(tw, "  %s → %s\t%d\t%s\n", statusName(t.From), statusName(t.To), t.Count, addrList(t.Addrs, 8))
		}
		tw.Flush()
	}
	if len(r.StaleRefs) > 0 {
		fmt.Fprintf(bw, "\n%sStale cross-references%s\n", st.bold, st.boldEnd)
		for _, s := range r.StaleRefs {
			fmt.Fprintf(bw, "  %s  %s: %s\n", s.Addr, out.Terminal(s.Ref), out.Terminal(s.Message))
		}
	}
	if len(r.Coarse) > 0 {
		fmt.Fprintf(bw, "\n%sCoarse redline%s (whole sentences deleted and inserted)\n", st.bold, st.boldEnd)
		for _, c := range r.Coarse {
			fmt.Fprintf(bw, "  %s %s: %s\n", c.Addr, c.Field, c.Reason)
		}
	}
	if len(r.Dangling) > 0 {
		fmt.Fprintf(bw, "\n%sDangling cross-references (to articles in neither revision)%s\n", st.bold, st.boldEnd)
		for _, s := range r.Dangling {
			fmt.Fprintf(bw, "  %s  %s: %s\n", s.Addr, out.Terminal(s.Ref), out.Terminal(s.Message))
		}
	}
	fmt.Fprintf(bw, "\n%sSummary%s\n", st.bold, st.boldEnd)
	head, rows := countRows(r.Summary)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t\n", strings.Join(head, "\t"))
	for _, row := range rows {
		fmt.Fprintf(tw, "%s\t\n", strings.Join(row, "\t"))
	}
	tw.Flush()
	fmt.Fprintf(bw, "%s\n", verdict(r))
	return bw.Flush()
}

// addrList joins up to max addresses.
func addrList(as []string, max int) string {
	if len(as) <= max {
		return strings.Join(as, ", ")
	}
	return strings.Join(as[:max], ", ") + fmt.Sprintf(", … (%d more)", len(as)-max)
}
