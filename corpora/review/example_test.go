package review_test

import (
	"fmt"
	"os"

	"concord/corpora/out/alignout"
	"concord/corpora/review"
)

// Example reads a reviewed TSV — the output of concord align --format tsv
// with a decision column added by the reviewer — and writes the
// translation memory: the second row is merged into the first (the
// Chinese sentences join without a space), the third is rejected, and
// the fourth has text in one language only, so it is left out.
func Example() {
	tsv := "addr\tscore\tdecision\tzh-CN\ten\n" +
		"art.1\t0.42\t\t促进合作。\tTo promote cooperation and\n" +
		"art.1\t0.38\tmerge\t提供援助。\tto provide assistance.\n" +
		"art.2\t0.9\treject\t术语。\tTerms.\n" +
		"art.3\t0.2\t\t\tA sentence alone.\n"
	res, err := review.Read("reviewed.tsv", []byte(tsv))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d rows: %d merged, %d rejected, %d left out (row %d)\n",
		res.Rows, res.Merged, res.Rejected, len(res.LeftOut), res.LeftOut[0].Row)
	alignout.TMX(os.Stdout, res.Alignment, alignout.Options{Tags: res.Tags})
	// Output:
	// 4 rows: 1 merged, 1 rejected, 1 left out (row 5)
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
	// <tmx version="1.4">
	//   <header creationtool="concord" creationtoolversion="1" segtype="sentence" o-tmf="concord" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
	//   <body>
	//     <tu tuid="1">
	//       <prop type="x-address">art.1</prop>
	//       <prop type="x-score">1</prop>
	//       <tuv xml:lang="zh-CN"><seg>促进合作。提供援助。</seg></tuv>
	//       <tuv xml:lang="en"><seg>To promote cooperation and to provide assistance.</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
}
