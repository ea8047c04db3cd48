package out

import (
	"bytes"
	"math/rand/v2"
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

// TestJSONStreamMatchesEncoder: the stream writes what encoding/json
// writes (HTML escaping off), indented and compact, for strings of every
// kind of character, invalid UTF-8 included.
func TestJSONStreamMatchesEncoder(t *testing.T) {
	pieces := []string{"a", "缔约国", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1b", "\x7f", "<&>", "\u2028", "\u2029",
		"\xff", "\xe4\xb8", "\u0085", "😀", " ", "'", "/"}
	r := rand.New(rand.NewPCG(1, 2))
	type item struct {
		Name string `json:"name"`
		N    int    `json:"n"`
		Subs []item `json:"subs"`
	}
	var write func(s *JSONStream, it item)
	write = func(s *JSONStream, it item) {
		s.Begin('{')
		s.StringField("name", it.Name)
		s.IntField("n", it.N)
		s.Key("subs")
		s.Begin('[')
		for _, c := range it.Subs {
			write(s, c)
		}
		s.End(']')
		s.End('}')
	}
	var gen func(depth int) item
	gen = func(depth int) item {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		it := item{Name: b.String(), N: r.IntN(2000) - 1000, Subs: []item{}}
		for range r.IntN(4) * min(1, 3-depth) {
			it.Subs = append(it.Subs, gen(depth+1))
		}
		return it
	}
	for range 200 {
		it := gen(0)
		for _, compact := range []bool{false, true} {
			var want, got bytes.Buffer
			if err := JSON(&want, it, compact); err != nil {
				t.Fatal(err)
			}
			s := NewJSONStream(&got, compact)
			write(s, it)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("compact %v:\n got %q\nwant %q", compact, got.String(), want.String())
			}
		}
	}
}

// TestTSVField: a field keeps to its cell, every tab and line break (a
// CRLF pair as one) becoming a space; a field without them is returned as
// it is.
func TestTSVField(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"缔约国", "缔约国"},
		{"a\tb", "a b"},
		{"a\r\nb", "a b"},
		{"a\n\nb\r", "a  b "},
		{"\t", " "},
		{"第一条\t定义\r\n（a）", "第一条 定义 （a）"},
	} {
		if got := TSVField(c.in); got != c.want {
			t.Errorf("TSVField(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFileExt: a format's files take its first extension, without the
// dot, else its name.
func TestFileExt(t *testing.T) {
	for _, c := range []struct {
		f    Format[int, int]
		want string
	}{
		{Format[int, int]{Name: "text", Exts: []string{".txt"}}, "txt"},
		{Format[int, int]{Name: "html", Exts: []string{".html", ".htm"}}, "html"},
		{Format[int, int]{Name: "jsonl"}, "jsonl"},
		{Format[int, int]{}, ""},
	} {
		if got := c.f.FileExt(); got != c.want {
			t.Errorf("%s: FileExt = %q, want %q", c.f.Name, got, c.want)
		}
	}
}

// TestRTL: Arabic is written right to left, whatever the case and
// subtags; the other UN languages left to right.
func TestRTL(t *testing.T) {
	for tag, want := range map[string]bool{"ar": true, "ar-EG": true, "AR": true, "fa": true,
		"zh": false, "zh-CN": false, "en": false, "fr": false, "ru": false, "es": false, "": false} {
		if RTL(tag) != want {
			t.Errorf("RTL(%q) = %v", tag, !want)
		}
		if d := Dir(tag); (d == "rtl") != want || d != "rtl" && d != "ltr" {
			t.Errorf("Dir(%q) = %q", tag, d)
		}
	}
}
