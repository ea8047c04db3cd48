package office

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"concord/corpora/testenv"
)

// Generators of documents whose one paragraph is made of n pieces (about
// 16 bytes of source each): inline elements in HTML, runs in a .docx,
// spans in a flat ODT. Reading them must take time in proportion to n:
// a paragraph built by repeated string concatenation took time in
// proportion to n², 96 s for a 600 KB page.

func genHTML(n int) []byte {
	return []byte(genParagraph(n, "<!DOCTYPE html><p>1. ", "word <b>w%d</b> ", "</p>"))
}

func genDocx(tb testing.TB, n int) []byte {
	doc := genParagraph(n, `<w:document xmlns:w="`+wNS+`"><w:body><w:p>`,
		"<w:r><w:t xml:space=\"preserve\">word%d </w:t></w:r>", "</w:p></w:body></w:document>")
	return zipOf(tb, map[string]string{"word/document.xml": doc})
}

func genODT(n int) []byte {
	return []byte(fodt("", genParagraph(n, "<text:p>", "<text:span>word%d </text:span>", "</text:p>")))
}

// genParagraph is open, n pieces (piece with a digit in place of %d), and
// close.
func genParagraph(n int, open, piece, close string) string {
	var b strings.Builder
	b.WriteString(open)
	for i := range n {
		fmt.Fprintf(&b, piece, i%10)
	}
	b.WriteString(close)
	return b.String()
}

// growthCases are the generators, by format.
func growthCases(tb testing.TB) []struct {
	name string
	gen  func(n int) []byte
} {
	return []struct {
		name string
		gen  func(n int) []byte
	}{
		{"html", genHTML},
		{"docx", func(n int) []byte { return genDocx(tb, n) }},
		{"odt", genODT},
	}
}

// BenchmarkReaderGrowth reads documents of one paragraph of 2,000 and of
// 20,000 pieces: time per op must grow about tenfold (at most 12 times).
func BenchmarkReaderGrowth(b *testing.B) {
	for _, c := range growthCases(b) {
		for _, n := range []int{2000, 20000} {
			data := c.gen(n)
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, _, err := Text("gen", data, ""); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestReadersLinear guards the readers against quadratic work: ten times
// the pieces in a paragraph must allocate at most 15 times as much (slices
// growing by a quarter make it 8 to 12.5; when a paragraph was built by
// concatenation, ten times the pieces took 51 to 75 times as long);
// BenchmarkReaderGrowth shows the time.
func TestReadersLinear(t *testing.T) {
	for _, c := range growthCases(t) {
		small, large := c.gen(2000), c.gen(20000)
		var err error
		a1 := testenv.Allocated(func() { _, _, err = Text("small", small, "") })
		a10 := testenv.Allocated(func() { _, _, err = Text("large", large, "") })
		if err != nil {
			t.Fatal(err)
		}
		ratio := float64(a10) / float64(a1)
		t.Logf("%s: %d bytes allocate %d KiB, %d bytes %d KiB: ×%.1f", c.name, len(small), a1>>10, len(large), a10>>10, ratio)
		if ratio > 15 {
			t.Errorf("%s: ten times the input allocated %.0f times as much", c.name, ratio)
		}
	}
}

// TestLongParagraphs checks that a paragraph with a line over the limit
// is refused while it is read, naming where: a 1.2 MB page of one
// paragraph took minutes to read and was refused only then.
func TestLongParagraphs(t *testing.T) {
	const n = 200000 // pieces: 1.2 to 1.6 MB of text in one line
	for _, c := range []struct {
		name, where string
		data        []byte
	}{
		{"long.html", "paragraph 1", genHTML(n)},
		{"long.docx", "word/document.xml line 1", genDocx(t, n)},
		{"long.fodt", "line 1", genODT(n)},
		{"long.odt", "content.xml line 1", zipOf(t, map[string]string{
			"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": string(genODT(n))})},
	} {
		if raceSlowdown > 1 && c.name != "long.html" && c.name != "long.odt" {
			continue // the race detector makes each take seconds
		}
		start := time.Now()
		_, _, err := Text(c.name, c.data, "")
		d := time.Since(start)
		want := c.name + ": " + c.where + ": a paragraph has a line longer than the limit of 1048576 bytes (1 MiB)"
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", c.name, err, want)
		}
		t.Logf("%s: %d bytes refused in %v", c.name, len(c.data), d)
		if d > raceSlowdown*time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
	}
}
