package parseout_test

import (
	"os"

	"concord/corpora/out/parseout"
	"concord/segment"
)

func ExampleOutline() {
	d, _ := segment.Parse("draft.txt", "第 5 条. 保护主权[暂定]\n\n1. 缔约国应当履行义务。\n2. 本公约不赋予管辖权。", segment.Options{})
	parseout.Outline(os.Stdout, d, parseout.Options{})
	// Output:
	// art.5                  第 5 条 保护主权  [ad-ref]
	//   art.5.1              1. 缔约国应当履行义务。
	//   art.5.2              2. 本公约不赋予管辖权。
	//
	// draft.txt (zh): 1 article, 2 paragraph
	// status: 1 ad-ref, 0 informal, 2 open
	// warnings: 0
}

func ExampleJSON() {
	d, _ := segment.Parse("draft.txt", "第 5 条. 保护主权\n\n缔约国应当履行义务。", segment.Options{})
	parseout.JSON(os.Stdout, d, parseout.Options{})
	// Output:
	// {
	//   "lang": "zh",
	//   "units": [
	//     {
	//       "addr": "art.5",
	//       "kind": "article",
	//       "label": "第 5 条",
	//       "heading": "保护主权",
	//       "text": "缔约国应当履行义务。",
	//       "tail": "",
	//       "status": "",
	//       "line": 1,
	//       "children": []
	//     }
	//   ],
	//   "warnings": []
	// }
}
