package main

import (
	"fmt"
	"io"

	"concord/align/terms"
	"concord/corpora/batch"
	"concord/corpora/out/termsout"
)

func runTermsBatch(c *invocation[*terms.Glossary, termsout.Options], b *batchFlags, tf *termsFlags) int {
	file, _, err := batchFormat(c, b, "jsonl")
	if err != nil {
		return c.fail(err)
	}
	wopt, err := tf.writeOptions()
	if err != nil {
		return c.fail(err)
	}
	m, langs, lopt, err := b.versionSets("terms", &c.in, c.stderr)
	if err != nil {
		return c.fail(err)
	}
	job := batch.Job{Command: "terms", Key: "glossary", Ext: file.FileExt()}
	job.Do = func(s batch.Set) (*batch.Output, error) {
		files, fileLangs := setFiles(s, langs)
		if len(files) == 0 {
			return nil, fmt.Errorf("no file")
		}
		g, err := tf.extract(files, fileLangs, lopt, io.Discard)
		if err != nil {
			return nil, err
		}
		return setOutput(b, &batch.Output{}, file, g, wopt, termsout.Record, termsout.Options{Compact: true})
	}
	return runJob(b, m, job, c.of.output, c.stdout, c.stderr)
}
