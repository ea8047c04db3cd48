package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"concord/align"
	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/termout"
	"concord/segment"
)

// termsBatchUsage is the batch part of terms' usage.
const termsBatchUsage = `
Batch mode: a glossary per document set, on all cores
  concord terms --batch MANIFEST [--out-dir DIR] [flags]
  concord terms --batch-dir DIR [--lang zh,en,…] [--out-dir DIR] [flags]

The sets are read as for concord align --batch (a TSV manifest, a file per
language and an optional header naming them, or the files NAME.LANG.EXT of
a directory); each set is taken by itself (no embedded draft). Every set
gets its own glossary, not one glossary for the corpus: a set's terms are
paired over its own aligned sentences, and per-set glossaries stream in
constant memory (merge them downstream by term if you need one list).
  Output, in manifest order whatever --jobs is:
    (default)       JSON Lines to standard output or -o, one object per set:
                    {"set", "index", "files", "ok": true,
                     "glossary": {"entries": [the json format], "issues":
                     [{"kind", "lang", "term", "addr", "message"}]}}
                    {"set", "index", "files", "ok": false, "error": "file: reason"}
    --out-dir DIR   one file per set, DIR/ID.FORMAT (tbx, csv or json), and a
                    status record per set as JSON Lines on standard output or -o
  --resume skips the sets whose file exists (files are renamed into place
  when complete). Progress on standard error: a bar on a terminal, else a
  plain line every --progress-interval; --quiet for none. A failing set is
  reported (file and reason) and the others go on; issues are not printed.
  Exit status: 0 every set done, 2 some set failed.

  concord terms --batch corpus.tsv --presplit --max 50 -o glossaries.jsonl
`

// termsBatch holds terms' flags for batch mode.
type termsBatch struct {
	ti     *termInput
	format string
	out    string
	opt    align.TermOptions
}

type issueJSON struct {
	Kind    string `json:"kind"`
	Lang    string `json:"lang"`
	Term    string `json:"term"`
	Addr    string `json:"addr"`
	Message string `json:"message"`
}

func runTermsBatch(bf *batchFlags, o termsBatch, stdout, stderr io.Writer) int {
	format, err := batchFormat(o.format, o.out, bf.outDir != "", "tbx", []string{"tbx", "csv", "json"}, []string{"jsonl"})
	if err != nil {
		return fail(stderr, "terms", err)
	}
	if _, err := o.ti.in.options(""); err != nil {
		return fail(stderr, "terms", err)
	}
	var dirLangs []string
	langFlag := *o.ti.langs
	if bf.dir != "" && langFlag != "" {
		for _, l := range strings.Split(langFlag, ",") {
			l = strings.TrimSpace(l)
			if !validLang(l) {
				return fail(stderr, "terms", fmt.Errorf("unknown language %q: want one of %s", l, strings.Join(segment.Langs, ", ")))
			}
			dirLangs = append(dirLangs, l)
		}
		langFlag = ""
	}
	m, err := bf.sets(batch.ManifestOptions{Names: segment.Langs}, dirLangs, "terms", stderr)
	if err != nil {
		return fail(stderr, "terms", err)
	}
	langs, err := batchLangs(m, langFlag)
	if err != nil {
		return fail(stderr, "terms", err)
	}
	r := batchRun{cmd: "terms", bf: bf, sets: m, ext: format, out: o.out}
	r.work = func(s batch.Set) (*setOutput, error) {
		g, err := termsSet(s, langs, o)
		if err != nil {
			return nil, err
		}
		out := &setOutput{key: "glossary"}
		if bf.outDir != "" {
			title := "concord glossary: " + strings.Join(g.Names, ", ")
			out.file = func(w io.Writer) error {
				switch format {
				case "csv":
					return termout.CSV(w, g)
				case "json":
					return termout.JSON(w, g)
				}
				return termout.TBX(w, g, title)
			}
			return out, nil
		}
		entries, err := compactJSON(func(w io.Writer) error { return termout.JSON(w, g) })
		if err != nil {
			return nil, err
		}
		issues := make([]issueJSON, 0, len(g.Issues))
		for _, is := range g.Issues {
			issues = append(issues, issueJSON{string(is.Kind), is.Lang, is.Term, is.Addr, is.Message})
		}
		ij, err := json.Marshal(issues)
		if err != nil {
			return nil, err
		}
		out.result = []byte(`{"entries":` + string(entries) + `,"issues":` + string(ij) + `}`)
		return out, nil
	}
	return runBatch(r, stdout, stderr)
}

// termsSet builds one set's glossary as concord terms --alone would.
func termsSet(s batch.Set, langs []string, o termsBatch) (*align.Glossary, error) {
	files, cols := present(s)
	if len(files) == 0 {
		return nil, fmt.Errorf("no file")
	}
	opt := o.opt
	if *o.ti.presplit {
		var texts [][]string
		var ls, names []string
		for k, f := range files {
			text, err := corpora.ReadFile(f, o.ti.in.encoding)
			if err != nil {
				return nil, err
			}
			l := langOfCol(langs, cols[k])
			if l == "" {
				l = segment.DetectLang(text)
			}
			texts = append(texts, strings.Split(strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n"))
			ls = append(ls, l)
			names = append(names, filepath.Base(f))
		}
		for i := range texts[1:] {
			if len(texts[i+1]) != len(texts[0]) {
				return nil, fmt.Errorf("--presplit: %s has %d lines, %s has %d: parallel files need as many lines",
					files[0], len(texts[0]), files[i+1], len(texts[i+1]))
			}
		}
		return align.ParallelTerms(texts, ls, names, nil, opt), nil
	}
	var docs []*segment.Document
	for k, f := range files {
		d, err := o.ti.in.load(f, langOfCol(langs, cols[k]))
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	seg, err := termSegmenter(docs)
	if err != nil {
		return nil, err
	}
	opt.Segmenter = seg
	return align.Terms(docs, opt), nil
}
