package batch_test

import (
	"context"
	"fmt"
	"strings"

	"concord/corpora/batch"
)

// Upper-case a list of "documents" on four workers, at most eight in
// flight; the results come back in input order and the failing one is
// reported without stopping the others.
func ExampleMap() {
	docs := []string{"article 1", "article 2", "", "article 4"}
	st, err := batch.Map(context.Background(), docs, batch.Options{Jobs: 4, Window: 8},
		func(_ context.Context, i int, doc string) (string, error) {
			if doc == "" {
				return "", fmt.Errorf("document %d is empty", i)
			}
			return strings.ToUpper(doc), nil
		},
		func(i int, doc, out string, err error) error {
			if err != nil {
				fmt.Println("failed:", err)
				return nil
			}
			fmt.Println(out)
			return nil
		})
	fmt.Println(st.Done, "done,", st.Failed, "failed,", err)
	// Output:
	// ARTICLE 1
	// ARTICLE 2
	// failed: document 2 is empty
	// ARTICLE 4
	// 4 done, 1 failed, <nil>
}

// A manifest: a header naming the languages, one document set a line.
func ExampleParseManifest() {
	m, err := batch.ParseManifest(strings.NewReader("zh\ten\ndoc1.zh.txt\tdoc1.en.txt\ndoc2.zh.txt\tdoc2.en.txt\n"),
		".", batch.ManifestOptions{Names: []string{"zh", "en"}})
	if err != nil {
		panic(err)
	}
	for _, s := range m.Sets {
		fmt.Println(s.ID, s.Cols, s.Files)
	}
	// Output:
	// doc1 [zh en] [doc1.zh.txt doc1.en.txt]
	// doc2 [zh en] [doc2.zh.txt doc2.en.txt]
}
