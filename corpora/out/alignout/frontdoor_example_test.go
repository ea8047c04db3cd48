package alignout_test

import (
	"bytes"
	"fmt"
	"strings"

	"concord/align"
	"concord/corpora"
	"concord/corpora/out/alignout"
	"concord/segment"
)

// Example is concord's front door for a Go program: load the language
// versions (here the embedded L.15 draft and an English text), align them,
// and write the alignment as TMX for a CAT tool.
func Example() {
	zh, err := corpora.LoadFile("", corpora.LoadOptions{}) // "" is the embedded L.15 draft
	if err != nil {
		panic(err)
	}
	en, err := corpora.Load("en.txt", []byte("Article 1. Statement of purpose\n"+
		"(a) To promote and strengthen measures to prevent and combat cybercrime more efficiently and effectively;\n"+
		"(b) To promote, facilitate and strengthen international cooperation in preventing and combating cybercrime; and\n"+
		"(c) To promote, facilitate and support technical assistance and capacity-building to prevent and combat cybercrime, "+
		"in particular for the benefit of developing countries.\n"), corpora.LoadOptions{})
	if err != nil {
		panic(err)
	}
	a := align.Align([]*segment.Document{zh, en}, align.Options{})
	var b bytes.Buffer
	if err := alignout.TMX(&b, a, alignout.Options{}); err != nil {
		panic(err)
	}
	// the translation unit of article 1 (a)
	tmx := b.String()
	start := strings.Index(tmx, `<prop type="x-address">art.1.a</prop>`)
	end := strings.Index(tmx[start:], "</tu>")
	fmt.Println(strings.TrimSpace(tmx[start : start+end]))
	// Output:
	// <prop type="x-address">art.1.a</prop>
	//       <prop type="x-status">ad-ref</prop>
	//       <prop type="x-score">1</prop>
	//       <tuv xml:lang="zh-CN"><seg>更高效和更有效地促进和加强预防和打击网络犯罪的措施；</seg></tuv>
	//       <tuv xml:lang="en"><seg>To promote and strengthen measures to prevent and combat cybercrime more efficiently and effectively;</seg></tuv>
}
