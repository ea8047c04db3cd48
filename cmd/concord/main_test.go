package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// runConcord runs the command in-process and returns stdout, stderr and
// the exit status.
func runConcord(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/concord -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got %s\nwant %s", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: %d lines, want %d", name, len(gl), len(wl))
	}
}

func TestParseGolden(t *testing.T) {
	for _, tc := range []struct{ golden, format string }{
		{"L15.zh.json", "json"},
		{"L15.zh.outline", "outline"},
	} {
		out, errs, code := runConcord(t, "parse", "--format", tc.format)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(errs, `L15.zh.txt:1113: unmatched "[" at the end of the line set aside`) {
			t.Errorf("warning missing from stderr: %q", errs)
		}
		golden(t, tc.golden, out)
		again, _, _ := runConcord(t, "parse", "--format", tc.format)
		if again != out {
			t.Error("output differs between two runs")
		}
	}
}

func TestParseBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	long := bytes.Repeat([]byte("甲"), 1<<19)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"empty", []string{"parse", write("empty.txt", nil)}, "empty.txt: empty"},
		{"blank", []string{"parse", write("blank.txt", []byte(" \n\n"))}, "blank.txt:"},
		{"binary", []string{"parse", write("bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})}, "bin.dat: binary"},
		{"bad encoding", []string{"parse", "--encoding", "utf-8", write("gbk.txt", []byte{0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5, 0xff, 0xfe})}, "gbk.txt:"},
		{"huge line", []string{"parse", write("long.txt", long)}, "long.txt: line 1"},
		{"missing", []string{"parse", filepath.Join(dir, "nope.txt")}, "nope.txt:"},
		{"directory", []string{"parse", dir}, "is a directory"},
		{"unknown flag", []string{"parse", "--nope"}, "unknown flag"},
		{"unknown format", []string{"parse", "--format", "xml"}, "unknown format"},
		{"unknown lang", []string{"parse", "--lang", "de"}, "unknown language"},
		{"unknown encoding", []string{"parse", "--encoding", "latin9"}, "unknown encoding"},
		{"two files", []string{"parse", "a", "b"}, "one FILE at most"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runConcord(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q does not say %q", errs, tt.want)
			}
			if out != "" && tt.name != "unknown command" {
				t.Errorf("stdout not empty: %q", out)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	out, _, code := runConcord(t, "--help")
	if code != 0 || !strings.Contains(out, "concord parse") {
		t.Errorf("exit %d, %q", code, out)
	}
	for _, c := range commands {
		out, _, code = runConcord(t, c.name, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") || strings.Count(out, "Usage:") != 1 {
			t.Errorf("%s --help: exit %d, %q", c.name, code, out)
		}
	}
}
