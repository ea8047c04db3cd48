package testdocs

import (
	"sync"
	"testing"

	"concord/corpora"
	"concord/corpora/testenv"
	"concord/segment"
	"concord/segment/words"
)

// Load parses text as the document name, detecting its language, and fails
// the test on an error.
func Load(tb testing.TB, name, text string) *segment.Document {
	tb.Helper()
	return LoadLang(tb, name, text, "")
}

// LoadLang parses text as the document name in language lang ("" detects
// it), and fails the test on an error.
func LoadLang(tb testing.TB, name, text, lang string) *segment.Document {
	tb.Helper()
	d, err := corpora.Load(name, []byte(text), corpora.LoadOptions{Lang: lang})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// L15 returns the embedded L.15 draft, parsed.
func L15(tb testing.TB) *segment.Document {
	tb.Helper()
	d, err := corpora.LoadFile("", corpora.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// Arabic returns the final Arabic text of articles 1–15 from the shared
// corpora (skipping the test when CONCORD_CORPORA is unset).
func Arabic(tb testing.TB) *segment.Document {
	tb.Helper()
	d, err := corpora.LoadFile(testenv.File(tb, "un-cybercrime/final.ar.art1-15.txt"), corpora.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

var (
	segOnce sync.Once
	seg     *words.Segmenter
	segErr  error
)

// Segmenter returns one word segmenter with the default options, shared by
// all the tests of a package.
func Segmenter(tb testing.TB) *words.Segmenter {
	tb.Helper()
	segOnce.Do(func() { seg, segErr = words.New(words.Options{}) })
	if segErr != nil {
		tb.Fatal(segErr)
	}
	return seg
}
