package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"concord/corpora/batch"
	"concord/segment"
)

// batchFlags are the flags of batch mode.
type batchFlags struct {
	manifest string
	dir      string
	jobs     int
	window   int
	outDir   string
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
	case len(args) > 0:
		return fmt.Errorf("batch mode takes its files from the manifest, not %d arguments", len(args))
	case b.resume && b.outDir == "":
		return errors.New("--resume needs --out-dir (it skips the sets whose file exists there)")
	case b.jobs < 0:
		return fmt.Errorf("--jobs %d: want 1 or more (0: the number of CPUs)", b.jobs)
	}
	return nil
}

// standalone reports whether batch-only flags were given without batch
// mode, which is a usage error.
func (b *batchFlags) standalone(fs *pflag.FlagSet) error {
	if b.on() {
		return nil
	}
	for _, f := range []string{"jobs", "window", "out-dir", "resume", "quiet", "progress-interval"} {
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
			langs = segment.Langs
		}
		m, err := batch.ScanDir(b.dir, langs)
		if err != nil {
			return nil, err
		}
		if len(m.Sets) == 0 {
			return nil, fmt.Errorf("%s: no file named NAME.LANG.EXT (LANG one of %s)", b.dir, strings.Join(langs, ", "))
		}
		if n := len(m.Ignored); n > 0 && !b.quiet {
			some := m.Ignored[:min(n, 3)]
			more := ""
			if n > 3 {
				more = ", …"
			}
			fmt.Fprintf(stderr, "concord %s: %s: %d files not named NAME.LANG.EXT (LANG one of %s) left out: %s%s\n",
				cmd, b.dir, n, strings.Join(langs, ", "), strings.Join(some, ", "), more)
		}
		return m, nil
	}
	return batch.ReadManifest(b.manifest, opt)
}

// setOutput is what a command makes of one set.
type setOutput struct {
	// key and result: the set's result in its JSON Lines record
	// (compact JSON), e.g. "alignment": {…}.
	key    string
	result []byte
	// substantive, for diff: the revisions differ in substance.
	substantive *bool
	// file writes the set's file under --out-dir.
	file func(w io.Writer) error
	// stream, if not nil, is what the set adds to a stream that is not
	// JSON Lines (the <tu> elements of a TMX), and streamHead the
	// stream's head should this set be the first to succeed.
	stream     []byte
	streamHead string
	// notes are warnings for standard error.
	notes []string
}

// streamFormat is a stream of all the sets' results in one file that is
// not JSON Lines: a head written before the first set's part (given the
// first successful set), and a tail.
type streamFormat struct {
	head func(first *setOutput) string
	tail string
}

// batchRun describes one batch of a command.
type batchRun struct {
	cmd  string
	bf   *batchFlags
	sets *batch.Manifest
	// ext is the extension of the files under --out-dir.
	ext string
	// out is -o: the stream's file ("" for standard output).
	out string
	// stream, if not nil, replaces JSON Lines as the stream's format.
	stream *streamFormat
	// work makes the output of one set, rendering only what the mode
	// needs (a file writer with --out-dir, else the stream's part).
	work func(s batch.Set) (*setOutput, error)
}

// batchRecord is the head of a JSON Lines record; the result follows.
type batchRecord struct {
	Set         string   `json:"set"`
	Index       int      `json:"index"`
	Files       []string `json:"files"`
	OK          bool     `json:"ok"`
	Skipped     bool     `json:"skipped,omitempty"`
	Output      string   `json:"output,omitempty"`
	Error       string   `json:"error,omitempty"`
	Substantive *bool    `json:"substantive,omitempty"`
}

// record renders one JSON Lines record: the head's fields, then key: result.
func record(head batchRecord, key string, result []byte) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(head) // cannot fail: strings, ints and bools
	line := bytes.TrimRight(b.Bytes(), "\n")
	if key == "" {
		return append(line, '\n')
	}
	line = line[:len(line)-1] // the closing brace
	out := make([]byte, 0, len(line)+len(key)+len(result)+6)
	out = append(out, line...)
	out = append(out, `,"`...)
	out = append(out, key...)
	out = append(out, `":`...)
	out = append(out, result...)
	return append(out, "}\n"...)
}

// compactJSON turns a writer's indented JSON into one line.
func compactJSON(write func(io.Writer) error) ([]byte, error) {
	var ind, out bytes.Buffer
	if err := write(&ind); err != nil {
		return nil, err
	}
	if err := json.Compact(&out, ind.Bytes()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// batchResult is what a worker hands to the writer: the bytes to write.
type batchResult struct {
	data    []byte // the record or the stream's part
	out     *setOutput
	outPath string
	size    int64 // the set's input bytes
}

// InputBytes makes the set's size count in the byte rate.
func (r batchResult) InputBytes() int64 { return r.size }

// batchGOGC is the garbage collector's target in batch mode, unless the
// GOGC environment variable sets one. A batch's live heap is small (the
// sets in the window), so at the default of 100 the collector runs some 150
// times a second, and on a machine whose cores all run workers it takes
// their time: on the UN corpus two workers were only 1.4–1.5× as fast as
// one. At 400 they are about twice as fast, for some 12 MB more of peak
// RSS, which stays flat whatever the size of the corpus.
const batchGOGC = 400

// runBatch runs a command's batch and returns the exit status: 2 if the
// batch could not run or any set failed, else 1 if any set had findings
// (diff: substantive changes), else 0.
func runBatch(r batchRun, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(batchGOGC))
	}
	if r.bf.resume {
		if n, err := batch.CleanTemp(r.bf.outDir); err != nil {
			return fail(stderr, r.cmd, err)
		} else if n > 0 && !r.bf.quiet {
			fmt.Fprintf(stderr, "concord %s: removed %d incomplete outputs of an earlier run\n", r.cmd, n)
		}
	}
	prog := newProgress(r.cmd, stderr, r.bf.quiet, r.bf.every, r.sets.Total)
	defer prog.close()
	findings := false
	var st batch.Stats
	run := func(w io.Writer) error {
		headDone := r.stream == nil
		var err error
		st, err = batch.MapSeq(ctx, r.sets.All(), batch.Options{Jobs: r.bf.jobs, Window: r.bf.window, Progress: prog, Total: r.sets.Total},
			func(_ context.Context, i int, s batch.Set) (batchResult, error) {
				return r.one(i, s)
			},
			func(i int, s batch.Set, res batchResult, err error) error {
				head := batchRecord{Set: s.ID, Index: i, Files: nonNilStrings(s.Files)}
				switch {
				case errors.Is(err, batch.ErrSkip):
					head.OK, head.Skipped, head.Output = true, true, res.outPath
					res.data = record(head, "", nil)
				case err != nil:
					where := ""
					if s.Line > 0 {
						where = fmt.Sprintf(", manifest line %d", s.Line)
					}
					prog.Printf("concord %s: set %s%s: %v", r.cmd, s.ID, where, err)
					head.Error = err.Error()
					res.data = nil
					if r.stream == nil {
						res.data = record(head, "", nil)
					}
				default:
					for _, n := range res.out.notes {
						prog.Printf("warning: %s", n)
					}
					if sub := res.out.substantive; sub != nil && *sub {
						findings = true
					}
					if !headDone {
						if _, err := io.WriteString(w, r.stream.head(res.out)); err != nil {
							return err
						}
						headDone = true
					}
				}
				_, err = w.Write(res.data)
				return err
			})
		if err == nil && r.stream != nil {
			if !headDone {
				if _, err := io.WriteString(w, r.stream.head(nil)); err != nil {
					return err
				}
			}
			_, err = io.WriteString(w, r.stream.tail)
		}
		return err
	}
	var err error
	if r.out != "" {
		err = batch.WriteFile(r.out, run)
	} else {
		err = run(stdout)
	}
	prog.close()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = fmt.Errorf("interrupted after %d of %d sets (with --out-dir, --resume goes on from there)", st.Done, st.Total)
		}
		return fail(stderr, r.cmd, err)
	}
	if st.Failed > 0 {
		fmt.Fprintf(stderr, "concord %s: %d of %d sets failed\n", r.cmd, st.Failed, st.Total)
		return exitTrouble
	}
	if findings {
		return exitFinding
	}
	return exitOK
}

// one works on one set in a worker: its output rendered for the stream,
// or written to its file under --out-dir.
func (r *batchRun) one(i int, s batch.Set) (batchResult, error) {
	if s.Err != nil {
		return batchResult{}, s.Err
	}
	var res batchResult
	if r.bf.outDir != "" {
		res.outPath = filepath.Join(r.bf.outDir, filepath.FromSlash(s.ID)+"."+r.ext)
		if r.bf.resume && batch.Complete(res.outPath) {
			return res, batch.ErrSkip
		}
	}
	for _, f := range s.Files {
		if fi, err := os.Stat(f); err == nil {
			res.size += fi.Size()
		}
	}
	out, err := r.work(s)
	if err != nil {
		return batchResult{size: res.size}, err
	}
	head := batchRecord{Set: s.ID, Index: i, Files: nonNilStrings(s.Files), OK: true, Substantive: out.substantive}
	switch {
	case r.bf.outDir != "":
		if err := batch.WriteFile(res.outPath, out.file); err != nil {
			return batchResult{}, err
		}
		head.Output = res.outPath
		res.data = record(head, "", nil)
	case r.stream != nil:
		res.data = out.stream
	default:
		res.data = record(head, out.key, out.result)
	}
	// keep only what the writer needs in the reorder buffer
	res.out = &setOutput{substantive: out.substantive, notes: out.notes, streamHead: out.streamHead}
	return res, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// batchLangs gives the language of each column: the manifest's header,
// else --lang (one per column), else "" (detect each file).
func batchLangs(m *batch.Manifest, langFlag string) ([]string, error) {
	var list []string
	if langFlag != "" {
		for _, l := range strings.Split(langFlag, ",") {
			l = strings.TrimSpace(l)
			if l != "" && !validLang(l) {
				return nil, fmt.Errorf("unknown language %q: want one of %s", l, strings.Join(segment.Langs, ", "))
			}
			list = append(list, l)
		}
	}
	if m.Cols != nil {
		for _, c := range m.Cols {
			if !validLang(c) {
				return nil, fmt.Errorf("manifest header: %q is not a language (want %s)", c, strings.Join(segment.Langs, ", "))
			}
		}
		if list != nil && strings.Join(list, ",") != strings.Join(m.Cols, ",") {
			return nil, fmt.Errorf("--lang %s, but the manifest's header names %s", langFlag, strings.Join(m.Cols, ","))
		}
		return m.Cols, nil
	}
	return list, nil
}

// langOfCol gives a set's language for its file in column c.
func langOfCol(langs []string, c int) string {
	if c < len(langs) {
		return langs[c]
	}
	return ""
}

// present returns a set's files and their column indices.
func present(s batch.Set) (files []string, cols []int) {
	for c, f := range s.Files {
		if f != "" {
			files = append(files, f)
			cols = append(cols, c)
		}
	}
	return files, cols
}

// batchFormat picks the batch output format: --format, else -o's
// extension, else def; stream formats without --out-dir, file formats
// with it.
func batchFormat(flag, out string, outDir bool, def string, fileFormats, streamFormats []string) (string, error) {
	if flag == "" && !outDir {
		ext := strings.TrimPrefix(filepath.Ext(out), ".")
		for _, f := range streamFormats {
			if ext == f {
				flag = f
			}
		}
	}
	if flag == "" {
		if outDir {
			flag = def
		} else {
			flag = streamFormats[0]
		}
	}
	formats := streamFormats
	where := "without --out-dir (one stream)"
	if outDir {
		formats, where = fileFormats, "with --out-dir (a file per set)"
	}
	for _, f := range formats {
		if f == flag {
			return flag, nil
		}
	}
	return "", fmt.Errorf("format %q in batch mode %s: want %s", flag, where, strings.Join(formats, ", "))
}
