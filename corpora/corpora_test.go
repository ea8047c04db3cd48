package corpora

import (
	"os"
	"path/filepath"
	"testing"

	"concord/corpora/testenv"
)

// corpusDir returns the shared corpora directory (see testenv.Corpora).
func corpusDir(t testing.TB) string {
	t.Helper()
	return testenv.Corpora(t)
}

// readCorpus reads a corpus file by its path relative to $CONCORD_CORPORA.
func readCorpus(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// corpusDirOrEmpty returns $CONCORD_CORPORA without skipping when unset.
func corpusDirOrEmpty() string { return os.Getenv("CONCORD_CORPORA") }
