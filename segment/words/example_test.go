package words_test

import (
	"fmt"
	"strings"

	"concord/segment/words"
)

func ExampleSegmenter_Cut() {
	s, err := words.New(words.Options{Terms: []string{"通信链"}})
	if err != nil {
		panic(err)
	}
	text := "由构成通信链一部分的信息和通信技术系统生成"
	var ws []string
	for _, t := range s.Cut(text, "zh") {
		ws = append(ws, t.Text)
	}
	fmt.Println(strings.Join(ws, " "))
	for _, t := range s.Cut("Each State Party shall adopt", "en") {
		fmt.Printf("%s[%d:%d] ", t.Text, t.Start, t.End)
	}
	fmt.Println()
	// Output:
	// 由 构成 通信链 一部分 的 信息和通信技术系统 生成
	// Each[0:4] State[5:10] Party[11:16] shall[17:22] adopt[23:28]
}
