package alignout

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"concord/align"
	"concord/corpora/out"
	"concord/segment"
)

type htmlCell struct {
	Lang, Dir string
	Sents     []htmlSent
}

type htmlSent struct {
	Text  string
	IDs   string
	Score string
	Low   bool
}

type htmlRow struct {
	Addr, Status string
	Cells        []htmlCell
}

type htmlPage struct {
	Title         string
	Cols          []htmlCell
	Rows          []htmlRow
	Missing       []align.Missing // outermost missing units only
	MissingCount  int             // all missing units
	MissingByLang []string        // "ar: art.16–art.68 and 11 others"
	Mismatches    []string
	Links         int
}

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="concord">
<title>{{.Title}}</title>
<style>
body { font: 15px/1.5 system-ui, "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", sans-serif; margin: 0; color: #1b1b1b; }
header { padding: .8em 1.2em; background: #f3f5f8; border-bottom: 1px solid #d5dbe3; }
h1 { font-size: 1.2em; margin: 0 0 .3em; }
.note { color: #555; font-size: .9em; margin: .2em 0; }
details ul { margin: .3em 0; columns: 3; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #e3e7ed; padding: .4em .6em; vertical-align: top; text-align: start; }
thead th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #9aa7b8; }
th.addr, td.addr { width: 8em; font: 12px/1.4 ui-monospace, monospace; color: #345; }
td.addr a { color: inherit; text-decoration: none; }
td p { margin: 0 0 .35em; }
td p.low { background: #fff3cd; }
td p .score { display: none; }
td p.low .score { display: inline; color: #8a6d00; font-size: .75em; margin-inline-start: .4em; }
.badge { display: inline-block; font-size: 11px; border-radius: 3px; padding: 0 .4em; margin-top: .2em; }
.badge.ad-ref { background: #d8f0dc; color: #1d5e2a; }
.badge.informal { background: #dbe8fb; color: #1f4b8f; }
tr:target { outline: 2px solid #f0ad4e; }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="note">{{.Links}} links. Sentences whose link scored below 0.5 are highlighted.</p>
{{if .Missing}}<details class="note"><summary>{{.MissingCount}} units missing in some versions{{range .MissingByLang}}; {{.}}{{end}}</summary>
<ul>{{range .Missing}}<li class="missing">{{.Addr}}: missing in {{range $i, $l := .Langs}}{{if $i}}, {{end}}{{$l}}{{end}}</li>{{end}}</ul></details>
{{end}}{{if .Mismatches}}<details class="note" open><summary>{{len .Mismatches}} units whose children are numbered differently, linked by content</summary>
<ul>{{range .Mismatches}}<li class="mismatch">{{.}}</li>{{end}}</ul></details>
{{end}}</header>
<table>
<thead><tr><th class="addr">address</th>{{range .Cols}}<th lang="{{.Lang}}" dir="{{.Dir}}">{{.Lang}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr id="{{.Addr}}"><td class="addr"><a href="#{{.Addr}}">{{.Addr}}</a>{{if .Status}}<br><span class="badge {{.Status}}">{{.Status}}</span>{{end}}</td>{{range .Cells}}<td lang="{{.Lang}}" dir="{{.Dir}}">{{range .Sents}}<p{{if .Low}} class="low"{{end}} data-ids="{{.IDs}}">{{.Text}}<span class="score">{{.Score}}</span></p>{{end}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</body>
</html>
`))

// HTML writes one self-contained page: a column per version (with its lang
// and, for Arabic, dir="rtl"), a row per unit with its sentences, status
// badges, an anchor per address, every text escaped. No script is needed to
// read it.
//
// The title is Options.Title, or the versions' file names.
func HTML(w io.Writer, a *align.Alignment, opt Options) error {
	tags := Tags(a, opt.Tags)
	title := opt.title(a)
	p := htmlPage{Title: title, Missing: outermost(a.Missing), MissingCount: len(a.Missing), Links: len(a.Links)}
	p.MissingByLang = missingByLang(p.Missing)
	for _, t := range tags {
		p.Cols = append(p.Cols, htmlCell{Lang: t, Dir: out.Dir(t)})
	}
	for _, l := range a.Links {
		if len(p.Rows) == 0 || p.Rows[len(p.Rows)-1].Addr != l.Addr {
			row := htmlRow{Addr: l.Addr, Status: string(l.Status)}
			for _, t := range tags {
				row.Cells = append(row.Cells, htmlCell{Lang: t, Dir: out.Dir(t)})
			}
			p.Rows = append(p.Rows, row)
		}
		row := &p.Rows[len(p.Rows)-1]
		for v := range tags {
			if v >= len(l.Text) || len(l.Text[v]) == 0 {
				continue
			}
			ids := make([]string, len(l.IDs[v]))
			for i, id := range l.IDs[v] {
				ids[i] = fmt.Sprint(id)
			}
			row.Cells[v].Sents = append(row.Cells[v].Sents, htmlSent{
				Text: l.Joined(v), IDs: strings.Join(ids, " "),
				Score: fmt.Sprintf("%.2f", l.Score), Low: l.Score < LowScore,
			})
		}
	}
	for _, m := range a.Mismatches {
		var parts []string
		for i, l := range m.Langs {
			parts = append(parts, fmt.Sprintf("%s %d", l, m.Counts[i]))
		}
		p.Mismatches = append(p.Mismatches, fmt.Sprintf("%s: children numbered differently (%s), linked by content", m.Addr, strings.Join(parts, ", ")))
	}
	return page.Execute(out.HTMLWriter(w), p)
}

// outermost keeps the missing units whose parent is not missing from the
// same versions: art.16 stands for art.16.1, art.16.1.a…
func outermost(ms []align.Missing) []align.Missing {
	key := func(m align.Missing) string { return strings.Join(m.Langs, ",") }
	missing := map[string]string{}
	for _, m := range ms {
		missing[m.Addr] = key(m)
	}
	var out []align.Missing
	for _, m := range ms {
		covered := false
		for a := segment.ParentAddr(m.Addr); a != ""; a = segment.ParentAddr(a) {
			if missing[a] == key(m) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, m)
		}
	}
	return out
}

// missingByLang sums the outermost missing units up per language, runs of
// consecutive articles written as ranges: "ar: pre, ch.1, art.16–art.68".
func missingByLang(ms []align.Missing) []string {
	var langs []string
	per := map[string][]string{}
	for _, m := range ms {
		for _, l := range m.Langs {
			if per[l] == nil {
				langs = append(langs, l)
			}
			per[l] = append(per[l], m.Addr)
		}
	}
	var out []string
	for _, l := range langs {
		out = append(out, l+": "+strings.Join(ranges(per[l]), ", "))
	}
	return out
}

// ranges writes runs of consecutive article addresses as first–last.
func ranges(addrs []string) []string {
	var out []string
	for i := 0; i < len(addrs); {
		j := i
		for j+1 < len(addrs) && nextArticle(addrs[j], addrs[j+1]) {
			j++
		}
		if j > i+1 {
			out = append(out, addrs[i]+"–"+addrs[j])
		} else {
			out = append(out, addrs[i:j+1]...)
		}
		i = j + 1
	}
	return out
}

func nextArticle(a, b string) bool {
	var x, y int
	if _, err := fmt.Sscanf(a, "art.%d", &x); err != nil || strings.Count(a, ".") != 1 {
		return false
	}
	if _, err := fmt.Sscanf(b, "art.%d", &y); err != nil || strings.Count(b, ".") != 1 {
		return false
	}
	return y == x+1
}
