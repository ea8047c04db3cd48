package out

import (
	"bytes"
	"strings"
	"testing"
)

// TestControls is a minor finding of issue 14: terminal escape sequences
// and raw control characters of a document reached the terminal and HTML
// pages. Terminal writes them as escapes, NoControls as visible pictures,
// and the writers do the same across the boundaries of their writes.
func TestControls(t *testing.T) {
	in := "title\x1b]0;owned\x07 \x1b[2J red\r\nline\ttab \u009b31m c1 \x7f 缔约国"
	term := "title\\x1b]0;owned\\x07 \\x1b[2J red\\r\nline\ttab \\u009b31m c1 \\x7f 缔约国"
	html := "title␛]0;owned␇ ␛[2J red\r\nline\ttab \uFFFD31m c1 ␡ 缔约国"
	if got := Terminal(in); got != term {
		t.Errorf("Terminal = %q\nwant %q", got, term)
	}
	if got := NoControls(in); got != html {
		t.Errorf("NoControls = %q\nwant %q", got, html)
	}
	if s := "plain 文本\n\ttab"; Terminal(s) != s || NoControls(s) != s {
		t.Error("clean text changed")
	}
	// byte by byte through the writers: a C1 control split across writes
	for _, tc := range []struct {
		w    func(*bytes.Buffer) interface{ Write([]byte) (int, error) }
		want string
	}{
		{func(b *bytes.Buffer) interface{ Write([]byte) (int, error) } { return TerminalWriter(b) }, term},
		{func(b *bytes.Buffer) interface{ Write([]byte) (int, error) } { return HTMLWriter(b) }, html},
	} {
		var b bytes.Buffer
		w := tc.w(&b)
		for i := range len(in) {
			w.Write([]byte{in[i]})
		}
		if b.String() != tc.want {
			t.Errorf("written byte by byte: %q\nwant %q", b.String(), tc.want)
		}
	}
}

// TestCSVCell is a minor finding of issue 14: the terms CSV wrote cells
// starting with = + - @ as they were, which spreadsheets run as formulas.
func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x")`: `'=HYPERLINK("http://x")`, "+1": "'+1", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "缔约国": "缔约国", "a=b": "a=b", "": "",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
	if !strings.HasPrefix(CSVCell("=1"), "'") {
		t.Error("no apostrophe")
	}
}
