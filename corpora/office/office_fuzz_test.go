package office

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"concord/corpora/input"
)

// checkExtract runs both views of a document and checks what holds for
// any input: no panic, and for input that is read, valid UTF-8 text that
// Text and Revisions agree on.
func checkExtract(t *testing.T, name string, data []byte) {
	text, _, err := Text(name, data, "")
	old, new, rerr := Revisions(name, data, "")
	if err != nil {
		return
	}
	if !utf8.ValidString(text) || strings.TrimSpace(text) == "" {
		t.Fatalf("bad text %q", text)
	}
	if rerr == nil && new != text {
		t.Fatalf("Text %q != new view %q", text, new)
	}
	if rerr == nil && !utf8.ValidString(old) {
		t.Fatalf("bad old view %q", old)
	}
}

// partOf returns one part of a fixture archive, for seeds.
func partOf(t testing.TB, file, part string) string {
	zr, err := zip.NewReader(bytes.NewReader(readFixture(t, file)), int64(len(readFixture(t, file))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == part {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	return ""
}

// FuzzDocx fuzzes the XML of a .docx's document, numbering and footnotes.
func FuzzDocx(f *testing.F) {
	for _, fx := range []string{"numbered.en.docx", "numbered.zh.docx", "tracked.zh.docx"} {
		f.Add(partOf(f, fx, "word/document.xml"), partOf(f, fx, "word/numbering.xml"), partOf(f, fx, "word/footnotes.xml"))
	}
	f.Add(`<w:document xmlns:w="`+wNS+`"><w:body><w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`,
		testNumbering, `<w:footnotes xmlns:w="`+wNS+`"><w:footnote w:id="1"><w:p><w:r><w:t>n</w:t></w:r></w:p></w:footnote></w:footnotes>`)
	f.Fuzz(func(t *testing.T, doc, numbering, notes string) {
		parts := map[string]string{"word/document.xml": doc}
		if numbering != "" {
			parts["word/numbering.xml"] = numbering
		}
		if notes != "" {
			parts["word/footnotes.xml"] = notes
		}
		checkExtract(t, "f.docx", zipOf(t, parts))
	})
}

// FuzzODT fuzzes flat OpenDocument XML.
func FuzzODT(f *testing.F) {
	for _, fx := range []string{"numbered.zh.fodt", "tracked.zh.fodt"} {
		f.Add(readFixture(f, fx))
	}
	f.Add([]byte(fodt("", `<text:list text:style-name="LS"><text:list-item><text:p>a<text:note><text:note-body><text:p>n</text:p></text:note-body></text:note></text:p></text:list-item></text:list>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkExtract(t, "f.fodt", data)
		if isFlatODT(data) {
			_, _ = readODT("f.fodt", data)
		}
	})
}

// FuzzHTML fuzzes HTML pages.
func FuzzHTML(f *testing.F) {
	f.Add(readFixture(f, "numbered.en.html"))
	f.Add([]byte(`<!DOCTYPE html><ol start=3 reversed><li value=x>a<ol type=i><li>b</ol></ol><p>x<sup><a href="#n">1</a></sup><div id=n>note</div><pre>a

b</pre><del>d</del><ins>i</ins><table><tr><td>c`))
	f.Add([]byte("<html><meta charset=gbk><p>\xb5\xda1\xcc\xf5<script>x</scr"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkExtract(t, "f.html", data)
		_, _ = readHTML("f.html", data, "")
	})
}

// FuzzReaders feeds raw bytes, not a well-formed archive or page, through
// Sniff and every reader whatever the sniffed format: a truncated or
// patched archive, a directory record that lies, markup cut anywhere.
// None may panic, and every error is an *input.Error naming the file.
func FuzzReaders(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input, which is slow
	// for inputs of kilobytes.
	docx := zipOf(f, map[string]string{"word/document.xml": `<w:document xmlns:w="` + wNS + `"><w:body><w:p><w:r><w:t>1. a</w:t></w:r></w:p></w:body></w:document>`})
	odt := zipOf(f, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": fodt("", "<text:p>a</text:p>")})
	for _, seed := range []string{
		bogusZIP64, string(docx), string(docx[:len(docx)/2]), string(docx[len(docx)/2:]), string(odt),
		"PK\x05\x06" + strings.Repeat("\xff", 18),
		fodt("", `<text:list><text:list-item><text:p>a<text:note><text:note-body><text:p>n</text:p></text:note-body></text:note></text:p></text:list-item></text:list>`),
		"<!DOCTYPE html><meta charset=utf-16><table><tr><td>a</table><ol><li>x<sup><a href=#n>1</a></sup></ol><p id=n>n",
		`<udhr><article number="1"><para>x</para></article></udhr>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "raw.bin"
		format := Sniff(data)
		check := func(what string, err error) {
			var ie *input.Error
			if err != nil && (!errors.As(err, &ie) || ie.File != name) {
				t.Fatalf("%s (sniffed %v): %T %v, want an *input.Error naming the file", what, format, err, err)
			}
		}
		_, _, err := Text(name, data, "")
		check("Text", err)
		_, _, err = Revisions(name, data, "")
		check("Revisions", err)
		for what, read := range map[string]func(string, []byte) (*views, error){
			"docx": readDocx, "odt": readODT,
			"html": func(n string, d []byte) (*views, error) { return readHTML(n, d, "") },
		} {
			v, err := read(name, data)
			check(what, err)
			if err == nil {
				_, err := v.text(name, viewOld)
				check(what+" old view", err)
			}
		}
		checkExtract(t, name, data)
	})
}
