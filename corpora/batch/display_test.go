package batch

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestProgressPlainLines: when standard error is not a terminal, a plain
// line every interval and one at the end; none with quiet.
func TestProgressPlainLines(t *testing.T) {
	var b bytes.Buffer
	w := &lockedWriter{w: &b}
	p := NewDisplay("concord align", w, false, 20*time.Millisecond, 10)
	start := time.Now()
	for i := range 10 {
		time.Sleep(12 * time.Millisecond)
		p.Update(Stats{Total: 10, Done: i + 1, Bytes: int64(i+1) * 1e5, Start: start, Now: time.Now()})
	}
	p.Finish(Stats{Total: 10, Done: 10, Failed: 1, Bytes: 1e6, Start: start, Now: time.Now()})
	lines := strings.Split(strings.TrimRight(w.String(), "\n"), "\n")
	if len(lines) < 3 {
		t.Errorf("%d lines in 120 ms at one every 20 ms:\n%s", len(lines), w.String())
	}
	line := regexp.MustCompile(`^concord align: \d+/10 sets, [01] failed, 0 skipped, [\d.]+ sets/s, [\d.]+ MB/s, 0:00 elapsed, (\d:\d\d|-:--) left$`)
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Errorf("line %q", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "concord align: 10/10 sets, 1 failed") {
		t.Errorf("last line %q", last)
	}
	if strings.ContainsAny(w.String(), "\r\x1b") {
		t.Error("terminal controls in plain lines")
	}

	var q bytes.Buffer
	p = NewDisplay("concord align", &q, true, time.Millisecond, 10)
	p.Update(Stats{Total: 10, Done: 1})
	time.Sleep(5 * time.Millisecond)
	p.Finish(Stats{Total: 10, Done: 10})
	p.Printf("concord align: set x: broken")
	if q.String() != "concord align: set x: broken\n" {
		t.Errorf("quiet: %q", q.String())
	}
}

// lockedWriter lets the test read what the progress's timer writes.
type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.String()
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{-1: "-:--", 0: "0:00", 59 * time.Second: "0:59",
		61*time.Second + 400*time.Millisecond: "1:01", 3*time.Hour + 5*time.Second: "3:00:05"} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}
