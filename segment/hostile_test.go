package segment

import (
	"strings"
	"testing"

	"concord/corpora/testenv"
)

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
	n := testenv.Allocated(func() {
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

// TestHugeArticleNumbers is a minor finding of issue 14: 第九九…九条 wrapped
// around to art.-8446744073709551617, and ASCII numbers were cut to 13
// digits, so that two articles shared an address. A number beyond
// MaxNumber makes no label: the line is text, with a warning.
func TestHugeArticleNumbers(t *testing.T) {
	text := "第1条 甲\n\n内容。\n\n第" + strings.Repeat("九", 25) + "条 乙\n\n第1234567890123456条 丙\n\n第1234567890123457条 丁\n\n第2条 戊\n"
	d, err := Parse("big.txt", text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var addrs []string
	for u := range d.All() {
		addrs = append(addrs, u.Addr)
	}
	if strings.Join(addrs, " ") != "art.1 art.2" {
		t.Errorf("addresses %q, want art.1 art.2", addrs)
	}
	if len(d.Warnings) != 3 || !strings.Contains(d.Warnings[0].Message, "beyond 999999999") {
		t.Errorf("warnings %v", d.Warnings)
	}
	if err := Lossless(text, d); err != nil {
		t.Error(err)
	}
	for _, s := range []string{"99999999999999999999999", "1234567890123456"} {
		if v, _ := ParseDigits(s); v != MaxNumber+1 {
			t.Errorf("ParseDigits(%s) = %d", s, v)
		}
	}
	if v, _ := ParseChineseNumber(strings.Repeat("九", 25)); v != MaxNumber+1 {
		t.Errorf("ParseChineseNumber(九…九) = %d", v)
	}
}
