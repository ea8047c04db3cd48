package office_test

import (
	"fmt"
	"os"
	"strings"

	"concord/corpora/office"
)

// A Word draft whose paragraph numbers are automatic list numbering reads
// as the text the parser knows, labels printed and the footnote at the end.
func ExampleText() {
	data, err := os.ReadFile("../../testdata/office/numbered.zh.docx")
	if err != nil {
		fmt.Println(err)
		return
	}
	text, format, err := office.Text("numbered.zh.docx", data, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(format)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "(") || strings.HasPrefix(line, "¹") || strings.HasPrefix(line, "3.") {
			fmt.Println(line)
		}
	}
	// Output:
	// docx
	// (a) “电子数据”系指对事实、信息或概念的任何表述；[暂定]
	// (b) “服务提供商”系指以下任何公共或私营实体：
	// (一) 能让使用其服务的用户利用信息和通信技术系统进行通信；或
	// (二) 为此类通信服务或此类服务的用户处理或存储电子数据；
	// (c) “财产”系指各种资产。¹
	// (a) 收集电子形式的证据；以及
	// (b) 分享电子形式的证据。
	// 3. 本条不影响缔约国的其他义务。[暂定]
	// 3. 下一款。
	// ¹ 包括虚拟资产。
}

// The tracked changes of a Word draft as a revision pair: a deleted
// paragraph renumbers the one after it only in the new text.
func ExampleRevisions() {
	data, err := os.ReadFile("../../testdata/office/tracked.zh.docx")
	if err != nil {
		fmt.Println(err)
		return
	}
	old, new, err := office.Revisions("tracked.zh.docx", data, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	oldLines := strings.Split(strings.TrimSpace(old), "\n\n")
	newLines := strings.Split(strings.TrimSpace(new), "\n\n")
	fmt.Println("old:", oldLines[3])
	fmt.Println("new:", newLines[3])
	fmt.Println("old:", oldLines[7])
	fmt.Println("new:", newLines[7])
	// Output:
	// old: (b) 促进国际合作；以及
	// new: (b) 促进、便利和加强国际合作；以及
	// old: 2. 本公约的任何规定概不得赋予缔约国在他国境内行使管辖权。
	// new: 2. 本条不影响缔约国根据国际法承担的其他义务。
}

// An HTML page: ordered lists numbered as a browser numbers them, letters
// in parentheses, a footnote moved to the end.
func ExampleText_html() {
	page := `<!DOCTYPE html><html><body>
<p>Article 2. Use of terms</p>
<ol type="a"><li>&ldquo;Data&rdquo; means any representation of facts;<sup><a href="#fn1" class="footnote-ref">1</a></sup></li>
<li>&ldquo;Property&rdquo; means assets of every kind.</li></ol>
<section class="footnotes"><ol><li id="fn1"><p>Including virtual assets.</p></li></ol></section>
</body></html>`
	text, _, err := office.Text("draft.html", []byte(page), "")
	fmt.Print(text, err)
	// Output:
	// Article 2. Use of terms
	//
	// (a) “Data” means any representation of facts;¹
	//
	// (b) “Property” means assets of every kind.
	//
	// ¹ Including virtual assets.
	// <nil>
}
