package diffout

import (
	"html/template"
	"io"
	"strconv"
	"strings"

	"concord/align/diff"
	"concord/corpora/out"
)

// HTML writes one self-contained redline page: inline CSS, no scripts, no
// external resources. Deletions are <del>, insertions <ins>, status
// changes badges; a table of contents links to every changed article.
// Every text is escaped by html/template, so markup in a draft shows as
// text.
func HTML(w io.Writer, r *diff.Report, _ Options) error {
	return htmlPage.Execute(out.HTMLWriter(w), newHTMLView(r))
}

type htmlView struct {
	Title       string
	Old, New    string
	Lang, Mode  string
	Verdict     string
	Head        []string
	Rows        [][]string
	Transitions []htmlTransition
	Stale       []diff.StaleRef
	Dangling    []diff.StaleRef
	TOC         []htmlGroup
	// Dir is "rtl" for a language written right to left (Arabic): the
	// texts of the units carry it, and their language, so that the browser
	// lays them out right to left (the full stop at the end, not next to
	// the first word); the page around them stays left to right.
	Dir string
}

type htmlTransition struct {
	From, To, Where string
	Count           int
}

// htmlGroup is the changes of one article (or other top unit).
type htmlGroup struct {
	ID    string
	Title string
	Op    string // the article's own op, for the TOC badge
	Items []htmlItem
}

type htmlItem struct {
	Addr, Op, OpClass, Label, Status string
	Depth                            int
	Fields                           []htmlField
}

type htmlField struct {
	Name   string // "" for the text
	Pieces []htmlPiece
}

type htmlPiece struct {
	Kind string // "eq", "del", "ins"
	Text string
}

func newHTMLView(r *diff.Report) *htmlView {
	mode := string(r.Granularity) + " diff"
	if r.Strict {
		mode += ", strict"
	}
	v := &htmlView{
		Title:    "Comparison: " + r.Old.Name + " → " + r.New.Name,
		Old:      r.Old.Name,
		New:      r.New.Name,
		Lang:     r.Lang,
		Mode:     mode,
		Verdict:  verdict(r),
		Stale:    r.StaleRefs,
		Dangling: r.Dangling,
		Dir:      out.Dir(r.Lang),
	}
	v.Head, v.Rows = countRows(r.Summary)
	for _, t := range r.Transitions {
		v.Transitions = append(v.Transitions, htmlTransition{statusName(t.From), statusName(t.To), addrList(t.Addrs, 12), t.Count})
	}
	index := map[string]int{}
	for _, it := range items(r) {
		var key, title string
		var hi htmlItem
		if it.run != nil {
			first := it.run[0]
			key = "run:" + first.NewAddr
			title = runText(it.run)
			hi = htmlItem{Addr: title, Op: "renumbered", OpClass: "renumbered"}
		} else {
			c := it.c
			key = c.Article
			if c.InDeleted {
				key = "old:" + c.Article
			}
			title = c.Article
			if c.InDeleted {
				title += " (deleted)"
			}
			hi = htmlItem{Addr: addrs(c), Op: opText(c), OpClass: string(c.Op), Label: labels(c), Status: statusText(c), Depth: c.Depth}
			for _, f := range fields(c, r.Strict) {
				hf := htmlField{}
				if f.Field != diff.FieldText {
					hf.Name = string(f.Field)
				}
				for _, p := range f.Pieces {
					kind := "eq"
					switch p.Op {
					case diff.Del:
						kind = "del"
					case diff.Ins:
						kind = "ins"
					}
					hf.Pieces = append(hf.Pieces, htmlPiece{kind, p.Text})
				}
				hi.Fields = append(hi.Fields, hf)
			}
		}
		g, ok := index[key]
		if !ok {
			g = len(v.TOC)
			index[key] = g
			v.TOC = append(v.TOC, htmlGroup{ID: htmlID(key, g), Title: title})
		}
		if it.run != nil || it.c.Depth == 0 {
			v.TOC[g].Op = hi.OpClass
			if it.c != nil && !it.c.InDeleted {
				v.TOC[g].Title = addrs(it.c)
			}
		}
		v.TOC[g].Items = append(v.TOC[g].Items, hi)
	}
	return v
}

// htmlID makes an element id from a group key: letters, digits and hyphens
// only, numbered to be unique.
func htmlID(key string, n int) string {
	var b strings.Builder
	b.WriteString("u-")
	for _, r := range key {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String() + "-" + strconv.Itoa(n)
}

var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans", system-ui, sans-serif; line-height: 1.6; margin: 0; color: #1b1b1b; background: #fff; }
header, main, nav { max-width: 62rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta { color: #555; margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .2rem .6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
nav ol { columns: 14rem; padding-left: 1.2rem; }
nav li { break-inside: avoid; }
section.group { border-top: 1px solid #e3e3e3; }
.item { margin: .6rem 0 1rem; }
.item[data-depth="1"] { margin-left: 1.5rem; }
.item[data-depth="2"] { margin-left: 3rem; }
.item[data-depth="3"], .item[data-depth="4"] { margin-left: 4.5rem; }
.addr { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
.label { color: #555; margin-left: .5rem; }
.badge { display: inline-block; font-size: .75rem; border-radius: .6rem; padding: 0 .55rem; margin-left: .4rem; border: 1px solid transparent; }
.badge.changed { background: #fff4d6; border-color: #e0b84c; }
.badge.added { background: #dff5e1; border-color: #5aa469; }
.badge.deleted { background: #fde2e2; border-color: #d46a6a; }
.badge.moved { background: #e4e9fb; border-color: #6c82d0; }
.badge.renumbered { background: #eee; border-color: #999; }
.badge.status { background: #f1e6fb; border-color: #9b6cc7; }
.field { margin: .2rem 0; white-space: pre-wrap; }
.field .name { color: #555; font-style: italic; margin-right: .4rem; }
del { background: #fde2e2; color: #8a1f1f; text-decoration: line-through; }
ins { background: #dff5e1; color: #1d5f2a; text-decoration: underline; }
footer { max-width: 62rem; margin: 2rem auto; padding: 0 1.5rem; color: #777; font-size: .85rem; }
</style>
</head>
<body>
<header>
<h1>Comparison of revisions</h1>
<p class="meta">Old: <strong>{{.Old}}</strong> · New: <strong>{{.New}}</strong> · {{.Lang}}, {{.Mode}}</p>
<p class="verdict">{{.Verdict}}</p>
</header>
<main>
<h2 id="summary">Summary</h2>
<table class="summary">
<tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range $i, $c := .}}{{if $i}}<td class="n">{{$c}}</td>{{else}}<th>{{$c}}</th>{{end}}{{end}}</tr>
{{end}}</table>
{{if .Transitions}}<h2 id="status">Status transitions</h2>
<table class="transitions">
<tr><th>from</th><th>to</th><th>units</th><th>where</th></tr>
{{range .Transitions}}<tr><td><span class="badge status">{{.From}}</span></td><td><span class="badge status">{{.To}}</span></td><td class="n">{{.Count}}</td><td>{{.Where}}</td></tr>
{{end}}</table>
{{end}}{{if .Stale}}<h2 id="stale">Stale cross-references</h2>
<table class="stale">
<tr><th>unit</th><th>reference</th><th>problem</th></tr>
{{range .Stale}}<tr><td class="addr">{{.Addr}}</td><td lang="{{$.Lang}}" dir="{{$.Dir}}">{{.Ref}}</td><td>{{.Message}}</td></tr>
{{end}}</table>
{{end}}{{if .Dangling}}<h2 id="dangling">Dangling cross-references</h2>
<p>To articles that exist in neither revision.</p>
<table class="stale">
<tr><th>unit</th><th>reference</th><th>problem</th></tr>
{{range .Dangling}}<tr><td class="addr">{{.Addr}}</td><td lang="{{$.Lang}}" dir="{{$.Dir}}">{{.Ref}}</td><td>{{.Message}}</td></tr>
{{end}}</table>
{{end}}{{if .TOC}}<h2 id="contents">Contents</h2>
<nav><ol class="toc">
{{range .TOC}}<li><a href="#{{.ID}}">{{.Title}}</a>{{if .Op}} <span class="badge {{.Op}}">{{.Op}}</span>{{end}}</li>
{{end}}</ol></nav>
<h2 id="changes">Changes</h2>
{{range .TOC}}<section class="group" id="{{.ID}}">
{{range .Items}}<div class="item" data-depth="{{.Depth}}">
<h3><span class="addr">{{.Addr}}</span>{{if .Label}}<span class="label">{{.Label}}</span>{{end}}<span class="badge {{.OpClass}}">{{.Op}}</span>{{if .Status}}<span class="badge status">status {{.Status}}</span>{{end}}</h3>
{{range .Fields}}<p class="field" lang="{{$.Lang}}" dir="{{$.Dir}}">{{if .Name}}<span class="name">{{.Name}}:</span>{{end}}{{range .Pieces}}{{if eq .Kind "del"}}<del>{{.Text}}</del>{{else if eq .Kind "ins"}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}</p>
{{end}}</div>
{{end}}</section>
{{end}}{{end}}</main>
<footer>Generated by concord diff.</footer>
</body>
</html>
`))
