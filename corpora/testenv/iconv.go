package testenv

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// Iconv converts UTF-8 text to the encoding to (iconv's name for it) with
// the iconv tool, as a user converting a file would. A missing iconv skips
// the test outside CI and fails it in CI, as Tool does; text that the
// encoding cannot hold fails the test.
func Iconv(tb testing.TB, text, to string) []byte {
	tb.Helper()
	cmd := exec.Command(Tool(tb, "iconv"), "-f", "UTF-8", "-t", to)
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("iconv -t %s: %v: %s", to, err, stderr.String())
	}
	return out
}
