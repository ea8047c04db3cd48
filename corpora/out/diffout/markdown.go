package diffout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"concord/align/diff"
	"concord/corpora/out"
)

// Markdown writes a report a delegation can paste into an e-mail: the
// summary table, the status transitions, the stale cross-references, then
// each changed unit with <del>deleted</del> and <ins>inserted</ins> words.
//
// Deletions and insertions are inline HTML, not ~~ and **: CommonMark does
// not open emphasis next to punctuation when the other side is a letter,
// which is the rule in Chinese (**“电子数据”** stays literal), whereas
// <ins> and <del> render in every CommonMark renderer (GitHub allows both).
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

	if len(r.Dangling) > 0 {
		fmt.Fprintf(bw, "\n## Dangling cross-references\n\nTo articles that exist in neither revision.\n\n| unit | reference | problem |\n|---|---|---|\n")
		for _, s := range r.Dangling {
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
			if f.Field != diff.FieldText {
				fmt.Fprintf(bw, "*%s:* ", strings.ToUpper(string(f.Field[:1]))+string(f.Field[1:]))
			}
			for _, p := range f.Pieces {
				bw.WriteString(mdPiece(p))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// mdPiece marks up a piece as inline HTML, keeping spaces outside the
// tags (a deletion of spaces alone shows as ␣).
func mdPiece(p Piece) string {
	if p.Op == diff.Eq {
		return mdEscape(p.Text)
	}
	open, close := "<del>", "</del>"
	if p.Op == diff.Ins {
		open, close = "<ins>", "</ins>"
	}
	core := strings.TrimFunc(p.Text, unicode.IsSpace)
	if core == "" {
		return open + "␣" + close
	}
	i := strings.Index(p.Text, core)
	lead, trail := p.Text[:i], p.Text[i+len(core):]
	return mdEscape(lead) + open + mdEscape(core) + close + mdEscape(trail)
}

// mdEscape escapes the characters Markdown would read as markup, and turns
// line breaks into hard breaks.
func mdEscape(s string) string {
	return strings.ReplaceAll(out.Markdown(s), "\n", "  \n")
}
