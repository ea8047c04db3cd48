package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
)

// encodeLossy encodes s with e, writing '?' for each character e cannot
// encode. It returns the bytes and the text they stand for.
func encodeLossy(t testing.TB, e encoding.Encoding, s string) ([]byte, string) {
	t.Helper()
	enc := e.NewEncoder()
	var out []byte
	var want strings.Builder
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		b, err := enc.Bytes(buf[:utf8.EncodeRune(buf[:], r)])
		if err != nil {
			out = append(out, '?')
			want.WriteByte('?')
			continue
		}
		out = append(out, b...)
		want.WriteRune(r)
	}
	return out, want.String()
}

// l15 returns the L.15 draft that package corpora embeds as its default
// input (corpora/default/L15.zh.txt).
func l15(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "default", "L15.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
