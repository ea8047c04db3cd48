package main

import (
	"bytes"
	"fmt"
	"io"

	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/out/diffout"
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
    (default)        JSON Lines on standard output, one object per pair
                     (--format json and jsonl name it too):
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
func runDiffBatch(b *batchFlags, df *diffFlags, args []string, stdout, stderr io.Writer) int {
	if err := b.check(args); err != nil {
		return fail(stderr, "diff", err)
	}
	if b.outDir == "" && df.of.format != "" && df.of.format != "jsonl" && df.of.format != "json" {
		return fail(stderr, "diff", fmt.Errorf("format %q in batch mode without --out-dir (one stream): want jsonl (or json)", df.of.format))
	}
	of := df.of
	if b.outDir == "" {
		of.format = ""
	}
	file, _, err := batchFormat(b, of, diffout.Formats, "jsonl")
	if err != nil {
		return fail(stderr, "diff", err)
	}
	opt, err := df.options()
	if err != nil {
		return fail(stderr, "diff", err)
	}
	lopt, _, err := df.in.options()
	if err != nil {
		return fail(stderr, "diff", err)
	}
	wopt, err := df.writeOptions()
	if err != nil {
		return fail(stderr, "diff", err)
	}
	m, err := b.sets(batch.ManifestOptions{Names: []string{"old", "new"}, Columns: 2}, nil, "diff", stderr)
	if err != nil {
		return fail(stderr, "diff", err)
	}
	if m.Cols != nil && (m.Cols[0] != "old" || m.Cols[1] != "new") {
		return fail(stderr, "diff", fmt.Errorf("%s: the header names %s, %s: want old, new", b.manifest, m.Cols[0], m.Cols[1]))
	}
	ext := file.Name
	if ext == "text" {
		ext = "txt"
	}
	job := batch.Job{Command: "diff", Key: "report", Ext: ext}
	job.Do = func(s batch.Set) (*batch.Output, error) {
		if len(s.Files) != 2 || s.Files[0] == "" || s.Files[1] == "" {
			return nil, fmt.Errorf("want OLD and NEW")
		}
		docs, err := corpora.LoadFiles(s.Files, nil, lopt)
		if err != nil {
			return nil, err
		}
		rep, note, err := df.compare(docs[0], docs[1], opt)
		if err != nil {
			return nil, err
		}
		sub := rep.Substantive()
		o := &batch.Output{Substantive: &sub, Notes: b.notes(docs...)}
		if note != "" {
			o.Notes = append(o.Notes, note)
		}
		if df.statusOnly {
			rep = rep.StatusOnly()
		}
		if b.outDir != "" {
			o.File = func(w io.Writer) error { return file.Write(w, rep, wopt) }
			return o, nil
		}
		var buf bytes.Buffer
		err = diffout.JSON(&buf, rep, diffout.Options{Compact: true})
		o.Record = buf.Bytes()
		return o, err
	}
	return runJob(b, m, job, "", stdout, stderr)
}
