package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/testenv"
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
// r0/2015_a_69_767.zh.txt), and a manifest with a header naming the
// languages. With copies > 1 the corpus is replicated into distinct
// files (r0/…, r1/…), so that a 10× corpus reads ten times the files, and
// the manifest has an id column (r1/2015_a_69_767).
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	mf, err := os.Create(c.manifest)
	if err != nil {
		tb.Fatal(err)
	}
	mw := bufio.NewWriter(mf)
	withID := copies > 1 // the copies share file names: an id column tells them apart
	if withID {
		mw.WriteString("id\t")
	}
	mw.WriteString(strings.Join(unpcLangs, "\t") + "\n")
	for r := range copies {
		sub := fmt.Sprintf("r%d", r)
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			tb.Fatal(err)
		}
		for _, sym := range order {
			name := strings.ReplaceAll(sym, "/", "_")
			var row []string
			if withID {
				row = append(row, sub+"/"+name)
			}
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

// TestBatchUNPCIdentity: the regrouped UN corpus aligned with --presplit
// semantics through the batch engine gives the same bytes on one worker
// and on two (and with a window of two), every set succeeds, and a set's
// record holds what concord align gives for that set alone.
func TestBatchUNPCIdentity(t *testing.T) {
	limit := 0 // all 732 documents
	if raceEnabled || testing.Short() {
		limit = 120
	}
	c := writeUNPC(t, t.TempDir(), 1, limit)
	outs := map[string]string{}
	for _, jw := range [][2]string{{"1", "0"}, {"2", "0"}, {"2", "2"}} {
		out := filepath.Join(c.dir, "out"+jw[0]+jw[1]+".jsonl")
		_, errs, code := runConcord(t, "align", "--batch", c.manifest, "--presplit", "--jobs", jw[0], "--window", jw[1], "-o", out, "--quiet")
		if code != exitOK || errs != "" {
			t.Fatalf("--jobs %s: exit %d: %s", jw[0], code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs[jw[0]+"/"+jw[1]] = string(b)
	}
	one := outs["1/0"]
	if outs["2/0"] != one || outs["2/2"] != one {
		t.Fatal("the output on two workers differs from the output on one")
	}
	recs := strings.Split(strings.TrimRight(one, "\n"), "\n")
	if len(recs) != c.docs || strings.Count(one, `"ok":true`) != c.docs {
		t.Fatalf("%d records, %d ok, want %d", len(recs), strings.Count(one, `"ok":true`), c.docs)
	}
	// spot checks against the single command
	for _, k := range []int{0, 1, len(recs) / 2, len(recs) - 1} {
		var files []string
		for _, l := range unpcLangs {
			files = append(files, filepath.Join(c.dir, "r0", unpcName(t, recs[k])+"."+l+".txt"))
		}
		// the manifest's header names the languages: so does --lang here
		single, _, code := runConcord(t, append([]string{"align", "--presplit", "--format", "json", "--lang", strings.Join(unpcLangs, ",")}, files...)...)
		if code != exitOK || !strings.HasSuffix(recs[k], `"alignment":`+compact(t, single)+"}") {
			t.Errorf("set %d differs from concord align on its files", k)
		}
	}
}

// unpcName is the set ID of a JSON Lines record.
func unpcName(t *testing.T, rec string) string {
	t.Helper()
	_, rest, ok := strings.Cut(rec, `{"set":"`)
	name, _, ok2 := strings.Cut(rest, `"`)
	if !ok || !ok2 {
		t.Fatalf("no set in %.80s", rec)
	}
	return name
}
