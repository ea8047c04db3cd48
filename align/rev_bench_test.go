package align

import (
	"path/filepath"
	"testing"
	"time"

	"concord/corpora"
	"concord/internal/testenv"
	"concord/segment"
	"concord/segment/words"
)

// revCrimProc is the largest law pair of the corpora: the Supreme People's
// Court's interpretation of the Criminal Procedure Law, 2012 (548 articles)
// and 2021 (651 by the index; the parser finds 655).
const revCrimProc = "zh-law-revisions/version-pairs/司法解释/最高人民法院关于适用《刑事诉讼法》的解释"

func revLoadPair(tb testing.TB, base, a, b string) (*segment.Document, *segment.Document) {
	tb.Helper()
	dir := testenv.Corpora(tb)
	load := func(date string) *segment.Document {
		d, err := corpora.LoadFile(filepath.Join(dir, base+"("+date+").md"), corpora.LoadOptions{})
		if err != nil {
			tb.Fatal(err)
		}
		return d
	}
	return load(a), load(b)
}

// BenchmarkCompareRevisions compares the 2012 and 2021 criminal-procedure
// interpretations word by word. The one-time load of the word dictionary
// is done before the timed loop and reported as load-ms.
func BenchmarkCompareRevisions(b *testing.B) {
	old, new := revLoadPair(b, revCrimProc, "2012-12-20", "2021-01-26")
	t0 := time.Now()
	seg, err := words.New(words.Options{})
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(t0)
	opt := RevOptions{Segmenter: seg}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CompareRevisions(old, new, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(load.Microseconds())/1000, "load-ms")
}
