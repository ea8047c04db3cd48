package words

// treatyTerms are UN treaty terms that gse's dictionary splits or scores too
// low: the terms defined in article 2 of the draft UN convention against
// cybercrime (A/AC.291/L.15) and recurring institutional terms of UN
// criminal-law conventions. Defined terms that gse already keeps whole and
// scores high (财产, 冻结, 扣押, 没收) are left out: boosting them would
// split longer words such as 财产损失. Options.NoTreatyDict leaves the list
// out.
var treatyTerms = []string{
	// Defined terms (art. 2, "…"系指).
	"信息和通信技术系统",
	"电子数据",
	"流量数据",
	"内容数据",
	"订户信息",
	"个人数据",
	"服务提供商",
	"严重犯罪",
	"犯罪所得",
	"上游犯罪",
	"区域经济一体化组织",
	"紧急情况",
	"私密图像",
	"儿童性虐待或儿童性剥削材料",
	// Parties and authorities.
	"缔约国",
	"请求缔约国",
	"被请求缔约国",
	"缔约国会议",
	"主管机关",
	"中央机关",
	"执法机关",
	// Cooperation and procedure.
	"司法协助",
	"国际合作",
	"信息和通信技术",
	"网络犯罪",
	"刑事诉讼",
	"刑事司法",
	"电子形式证据",
	"快速保全",
	"实时收集",
	"联合调查",
	"技术援助",
	"能力建设",
	"国内法",
	"本国法律",
	"刑事定罪",
	// UN criminal-law conventions (Palermo and their protocols): gse cuts
	// 跨国有组织犯罪 as 跨/国有/组织/犯罪 (国有, state-owned).
	"跨国有组织犯罪",
	"有组织犯罪",
	"有组织犯罪集团",
	"贩运人口",
	"偷运移民",
	// UN development vocabulary that gse cuts (可|持续): measured on the UN
	// Parallel Corpus term pairs.
	"可持续",
	"可持续发展",
}

// treatyNotWords are words of gse's dictionary that treaty text almost
// never means: they are taken out, so that the words they straddle win.
// 在本国法律中将下列行为… is 在/本国法律/中/将/下列/行为, not
// …/本国法律/中将 (lieutenant general)/…; gse scores 中将 higher than 中
// and 将 together, so a lower frequency would not do.
var treatyNotWords = []string{
	"中将",
}
