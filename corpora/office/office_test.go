package office

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"concord/corpora/input"
	"concord/segment"
)

// officeDir holds the word-processor fixtures (see its README.md).
const officeDir = "../../testdata/office"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	return readFile(t, filepath.Join(officeDir, name))
}

// readFile reads a file, failing the test if it cannot.
func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// l15 returns the L.15 draft as text, the version the fixtures were made
// from: corpora/default/L15.zh.txt, which package corpora embeds as its
// default input.
func l15(t testing.TB) (name string, data []byte) {
	t.Helper()
	return "L15.zh.txt", readFile(t, filepath.Join("..", "default", "L15.zh.txt"))
}

// unitRows describes every unit of a document by what the parser
// guarantees: address, kind, label, heading, text, tail, status and marks.
func unitRows(d *segment.Document) []string {
	var out []string
	for u := range d.All() {
		var marks []string
		for _, m := range u.Marks {
			marks = append(marks, m.Raw)
		}
		out = append(out, fmt.Sprintf("%s %s label=%q heading=%q text=%q tail=%q status=%q marks=%q",
			u.Addr, u.Kind, u.Label, u.Heading, u.Text, u.Tail, u.Status, marks))

	}
	return out
}

// sameTree compares two documents unit by unit.
func sameTree(t *testing.T, name string, want, got *segment.Document) {
	t.Helper()
	w, g := unitRows(want), unitRows(got)
	bad := 0
	for i := 0; i < max(len(w), len(g)) && bad < 5; i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			t.Errorf("%s: unit %d differs:\nwant %s\ngot  %s", name, i, a, b)
			bad++
		}
	}
	if len(w) != len(g) {
		t.Errorf("%s: %d units, want %d", name, len(g), len(w))
	}
	if got.Lang != want.Lang {
		t.Errorf("%s: language %q, want %q", name, got.Lang, want.Lang)
	}
}

func parseText(t *testing.T, name, text string) *segment.Document {
	t.Helper()
	d, err := segment.Parse(name, text, segment.Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// l15Fixtures are the L.15 draft as LibreOffice and pandoc wrote it.
var l15Fixtures = []struct {
	file   string
	format Format
}{
	{"L15.lo.docx", FormatDocx},
	{"L15.lo.odt", FormatODT},
	{"L15.lo.html", FormatHTML},
	{"L15.pandoc.docx", FormatDocx},
	{"L15.pandoc.html", FormatHTML},
	{"L15.pandoc.lo.odt", FormatODT},
	{"L15.pandoc.lo.docx", FormatDocx},
	{"L15.pandoc.lo.html", FormatHTML},
}

// TestOfficeL15 checks the acceptance criterion: every word-processor
// version of the L.15 draft parses to the same tree as its text version
// (addresses, kinds, labels, headings, texts, tails, statuses, marks),
// with no normalisation at all, and the parser's lossless guarantee holds
// against the extracted text. The pandoc versions number their paragraphs
// and items with automatic list numbering and hold the footnote as a real
// footnote; the LibreOffice versions made from the text hold the numbers
// as text. (That corpora.LoadFile reads them is TestOfficeLoadFile's.)
func TestOfficeL15(t *testing.T) {
	name, data := l15(t)
	want := parseText(t, name, string(data))
	for _, fx := range l15Fixtures {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join(officeDir, fx.file)
			b := readFixture(t, fx.file)
			text, f, err := Text(path, b, "")
			if err != nil {
				t.Fatal(err)
			}
			if f != fx.format {
				t.Errorf("format %v, want %v", f, fx.format)
			}
			got := parseText(t, path, text)
			sameTree(t, fx.file, want, got)
			if err := segment.Lossless(text, got); err != nil {
				t.Error(err)
			}
			if len(got.Warnings) != len(want.Warnings) {
				t.Errorf("warnings %v, want as many as the text's: %v", got.Warnings, want.Warnings)
			}
		})
	}
}

// TestOfficeNumbered checks drafts whose numbers are list formatting
// against their text versions: pandoc's decimal, (a) and (i) lists with a
// list that continues after an unnumbered paragraph (a start override);
// LibreOffice's (a)/(一) and 1./(a)/(一) lists, a list continued by
// text:continue-list, one that starts at 2, a footnote, a table, and a
// page header and footer that must not be read.
func TestOfficeNumbered(t *testing.T) {
	for _, c := range []struct{ file, text string }{
		{"numbered.en.docx", "numbered.en.txt"},
		{"numbered.en.html", "numbered.en.txt"},
		{"numbered.zh.fodt", "numbered.zh.txt"},
		{"numbered.zh.odt", "numbered.zh.txt"},
		{"numbered.zh.docx", "numbered.zh.txt"},
	} {
		t.Run(c.file, func(t *testing.T) {
			want := parseText(t, c.text, string(readFixture(t, c.text)))
			text, _, err := Text(c.file, readFixture(t, c.file), "")
			if err != nil {
				t.Fatal(err)
			}
			got := parseText(t, c.file, text)
			sameTree(t, c.file, want, got)
			if err := segment.Lossless(text, got); err != nil {
				t.Error(err)
			}
			if strings.Contains(text, "页眉") || strings.Contains(text, "页脚") {
				t.Errorf("page header or footer read:\n%s", text)
			}
		})
	}
}

// TestOfficeTracked checks the revision pair of a draft with tracked
// changes (words inserted, a phrase replaced, a status mark added, a whole
// numbered paragraph deleted so that the next one is renumbered, a
// paragraph inserted) in the flat ODT written by hand and in LibreOffice's
// .odt and .docx of it.
func TestOfficeTracked(t *testing.T) {
	wantOld := parseText(t, "old", string(readFixture(t, "tracked.zh.old.txt")))
	wantNew := parseText(t, "new", string(readFixture(t, "tracked.zh.new.txt")))
	for _, file := range []string{"tracked.zh.fodt", "tracked.zh.odt", "tracked.zh.docx"} {
		t.Run(file, func(t *testing.T) {
			data := readFixture(t, file)
			old, new, err := Revisions(file, data, "")
			if err != nil {
				t.Fatal(err)
			}
			sameTree(t, file+" old", wantOld, parseText(t, file, old))
			sameTree(t, file+" new", wantNew, parseText(t, file, new))
			text, _, err := Text(file, data, "")
			if err != nil || text != new {
				t.Errorf("Text is not the accepted view: %v\n%s", err, text)
			}
			if !strings.Contains(old, "2. 本公约的任何规定") || !strings.Contains(new, "2. 本条不影响") {
				t.Errorf("renumbering:\nold %s\nnew %s", old, new)
			}
		})
	}
	// A document without tracked changes gives the same text twice.
	old, new, err := Revisions("numbered.zh.docx", readFixture(t, "numbered.zh.docx"), "")
	if err != nil || old != new {
		t.Errorf("no changes: %v, old != new", err)
	}
	if _, _, err := Revisions("L15.txt", []byte("第1条. 宗旨\n"), ""); err == nil {
		t.Error("Revisions of plain text: no error")
	}
}

// TestSniffOffice checks that formats are recognised by content.
func TestSniffOffice(t *testing.T) {
	docx := readFixture(t, "numbered.en.docx")
	for _, c := range []struct {
		name string
		data []byte
		want Format
	}{
		{"docx", docx, FormatDocx},
		{"odt", readFixture(t, "numbered.zh.odt"), FormatODT},
		{"fodt", readFixture(t, "numbered.zh.fodt"), FormatODT},
		{"html pandoc", readFixture(t, "numbered.en.html"), FormatHTML},
		{"html LibreOffice", readFixture(t, "L15.lo.html"), FormatHTML},
		{"truncated docx", docx[:len(docx)/2], FormatDocx},
		{"doctype", []byte("<!doctype HTML><p>x"), FormatHTML},
		{"html tag", []byte("\uFEFF <!-- c --><html lang=zh><p>x"), FormatHTML},
		{"xhtml", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`), FormatHTML},
		{"other xml", []byte(`<?xml version="1.0"?><html><udhr/></html>`), FormatText},
		{"htmlx", []byte("<htmlx>"), FormatText},
		{"utf-16 html", []byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), FormatHTML},
		{"utf-16 text", []byte("\xfe\xff\x00<\x00h\x00t\x00m\x00"), FormatText},
		{"markdown", []byte("# <html>\n"), FormatText},
		{"other zip", zipOf(t, map[string]string{"a.txt": "x"}), FormatText},
		{"odt mimetype in directory", zipOf(t, map[string]string{"content.xml": "<x/>", "mimetype": "application/vnd.oasis.opendocument.text"}), FormatODT},
		{"spreadsheet", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), FormatText},
	} {
		if got := Sniff(c.data); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
	for f, s := range map[Format]string{FormatDocx: "docx", FormatODT: "odt", FormatHTML: "html"} {
		if f.String() != s {
			t.Errorf("%d.String() = %q", f, f.String())
		}
	}
}

// TestExtractNotOffice checks the errors for archives and binary files
// that are not documents concord reads.
func TestExtractNotOffice(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"other.zip", zipOf(t, map[string]string{"a.txt": "x"}), "neither a .docx"},
		{"sheet.ods", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "neither a .docx"},
		{"old.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "legacy binary Office"},
		{"broken.zip", []byte("PK\x03\x04garbage"), "damaged or truncated zip"},
		{"empty.docx", zipOf(t, map[string]string{"word/document.xml": `<w:document xmlns:w="` + wNS + `"><w:body><w:p/></w:body></w:document>`}), "no text"},
	} {
		_, _, err := Text(c.name, c.data, "")
		var ie *input.Error
		if !errors.As(err, &ie) || ie.File != c.name || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an input.Error naming the file and saying %q", c.name, err, c.want)
		}
	}
	// Text of plain text and of UDHR XML.
	text, f, err := Text("a.txt", []byte("第1条. 宗旨\n"), "")
	if err != nil || f != FormatText || text != "第1条. 宗旨\n" {
		t.Errorf("text: %q %v %v", text, f, err)
	}
	if _, f, err := Text("u.xml", []byte("<udhr/>"), ""); f != FormatUDHR || err == nil {
		t.Errorf("udhr: %v %v", f, err)
	}
}

// zipOf builds a zip archive in memory, its entries in name order.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var names []string
	for n := range parts {
		names = append(names, n)
	}
	// mimetype first, as ODF packages have it
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "mimetype") != (names[j] == "mimetype") {
			return names[i] == "mimetype"
		}
		return names[i] < names[j]
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		method := zip.Deflate
		if n == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
