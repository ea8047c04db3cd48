package input

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"concord/corpora/testenv"
)

// utf16Bytes encodes s as UTF-16 with the standard library, optionally with
// a byte-order mark.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

type decodeCase struct {
	name     string
	data     []byte
	encoding string // passed to Decode
	want     string // expected text
	detected string // expected result of Detect(data), "" to skip
}

// checkDecode runs Decode and Detect on the cases.
func checkDecode(t *testing.T, cases []decodeCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Decode(c.name, c.data, c.encoding)
			if err != nil {
				t.Fatalf("Decode(%q): %v", c.encoding, err)
			}
			if got != c.want {
				i := 0
				for i < len(got) && i < len(c.want) && got[i] == c.want[i] {
					i++
				}
				t.Fatalf("Decode(%q): text differs at byte %d: got %q, want %q", c.encoding, i,
					got[i:min(len(got), i+40)], c.want[i:min(len(c.want), i+40)])
			}
			if c.detected != "" {
				if d := Detect(c.data); d != c.detected {
					t.Errorf("Detect = %q, want %q", d, c.detected)
				}
			}
		})
	}
}

// TestDecodeEncodings decodes the embedded L.15 draft in every encoding,
// with the encoding detected and given.
func TestDecodeEncodings(t *testing.T) {
	text := l15(t)
	crlf := strings.ReplaceAll(text, "\n", "\r\n")
	gb, gbText := encodeLossy(t, simplifiedchinese.GB18030, text)
	if gbText != text {
		t.Fatal("GB18030 cannot encode all of L.15")
	}
	gbCRLF, _ := encodeLossy(t, simplifiedchinese.GB18030, crlf)
	gbk, gbkText := encodeLossy(t, simplifiedchinese.GBK, text) // "¹" is not in GBK
	checkDecode(t, []decodeCase{
		{"utf-8", []byte(text), "", text, UTF8},
		{"utf-8 given", []byte(text), "UTF8", text, ""},
		{"utf-8 bom", append(append([]byte{}, bomUTF8...), text...), "", text, UTF8},
		{"utf-8 bom given", append(append([]byte{}, bomUTF8...), text...), "utf-8", text, ""},
		{"utf-8 crlf", []byte(crlf), "", crlf, UTF8},
		{"utf-16le bom", utf16Bytes(text, false, true), "", text, UTF16LE},
		{"utf-16be bom", utf16Bytes(text, true, true), "", text, UTF16BE},
		{"utf-16 given le bom", utf16Bytes(text, false, true), "utf-16", text, ""},
		{"utf-16 given be bom", utf16Bytes(text, true, true), "UTF-16", text, ""},
		{"utf-16 given le no bom", utf16Bytes(text, false, false), "utf16", text, ""},
		{"utf-16 given be no bom", utf16Bytes(text, true, false), "utf-16", text, ""},
		{"utf-16le given", utf16Bytes(text, false, false), "UTF-16LE", text, ""},
		{"utf-16le given bom", utf16Bytes(text, false, true), "utf_16_le", text, ""},
		{"utf-16be given", utf16Bytes(text, true, false), "utf-16be", text, ""},
		{"utf-16le crlf", utf16Bytes(crlf, false, true), "", crlf, UTF16LE},
		{"gb18030", gb, "", text, GB18030},
		{"gb18030 given", gb, "GB18030", text, ""},
		{"gb18030 alias", gb, "gb-18030", text, ""},
		{"gb18030 crlf", gbCRLF, "", crlf, GB18030},
		{"gbk given", gbk, "gbk", gbkText, ""},
		{"gbk alias cp936", gbk, "CP936", gbkText, ""},
		{"gbk detected", gbk, "", gbkText, GB18030},
	})
}

// TestDecodeCorpusEncodings re-encodes the corpus's Chinese, Arabic and
// Russian texts and decodes them with the encoding detected.
func TestDecodeCorpusEncodings(t *testing.T) {
	hans := testenv.Read(t, "udhr/udhr_cmn_hans.xml")
	hant := testenv.Read(t, "udhr/udhr_cmn_hant.xml")
	ar := testenv.Read(t, "un-cybercrime/final.ar.art1-15.txt")
	ru := testenv.Read(t, "udhr/udhr_rus.xml")
	hansGB, _ := encodeLossy(t, simplifiedchinese.GB18030, hans)
	// 痩 (U+75E9, twice) in the zh-Hant file is not in Big5: it becomes "?".
	hantB5, hantWant := encodeLossy(t, traditionalchinese.Big5, hant)
	if n := strings.Count(hantWant, "?") - strings.Count(hant, "?"); n != 2 {
		t.Errorf("%d characters of udhr_cmn_hant.xml not in Big5, want 2", n)
	}
	hantGB, _ := encodeLossy(t, simplifiedchinese.GB18030, hant)
	checkDecode(t, []decodeCase{
		{"udhr_cmn_hans gb18030", hansGB, "", hans, GB18030},
		{"udhr_cmn_hant big5", hantB5, "", hantWant, Big5},
		{"udhr_cmn_hant big5 given", hantB5, "Big5", hantWant, ""},
		{"udhr_cmn_hant big5 alias", hantB5, "cp950", hantWant, ""},
		// Traditional characters in GB18030 are still GB18030: most
		// traditional characters are GB 2312 level-1 characters too.
		{"udhr_cmn_hant gb18030", hantGB, "", hant, GB18030},
		{"final.ar utf-16le", utf16Bytes(ar, false, true), "", ar, UTF16LE},
		{"final.ar utf-8", []byte(ar), "", ar, UTF8},
		{"udhr_rus utf-16be", utf16Bytes(ru, true, true), "", ru, UTF16BE},
	})
}

// TestDetectChineseLines checks detection line by line: every line of the
// Chinese corpus texts that has a non-ASCII character, encoded alone.
func TestDetectChineseLines(t *testing.T) {
	dir := testenv.Corpora(t)
	type src struct {
		file string
		big5 bool
	}
	for _, s := range []src{
		{"un-cybercrime/L15.zh.txt", false},
		{"udhr/udhr_cmn_hans.xml", false},
		{"bible-zh-en/zh.txt", false},
		{"udhr/udhr_cmn_hant.xml", true},
	} {
		data, err := os.ReadFile(filepath.Join(dir, s.file))
		if err != nil {
			t.Fatal(err)
		}
		e, want := simplifiedchinese.GB18030, GB18030
		if s.big5 {
			e, want = traditionalchinese.Big5, Big5
		}
		lines, wrong := 0, 0
		for _, line := range strings.Split(string(data), "\n") {
			b, lineWant := encodeLossy(t, e, line)
			if utf8.Valid(b) {
				continue // ASCII only
			}
			lines++
			if got, err := Decode(s.file, b, ""); err != nil || got != lineWant {
				wrong++
				if wrong <= 5 {
					t.Errorf("%s: line %q: got %q, %v (want %s)", s.file, line, got, err, want)
				}
			}
		}
		t.Logf("%s: %d of %d lines decoded right as %s", s.file, lines-wrong, lines, want)
	}
}

// TestDetectLawCorpus re-encodes every Chinese law of the corpus in
// GB18030 and decodes it with the encoding detected.
func TestDetectLawCorpus(t *testing.T) {
	dir := testenv.Corpora(t)
	files, err := filepath.Glob(filepath.Join(dir, "zh-law-revisions", "*", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join(dir, "zh-law-revisions", "*", "*.md"))
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("found %d law files, want at least 100", len(files))
	}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b, want := encodeLossy(t, simplifiedchinese.GB18030, string(data))
		total += len(b)
		got, err := Decode(f, b, "")
		if err != nil || got != want {
			t.Errorf("%s: GB18030 not decoded right: %v", f, err)
		}
	}
	t.Logf("%d law files, %d bytes of GB18030, all detected", len(files), total)
}

// TestDecodeErrors checks every reason for an *Error.
func TestDecodeErrors(t *testing.T) {
	gbLine, _ := encodeLossy(t, simplifiedchinese.GB18030, "第一条 目的\n本公约的宗旨是：\n")
	sup, _ := encodeLossy(t, simplifiedchinese.GB18030, "脚注¹\n") // ¹ needs four bytes
	b5, _ := encodeLossy(t, traditionalchinese.Big5, "第一條\n")
	elf := []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00")
	controls := bytes.Repeat([]byte("text\x01\x02\x03\x1b"), 100)
	var latin1 []byte // French in ISO 8859-1, too few accents to tell the encoding
	for _, r := range "Article premier\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n" {
		latin1 = append(latin1, byte(r))
	}
	long := "第一条\n" + strings.Repeat("条", 700_000) + "\n" // line 2: 2.1 MB
	cases := []struct {
		name     string
		data     []byte
		encoding string
		want     string // in the reason
	}{
		{"empty", nil, "", "empty input"},
		{"empty given", []byte{}, "gb18030", "empty input"},
		{"whitespace", []byte(" \n\t\r\n\u3000 "), "", "only whitespace"},
		{"bom only", bomUTF8, "", "only whitespace"},
		{"utf-16 whitespace", utf16Bytes(" \r\n", false, true), "", "only whitespace"},
		{"nul binary", elf, "", "binary data: NUL byte at line 1 (byte offset 7)"},
		{"nul binary given", elf, "big5", "binary data: NUL byte"},
		{"nul utf-8 bom", append(append([]byte{}, bomUTF8...), "a\nb\x00"...), "", "NUL byte at line 2"},
		{"controls", controls, "", "binary data: 400 of 800 bytes are control characters"},
		{"utf-16 nul", utf16Bytes("a\nb\x00c", false, true), "", "NUL character at line 2"},
		{"utf-16 controls", utf16Bytes(string(controls), true, true), "", "control characters"},
		{"utf-16 odd", append(utf16Bytes("第一条", false, true), 'x'), "", "odd number of bytes"},
		{"utf-16 cut surrogate", utf16Bytes("a\n\U0001D11E", false, false)[:6], "utf-16le", "line 2: not valid utf-16le: unpaired surrogate 0xD834 at byte offset 4"},
		{"utf-16 unpaired", append(utf16Bytes("a\n", false, true), 0x00, 0xD8, 'b', 0), "", "line 2: not valid utf-16le (detected): unpaired surrogate 0xD800"},
		{"utf-8 invalid given", []byte("第一条\n\xff abc"), "utf-8", "line 2: not valid utf-8 (bad byte 0xFF at byte offset 10)"},
		{"utf-8 invalid bom", append(append([]byte{}, bomUTF8...), "ok\n\xc3("...), "", "line 2: not valid utf-8 (detected)"},
		{"gb18030 invalid", append(append([]byte{}, gbLine...), "\x81 x\n"...), "gb18030", "line 3: not valid gb18030"},
		{"gb18030 invalid detected", append(append([]byte{}, gbLine...), "\x81 x\n"...), "", "line 3: not valid gb18030 (detected)"},
		{"gbk four-byte", sup, "gbk", "line 1: not valid gbk"},
		{"big5 invalid", append(append([]byte{}, b5...), "\x80\n"...), "big5", "line 2: not valid big5"},
		{"latin-1", latin1, "", "line 2: not valid UTF-8 (bad byte 0xEA at byte offset 25), and the text reads clearly as none of GB18030 or Big5 Chinese, windows-1256 Arabic, windows-1251 or KOI8-R Russian, windows-1252 French or Spanish; give its encoding (--encoding"},
		{"long line", []byte(long), "", "line 2 is 2100000 bytes long, more than the limit of 1048576 bytes (1 MiB)"},
		{"long line gb18030", func() []byte { b, _ := encodeLossy(t, simplifiedchinese.GB18030, long); return b }(), "", "line 2 is 2100000 bytes"},
		{"long line cr", []byte(strings.Repeat("abc\r", 400_000)), "", "lone carriage returns"},
		{"too large", make([]byte, MaxFileBytes+1), "", "input is 268435457 bytes, more than the limit of 268435456 bytes (256 MiB)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Decode(c.name, c.data, c.encoding)
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("Decode = %.40q, %v; want an *Error", got, err)
			}
			if ie.File != c.name || err.Error() != c.name+": "+ie.Reason {
				t.Errorf("error %q does not name the file first", err)
			}
			if !strings.Contains(ie.Reason, c.want) {
				t.Errorf("reason %q does not contain %q", ie.Reason, c.want)
			}
		})
	}
}

func TestUnknownEncoding(t *testing.T) {
	for _, name := range []string{"ebcdic", "utf-32", "ISO-2022-KR", "replacement"} {
		_, err := Decode("x.txt", []byte("abc"), name)
		var ie *Error
		if !errors.Is(err, ErrUnknownEncoding) || errors.As(err, &ie) {
			t.Errorf("%s: err = %v; want ErrUnknownEncoding, not an *Error", name, err)
		}
	}
	for alias, want := range map[string]string{
		"UTF-8": UTF8, "utf8": UTF8, "UTF-16": UTF16, "utf_16le": UTF16LE, "UTF-16BE": UTF16BE,
		"GB18030": GB18030, "GB2312": GBK, "EUC-CN": GBK, "cp936": GBK, "windows-936": GBK,
		"BIG5": Big5, "Big5-HKSCS": Big5, "x-x-big5": Big5, "cp950": Big5,
		// the WHATWG labels, as given and without punctuation
		"windows-1256": Windows1256, "CP1256": Windows1256, "x-cp1256": Windows1256, "Windows_1256": Windows1256,
		"cp1251": Windows1251, "WINDOWS1251": Windows1251, "KOI8-R": KOI8R, "koi8_r": KOI8R, "KOI8R": KOI8R,
		"latin1": Windows1252, "ISO-8859-1": Windows1252, "iso8859-1": Windows1252, "us-ascii": Windows1252,
		"ISO_8859-5": "iso-8859-5", "ISO8859-5": "iso-8859-5", "ibm866": "ibm866", "x-mac-cyrillic": "x-mac-cyrillic",
		"Shift_JIS": "shift_jis", "unicodefeff": UTF16LE, "x-user-defined": "x-user-defined",
	} {
		if got, ok := CanonicalEncoding(alias); !ok || got != want {
			t.Errorf("CanonicalEncoding(%q) = %q, %v; want %q", alias, got, ok, want)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	data := []byte(l15(t))
	gb, _ := encodeLossy(t, simplifiedchinese.GB18030, string(data))
	path := filepath.Join(dir, "L15.gb18030.txt")
	if err := os.WriteFile(path, gb, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path, "")
	if err != nil || got != string(data) {
		t.Fatalf("ReadFile: %v (text equal: %v)", err, got == string(data))
	}
	for _, c := range []struct {
		path, want string
		is         error
	}{
		{filepath.Join(dir, "missing.txt"), "cannot read file: open: no such file or directory", fs.ErrNotExist},
		{dir, "is a directory", nil},
	} {
		_, err := ReadFile(c.path, "")
		var ie *Error
		if !errors.As(err, &ie) || ie.File != c.path || !strings.Contains(ie.Reason, c.want) {
			t.Errorf("ReadFile(%q) = %v; want an *Error naming it, with %q", c.path, err, c.want)
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("ReadFile(%q) = %v; want errors.Is %v", c.path, err, c.is)
		}
	}
	if dir := os.Getenv("CONCORD_CORPORA"); dir != "" {
		p := filepath.Join(testenv.Corpora(t), "un-cybercrime", "final.ar.art1-15.txt")
		if s, err := ReadFile(p, "utf-8"); err != nil || !strings.Contains(s, "المادة") {
			t.Errorf("ReadFile(%s): %v", p, err)
		}
	}
}

// FuzzDecode checks that Decode never panics and returns valid UTF-8 or an
// *Error, whatever the bytes and the encoding.
func FuzzDecode(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input, which is slow for
	// inputs of kilobytes.
	head := []byte(strings.ToValidUTF8(l15(f)[:300], ""))
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(head)
	b5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte("第一條\n人人生而自由，在尊嚴和權利上一律平等。\n"))
	for i, seed := range [][]byte{
		head, gb, b5, utf16Bytes("第一条\r\n", false, true), utf16Bytes("x", true, false),
		{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE, 0x00, 0xD8}, {0x81, 0x30, 0x81, 0x30}, {0x84, 0x31, 0xA4, 0x37},
		[]byte("a\x00b"), []byte(" \n"), {0xA4}, {0x81},
		[]byte("\xc7\xe1\xe3\xc7\xcf\xc9 1\n"), []byte("\xf3\xd4\xc1\xd4\xd8\xd1 1\n"), []byte("d\xe9claration\n"), []byte("\x1b$B0!\x1b(B"),
	} {
		f.Add(seed, uint8(i))
	}
	encodings := []string{"", UTF8, UTF16, UTF16LE, UTF16BE, GB18030, GBK, Big5,
		Windows1252, Windows1251, KOI8R, Windows1256, "iso-2022-jp", "shift_jis", "x-user-defined"}
	f.Fuzz(func(t *testing.T, data []byte, enc uint8) {
		e := encodings[int(enc)%len(encodings)]
		s, err := Decode("fuzz", data, e)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("Decode(%q) error is %T, not *Error: %v", e, err, err)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(%q) returned invalid UTF-8", e)
		}
	})
}

// BenchmarkDecode decodes the L.15 draft (96 KB of UTF-8) as it is, in
// GB18030 and in UTF-16, detecting the encoding.
func BenchmarkDecode(b *testing.B) {
	data := []byte(l15(b))
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
	for _, c := range []struct {
		name     string
		data     []byte
		encoding string
	}{
		{"utf-8/detect", data, ""},
		{"gb18030/detect", gb, ""},
		{"gb18030/given", gb, GB18030},
		{"utf-16le/detect", utf16Bytes(string(data), false, true), ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := Decode("L15", c.data, c.encoding); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
