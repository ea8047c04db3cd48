package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func write(t *testing.T, rows [][]any) []byte {
	t.Helper()
	w, err := New("data", []Column{{Header: "addr", Kind: Code, Width: 12}, {Header: "score", Kind: Number},
		{Header: "ar", RTL: true, Width: 40}}, Props{Title: "t", Notes: []string{"About", "line"}})
	if err != nil {
		t.Fatal(err)
	}
	w.DropList(0, []string{"x", "y"})
	for i, r := range rows {
		if err := w.Row(r, i == 1); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := w.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWorkbook: the rows come back as written, the header is frozen,
// right-to-left and highlighted cells carry their styles, and the same
// rows give the same bytes.
func TestWorkbook(t *testing.T) {
	rows := [][]any{{"art.1", 0.93, "نص"}, {"art.2", 0.25, "سطر\nآخر"}, {"art.3", nil, ""}}
	data := write(t, rows)
	if !bytes.Equal(data, write(t, rows)) {
		t.Error("the same rows gave different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); strings.Join(got, ",") != "data,notes" {
		t.Errorf("sheets %v", got)
	}
	got, err := f.GetRows("data", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"addr", "score", "ar"}, {"art.1", "0.93", "نص"}, {"art.2", "0.25", "سطر\nآخر"}, {"art.3"}}
	if len(got) != len(want) {
		t.Fatalf("rows %q", got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, got[i], want[i])
		}
	}
	panes, err := f.GetPanes("data")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v", panes, err)
	}
	style := func(cell string) *excelize.Style {
		id, err := f.GetCellStyle("data", cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if s := style("C2"); s.Alignment == nil || s.Alignment.ReadingOrder != 2 || !s.Alignment.WrapText {
		t.Errorf("C2 alignment %+v", s.Alignment)
	}
	if s := style("A3"); len(s.Fill.Color) == 0 || s.Fill.Color[0] != "#"+lowFill && s.Fill.Color[0] != lowFill {
		t.Errorf("A3 is not highlighted: %+v", s.Fill)
	}
	if s := style("A2"); len(s.Fill.Color) != 0 {
		t.Errorf("A2 is highlighted: %+v", s.Fill)
	}
	props, _ := f.GetDocProps()
	if props.Created != Date || props.Creator != "concord" {
		t.Errorf("props %+v", props)
	}
}

func TestCellTooLong(t *testing.T) {
	w, err := New("data", []Column{{Header: "en"}}, Props{})
	if err != nil {
		t.Fatal(err)
	}
	err = w.Row([]any{strings.Repeat("a", MaxCellChars+1)}, false)
	if err == nil || !strings.Contains(err.Error(), "32767") {
		t.Errorf("err %v", err)
	}
	if err := w.Row([]any{strings.Repeat("a", MaxCellChars)}, false); err != nil {
		t.Error(err)
	}
}
