package testenv

import (
	"os"
	"os/exec"
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
		// relative to the module root, so that the README's test
		// command, run from the module root, works in every package
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

// Formats returns the directory of the schemas for validating what concord
// writes: the formats folder beside the corpora folder.
func Formats(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(Corpora(tb), "..", "formats")
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("formats directory missing beside the corpora: %v", err)
	}
	return dir
}

// Tool returns the path of an external program a test needs (a validator,
// a browser). Outside CI a missing tool skips the test with a message; in
// CI (CI=true) it fails it, since .ci/run installs every tool.
func Tool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%s is not installed: .ci/run should have installed it", name)
		}
		tb.Skipf("%s is not installed: skipping (apt-get install it to run this test)", name)
	}
	return p
}
