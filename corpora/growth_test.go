package corpora

import (
	"fmt"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

// Generators of UDHR files with n pieces (about 20 bytes each): an
// article paragraph whose text comments split, and a note of n
// paragraphs. Reading them must take time in proportion to n: text split
// by comments was joined by repeated string concatenation.

func genUDHRComments(n int) []byte {
	var b strings.Builder
	b.WriteString(`<udhr xml:lang="en"><article number="1"><title>Article 1</title><para>`)
	for i := range n {
		fmt.Fprintf(&b, "word%d <!--c--> ", i%10)
	}
	b.WriteString("</para></article></udhr>")
	return []byte(b.String())
}

func genUDHRNote(n int) []byte {
	var b strings.Builder
	b.WriteString(`<udhr xml:lang="en"><title>T</title><note>`)
	for i := range n {
		fmt.Fprintf(&b, "<para>note %d</para>", i%10)
	}
	b.WriteString(`</note><article number="1"><title>Article 1</title><para>x</para></article></udhr>`)
	return []byte(b.String())
}

var udhrGrowth = []struct {
	name string
	gen  func(int) []byte
}{{"comments", genUDHRComments}, {"note", genUDHRNote}}

// BenchmarkUDHRGrowth reads UDHR files of 2,000 and 20,000 pieces: time
// per op must grow about tenfold (at most 12 times).
func BenchmarkUDHRGrowth(b *testing.B) {
	for _, c := range udhrGrowth {
		for _, n := range []int{2000, 20000} {
			data := c.gen(n)
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := ReadUDHR("gen.xml", data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestUDHRLinear guards ReadUDHR against quadratic work: ten times the
// pieces must allocate at most 15 times as much (slices growing by a
// quarter make it 8 to 12.5; when text was joined by concatenation, ten
// times the pieces took 36 to 170 times as long). Allocation, unlike
// time, does not depend on the machine's load.
func TestUDHRLinear(t *testing.T) {
	allocated := func(data []byte) uint64 {
		return testenv.Allocated(func() {
			if _, err := ReadUDHR("gen.xml", data); err != nil {
				t.Fatal(err)
			}
		})
	}
	for _, c := range udhrGrowth {
		small, large := c.gen(5000), c.gen(50000)
		a1, a10 := allocated(small), allocated(large)
		ratio := float64(a10) / float64(a1)
		t.Logf("%s: %d bytes allocate %d KiB, %d bytes %d KiB: ×%.1f", c.name, len(small), a1>>10, len(large), a10>>10, ratio)
		if ratio > 15 {
			t.Errorf("%s: ten times the input allocated %.0f times as much", c.name, ratio)
		}
	}
}
