package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// Lines returns the lines of the file at path (any path, not only a corpus
// file), without their line ends ("\n" or "\r\n"); a final line end adds no
// empty line.
func Lines(tb testing.TB, path string) []string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	s := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
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

// OmegaTGlossaries reads glossary files (TBX, or OmegaT's tab-separated
// layout in .utf8, .tab or .txt files) with OmegaT's own readers and
// returns the entries OmegaT finds in each file as "source<TAB>target".
// Its arguments are triples: a project's source and target languages and
// the file. It runs testdata/omegat/ReadGlossary.java with the OmegaT of
// Debian's omegat package, once for all the files (Java takes seconds to
// start); a reader that throws fails the test.
func OmegaTGlossaries(tb testing.TB, triples ...string) map[string][]string {
	tb.Helper()
	Tool(tb, "omegat")
	java := Tool(tb, "java")
	home := "/usr/share/omegat"
	if _, err := os.Stat(filepath.Join(home, "OmegaT.jar")); err != nil {
		tb.Fatalf("OmegaT.jar not found in %s: %v", home, err)
	}
	harness := filepath.Join(moduleRoot(tb), "testdata", "omegat", "ReadGlossary.java")
	if len(triples)%3 != 0 {
		tb.Fatalf("OmegaTGlossaries: %d arguments, want triples", len(triples))
	}
	args := append([]string{"-cp", filepath.Join(home, "OmegaT.jar") + ":" + filepath.Join(home, "lib", "*"), harness, tb.TempDir()}, triples...)
	out, err := exec.Command(java, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		tb.Fatalf("OmegaT could not read %v: %v\n%s", triples, err, stderr)
	}
	got := map[string][]string{}
	file := ""
	for _, l := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if f, ok := strings.CutPrefix(l, "== "); ok {
			file = f
			got[file] = []string{}
		} else if l != "" {
			got[file] = append(got[file], l)
		}
	}
	return got
}
