package history

import "testing"

// BenchmarkSeriesL15 follows 10 scripted revisions of the L.15 draft: nine
// comparisons of neighbours.
func BenchmarkSeriesL15(b *testing.B) {
	docs := series(b, 10)
	if _, err := Build(docs, Options{}); err != nil { // warm the word segmenter
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(docs, Options{Redline: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSeriesTen follows the ten revisions of the benchmark: from r6 on,
// each revision rewords one unit.
func TestSeriesTen(t *testing.T) {
	docs := series(t, 10)
	h, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Revisions) != 10 {
		t.Fatalf("%d revisions", len(h.Revisions))
	}
	for i := 5; i < 10; i++ {
		if h.Revisions[i].Units.Changed != 1 {
			t.Errorf("r%d: %d units changed, want 1 (the scripted rewording)", i+1, h.Revisions[i].Units.Changed)
		}
	}
}
