package terms_test

import (
	"fmt"

	"concord/align/terms"
	"concord/corpora"
	"concord/segment"
	"concord/segment/words"
)

func ExampleExtract() {
	zh, _ := corpora.Load("zh.txt", []byte("第1条. 术语\n(a) “电子数据”系指对事实的任何表述；\n第2条. 保全\n1. 缔约国应保全电子数据。\n"), corpora.LoadOptions{})
	en, _ := corpora.Load("en.txt", []byte("Article 1. Terms\n(a) \"Electronic data\" shall mean any representation of facts;\nArticle 2. Preservation\n1. States Parties shall preserve electronic data.\n"), corpora.LoadOptions{})
	g, _ := terms.Extract([]*segment.Document{zh, en}, terms.Options{NoCandidates: true})
	for _, e := range g.Entries {
		fmt.Println(e.Kind, e.Addr, e.Terms["zh"], "=", e.Terms["en"], e.Occurrences)
		fmt.Println(e.Definition["en"])
	}
	// Output:
	// defined art.1.a 电子数据 = Electronic data [art.1.a art.2.1]
	// any representation of facts
}

func ExamplePairs() {
	var zh, en []string
	for _, v := range [][2]string{{"通过了决议", "adopted a resolution"}, {"举行了会议", "held a meeting"}, {"推迟了辩论", "postponed the debate"},
		{"审议了报告", "considered the report"}, {"批准了预算", "approved the budget"}} {
		zh = append(zh, "安全理事会"+v[0]+"。", "大会"+v[0]+"。")
		en = append(en, "The Security Council "+v[1]+".", "The General Assembly "+v[1]+".")
	}
	seg, _ := words.New(words.Options{})
	for _, p := range terms.Pairs(seg, zh, en, nil, "zh", "en", terms.CandidateOptions{}) {
		if p.Src == "安全理事会" || p.Src == "大会" {
			fmt.Printf("%s = %s (G² %.1f, %d segments)\n", p.Src, p.Tgt, p.Score, p.Freq)
		}
	}
	// Output:
	// 安全理事会 = Security Council (G² 13.9, 5 segments)
	// 大会 = General Assembly (G² 13.9, 5 segments)
}

func ExampleKWIC() {
	zh, _ := corpora.Load("zh.txt", []byte("第1条. 义务\n1. 服务提供商应当保全数据。\n2. 各项服务应当免费。\n"), corpora.LoadOptions{})
	en, _ := corpora.Load("en.txt", []byte("Article 1. Obligations\n1. Service providers shall preserve data.\n2. All services shall be free of charge.\n"), corpora.LoadOptions{})
	c, _ := terms.KWIC([]*segment.Document{zh, en}, "服务", terms.KWICOptions{})
	for _, h := range c.Hits {
		fmt.Printf("%s %s[%s]%s | %s\n", h.Addr, h.Left, h.Match, h.Right, h.Aligned[0].Text)
	}
	// Output:
	// art.1.2 各项[服务]应当免费。 | All services shall be free of charge.
}
