package corpora

import (
	"fmt"
	"html"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"

	"concord/corpora/input"
	"concord/corpora/testenv"
	"concord/segment"
)

// docRows describes every unit of a document: address, kind, label,
// heading, text, tail and status.
func docRows(d *segment.Document) []string {
	var out []string
	for u := range d.All() {
		out = append(out, fmt.Sprintf("%s %s label=%q heading=%q text=%q tail=%q status=%q",
			u.Addr, u.Kind, u.Label, u.Heading, u.Text, u.Tail, u.Status))
	}
	return out
}

// sameDoc checks that got has the tree of want.
func sameDoc(t *testing.T, what string, want, got *segment.Document) {
	t.Helper()
	w, g := docRows(want), docRows(got)
	if len(w) != len(g) {
		t.Errorf("%s: %d units, want %d", what, len(g), len(w))
	}
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			t.Errorf("%s: unit %d differs:\nwant %s\ngot  %s", what, i, w[i], g[i])
			return
		}
	}
	if got.Lang != want.Lang || len(got.Warnings) != len(want.Warnings) {
		t.Errorf("%s: language %q with %d warnings, want %q with %d", what, got.Lang, len(got.Warnings), want.Lang, len(want.Warnings))
	}
}

// load loads data, failing the test on an error.
func load(t *testing.T, name string, data []byte, opt LoadOptions) *segment.Document {
	t.Helper()
	d, err := Load(name, data, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// htmlPage makes a web page of a text, one paragraph a line, declaring
// charset (none if "").
func htmlPage(text, charset string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head>")
	if charset != "" {
		fmt.Fprintf(&b, `<meta http-equiv="Content-Type" content="text/html; charset=%s">`, charset)
	}
	b.WriteString("<title>t</title></head><body>\n")
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.TrimSpace(line) != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(line))
		}
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// TestLoadIconv converts real UN texts in Arabic, Russian, French and
// Spanish with iconv into the encodings they come in, as a text file, a
// web page and UDHR XML, and checks that each loads to the tree of its
// UTF-8 original: with the encoding given (by iconv's name for it), as
// the page or the XML declares it, and detected.
func TestLoadIconv(t *testing.T) {
	for _, c := range []struct {
		udhr, text string
		lines      int // the first lines of text
		enc        string
	}{
		{"udhr_arb.xml", "un-cybercrime/final.ar.art1-15.txt", 0, "WINDOWS-1256"},
		{"udhr_rus.xml", "unpc-devset/UNv1.0.devset.ru", 300, "WINDOWS-1251"},
		{"udhr_rus.xml", "unpc-devset/UNv1.0.devset.ru", 300, "KOI8-R"},
		{"udhr_fra.xml", "unpc-devset/UNv1.0.devset.fr", 300, "WINDOWS-1252"},
		{"udhr_spa.xml", "unpc-devset/UNv1.0.devset.es", 300, "ISO-8859-1"},
	} {
		t.Run(c.enc+"/"+c.udhr, func(t *testing.T) {
			// UDHR XML, its declaration rewritten, or the encoding given.
			xml := strings.ReplaceAll(testenv.Read(t, "udhr/"+c.udhr), "\u2010", "-") // U+2010 is in no 8-bit encoding
			want := load(t, c.udhr, []byte(xml), LoadOptions{})
			declared := strings.Replace(xml, `encoding="UTF-8"`, `encoding="`+c.enc+`"`, 1)
			sameDoc(t, "udhr declared", want, load(t, c.udhr, testenv.Iconv(t, declared, c.enc), LoadOptions{}))
			sameDoc(t, "udhr given", want, load(t, c.udhr, testenv.Iconv(t, xml, c.enc), LoadOptions{Encoding: c.enc}))

			text := testenv.Read(t, c.text)
			if c.lines > 0 {
				// UN sentences, each a paragraph p.N, where the encoding
				// has every character
				text = strings.Join(encodable(t, strings.Split(text, "\n")[:c.lines], c.enc), "\n\n")
			}
			want = load(t, c.text, []byte(text), LoadOptions{})
			data := testenv.Iconv(t, text, c.enc)
			sameDoc(t, "text given", want, load(t, c.text, data, LoadOptions{Encoding: c.enc}))
			sameDoc(t, "text detected", want, load(t, c.text, data, LoadOptions{}))

			want = load(t, "page.html", []byte(htmlPage(text, "utf-8")), LoadOptions{})
			sameDoc(t, "html declared", want, load(t, "page.html", testenv.Iconv(t, htmlPage(text, c.enc), c.enc), LoadOptions{}))
			page := testenv.Iconv(t, htmlPage(text, ""), c.enc)
			sameDoc(t, "html given", want, load(t, "page.html", page, LoadOptions{Encoding: c.enc}))
			sameDoc(t, "html detected", want, load(t, "page.html", page, LoadOptions{}))
		})
	}
	if err := (LoadOptions{Encoding: "koi8-r"}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (LoadOptions{Encoding: "ebcdic"}).Validate(); err == nil || !strings.Contains(err.Error(), "windows-1256") {
		t.Errorf("Validate: %v", err)
	}
}

// encodable keeps the lines that the encoding iconv calls enc can hold.
func encodable(t *testing.T, lines []string, enc string) []string {
	t.Helper()
	var out []string
	for _, l := range lines {
		if c, _ := input.CanonicalEncoding(enc); c == input.Windows1252 && enc == "ISO-8859-1" {
			if strings.IndexFunc(l, func(r rune) bool { return r > 0xFF }) < 0 {
				out = append(out, l)
			}
			continue
		}
		e, err := htmlindex.Get(enc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.NewEncoder().String(l); err == nil {
			out = append(out, l)
		}
	}
	return out
}
