package office

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/input"
	"concord/corpora/testenv"
)

func TestHTMLText(t *testing.T) {
	page := `<!DOCTYPE html>
<html lang="en"><head><title>TITLE</title><meta charset="utf-8">
<style>p { color: red } /* </p> */</style><script>if (a < b) document.write("<p>SCRIPT</p>")</script></head>
<body>
<h1>Draft &amp; convention&nbsp;on&#x20;cooperation &lol9; &eacute;</h1>
<!-- a comment <p>COMMENT</p> -->
<p>First paragraph
   folded.<p>Implied end, then a break<br>after it.
<div hidden>HIDDEN</div><p style="display: none">HIDDEN</p>
<ol><li>one<li>two<ol type="a"><li>nested a<li value="4">nested d</ol><li>three</ol>
<ol start="5" type="i"><li><p>five in a paragraph</p><p>second paragraph of the item</p></li></ol>
<ol reversed><li>three down<li>two down</ol>
<ul><li>bullet<li style="list-style-type: lower-roman">styled item</ul>
<ol style="list-style-type: cjk-ideographic"><li>中文编号</li><li></li></ol>
<ol style="list-style: none"><li>no label</li></ol>
<table><tr><th>Head<td>cell 1<td>cell<br>2</table>
<pre>line 1
  line 2

new paragraph in pre</pre>
<p>中文行
断开 and Latin
break <sup>2</sup> x<sup>a</sup> <![CDATA[cdata & text]]></p>
<textarea>TEXTAREA</textarea><select><option>OPTION</select>
</body></html>`
	text, f, err := Text("t.html", []byte(page), "")
	if err != nil || f != FormatHTML {
		t.Fatal(f, err)
	}
	want := strings.Join([]string{
		"Draft & convention\u00a0on cooperation &lol9; é",
		"First paragraph folded.", "Implied end, then a break\nafter it.",
		"1. one", "2. two", "(a) nested a", "(d) nested d", "3. three",
		"(v) five in a paragraph", "second paragraph of the item",
		"2. three down", "1. two down", "bullet", "(ii) styled item", "(一) 中文编号", "(二)", "no label",
		"Head", "cell 1", "cell\n2", "line 1\n  line 2", "new paragraph in pre",
		"中文行断开 and Latin break ² xa cdata & text",
	}, "\n\n") + "\n"
	if text != want {
		t.Errorf("got:\n%q\nwant:\n%q", text, want)
	}
	for _, bad := range []string{"TITLE", "SCRIPT", "COMMENT", "HIDDEN", "color", "TEXTAREA", "OPTION"} {
		if strings.Contains(text, bad) {
			t.Errorf("%s read", bad)
		}
	}
}

func TestHTMLNotes(t *testing.T) {
	// LibreOffice's footnotes, and a generic superscript link.
	page := `<!DOCTYPE html><html><body>
<p>Text<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a> and more<sup><a href="#n2" id="r2">2</a></sup>.</p>
<p>Again<sup><a href="#n2">2</a></sup>, and a link to <a href="#top"><sup>3</sup></a> nothing.</p>
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>LibreOffice note.</p></div>
<aside id="n2"><p><a href="#r2">2</a> Second note.</p></aside>
</body></html>`
	text, _, err := Text("n.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Text¹ and more².\n\nAgain², and a link to ³ nothing.\n\n¹ LibreOffice note.\n\n² Second note.\n"
	if text != want {
		t.Errorf("got:\n%q\nwant:\n%q", text, want)
	}
}

func TestHTMLRevisions(t *testing.T) {
	page := `<!DOCTYPE html><p>Kept <ins>inserted </ins><del>deleted </del>text.</p><p><del>Gone.</del></p>`
	old, new, err := Revisions("r.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if old != "Kept deleted text.\n\nGone.\n" || new != "Kept inserted text.\n" {
		t.Errorf("old %q new %q", old, new)
	}
}

func TestHTMLCharset(t *testing.T) {
	latin := []byte("<!DOCTYPE html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>Article premier \x96 \x93Partie\x94 d\xe9finie</p>")
	text, _, err := Text("l.html", latin, "")
	if err != nil || text != "Article premier – “Partie” définie\n" {
		t.Errorf("windows-1252: %q %v", text, err)
	}
	gb := []byte("<!DOCTYPE html><meta charset=\"gb2312\"><p>\xb5\xda1\xcc\xf5</p>") // 第1条
	text, _, err = Text("g.html", gb, "")
	if err != nil || text != "第1条\n" {
		t.Errorf("gb2312: %q %v", text, err)
	}
	// Every encoding of the WHATWG standard, by any of its labels.
	for _, c := range []struct{ page, want string }{
		{"<!DOCTYPE html><meta charset=koi8-r><p>\xf0\xd2\xc9</p>", "При\n"},
		{"<!DOCTYPE html><meta charset='cp1256'><p>\xc7\xe1\xe3\xc7\xcf\xc9 1</p>", "المادة 1\n"},
		{"<!DOCTYPE html><meta http-equiv=Content-Type content='text/html;charset=ISO-8859-5'><p>\xbf\xe0\xd8</p>", "При\n"},
		{"<!DOCTYPE html><meta charset=x-user-defined><p>d\xe9finie</p>", "définie\n"}, // HTML: windows-1252
		// A page in UTF-8 that declares UTF-16 is UTF-8 (a UTF-16 page
		// could not be read as far as its declaration): it gave mojibake.
		{"<!DOCTYPE html><meta charset=\"utf-16\"><p>第1条 宗旨 — définie</p>", "第1条 宗旨 — définie\n"},
		{"<!DOCTYPE html><meta charset=UTF-16LE><p>Article 1</p>", "Article 1\n"},
		// A stale declaration: the bytes are UTF-8.
		{"<!DOCTYPE html><meta charset=windows-1251><p>Статья 1</p>", "Статья 1\n"},
	} {
		text, _, err := Text("c.html", []byte(c.page), "")
		if err != nil || text != c.want {
			t.Errorf("%q: %q, %v; want %q", c.page, text, err, c.want)
		}
	}
	// Only a byte-order mark says UTF-16.
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "<!DOCTYPE html><meta charset=utf-16><p>Статья 1</p>" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	if text, _, err := Text("u.html", utf16, ""); err != nil || text != "Статья 1\n" {
		t.Errorf("UTF-16 page: %q, %v", text, err)
	}
	if _, _, err := Text("k.html", []byte("<!DOCTYPE html><meta charset=ebcdic-cp-us><p>\xf0\xd2\xc9</p>"), ""); err == nil ||
		!strings.Contains(err.Error(), "ebcdic-cp-us") {
		t.Errorf("unknown charset: %v", err)
	}
	// The caller's encoding wins over the declaration.
	text, _, err = Text("g.html", gb, "gbk")
	if err != nil || parseText(t, "g.html", text).Find("art.1") == nil {
		t.Errorf("Text with encoding: %v", err)
	}
	if _, _, err := Text("g.html", gb, "ebcdic"); err == nil {
		t.Error("unknown encoding: no error")
	}
	// A page with a long line is fine (the extracted text has short ones).
	long := "<!DOCTYPE html>" + strings.Repeat("<p>"+strings.Repeat("x", 60), input.MaxLineBytes/60+1)
	if _, _, err := Text("long.html", []byte(long), ""); err != nil {
		t.Errorf("long source line: %v", err)
	}
}

// tablePage has table markup that browsers build differently from the
// markup's order: text misplaced in a table or a row is moved before the
// table (foster parenting), a paragraph is closed by a table, <td> outside
// a table makes no cell, implied rows and sections, stray end tags.
const tablePage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>t</title></head><body>
<p>Article 1</p>
<table>
<tr><td>1. cell one</td></tr>
stray text of the table
<tr><td>2. cell two<p>(a) paragraph in the cell</td>text in the row</tr>
</table>
<table><tr><td>outer<table><tr><td>inner</td></tr></table>after inner</td><td>second outer</td></tr></table>
<p>before<table><tr><td>in the table</table>after the table</p>
<table><caption>caption<tr><td>row after caption</td></table>
<table><td>implied row<th>header cell</table>
<td>not a cell</td> and text
<table><tr><td>a</td><td>b</tr></td><tr><td>c</table>
<table><form><tr><td>in form</td></tr></form></table>
</body></html>
`

// TestHTMLTables reads tables cell by cell in the order a browser builds
// them, where the hand-written tokenizer that came before kept the
// markup's order ("stray text of the table" after the first row, "not a
// cell" as a cell of its own). The expected text is what the reader makes
// of the page as headless Chromium builds it (--dump-dom); when Chromium
// is installed the test checks that again.
func TestHTMLTables(t *testing.T) {
	want := strings.Join([]string{
		"Article 1", "stray text of the table text in the row", "1. cell one", "2. cell two", "(a) paragraph in the cell",
		"outer", "inner", "after inner", "second outer", "before", "in the table", "after the table",
		"caption", "row after caption", "implied row", "header cell", "not a cell and text", "a", "b", "c", "in form",
	}, "\n\n") + "\n"
	text, _, err := Text("tables.html", []byte(tablePage), "")
	if err != nil || text != want {
		t.Errorf("got %v:\n%s\nwant:\n%s", err, text, want)
	}
	if testing.Short() {
		return
	}
	path := filepath.Join(t.TempDir(), "tables.html")
	if err := os.WriteFile(path, []byte(tablePage), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := testenv.DumpDOM(t, path)
	browser, _, err := Text("dom.html", []byte(dom), "")
	if err != nil || browser != text {
		t.Errorf("the page as Chromium builds it reads differently: %v\n%s", err, browser)
	}
}
