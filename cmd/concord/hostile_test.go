package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNoRawControls is a minor finding of issue 14: escape sequences and
// control characters of a document reached the terminal (text formats,
// warnings on stderr) and HTML pages as they were. None reaches them raw
// now; JSON keeps them, escaped as JSON does.
func TestNoRawControls(t *testing.T) {
	dir := t.TempDir()
	evil := "\x1b]0;owned\x07\x1b[2J"
	old := "第1条. 宗旨" + evil + "\n\n本公约的宗旨是促进" + evil + "各项措施。\n\n第3条. 术语\n\n缔约国应当采取措施。[\n\n第4条. 其他\n\n" +
		strings.Repeat("各缔约国应当在刑事事项上相互合作，并交流经验。", 20) + "\n" // enough text not to read as binary
	writeFile(t, filepath.Join(dir, "old.txt"), old)
	writeFile(t, filepath.Join(dir, "new.txt"), strings.Replace(old, "促进", "加强", 1))
	writeFile(t, filepath.Join(dir, "bad\x1b[31m.txt"), old)
	raw := func(s string) bool { return strings.ContainsAny(s, "\x1b\x07") }
	for _, args := range [][]string{
		{"parse", filepath.Join(dir, "old.txt")},
		{"parse", filepath.Join(dir, "bad\x1b[31m.txt")},
		{"diff", filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")},
		{"diff", filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt"), "--format", "html"},
		{"check", filepath.Join(dir, "old.txt"), "--alone"},
		{"parse", filepath.Join(dir, "none\x1b[31m.txt")},
	} {
		out, errs, _ := runConcord(t, args...)
		if raw(out) || raw(errs) {
			t.Errorf("%q: raw control characters in stdout %q or stderr %q", args, out, errs)
		}
	}
	out, _, _ := runConcord(t, "parse", filepath.Join(dir, "old.txt"), "--format", "json")
	if !strings.Contains(out, `\u001b]0;owned\u0007`) {
		t.Errorf("JSON lost the control characters: %s", out)
	}
}

// TestTermsCSVFormula is a minor finding of issue 14: the terms CSV wrote
// cells starting with = + - @ unescaped (CSV formula injection).
func TestTermsCSVFormula(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "d.txt"), "第1条. 术语\n\n为本公约目的：\n\n(a) “=HYPERLINK(\"http://x\")”系指恶意内容；\n\n第2条. 其他\n\n=HYPERLINK(\"http://x\")应当禁止。\n")
	out, errs, code := runConcord(t, "terms", filepath.Join(dir, "d.txt"), "--alone", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, line := range strings.Split(out, "\n") {
		for _, cell := range strings.Split(line, ",") {
			if c := strings.TrimPrefix(cell, `"`); strings.HasPrefix(c, "=") {
				t.Errorf("a cell starts with =: %q", line)
			}
		}
	}
	if !strings.Contains(out, `'=HYPERLINK`) {
		t.Errorf("the defined term is not in the CSV: %s", out)
	}
}
