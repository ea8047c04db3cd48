package main

import (
	"fmt"
	"io"

	"concord/align/diff"
	"concord/corpora/batch"
	"concord/corpora/diffout"
)

// diffBatchUsage is the batch part of diff's usage.
const diffBatchUsage = `
Batch mode: many revision pairs, on all cores
  concord diff --batch PAIRS.tsv [--out-dir DIR] [flags]

  --batch PAIRS.tsv  TSV, one pair a line: OLD<TAB>NEW; an optional header
                     old<TAB>new (with an "id" column to name the pairs);
                     relative paths are from the manifest's directory;
                     lines starting with # are comments.
  Output, in manifest order whatever --jobs is:
    (default)        JSON Lines on standard output, one object per pair:
                     {"set", "index", "files": [OLD, NEW], "ok": true,
                      "substantive": true, "report": {the json format}}
                     {"set", "index", "files", "ok": false, "error": "file: reason"}
    --out-dir DIR    one file per pair, DIR/ID.EXT in --format (text → .txt,
                     uncoloured; md, html, json), and a status record per
                     pair as JSON Lines on standard output
  ID is the id column, else OLD's name less its extension. --resume skips
  the pairs whose file exists (files are renamed into place when complete).
  Progress on standard error: a bar on a terminal, else a plain line every
  --progress-interval; --quiet for none. A failing pair is reported (file
  and reason) and the others go on.
  Exit status: 2 if some pair failed, else 1 if some pair differs in
  substance, else 0.

  concord diff --batch revisions.tsv --status-only > changes.jsonl
  concord diff --batch revisions.tsv --out-dir redlines/ --format html --jobs 2
`

// diffBatch holds diff's flags for batch mode.
type diffBatch struct {
	in         inputFlags
	format     string
	gran       string
	strict     bool
	statusOnly bool
}

// diffExt is the file extension of each diff format.
var diffExt = map[string]string{"text": "txt", "md": "md", "html": "html", "json": "json"}

func runDiffBatch(bf *batchFlags, o diffBatch, formatSet bool, stdout, stderr io.Writer) int {
	format := ""
	if formatSet || bf.outDir != "" {
		format = o.format
	}
	format, err := batchFormat(format, "", bf.outDir != "", "text", []string{"text", "md", "html", "json"}, []string{"jsonl"})
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if o.gran != "word" && o.gran != "char" {
		return fail(stderr, "diff", fmt.Errorf("unknown granularity %q: want word or char", o.gran))
	}
	if _, err := o.in.options(""); err != nil {
		return fail(stderr, "diff", err)
	}
	m, err := bf.sets(batch.ManifestOptions{Names: []string{"old", "new"}, Columns: 2}, nil, "diff", stderr)
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if m.Cols != nil && (m.Cols[0] != "old" || m.Cols[1] != "new") {
		return fail(stderr, "diff", fmt.Errorf("%s: the header names %s, %s: want old, new", bf.manifest, m.Cols[0], m.Cols[1]))
	}
	r := batchRun{cmd: "diff", bf: bf, sets: m, ext: diffExt[format]}
	r.work = func(s batch.Set) (*setOutput, error) {
		if len(s.Files) != 2 || s.Files[0] == "" || s.Files[1] == "" {
			return nil, fmt.Errorf("want OLD and NEW")
		}
		out := &setOutput{key: "report"}
		oldDoc, err := o.in.load(s.Files[0], "")
		if err != nil {
			return nil, err
		}
		newDoc, err := o.in.load(s.Files[1], "")
		if err != nil {
			return nil, err
		}
		for _, w := range oldDoc.Warnings {
			out.notes = append(out.notes, w.String())
		}
		for _, w := range newDoc.Warnings {
			out.notes = append(out.notes, w.String())
		}
		if o.in.lang == "" && oldDoc.Lang != newDoc.Lang {
			out.notes = append(out.notes, fmt.Sprintf("%s is %s but %s is %s; comparing as %s (set --lang)",
				oldDoc.Name, oldDoc.Lang, newDoc.Name, newDoc.Lang, newDoc.Lang))
		}
		rep, err := diff.Compare(oldDoc, newDoc, diff.Options{
			Lang:        o.in.lang,
			Granularity: diff.Granularity(o.gran),
			Strict:      o.strict,
		})
		if err != nil {
			return nil, err
		}
		sub := rep.Substantive()
		out.substantive = &sub
		shown := rep
		if o.statusOnly {
			shown = rep.StatusOnly()
		}
		if bf.outDir != "" {
			out.file = func(w io.Writer) error { return writeDiff(w, shown, format) }
			return out, nil
		}
		out.result, err = compactJSON(func(w io.Writer) error { return diffout.JSON(w, shown) })
		return out, err
	}
	return runBatch(r, stdout, stderr)
}

// writeDiff writes a report in one of diff's formats, text uncoloured.
func writeDiff(w io.Writer, rep *diff.Report, format string) error {
	switch format {
	case "json":
		return diffout.JSON(w, rep)
	case "md":
		return diffout.Markdown(w, rep)
	case "html":
		return diffout.HTML(w, rep)
	}
	return diffout.Text(w, rep, diffout.TextOptions{})
}
