package segment

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// MarkTable maps a language to the status marks of that language's drafts:
// the words printed inside square brackets, such as 暂定 in [暂定]. It is the
// single place where concord learns what a mark means.
type MarkTable map[string]map[string]Status

// DefaultMarks holds the marks of the documents concord has seen. Only
// Chinese is built in: the L.15 draft prints [暂定] for provisions agreed ad
// referendum and [非正式会议商定] for those agreed in informal consultations.
// Marks of other languages are not guessed; add them with
// [MarkTable.Load] or [MarkTable.Add].
func DefaultMarks() MarkTable {
	return MarkTable{
		"zh": {"暂定": StatusAdRef, "非正式会议商定": StatusInformal},
	}
}

// Add records that mark (the bracketed words, without brackets) means
// status in documents of language lang.
func (t MarkTable) Add(lang, mark string, status Status) {
	if t[lang] == nil {
		t[lang] = map[string]Status{}
	}
	t[lang][NFKC(strings.TrimSpace(mark))] = status
}

// Load reads extra marks, one a line: language, tab, mark, tab, status
// (ad-ref or informal). Blank lines and lines starting with # are skipped.
func (t MarkTable) Load(r io.Reader) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("line %d: want language<TAB>mark<TAB>status, got %q", n, line)
		}
		st := Status(strings.TrimSpace(f[2]))
		if st != StatusAdRef && st != StatusInformal {
			return fmt.Errorf("line %d: unknown status %q (want ad-ref or informal)", n, f[2])
		}
		t.Add(strings.TrimSpace(f[0]), f[1], st)
	}
	return sc.Err()
}

// lookup returns the status of a bracketed mark's inner text in lang.
func (t MarkTable) lookup(lang, inner string) (Status, bool) {
	st, ok := t[lang][strings.TrimSpace(inner)]
	return st, ok
}

// longest returns the length in bytes of the longest mark of lang, to bound
// the search for a closing bracket.
func (t MarkTable) longest(lang string) int {
	n := 0
	for m := range t[lang] {
		n = max(n, len(m))
	}
	return n
}

// Langs returns the languages the table has marks for, sorted.
func (t MarkTable) Langs() []string {
	var out []string
	for l := range t {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
