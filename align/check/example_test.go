package check_test

import (
	"fmt"

	"concord/align/check"
	"concord/corpora"
	"concord/segment"
)

func ExampleRun() {
	zh, _ := corpora.Load("zh.txt", []byte("第1条. 期限\n1. 应在 90 天内答复。\n2. 见本公约第 3 条第 1 款(b)项。\n4. 与信息 and 通信技术系统有关。\n"), corpora.LoadOptions{})
	en, _ := corpora.Load("en.txt", []byte("Article 1. Time limits\n1. Reply within 60 days.\n2. See article 4, paragraph 1 (b).\n3. Related to ICT systems.\n"), corpora.LoadOptions{})
	r, _ := check.Run([]*segment.Document{zh, en}, check.Options{})
	for _, f := range r.Findings {
		fmt.Println(f.Addr, f.Kind, f.Langs, f.Message)
	}
	// Output:
	// art.1.1 number [zh en] numbers differ: zh 90; en 60 (no counterpart in another version)
	// art.1.2 xref [zh en] cross-references differ: zh → art.3.1.b; en → art.4.1.b
	// art.1.3 missing [zh] paragraph "3." is in en, missing in zh
	// art.1.4 missing [en] paragraph "4." is in zh, missing in en
	// art.1.4 numbering [zh] zh.txt: paragraph 4 follows 2: 3 missing (line 4)
	// art.1.4 latin [zh] zh.txt: stray Latin word "and" inside Chinese text: "与信息 and 通信技术系" (line 4)
}
