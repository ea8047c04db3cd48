package pieces_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/testenv"
	"concord/segment"
	"concord/segment/define"
	"concord/segment/pieces"
	"concord/segment/words"
)

// checkCover verifies that the pieces of every unit field concatenate back
// to the field, in order, and that tokens index their field.
func checkCover(t *testing.T, d *segment.Document, ps []pieces.Piece) {
	t.Helper()
	got := map[string]string{} // addr/field → concatenation
	for _, p := range ps {
		k := p.Addr + "/" + string(p.Field)
		if len(got[k]) != p.Start {
			t.Fatalf("%s: piece %d starts at %d after %d bytes", k, p.N, p.Start, len(got[k]))
		}
		got[k] += p.Text
		if p.End-p.Start != len(p.Text) {
			t.Fatalf("%s: offsets %d-%d for %q", k, p.Start, p.End, p.Text)
		}
	}
	for u := range d.All() {
		for f, s := range map[pieces.Field]string{pieces.Heading: u.Heading, pieces.Text: u.Text, pieces.Tail: u.Tail} {
			if got[u.Addr+"/"+string(f)] != s {
				t.Fatalf("%s %s not covered:\n got %q\nwant %q", u.Addr, f, got[u.Addr+"/"+string(f)], s)
			}
		}

	}
}

func TestPiecesCoverCorpora(t *testing.T) {
	dir := testenv.Corpora(t)
	files, _ := filepath.Glob(filepath.Join(dir, "un-cybercrime", "*.txt"))
	laws, _ := filepath.Glob(filepath.Join(dir, "zh-law-revisions", "thematic-singles", "*.md"))
	files = append(files, laws...)
	en, _ := filepath.Glob(filepath.Join(dir, "treaties-en-nl", "*.md"))
	files = append(files, en...)
	seg, err := words.New(words.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := segment.Parse(f, string(b), segment.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, lv := range []pieces.Level{pieces.Sentence, pieces.Clause, pieces.Word} {
			ps := pieces.Split(d, pieces.Options{Level: lv, Words: seg})
			checkCover(t, d, ps)
			if lv == pieces.Word {
				for _, p := range ps {
					for _, tok := range p.Tokens {
						field := map[pieces.Field]string{pieces.Heading: d.Find(p.Addr).Heading, pieces.Text: d.Find(p.Addr).Text, pieces.Tail: d.Find(p.Addr).Tail}[p.Field]
						if field[tok.Start:tok.End] != tok.Text {
							t.Fatalf("%s: token %q at %d-%d", p.Addr, tok.Text, tok.Start, tok.End)
						}
					}
				}
			}
		}
	}
}

// TestL15Words checks the words the treaty dictionary and the document's
// own definitions keep whole.
func TestL15Words(t *testing.T) {
	d, err := segment.Parse("L15", testenv.Read(t, "un-cybercrime/L15.zh.txt"), segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seg, err := define.Segmenter([]*segment.Document{d}, words.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps := pieces.Split(d, pieces.Options{Level: pieces.Word, Words: seg})
	tokens := map[string]bool{}
	var art2c []string
	for _, p := range ps {
		for _, tok := range p.Tokens {
			tokens[tok.Text] = true
			if p.Addr == "art.2.c" {
				art2c = append(art2c, tok.Text)
			}
		}
	}
	for _, w := range []string{"信息和通信技术系统", "订户信息", "流量数据", "内容数据", "犯罪所得", "司法协助", "缔约国", "服务提供商"} {
		if !tokens[w] {
			t.Errorf("%s is not a single token", w)
		}
	}
	joined := " " + strings.Join(art2c, " ") + " "
	if strings.Contains(joined, "系统生成") || !strings.Contains(joined, " 系统 生成 ") && !strings.Contains(joined, " 信息和通信技术系统 生成 ") {
		t.Errorf("art.2.c: 系统/生成 glued or lost: %s", joined)
	}
}

func ExampleSplit() {
	d, _ := segment.Parse("draft.txt", "第 1 条. 宗旨\n\n本公约的宗旨是：促进合作。加强援助。", segment.Options{})
	for _, p := range pieces.Split(d, pieces.Options{Level: pieces.Sentence}) {
		fmt.Printf("%s %d %s %q %d-%d\n", p.Addr, p.N, p.Field, p.Text, p.Start, p.End)
	}
	// Output:
	// art.1 1 heading "宗旨" 0-6
	// art.1 2 text "本公约的宗旨是：促进合作。" 0-39
	// art.1 3 text "加强援助。" 39-54
}

// BenchmarkPipeline measures concord's whole path from text to words on
// the L.15 draft repeated to 2 MB: parse, sentences, clauses, words, on one
// worker and on two.
func BenchmarkPipeline(b *testing.B) {
	text := testenv.Read(b, "un-cybercrime/L15.zh.txt")
	big := strings.Repeat(text+"\n", 2<<20/len(text)+1)
	seg, err := words.New(words.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(big)))
			b.ReportAllocs()
			for b.Loop() {
				d, err := segment.Parse("big", big, segment.Options{Lang: "zh"})
				if err != nil {
					b.Fatal(err)
				}
				pieces.Split(d, pieces.Options{Level: pieces.Word, Words: seg, Workers: workers})
			}
		})
	}
}
