package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"concord/align"
	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/out/alignout"
	"concord/segment"
	"concord/segment/langtag"
)

// alignBatchUsage is the batch part of align's usage.
const alignBatchUsage = `
Batch mode: a corpus of document sets, on all cores
  concord align --batch MANIFEST [--out-dir DIR] [flags]
  concord align --batch-dir DIR [--lang zh,en,…] [--out-dir DIR] [flags]

  --batch MANIFEST  TSV, one set a line, a file per language; an optional
                    header names the languages of the columns (zh<TAB>en…; an
                    "id" column names the sets); an empty field is a language
                    the set lacks; relative paths are from the manifest's
                    directory; lines starting with # are comments. Without a
                    header, --lang names the columns, else each file's
                    language is detected. A manifest of relative paths reads
                    no file outside its directory; --root DIR confines any
                    manifest to DIR.
  --batch-dir DIR   the files under DIR named NAME.LANG.EXT (doc123.zh.txt,
                    doc123.en.txt): one set per NAME, a column per language,
                    in the order of --lang (default: ar, zh, en, fr, ru, es);
                    symbolic links to files of DIR count, others are listed.
The first file of a set is the pivot; a set needs two files (there is no
embedded pivot in batch mode). The other flags (--presplit, --level,
--glossary…) apply to every set.

  Output, in manifest order whatever --jobs is:
    (default)       JSON Lines to standard output or -o, one object per set:
                    {"set", "index", "files", "ok": true, "alignment": {the json format}}
                    {"set", "index", "files", "ok": false, "error": "file: reason"}
    --format tmx    one TMX document with the TUs of every set (tuid
                    "ID:N", prop x-document = the set's ID)
    --out-dir DIR   one file per set, DIR/ID.FORMAT (tmx, tsv, json, html
                    or xlsx), and a status record per set ({"set", "index",
                    "files", "ok", "output", "skipped"|"error"}) as JSON
                    Lines on standard output or -o; with --format tmx
                    --pairs, also DIR/ID.<pivot>_<other>.tmx per pair
  --min-score S keeps the links scored S or more in the TMX and TSV outputs
  (the JSON Lines records keep every link).
  ID is the id column, else the first file's name less its extension and
  language suffix (doc123.zh.txt → doc123). Every output file is written
  to a temporary file and renamed when complete, so --resume skips the
  sets whose output exists; shards may resume into one --out-dir at once.
  No symbolic link inside --out-dir is followed. A progress bar shows on
  standard error when it is a terminal, a plain line every
  --progress-interval when it is not; --quiet shows neither, nor the
  documents' warnings. A failing set is reported on standard error (file
  and reason) and in its record, and the batch goes on.
  Exit status: 0 every set aligned, 2 some set failed (or the batch could
  not run).

  concord align --batch corpus.tsv --presplit -o corpus.jsonl
  concord align --batch-dir docs/ --lang zh,en,fr --out-dir aligned/ --format tmx --resume
`

func runAlignBatch(b *batchFlags, af *alignFlags, args []string, stdout, stderr io.Writer) int {
	if err := b.check(args); err != nil {
		return fail(stderr, "align", err)
	}
	file, stream, err := batchFormat(b, af.of, alignout.Formats, "jsonl", "tmx")
	if err != nil {
		return fail(stderr, "align", err)
	}
	opt, wopt, err := af.options()
	if err == nil && af.pairs && (b.outDir == "" || file.Name != "tmx") {
		err = fmt.Errorf("--pairs in batch mode needs --out-dir and --format tmx: it writes DIR/ID.<pivot>_<other>.tmx beside DIR/ID.tmx")
	}
	if err != nil {
		return fail(stderr, "align", err)
	}
	dirLangs, err := b.dirLangs(&af.in)
	if err != nil {
		return fail(stderr, "align", err)
	}
	m, err := b.sets(batch.ManifestOptions{Names: langtag.UN}, dirLangs, "align", stderr)
	if err != nil {
		return fail(stderr, "align", err)
	}
	langs, err := b.langs(m, &af.in)
	if err != nil {
		return fail(stderr, "align", err)
	}
	lopt, _, err := af.in.options()
	if err != nil {
		return fail(stderr, "align", err)
	}
	job := batch.Job{Command: "align", Key: "alignment", Ext: file.Name}
	if stream == "tmx" {
		job.Stream = tmxStream(langs, wopt)
	}
	job.Do = func(s batch.Set) (*batch.Output, error) {
		files, fileLangs := setFiles(s, langs)
		if len(files) < 2 {
			return nil, fmt.Errorf("%d file(s): a set needs two or more to align", len(files))
		}
		var a *align.Alignment
		var docs []*segment.Document
		var err error
		if af.presplit {
			p, err := corpora.ReadParallel(files, fileLangs, lopt)
			if err != nil {
				return nil, err
			}
			a = align.Lines(p.Lines, p.Langs, p.Names, opt)
		} else {
			if docs, err = corpora.LoadFiles(files, fileLangs, lopt); err != nil {
				return nil, err
			}
			a = align.Align(docs, opt)
		}
		o := &batch.Output{Notes: b.notes(docs...)}
		var buf bytes.Buffer
		switch {
		case b.outDir != "":
			if af.pairs { // before the set's file, whose presence --resume takes for done
				main := filepath.Join(b.outDir, filepath.FromSlash(s.ID)+"."+file.Name)
				if _, err := writePairs(a, main, wopt, batch.WriteFile); err != nil {
					return nil, err
				}
			}
			o.File = func(w io.Writer) error { return file.Write(w, a, wopt) }
		case stream == "tmx":
			t := alignout.NewTMXStream(&buf, wopt)
			t.Head(srcTag(a, wopt.Tags))
			t.Flush()
			o.Head = buf.String()
			buf.Reset()
			t.Add(a, s.ID)
			err = t.Flush()
			o.Part = buf.Bytes()
		default:
			wo := wopt
			wo.Compact = true
			err = alignout.JSON(&buf, a, wo)
			o.Record = buf.Bytes()
		}
		return o, err
	}
	return runJob(b, m, job, af.of.output, stdout, stderr)
}

// srcTag is the TMX source language of an alignment: its pivot's tag.
func srcTag(a *align.Alignment, policy langtag.Policy) string {
	if tags := alignout.Tags(a, policy); len(tags) > 0 {
		return tags[0]
	}
	return ""
}

// tmxStream makes one TMX document of every set's translation units: the
// head of the first set aligned (its pivot is srclang), or, when none was,
// of the manifest's first language.
func tmxStream(langs []string, wopt alignout.Options) *batch.Stream {
	var head, tail bytes.Buffer
	src := ""
	if len(langs) > 0 {
		src = wopt.Tags.Output(langtag.Base(langs[0]), "")
	}
	h := alignout.NewTMXStream(&head, wopt)
	h.Head(src)
	h.Flush()
	alignout.NewTMXStream(&tail, wopt).Close()
	return &batch.Stream{Empty: head.String(), Tail: tail.String()}
}
