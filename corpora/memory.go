package corpora

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// MemoryLimit is how a program's memory follows its input (see
// LimitMemory): a soft limit of Base bytes and PerByte bytes per byte of
// input, and the garbage collector's target percentage.
type MemoryLimit struct {
	Base, PerByte int64
	GCPercent     int
}

// The limits concord's commands take.
var (
	// MemoryDefault: 480 MB and a byte per byte of input, the collector
	// at its usual target. Below the limit the collector runs as usual,
	// so that a document of very many small units (which can hold ten
	// times its size and more) is not collected over and over at a few
	// megabytes; at 50 MB of input the limit binds, and the program's
	// peak is the limit plus some 20 MB of code and runtime, about 11× the
	// input, under the 12× concord holds to. Beyond, the limit follows
	// what is live.
	MemoryDefault = MemoryLimit{Base: 480 << 20, PerByte: 1, GCPercent: 100}
	// MemoryCompare is for the commands that hold two documents or more
	// and what they build between them (diff, history, align): 480 MB and
	// 5 bytes per byte of input, so that two 50 MB revisions are not
	// collected at half again what is live all along.
	MemoryCompare = MemoryLimit{Base: 480 << 20, PerByte: 5, GCPercent: 100}
	// MemoryLean is for the commands that hold the document and what they
	// write of it only (parse, segment): the heap is kept within half
	// again what is live rather than twice.
	MemoryLean = MemoryLimit{Base: 128 << 20, PerByte: 10, GCPercent: 50}
)

// LimitMemory sets the Go runtime's soft memory limit in proportion to the
// size of the input files at paths ("" is the embedded draft), for a
// program that reads documents and then works on them (unless GOMEMLIMIT is set), and the garbage
// collector's target (unless GOGC is set): the collector then keeps the
// heap within the limit, where by default it lets it grow to twice what is
// live. The command's peak memory follows its input, whatever the input
// is; the work stays the same, with more frequent collections for a large
// input. (A limit below what is live would make the collector run without
// end: the limit is a ceiling, the target the everyday bound.)
func LimitMemory(paths []string, m MemoryLimit) {
	if m == (MemoryLimit{}) {
		m = MemoryDefault
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(m.GCPercent)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var total int64
	for _, p := range paths {
		if p == "" {
			total += int64(len(defaultText))
		} else if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			total += fi.Size()
		}
	}
	limit := m.Base + m.PerByte*total
	memFloor.Store(limit)
	debug.SetMemoryLimit(limit)
	followLive.Do(armLimit)
}

// The soft memory limit never stays below half again what is live: after
// every collection it is raised to that if need be (and lowered back to
// memFloor, the limit LimitMemory set, when the live heap shrinks). A limit
// below what is live would make the collector run without end, and a
// command that holds more than the input's multiple (a document of very
// many small units) would slow down with its size.
var (
	memFloor   atomic.Int64
	followLive sync.Once
	liveSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
)

// armLimit sets the limit after the next collection, and so on.
func armLimit() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		metrics.Read(liveSample)
		live := int64(liveSample[0].Value.Uint64())
		debug.SetMemoryLimit(max(memFloor.Load(), live+live/2))
		armLimit()
	})
}
