package diff_test

import (
	"fmt"

	"concord/align/diff"
	"concord/segment"
)

// Compare two revisions of a law: an article inserted, the next one
// renumbered and edited, a reference left pointing to the old number.
func ExampleCompare() {
	old, _ := segment.Parse("2006.md", "第一条 为了预防洗钱活动，制定本法。\n\n第二条 违反本法第一条规定的，依法处罚。\n", segment.Options{Lang: "zh"})
	new, _ := segment.Parse("2024.md", "第一条 反洗钱工作应当依法进行。\n\n第二条 为了预防洗钱活动，维护金融秩序，制定本法。\n\n第三条 违反本法第一条规定的，依法处罚。\n", segment.Options{Lang: "zh"})
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		panic(err)
	}
	for _, c := range r.Changes {
		fmt.Printf("%-10s %-5s → %-5s changed=%v\n", c.Op, c.OldAddr, c.NewAddr, c.Changed)
		for _, e := range c.Edits {
			if e.Op != diff.Eq {
				fmt.Printf("    %s %s\n", e.Op, e.Text)
			}
		}
	}
	for _, s := range r.StaleRefs {
		fmt.Printf("%s %s: %s\n", s.Addr, s.Ref, s.Message)
	}
	fmt.Println("substantive:", r.Substantive())
	// Output:
	// added            → art.1 changed=false
	//     + 反洗钱工作应当依法进行。
	// renumbered art.1 → art.2 changed=true
	//     + 维护金融秩序，
	// renumbered art.2 → art.3 changed=false
	// art.3 第一条: still points to art.1, but the unit it meant (old art.1) is now art.2
	// substantive: true
}
