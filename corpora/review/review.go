package review

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"concord/align"
	"concord/corpora/input"
	"concord/segment"
	"concord/segment/langtag"
)

// Limits on a reviewed workbook, on top of input.MaxFileBytes for the file
// itself: all its parts together may decompress to at most
// input.MaxFileBytes, and a worksheet larger than MaxPartBytes is read
// from a temporary file rather than from memory.
const MaxPartBytes = 64 << 20

// Sheet is the name of the sheet Read takes from a workbook that has one
// by that name (else its first sheet).
const Sheet = "alignment"

// The names of the columns that are not languages, and the decisions.
const (
	ColAddr     = "addr"
	ColScore    = "score"
	ColStatus   = "status"
	ColDecision = "decision"

	DecisionKeep   = ""
	DecisionOK     = "ok"
	DecisionReject = "reject"
	DecisionMerge  = "merge"
	DecisionSplit  = "split"
)

// decisions maps what a reviewer may write to a decision.
var decisions = map[string]string{
	"": DecisionKeep, "ok": DecisionOK, "reject": DecisionReject, "merge": DecisionMerge,
	"merge-with-previous": DecisionMerge, "split": DecisionSplit,
}

// Result is a reviewed alignment read back, and what became of its rows.
type Result struct {
	// Alignment holds the links to write, in the order of the rows: Langs,
	// Tags and Names per language column, Links with Addr, Text, Score and
	// Status (IDs are empty: the sentences are the reviewer's now).
	Alignment *align.Alignment
	// Tags writes each language column's tag as the file has it: give it
	// to the writer (alignout.Options.Tags) so that zh-Hans stays zh-Hans.
	Tags     langtag.Policy
	Rows     int       // data rows read
	Rejected int       // rows the reviewer rejected
	Merged   int       // rows merged into the row above
	Split    int       // rows split
	LeftOut  []LeftOut // links with text in fewer than two languages, left out
	Ignored  []string  // the headers of the columns ignored (neither known nor a language)
}

// LeftOut is a link left out of the alignment because it has text in
// fewer than two languages.
type LeftOut struct {
	Row       int      // the row it comes from (the header is row 1)
	Addr      string   // its address
	Langs     []string // the language tags it has text in (none or one)
	Sentences int      // its sentences (lines), left out
}

// ReadFile reads a reviewed alignment from a file, within the limits of
// input.ReadBytes.
func ReadFile(path string) (*Result, error) {
	data, err := input.ReadBytes(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// Read reads a reviewed alignment from data: an xlsx workbook (recognised
// by content: a zip archive) or TSV text in any encoding input.Decode
// reads. name names the file in errors, which are *input.Error values.
func Read(name string, data []byte) (*Result, error) {
	var rows func(yield func(row int, cells []string) error) error
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
			UnzipSizeLimit: input.MaxFileBytes, UnzipXMLSizeLimit: MaxPartBytes})
		if err != nil {
			return nil, &input.Error{File: name, Reason: "not an xlsx workbook: " + err.Error(), Err: err}
		}
		defer f.Close()
		rows = xlsxRows(f)
	} else {
		text, err := input.Decode(name, data, "")
		if err != nil {
			return nil, err
		}
		rows = tsvRows(text)
	}
	r := newReader(name)
	if err := rows(r.row); err != nil {
		if ie, ok := err.(*input.Error); ok {
			return nil, ie
		}
		return nil, &input.Error{File: name, Reason: err.Error(), Err: err}
	}
	return r.result()
}

// xlsxRows yields the rows of the sheet called Sheet, else of the first.
func xlsxRows(f *excelize.File) func(yield func(int, []string) error) error {
	return func(yield func(int, []string) error) error {
		list := f.GetSheetList()
		if len(list) == 0 {
			return fmt.Errorf("the workbook has no sheet")
		}
		name := list[0]
		for _, s := range list {
			if s == Sheet {
				name = s
			}
		}
		rows, err := f.Rows(name)
		if err != nil {
			return err
		}
		defer rows.Close()
		for n := 1; rows.Next(); n++ {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return fmt.Errorf("row %d: %v", n, err)
			}
			if err := yield(n, cells); err != nil {
				return err
			}
		}
		return rows.Error()
	}
}

// tsvRows yields the lines of a TSV text split on tabs; blank lines are
// skipped.
func tsvRows(text string) func(yield func(int, []string) error) error {
	return func(yield func(int, []string) error) error {
		n := 0
		for line := range strings.Lines(text) {
			n++
			line = strings.TrimRight(line, "\r\n")
			if strings.TrimSpace(line) == "" {
				continue
			}
			if err := yield(n, strings.Split(line, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
}

// reader builds the alignment row by row.
type reader struct {
	name   string
	header bool
	width  int // the columns of the header row
	// columns
	addr, score, status, decision int   // -1 when absent
	langCols                      []int // the column of each language
	res                           Result
	a                             *align.Alignment
	rowOf                         []int // the row of each link
	// merged holds the address of each link that rows were merged into,
	// as it grows (nil for the others): a run of merges costs linear
	// time; result moves it into the link.
	merged [][]byte
}

func newReader(name string) *reader {
	return &reader{name: name, addr: -1, score: -1, status: -1, decision: -1,
		a: &align.Alignment{}, res: Result{Tags: langtag.Policy{}}}
}

// row reads one row: the header, then the links.
func (r *reader) row(n int, cells []string) error {
	if !r.header {
		r.header = true
		return r.head(n, cells)
	}
	if blank(cells) {
		return nil
	}
	r.res.Rows++
	cell := func(c int) string {
		if c < 0 || c >= len(cells) {
			return ""
		}
		return cells[c]
	}
	for c := r.width; c < len(cells); c++ {
		if strings.TrimSpace(cells[c]) != "" {
			col, _ := excelize.ColumnNumberToName(c + 1)
			return input.Errorf(r.name, "row %d: text in column %s, which has no header", n, col)
		}
	}
	raw := strings.ToLower(strings.TrimSpace(cell(r.decision)))
	decision, ok := decisions[raw]
	if !ok {
		return input.Errorf(r.name, "row %d: decision %q: want ok, reject, merge or split (or nothing)", n, cell(r.decision))
	}
	addr := strings.TrimSpace(cell(r.addr))
	status := segment.Status(strings.TrimSpace(cell(r.status)))
	score := 0.0
	if s := strings.TrimSpace(cell(r.score)); s != "" {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 0 || f > 1 {
			return input.Errorf(r.name, "row %d: score %q: want a number from 0 to 1", n, s)
		}
		score = f
	}
	lines := make([][]string, len(r.langCols))
	for v, c := range r.langCols {
		lines[v] = splitLines(cell(c))
	}
	switch decision {
	case DecisionReject:
		r.res.Rejected++
	case DecisionMerge:
		if len(r.a.Links) == 0 {
			return input.Errorf(r.name, "row %d: merge, but no row above it to merge with", n)
		}
		r.res.Merged++
		prev := &r.a.Links[len(r.a.Links)-1]
		for v := range lines {
			prev.Text[v] = append(prev.Text[v], lines[v]...)
		}
		r.mergeAddr(len(r.a.Links)-1, addr)
		if prev.Status == "" {
			prev.Status = status
		}
		prev.Score = 1
	case DecisionSplit:
		r.res.Split++
		parts := 1
		for _, ls := range lines {
			parts = max(parts, len(ls))
		}
		for k := range parts {
			text := make([][]string, len(lines))
			for v, ls := range lines {
				if k < len(ls) {
					text[v] = []string{ls[k]}
				}
			}
			r.add(n, addr, text, 1, status)
		}
	case DecisionOK:
		r.add(n, addr, lines, 1, status)
	default:
		r.add(n, addr, lines, score, status)
	}
	return nil
}

func (r *reader) add(row int, addr string, text [][]string, score float64, status segment.Status) {
	r.a.Links = append(r.a.Links, align.Link{Addr: addr, IDs: make([][]int, len(text)), Text: text, Score: score, Status: status})
	r.rowOf = append(r.rowOf, row)
	r.merged = append(r.merged, nil)
}

// mergeAddr joins addr to the address of link k with a "+", unless it is
// empty or the address is addr or already ends in "+"+addr.
func (r *reader) mergeAddr(k int, addr string) {
	if addr == "" {
		return
	}
	cur := r.merged[k]
	if cur == nil {
		cur = []byte(r.a.Links[k].Addr)
	}
	n, m := len(cur), len(addr)
	if string(cur) == addr || n > m && cur[n-m-1] == '+' && string(cur[n-m:]) == addr {
		return
	}
	r.merged[k] = append(append(cur, '+'), addr...)
}

// head reads the header row.
func (r *reader) head(n int, cells []string) error {
	seen := map[string]bool{}
	r.width = len(cells)
	for c, h := range cells {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		key := strings.ToLower(h)
		if seen[key] && h != "" {
			return input.Errorf(r.name, "row %d: two columns named %q", n, h)
		}
		seen[key] = true
		switch key {
		case ColAddr:
			r.addr = c
			continue
		case ColScore:
			r.score = c
			continue
		case ColStatus:
			r.status = c
			continue
		case ColDecision:
			r.decision = c
			continue
		}
		tag, err := langtag.Canonical(h)
		if h == "" || err != nil || !langtag.IsUN(langtag.Base(tag)) {
			if h != "" {
				r.res.Ignored = append(r.res.Ignored, h)
			}
			continue
		}
		base := langtag.Base(tag)
		r.langCols = append(r.langCols, c)
		r.a.Langs = append(r.a.Langs, base)
		t := ""
		if tag != base {
			t = tag
		}
		r.a.Tags = append(r.a.Tags, t)
		r.a.Names = append(r.a.Names, filepath.Base(r.name)+":"+tag)
		r.res.Tags[tag] = tag
	}
	switch {
	case r.addr < 0:
		return input.Errorf(r.name, "row %d: no column named addr: the first row names the columns (addr, score, status, decision, a language tag per language)", n)
	case len(r.langCols) < 2:
		return input.Errorf(r.name, "row %d: %d columns named by a language tag (zh-CN, ar, en…), want two or more", n, len(r.langCols))
	}
	return nil
}

// result keeps the links with text in two languages or more.
func (r *reader) result() (*Result, error) {
	if !r.header {
		return nil, input.Errorf(r.name, "empty: no header row")
	}
	for k, b := range r.merged {
		if b != nil {
			r.a.Links[k].Addr = string(b)
		}
	}
	kept := r.a.Links[:0]
	for i, l := range r.a.Links {
		var langs []string
		sents := 0
		for v, t := range l.Text {
			if len(t) > 0 {
				langs = append(langs, r.tag(v))
				sents += len(t)
			}
		}
		if len(langs) >= 2 {
			kept = append(kept, l)
			continue
		}
		r.res.LeftOut = append(r.res.LeftOut, LeftOut{Row: r.rowOf[i], Addr: l.Addr, Langs: langs, Sentences: sents})
	}
	r.a.Links = kept
	r.res.Alignment = r.a
	return &r.res, nil
}

// tag is the tag of language column v.
func (r *reader) tag(v int) string {
	if r.a.Tags[v] != "" {
		return r.a.Tags[v]
	}
	return r.a.Langs[v]
}

// splitLines cuts a cell into its lines, trimmed, leaving out blank ones.
func splitLines(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for line := range strings.Lines(strings.ReplaceAll(s, "\r\n", "\n")) {
		for _, l := range strings.Split(line, "\r") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Summary says in a few lines what the review did with the file named
// file: rows rejected, merged and split, the units written, the units left
// out for having text in fewer than two languages (with their first rows)
// and the columns ignored.
func (r *Result) Summary(file string) []string {
	lines := []string{fmt.Sprintf("%s: %d rows: %d rejected, %d merged, %d split; %d units",
		file, r.Rows, r.Rejected, r.Merged, r.Split, len(r.Alignment.Links))}
	if n := len(r.LeftOut); n > 0 {
		rows, sents := make([]string, 0, 10), 0
		for i, lo := range r.LeftOut {
			sents += lo.Sentences
			if i < 10 {
				rows = append(rows, strconv.Itoa(lo.Row))
			}
		}
		more := ""
		if n > 10 {
			more = ", …"
		}
		lines = append(lines, fmt.Sprintf("%d units with text in fewer than two languages left out (%d sentences; rows %s%s)",
			n, sents, strings.Join(rows, ", "), more))
	}
	if len(r.Ignored) > 0 {
		lines = append(lines, "columns ignored (not a language tag): "+strings.Join(r.Ignored, ", "))
	}
	return lines
}
