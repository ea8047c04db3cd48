package review_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"concord/align"
	"concord/corpora/out/alignout"
	"concord/corpora/review"
	"concord/segment"
)

// sample is a small zh–ar–en alignment with a link in one language.
func sample() *align.Alignment {
	return &align.Alignment{
		Langs: []string{"zh", "ar", "en"}, Tags: []string{"", "", ""}, Names: []string{"zh.txt", "ar.txt", "en.txt"},
		Links: []align.Link{
			{Addr: "art.1", Text: [][]string{{"宗旨"}, {"بيان الغرض"}, {"Purpose"}}, Score: 1, Status: segment.StatusAdRef},
			{Addr: "art.1.a", Text: [][]string{{"促进合作；", "加强措施。"}, {"تشجيع التعاون؛"}, {"To promote cooperation;", "To strengthen measures."}}, Score: 0.31},
			{Addr: "art.1.b", Text: [][]string{{"提供援助。"}, {"تقديم المساعدة."}, {"To provide assistance."}}, Score: 0.97},
			{Addr: "art.2", Text: [][]string{{"术语。"}, nil, nil}, Score: 0.8},
			{Addr: "art.3", Text: [][]string{nil, {"نص"}, nil}, Score: 0.4},
			{Addr: "art.4", Text: [][]string{{"最后。"}, {"أخيرا."}, {"Last."}}, Score: 0.95},
		},
	}
}

func xlsxOf(t *testing.T, a *align.Alignment) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := alignout.XLSX(&b, a, alignout.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tmxOf(t *testing.T, a *align.Alignment, opt alignout.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := alignout.TMX(&b, a, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// edit opens a workbook, applies the cell values (cell → value) to its
// alignment sheet and returns the new bytes.
func edit(t *testing.T, data []byte, cells map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for c, v := range cells {
		if err := f.SetCellStr(review.Sheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestNoEdits: a sheet read back unchanged gives the links of the
// alignment, less those with one language, which are reported.
func TestNoEdits(t *testing.T) {
	a := sample()
	res, err := review.Read("a.xlsx", xlsxOf(t, a))
	if err != nil {
		t.Fatal(err)
	}
	want := *a
	want.Links = append(append([]align.Link{}, a.Links[:3]...), a.Links[5])
	if got, exp := tmxOf(t, res.Alignment, alignout.Options{Tags: res.Tags}), tmxOf(t, &want, alignout.Options{}); got != exp {
		t.Errorf("TMX differs:\n%s\nwant\n%s", got, exp)
	}
	if res.Rows != 6 || len(res.LeftOut) != 2 || res.LeftOut[0].Row != 5 || res.LeftOut[1].Row != 6 ||
		strings.Join(res.LeftOut[1].Langs, ",") != "ar" || res.LeftOut[0].Sentences != 1 {
		t.Errorf("rows %d, left out %+v", res.Rows, res.LeftOut)
	}
}

// TestDecisions: merge, reject, split, ok and an edited cell.
func TestDecisions(t *testing.T) {
	// columns: A addr, B score, C status, D decision, E zh-CN, F ar, G en
	data := edit(t, xlsxOf(t, sample()), map[string]string{
		"D3": "split", "F3": "تشجيع التعاون؛\nتعزيز التدابير.", // art.1.a: two rows
		"D4": "Reject",               // art.1.b
		"D6": "merge-with-previous",  // art.3 (ar) joins art.2 (zh)
		"D7": "ok", "G7": "Finally.", // art.4, edited
		"H1": "note", "H2": "checked by A", // a reviewer's column
	})
	res, err := review.Read("r.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range res.Alignment.Links {
		var texts []string
		for v := range l.Text {
			texts = append(texts, l.Joined(v))
		}
		got = append(got, fmt.Sprintf("%s %g %s", l.Addr, l.Score, strings.Join(texts, "|")))
	}
	want := []string{
		"art.1 1 宗旨|بيان الغرض|Purpose",
		"art.1.a 1 促进合作；|تشجيع التعاون؛|To promote cooperation;",
		"art.1.a 1 加强措施。|تعزيز التدابير.|To strengthen measures.",
		"art.2+art.3 1 术语。|نص|",
		"art.4 1 最后。|أخيرا.|Finally.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Rejected != 1 || res.Merged != 1 || res.Split != 1 || len(res.LeftOut) != 0 || strings.Join(res.Ignored, ",") != "note" {
		t.Errorf("result %+v", res)
	}
}

// TestLossless: whatever the decisions, every line of a row that is not
// rejected lands in exactly one link or in LeftOut.
func TestLossless(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"甲。", "乙。", "one.", "two.", "نص"}
	for iter := range 200 {
		var b strings.Builder
		b.WriteString("addr\tscore\tdecision\tzh\tar\ten\n")
		want := map[string]int{}
		for r := range 1 + rng.IntN(12) {
			d := []string{"", "", "ok", "reject", "merge", "split"}[rng.IntN(6)]
			if r == 0 && d == "merge" {
				d = ""
			}
			fmt.Fprintf(&b, "p.%d\t0.5\t%s", r, d)
			for range 3 {
				cell := ""
				if rng.IntN(4) > 0 {
					cell = fmt.Sprintf("%s%d", words[rng.IntN(len(words))], r)
				}
				if d != "reject" && cell != "" {
					want[cell]++
				}
				b.WriteString("\t" + cell)
			}
			b.WriteString("\n")
		}
		res, err := review.Read("x.tsv", []byte(b.String()))
		if err != nil && strings.Contains(err.Error(), "merge, but no row above") {
			continue // every row above was rejected
		}
		if err != nil {
			t.Fatalf("%d: %v\n%s", iter, err, b.String())
		}
		got := map[string]int{}
		for _, l := range res.Alignment.Links {
			for _, sents := range l.Text {
				for _, s := range sents {
					got[s]++
				}
			}
		}
		left := 0
		for _, lo := range res.LeftOut {
			left += lo.Sentences
		}
		total, in := 0, 0
		for s, n := range want {
			total += n
			if got[s] > n {
				t.Fatalf("%d: %q in %d links, %d times in the input", iter, s, got[s], n)
			}
			in += got[s]
		}
		if in+left != total {
			t.Fatalf("%d: %d sentences in links, %d left out, %d in the rows\n%s", iter, in, left, total, b.String())
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "empty"},
		{"no addr", "score\tzh\ten\n", "no column named addr"},
		{"one language", "addr\tscore\tzh\tnote\n", "1 columns named by a language tag"},
		{"two columns", "addr\tzh\ten\tEN\n", `two columns named "EN"`},
		{"decision", "addr\tdecision\tzh\ten\np.1\tmaybe\ta\tb\n", `row 2: decision "maybe"`},
		{"merge first", "addr\tdecision\tzh\ten\np.1\tmerge\ta\tb\n", "row 2: merge, but no row above"},
		{"score", "addr\tscore\tzh\ten\np.1\thigh\ta\tb\n", `row 2: score "high"`},
		{"no header", "addr\tzh\ten\np.1\ta\tb\tc\n", "row 2: text in column D, which has no header"},
		{"zip", "PK\x03\x04garbage", "not an xlsx workbook"},
	} {
		_, err := review.Read("bad.tsv", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "bad.tsv: ") {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
	}
}

// TestHostileWorkbook: a workbook whose parts claim more than
// input.MaxFileBytes decompressed is refused before anything is
// inflated.
func TestHostileWorkbook(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: 2, UncompressedSize64: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{3, 0})
	zw.Close()
	_, err = review.Read("bomb.xlsx", b.Bytes())
	if err == nil || !strings.HasPrefix(err.Error(), "bomb.xlsx: not an xlsx workbook") || !strings.Contains(err.Error(), "size") {
		t.Errorf("err %v", err)
	}
}

// mergeRun is a reviewed TSV of one link followed by n rows merged into
// it, each with an address of its own.
func mergeRun(n int) []byte {
	var b strings.Builder
	b.WriteString("addr\tscore\tstatus\tdecision\tzh-CN\ten\nart.0\t0.9\t\t\t缔约国\tStates\n")
	for i := range n {
		fmt.Fprintf(&b, "art.%d\t0.9\t\tmerge\t缔约国\tStates\n", i+1)
	}
	return []byte(b.String())
}

// TestMergeRun: a run of merged rows joins every address once, in order.
func TestMergeRun(t *testing.T) {
	res, err := review.Read("m.tsv", mergeRun(3))
	if err != nil {
		t.Fatal(err)
	}
	if l := res.Alignment.Links; len(l) != 1 || l[0].Addr != "art.0+art.1+art.2+art.3" {
		t.Errorf("links %+v, want one, art.0+art.1+art.2+art.3", l)
	}
}

// BenchmarkMergeRun reads a run of 10,000 and of 100,000 merged rows: the
// address of the link they join grows in place, so 10× the rows cost
// about 10× the time.
func BenchmarkMergeRun(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := mergeRun(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := review.Read("m.tsv", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
