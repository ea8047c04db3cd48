package input

import (
	"strings"
	"testing"
	"unicode/utf8"

	"concord/corpora/testenv"
)

// encodable keeps the lines of text that enc (a canonical name) can encode,
// so that iconv converts what is left without loss: the corpus's Arabic
// has Arabic-Indic digits that windows-1256 lacks, its Spanish a few
// Russian words.
func encodable(t testing.TB, text, enc string) string {
	t.Helper()
	e := codec(enc).NewEncoder()
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		if _, err := e.String(line); err == nil {
			b.WriteString(line)
		}
	}
	return b.String()
}

// legacyTexts are corpus texts in Arabic, Russian, French and Spanish,
// with the encodings they may come in, each by iconv's name and by its
// canonical name, which Decode should detect.
var legacyTexts = []struct {
	file      string
	encodings [][2]string
}{
	{"udhr/udhr_arb.xml", [][2]string{{"WINDOWS-1256", Windows1256}}},
	{"un-cybercrime/final.ar.art1-15.txt", [][2]string{{"CP1256", Windows1256}}},
	{"unpc-devset/UNv1.0.devset.ar", [][2]string{{"WINDOWS-1256", Windows1256}}},
	{"udhr/udhr_rus.xml", [][2]string{{"WINDOWS-1251", Windows1251}, {"KOI8-R", KOI8R}}},
	{"unpc-devset/UNv1.0.devset.ru", [][2]string{{"CP1251", Windows1251}, {"KOI8-R", KOI8R}}},
	{"udhr/udhr_fra.xml", [][2]string{{"WINDOWS-1252", Windows1252}, {"ISO-8859-1", Windows1252}}},
	{"udhr/udhr_spa.xml", [][2]string{{"CP1252", Windows1252}, {"LATIN1", Windows1252}}},
	{"unpc-devset/UNv1.0.devset.fr", [][2]string{{"WINDOWS-1252", Windows1252}}},
	{"unpc-devset/UNv1.0.devset.es", [][2]string{{"ISO-8859-1", Windows1252}}},
}

// TestDecodeIconv converts the corpus's Arabic, Russian, French and
// Spanish texts with iconv into the encodings such files come in, and
// decodes them with the encoding given (by iconv's name for it) and
// detected: the text must be the UTF-8 file's. Lines the encoding cannot
// hold are left out first (Arabic-Indic digits, a few Russian words in the
// Spanish text, U+2010 in the French UDHR).
func TestDecodeIconv(t *testing.T) {
	for _, c := range legacyTexts {
		for _, e := range c.encodings {
			t.Run(c.file+"/"+e[0], func(t *testing.T) {
				text := utf8Text(t, c.file, e)
				data := testenv.Iconv(t, text, e[0])
				for _, given := range []string{e[0], ""} {
					got, err := Decode(c.file, data, given)
					if err != nil || got != text {
						t.Errorf("Decode(%q): %v (text equal: %v)", given, err, got == text)
					}
				}
				if d := Detect(data); d != e[1] {
					t.Errorf("Detect = %q, want %q", d, e[1])
				}
			})
		}
	}
}

// utf8Text is a corpus text as TestDecodeIconv converts it.
func utf8Text(t testing.TB, file string, e [2]string) string {
	t.Helper()
	text := encodable(t, strings.ReplaceAll(testenv.Read(t, file), "\u2010", "-"), e[1])
	if e[0] == "ISO-8859-1" || e[0] == "LATIN1" {
		text = encodableLatin1(text) // ISO-8859-1 lacks windows-1252's “ ” – …
	}
	return text
}

// TestDetectSingleByteLines decodes every line of those texts on its own
// with the encoding detected. A line is too short to tell its encoding
// with certainty, and Decode may refuse it; but it never takes one
// single-byte encoding for another. A short line that reads as GB18030 or
// Big5 is still taken as Chinese, as it was before single-byte encodings
// were detected: Chinese detection is unchanged.
func TestDetectSingleByteLines(t *testing.T) {
	for _, c := range legacyTexts {
		for _, e := range c.encodings {
			text := utf8Text(t, c.file, e)
			enc := codec(e[1]).NewEncoder()
			lines, right, refused, chinese := 0, 0, 0, 0
			for _, line := range strings.SplitAfter(text, "\n") {
				b, err := enc.Bytes([]byte(line))
				if err != nil {
					t.Fatal(err)
				}
				if utf8.Valid(b) {
					continue // ASCII only
				}
				lines++
				got, err := Decode(c.file, b, "")
				switch d := Detect(b); {
				case err != nil:
					refused++
				case got == line:
					right++
				case d == GB18030 || d == Big5:
					chinese++
				default:
					t.Errorf("%s in %s: line %q read as %s", c.file, e[0], line, d)
				}
			}
			t.Logf("%s in %s: %d lines: %d right, %d refused, %d taken as Chinese", c.file, e[0], lines, right, refused, chinese)
		}
	}
}

// TestDecodeOtherEncodings decodes Russian in the Cyrillic encodings that
// are not detected, given by name, and checks that without the name
// Decode refuses them with an error that says how to give it.
func TestDecodeOtherEncodings(t *testing.T) {
	text := testenv.Read(t, "udhr/udhr_rus.xml")
	for _, e := range []string{"ISO-8859-5", "IBM866", "MAC-CYRILLIC"} {
		data := testenv.Iconv(t, text, e)
		name := map[string]string{"MAC-CYRILLIC": "x-mac-cyrillic"}[e]
		if name == "" {
			name = e
		}
		got, err := Decode("r.txt", data, name)
		if err != nil || got != text {
			t.Errorf("%s: %v", e, err)
		}
		if _, err := Decode("r.txt", data, ""); err == nil || !strings.Contains(err.Error(), "give its encoding (--encoding") {
			t.Errorf("%s detected: %v, want an error naming --encoding", e, err)
		}
	}
}

// encodableLatin1 keeps the lines of text that are all in ISO-8859-1.
func encodableLatin1(text string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		ok := true
		for _, r := range line {
			if r > 0xFF {
				ok = false
			}
		}
		if ok {
			b.WriteString(line)
		}
	}
	return b.String()
}
