package main

import (
	"bytes"
	"fmt"
	"io"

	"concord/corpora/batch"
	"concord/corpora/out/termsout"
)

func runTermsBatch(b *batchFlags, tf *termsFlags, args []string, stdout, stderr io.Writer) int {
	if err := b.check(args); err != nil {
		return fail(stderr, "terms", err)
	}
	file, _, err := batchFormat(b, tf.of, termsout.Formats, "jsonl")
	if err != nil {
		return fail(stderr, "terms", err)
	}
	wopt, err := tf.writeOptions()
	if err != nil {
		return fail(stderr, "terms", err)
	}
	m, langs, lopt, err := b.versionSets("terms", &tf.in, stderr)
	if err != nil {
		return fail(stderr, "terms", err)
	}
	job := batch.Job{Command: "terms", Key: "glossary", Ext: file.Name}
	job.Do = func(s batch.Set) (*batch.Output, error) {
		files, fileLangs := setFiles(s, langs)
		if len(files) == 0 {
			return nil, fmt.Errorf("no file")
		}
		g, err := tf.extract(files, fileLangs, lopt, io.Discard)
		if err != nil {
			return nil, err
		}
		o := &batch.Output{}
		if b.outDir != "" {
			o.File = func(w io.Writer) error { return file.Write(w, g, wopt) }
			return o, nil
		}
		var buf bytes.Buffer
		err = termsout.Record(&buf, g, termsout.Options{Compact: true})
		o.Record = buf.Bytes()
		return o, err
	}
	return runJob(b, m, job, tf.of.output, stdout, stderr)
}
