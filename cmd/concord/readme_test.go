package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"concord/corpora/testenv"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readmeLines returns the lines of the repository's README.md.
func readmeLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// readmeExamples returns the example command lines of README.md: the lines
// of its code blocks that run concord, without their trailing comments.
func readmeExamples(t *testing.T) []string {
	t.Helper()
	var out []string
	fenced := false
	comment := regexp.MustCompile(`\s{2,}#.*$`)
	for _, line := range readmeLines(t) {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		code, ok := strings.CutPrefix(line, "    ")
		if !ok && !fenced {
			continue
		}
		if fenced {
			code = line
		}
		code = strings.TrimSpace(comment.ReplaceAllString(code, ""))
		if strings.HasPrefix(code, "concord ") || strings.HasPrefix(code, "source <(concord ") {
			out = append(out, code)
		}
	}
	return out
}

// readmeFiles makes the files the README's examples name, in dir: the
// shared corpora, the embedded draft, the fixtures of testdata, and small
// manifests and glossaries.
func readmeFiles(t *testing.T, dir string) {
	t.Helper()
	corp := testenv.Corpora(t)
	root := filepath.Join("..", "..")
	law := filepath.Join(corp, "zh-law-revisions", "version-pairs", "司法解释")
	laws, _ := filepath.Glob(filepath.Join(law, "最高人民法院关于设立国际商事法庭若干问题的规定*"))
	copies := map[string]string{
		"L15.zh.txt":              filepath.Join(root, "corpora", "default", "L15.zh.txt"),
		"draft.txt":               filepath.Join(root, "corpora", "default", "L15.zh.txt"),
		"final.ar.art1-15.txt":    filepath.Join(corp, "un-cybercrime", "final.ar.art1-15.txt"),
		"final.ar.txt":            filepath.Join(corp, "un-cybercrime", "final.ar.art1-15.txt"),
		"law.txt":                 laws[0],
		"2006.md":                 laws[0],
		"2017.md":                 laws[1],
		"2024.md":                 laws[1],
		"old.txt":                 filepath.Join(root, "testdata", "diff", "draft.old.txt"),
		"new.txt":                 filepath.Join(root, "testdata", "diff", "draft.new.txt"),
		"L15.old.txt":             filepath.Join(root, "testdata", "diff", "draft.old.txt"),
		"L15.new.txt":             filepath.Join(root, "testdata", "diff", "draft.new.txt"),
		"r1.txt":                  filepath.Join(root, "testdata", "diff", "draft.old.txt"),
		"r2.txt":                  filepath.Join(root, "testdata", "diff", "draft.new.txt"),
		"r3.txt":                  filepath.Join(root, "testdata", "diff", "draft.new.txt"),
		"old.docx":                filepath.Join(root, "testdata", "office", "L15.lo.docx"),
		"new.docx":                filepath.Join(root, "testdata", "office", "L15.pandoc.docx"),
		"rev1.docx":               filepath.Join(root, "testdata", "office", "L15.lo.docx"),
		"rev2.docx":               filepath.Join(root, "testdata", "office", "L15.pandoc.docx"),
		"draft.docx":              filepath.Join(root, "testdata", "office", "tracked.zh.docx"),
		"draft-with-changes.docx": filepath.Join(root, "testdata", "office", "tracked.zh.docx"),
		"zh.txt":                  filepath.Join(corp, "unpc-devset", "UNv1.0.devset.zh"),
		"en.txt":                  filepath.Join(corp, "unpc-devset", "UNv1.0.devset.en"),
	}
	for _, v := range []string{"cmn_hans", "cmn_hant", "eng", "fra", "spa", "rus", "arb"} {
		copies["udhr_"+v+".xml"] = filepath.Join(corp, "udhr", "udhr_"+v+".xml")
	}
	for i := 1; i <= 5; i++ {
		copies["L15.r"+string(rune('0'+i))+".txt"] = copies[[]string{"", "L15.old.txt", "L15.new.txt", "L15.new.txt", "L15.old.txt", "L15.new.txt"}[i]]
	}
	for name, src := range copies {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		switch name {
		case "zh.txt", "en.txt": // 200 lines of the UN corpus
			data = []byte(strings.Join(strings.SplitN(string(data), "\n", 201)[:200], "\n") + "\n")
		case "law.txt": // a law in GB18030, as older files come
			if data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	ar, zh := filepath.Join(dir, "final.ar.art1-15.txt"), filepath.Join(dir, "L15.zh.txt")
	os.MkdirAll(filepath.Join(dir, "corpus"), 0o755)
	writeFile(t, filepath.Join(dir, "corpus", "doc1.zh.txt"), "第1条. 宗旨\n本公约的宗旨是促进合作。\n")
	writeFile(t, filepath.Join(dir, "corpus", "doc1.en.txt"), "Article 1. Purpose\nThe purpose of this Convention is to promote cooperation.\n")
	writeFile(t, filepath.Join(dir, "sets.tsv"), "zh\tar\n"+zh+"\t"+ar+"\n")
	writeFile(t, filepath.Join(dir, "pairs.tsv"), "old\tnew\n"+filepath.Join(dir, "old.txt")+"\t"+filepath.Join(dir, "new.txt")+"\n")
	writeFile(t, filepath.Join(dir, "terms.tsv"), "zh\ten\n缔约国\tStates Parties\n")
	for k := 1; k <= 2; k++ { // shards of a pre-split corpus, for the lexicon recipe
		writeFile(t, filepath.Join(dir, fmt.Sprintf("shard-%d.tsv", k)), fmt.Sprintf("id\tzh\ten\ns%d\tzh.txt\ten.txt\n", k))
	}
	writeFile(t, filepath.Join(dir, "marks.tsv"), "zh\t[已商定]\tad-ref\n")
}

// TestReadmeExamples runs every example of the README as written, in a
// folder that holds the files they name, with concord on the PATH: each
// must exit 0 or 1 (differences or findings), never 2.
func TestReadmeExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example of the README")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	bin, dir := t.TempDir(), t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "concord"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	readmeFiles(t, dir)
	examples := readmeExamples(t)
	if len(examples) < 20 {
		t.Fatalf("%d examples found in the README", len(examples))
	}
	for _, ex := range examples {
		cmd := exec.Command(bash, "-c", ex)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		code := cmd.ProcessState.ExitCode()
		if err != nil && !slices.Contains([]int{exitOK, exitFinding}, code) {
			t.Errorf("%s\nexit %d: %s", ex, code, tail(string(out), 600))
		}
	}
	t.Logf("%d examples of the README ran", len(examples))
}

// tail returns the end of s, at most n bytes.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
