package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// tempOf is the name of a temporary file that process pid of this host
// writes for base (see corpora/batch).
func tempOf(t *testing.T, base string, pid int) string {
	t.Helper()
	h, _ := os.Hostname()
	if h == "" {
		h = "localhost"
	}
	h = strings.NewReplacer(".", "_", "/", "_").Replace(h)
	return fmt.Sprintf(".%s.%s.%d.0a1b2c.concord-tmp", base, h, pid)
}

// concordChild runs concord with args in a child process (this test binary,
// TestConcordChild).
func concordChild(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestConcordChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CONCORD_CHILD_ARGS="+strings.Join(args, "\x1f"))
	return cmd
}

// TestConcordChild is the child process of concordChild. With
// CONCORD_CHILD_VMHWM set, it then prints its peak resident set size, the
// VmHWM line of /proc/self/status (childPeakRSS).
func TestConcordChild(t *testing.T) {
	env := os.Getenv("CONCORD_CHILD_ARGS")
	if env == "" {
		t.Skip("the child process of the tests that run concord in another process")
	}
	code := run(strings.Split(env, "\x1f"), os.Stdout, os.Stderr)
	if os.Getenv("CONCORD_CHILD_VMHWM") != "" {
		status, _ := os.ReadFile("/proc/self/status") // none: childPeakRSS takes the rusage
		for _, l := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				fmt.Println(l)
			}
		}
	}
	os.Exit(code)
}

// TestBatchShardsConcurrent is issue 14's seventh finding: shards resuming
// into one --out-dir at once removed each other's temporary files. Two
// shards run at once into one directory that also holds the temporary file
// of a process still writing (this test's parent): every set of both
// shards is complete, and the live file is still there.
func TestBatchShardsConcurrent(t *testing.T) {
	dir := t.TempDir()
	writeSets(t, dir, 12)
	od := filepath.Join(dir, "out")
	live := filepath.Join(od, tempOf(t, "doc99.tsv", os.Getppid()))
	writeFile(t, live, "half")
	var shards [2]strings.Builder
	for k := range 12 {
		fmt.Fprintf(&shards[k%2], "doc%02d.zh.txt\tdoc%02d.en.txt\n", k, k)
	}
	var wg sync.WaitGroup
	var errs [2]bytes.Buffer
	var fails [2]error
	for i := range shards {
		m := filepath.Join(dir, fmt.Sprintf("shard%d.tsv", i))
		writeFile(t, m, "zh\ten\n"+shards[i].String())
		cmd := concordChild("align", "--batch", m, "--presplit", "--out-dir", od, "--resume", "--format", "tsv", "--jobs", "2", "--quiet")
		cmd.Stdout, cmd.Stderr = io.Discard, &errs[i]
		wg.Go(func() { fails[i] = cmd.Run() })
	}
	wg.Wait()
	for i := range fails {
		if fails[i] != nil {
			t.Fatalf("shard %d: %v: %s", i, fails[i], errs[i].String())
		}
	}
	for k := range 12 {
		if b, err := os.ReadFile(filepath.Join(od, fmt.Sprintf("doc%02d.tsv", k))); err != nil || len(b) == 0 {
			t.Errorf("doc%02d.tsv: %v", k, err)
		}
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the temporary file of a live process was removed: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(od, ".*"))
	if len(left) != 1 {
		t.Errorf("temporary files: %v, want only the live one", left)
	}
}

// TestBatchOutputNotRegular is issue 14's eighth finding: -o PATH renamed a
// temporary file over PATH, so that a device, a FIFO or a symbolic link
// became a regular file (as root, -o /dev/null replaced /dev/null). -o
// now writes through a FIFO (standing in for a device, which a test run
// as root must not risk) and through a symbolic link, which stays one.
func TestBatchOutputNotRegular(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 2)
	target := filepath.Join(dir, "kept", "all.jsonl")
	writeFile(t, target, "")
	link := filepath.Join(dir, "all.jsonl")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "-o", link, "--quiet"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is now %v (%v)", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(target); len(jsonLines(t, string(b))) != 2 {
		t.Errorf("the link's target holds %q", b)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skip("no mkfifo")
	}
	var got []byte
	var wg sync.WaitGroup
	wg.Go(func() { got, _ = os.ReadFile(fifo) })
	_, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "-o", fifo, "--quiet")
	wg.Wait()
	if fi, _ := os.Lstat(fifo); code != exitOK || fi.Mode()&os.ModeNamedPipe == 0 || len(jsonLines(t, string(got))) != 2 {
		t.Errorf("fifo: exit %d (%s), now %v, read %d bytes", code, errs, fi.Mode(), len(got))
	}
}

// TestBatchOutDirIsFile is a minor finding of issue 14: an --out-dir that
// is a file was reported only after every set had run. It fails at once.
func TestBatchOutDirIsFile(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 3)
	file := filepath.Join(dir, "out")
	writeFile(t, file, "")
	out, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "--out-dir", file)
	if code != exitTrouble || out != "" || !strings.Contains(errs, "is not a directory") || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, one line", code, out, errs)
	}
}

// TestBatchJSONFormat is a minor finding of issue 14: the README's
// `diff --batch … --format json` and `terms --batch … --format json` exited
// 2. Without --out-dir, json is the JSON Lines stream.
func TestBatchJSONFormat(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 2)
	jl, _, _ := runConcord(t, "terms", "--batch", manifest, "--presplit", "--quiet")
	js, errs, code := runConcord(t, "terms", "--batch", manifest, "--presplit", "--quiet", "--format", "json")
	if code != exitOK || js != jl {
		t.Errorf("terms --format json: exit %d: %s", code, errs)
	}
	writeFile(t, filepath.Join(dir, "pairs.tsv"), "doc00.zh.txt\tdoc01.zh.txt\n")
	jl, _, _ = runConcord(t, "diff", "--batch", filepath.Join(dir, "pairs.tsv"), "--quiet")
	js, errs, code = runConcord(t, "diff", "--batch", filepath.Join(dir, "pairs.tsv"), "--quiet", "--format", "json")
	if code == exitTrouble || js != jl || len(jsonLines(t, js)) != 1 {
		t.Errorf("diff --format json: exit %d: %s", code, errs)
	}
}

// TestBatchQuiet is a minor finding of issue 14: --quiet did not silence
// the documents' warnings in batch mode, and warnings flooded: one line per
// repeated mistake. --quiet prints nothing but failures, and without it
// each kind of warning is printed five times, then counted.
func TestBatchQuiet(t *testing.T) {
	dir := t.TempDir()
	var old strings.Builder
	for range 40 {
		old.WriteString("1. The States Parties shall cooperate.\n\n")
	}
	writeFile(t, filepath.Join(dir, "a.old.txt"), old.String())
	writeFile(t, filepath.Join(dir, "a.new.txt"), old.String())
	writeFile(t, filepath.Join(dir, "pairs.tsv"), "a.old.txt\ta.new.txt\n")
	_, errs, _ := runConcord(t, "diff", "--batch", filepath.Join(dir, "pairs.tsv"), "--quiet")
	if errs != "" {
		t.Errorf("--quiet: stderr %q", errs)
	}
	_, errs, _ = runConcord(t, "diff", "--batch", filepath.Join(dir, "pairs.tsv"), "--progress-interval", "1h")
	n := strings.Count(errs, "warning: ")
	if n > 2*(warnPerKind+1)*2 || !strings.Contains(errs, "more warnings like") {
		t.Errorf("%d warning lines:\n%s", n, errs)
	}
	_, errs, _ = runConcord(t, "parse", filepath.Join(dir, "a.old.txt"))
	if n := strings.Count(errs, "warning: "); n > 2*(warnPerKind+1) || !strings.Contains(errs, "a.old.txt: "+strconv.Itoa(39-warnPerKind)) {
		t.Errorf("parse: %d warning lines:\n%s", n, errs)
	}
}
