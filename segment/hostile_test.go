package segment

import (
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestLongBlockLinear: a text without numbering whose lines make one block
// (the Bible's en.txt, 5,000 lines) was parsed in time and memory
// quadratic in its lines, the block's text being copied at every line.
// Parsing 20,000 such lines now allocates a small multiple of the input.
func TestLongBlockLinear(t *testing.T) {
	var b strings.Builder
	for i := range 20_000 {
		b.WriteString("And the earth was without form, and void; and darkness was upon")
		if i%7 == 0 {
			b.WriteString(" the face of the deep")
		}
		b.WriteByte('\n')
	}
	text := b.String()
	var d *Document
	n := allocated(func() {
		var err error
		if d, err = Parse("block.txt", text, Options{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
	})
	if len(d.Units) != 1 || d.Units[0].Kind != KindBlock {
		t.Fatalf("%d units, want one block", len(d.Units))
	}
	if limit := 40 * uint64(len(text)); n > limit {
		t.Errorf("parsing %d bytes allocated %d, want at most %d", len(text), n, limit)
	}
}
