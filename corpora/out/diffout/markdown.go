package diffout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"concord/align/diff"
)

// Markdown writes a report a delegation can paste into an e-mail: the
// summary table, the status transitions, the stale cross-references, then
// each changed unit with ~~deleted~~ and **inserted** words.
func Markdown(w io.Writer, r *diff.Report, _ Options) error {
	bw := bufio.NewWriter(w)
	mode := string(r.Granularity) + " diff"
	if r.Strict {
		mode += ", strict"
	}
	fmt.Fprintf(bw, "# Comparison of revisions\n\n")
	fmt.Fprintf(bw, "**Old:** %s  \n**New:** %s  \n**Language:** %s, %s\n\n", mdEscape(r.Old.Name), mdEscape(r.New.Name), r.Lang, mode)
	fmt.Fprintf(bw, "%s\n\n", verdict(r))

	fmt.Fprintf(bw, "## Summary\n\n")
	head, rows := countRows(r.Summary)
	fmt.Fprintf(bw, "| %s |\n", strings.Join(head, " | "))
	fmt.Fprintf(bw, "|---%s|\n", strings.Repeat("|--:", len(head)-1))
	for _, row := range rows {
		fmt.Fprintf(bw, "| %s |\n", strings.Join(row, " | "))
	}

	if len(r.Transitions) > 0 {
		fmt.Fprintf(bw, "\n## Status transitions\n\n| from | to | units | where |\n|---|---|--:|---|\n")
		for _, t := range r.Transitions {
			fmt.Fprintf(bw, "| %s | %s | %d | %s |\n", statusName(t.From), statusName(t.To), t.Count, mdEscape(addrList(t.Addrs, 12)))
		}
	}
	if len(r.StaleRefs) > 0 {
		fmt.Fprintf(bw, "\n## Stale cross-references\n\n| unit | reference | problem |\n|---|---|---|\n")
		for _, s := range r.StaleRefs {
			fmt.Fprintf(bw, "| %s | %s | %s |\n", s.Addr, mdEscape(s.Ref), mdEscape(s.Message))
		}
	}

	if len(r.Coarse) > 0 {
		fmt.Fprintf(bw, "\n## Coarse redline\n\nWhole sentences are shown deleted and inserted here.\n\n| unit | field | why |\n|---|---|---|\n")
		for _, c := range r.Coarse {
			fmt.Fprintf(bw, "| %s | %s | %s |\n", c.Addr, c.Field, mdEscape(c.Reason))
		}
	}

	its := items(r)
	if len(its) > 0 {
		fmt.Fprintf(bw, "\n## Changes\n")
	}
	for _, it := range its {
		if it.run != nil {
			fmt.Fprintf(bw, "\n### %s\n", mdEscape(runText(it.run)))
			continue
		}
		c := it.c
		head := addrs(c) + " · " + opText(c)
		if l := labels(c); l != "" {
			head += " · " + l
		}
		fmt.Fprintf(bw, "\n### %s\n", mdEscape(head))
		if s := statusText(c); s != "" {
			fmt.Fprintf(bw, "\n*Status:* %s\n", s)
		}
		for _, f := range fields(c, r.Strict) {
			bw.WriteString("\n")
			if f.field != diff.FieldText {
				fmt.Fprintf(bw, "*%s:* ", strings.ToUpper(string(f.field[:1]))+string(f.field[1:]))
			}
			for _, p := range f.pieces {
				bw.WriteString(mdPiece(p))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// mdPiece marks up a piece, keeping spaces outside the markers (Markdown
// ignores ~~ and ** next to a space inside them).
func mdPiece(p piece) string {
	if p.op == diff.Eq {
		return mdEscape(p.text)
	}
	mark := "~~"
	if p.op == diff.Ins {
		mark = "**"
	}
	core := strings.TrimFunc(p.text, unicode.IsSpace)
	if core == "" {
		return mark + "␣" + mark
	}
	i := strings.Index(p.text, core)
	lead, trail := p.text[:i], p.text[i+len(core):]
	return mdEscape(lead) + mark + mdEscape(core) + mark + mdEscape(trail)
}

// mdEscape escapes the characters Markdown would read as markup, and turns
// line breaks into hard breaks.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString("  \n")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
