package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Output is what a [Job] makes of one set. Which fields count depends on
// the mode of the run:
//
//   - JSON Lines (the default): Record, the set's result as one JSON value,
//     stored under Job.Key in the set's record;
//   - one file per set (RunOptions.OutDir): File, which writes the set's
//     file;
//   - one document for all sets (Job.Stream): Part, the set's part of the
//     document, and Head, the head the document would have if this set
//     came first.
type Output struct {
	Record []byte
	File   func(w io.Writer) error
	// Extra are more files of the set in OutDir, written through the
	// directory as File is (no symbolic link followed), and before it,
	// whose presence --resume takes for a set done.
	Extra []File
	Part  []byte
	Head  string
	// Substantive, when not nil, says whether the set holds a finding (a
	// pair of revisions that differ in substance): it goes into the record
	// and makes the run's Findings true.
	Substantive *bool
	// Notes are warnings about the set (a parser's warnings), printed as
	// the set is written.
	Notes []string
}

// File is a file of a set's output: its path relative to OutDir, with
// slashes, and what writes it.
type File struct {
	Rel   string
	Write func(w io.Writer) error
}

// Stream makes one document of the parts of every set: the head of the
// first set that succeeded (or Empty when none did), the parts in order,
// then Tail.
type Stream struct {
	Empty string // the head when no set succeeded
	Tail  string
}

// Job is what a batch does with every set.
type Job struct {
	Command string // the command's name, for messages: "align"
	Key     string // the key of a set's result in its record: "alignment"
	Ext     string // the extension of a set's file under OutDir, without the dot
	Stream  *Stream
	// Do works on one set. It runs on the workers, several at once.
	Do func(s Set) (*Output, error)
}

// RunOptions control Run.
type RunOptions struct {
	Jobs, Window int // as in Options
	// OutDir, if not "", is the directory of one file per set. It is
	// opened (made if missing) before any set starts, so that an OutDir
	// that is a file fails the run at once; the temporary files that a
	// killed run left there are removed (see CleanTemp); no symbolic link
	// in it is followed (see Dir).
	OutDir string
	Resume bool // skip the sets whose file exists under OutDir
	// Log prints one message line: a failed set, a set's notes. nil: none.
	Log func(format string, args ...any)
	// Progress, if not nil, is told of every set as it is written.
	Progress Progress
}

// Result sums a run up.
type Result struct {
	Stats
	Findings bool // some set's Output.Substantive was true
	Cleaned  int  // temporary files of a killed run removed from OutDir
}

// record is the head of a set's record: the keys every record has.
type record struct {
	Set         string   `json:"set"`
	Index       int      `json:"index"`
	Files       []string `json:"files"`
	OK          bool     `json:"ok"`
	Skipped     bool     `json:"skipped,omitempty"`
	Output      string   `json:"output,omitempty"`
	Error       string   `json:"error,omitempty"`
	Substantive *bool    `json:"substantive,omitempty"`
}

// line writes the record as one JSON line, with key: result appended when
// key is not "".
func (r record) line(key string, result []byte) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(r) // cannot fail: strings, ints and bools
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
	out = append(out, bytes.TrimRight(result, "\n")...)
	return append(out, "}\n"...)
}

// done is a set's result on its way from a worker to the writer.
type done struct {
	data    []byte // the record or the stream's part
	out     *Output
	outPath string
	size    int64 // the set's input bytes
}

func (d done) InputBytes() int64 { return d.size }

// gcPercent is the garbage collector's target in a batch: sets are small
// and short-lived, so fewer collections buy throughput for little memory.
const gcPercent = 400

// Run works the job on every set of m and writes, in manifest order
// whatever the number of workers, one JSON Lines record per set to w; with
// OutDir, one file per set (written to a temporary file and renamed when
// complete) and a status record per set to w; with a Stream job, one
// document to w. A failing set is recorded (and logged) and the others go
// on; Run's error is for the run itself: w failing, the context ended.
func Run(ctx context.Context, m *Manifest, job Job, w io.Writer, opt RunOptions) (Result, error) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	var res Result
	var dir *Dir
	if opt.OutDir != "" {
		var err error
		if dir, err = OpenDir(opt.OutDir); err != nil {
			return res, err
		}
		defer dir.Close()
		if res.Cleaned, err = dir.CleanTemp(); err != nil {
			return res, err
		}
	}
	headDone := job.Stream == nil || dir != nil
	stream := job.Stream != nil && dir == nil
	st, err := MapSeq(ctx, m.All(), Options{Jobs: opt.Jobs, Window: opt.Window, Progress: opt.Progress, Total: m.Total},
		func(_ context.Context, i int, s Set) (done, error) {
			return one(i, s, job, opt, dir, stream)
		},
		func(i int, s Set, d done, err error) error {
			head := record{Set: s.ID, Index: i, Files: nonNil(s.Files)}
			switch {
			case errors.Is(err, ErrSkip):
				head.OK, head.Skipped, head.Output = true, true, d.outPath
				d.data = head.line("", nil)
			case err != nil:
				where := ""
				if s.Line > 0 {
					where = fmt.Sprintf(", manifest line %d", s.Line)
				}
				logf("concord %s: set %s%s: %v", job.Command, s.ID, where, err)
				head.Error = err.Error()
				d.data = nil
				if !stream {
					d.data = head.line("", nil)
				}
			default:
				for _, n := range d.out.Notes {
					logf("warning: %s", n)
				}
				if sub := d.out.Substantive; sub != nil && *sub {
					res.Findings = true
				}
				if !headDone {
					if _, err := io.WriteString(w, d.out.Head); err != nil {
						return err
					}
					headDone = true
				}
			}
			_, err = w.Write(d.data)
			return err
		})
	res.Stats = st
	if err == nil && stream {
		if !headDone {
			if _, err = io.WriteString(w, job.Stream.Empty); err != nil {
				return res, err
			}
		}
		_, err = io.WriteString(w, job.Stream.Tail)
	}
	return res, err
}

// one works on one set and makes its record or its part; dir is the
// output directory, if any.
func one(i int, s Set, job Job, opt RunOptions, dir *Dir, stream bool) (done, error) {
	if s.Err != nil {
		return done{}, s.Err
	}
	var d done
	rel := s.ID + "." + job.Ext
	if dir != nil {
		d.outPath = dir.Path(rel)
		if opt.Resume && dir.Complete(rel) {
			return d, ErrSkip
		}
	}
	for _, f := range s.Files {
		if fi, err := os.Stat(f); err == nil {
			d.size += fi.Size()
		}
	}
	out, err := job.Do(s)
	if err != nil {
		return done{size: d.size}, err
	}
	head := record{Set: s.ID, Index: i, Files: nonNil(s.Files), OK: true, Substantive: out.Substantive}
	switch {
	case dir != nil:
		for _, x := range out.Extra {
			if err := dir.WriteFile(x.Rel, x.Write); err != nil {
				return done{}, err
			}
		}
		if err := dir.WriteFile(rel, out.File); err != nil {
			return done{}, err
		}
		head.Output = d.outPath
		d.data = head.line("", nil)
	case stream:
		d.data = out.Part
	default:
		d.data = head.line(job.Key, out.Record)
	}
	// keep only what the writer needs: the set's result may be large
	d.out = &Output{Substantive: out.Substantive, Notes: out.Notes, Head: out.Head}
	return d, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
