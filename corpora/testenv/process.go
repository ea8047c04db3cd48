package testenv

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// Stdin makes data the process's standard input until the test ends: a
// pipe that a goroutine fills with data and then closes.
func Stdin(tb testing.TB, data []byte) {
	tb.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	saved := os.Stdin
	os.Stdin = r
	tb.Cleanup(func() { os.Stdin = saved; r.Close() })
	go func() { w.Write(data); w.Close() }()
}

// Allocated returns the bytes fn allocates. Unlike time, it does not
// depend on the machine's load: a test of linear work can compare it for
// inputs of two sizes.
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// DeadPID returns the id of a process of this host that has ended: the
// test binary, run once more with no test.
func DeadPID(tb testing.TB) int {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		tb.Fatal(err)
	}
	return cmd.Process.Pid
}
