package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/internal/testenv"
)

// unpcLangs are the columns of the regrouped UN corpus, pivot first.
var unpcLangs = []string{"ar", "zh", "en", "fr", "ru", "es"}

// unpcCorpus is the UN Parallel Corpus dev set regrouped into documents.
type unpcCorpus struct {
	dir      string // the files, DIR/rK/SYMBOL.LANG.txt
	manifest string // DIR/manifest.tsv: header ar zh en fr ru es, a set a line
	docs     int    // document sets
	bytes    int64  // bytes of all the files
}

// writeUNPC regroups the dev set into its 732 documents × six languages:
// one file per document per language, one sentence a line in dev-set
// order, named after the document symbol (2015/a/69/767 →
// 2015_a_69_767.zh.txt), and a manifest with a header naming the
// languages. With copies > 1 the corpus is replicated into distinct
// files (r0/…, r1/…), so that a 10× corpus reads ten times the files.
// limit > 0 keeps the first limit documents.
func writeUNPC(tb testing.TB, dir string, copies, limit int) unpcCorpus {
	tb.Helper()
	ids := strings.Split(strings.TrimRight(testenv.Read(tb, "unpc-devset/UNv1.0.devset.ids"), "\n"), "\n")
	lines := map[string][]string{}
	for _, l := range unpcLangs {
		ls := strings.Split(strings.TrimRight(testenv.Read(tb, "unpc-devset/UNv1.0.devset."+l), "\n"), "\n")
		if len(ls) != len(ids) {
			tb.Fatalf("%s has %d lines, the ids %d", l, len(ls), len(ids))
		}
		lines[l] = ls
	}
	var order []string
	docLines := map[string][]int{}
	for i, id := range ids {
		sym, _, _ := strings.Cut(id, " ")
		if _, ok := docLines[sym]; !ok {
			order = append(order, sym)
		}
		docLines[sym] = append(docLines[sym], i)
	}
	if limit > 0 && limit < len(order) {
		order = order[:limit]
	}
	c := unpcCorpus{dir: dir, manifest: filepath.Join(dir, "manifest.tsv"), docs: len(order) * copies}
	mf, err := os.Create(c.manifest)
	if err != nil {
		tb.Fatal(err)
	}
	mw := bufio.NewWriter(mf)
	mw.WriteString(strings.Join(unpcLangs, "\t") + "\n")
	for r := range copies {
		sub := fmt.Sprintf("r%d", r)
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			tb.Fatal(err)
		}
		for _, sym := range order {
			name := strings.ReplaceAll(sym, "/", "_")
			var row []string
			for _, l := range unpcLangs {
				var b strings.Builder
				for _, i := range docLines[sym] {
					b.WriteString(lines[l][i])
					b.WriteByte('\n')
				}
				rel := filepath.Join(sub, name+"."+l+".txt")
				if err := os.WriteFile(filepath.Join(dir, rel), []byte(b.String()), 0o644); err != nil {
					tb.Fatal(err)
				}
				c.bytes += int64(b.Len())
				row = append(row, rel)
			}
			mw.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	if err := mw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := mf.Close(); err != nil {
		tb.Fatal(err)
	}
	return c
}
