package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
)

// runInPTY runs concord with its standard error on the terminal end of a
// pseudo-terminal of the given width, and returns what the terminal got.
func runInPTY(t *testing.T, cols int, args ...string) (string, string, int) {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	if err := pty.Setsize(tty, &pty.Winsize{Rows: 24, Cols: uint16(cols)}); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		var b bytes.Buffer
		io.Copy(&b, master) // ends with EIO once the terminal end is closed
		got <- b.String()
	}()
	var out bytes.Buffer
	code := run(args, &out, tty)
	tty.Close()
	select {
	case s := <-got:
		return out.String(), s, code
	case <-time.After(10 * time.Second):
		t.Fatal("the pseudo-terminal did not close")
	}
	return "", "", 0
}

// TestProgressBarPTY: on a terminal, the progress is a bar redrawn in place
// with sets done / total, percentage, rate and time left, fitted to the
// terminal's width; a failed set's message is printed on a line of its
// own above the bar.
func TestProgressBarPTY(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 8)
	m, _ := os.ReadFile(manifest)
	writeFile(t, manifest, string(m)+"gone.zh.txt\tdoc00.en.txt\n")
	for _, cols := range []int{100, 60} {
		out, term, code := runInPTY(t, cols, "align", "--batch", manifest, "--presplit", "--jobs", "2")
		if code != exitTrouble {
			t.Errorf("exit %d, want 2 (one set fails)", code)
		}
		if n := strings.Count(out, "\n"); n != 9 {
			t.Errorf("%d records on stdout, want 9", n)
		}
		term = strings.ReplaceAll(term, "\r\n", "\n") // the terminal's ONLCR
		// the last state of the bar, then the summary line
		final := regexp.MustCompile(`\rconcord align \[=+\] 9/9 100%  [\d.]+ sets/s  [\d.]+ MB/s  0:00 left  1 failed\x1b\[K\n`)
		if cols < 80 { // the rates give way to the bar
			final = regexp.MustCompile(`\rconcord align \[=+\] 9/9 100%(  [\d.]+ sets/s)?  0:00 left  1 failed\x1b\[K\n`)
		}
		if !final.MatchString(term) {
			t.Errorf("%d columns: no final bar in %q", cols, term)
		}
		// every drawing of the bar fits in the terminal
		for _, draw := range regexp.MustCompile(`\r(concord align [^\r\n\x1b]*)\x1b\[K`).FindAllStringSubmatch(term, -1) {
			if w := utf8.RuneCountInString(draw[1]); w >= cols {
				t.Errorf("a bar of %d columns on a terminal of %d: %q", w, cols, draw[1])
			}
		}
		// the failure is a line of its own: the bar is cleared before it
		if !strings.Contains(term, "\r\x1b[Kconcord align: set gone, manifest line 10: "+filepath.Join(dir, "gone.zh.txt")+": cannot read file") {
			t.Errorf("failure not on a line of its own: %q", term)
		}
		if strings.Contains(term, "sets, 1 failed") {
			t.Errorf("plain progress lines on a terminal: %q", term)
		}
		if !strings.HasSuffix(term, "concord align: 1 of 9 sets failed\n") {
			t.Errorf("no summary at the end: %q", term)
		}
	}
	// --quiet: no bar, the failure still reported
	_, term, _ := runInPTY(t, 80, "align", "--batch", manifest, "--presplit", "--quiet")
	if strings.Contains(term, "[=") || !strings.Contains(term, "set gone") {
		t.Errorf("--quiet: %q", term)
	}
}
