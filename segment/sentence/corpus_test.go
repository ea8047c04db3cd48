package sentence

import (
	"os"
	"path/filepath"
	"testing"
)

// corpus returns the path of a file or folder in $CONCORD_CORPORA: the test
// is skipped when the variable is unset and fails when it points nowhere.
func corpus(t testing.TB, rel string) string {
	t.Helper()
	root := os.Getenv("CONCORD_CORPORA")
	if root == "" {
		t.Skip("CONCORD_CORPORA is not set: skipping the test on real corpora")
	}
	if _, err := os.Stat(root); err != nil {
		t.Fatalf("CONCORD_CORPORA=%q: %v", root, err)
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("corpus file missing: %v", err)
	}
	return p
}
