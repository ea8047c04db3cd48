package testenv

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Law is one law of the zh-law-revisions corpus, with its dated versions.
type Law struct {
	Category string   // its folder under version-pairs
	Name     string   // the law's title
	Paths    []string // the files of its versions, oldest first
	Articles []int    // the articles of each version, as the index counts them
}

// Laws reads zh-law-revisions/version-pairs-index.tsv: every law of the
// corpus with the paths of its versions. A row that does not give one
// article count per file fails the test.
func Laws(tb testing.TB) []Law {
	tb.Helper()
	dir := filepath.Join(Corpora(tb), "zh-law-revisions", "version-pairs")
	index := Read(tb, "zh-law-revisions/version-pairs-index.tsv")
	var laws []Law
	for _, row := range strings.Split(strings.TrimSpace(index), "\n")[1:] {
		f := strings.Split(row, "\t")
		if len(f) < 4 {
			tb.Fatalf("bad index row %q", row)
		}
		files, counts := strings.Split(f[2], " | "), strings.Split(f[3], ",")
		if len(files) != len(counts) {
			tb.Fatalf("bad index row %q", row)
		}
		law := Law{Category: f[0], Name: f[1]}
		for i, name := range files {
			n, err := strconv.Atoi(strings.TrimSpace(counts[i]))
			if err != nil {
				tb.Fatalf("bad index row %q: %v", row, err)
			}
			law.Paths = append(law.Paths, filepath.Join(dir, f[0], strings.TrimSpace(name)))
			law.Articles = append(law.Articles, n)
		}
		laws = append(laws, law)
	}
	return laws
}
