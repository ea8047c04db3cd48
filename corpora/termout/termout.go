// Package termout writes concord's terminology, concordance and
// consistency results: a glossary as TBX-Basic (ISO 30042:2019), CSV or
// JSON; a concordance as text, TSV or JSON; consistency findings as text,
// JSON or Markdown. It is a leaf: it reads align results and writes bytes.
package termout

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"concord/align"
)

// round keeps three decimals, so that output does not depend on the last
// bits of a float.
func round(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Round(f*1000) / 1000
}

// langs returns the languages of a glossary, each once, in input order,
// then any other language its entries use, sorted.
func langs(g *align.Glossary) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range g.Langs {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	var extra []string
	for _, e := range g.Entries {
		for l := range e.Terms {
			if !seen[l] {
				seen[l] = true
				extra = append(extra, l)
			}
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

type entryJSON struct {
	Terms       map[string]string `json:"terms"`
	Kind        string            `json:"kind"`
	Addr        string            `json:"addr"`
	Definition  map[string]string `json:"definition"`
	Score       float64           `json:"score"`
	Freq        int               `json:"freq"`
	Occurrences []string          `json:"occurrences"`
	Context     map[string]string `json:"context"`
}

// JSON writes the glossary's entries as a JSON list: {"terms": {lang:
// term}, "kind": "defined"|"candidate", "addr", "definition": {lang:
// text}, "score", "freq", "occurrences": [addr…], "context": {lang:
// sentence}}. Every key is always present (empty objects and lists rather
// than null); map keys come sorted.
func JSON(w io.Writer, g *align.Glossary) error {
	out := make([]entryJSON, 0, len(g.Entries))
	for _, e := range g.Entries {
		j := entryJSON{Terms: nonNil(e.Terms), Kind: string(e.Kind), Addr: e.Addr, Definition: nonNil(e.Definition),
			Score: round(e.Score), Freq: e.Freq, Occurrences: e.Occurrences, Context: nonNil(e.Context)}
		if j.Occurrences == nil {
			j.Occurrences = []string{}
		}
		out = append(out, j)
	}
	return writeJSON(w, out)
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// writeJSON writes v indented, without escaping HTML characters.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// CSV writes the glossary as CSV (RFC 4180) with a header row: kind,
// addr, the term in each language, the definition in each language,
// score, freq, occurrences (space-separated) and the context in each
// language.
func CSV(w io.Writer, g *align.Glossary) error {
	ls := langs(g)
	cw := csv.NewWriter(w)
	head := []string{"kind", "addr"}
	for _, l := range ls {
		head = append(head, "term_"+l)
	}
	for _, l := range ls {
		head = append(head, "definition_"+l)
	}
	head = append(head, "score", "freq", "occurrences")
	for _, l := range ls {
		head = append(head, "context_"+l)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, e := range g.Entries {
		row := []string{string(e.Kind), e.Addr}
		for _, l := range ls {
			row = append(row, e.Terms[l])
		}
		for _, l := range ls {
			row = append(row, e.Definition[l])
		}
		row = append(row, strconv.FormatFloat(round(e.Score), 'f', -1, 64), strconv.Itoa(e.Freq), strings.Join(e.Occurrences, " "))
		for _, l := range ls {
			row = append(row, e.Context[l])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Issues writes the glossary's consistency issues as text, one a line:
// kind, language, term, message.
func Issues(w io.Writer, g *align.Glossary) error {
	for _, is := range g.Issues {
		if _, err := io.WriteString(w, string(is.Kind)+"\t"+is.Lang+"\t"+is.Term+"\t"+oneLine(is.Message)+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// oneLine puts s on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
