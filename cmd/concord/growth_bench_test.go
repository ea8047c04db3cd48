package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"concord/corpora/testdocs/hostile"
)

// growthBase is the size of the small input of BenchmarkGrowth; the large
// one is ten times as big.
const growthBase = 1_000_000

// growthCommands are the commands BenchmarkGrowth runs: F is the input, G
// the input with one word changed (the new revision, the other version).
var growthCommands = []string{
	"parse F --format json",
	"segment F --level word",
	"diff F G",
	"check F --alone",
	"terms F --alone",
	"kwic 缔约国 F --alone",
	"align F G",
}

// BenchmarkGrowth is issue 14's growth goal: every command on every
// adversarial generator of corpora/testdocs/hostile, at 1 MB and at
// 10 MB (smaller runs are mostly fixed cost). It reports the CPU time of each size (cpu-s-x1, cpu-s-x10, the
// best of the loop's runs) and their ratio, growth-x10, whose goal is 12 or
// less (linear within a constant). CPU time rather than wall time, so
// that other work on the machine does not skew the ratio.
//
//	go test ./cmd/concord -run '^$' -bench Growth -benchtime 2x
func BenchmarkGrowth(b *testing.B) {
	dir := b.TempDir()
	for _, g := range []string{"same-numbered", "huge-paragraph", "many-articles", "long-inline", "l15"} {
		var files [2][2]string // size, F and G
		for s, size := range []int{growthBase, 10 * growthBase} {
			data := string(hostile.Kinds[g](size))
			edited := changeOneWord(data)
			for k, text := range []string{data, edited} {
				files[s][k] = filepath.Join(dir, fmt.Sprintf("%s-%d-%d.txt", g, s, k))
				if err := os.WriteFile(files[s][k], []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
		for _, c := range growthCommands {
			name := strings.Fields(c)[0]
			b.Run(g+"/"+name, func(b *testing.B) {
				var best [2]time.Duration
				for b.Loop() {
					for s := range files {
						args := strings.Fields(strings.NewReplacer("F", files[s][0], "G", files[s][1]).Replace(c))
						t0 := cpuTime()
						if code := run(args, io.Discard, io.Discard); code == exitTrouble {
							b.Fatalf("%s: exit %d", strings.Join(args, " "), code)
						}
						if d := cpuTime() - t0; best[s] == 0 || d < best[s] {
							best[s] = d
						}
					}
				}
				b.ReportMetric(best[0].Seconds(), "cpu-s-x1")
				b.ReportMetric(best[1].Seconds(), "cpu-s-x10")
				b.ReportMetric(best[1].Seconds()/best[0].Seconds(), "growth-x10")
			})
		}
	}
}

// changeOneWord changes one word near the middle of a text.
func changeOneWord(s string) string {
	mid := len(s) / 2
	for _, w := range [][2]string{{"缔约国", "成员国"}, {"shall", "must"}} {
		if i := strings.Index(s[mid:], w[0]); i >= 0 {
			return s[:mid+i] + w[1] + s[mid+i+len(w[0]):]
		}
	}
	return s + "\n"
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
