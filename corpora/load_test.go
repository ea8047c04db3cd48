package corpora

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"concord/corpora/input"
	"concord/corpora/testenv"
)

// FuzzLoad feeds raw bytes through Load, the front door every command
// uses: sniffing, then the UDHR, .docx, .odt, HTML or text reader and the
// parser. It must never panic; an error is an *input.Error naming the
// file; a document's fields are valid UTF-8.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"PK\x03\x04\x00\x00\x00\x00PK\x06\x07\x00\x00\x00\x00\xe8\x03\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00PK\x05\x06\x00\x00\x00\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		"第1条. 宗旨\n本公约的宗旨是：\n(a) 促进\n",
		"\xb5\xda1\xcc\xf5\n",
		"<!DOCTYPE html><meta charset=windows-1251><h1>\xd1\xf2\xe0\xf2\xfc\xff 1</h1><ol><li>x</ol>",
		`<udhr xml:lang="en"><article number="1"><title>Article 1</title><para>x</para></article></udhr>`,
	} {
		f.Add([]byte(seed), uint8(0))
	}
	encodings := []string{"", "utf-8", "gb18030", "windows-1256", "utf-16le"}
	f.Fuzz(func(t *testing.T, data []byte, enc uint8) {
		e := encodings[int(enc)%len(encodings)]
		d, err := Load("fuzz.bin", data, LoadOptions{Encoding: e})
		if err != nil {
			var ie *input.Error
			if !errors.Is(err, input.ErrUnknownEncoding) && (!errors.As(err, &ie) || ie.File == "") {
				t.Fatalf("Load(%q): %T %v, want an *input.Error naming the file", e, err, err)
			}
			return
		}
		for u := range d.All() {
			for _, s := range []string{u.Label, u.Heading, u.Text, u.Tail} {
				if !utf8.ValidString(s) {
					t.Fatalf("Load(%q): unit %s holds invalid UTF-8", e, u.Addr)
				}
			}
		}
	})
}

// TestLoadStdin checks that "-" loads standard input, whatever its format,
// named "standard input" in the document and its errors, and that it may
// be named once only.
func TestLoadStdin(t *testing.T) {
	_, l15 := Default()
	for _, c := range []struct {
		name string
		data []byte
		want string // an error, or "" for a document like the default's
	}{
		{"text", l15, ""},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "standard input: binary data: NUL byte at line 3 (byte offset 8)"},
		{"empty", nil, "standard input: empty input (0 bytes)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			testenv.Stdin(t, c.data)
			d, err := LoadFile(input.Stdin, LoadOptions{})
			if c.want != "" {
				if err == nil || err.Error() != c.want {
					t.Errorf("got %v, want %s", err, c.want)
				}
				return
			}
			if err != nil || d.Name != input.StdinName || d.Find("art.2.f.ii") == nil {
				t.Errorf("LoadFile(-): %v", err)
			}
		})
	}
	if _, err := LoadFiles([]string{"-", "a.txt", "-"}, nil, LoadOptions{}); err == nil || !strings.Contains(err.Error(), "named 2 times") {
		t.Errorf("LoadFiles with - twice: %v", err)
	}
	if _, err := ReadParallel([]string{"-", "-"}, nil, LoadOptions{}); err == nil || !strings.Contains(err.Error(), "named 2 times") {
		t.Errorf("ReadParallel with - twice: %v", err)
	}
	d, err := LoadReader("draft.txt", bytes.NewReader(l15), LoadOptions{})
	if err != nil || d.Name != "draft.txt" || d.Find("art.2.f.ii") == nil {
		t.Errorf("LoadReader: %v", err)
	}
}
