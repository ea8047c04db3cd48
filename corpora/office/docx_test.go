package office

import (
	"strings"
	"testing"
)

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// docxOf builds a .docx in memory from the body of document.xml and the
// contents of numbering.xml, styles.xml and footnotes.xml (any may be "";
// endnotes follow the footnotes after an <!--endnotes--> comment).
func docxOf(t testing.TB, body, numbering, styles, footnotes string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/>` +
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
			`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="../../../etc/passwd" TargetMode="External"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + docxNS + `><w:body>` + body +
			`<w:sectPr><w:headerReference w:type="default" r:id="rId5"/></w:sectPr></w:body></w:document>`,
		"word/header1.xml": `<w:hdr ` + docxNS + `><w:p><w:r><w:t>HEADER TEXT</w:t></w:r></w:p></w:hdr>`,
	}
	if numbering != "" {
		parts["word/numbering.xml"] = `<w:numbering ` + docxNS + `>` + numbering + `</w:numbering>`
	}
	if styles != "" {
		parts["word/styles.xml"] = `<w:styles ` + docxNS + `>` + styles + `</w:styles>`
	}
	if before, after, ok := strings.Cut(footnotes, "<!--endnotes-->"); ok {
		footnotes = before
		parts["word/endnotes.xml"] = `<w:endnotes ` + docxNS + `>` + after + `</w:endnotes>`
	}
	if footnotes != "" {
		parts["word/footnotes.xml"] = `<w:footnotes ` + docxNS + `>` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			footnotes + `</w:footnotes>`
	}
	return zipOf(t, parts)
}

// p builds a paragraph: numId and ilvl ("" for none), then the runs' XML.
func wp(numID, ilvl, runs string) string {
	ppr := ""
	if numID != "" {
		ppr = `<w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>`
	}
	return `<w:p>` + ppr + runs + `</w:p>`
}

func wr(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func wlvl(ilvl, start, format, text, extra string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="` + start + `"/><w:numFmt w:val="` + format +
		`"/><w:lvlText w:val="` + text + `"/>` + extra + `<w:pPr><w:ind w:left="720"/></w:pPr></w:lvl>`
}

var testNumbering = `<w:abstractNum w:abstractNumId="1">` +
	wlvl("0", "1", "decimal", "%1.", "") + wlvl("1", "1", "lowerLetter", "(%2)", `<w:suff w:val="space"/>`) +
	wlvl("2", "1", "lowerRoman", "(%3)", "") + `</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2">` + wlvl("0", "1", "chineseCounting", "(%1)", "") +
	wlvl("1", "1", "ideographDigital", "%2、", `<w:suff w:val="nothing"/>`) + `</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="3">` + wlvl("0", "1", "upperRoman", "%1.", "") +
	wlvl("1", "1", "lowerLetter", "%1.%2.", `<w:isLgl/>`) + wlvl("2", "1", "lowerLetter", "%3)", `<w:lvlRestart w:val="0"/>`) + `</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="ArticleList"/></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="5"><w:styleLink w:val="ArticleList"/>` + wlvl("0", "1", "decimal", "Article %1", "") + `</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="6">` + wlvl("0", "1", "bullet", "•", "") + `</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="7">` + wlvl("0", "1", "arabicAbjad", "(%1)", "") + wlvl("1", "1", "russianLower", "%2)", "") + `</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>` +
	`<w:num w:numId="6"><w:abstractNumId w:val="5"/></w:num>` +
	`<w:num w:numId="7"><w:abstractNumId w:val="6"/></w:num>` +
	`<w:num w:numId="8"><w:abstractNumId w:val="7"/></w:num>` +
	`<w:num w:numId="9"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>`

const testStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListPara"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SubPara"><w:basedOn w:val="ListPara"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="numbering" w:styleId="ArticleList"><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>`

func TestDocxNumbering(t *testing.T) {
	body := wp("1", "0", wr("one")) + wp("1", "1", wr("a")) + wp("1", "2", wr("i")) + wp("1", "2", wr("ii")) +
		wp("1", "1", wr("b")) + wp("1", "2", wr("i again")) +
		`<w:p><w:pPr><w:pStyle w:val="ListPara"/></w:pPr>` + wr("two by style") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="SubPara"/></w:pPr>` + wr("a by style") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="ListPara"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + wr("numbering removed") + `</w:p>` +
		wp("2", "0", wr("five by override")) + wp("1", "0", wr("six: the same list")) +
		wp("3", "0", wr("一")) + wp("3", "0", wr("二")) + wp("3", "1", wr("digital")) +
		wp("4", "0", wr("roman")) + wp("4", "1", wr("legal")) + wp("4", "2", wr("a")) + wp("4", "0", wr("II")) + wp("4", "2", wr("b: never restarts")) +
		wp("5", "0", wr("by style link")) + wp("6", "0", wr("second article")) +
		wp("7", "0", wr("bullet")) + wp("8", "0", wr("abjad")) + wp("8", "1", wr("cyrillic")) +
		wp("9", "0", wr("whole level overridden")) + wp("99", "0", wr("unknown list")) + wp("1", "9", wr("bad level")) +
		wp("1", "0", "")
	text, f, err := Text("n.docx", docxOf(t, body, testNumbering, testStyles, ""), "")
	if err != nil || f != FormatDocx {
		t.Fatal(f, err)
	}
	want := strings.Join([]string{
		"1. one", "(a) a", "(i) i", "(ii) ii", "(b) b", "(i) i again", "2. two by style", "(a) a by style",
		"numbering removed", "5. five by override", "6. six: the same list",
		"(一) 一", "(二) 二", "一、digital",
		"I. roman", "1.1. legal", "a) a", "II. II", "b) b: never restarts",
		"Article 1 by style link", "Article 2 second article", "bullet", "(أ) abjad", "а) cyrillic",
		"A) whole level overridden", "unknown list", "bad level", "2.",
	}, "\n\n") + "\n"
	if text != want {
		t.Errorf("got:\n%s\nwant:\n%s", text, want)
	}
}

func TestDocxText(t *testing.T) {
	body := `<w:p><w:r><w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break, </w:t></w:r>` +
		`<w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t xml:space="preserve"> 3, non</w:t><w:noBreakHyphen/><w:t>breaking, </w:t></w:r>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve">m</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve">, page </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:hyperlink r:id="rId6"><w:r><w:t xml:space="preserve">, link</w:t></w:r></w:hyperlink>` +
		`<w:fldSimple w:instr="DATE"><w:r><w:t xml:space="preserve">, 2024</w:t></w:r></w:fldSimple>` +
		`<m:oMath><m:r><m:t>, x+1</m:t></m:r></m:oMath></w:p>` +
		// a text box, in an AlternateContent whose fallback repeats it
		`<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>` +
		`<w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
		`</mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> continues.</w:t></w:r></w:p>` +
		// a table, a content control
		`<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p><w:p><w:r><w:t>cell 2, second paragraph</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:sdt><w:sdtPr><w:alias w:val="ALIAS"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>In a control</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		// footnotes: an automatic one, a custom mark, one referenced twice
		`<w:p><w:r><w:t>Notes</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r>` +
		`<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> and</w:t></w:r>` +
		`<w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:footnoteReference w:id="404"/></w:r>` +
		`<w:r><w:t xml:space="preserve">, end</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`
	notes := `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First note.</w:t></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:t>Custom note.</w:t></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/><w:t>Second note, </w:t></w:r></w:p><w:p><w:r><w:t>two paragraphs.</w:t></w:r></w:p></w:footnote>` +
		`<!--endnotes--><w:endnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
		`<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/><w:t xml:space="preserve"> Endnote.</w:t></w:r></w:p></w:endnote>`
	text, _, err := Text("t.docx", docxOf(t, body, "", "", notes), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Tab\tand\nbreak, ≥ 3, non\u2011breaking, m², page 7, link, 2024, x+1\n\n" +
		"Anchor continues.\n\nBox text\n\ncell 1\n\ncell 2\n\ncell 2, second paragraph\n\nIn a control\n\n" +
		"Notes¹ and * and², end³¹\n\n¹ First note.\n\n* Custom note.\n\n² Second note,\ntwo paragraphs.\n\n³ Endnote.\n"
	if text != want {
		t.Errorf("got:\n%q\nwant:\n%q", text, want)
	}
	if strings.Contains(text, "HEADER") || strings.Contains(text, "ALIAS") || strings.Contains(text, "PAGE") {
		t.Error("header, control properties or field code read")
	}
}

func TestDocxRevisions(t *testing.T) {
	body := wp("1", "0", wr("Kept ")+`<w:ins w:id="1" w:author="A"><w:r><w:t>inserted </w:t></w:r></w:ins>`+
		`<w:del w:id="2" w:author="A"><w:r><w:delText>deleted </w:delText></w:r></w:del>`+
		`<w:moveFrom w:id="3"><w:r><w:t>moved away </w:t></w:r></w:moveFrom>`+wr("text.")) +
		// a whole numbered paragraph deleted, mark and all
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="4"/></w:rPr></w:pPr>` +
		`<w:del w:id="5"><w:r><w:delText>Deleted paragraph.</w:delText></w:r></w:del></w:p>` +
		wp("1", "0", `<w:moveTo w:id="6"><w:r><w:t>moved here </w:t></w:r></w:moveTo>`+wr("Last.")+
			`<w:ins w:id="7"><w:del w:id="8"><w:r><w:delText>inserted then deleted</w:delText></w:r></w:del></w:ins>`) +
		// a paragraph split by an inserted paragraph mark
		`<w:p><w:pPr><w:rPr><w:ins w:id="9"/></w:rPr></w:pPr>` + wr("Split") + `</w:p>` + `<w:p>` + wr("here.") + `</w:p>` +
		// numbering added as a change: none before
		`<w:p><w:pPr><w:numPr><w:ins w:id="10"/><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>` + wr("newly numbered") + `</w:p>` +
		// numbering changed: (一) before, 2. after
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>` +
		`<w:pPrChange w:id="11"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` + wr("renumbered") + `</w:p>` +
		// a deleted table row
		`<w:tbl><w:tr><w:trPr><w:del w:id="12"/></w:trPr><w:tc><w:p>` + wr("row cell") + `</w:p></w:tc></w:tr></w:tbl>`
	data := docxOf(t, body, testNumbering, testStyles, "")
	old, new, err := Revisions("r.docx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	wantOld := "1. Kept deleted moved away text.\n\n2. Deleted paragraph.\n\n3. Last.\n\nSplithere.\n\nnewly numbered\n\n(一) renumbered\n\nrow cell\n"
	wantNew := "1. Kept inserted text.\n\n2. moved here Last.\n\nSplit\n\nhere.\n\n(一) newly numbered\n\nI. renumbered\n"
	if old != wantOld {
		t.Errorf("old:\n%q\nwant\n%q", old, wantOld)
	}
	if new != wantNew {
		t.Errorf("new:\n%q\nwant\n%q", new, wantNew)
	}
}

// TestDocxInvisibleText: a paragraph of a zero-width space alone, or
// with one at its ends, is text as a text file's line is: kept, not
// dropped as blank (a Word redline of a law whose text has such a line
// then reads back as the law). A paragraph of white space alone is blank.
func TestDocxInvisibleText(t *testing.T) {
	body := wp("", "", wr("第一条")) + wp("", "", wr("\u200b")) + wp("", "", wr("\u3000 ")) +
		wp("", "", wr("\u200b第二条\u200b")) + wp("", "", wr("正文"))
	text, _, err := Text("t.docx", docxOf(t, body, "", "", ""), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "第一条\n\n\u200b\n\n\u200b第二条\u200b\n\n正文\n"; text != want {
		t.Errorf("got %q, want %q", text, want)
	}
}
