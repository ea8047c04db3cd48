package words

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-ego/gse"
)

// cpuMBps reports bytes per CPU second as "cpu-MB/s": on a machine shared
// with other work, wall-clock MB/s understates what one core does. Call it
// after the b.Loop loop with the CPU time read before it.
func cpuMBps(b *testing.B, bytes int64, cpu0 time.Duration) {
	if cpu := cpuTime() - cpu0; cpu > 0 && cpu0 > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

// totalLen is the bytes of lines ls, for b.SetBytes.
func totalLen(ls []string) int64 {
	n := 0
	for _, l := range ls {
		n += len(l)
	}
	return int64(n)
}

func benchSegmenter(b *testing.B) *Segmenter {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCutZh cuts the L.15 draft line by line on one goroutine.
func BenchmarkCutZh(b *testing.B) {
	benchCutLines(b, lines(corpusFile(b, l15)), "zh")
}

// benchCutLines cuts lines of language lang one by one, reporting bytes
// per second of wall and of CPU time.
func benchCutLines(b *testing.B, ls []string, lang string) {
	s := benchSegmenter(b)
	n := totalLen(ls)
	b.SetBytes(n)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, l := range ls {
			s.Cut(l, lang)
		}
	}
	cpuMBps(b, n, cpu0)
}

// BenchmarkCutZhWhole cuts the whole L.15 draft as one string.
func BenchmarkCutZhWhole(b *testing.B) {
	text := corpusFile(b, l15)
	s := benchSegmenter(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		s.Cut(text, "zh")
	}
	cpuMBps(b, int64(len(text)), cpu0)
}

// BenchmarkCutAllZh2 cuts the lines of the L.15 draft with CutAll on two
// workers.
func BenchmarkCutAllZh2(b *testing.B) {
	ls := lines(corpusFile(b, l15))
	s := benchSegmenter(b)
	n := totalLen(ls)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		s.CutAll(ls, "zh", 2)
	}
}

// BenchmarkCutEn cuts English with Unicode word boundaries.
func BenchmarkCutEn(b *testing.B) {
	benchCutLines(b, lines(corpusFile(b, "unpc-devset/UNv1.0.devset.en"))[:1000], "en")
}

// BenchmarkLoad decodes the embedded dictionary and builds a Segmenter with
// the treaty terms: what the first New costs.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		base, err := decodeTrie(zhdictData)
		if err != nil {
			b.Fatal(err)
		}
		ob := newOverlayBuilder(base)
		for _, t := range treatyTerms {
			ob.add(t, 0)
		}
		ob.build()
	}
}

// BenchmarkGseCut is the baseline for BenchmarkCutZh: gse's own Cut on the
// same lines, zh_s dictionary.
func BenchmarkGseCut(b *testing.B) {
	ls := lines(corpusFile(b, l15))
	if testing.Short() {
		b.Skip("loads gse")
	}
	gseCut(b, "")
	n := totalLen(ls)
	b.SetBytes(n)
	cpu0 := cpuTime()
	for b.Loop() {
		for _, l := range ls {
			gseSeg.Cut(l)
		}
	}
	cpuMBps(b, n, cpu0)
}

// BenchmarkGseLoad is the baseline: gse's own loading of zh_s.
func BenchmarkGseLoad(b *testing.B) {
	if testing.Short() {
		b.Skip("slow")
	}
	for b.Loop() {
		var seg gse.Segmenter
		seg.SkipLog = true
		if err := seg.LoadDictEmbed("zh_s"); err != nil {
			b.Fatal(err)
		}
	}
}

const footprintEnv = "WORDS_FOOTPRINT_CHILD"

// TestLoadFootprint is the child process of BenchmarkLoadFootprint: when
// asked by the environment, it loads the dictionary, cuts a sentence and
// prints the time taken and the peak RSS (VmHWM).
func TestLoadFootprint(t *testing.T) {
	if os.Getenv(footprintEnv) != "1" {
		t.Skip("run by BenchmarkLoadFootprint in a fresh process")
	}
	start := time.Now()
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	toks := s.Cut("“流量数据”系指与使用信息和通信技术系统进行的通信有关的任何电子数据", "zh")
	el := time.Since(start)
	if len(toks) == 0 {
		t.Fatal("no words")
	}
	os.Stdout.WriteString("FOOTPRINT " + strconv.FormatInt(el.Microseconds(), 10) + " " + strconv.Itoa(vmKB("VmHWM")) + "\n")
}

// BenchmarkLoadFootprint measures, in fresh processes, the time from start
// to the first words of a Chinese sentence and the peak RSS after that
// (goals: < 0.2 s and < 120 MiB; gse takes 0.84 s and 203 MiB).
func BenchmarkLoadFootprint(b *testing.B) {
	if vmKB("VmHWM") < 0 {
		b.Skip("no /proc/self/status")
	}
	var us, kb float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLoadFootprint$", "-test.count=1")
		cmd.Env = append(os.Environ(), footprintEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
		found := false
		for l := range strings.Lines(string(out)) {
			if f := strings.Fields(l); len(f) == 3 && f[0] == "FOOTPRINT" {
				u, _ := strconv.Atoi(f[1])
				k, _ := strconv.Atoi(f[2])
				us, kb = max(us, float64(u)), max(kb, float64(k))
				found = true
			}
		}
		if !found {
			b.Fatalf("no FOOTPRINT line in\n%s", out)
		}
	}
	b.ReportMetric(us/1000, "ms-to-first-words")
	b.ReportMetric(kb/1024, "MiB-peak-RSS")
}

// vmKB returns a field of /proc/self/status in KiB, -1 if unavailable.
func vmKB(field string) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return -1
}
