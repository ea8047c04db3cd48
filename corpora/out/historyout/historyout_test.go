package historyout

import (
	"bytes"
	"strings"
	"testing"

	"concord/align/diff"
	"concord/align/history"
	"concord/segment"
)

// twoRevisions is a history of one article whose text changed in the
// second revision: a word replaced, and a letter become full-width (a
// difference of form). text is the article's text in both.
func twoRevisions(label, text string) *history.History {
	edits := []diff.Edit{
		{Field: diff.FieldText, Op: diff.Eq, Text: text + " "},
		{Field: diff.FieldText, Op: diff.Del, Text: "old"},
		{Field: diff.FieldText, Op: diff.Ins, Text: "new"},
		{Field: diff.FieldText, Op: diff.Eq, Text: " "},
		{Field: diff.FieldText, Op: diff.Del, Text: "a", Form: true},
		{Field: diff.FieldText, Op: diff.Ins, Text: "ａ", Form: true},
	}
	return &history.History{
		Revisions: []history.RevSummary{{Name: "r1.txt", Lang: "en"}, {Name: "r2.txt", Lang: "en"}},
		Provisions: []history.Provision{{
			ID: "art.1", Kind: segment.KindArticle, Last: 1,
			Steps: []history.Step{
				{Present: true, Addr: "art.1", Label: label},
				{Present: true, Addr: "art.1", Label: label, Op: diff.Changed, Changed: true, Edits: edits},
			},
		}},
	}
}

func write(t *testing.T, h *history.History, format string) string {
	t.Helper()
	f, err := Formats.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, h, Options{Redline: true}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRedline: each format shows the word redline as diff does, form
// differences as plain new text unless the history is strict.
func TestRedline(t *testing.T) {
	h := twoRevisions("Article 1", "Text")
	for _, c := range []struct{ format, want string }{
		{"text", "Text [-old-]{+new+} ａ"},
		{"md", "Text <del>old</del><ins>new</ins> ａ"},
		{"html", "Text <del>old</del><ins>new</ins> ａ"},
	} {
		if got := write(t, h, c.format); !strings.Contains(got, c.want) {
			t.Errorf("%s: no %q in\n%s", c.format, c.want, got)
		}
	}
	h.Strict = true
	if got, want := write(t, h, "text"), "Text [-old-]{+new+} [-a-]{+ａ+}"; !strings.Contains(got, want) {
		t.Errorf("strict: no %q in\n%s", want, got)
	}
}

// TestControls: a control character in a revision (an ESC that would
// start a terminal sequence) reaches no output as such: the text table
// writes it as an escape, the page as its picture, and a CSV cell that a
// spreadsheet would read as a formula starts with an apostrophe.
func TestControls(t *testing.T) {
	h := twoRevisions("=Article\x1b[2J 1", "Te\x1b]0;pwned\x07xt")
	for _, c := range []struct{ format, want string }{
		{"text", `Te\x1b]0;pwned\x07xt [-old-]`},
		{"html", "Te␛]0;pwned␇xt <del>old</del>"},
		{"csv", "'=Article\x1b[2J 1"},
	} {
		got := write(t, h, c.format)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: no %q in\n%s", c.format, c.want, got)
		}
		if c.format != "csv" && strings.ContainsAny(got, "\x1b\x07") {
			t.Errorf("%s: a control character reached the output:\n%q", c.format, got)
		}
	}
}
