package office

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"concord/corpora/input"
)

// bombPart returns a raw deflate stream that inflates to about n bytes:
// prefix, then the XML element unit repeated. It is made by repeating one
// flushed block, so building it costs little.
func bombPart(t testing.TB, prefix, unit string, n int) []byte {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	rep := strings.Repeat(unit, (1<<20)/len(unit))
	fw.Write([]byte(rep))
	fw.Flush()
	var first bytes.Buffer
	fw, _ = flate.NewWriter(&first, flate.BestCompression)
	fw.Write([]byte(prefix))
	fw.Flush()
	out := append([]byte(nil), first.Bytes()...)
	for size := 0; size < n; size += len(rep) {
		out = append(out, chunk.Bytes()...)
	}
	return append(out, 0x03, 0x00) // a final empty block
}

// zipRaw builds an archive with one raw deflated part whose header states
// the given uncompressed size (a lie, if the caller wants).
func zipRaw(t testing.TB, name string, raw []byte, declared uint64, extra map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, c := range extra {
		w, _ := zw.Create(n)
		w.Write([]byte(c))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(len(raw)),
		UncompressedSize64: declared, CRC32: 0})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw)
	zw.Close()
	return buf.Bytes()
}

// measure runs fn and reports its time and the growth of the memory the
// runtime holds from the system (the high-water mark of the heap).
func measure(fn func()) (time.Duration, uint64) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	fn()
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	grow := uint64(0)
	if after.HeapSys > before.HeapSys {
		grow = after.HeapSys - before.HeapSys
	}
	return d, grow
}

// TestHostileInputs feeds a zip bomb (with an honest and a lying size in
// its header), a truncated .docx, billion-laughs XML in a .docx, a flat
// .odt and HTML, a deep nesting and an archive with too many entries to
// Text: each must give a clear *input.Error naming the file within
// a second and without holding much memory. (Billion laughs in UDHR XML
// is corpora's TestReadUDHRErrors.)
func TestHostileInputs(t *testing.T) {
	docPrefix := `<?xml version="1.0"?><w:document xmlns:w="` + wNS + `"><w:body>`
	bomb := bombPart(t, docPrefix, "<w:p/>", 1<<30) // inflates to 1 GiB
	laughs := `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`
	docx := readFixture(t, "L15.pandoc.docx")
	many := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i <= MaxArchiveEntries; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: "f" + strings.Repeat("x", i%7), Method: zip.Store})
		}
		zw.Close()
		return buf.Bytes()
	}()
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"bomb.docx", zipRaw(t, "word/document.xml", bomb, 1<<30, nil), "zip bomb"},
		{"lying-bomb.docx", zipRaw(t, "word/document.xml", bomb, 60<<20, nil), "zip bomb"},
		{"lying-size.docx", zipRaw(t, "word/document.xml", bomb, 1000, nil), "larger than the archive's directory says"},
		{"big-part.docx", zipRaw(t, "word/document.xml", bombPart(t, docPrefix, "<w:p/>", 100<<20), 100<<20, nil), "zip bomb"},
		{"truncated.docx", docx[:len(docx)*2/3], "truncated"},
		{"cut-part.docx", append(append([]byte(nil), docx[:len(docx)-200]...), docx[len(docx)-22:]...), ""},
		{"laughs.docx", zipOf(t, map[string]string{"word/document.xml": laughs + `<w:document xmlns:w="` + wNS + `"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`}), "DOCTYPE"},
		{"laughs.fodt", []byte(laughs + `<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.text"><office:body>&lol9;</office:body></office:document>`), "DOCTYPE"},
		{"deep.docx", zipOf(t, map[string]string{"word/document.xml": docPrefix + strings.Repeat("<w:sdt>", 100000)}), "nested more than"},
		{"deep.html", []byte("<!DOCTYPE html>" + strings.Repeat("<div>", 100000)), "nested more than 512 deep"},
		{"unclosed.docx", zipOf(t, map[string]string{"word/document.xml": docPrefix + "<w:p><w:r><w:t>text"}), "malformed XML"},
		{"many.zip", many, "entries"},
		{"encrypted.docx", func() []byte {
			b := zipOf(t, map[string]string{"word/document.xml": docPrefix})
			i := bytes.Index(b, []byte("PK\x01\x02")) // set the encryption flag in the directory
			b[i+8] |= 1
			return b
		}(), "password"},
	} {
		var err error
		d, mem := measure(func() { _, _, err = Text(c.name, c.data, "") })
		t.Logf("%-16s %6.1f ms %6.1f MiB: %v", c.name, float64(d.Microseconds())/1000, float64(mem)/(1<<20), err)
		var ie *input.Error
		if !errors.As(err, &ie) || ie.File != c.name || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an input.Error naming the file and saying %q", c.name, err, c.want)
		}
		// a guard against runaway work (a bomb inflated, entities
		// expanded), not a speed goal: the refusals take 0.1–130 ms
		if d > raceSlowdown*time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
		if mem > 160<<20 {
			t.Errorf("%s: the heap grew by %d MiB", c.name, mem>>20)
		}
	}
	// Billion laughs in HTML is harmless: HTML knows only its own entities.
	text, _, err := Text("laughs.html", []byte("<!DOCTYPE html>"+laughs+"<p>&lol9;</p>"), "")
	if err != nil || !strings.HasSuffix(text, "&lol9;\n") || len(text) > 2000 {
		t.Errorf("laughs.html: %v %q", err, text)
	}
}

// bogusZIP64 is a 50-byte file whose end-of-directory record announces a
// ZIP64 directory (0xFFFF entries) behind a locator that points into
// nowhere: every command panicked on it, as the record's offset was
// compared with len(data)-56, negative for inputs under 56 bytes.
const bogusZIP64 = "PK\x03\x04\x00\x00\x00\x00PK\x06\x07\x00\x00\x00\x00\xe8\x03\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00PK\x05\x06\x00\x00\x00\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"

// TestTinyArchives feeds short archives with bogus end records, and every
// prefix and suffix of them, to Sniff, Text, Revisions and each reader:
// an *input.Error naming the file or text, never a panic.
func TestTinyArchives(t *testing.T) {
	if len(bogusZIP64) != 50 {
		t.Fatalf("the file is %d bytes", len(bogusZIP64))
	}
	zip64Tail := []byte(bogusZIP64[8:])
	var inputs [][]byte
	for _, base := range [][]byte{
		[]byte(bogusZIP64),
		append(bytes.Repeat([]byte{'x'}, 100), zip64Tail...), // long enough, offset still bogus
		[]byte("PK\x05\x06" + strings.Repeat("\xff", 18)),
		[]byte("PK\x03\x04" + strings.Repeat("\xff", 26)),
	} {
		for i := range base {
			inputs = append(inputs, base[:i], base[i:])
		}
	}
	for _, data := range inputs {
		Sniff(data)
		zipEntryCount(data)
		for _, read := range []func() error{
			func() error { _, _, err := Text("tiny.docx", data, ""); return err },
			func() error { _, _, err := Revisions("tiny.docx", data, ""); return err },
			func() error { _, err := readDocx("tiny.docx", data); return err },
			func() error { _, err := readODT("tiny.docx", data); return err },
		} {
			if err := read(); err != nil {
				var ie *input.Error
				if !errors.As(err, &ie) || ie.File != "tiny.docx" {
					t.Errorf("%q: %v, want an *input.Error naming the file", data, err)
				}
			}
		}
	}
	_, _, err := Text("x.docx", []byte(bogusZIP64), "")
	if err == nil || !strings.Contains(err.Error(), "x.docx: a damaged or truncated zip archive") {
		t.Errorf("the 50-byte file: %v", err)
	}
}
