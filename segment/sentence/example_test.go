package sentence_test

import (
	"fmt"

	"concord/segment/sentence"
)

func ExampleSentences() {
	text := "1. See art. 5 of the Convention (e.g. para. 3). It applies to 3.5 per cent, i.e. all. Mr. Smith agreed."
	for _, sp := range sentence.Sentences(text, "en") {
		fmt.Printf("%q\n", text[sp.Start:sp.End])
	}
	// Output:
	// "1. See art. 5 of the Convention (e.g. para. 3). "
	// "It applies to 3.5 per cent, i.e. all. "
	// "Mr. Smith agreed."
}

func ExampleSentences_chinese() {
	text := "他说：“我们到了。”然后离开了。人人生而自由,在尊严和权利上一律平等."
	for _, sp := range sentence.Sentences(text, "zh") {
		fmt.Println(text[sp.Start:sp.End])
	}
	// Output:
	// 他说：“我们到了。”
	// 然后离开了。
	// 人人生而自由,在尊严和权利上一律平等.
}

func ExampleClauses() {
	text := "“电子数据”系指对事实、信息或概念的任何表述，包括本公约第 17 条第 1 款(b)项所述的程序；[暂定]"
	for _, sp := range sentence.Clauses(text, "zh") {
		fmt.Println(text[sp.Start:sp.End])
	}
	// Output:
	// “电子数据”系指对事实、信息或概念的任何表述，
	// 包括本公约第 17 条第 1 款(b)项所述的程序；[暂定]
}

func ExampleClauses_english() {
	text := "The States Parties, recalling the Charter, have agreed as follows: to cooperate; to share 1,000 items."
	for _, sp := range sentence.Clauses(text, "en") {
		fmt.Printf("%q\n", text[sp.Start:sp.End])
	}
	// Output:
	// "The States Parties, "
	// "recalling the Charter, "
	// "have agreed as follows: "
	// "to cooperate; "
	// "to share 1,000 items."
}
