package main

import (
	"bytes"
	"fmt"
	"io"

	"concord/corpora/batch"
	"concord/corpora/out/termsout"
	"concord/segment/langtag"
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
    (default)       JSON Lines to standard output or -o, one object per set
                    (--format json and jsonl name it too):
                    {"set", "index", "files", "ok": true,
                     "glossary": {"entries": [the json format], "issues":
                     [{"kind", "lang", "term", "addr", "message"}]}}
                    {"set", "index", "files", "ok": false, "error": "file: reason"}
    --out-dir DIR   one file per set, DIR/ID.FORMAT (tbx, tbx2, tsv, csv,
                    json or xlsx), and a status record per set as JSON Lines
                    on standard output or -o
  --resume skips the sets whose file exists (files are renamed into place
  when complete). Progress on standard error: a bar on a terminal, else a
  plain line every --progress-interval; --quiet for none. A failing set is
  reported (file and reason) and the others go on; issues are not printed.
  Exit status: 0 every set done, 2 some set failed.

  concord terms --batch corpus.tsv --presplit --max 50 -o glossaries.jsonl
`

// termsBatch holds terms' flags for batch mode.
func runTermsBatch(b *batchFlags, tf *termsFlags, args []string, stdout, stderr io.Writer) int {
	if err := b.check(args); err != nil {
		return fail(stderr, "terms", err)
	}
	file, _, err := batchFormat(b, tf.of, termsout.Formats, "jsonl")
	if err != nil {
		return fail(stderr, "terms", err)
	}
	lopt, _, err := tf.in.options()
	if err != nil {
		return fail(stderr, "terms", err)
	}
	wopt, err := tf.writeOptions()
	if err != nil {
		return fail(stderr, "terms", err)
	}
	dirLangs, err := b.dirLangs(&tf.in)
	if err != nil {
		return fail(stderr, "terms", err)
	}
	m, err := b.sets(batch.ManifestOptions{Names: langtag.UN}, dirLangs, "terms", stderr)
	if err != nil {
		return fail(stderr, "terms", err)
	}
	langs, err := b.langs(m, &tf.in)
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
