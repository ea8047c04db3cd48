package history_test

import (
	"fmt"
	"strings"

	"concord/align/history"
	"concord/segment"
)

// Follow a law through three revisions: an article inserted, so the next
// one is renumbered, then reworded.
func ExampleBuild() {
	texts := []string{
		"第一条 为了预防洗钱活动，制定本法。\n\n第二条 违反本法规定的，依法处罚。\n",
		"第一条 反洗钱工作应当依法进行。\n\n第二条 为了预防洗钱活动，制定本法。\n\n第三条 违反本法规定的，依法处罚。\n",
		"第一条 反洗钱工作应当依法进行。\n\n第二条 为了预防洗钱活动，维护金融秩序，制定本法。\n\n第三条 违反本法规定的，依法处罚。\n",
	}
	var docs []*segment.Document
	for i, t := range texts {
		d, err := segment.Parse(fmt.Sprintf("r%d.md", i+1), t, segment.Options{Lang: "zh"})
		if err != nil {
			panic(err)
		}
		docs = append(docs, d)
	}
	h, err := history.Build(docs, history.Options{})
	if err != nil {
		panic(err)
	}
	for _, p := range h.Provisions {
		fmt.Printf("%-9s %-20s changed in %v\n", p.ID, strings.Join(p.Addrs(), " → "), p.ChangedIn())
	}
	for i, r := range h.Revisions {
		fmt.Printf("r%d: %d articles, %d added, %d changed, %d renumbered\n", i+1, r.Articles.Units, r.Articles.Added, r.Articles.Changed, r.Articles.Renumbered)
	}
	// Output:
	// art.1@2    → art.1 → art.1     changed in []
	// art.1     art.1 → art.2 → art.2 changed in [2]
	// art.2     art.2 → art.3 → art.3 changed in []
	// r1: 2 articles, 0 added, 0 changed, 0 renumbered
	// r2: 3 articles, 1 added, 0 changed, 2 renumbered
	// r3: 3 articles, 0 added, 1 changed, 0 renumbered
}
