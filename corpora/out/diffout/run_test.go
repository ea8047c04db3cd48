package diffout

import (
	"fmt"
	"strings"
	"testing"

	"concord/align/diff"
)

// formRun is the edits of a text field of n words, each of which changed
// in form only (a half-width letter become full-width), followed by one
// word inserted.
func formRun(n int) []diff.Edit {
	es := make([]diff.Edit, 0, 3*n+1)
	for range n {
		es = append(es,
			diff.Edit{Field: diff.FieldText, Op: diff.Eq, Text: "word "},
			diff.Edit{Field: diff.FieldText, Op: diff.Del, Text: "a", Form: true},
			diff.Edit{Field: diff.FieldText, Op: diff.Ins, Text: "ａ", Form: true})
	}
	return append(es, diff.Edit{Field: diff.FieldText, Op: diff.Ins, Text: " new"})
}

// TestFieldsFormRun: the form edits of a field read as one equal piece
// with the new forms, unless strict.
func TestFieldsFormRun(t *testing.T) {
	fs := Fields(formRun(3), false, false)
	want := []Piece{{diff.Eq, "word ａword ａword ａ"}, {diff.Ins, " new"}}
	if len(fs) != 1 || fs[0].Field != diff.FieldText || fmt.Sprint(fs[0].Pieces) != fmt.Sprint(want) {
		t.Errorf("fields %+v, want the text as %+v", fs, want)
	}
	if fs := Fields(formRun(3), true, false); len(fs) != 1 || len(fs[0].Pieces) != 3*3 || fs[0].Pieces[8].Text != "ａ new" {
		t.Errorf("strict: fields %+v, want every edit a piece, the last insertions as one", fs)
	}
}

// TestAppendRun: runs of one state merge, in order.
func TestAppendRun(t *testing.T) {
	var rs []mrun
	for _, s := range []string{"a", "b", "", "c"} {
		rs = appendRun(rs, opSame, s)
	}
	rs = appendRun(rs, opDel, "d")
	rs = appendRun(rs, opDel, "e")
	if len(rs) != 2 || string(rs[0].text) != "abc" || rs[0].op != opSame || string(rs[1].text) != "de" || rs[1].op != opDel {
		t.Errorf("runs %q", rs)
	}
}

// BenchmarkFieldsFormRun resolves a field of 10,000 and of 100,000 words
// changed in form only: the equal piece they make grows in place, so 10×
// the words cost about 10× the time.
func BenchmarkFieldsFormRun(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		es := formRun(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Fields(es, false, false)
			}
		})
	}
}

// BenchmarkAppendRun merges 10,000 and 100,000 pieces of a paragraph into
// one run of the Word redline: linear too.
func BenchmarkAppendRun(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		word := strings.Repeat("w", 5)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				var rs []mrun
				for range n {
					rs = appendRun(rs, opSame, word)
				}
			}
		})
	}
}

// TestDanglingControls: a dangling reference's text reaches the terminal
// with its control characters escaped, as a stale reference's does.
func TestDanglingControls(t *testing.T) {
	r := &diff.Report{Dangling: []diff.StaleRef{{Addr: "art.2", Ref: "article 99\x1b[2J", Message: "no article\x1b]0;x\x07 99"}}}
	var b strings.Builder
	if err := Text(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); strings.ContainsAny(got, "\x1b\x07") || !strings.Contains(got, `article 99\x1b[2J: no article\x1b]0;x\x07 99`) {
		t.Errorf("dangling reference written as\n%q", got)
	}
}
