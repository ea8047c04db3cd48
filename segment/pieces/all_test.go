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
