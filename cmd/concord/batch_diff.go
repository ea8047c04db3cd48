package main

import (
	"fmt"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/out/diffout"
)

func runDiffBatch(c *invocation[*diff.Report, diffout.Options], b *batchFlags, df *diffFlags) int {
	file, _, err := batchFormat(c, b, "jsonl") // without --out-dir: jsonl, the one stream
	if err != nil {
		return c.fail(err)
	}
	opt, err := df.options(c.in.lang)
	if err != nil {
		return c.fail(err)
	}
	lopt, _, err := c.in.options()
	if err != nil {
		return c.fail(err)
	}
	wopt, err := df.writeOptions()
	if err != nil {
		return c.fail(err)
	}
	m, err := b.sets(batch.ManifestOptions{Names: []string{"old", "new"}, Columns: 2}, nil, "diff", c.stderr)
	if err != nil {
		return c.fail(err)
	}
	if m.Cols != nil && (m.Cols[0] != "old" || m.Cols[1] != "new") {
		return c.fail(fmt.Errorf("%s: the header names %s, %s: want old, new", b.manifest, m.Cols[0], m.Cols[1]))
	}
	job := batch.Job{Command: "diff", Key: "report", Ext: file.FileExt()}
	job.Do = func(s batch.Set) (*batch.Output, error) {
		if len(s.Files) != 2 || s.Files[0] == "" || s.Files[1] == "" {
			return nil, fmt.Errorf("want OLD and NEW")
		}
		docs, err := corpora.LoadFiles(s.Files, nil, lopt)
		if err != nil {
			return nil, err
		}
		rep, note, err := compare(docs[0], docs[1], opt)
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
		return setOutput(b, o, file, rep, wopt, diffout.JSON, diffout.Options{Compact: true})
	}
	return runJob(b, m, job, "", c.stdout, c.stderr)
}
