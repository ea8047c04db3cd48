package define_test

import (
	"fmt"

	"concord/corpora"
	"concord/segment/define"
)

func ExampleParse() {
	for _, text := range []string{
		"“冻结”或“扣押”系指根据法院或其他主管机关的命令暂时禁止财产转移；",
		`"Electronic data" shall mean any representation of facts;`,
		"On entend par « système informatique » tout dispositif isolé;",
		"”الطوارئ“ تعني حالة تنطوي على خطر كبير.",
	} {
		ts, def, _ := define.Parse(text, "")
		fmt.Printf("%q: %s\n", ts, def)
	}
	// Output:
	// ["冻结" "扣押"]: 根据法院或其他主管机关的命令暂时禁止财产转移
	// ["Electronic data"]: any representation of facts
	// ["système informatique"]: tout dispositif isolé
	// ["الطوارئ"]: حالة تنطوي على خطر كبير
}

func ExampleHarvest() {
	d, _ := corpora.LoadFile("", corpora.LoadOptions{}) // the embedded L.15 draft
	defs := define.Harvest(d)
	fmt.Println(len(defs), "definitions")
	for _, df := range defs[9:11] {
		fmt.Println(df.Addr, df.Terms, df.Text)
	}
	// Output:
	// 15 definitions
	// art.2.j [犯罪所得] 通过实施犯罪而直接或间接产生或获得的任何财产
	// art.2.k [冻结 扣押] 根据法院或其他主管机关的命令暂时禁止财产转移、转换、处置或移动，或对财产实行暂时性扣留或控制
}
