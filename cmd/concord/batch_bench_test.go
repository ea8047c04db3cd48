package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The batch benchmarks align the UN Parallel Corpus dev set regrouped into
// its 732 documents × six languages (writeUNPC), with --presplit semantics,
// through the batch engine, to a JSON Lines file:
//
//	CONCORD_CORPORA=<corpora> go test ./cmd/concord -run '^$' -bench BatchAlignUNPC -benchtime 1x
//
// They report documents/s and MB/s (input bytes), and the peak RSS
// (VmHWM) of the same batch run in a child process. x10 is the corpus
// replicated ten times into distinct files: linear growth shows as equal
// docs/s and an equal peak RSS. BenchmarkBatchAlignUNPCSpeedup alternates
// one and two workers and reports the best time of each and their ratio.

// alignBatchArgs are the arguments of the benchmarked batch.
func alignBatchArgs(manifest, jobs, out string) []string {
	return []string{"align", "--batch", manifest, "--presplit", "--jobs", jobs, "-o", out, "--quiet"}
}

func BenchmarkBatchAlignUNPC(b *testing.B) {
	root := b.TempDir()
	corpora := map[int]unpcCorpus{} // written on first use
	for _, copies := range []int{1, 10} {
		for _, jobs := range []string{"1", "2"} {
			b.Run(fmt.Sprintf("x%d/jobs%s", copies, jobs), func(b *testing.B) {
				c, ok := corpora[copies]
				if !ok {
					c = writeUNPC(b, filepath.Join(root, fmt.Sprint(copies)), copies, 0)
					corpora[copies] = c
				}
				out := filepath.Join(root, "out.jsonl")
				b.SetBytes(c.bytes)
				start := time.Now()
				n := 0
				for b.Loop() {
					var errb bytes.Buffer
					if code := run(alignBatchArgs(c.manifest, jobs, out), io.Discard, &errb); code != exitOK {
						b.Fatalf("exit %d: %.2000s", code, errb.String())
					}
					n++
				}
				el := time.Since(start)
				b.ReportMetric(float64(c.docs*n)/el.Seconds(), "docs/s")
				if rss, err := childPeakRSS(c.manifest, jobs, out); err != nil {
					b.Logf("peak RSS not measured: %v", err)
				} else {
					b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
				}
			})
		}
	}
}

// BenchmarkBatchAlignUNPCSpeedup: one worker and two, alternately, three
// rounds each; the best time of each (the least disturbed by other load on
// the machine) and the throughput ratio two/one.
func BenchmarkBatchAlignUNPCSpeedup(b *testing.B) {
	c := writeUNPC(b, b.TempDir(), 1, 0)
	out := filepath.Join(c.dir, "out.jsonl")
	best := map[string]time.Duration{}
	for b.Loop() {
		for range 3 {
			for _, jobs := range []string{"1", "2"} {
				t0 := time.Now()
				var errb bytes.Buffer
				if code := run(alignBatchArgs(c.manifest, jobs, out), io.Discard, &errb); code != exitOK {
					b.Fatalf("exit %d: %.2000s", code, errb.String())
				}
				if d := time.Since(t0); best[jobs] == 0 || d < best[jobs] {
					best[jobs] = d
				}
			}
		}
	}
	b.ReportMetric(best["1"].Seconds(), "s-jobs1")
	b.ReportMetric(best["2"].Seconds(), "s-jobs2")
	b.ReportMetric(float64(c.docs)/best["1"].Seconds(), "docs/s-jobs1")
	b.ReportMetric(float64(c.docs)/best["2"].Seconds(), "docs/s-jobs2")
	b.ReportMetric(best["1"].Seconds()/best["2"].Seconds(), "speedup")
}

// childPeakRSS runs the batch in a child process (concordChild) and returns
// its peak resident set size (VmHWM) in KiB.
func childPeakRSS(manifest, jobs, out string) (int64, error) {
	cmd := concordChild(alignBatchArgs(manifest, jobs, out)...)
	cmd.Env = append(cmd.Env, "CONCORD_CHILD_VMHWM=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%v: %s%s", err, stdout.String(), stderr.String())
	}
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss, nil // KiB on Linux
	}
	return 0, fmt.Errorf("no VmHWM in the child's output")
}
