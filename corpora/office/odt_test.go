package office

import (
	"strings"
	"testing"
)

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
	`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
	`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ` +
	`xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ` +
	`xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/"`

const odtStyles = `<office:styles>` +
	`<style:style style:name="Numbered" style:family="paragraph" style:list-style-name="LS"/>` +
	`<style:style style:name="NumberedChild" style:family="paragraph" style:parent-style-name="Numbered"/>` +
	`<text:list-style style:name="LS">` +
	`<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>` +
	`<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="i"/>` +
	`<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="3"/>` +
	`</text:list-style>` +
	`<text:list-style style:name="LO"><text:list-level-style-number text:level="1" loext:num-list-format="Art. %1%:" style:num-format="I"/>` +
	`<text:list-level-style-bullet text:level="2" text:bullet-char="•"/></text:list-style>` +
	`<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-prefix="第" style:num-suffix="章" style:num-format="一, 二, 三, ..."><style:list-level-properties><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:outline-level-style>` +
	`<text:outline-level-style text:level="2" style:num-format=""/></text:outline-style>` +
	`</office:styles>`

func fodt(automatic, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><office:document ` + odtNS +
		` office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">` + odtStyles +
		`<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>` +
		automatic + `</office:automatic-styles>` +
		`<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>HEADER</text:p></style:header></style:master-page></office:master-styles>` +
		`<office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>` + body +
		`</office:text></office:body></office:document>`
}

func TestODTText(t *testing.T) {
	body := `<text:h text:outline-level="1"><text:number>STALE</text:number>总则</text:h>` +
		`<text:h text:outline-level="2">No number at level 2</text:h>` +
		`<text:h text:outline-level="1" text:is-list-header="true">Unnumbered heading</text:h>` +
		`<text:h text:outline-level="1">第二章的标题</text:h>` +
		`<text:p>Spaces:<text:s text:c="3"/>three,
		   folded   XML space, tab<text:tab/>and<text:line-break/>break; m<text:span text:style-name="T1">2</text:span>` +
		`<office:annotation><dc:creator>X</dc:creator><text:p>COMMENT</text:p></office:annotation>, note<text:note text:id="n1" text:note-class="endnote">` +
		`<text:note-citation>i</text:note-citation><text:note-body><text:p>Endnote text.</text:p></text:note-body></text:note>` +
		`, custom<text:note text:note-class="footnote"><text:note-citation text:label="*">*</text:note-citation><text:note-body><text:p>Starred.</text:p></text:note-body></text:note>.` +
		`<text:soft-page-break/></text:p>` +
		`<text:hidden-paragraph text:is-hidden="true" text:condition="ooow:1">HIDDEN</text:hidden-paragraph>` +
		`<text:list text:style-name="LS"><text:list-header><text:p>List header</text:p></text:list-header>` +
		`<text:list-item><text:p>one</text:p><text:p>continuation of one</text:p>` +
		`<text:list><text:list-item><text:p>roman</text:p>` +
		`<text:list><text:list-item><text:p>three levels</text:p></text:list-item></text:list></text:list-item></text:list></text:list-item>` +
		`<text:list-item><text:p>two</text:p></text:list-item></text:list>` +
		`<text:p>Interruption<draw:frame><draw:text-box><text:p>Box text</text:p></draw:text-box></draw:frame>.</text:p>` +
		`<text:list text:continue-numbering="true" text:style-name="LS"><text:list-item><text:p>three</text:p></text:list-item></text:list>` +
		`<text:list><text:list-item><text:p text:style-name="NumberedChild">list style from the paragraph style</text:p></text:list-item></text:list>` +
		`<text:list text:style-name="LO"><text:list-item><text:p>LibreOffice format</text:p>` +
		`<text:list><text:list-item><text:p>bullet</text:p></text:list-item></text:list></text:list-item></text:list>` +
		`<text:section text:name="S"><table:table><table:table-column/><table:table-row><table:table-cell><text:p>cell</text:p></table:table-cell>` +
		`<table:covered-table-cell/></table:table-row></table:table></text:section>`
	text, f, err := Text("t.fodt", []byte(fodt("", body)), "")
	if err != nil || f != FormatODT {
		t.Fatal(f, err)
	}
	want := strings.Join([]string{
		"第一章总则", "No number at level 2", "Unnumbered heading", "第二章第二章的标题",
		"Spaces:   three, folded XML space, tab\tand\nbreak; m², note¹, custom*.",
		"List header", "1. one", "continuation of one", "(i) roman", "1.i.1. three levels", "2. two",
		"Interruption.", "Box text", "3. three", "1. list style from the paragraph style",
		"Art. I: LibreOffice format", "bullet", "cell", "¹ Endnote text.", "* Starred.",
	}, "\n\n") + "\n"
	if text != want {
		t.Errorf("got:\n%q\nwant:\n%q", text, want)
	}
	for _, bad := range []string{"HEADER", "COMMENT", "HIDDEN", "STALE"} {
		if strings.Contains(text, bad) {
			t.Errorf("%s read", bad)
		}
	}
}

// TestODTZip reads an .odt archive whose list style is in styles.xml.
func TestODTZip(t *testing.T) {
	data := zipOf(t, map[string]string{
		"mimetype":   "application/vnd.oasis.opendocument.text",
		"styles.xml": `<office:document-styles ` + odtNS + `>` + odtStyles + `</office:document-styles>`,
		"content.xml": `<office:document-content ` + odtNS + `><office:body><office:text>` +
			`<text:list xml:id="a" text:style-name="LS"><text:list-item><text:p>one</text:p></text:list-item></text:list>` +
			`<text:p>between</text:p>` +
			`<text:list text:continue-list="a"><text:list-item><text:p>two</text:p></text:list-item></text:list>` +
			`<text:list text:style-name="LS"><text:list-item text:start-value="7"><text:p>seven</text:p></text:list-item></text:list>` +
			`</office:text></office:body></office:document-content>`,
	})
	text, f, err := Text("z.odt", data, "")
	if err != nil || f != FormatODT {
		t.Fatal(f, err)
	}
	if want := "1. one\n\nbetween\n\n2. two\n\n7. seven\n"; text != want {
		t.Errorf("got %q, want %q", text, want)
	}
	if _, _, err := Text("n.odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), ""); err == nil ||
		!strings.Contains(err.Error(), "no content.xml") {
		t.Errorf("no content.xml: %v", err)
	}
}

// TestODTRevisions checks a deletion that spans paragraphs and an
// insertion that adds a paragraph mark.
func TestODTRevisions(t *testing.T) {
	ci := `<office:change-info><dc:creator>A</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>`
	body := `<text:tracked-changes>` +
		`<text:changed-region text:id="d1"><text:deletion>` + ci + `<text:p>gone</text:p><text:p>Whole gone paragraph</text:p><text:p>also </text:p></text:deletion></text:changed-region>` +
		`<text:changed-region text:id="i1"><text:insertion>` + ci + `</text:insertion></text:changed-region>` +
		`<text:changed-region text:id="f1"><text:format-change>` + ci + `</text:format-change></text:changed-region>` +
		`</text:tracked-changes>` +
		`<text:p>Start <text:change text:change-id="d1"/>end.</text:p>` +
		`<text:p>One<text:change-start text:change-id="i1"/></text:p><text:p>Two<text:change-end text:change-id="i1"/> <text:change-start text:change-id="f1"/>three<text:change-end text:change-id="f1"/></text:p>`
	old, new, err := Revisions("r.fodt", []byte(fodt("", body)), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Start gone\n\nWhole gone paragraph\n\nalso end.\n\nOne three\n"; old != want {
		t.Errorf("old %q, want %q", old, want)
	}
	if want := "Start end.\n\nOne\n\nTwo three\n"; new != want {
		t.Errorf("new %q, want %q", new, want)
	}
}
