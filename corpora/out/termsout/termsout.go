package termsout

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"concord/align/terms"
	"concord/corpora/out"
	"concord/segment/langtag"
)

// langs returns the languages of a glossary, each once, in input order,
// then any other language its entries use, sorted.
func langs(g *terms.Glossary) []string {
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
	Confidence  float64           `json:"confidence"`
	Freq        int               `json:"freq"`
	Occurrences []string          `json:"occurrences"`
	Context     map[string]string `json:"context"`
}

// JSON writes the glossary's entries as a JSON list: {"terms": {lang:
// term}, "kind": "defined"|"candidate", "addr", "definition": {lang:
// text}, "score", "confidence", "freq", "occurrences": [addr…], "context": {lang:
// sentence}}. Every key is always present (empty objects and lists rather
// than null); map keys come sorted.
func JSON(w io.Writer, g *terms.Glossary, opt Options) error {
	return out.JSON(w, entries(g), opt.Compact)
}

// entries are the glossary's entries as JSON.
func entries(g *terms.Glossary) []entryJSON {
	list := make([]entryJSON, 0, len(g.Entries))
	for _, e := range g.Entries {
		j := entryJSON{Terms: nonNil(e.Terms), Kind: string(e.Kind), Addr: e.Addr, Definition: nonNil(e.Definition),
			Score: out.Round(e.Score, 3), Confidence: out.Round(e.Confidence, 3), Freq: e.Freq, Occurrences: e.Occurrences, Context: nonNil(e.Context)}
		if j.Occurrences == nil {
			j.Occurrences = []string{}
		}
		list = append(list, j)
	}
	return list
}

type issueJSON struct {
	Kind    string `json:"kind"`
	Lang    string `json:"lang"`
	Term    string `json:"term"`
	Addr    string `json:"addr"`
	Message string `json:"message"`
}

// Record writes the whole glossary as one JSON object, {"entries": [the
// JSON format], "issues": [{"kind", "lang", "term", "addr", "message"}]}:
// the glossary of a set in a batch's JSON Lines.
func Record(w io.Writer, g *terms.Glossary, opt Options) error {
	doc := struct {
		Entries []entryJSON `json:"entries"`
		Issues  []issueJSON `json:"issues"`
	}{Entries: entries(g), Issues: make([]issueJSON, 0, len(g.Issues))}
	for _, is := range g.Issues {
		doc.Issues = append(doc.Issues, issueJSON{string(is.Kind), is.Lang, is.Term, is.Addr, is.Message})
	}
	return out.JSON(w, doc, opt.Compact)
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// CSV writes the glossary as CSV (RFC 4180) with a header row: kind,
// addr, the term in each language, the definition in each language,
// score, confidence, freq, occurrences (space-separated) and the context
// in each language. Text cells that a spreadsheet would read as a formula
// (=, +, -, @ first) start with an apostrophe (see out.CSVCell).
//
// The file starts with a UTF-8 byte order mark, so that spreadsheet
// programs (Excel) read it as UTF-8; CSV readers that do not want it must
// skip it.
func CSV(w io.Writer, g *terms.Glossary, _ Options) error {
	ls := langs(g)
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := []string{"kind", "addr"}
	for _, l := range ls {
		head = append(head, "term_"+l)
	}
	for _, l := range ls {
		head = append(head, "definition_"+l)
	}
	head = append(head, "score", "confidence", "freq", "occurrences")
	for _, l := range ls {
		head = append(head, "context_"+l)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, e := range g.Entries {
		row := []string{string(e.Kind), out.CSVCell(e.Addr)}
		for _, l := range ls {
			row = append(row, out.CSVCell(e.Terms[l]))
		}
		for _, l := range ls {
			row = append(row, out.CSVCell(e.Definition[l]))
		}
		row = append(row, strconv.FormatFloat(out.Round(e.Score, 3), 'f', -1, 64), strconv.FormatFloat(out.Round(e.Confidence, 3), 'f', -1, 64),
			strconv.Itoa(e.Freq), out.CSVCell(strings.Join(e.Occurrences, " ")))
		for _, l := range ls {
			row = append(row, out.CSVCell(e.Context[l]))
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
func Issues(w io.Writer, g *terms.Glossary) error {
	for _, is := range g.Issues {
		if _, err := io.WriteString(w, string(is.Kind)+"\t"+is.Lang+"\t"+is.Term+"\t"+out.OneLine(is.Message)+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// TSV writes a bilingual glossary in OmegaT's layout, one term pair a
// line: source term, target term, comment. The source language is the
// glossary's first, the target Options.Target or else the second; the
// comment holds the kind, the address, the target's definition and, for
// candidates, score and frequency. Entries without both terms are left
// out. OmegaT reads the file from a project's glossary folder.
func TSV(w io.Writer, g *terms.Glossary, opt Options) error {
	ls := langs(g)
	if len(ls) < 2 {
		return nil
	}
	src, tgt := ls[0], ls[1]
	if opt.Target != "" {
		tgt = langtag.Base(opt.Target)
	}
	bw := bufio.NewWriter(w)
	for _, e := range g.Entries {
		s, t := e.Terms[src], e.Terms[tgt]
		if s == "" || t == "" || src == tgt {
			continue
		}
		comment := string(e.Kind)
		if e.Addr != "" {
			comment += " " + e.Addr
		}
		if d := e.Definition[tgt]; d != "" {
			comment += ": " + d
		}
		if e.Kind == terms.KindCandidate {
			comment += fmt.Sprintf(" (score %g, frequency %d)", out.Round(e.Score, 3), e.Freq)
		}
		bw.WriteString(out.TSVField(s) + "\t" + out.TSVField(t) + "\t" + out.TSVField(comment) + "\n")
	}
	return bw.Flush()
}

// Options control the writers.
type Options struct {
	Tags    langtag.Policy // the language tags to write in TBX (nil: what CAT tools expect)
	Target  string         // TSV: the target language (default: the glossary's second)
	Title   string         // TBX: the title in the header; "" names the documents
	Compact bool           // JSON: on one line (a record of JSON Lines)
}

// Formats are the formats of concord terms, TBX first (the default).
var Formats = out.NewRegistry(
	out.Format[*terms.Glossary, Options]{Name: "tbx", Exts: []string{".tbx"}, Write: TBX,
		Summary: "TBX-Basic v3 (ISO 30042:2019, DCA style)"},
	out.Format[*terms.Glossary, Options]{Name: "tbx2", Write: TBX2,
		Summary: "TBX-Basic v2 (martif, ISO 30042:2008), what OmegaT, Trados, memoQ and translate-toolkit import"},
	out.Format[*terms.Glossary, Options]{Name: "tsv", Exts: []string{".tsv", ".tab", ".utf8"}, Write: TSV,
		Summary: "an OmegaT glossary: source term, target term, comment"},
	out.Format[*terms.Glossary, Options]{Name: "csv", Exts: []string{".csv"}, Write: CSV,
		Summary: "kind, addr, term_<lang>…, definition_<lang>…, score, confidence, freq, occurrences, context_<lang>… (UTF-8 with BOM)"},
	out.Format[*terms.Glossary, Options]{Name: "json", Exts: []string{".json"}, Write: JSON,
		Summary: `[{"terms": {lang: term}, "kind", "addr", "definition": {lang: text}, "score", "confidence", "freq", "occurrences": [addr…], "context": {lang: sentence}}]`},
	out.Format[*terms.Glossary, Options]{Name: "xlsx", Exts: []string{".xlsx"}, Write: XLSX,
		Summary: "a spreadsheet: a row per entry, the columns of csv, a column per language"},
)
