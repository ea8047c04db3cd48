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
	root = resolveRoot(root)
	if _, err := os.Stat(root); err != nil {
		t.Fatalf("CONCORD_CORPORA=%q: %v", root, err)
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("corpus file missing: %v", err)
	}
	return p
}

// resolveRoot returns root itself when it exists; a relative root that does
// not exist from the package directory (where go test runs) is taken
// relative to the module root, where CI's "../shared/corpora" is meant.
func resolveRoot(root string) string {
	if _, err := os.Stat(root); err == nil || filepath.IsAbs(root) {
		return root
	}
	dir, err := os.Getwd()
	if err != nil {
		return root
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, root)
		}
		up := filepath.Dir(dir)
		if up == dir {
			return root
		}
		dir = up
	}
}
