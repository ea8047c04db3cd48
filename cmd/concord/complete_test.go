package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		out, _, code := runConcord(t, arg)
		if code != exitOK || !strings.HasPrefix(out, "concord ") || !strings.Contains(out, "go1.") {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}

// TestComplete: completion offers the commands, a command's flags and a
// flag's values, and nothing where a file name is wanted.
func TestComplete(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  string // a line the completions hold; "" for none at all
	}{
		{[]string{""}, "align"}, {[]string{"di"}, "diff"},
		{[]string{"align", "--f"}, "--format"}, {[]string{"align", "--format", ""}, "tmx"},
		{[]string{"terms", "--format", ""}, "tbx2"}, {[]string{"segment", "--level", ""}, "clause"},
		{[]string{"diff", "--color", ""}, "never"}, {[]string{"parse", "--lang", ""}, "ar"},
		{[]string{"align", "dra"}, ""}, {[]string{"align", "--glossary", ""}, ""}, {[]string{"nope", "-"}, ""},
	} {
		out, _, code := runConcord(t, append([]string{"__complete"}, c.words...)...)
		lines := strings.Fields(out)
		ok := code == exitOK && (c.want == "" && len(lines) == 0 || c.want != "" && strings.Contains("\n"+out, "\n"+c.want+"\n"))
		if !ok {
			t.Errorf("complete %q: exit %d, %q; want %q", c.words, code, out, c.want)
		}
	}
	if _, errs, code := runConcord(t, "completion", "tcsh"); code != exitTrouble || !strings.Contains(errs, "bash, zsh or fish") {
		t.Errorf("completion tcsh: exit %d, %q", code, errs)
	}
}

// TestCompletionScripts: bash completes with the script concord prints
// (zsh and fish, where installed, at least parse theirs).
func TestCompletionScripts(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "concord"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		script, _ := completionScript(shell)
		path := filepath.Join(dir, "concord."+shell)
		os.WriteFile(path, []byte(script), 0o644)
		if shell != "bash" {
			if sh, err := exec.LookPath(shell); err == nil {
				if out, err := exec.Command(sh, "-n", path).CombinedOutput(); err != nil {
					t.Errorf("%s cannot parse its script: %v\n%s", shell, err, out)
				}
			}
			continue
		}
		for words, want := range map[string]string{
			"concord ali":              "align",
			"concord align --form":     "--format",
			"concord align --format t": "tmx tsv",
		} {
			ws := strings.Fields(words)
			if strings.HasSuffix(words, " ") {
				ws = append(ws, "")
			}
			cmd := exec.Command(bash, "-c", `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($#-1)); _concord; echo "${COMPREPLY[*]}"`, "bash", path)
			cmd.Args = append(cmd.Args, ws...)
			cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != want {
				t.Errorf("bash completes %q as %q (%v); want %q", words, out, err, want)
			}
		}
	}
}
