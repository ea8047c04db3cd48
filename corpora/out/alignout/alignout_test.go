package alignout_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"concord/align"
	"concord/corpora/out/alignout"
)

func three() *align.Alignment {
	return &align.Alignment{
		Langs: []string{"zh", "ar", "en"}, Tags: []string{"", "", ""}, Names: []string{"zh.txt", "ar.txt", "en.txt"},
		Links: []align.Link{
			{Addr: "art.1", Text: [][]string{{"宗旨"}, {"بيان الغرض"}, {"Purpose"}}, Score: 1},
			{Addr: "art.1.a", Text: [][]string{{"促进合作；"}, nil, {"To promote cooperation;"}}, Score: 0.42},
			{Addr: "art.1.b", Text: [][]string{{"提供援助。"}, {"تقديم المساعدة."}, nil}, Score: 0.95},
		},
	}
}

func write(t *testing.T, f func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMinScore: TMX and TSV keep the links at or above the threshold (the
// TMX units keep their link's number); JSON and XLSX keep them all.
func TestMinScore(t *testing.T) {
	a := three()
	opt := alignout.Options{MinScore: 0.9}
	tmx := write(t, func(b *bytes.Buffer) error { return alignout.TMX(b, a, opt) })
	if strings.Count(tmx, "<tu ") != 2 || !strings.Contains(tmx, `<tu tuid="3">`) || strings.Contains(tmx, "art.1.a") {
		t.Errorf("TMX:\n%s", tmx)
	}
	tsv := write(t, func(b *bytes.Buffer) error { return alignout.TSV(b, a, opt) })
	if strings.Count(tsv, "\n") != 3 || strings.Contains(tsv, "art.1.a") {
		t.Errorf("TSV:\n%s", tsv)
	}
	js := write(t, func(b *bytes.Buffer) error { return alignout.JSON(b, a, opt) })
	if !strings.Contains(js, "art.1.a") {
		t.Error("JSON left a link out")
	}
	x := write(t, func(b *bytes.Buffer) error { return alignout.XLSX(b, a, opt) })
	f, err := excelize.OpenReader(strings.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("alignment")
	if len(rows) != 4 {
		t.Errorf("XLSX: %d rows, want the header and 3 links", len(rows))
	}
}

// TestPairTMX: the pivot with one version, links lacking either left out.
func TestPairTMX(t *testing.T) {
	a := three()
	for v, want := range map[int][]string{1: {"art.1", "art.1.b"}, 2: {"art.1", "art.1.a"}} {
		tmx := write(t, func(b *bytes.Buffer) error { return alignout.PairTMX(b, a, v, alignout.Options{}) })
		var got []string
		for _, line := range strings.Split(tmx, "\n") {
			if s, ok := strings.CutPrefix(strings.TrimSpace(line), `<prop type="x-address">`); ok {
				got = append(got, strings.TrimSuffix(s, "</prop>"))
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("pair %d: links %v, want %v", v, got, want)
		}
		tags := alignout.Tags(a, nil)
		if n := strings.Count(tmx, "<tuv "); n != 2*len(want) || strings.Count(tmx, `xml:lang="`+tags[v]+`"`) != len(want) ||
			!strings.Contains(tmx, `srclang="zh-CN"`) {
			t.Errorf("pair %d:\n%s", v, tmx)
		}
	}
	if err := alignout.PairTMX(&bytes.Buffer{}, a, 0, alignout.Options{}); err == nil {
		t.Error("pair of the pivot with itself: no error")
	}
}

func TestPairPath(t *testing.T) {
	for _, c := range [][4]string{
		{"memory.tmx", "zh-CN", "en", "memory.zh-CN_en.tmx"},
		{"out/m.TMX", "zh-CN", "ar", "out/m.zh-CN_ar.TMX"},
		{"memory", "en", "fr", "memory.en_fr.tmx"},
	} {
		if got := alignout.PairPath(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("PairPath(%q) = %q, want %q", c[0], got, c[3])
		}
	}
}

// TestXLSXTooLong: a text longer than a cell holds is an error naming the
// link, not a cut.
func TestXLSXTooLong(t *testing.T) {
	a := three()
	a.Links[1].Text[2] = []string{strings.Repeat("word ", 7000)}
	err := alignout.XLSX(&bytes.Buffer{}, a, alignout.Options{})
	if err == nil || !strings.Contains(err.Error(), "art.1.a") || !strings.Contains(err.Error(), "tmx or tsv") {
		t.Errorf("err %v", err)
	}
}
