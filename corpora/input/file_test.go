package input

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"concord/corpora/testenv"
)

// within runs fn, failing the test if it has not returned after d: a
// read that blocks forever must not hang the test run.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still reading after %v", what, d)
	}
}

// heapGrowth runs fn and returns how much the heap's high-water mark rose.
func heapGrowth(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	if after.HeapSys > before.HeapSys {
		return after.HeapSys - before.HeapSys
	}
	return 0
}

// TestReadSpecialFiles checks that what is not a regular file is refused
// at once, without opening it: a named pipe with no writer (which hung a
// command, or a whole batch), a device such as /dev/zero (which cost
// 583 MB before it was refused as too large), a directory.
func TestReadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "draft.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, c := range []struct{ path, want string }{
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{"/dev/zero", "is a device, not a regular file"},
		{"/dev/null", "is a device"},
		{dir, "is a directory"},
	} {
		if _, err := os.Stat(c.path); err != nil {
			continue
		}
		var err error
		within(t, 5*time.Second, c.path, func() {
			if mem := heapGrowth(func() { _, err = ReadBytes(c.path) }); mem > 8<<20 {
				t.Errorf("%s: the heap grew by %d MiB", c.path, mem>>20)
			}
		})
		var ie *Error
		if !errors.As(err, &ie) || ie.File != c.path || !strings.Contains(ie.Reason, c.want) {
			t.Errorf("ReadBytes(%s) = %v, want an *Error naming it with %q", c.path, err, c.want)
		}
		if _, err := ReadFile(c.path, ""); err == nil {
			t.Errorf("ReadFile(%s): no error", c.path)
		}
	}
	// A file larger than the limit is refused by its size, unread.
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadBytes(big); err == nil || !strings.Contains(err.Error(), "input is 268435457 bytes, more than the limit") {
		t.Errorf("sparse file over the limit: %v", err)
	}
}

// zeros is an endless stream of NUL bytes, as /dev/zero on standard input.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

// TestReadAllStreams checks the reading of a stream, which standard input
// is: endless zeros are refused after the first 64 KiB in bounded memory;
// text, UTF-16 text and zip archives are read whole.
func TestReadAllStreams(t *testing.T) {
	z := &zeros{}
	var err error
	mem := heapGrowth(func() { _, err = ReadAll(StdinName, z) })
	if err == nil || err.Error() != "standard input: binary data: NUL byte at line 1 (byte offset 0)" {
		t.Errorf("zeros: %v", err)
	}
	if z.n > 1<<20 || mem > 8<<20 {
		t.Errorf("zeros: read %d bytes and grew the heap by %d MiB before refusing", z.n, mem>>20)
	}
	text := strings.Repeat("第1条. 宗旨\n", 20000)
	for _, c := range []struct {
		name string
		data string
	}{
		{"text", text},
		{"utf-16 with bom", string(utf16Bytes(text, false, true))},
		{"utf-16 without bom", string(utf16Bytes(text, true, false))},
		{"zip", "PK\x03\x04\x00\x00" + text},
		{"nul after 64 KiB", text + "\x00"},
		{"empty", ""},
	} {
		got, err := ReadAll(c.name, io.LimitReader(strings.NewReader(c.data), int64(len(c.data))))
		if err != nil || string(got) != c.data {
			t.Errorf("%s: %v (equal: %v)", c.name, err, string(got) == c.data)
		}
	}
	_, err = ReadAll("png", strings.NewReader("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	if err == nil || err.Error() != "png: binary data: NUL byte at line 3 (byte offset 8)" {
		t.Errorf("png: %v", err)
	}
}

// TestReadStdin checks that "-" reads standard input, named so in errors.
func TestReadStdin(t *testing.T) {
	testenv.Stdin(t, []byte("第1条. 宗旨\n"))
	text, err := ReadFile(Stdin, "")
	if err != nil || text != "第1条. 宗旨\n" {
		t.Errorf("ReadFile(-) = %q, %v", text, err)
	}
	if _, err := ReadFile(Stdin, ""); err == nil || err.Error() != "standard input: empty input (0 bytes)" {
		t.Errorf("standard input read twice: %v", err)
	}
	if Name("-") != StdinName || Name("a.txt") != "a.txt" {
		t.Error("Name")
	}
}
