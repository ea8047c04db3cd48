package terms_test

import (
	"fmt"

	"concord/align/terms"
	"concord/corpora"
	"concord/segment"
)

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
