package corpora

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"concord/corpora/input"
	"concord/corpora/testenv"
	"concord/segment"
)

// udhrFiles are the seven UDHR files of the corpus with their language,
// recital count and the label of article 11's first item ("" if none).
var udhrFiles = []struct {
	file, lang string
	recitals   int
	art11Label string
}{
	{"udhr_arb.xml", "ar", 9, ""},
	{"udhr_cmn_hans.xml", "zh", 8, "㈠"},
	{"udhr_cmn_hant.xml", "zh", 10, "（一）"},
	{"udhr_eng.xml", "en", 10, ""},
	{"udhr_fra.xml", "fr", 9, ""},
	{"udhr_rus.xml", "ru", 9, ""},
	{"udhr_spa.xml", "es", 10, ""},
}

func readUDHRCorpus(t *testing.T, file string) ([]byte, *segment.Document) {
	t.Helper()
	data := []byte(testenv.Read(t, "udhr/"+file))
	doc, err := ReadUDHR(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return data, doc
}

func TestReadUDHRCorpus(t *testing.T) {
	var addrs [][]string
	for _, f := range udhrFiles {
		t.Run(f.file, func(t *testing.T) {
			_, doc := readUDHRCorpus(t, f.file)
			if doc.Name != f.file || doc.Lang != f.lang {
				t.Errorf("Name, Lang = %q, %q; want %q, %q", doc.Name, doc.Lang, f.file, f.lang)
			}
			if len(doc.Warnings) > 0 {
				t.Errorf("warnings: %v", doc.Warnings)
			}
			c := doc.Count()
			if c[segment.KindArticle] != 30 || c[segment.KindRecital] != f.recitals || c[segment.KindTitle] != 1 || c[segment.KindPreamble] != 1 {
				t.Errorf("counts %v; want 30 articles, %d recitals, 1 title, 1 preamble", c, f.recitals)
			}
			for i := 1; i <= 30; i++ {
				a := doc.Find(fmt.Sprintf("art.%d", i))
				if a == nil || a.Kind != segment.KindArticle || a.Label == "" || a.Heading != "" || a.Parent != nil {
					t.Fatalf("art.%d = %+v", i, a)
				}
				if (a.Text == "") == (len(a.Children) == 0) {
					t.Errorf("art.%d: has text %v and %d paragraphs; want exactly one of them", i, a.Text != "", len(a.Children))
				}
			}
			if a := doc.Find("art.1"); !strings.ContainsAny(a.Label, "1一") && a.Label != "Article premier" {
				t.Errorf("art.1 label %q", a.Label)
			}
			a2 := doc.Find("art.2")
			if f.file == "udhr_cmn_hant.xml" {
				if len(a2.Children) != 0 || a2.Text == "" {
					t.Errorf("zh-Hant art.2: %d paragraphs, want its one paragraph as Text", len(a2.Children))
				}
			} else if len(a2.Children) != 2 || a2.Children[1].Addr != "art.2.2" || a2.Children[1].Label != "" {
				t.Errorf("art.2: %d paragraphs, want 2 unlabelled", len(a2.Children))
			}
			p := doc.Find("art.11.1")
			if p == nil || p.Kind != segment.KindParagraph || p.Label != f.art11Label || p.Parent.Addr != "art.11" {
				t.Errorf("art.11.1 = %+v; want label %q", p, f.art11Label)
			}
			if u := doc.Find("art.23.4"); u == nil || u.Text == "" {
				t.Errorf("art.23.4 missing")
			}
			title := doc.Units[0]
			if title.Addr != "title" || title.Heading == "" {
				t.Errorf("first unit %+v; want the title", title)
			}
			if pre := doc.Find("pre"); pre.Heading == "" || pre.Text != "" || doc.Find("pre.1").Parent != pre {
				t.Errorf("preamble %+v", pre)
			}
			var as []string
			for u := range doc.All() {
				if !strings.HasPrefix(u.Addr, "pre.") && !strings.HasPrefix(u.Addr, "art.2.") {
					as = append(as, u.Addr)
				}
			}
			addrs = append(addrs, as)
		})
	}
	// Apart from recitals and article 2, all seven have the same addresses.
	for i := 1; i < len(addrs); i++ {
		if !slices.Equal(addrs[0], addrs[i]) {
			t.Errorf("%s and %s differ in addresses", udhrFiles[0].file, udhrFiles[i].file)
		}
	}
}

// TestReadUDHRLines checks that every unit's Line is the line of its start
// tag, and that its text is there.
func TestReadUDHRLines(t *testing.T) {
	for _, f := range udhrFiles {
		data, doc := readUDHRCorpus(t, f.file)
		lines := strings.Split(string(data), "\n")
		for u := range doc.All() {
			if u.Line < 1 || u.Line > len(lines) {
				t.Fatalf("%s %s: line %d", f.file, u.Addr, u.Line)
			}
			src := lines[u.Line-1]
			var tag string
			switch u.Kind {
			case segment.KindTitle:
				tag = "<title>"
			case segment.KindPreamble:
				tag = "<preamble>"
			case segment.KindRecital:
				tag = "<para>" + firstRunes(u.Text, 10)
			case segment.KindArticle:
				tag = fmt.Sprintf(`<article number="%s">`, strings.TrimPrefix(u.Addr, "art."))
			case segment.KindParagraph:
				tag = "<para>" + firstRunes(u.Text, 10)
				if u.Label != "" || strings.Contains(src, "<listitem") {
					tag = "<listitem"
				}
			}
			if !strings.Contains(src, tag) {
				t.Errorf("%s %s: line %d is %q, want %q", f.file, u.Addr, u.Line, src, tag)
			}
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// xmlRunes counts the non-space characters of data's character data and of
// its listitem tag attributes (printed list labels), read with a plain
// xml.Decoder.
func xmlRunes(t *testing.T, data []byte) map[rune]int {
	t.Helper()
	m, tags, err := xmlRunesTags(data)
	if err != nil {
		t.Fatal(err)
	}
	for r, n := range tags {
		m[r] += n
	}
	return m
}

// xmlRunesTags counts the non-space characters of data's character data
// and, separately, of its listitem tag attributes.
func xmlRunesTags(data []byte) (chars, tags map[rune]int, err error) {
	chars, tags = map[rune]int{}, map[rune]int{}
	add := func(m map[rune]int, s string) {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				m[r]++
			}
		}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = input.CharsetReader
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return chars, tags, nil
		}
		if err != nil {
			return nil, nil, err
		}
		switch tok := tok.(type) {
		case xml.CharData:
			add(chars, string(tok))
		case xml.StartElement:
			for _, a := range tok.Attr {
				if tok.Name.Local == "listitem" && a.Name.Local == "tag" {
					add(tags, a.Value)
				}
			}
		}
	}
}

// unitRunes counts the non-space characters of every unit field and
// warning text of doc.
func unitRunes(doc *segment.Document) map[rune]int {
	m := map[rune]int{}
	add := func(s string) {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				m[r]++
			}
		}
	}
	for u := range doc.All() {
		add(u.Label)
		add(u.Heading)
		add(u.Text)
		add(u.Tail)
	}
	for _, w := range doc.Warnings {
		add(w.Text)
	}
	return m
}

func diffRunes(a, b map[rune]int) string {
	var out []string
	for r, n := range a {
		if b[r] != n {
			out = append(out, fmt.Sprintf("%q: %d vs %d", r, n, b[r]))
		}
	}
	for r, n := range b {
		if _, ok := a[r]; !ok {
			out = append(out, fmt.Sprintf("%q: 0 vs %d", r, n))
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// TestReadUDHRKeepsEveryCharacter proves that every non-blank character of
// the character data (plus the printed list tags) lands in exactly one
// unit field, by comparing multisets of runes.
func TestReadUDHRKeepsEveryCharacter(t *testing.T) {
	for _, f := range udhrFiles {
		data, doc := readUDHRCorpus(t, f.file)
		want, got := xmlRunes(t, data), unitRunes(doc)
		total := 0
		for _, n := range want {
			total += n
		}
		if d := diffRunes(want, got); d != "" {
			t.Errorf("%s: characters in the XML vs in the units: %s", f.file, d)
		} else {
			t.Logf("%s: %d non-space characters, all placed once; %d recitals", f.file, total, doc.Count()[segment.KindRecital])
		}
	}
}

// TestReadUDHRVariations covers structures the seven files do not have:
// a paragraph before and after a list, nested lists, unknown elements,
// stray text, a missing article number, comments, a BOM.
func TestReadUDHRVariations(t *testing.T) {
	src := "\uFEFF" + `<?xml version="1.0" encoding="utf-8"?>
<!-- a comment -->
<udhr xml:lang="fr-FR">
  <title>Déclaration</title>
  <note><para>Note 1</para>
    <para>Note
      2</para></note>
  <preamble><title>Préambule</title><para>Considérant A,</para>stray<para>Considérant &amp; B,</para></preamble>
  <article number="1"><title>Article premier</title><para>Chapeau :</para>
    <orderedlist>
      <listitem tag="a)"><para>un</para><para>un bis</para></listitem>
      <listitem tag="b)"><para>deux</para>
        <orderedlist><listitem tag="i)"><para>deux-i</para></listitem></orderedlist>
        <para>fin de deux</para>
      </listitem>
    </orderedlist>
    <para>Phrase finale.</para>
  </article>
  <article><title>Article 2</title><para>Sans <em>numéro</em>.</para><figure>x</figure></article>
  <extra>Texte</extra>
</udhr>
`
	doc, err := ReadUDHR("v.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	check := func(addr string, kind segment.Kind, label, heading, text, tail string, line int) {
		t.Helper()
		u := doc.Find(addr)
		if u == nil {
			t.Fatalf("no unit %s", addr)
		}
		got := fmt.Sprintf("%s %q %q %q %q %d", u.Kind, u.Label, u.Heading, u.Text, u.Tail, u.Line)
		want := fmt.Sprintf("%s %q %q %q %q %d", kind, label, heading, text, tail, line)
		if got != want {
			t.Errorf("%s = %s\n want %s", addr, got, want)
		}
	}
	if doc.Lang != "fr" {
		t.Errorf("Lang = %q", doc.Lang)
	}
	check("title", segment.KindTitle, "", "Déclaration", "Note 1\nNote 2", "", 4)
	check("pre", segment.KindPreamble, "", "Préambule", "", "", 8)
	check("pre.2", segment.KindRecital, "", "", "stray", "", 8)
	check("pre.3", segment.KindRecital, "", "", "Considérant & B,", "", 8)
	check("art.1", segment.KindArticle, "Article premier", "", "Chapeau :", "Phrase finale.", 9)
	check("art.1.1", segment.KindParagraph, "a)", "", "un\nun bis", "", 11)
	check("art.1.2", segment.KindParagraph, "b)", "", "deux", "fin de deux", 12)
	check("art.1.2.a", segment.KindSubparagraph, "i)", "", "deux-i", "", 13)
	check("art.2", segment.KindArticle, "Article 2", "", "", "", 19)
	check("art.2.1", segment.KindParagraph, "", "", "Sans numéro.", "", 19)
	check("art.2.2", segment.KindParagraph, "", "", "x", "", 19)
	check("p.1", segment.KindBlock, "", "", "Texte", "", 20)
	if len(doc.Warnings) != 4 {
		t.Errorf("warnings: %v; want 4 (stray text, no number, <figure>, <extra>)", doc.Warnings)
	}
	if d := diffRunes(xmlRunes(t, []byte(src[3:])), unitRunes(doc)); d != "" {
		t.Errorf("characters differ: %s", d)
	}
}

func TestReadUDHRErrors(t *testing.T) {
	deep := "<udhr>" + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + "</udhr>"
	// billion laughs: lol9 would expand to 10⁹ "lol"s
	laughs := "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
	for i, prev := 1, "lol"; i <= 9; i, prev = i+1, fmt.Sprintf("lol%d", i) {
		laughs += fmt.Sprintf(" <!ENTITY lol%d \"%s\">\n", i, strings.Repeat("&"+prev+";", 10))
	}
	laughs += "]>\n<udhr>&lol9;</udhr>"
	for _, c := range []struct{ name, src, want string }{
		{"empty", "", "empty input"},
		{"truncated", "<udhr>\n<article number=\"1\"><title>Article 1</title>\n<para>All", "line 3: malformed XML"},
		{"mismatched", "<udhr>\n<article></para></udhr>", "line 2: malformed XML"},
		{"not xml", "第一条 目的", "line 1: text outside the root element"},
		{"no element", "<?xml version=\"1.0\"?>\n", "no XML element"},
		{"wrong root", "<?xml version=\"1.0\"?>\n<html><body/></html>", "line 2: root element is <html>, not <udhr>"},
		{"external entity", "<!DOCTYPE udhr [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<udhr>&x;</udhr>", "line 2: malformed XML: XML syntax error on line 2: invalid character entity &x;"},
		{"two roots", "<udhr/>\n<udhr/>", "line 2: a second root element"},
		{"text outside", "<udhr/>\ntrailing words", "line 1: text outside the root element"},
		{"encoding", "<?xml version=\"1.0\" encoding=\"EBCDIC-037\"?><udhr/>", "declares encoding \"EBCDIC-037\", which concord cannot decode"},
		{"utf-16 declared", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><udhr/>", "its bytes are not UTF-16"},
		{"invalid utf-8", "<udhr><title>\xff</title></udhr>", "malformed XML"},
		{"deep", deep, "nested more than 64 deep"},
		{"laughs", laughs, "lol9"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ReadUDHR(c.name+".xml", []byte(c.src))
			var ie *input.Error
			if !errors.As(err, &ie) || ie.File != c.name+".xml" || !strings.Contains(ie.Reason, c.want) {
				t.Fatalf("ReadUDHR = %v, %v; want an input.Error naming the file, with %q", doc, err, c.want)
			}
		})
	}
	if _, err := ReadUDHR("big.xml", make([]byte, input.MaxFileBytes+1)); err == nil || !strings.Contains(err.Error(), "more than the limit") {
		t.Errorf("oversized: %v", err)
	}
}

// FuzzReadUDHR checks that ReadUDHR never panics and that a document it
// returns keeps every character.
func FuzzReadUDHR(f *testing.F) {
	f.Add([]byte(`<udhr xml:lang="en"><title>T</title><article number="1"><title>A</title><para>x</para><orderedlist><listitem tag="a"><para>y</para></listitem></orderedlist></article></udhr>`))
	f.Add([]byte(`<udhr><preamble><para>p</para></preamble><x>t</x></udhr>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadUDHR("fuzz.xml", data)
		if err != nil {
			var ie *input.Error
			if !errors.As(err, &ie) {
				t.Fatalf("error %T: %v", err, err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil document without error")
		}
		// Every character of the character data is in a unit once; the
		// units hold nothing else but printed list tags.
		chars, tags, err := xmlRunesTags(input.TrimBOM(data))
		if err != nil {
			t.Fatalf("ReadUDHR accepted XML that encoding/xml refuses: %v", err)
		}
		got := unitRunes(doc)
		for r, n := range chars {
			if got[r] < n {
				t.Fatalf("character %q: %d in the XML, %d in the units", r, n, got[r])
			}
		}
		for r, n := range got {
			if n > chars[r]+tags[r] {
				t.Fatalf("character %q: %d in the units, %d in the XML", r, n, chars[r]+tags[r])
			}
		}
	})
}

// TestUDHRFilesAreFound guards against a renamed corpus directory.
func TestUDHRFilesAreFound(t *testing.T) {
	got, _ := filepath.Glob(filepath.Join(testenv.Corpora(t), "udhr", "*.xml"))
	if len(got) != len(udhrFiles) {
		t.Errorf("%d UDHR files in the corpus, want %d", len(got), len(udhrFiles))
	}
}

// TestReadUDHRInvisibleCharacters checks that characters that are not
// white space but invisible (zero-width space, BOM) are kept.
func TestReadUDHRInvisibleCharacters(t *testing.T) {
	src := "<udhr>\u200b<preamble>\ufeff<para>\u200bA</para></preamble></udhr>"
	doc, err := ReadUDHR("zw.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if d := diffRunes(xmlRunes(t, []byte(src)), unitRunes(doc)); d != "" {
		t.Errorf("characters differ: %s", d)
	}
}
