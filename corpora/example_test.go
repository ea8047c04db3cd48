package corpora_test

import (
	"fmt"

	"concord/corpora"
	"concord/corpora/office"
)

func ExampleReadUDHR() {
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<udhr iso639-3='cmn' xml:lang='zh' key='cmn_hans' xmlns="http://efele.net/udhr">
   <title>世界人权宣言</title>
   <article number="13">
      <title>第十三条</title>
      <orderedlist>
         <listitem tag='㈠'>
            <para>人人在各国境内有权自由迁徙和居住。</para>
         </listitem>
         <listitem tag='㈡'>
            <para>人人有权离开任何国家,包括其本国在内,并有权返回他的国家。</para>
         </listitem>
      </orderedlist>
   </article>
</udhr>
`)
	if office.Sniff(data) != office.FormatUDHR {
		return
	}
	doc, err := corpora.ReadUDHR("udhr_cmn_hans.xml", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Lang)
	for u := range doc.All() {
		fmt.Printf("%d %s %s %q %q %q\n", u.Line, u.Addr, u.Kind, u.Label, u.Heading, u.Text)
	}
	// Output:
	// zh
	// 3 title title "" "世界人权宣言" ""
	// 4 art.13 article "第十三条" "" ""
	// 7 art.13.1 paragraph "㈠" "" "人人在各国境内有权自由迁徙和居住。"
	// 10 art.13.2 paragraph "㈡" "" "人人有权离开任何国家,包括其本国在内,并有权返回他的国家。"
}
