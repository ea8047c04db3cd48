package batch

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"concord/corpora/testenv"
)

// TempNameOf is the temporary name process pid of this host gives base.
func TempNameOf(t *testing.T, base string, pid int) string {
	t.Helper()
	name := tempName(base)
	mine := "." + strconv.Itoa(os.Getpid()) + "."
	i := strings.LastIndex(name, mine)
	return name[:i] + "." + strconv.Itoa(pid) + "." + name[i+len(mine):]
}

// TestTempOwnership is issue 14's seventh finding: every start of a batch
// removed every temporary file in --out-dir, those of shards still writing
// into it included. A temporary name now says which host and process made
// it, and only the files of a process of this host that has ended are
// removed: not this process's, not a live one's, not another host's.
func TestTempOwnership(t *testing.T) {
	dir := t.TempDir()
	dead := TempNameOf(t, "a.json", testenv.DeadPID(t))
	mine := tempName("b.json")
	live := TempNameOf(t, "c.json", os.Getppid())
	other := strings.Replace(TempNameOf(t, "d.json", testenv.DeadPID(t)), "."+host+".", ".elsewhere.", 1)
	legacy := ".e.json.123456" + tempSuffix // os.CreateTemp's, owner unknown
	for _, n := range []string{dead, mine, live, other, legacy} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if base, _, _, ok := tempOwner(mine); !ok || base != "b.json" {
		t.Errorf("tempOwner(%q) = %q, %v", mine, base, ok)
	}
	n, err := CleanTemp(dir)
	if n != 1 || err != nil {
		t.Errorf("cleaned %d, %v; want 1", n, err)
	}
	for _, name := range []string{mine, live, other, legacy} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s removed: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, dead)); err == nil {
		t.Errorf("%s, of a process that ended, left", dead)
	}
}

// TestWriteFileKilledRun is a minor finding of issue 14: a batch killed
// while writing with -o left a temporary file that no later run removed.
// Writing the same output removes it.
func TestWriteFileKilledRun(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "all.jsonl")
	stale := filepath.Join(dir, TempNameOf(t, "all.jsonl", testenv.DeadPID(t)))
	os.WriteFile(stale, []byte("half"), 0o644)
	if err := WriteFile(name, func(w io.Writer) error { _, err := io.WriteString(w, "{}\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("left: %v", left)
	}
}

// TestWriteFileInPlace is issue 14's eighth finding: -o PATH renamed a
// temporary file over PATH, so that a device, a FIFO or a symbolic link
// became a regular file (as root, -o /dev/null replaced /dev/null). Only
// a regular file is replaced; anything else is written in place.
func TestWriteFileInPlace(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	// a symbolic link stays a link, and its target gets the bytes
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, write("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is now %v (%v)", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
	// a FIFO stands for devices too: a test must not risk /dev/null,
	// which a regression run as root would replace
	if runtime.GOOS != "windows" {
		// a FIFO is written to, not replaced
		fifo := filepath.Join(dir, "fifo")
		if err := exec.Command("mkfifo", fifo).Run(); err == nil {
			var got []byte
			var wg sync.WaitGroup
			wg.Go(func() { got, _ = os.ReadFile(fifo) })
			if err := WriteFile(fifo, write("through")); err != nil {
				t.Fatal(err)
			}
			wg.Wait()
			if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 || string(got) != "through" {
				t.Errorf("fifo: %v, read %q", fi.Mode(), got)
			}
		}
	}
	// a directory is an error
	if err := WriteFile(dir, write("x")); err == nil {
		t.Error("writing over a directory: no error")
	}
}

// TestDirFollowsNoLink is a minor finding of issue 14: symbolic links
// inside --out-dir were followed, so that a set's output could land
// anywhere (out/sub → /etc). A link on the way to an output, or at the
// output, is now an error; a missing directory is made; the directory
// itself must be one.
func TestDirFollowsNoLink(t *testing.T) {
	dir := t.TempDir()
	elsewhere := t.TempDir()
	out := filepath.Join(dir, "out")
	d, err := OpenDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	os.Symlink(elsewhere, filepath.Join(out, "sub"))
	os.Symlink(filepath.Join(elsewhere, "x.json"), filepath.Join(out, "x.json"))
	write := func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err }
	for _, rel := range []string{"sub/a.json", "x.json"} {
		if err := d.WriteFile(rel, write); err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("%s: %v, want an error about symbolic links", rel, err)
		}
	}
	if es, _ := os.ReadDir(elsewhere); len(es) != 0 {
		t.Errorf("written through a link: %v", es)
	}
	if err := d.WriteFile("new/deep/a.json", write); err != nil || !d.Complete("new/deep/a.json") {
		t.Errorf("new/deep/a.json: %v", err)
	}
	if d.Complete("x.json") {
		t.Error("a link counts as a complete output")
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := OpenDir(file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("OpenDir of a file: %v", err)
	}
}
