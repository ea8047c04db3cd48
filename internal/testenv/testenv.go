// Package testenv locates the shared test corpora for concord's tests.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// Corpora returns the directory named by CONCORD_CORPORA (a relative path
// is taken from the module root). When the
// variable is unset the test is skipped with a message; when it is set but
// the directory is missing the test fails.
func Corpora(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("CONCORD_CORPORA")
	if dir == "" {
		tb.Skip("CONCORD_CORPORA is not set: skipping a test that needs the shared corpora")
	}
	if !filepath.IsAbs(dir) {
		// relative to the module root, so that the README's command
		// CONCORD_CORPORA=../shared/corpora go test ./... works from there
		dir = filepath.Join(moduleRoot(tb), dir)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Fatalf("CONCORD_CORPORA=%s is not a directory", dir)
	}
	return dir
}

// moduleRoot finds the directory of go.mod above the test's directory.
func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// File returns the path of a file under the corpora directory and fails the
// test if it is missing.
func File(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Corpora(tb), rel)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("corpus file missing: %v", err)
	}
	return p
}

// Read returns the contents of a corpus file.
func Read(tb testing.TB, rel string) string {
	tb.Helper()
	b, err := os.ReadFile(File(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
