package main

import (
	"bytes"
	"fmt"
	"io"

	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/out/diffout"
)

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
