package alignout_test

import (
	"os"

	"concord/align"
	"concord/corpora/out/alignout"
	"concord/segment"
)

func ExampleTMX() {
	zh, _ := segment.Parse("zh.txt", "第 1 条. 宗旨\n\n(a) 促进合作；[暂定]", segment.Options{})
	en, _ := segment.Parse("en.txt", "Article 1\nPurpose\n(a) To promote cooperation;", segment.Options{})
	a := align.Align([]*segment.Document{zh, en}, align.Options{})
	alignout.TMX(os.Stdout, a, alignout.Options{})
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
	// <tmx version="1.4">
	//   <header creationtool="concord" creationtoolversion="1" segtype="sentence" o-tmf="concord" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
	//   <body>
	//     <tu tuid="1">
	//       <prop type="x-address">art.1</prop>
	//       <prop type="x-score">1</prop>
	//       <tuv xml:lang="zh-CN"><seg>宗旨</seg></tuv>
	//       <tuv xml:lang="en"><seg>Purpose</seg></tuv>
	//     </tu>
	//     <tu tuid="2">
	//       <prop type="x-address">art.1.a</prop>
	//       <prop type="x-status">ad-ref</prop>
	//       <prop type="x-score">1</prop>
	//       <tuv xml:lang="zh-CN"><seg>促进合作；</seg></tuv>
	//       <tuv xml:lang="en"><seg>To promote cooperation;</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
}
