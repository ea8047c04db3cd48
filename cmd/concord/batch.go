package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"concord/corpora"
	"concord/corpora/batch"
	"concord/corpora/out"
	"concord/segment"
	"concord/segment/langtag"
)

// batchFlags are the flags of batch mode.
type batchFlags struct {
	manifest string
	dir      string
	jobs     int
	window   int
	outDir   string
	root     string
	resume   bool
	quiet    bool
	every    time.Duration
}

func (b *batchFlags) register(fs *pflag.FlagSet, dir bool) {
	fs.StringVar(&b.manifest, "batch", "", "batch mode: a TSV manifest of document sets, one a line")
	if dir {
		fs.StringVar(&b.dir, "batch-dir", "", "batch mode: the files of DIR named NAME.LANG.EXT, one set per NAME")
	}
	fs.IntVarP(&b.jobs, "jobs", "j", 0, "batch: sets worked on at once (default: the number of CPUs)")
	fs.IntVar(&b.window, "window", 0, "batch: most sets started and not yet written (default: 2×jobs)")
	fs.StringVar(&b.outDir, "out-dir", "", "batch: write one file per set into this directory")
	fs.StringVar(&b.root, "root", "", "batch: read only files under DIR (default: the manifest's directory, when it holds relative paths)")
	fs.BoolVar(&b.resume, "resume", false, "batch: skip the sets whose output already exists in --out-dir")
	fs.BoolVarP(&b.quiet, "quiet", "q", false, "batch: show no progress")
	fs.DurationVar(&b.every, "progress-interval", 10*time.Second, "batch: time between two progress lines when standard error is not a terminal")
}

// on reports whether batch mode was asked for.
func (b *batchFlags) on() bool { return b.manifest != "" || b.dir != "" }

// check rejects flag combinations batch mode cannot honour.
func (b *batchFlags) check(args []string) error {
	switch {
	case b.manifest != "" && b.dir != "":
		return errors.New("--batch and --batch-dir exclude each other")
	case b.dir != "" && b.root != "":
		return errors.New("--root is for --batch: --batch-dir reads the files under its DIR only")
	case len(args) > 0:
		return fmt.Errorf("batch mode takes its files from the manifest, not %d arguments", len(args))
	case b.resume && b.outDir == "":
		return errors.New("--resume needs --out-dir (it skips the sets whose file exists there)")
	case b.jobs < 0 || b.jobs > batch.MaxJobs:
		return fmt.Errorf("--jobs %d: want 1 to %d (0: the number of CPUs)", b.jobs, batch.MaxJobs)
	case b.window < 0 || b.window > batch.MaxWindow:
		return fmt.Errorf("--window %d: want 1 to %d (0: twice --jobs)", b.window, batch.MaxWindow)
	case b.every <= 0:
		return fmt.Errorf("--progress-interval %s: want a positive duration", b.every)
	}
	return nil
}

// standalone reports whether batch-only flags were given without batch
// mode, which is a usage error.
func (b *batchFlags) standalone(fs *pflag.FlagSet) error {
	if b.on() {
		return nil
	}
	for _, f := range []string{"jobs", "window", "out-dir", "root", "resume", "quiet", "progress-interval", "save-lexicon"} {
		if fs.Changed(f) {
			return fmt.Errorf("--%s is a batch flag: give --batch MANIFEST%s", f, map[bool]string{true: " or --batch-dir DIR"}[fs.Lookup("batch-dir") != nil])
		}
	}
	return nil
}

// sets reads the manifest or scans the directory. langs, if not nil, are
// the languages --batch-dir looks for, in column order; the files it
// ignores are mentioned on stderr.
func (b *batchFlags) sets(opt batch.ManifestOptions, langs []string, cmd string, stderr io.Writer) (*batch.Manifest, error) {
	if b.dir != "" {
		if langs == nil {
			langs = langtag.UN
		}
		m, err := batch.ScanDir(b.dir, langs)
		if err != nil {
			return nil, err
		}
		if len(m.Sets) == 0 {
			return nil, fmt.Errorf("%s: no file named NAME.LANG.EXT (LANG one of %s)", b.dir, strings.Join(langs, ", "))
		}
		if n := len(m.Ignored); n > 0 && !b.quiet {
			fmt.Fprintf(stderr, "concord %s: %s: %d files not named NAME.LANG.EXT (LANG one of %s) left out: %s\n",
				cmd, out.Terminal(b.dir), n, strings.Join(langs, ", "), firstNames(m.Ignored))
		}
		if n := len(m.Links); n > 0 && !b.quiet {
			fmt.Fprintf(stderr, "concord %s: %s: %d symbolic links that lead outside it or to no regular file left out: %s\n",
				cmd, out.Terminal(b.dir), n, firstNames(m.Links))
		}
		return m, nil
	}
	opt.Root = b.root
	return batch.ReadManifest(b.manifest, opt)
}

// firstNames lists the first three names, and "…" after them when there
// are more, for a terminal.
func firstNames(names []string) string {
	list := out.Terminal(strings.Join(names[:min(len(names), 3)], ", "))
	if len(names) > 3 {
		list += ", …"
	}
	return list
}

// langs gives the language of each column of a document-set manifest:
// its header, else the languages of --lang (one per column), else none
// (each file's language is detected). With --batch-dir, the columns are
// the languages it looked for. list is --lang's (in.options).
func (b *batchFlags) langs(m *batch.Manifest, in *inputFlags, list []string) ([]string, error) {
	if b.dir != "" {
		return m.Cols, nil
	}
	if m.Cols != nil {
		for _, c := range m.Cols {
			if !langtag.IsUN(c) {
				return nil, fmt.Errorf("manifest header: %q is not a language (want %s)", c, strings.Join(langtag.UN, ", "))
			}
		}
		if list != nil && strings.Join(list, ",") != strings.Join(m.Cols, ",") {
			return nil, fmt.Errorf("--lang %s, but the manifest's header names %s", in.lang, strings.Join(m.Cols, ","))
		}
		return m.Cols, nil
	}
	return list, nil
}

// versionSets opens the document sets of a batch of language versions
// (align, terms): the manifest or --batch-dir, the language of each
// column, and the load options of the input flags.
func (b *batchFlags) versionSets(cmd string, in *inputFlags, stderr io.Writer) (*batch.Manifest, []string, corpora.LoadOptions, error) {
	lopt, list, err := in.options()
	if err != nil {
		return nil, nil, lopt, err
	}
	dirLangs, err := b.dirLangs(list)
	if err != nil {
		return nil, nil, lopt, err
	}
	m, err := b.sets(batch.ManifestOptions{Names: langtag.UN}, dirLangs, cmd, stderr)
	if err != nil {
		return nil, nil, lopt, err
	}
	langs, err := b.langs(m, in, list)
	return m, langs, lopt, err
}

// dirLangs are the languages --batch-dir looks for: list, --lang's, else
// the six.
func (b *batchFlags) dirLangs(list []string) ([]string, error) {
	if b.dir == "" {
		return nil, nil
	}
	if list == nil {
		return langtag.UN, nil
	}
	for _, l := range list {
		if !langtag.IsUN(l) {
			return nil, fmt.Errorf("unknown language %q: want one of %s", l, strings.Join(langtag.UN, ", "))
		}
	}
	return list, nil
}

// setFiles returns a set's files and the language of each (from langs by
// column; "" to detect).
func setFiles(s batch.Set, langs []string) (files, fileLangs []string) {
	for c, f := range s.Files {
		if f == "" {
			continue
		}
		files = append(files, f)
		l := ""
		if c < len(langs) {
			l = langs[c]
		}
		fileLangs = append(fileLangs, l)
	}
	return files, fileLangs
}

// notes turns the documents' warnings into a set's notes: none with
// --quiet.
func (b *batchFlags) notes(docs ...*segment.Document) []string {
	if b.quiet {
		return nil
	}
	return warnings(docs...)
}

// batchFormat picks a batch's format: with --out-dir, a file per set in
// one of the command's formats (--format, default the command's default);
// without, one stream: --format, else -o's extension, else the first of
// streams (JSON Lines). Without --out-dir, json names the JSON Lines
// stream: one JSON record per set.
func batchFormat[T, O any](c *invocation[T, O], b *batchFlags, streams ...string) (file out.Format[T, O], stream string, err error) {
	of := c.of
	if b.outDir != "" {
		f, err := c.formats.Choose(of.format, "")
		if err != nil {
			return f, "", fmt.Errorf("format %q in batch mode with --out-dir (a file per set): want %s", of.format, strings.Join(c.formats.Names(), ", "))
		}
		return f, "", nil
	}
	name := of.format
	if name == "" {
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(of.output)), ".")
		if slices.Contains(streams, ext) {
			name = ext
		} else {
			name = streams[0]
		}
	}
	if name == "json" && slices.Contains(streams, "jsonl") { // one JSON record per set: JSON Lines
		name = "jsonl"
	}
	if !slices.Contains(streams, name) {
		return file, "", fmt.Errorf("format %q in batch mode without --out-dir (one stream): want %s", name, strings.Join(streams, ", "))
	}
	return file, name, nil
}

// setOutput completes o, the output of one set whose result is v: with
// --out-dir, its file in the format file; without, its JSON Lines record,
// which record writes with ropt.
func setOutput[T, O any](b *batchFlags, o *batch.Output, file out.Format[T, O], v T, wopt O, record func(io.Writer, T, O) error, ropt O) (*batch.Output, error) {
	if b.outDir != "" {
		o.File = func(w io.Writer) error { return file.Write(w, v, wopt) }
		return o, nil
	}
	var buf bytes.Buffer
	err := record(&buf, v, ropt)
	o.Record = buf.Bytes()
	return o, err
}

// runJob runs a batch job and returns the exit status: 2 if the batch
// could not run or a set failed, else 1 if a set had findings (diff), else
// 0. Ctrl-C stops it cleanly; with --out-dir, --resume goes on from there.
func runJob(b *batchFlags, m *batch.Manifest, job batch.Job, output string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	disp := batch.NewDisplay("concord "+job.Command, stderr, b.quiet, b.every, m.Total)
	defer disp.Close()
	logf := func(format string, args ...any) { disp.Printf("%s", out.Terminal(fmt.Sprintf(format, args...))) }
	opt := batch.RunOptions{Jobs: b.jobs, Window: b.window, OutDir: b.outDir, Resume: b.resume, Log: logf, Progress: disp}
	var res batch.Result
	run := func(w io.Writer) (err error) {
		res, err = batch.Run(ctx, m, job, w, opt)
		return err
	}
	var err error
	if output != "" && output != "-" {
		err = batch.WriteFile(output, run)
	} else {
		err = run(stdout)
	}
	disp.Close()
	if res.Cleaned > 0 && !b.quiet {
		fmt.Fprintf(stderr, "concord %s: removed %d incomplete outputs of a killed run\n", job.Command, res.Cleaned)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = fmt.Errorf("interrupted after %d of %d sets (with --out-dir, --resume goes on from there)", res.Done, res.Total)
		}
		return fail(stderr, job.Command, err)
	}
	if res.Failed > 0 {
		fmt.Fprintf(stderr, "concord %s: %d of %d sets failed\n", job.Command, res.Failed, res.Total)
		return exitTrouble
	}
	if res.Findings {
		return exitFinding
	}
	return exitOK
}
