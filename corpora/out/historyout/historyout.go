package historyout

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"concord/align/diff"
	"concord/align/history"
	"concord/corpora/out"
	"concord/corpora/out/diffout"
	"concord/segment"
)

// Options control the writers.
type Options struct {
	// Redline shows the word redline of each step whose wording changed
	// (the history must have been built with history.Options.Redline).
	Redline bool
	// Compact writes JSON on one line.
	Compact bool
}

// Formats are the formats of concord history, the terminal table first
// (the default).
var Formats = out.NewRegistry(
	out.Format[*history.History, Options]{Name: "text", Exts: []string{".txt"}, Write: Text,
		Summary: "the status of negotiations per revision, then every provision's timeline"},
	out.Format[*history.History, Options]{Name: "md", Exts: []string{".md", ".markdown"}, Write: Markdown,
		Summary: "the same as Markdown tables"},
	out.Format[*history.History, Options]{Name: "html", Exts: []string{".html", ".htm"}, Write: HTML,
		Summary: "one page: provisions down, revisions across, coloured by status"},
	out.Format[*history.History, Options]{Name: "csv", Exts: []string{".csv"}, Write: CSV,
		Summary: "one row per provision and revision"},
	out.Format[*history.History, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: "revisions with their summaries, provisions with their steps (see the README)"},
)

// statusShort names a status in a table cell.
func statusShort(s segment.Status) string {
	if s == segment.StatusOpen {
		return "open"
	}
	return string(s)
}

// cell is a provision in one revision, for a table: "art.18 ad-ref ~".
func cell(s history.Step) string {
	switch {
	case s.Op == diff.Deleted:
		return "(deleted)"
	case !s.Present:
		return ""
	}
	c := s.Addr + " " + statusShort(s.Status)
	var marks []string
	switch s.Op {
	case diff.Added:
		marks = append(marks, "+")
	case diff.Renumbered:
		marks = append(marks, "#")
	case diff.Moved:
		marks = append(marks, ">")
	}
	if s.Changed {
		marks = append(marks, "~")
	}
	if s.StatusChanged {
		marks = append(marks, "!")
	}
	if len(marks) > 0 {
		c += " " + strings.Join(marks, "")
	}
	return c
}

const legend = "Cells: address, status; + added, # renumbered, > moved, ~ wording changed, ! status changed."

// revName is the short name of revision i: r1, r2…
func revName(i int) string { return "r" + strconv.Itoa(i+1) }

// summaryRows is the status-of-negotiations table: a row per revision.
func summaryRows(h *history.History) ([]string, [][]string) {
	head := []string{"revision", "file", "articles", "added", "deleted", "changed", "renumbered", "units", "open", "ad-ref", "informal", "status changes", "stale refs"}
	var rows [][]string
	for i, r := range h.Revisions {
		a, u := r.Articles, r.Units
		row := []string{revName(i), r.Name, strconv.Itoa(a.Units)}
		if i == 0 {
			row = append(row, "", "", "", "")
		} else {
			row = append(row, strconv.Itoa(a.Added), strconv.Itoa(a.Deleted), strconv.Itoa(a.Changed), strconv.Itoa(a.Renumbered))
		}
		row = append(row, strconv.Itoa(u.Units), strconv.Itoa(r.Status[segment.StatusOpen]), strconv.Itoa(r.Status[segment.StatusAdRef]),
			strconv.Itoa(r.Status[segment.StatusInformal]))
		if i == 0 {
			row = append(row, "", "")
		} else {
			row = append(row, strconv.Itoa(u.StatusMoved), strconv.Itoa(r.StaleRefs))
		}
		rows = append(rows, row)
	}
	return head, rows
}

// timelineRows is the table of the provisions that changed: a row per
// provision, its cell in each revision, and its status now.
func timelineRows(h *history.History) ([]string, [][]string) {
	head := []string{"provision", "kind"}
	for i := range h.Revisions {
		head = append(head, revName(i))
	}
	head = append(head, "now")
	var rows [][]string
	for pi := range h.Provisions {
		p := &h.Provisions[pi]
		if !interesting(p) {
			continue
		}
		row := []string{p.ID, string(p.Kind)}
		for _, s := range p.Steps {
			row = append(row, cell(s))
		}
		rows = append(rows, append(row, since(p)))
	}
	return head, rows
}

// since describes how long a provision has had its status: "ad-ref since r3".
func since(p *history.Provision) string {
	if p.Last < len(p.Steps)-1 {
		return "deleted in " + revName(p.Last+1)
	}
	return statusShort(p.Steps[p.Last].Status) + " since " + revName(p.StatusSince)
}

// interesting reports whether a provision did anything in the series:
// appeared late, was deleted, renumbered, changed wording or status.
func interesting(p *history.Provision) bool {
	for i, s := range p.Steps {
		if i > 0 && (s.Op != diff.Unchanged && s.Op != "" || s.Changed || s.StatusChanged) {
			return true
		}
	}
	return false
}

// redline renders a step's edits as the redline of diffout (form
// differences shown as changes only when the history is strict), a line
// per field that changed, its text escaped by esc (nil: as it is),
// deleted text between del and delEnd, inserted text between ins and
// insEnd.
func redline(h *history.History, s history.Step, esc func(string) string, del, delEnd, ins, insEnd string) []string {
	if esc == nil {
		esc = func(s string) string { return s }
	}
	var out []string
	for _, f := range diffout.Fields(s.Edits, h.Strict, false) {
		var b strings.Builder
		if f.Field != diff.FieldText {
			b.WriteString(esc(string(f.Field) + ": "))
		}
		for _, p := range f.Pieces {
			switch p.Op {
			case diff.Del:
				b.WriteString(del + esc(p.Text) + delEnd)
			case diff.Ins:
				b.WriteString(ins + esc(p.Text) + insEnd)
			default:
				b.WriteString(esc(p.Text))
			}
		}
		out = append(out, b.String())
	}
	return out
}

// The marks of deleted and inserted text in a Markdown redline line until
// the line is escaped, and what turns them into tags after.
const markDel, markDelEnd, markIns, markInsEnd = "\x00d", "\x00e", "\x00i", "\x00j"

var markTags = strings.NewReplacer(markDel, "<del>", markDelEnd, "</del>", markIns, "<ins>", markInsEnd, "</ins>")

// Text writes the status of negotiations per revision, then a table of
// every provision that did something in the series (renumbered, changed,
// added, deleted, status moved) with its cell in each revision, then, with
// opt.Redline, the word redline of every step that changed wording.
func Text(w io.Writer, h *history.History, opt Options) error {
	bw := bufio.NewWriter(out.TerminalWriter(w)) // a revision's text may hold control characters
	fmt.Fprintf(bw, "History of %d revisions\n\n", len(h.Revisions))
	head, rows := summaryRows(h)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	fmt.Fprintf(bw, "\nProvisions that changed (%s)\n%s\n\n", countInteresting(h), legend)
	tw = tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	head, rows = timelineRows(h)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	if opt.Redline {
		for pi := range h.Provisions {
			p := &h.Provisions[pi]
			for i, s := range p.Steps {
				if lines := redline(h, s, nil, "[-", "-]", "{+", "+}"); len(lines) > 0 && i > 0 {
					fmt.Fprintf(bw, "\n%s, %s → %s (%s):\n", p.ID, revName(i-1), revName(i), s.Addr)
					for _, l := range lines {
						fmt.Fprintf(bw, "  %s\n", out.OneLine(l))
					}
				}
			}
		}
	}
	return bw.Flush()
}

// countInteresting says how many provisions changed, of how many.
func countInteresting(h *history.History) string {
	n := 0
	for pi := range h.Provisions {
		if interesting(&h.Provisions[pi]) {
			n++
		}
	}
	return fmt.Sprintf("%d of %d", n, len(h.Provisions))
}

// Markdown writes the same tables as Text in Markdown, each changed step's
// redline with <del> and <ins> (which render in every CommonMark
// renderer).
func Markdown(w io.Writer, h *history.History, opt Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# History of %d revisions\n\n## Status of negotiations\n\n", len(h.Revisions))
	head, rows := summaryRows(h)
	mdRow := func(cells []string) {
		for i := range cells {
			cells[i] = out.Markdown(cells[i])
		}
		fmt.Fprintf(bw, "| %s |\n", strings.Join(cells, " | "))
	}
	mdRow(head)
	fmt.Fprintf(bw, "|%s\n", strings.Repeat("---|", len(head)))
	for _, r := range rows {
		mdRow(r)
	}
	fmt.Fprintf(bw, "\n## Provisions that changed (%s)\n\n%s\n\n", countInteresting(h), out.Markdown(legend))
	head, rows = timelineRows(h)
	mdRow(head)
	fmt.Fprintf(bw, "|%s\n", strings.Repeat("---|", len(head)))
	for _, r := range rows {
		mdRow(r)
	}
	if opt.Redline {
		fmt.Fprintf(bw, "\n## Wording changes\n")
		for pi := range h.Provisions {
			p := &h.Provisions[pi]
			for i, s := range p.Steps {
				if i == 0 || len(s.Edits) == 0 {
					continue
				}
				lines := redlineMD(h, s)
				if len(lines) == 0 {
					continue
				}
				fmt.Fprintf(bw, "\n### %s, %s → %s (%s)\n\n", out.Markdown(p.ID), revName(i-1), revName(i), out.Markdown(s.Addr))
				for _, l := range lines {
					fmt.Fprintf(bw, "%s\n\n", l)
				}
			}
		}
	}
	return bw.Flush()
}

// redlineMD renders a step's edits with <del> and <ins>, the text escaped.
func redlineMD(h *history.History, s history.Step) []string {
	var lines []string
	for _, l := range redline(h, s, nil, markDel, markDelEnd, markIns, markInsEnd) {
		lines = append(lines, markTags.Replace(out.Markdown(out.OneLine(l))))
	}
	return lines
}

// CSV writes one row per provision and revision (long form, for
// spreadsheets and pandas): provision, kind, revision (1-based), file,
// present, address, label, status, op, changed, status_changed. A text
// cell that a spreadsheet would read as a formula starts with an
// apostrophe (out.CSVCell).
func CSV(w io.Writer, h *history.History, _ Options) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"provision", "kind", "revision", "file", "present", "addr", "label", "status", "op", "changed", "status_changed"})
	for pi := range h.Provisions {
		p := &h.Provisions[pi]
		for i, s := range p.Steps {
			cw.Write([]string{out.CSVCell(p.ID), string(p.Kind), strconv.Itoa(i + 1), out.CSVCell(h.Revisions[i].Name), strconv.FormatBool(s.Present), out.CSVCell(s.Addr),
				out.CSVCell(strings.TrimSpace(s.Label)), string(s.Status), string(s.Op), strconv.FormatBool(s.Changed), strconv.FormatBool(s.StatusChanged)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// JSON writes the history:
//
//	{"revisions": [{"name", "lang", "articles": {counts}, "units": {counts},
//	   "status": {"open": 3, "ad-ref": 161, "informal": 2}, "stale_refs": 0}],
//	 "provisions": [{"id", "kind", "first", "last", "status_since", "addrs": ["art.17", "art.18", …],
//	   "steps": [{"present", "addr", "label", "status", "op", "changed", "status_changed",
//	              "diff": [{"field", "op", "text", "form", "moved"}]}]}]}
//
// counts are {"units", "added", "deleted", "changed", "renumbered",
// "status_changed"}; revisions are numbered from 0 in "first", "last" and
// "status_since". Every key is always present.
func JSON(w io.Writer, h *history.History, opt Options) error {
	type jcounts struct {
		Units         int `json:"units"`
		Added         int `json:"added"`
		Deleted       int `json:"deleted"`
		Changed       int `json:"changed"`
		Renumbered    int `json:"renumbered"`
		StatusChanged int `json:"status_changed"`
	}
	type jrev struct {
		Name      string         `json:"name"`
		Lang      string         `json:"lang"`
		Articles  jcounts        `json:"articles"`
		Units     jcounts        `json:"units"`
		Status    map[string]int `json:"status"`
		StaleRefs int            `json:"stale_refs"`
	}
	type jstep struct {
		Present       bool        `json:"present"`
		Addr          string      `json:"addr"`
		Label         string      `json:"label"`
		Status        string      `json:"status"`
		Op            string      `json:"op"`
		Changed       bool        `json:"changed"`
		StatusChanged bool        `json:"status_changed"`
		Diff          []diff.Edit `json:"diff"`
	}
	type jprov struct {
		ID          string   `json:"id"`
		Kind        string   `json:"kind"`
		First       int      `json:"first"`
		Last        int      `json:"last"`
		StatusSince int      `json:"status_since"`
		Addrs       []string `json:"addrs"`
		Steps       []jstep  `json:"steps"`
	}
	counts := func(c history.Counts) jcounts {
		return jcounts{c.Units, c.Added, c.Deleted, c.Changed, c.Renumbered, c.StatusMoved}
	}
	doc := struct {
		Revisions  []jrev  `json:"revisions"`
		Provisions []jprov `json:"provisions"`
	}{Revisions: []jrev{}, Provisions: []jprov{}}
	for _, r := range h.Revisions {
		st := map[string]int{"open": r.Status[segment.StatusOpen], "ad-ref": r.Status[segment.StatusAdRef], "informal": r.Status[segment.StatusInformal]}
		for s, n := range r.Status {
			if s != segment.StatusOpen {
				st[string(s)] = n
			}
		}
		doc.Revisions = append(doc.Revisions, jrev{r.Name, r.Lang, counts(r.Articles), counts(r.Units), st, r.StaleRefs})
	}
	for pi := range h.Provisions {
		p := &h.Provisions[pi]
		jp := jprov{ID: p.ID, Kind: string(p.Kind), First: p.First, Last: p.Last, StatusSince: p.StatusSince, Addrs: p.Addrs()}
		for _, s := range p.Steps {
			js := jstep{s.Present, s.Addr, s.Label, string(s.Status), string(s.Op), s.Changed, s.StatusChanged, []diff.Edit{}}
			if opt.Redline && len(s.Edits) > 0 {
				js.Diff = s.Edits
			}
			jp.Steps = append(jp.Steps, js)
		}
		doc.Provisions = append(doc.Provisions, jp)
	}
	return out.JSON(w, doc, opt.Compact)
}

// HTML writes one self-contained page: the status of negotiations per
// revision, then a table of every provision (down) in every revision
// (across), each cell coloured by the provision's status there and marked
// when the provision was added, renumbered, reworded or changed status;
// with opt.Redline, the word redlines below.
func HTML(w io.Writer, h *history.History, opt Options) error {
	type hcell struct {
		Text, Class, Title string
	}
	type hrow struct {
		ID, Kind, Now string
		Cells         []hcell
	}
	type hred struct {
		Title string
		Lines []template.HTML
	}
	v := struct {
		Lang, Dir string
		Revs      []string
		Short     []string
		Head      []string
		Sum       [][]string
		Rows      []hrow
		Legend    string
		Red       []hred
	}{Legend: legend, Dir: "ltr"}
	if len(h.Revisions) > 0 {
		v.Lang = h.Revisions[len(h.Revisions)-1].Lang
		v.Dir = out.Dir(v.Lang)
	}
	for i, r := range h.Revisions {
		v.Revs = append(v.Revs, revName(i)+": "+r.Name)
		v.Short = append(v.Short, revName(i))
	}
	v.Head, v.Sum = summaryRows(h)
	for pi := range h.Provisions {
		p := &h.Provisions[pi]
		row := hrow{ID: p.ID, Kind: string(p.Kind), Now: since(p)}
		for _, s := range p.Steps {
			c := hcell{Text: cell(s)}
			switch {
			case s.Op == diff.Deleted:
				c.Class = "deleted"
			case !s.Present:
				c.Class = "absent"
			default:
				c.Class = "st-" + statusShort(s.Status)
				if s.Changed || s.Op == diff.Added {
					c.Class += " changed"
				}
			}
			row.Cells = append(row.Cells, c)
		}
		v.Rows = append(v.Rows, row)
		if opt.Redline {
			for i, s := range p.Steps {
				if i == 0 || len(s.Edits) == 0 {
					continue
				}
				var lines []template.HTML
				for _, l := range redline(h, s, template.HTMLEscapeString, "<del>", "</del>", "<ins>", "</ins>") {
					lines = append(lines, template.HTML(l))
				}
				if len(lines) > 0 {
					v.Red = append(v.Red, hred{p.ID + ", " + revName(i-1) + " → " + revName(i) + " (" + s.Addr + ")", lines})
				}
			}
		}
	}
	return historyPage.Execute(out.HTMLWriter(w), v)
}

var historyPage = template.Must(template.New("history").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>History of the draft</title>
<style>
body { font-family: "Noto Sans", "Noto Sans CJK SC", system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: .15rem .5rem; text-align: left; white-space: nowrap; font-size: .9rem; }
td.st-open { background: #fff4d6; }
td.st-ad-ref { background: #dff5e1; }
td.st-informal { background: #e4e9fb; }
td.absent { background: #f4f4f4; }
td.deleted { background: #fde2e2; color: #8a1f1f; }
td.changed { font-weight: 600; outline: 2px solid #e0b84c; outline-offset: -2px; }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .3rem; border: 1px solid #ccc; }
del { background: #fde2e2; color: #8a1f1f; }
ins { background: #dff5e1; color: #1d5f2a; }
p.red { white-space: pre-wrap; }
</style>
</head>
<body>
<h1>History of the draft</h1>
<ol class="revisions">{{range .Revs}}<li>{{.}}</li>{{end}}</ol>
<h2 id="status">Status of negotiations</h2>
<table class="summary">
<tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Sum}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</table>
<h2 id="provisions">Provisions</h2>
<p class="legend"><span class="st-open" style="background:#fff4d6">open</span><span style="background:#dff5e1">agreed ad referendum</span><span style="background:#e4e9fb">agreed in informal consultations</span><span style="background:#fde2e2">deleted</span> {{.Legend}}</p>
<table class="timeline">
<tr><th>provision</th><th>kind</th>{{range $i, $r := .Short}}<th title="{{index $.Revs $i}}">{{$r}}</th>{{end}}<th>now</th></tr>
{{range .Rows}}<tr id="p-{{.ID}}"><th>{{.ID}}</th><td>{{.Kind}}</td>{{range .Cells}}<td class="{{.Class}}">{{.Text}}</td>{{end}}<td>{{.Now}}</td></tr>
{{end}}</table>
{{if .Red}}<h2 id="wording">Wording changes</h2>
{{range .Red}}<h3>{{.Title}}</h3>
{{range .Lines}}<p class="red" lang="{{$.Lang}}" dir="{{$.Dir}}">{{.}}</p>
{{end}}{{end}}{{end}}</body>
</html>
`))
