package pieces_test

import (
	"reflect"
	"slices"
	"testing"

	"concord/corpora/testdocs/hostile"
	"concord/segment"
	"concord/segment/pieces"
	"concord/segment/words"
)

// TestAllStreams: All yields what Split returns, in the same order,
// whatever the number of workers, and stops when asked; the segment
// command writes its pieces from it as they are cut (issue 14: output
// streamed, memory bounded by a window of fields).
func TestAllStreams(t *testing.T) {
	d, err := segment.Parse("l15.txt", string(hostile.L15Repeated(300_000)), segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seg, err := words.New(words.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lv := range []pieces.Level{pieces.Sentence, pieces.Word} {
		want := pieces.Split(d, pieces.Options{Level: lv, Words: seg, Workers: 1})
		for _, workers := range []int{1, 2, 5} {
			got := slices.Collect(pieces.All(d, pieces.Options{Level: lv, Words: seg, Workers: workers}))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("level %d, %d workers: All differs from Split (%d pieces, want %d)", lv, workers, len(got), len(want))
			}
		}
	}
	n := 0
	for range pieces.All(d, pieces.Options{Level: pieces.Word, Words: seg, Workers: 2}) {
		if n++; n == 10 {
			break
		}
	}
}

// TestNumbering: N numbers the pieces of each unit 1, 2, … across its
// heading, text and tail, the tail after the unit's children, at every
// level and with any number of workers.
func TestNumbering(t *testing.T) {
	src := string(hostile.L15Repeated(200_000)) + "\n第九十条\n缔约国应当：\n（一）采取措施。\n（二）开展合作。\n并且通报秘书长。另行报告。\n"
	d, err := segment.Parse("l15.txt", src, segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tails := 0
	for u := range d.All() {
		if u.Tail != "" && len(u.Children) > 0 {
			tails++
		}
	}
	if tails < 2 {
		t.Fatalf("the test document has %d units with children and a tail; want some", tails)
	}
	seg, err := words.New(words.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lv := range []pieces.Level{pieces.Sentence, pieces.Clause, pieces.Word} {
		for _, workers := range []int{1, 2} {
			seen := map[*segment.Unit]int{}
			for p := range pieces.All(d, pieces.Options{Level: lv, Words: seg, Workers: workers}) {
				if seen[p.Unit]++; p.N != seen[p.Unit] {
					t.Fatalf("level %d, %d workers: %s %v piece %q has N %d, want %d", lv, workers, p.Addr, p.Field, p.Text, p.N, seen[p.Unit])
				}
			}
		}
	}
}
