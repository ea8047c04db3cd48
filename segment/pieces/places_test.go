package pieces

import (
	"reflect"
	"testing"

	"concord/corpora/testdocs/hostile"
	"concord/segment"
)

// TestSentencesLongFields: a field too long for the 32-bit places (4 GiB;
// here any field over 100 bytes, by lowering the limit) gives the same
// sentences through the list grown one piece at a time.
func TestSentencesLongFields(t *testing.T) {
	d, err := segment.Parse("l15.txt", string(hostile.L15Repeated(200_000)), segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Sentences(d)
	if _, _, ok := sentencePlaces(d); !ok {
		t.Fatal("the places path was not taken")
	}
	defer func(m uint64) { maxPlace = m }(maxPlace)
	maxPlace = 100
	if _, _, ok := sentencePlaces(d); ok {
		t.Fatal("no field of the L.15 draft is over 100 bytes?")
	}
	if got := Sentences(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("%d sentences through the grown list, %d through the places", len(got), len(want))
	}
}
