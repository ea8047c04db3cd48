package corpora

import (
	"errors"
	"testing"
	"unicode/utf8"

	"concord/corpora/input"
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
