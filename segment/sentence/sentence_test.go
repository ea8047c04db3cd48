package sentence

import (
	"strings"
	"testing"
)

// pieces cuts text at the spans and drops the whitespace each piece ends
// with, after checking that the spans cover text exactly.
func pieces(t *testing.T, text string, spans []Span) []string {
	t.Helper()
	checkSpans(t, text, spans)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = strings.TrimRight(text[sp.Start:sp.End], " \t\n\r\u00a0\u202f\u3000")
	}
	return out
}

// checkSpans checks that spans are non-empty, contiguous, on rune
// boundaries, and cover text.
func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	if text == "" {
		if len(spans) != 0 {
			t.Fatalf("empty text gave %v", spans)
		}
		return
	}
	bounds := runeBounds(text)
	at := 0
	for _, sp := range spans {
		if sp.Start != at || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("%q: bad span %v at %d in %v", text, sp, at, spans)
		}
		if !bounds[sp.Start] || !bounds[sp.End] {
			t.Fatalf("%q: span %v not on a rune boundary", text, sp)
		}
		at = sp.End
	}
	if at != len(text) {
		t.Fatalf("%q: spans end at %d of %d", text, at, len(text))
	}
}

type splitCase struct {
	lang, text string
	want       []string // the pieces, without the whitespace they end with
}

func runCases(t *testing.T, f func(string, string) []Span, cases []splitCase) {
	t.Helper()
	for _, c := range cases {
		got := pieces(t, c.text, f(c.text, c.lang))
		if strings.Join(got, "‖") != strings.Join(c.want, "‖") {
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.text, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	runCases(t, Sentences, []splitCase{
		// English abbreviations
		{"en", "See art. 5 of the Convention. It applies to all.", []string{"See art. 5 of the Convention.", "It applies to all."}},
		{"en", "As stated in para. 3, the Committee agreed. Next item.", []string{"As stated in para. 3, the Committee agreed.", "Next item."}},
		{"en", "Use tools, e.g. Scanners. That is, i.e. This one.", []string{"Use tools, e.g. Scanners.", "That is, i.e. This one."}},
		{"en", "No. 5 was adopted. Mr. Smith, Mrs. Jones and Dr. Lee met.", []string{"No. 5 was adopted.", "Mr. Smith, Mrs. Jones and Dr. Lee met."}},
		{"en", "This is laid down elsewhere, cf. Article 2 of the Statute.", []string{"This is laid down elsewhere, cf. Article 2 of the Statute."}},
		{"en", "They brought pens, paper, etc. The meeting ended.", []string{"They brought pens, paper, etc.", "The meeting ended."}},
		{"en", "They brought pens, paper, etc. and books.", []string{"They brought pens, paper, etc. and books."}},
		{"en", "See vol. 2, p. 15 and pp. 20-25. Done.", []string{"See vol. 2, p. 15 and pp. 20-25.", "Done."}},
		{"en", "The U.S. delegation spoke. Others followed.", []string{"The U.S. delegation spoke.", "Others followed."}},
		// numbers, initials, URLs
		{"en", "The rate was 3.5 per cent in 2014. It reached 1,000,000 in 2015.", []string{"The rate was 3.5 per cent in 2014.", "It reached 1,000,000 in 2015."}},
		{"en", "J. R. R. Tolkien wrote it. He died in 1973.", []string{"J. R. R. Tolkien wrote it.", "He died in 1973."}},
		{"en", "Visit www.un.org today. Thanks.", []string{"Visit www.un.org today.", "Thanks."}},
		{"en", "It is listed in paragraph 7. The list follows.", []string{"It is listed in paragraph 7.", "The list follows."}},
		// closing quotes and brackets, ellipsis, ! ?
		{"en", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"en", "He said “Stop.” Then he left.", []string{"He said “Stop.”", "Then he left."}},
		{"en", "(See annex I.) The report follows.", []string{"(See annex I.)", "The report follows."}},
		{"en", "He paused... and went on. Then... He left.", []string{"He paused... and went on.", "Then...", "He left."}},
		{"en", "Why? Because it matters! Yes.", []string{"Why?", "Because it matters!", "Yes."}},
		{"en", "The term “computer system. network” is defined below.", []string{"The term “computer system. network” is defined below."}},
		{"en", "The end.[1] Next sentence.", []string{"The end.[1]", "Next sentence."}},
		// list labels
		{"en", "1. The Committee met. 2. It adopted the report.", []string{"1. The Committee met.", "2. It adopted the report."}},
		{"en", "(a) The first item; (b) the second item.", []string{"(a) The first item; (b) the second item."}},
		{"en", "The Council decides: 1. Requests the Secretary-General to report.", []string{"The Council decides: 1. Requests the Secretary-General to report."}},
		{"en", "It ended there. (a) Report of the Committee.", []string{"It ended there.", "(a) Report of the Committee."}},
		{"en", "It ended there. b) Report of the Committee.", []string{"It ended there.", "b) Report of the Committee."}},
		{"en", "IV. Transitional provisions apply.", []string{"IV. Transitional provisions apply."}},
		{"en", "Provisional agenda for the session 2. Immunity of State officials.", []string{"Provisional agenda for the session 2. Immunity of State officials."}},
		{"en", "  Leading space. Trailing space.  ", []string{"  Leading space.", "Trailing space."}},
		{"en", "Lines joined\nby a page break. Next.", []string{"Lines joined\nby a page break.", "Next."}},
		// French
		{"fr", "M. Dupont est arrivé. Mme Martin aussi.", []string{"M. Dupont est arrivé.", "Mme Martin aussi."}},
		{"fr", "Voir art. 5, p. ex. Le point n° 3. Ensuite.", []string{"Voir art. 5, p. ex. Le point n° 3.", "Ensuite."}},
		{"fr", "Des stylos, du papier, etc. Ensuite on part.", []string{"Des stylos, du papier, etc.", "Ensuite on part."}},
		{"fr", "Il a dit : « C'est fini. » Puis il est parti.", []string{"Il a dit : « C'est fini. »", "Puis il est parti."}},
		{"fr", "Le taux est de 3,5 %. Le total est de 1 000 000.", []string{"Le taux est de 3,5 %.", "Le total est de 1 000 000."}},
		{"fr", "Voir l'article 2. Fin.", []string{"Voir l'article 2.", "Fin."}},
		{"en", "This is provided in Article 2. The Parties agree.", []string{"This is provided in Article 2.", "The Parties agree."}},
		// Spanish
		{"es", "El Sr. García y la Sra. López llegaron. Luego hablaron.", []string{"El Sr. García y la Sra. López llegaron.", "Luego hablaron."}},
		{"es", "Véase el art. 3, núm. 2, p. ej. La sección. Fin.", []string{"Véase el art. 3, núm. 2, p. ej. La sección.", "Fin."}},
		{"es", "¿Qué pasó? Nadie lo sabe.", []string{"¿Qué pasó?", "Nadie lo sabe."}},
		{"es", "Se compraron libros, etc. Luego se fue.", []string{"Se compraron libros, etc.", "Luego se fue."}},
		{"es", "El total fue de 1.000.000 dólares. Fin.", []string{"El total fue de 1.000.000 dólares.", "Fin."}},
		// Russian
		{"ru", "См. ст. 5 и п. 3 настоящей Конвенции. Далее.", []string{"См. ст. 5 и п. 3 настоящей Конвенции.", "Далее."}},
		{"ru", "Это т.е. Так и т. е. Иначе. Конец.", []string{"Это т.е. Так и т. е. Иначе.", "Конец."}},
		{"ru", "Это произошло в 2015 г. Далее было решено.", []string{"Это произошло в 2015 г.", "Далее было решено."}},
		{"ru", "В г. Москве, гг. Ведомости. Конец.", []string{"В г. Москве, гг. Ведомости.", "Конец."}},
		{"ru", "Книги, журналы и т.д. Далее.", []string{"Книги, журналы и т.д.", "Далее."}},
		{"ru", "Книги, журналы и т. д. и т. п. Далее.", []string{"Книги, журналы и т. д. и т. п.", "Далее."}},
		{"ru", "А. С. Пушкин родился в Москве. Это известно.", []string{"А. С. Пушкин родился в Москве.", "Это известно."}},
		{"ru", "Заседание в 10 ч. 30 м. Повестка дня.", []string{"Заседание в 10 ч. 30 м.", "Повестка дня."}},
		{"ru", "Он сказал: «Всё кончено». Потом ушёл.", []string{"Он сказал: «Всё кончено».", "Потом ушёл."}},
		// Arabic
		{"ar", "ما هذا؟ لا أعرف.", []string{"ما هذا؟", "لا أعرف."}},
		{"ar", "(أ) نص أول. (ب) نص آخر.", []string{"(أ) نص أول.", "(ب) نص آخر."}},
		{"ar", "بلغت النسبة 3.5 في المائة. وانتهى.", []string{"بلغت النسبة 3.5 في المائة.", "وانتهى."}},
		{"ar", "’1’ يوفر لمستخدمي خدمته؛ أو ’2’ يعالج بيانات.", []string{"’1’ يوفر لمستخدمي خدمته؛ أو ’2’ يعالج بيانات."}},
		// Chinese
		{"zh", "他来了。她走了！真的吗？", []string{"他来了。", "她走了！", "真的吗？"}},
		{"zh", "他说：“我们到了。”然后离开了。", []string{"他说：“我们到了。”", "然后离开了。"}},
		{"zh", "他离开了（见第5条。）后来又回来了。", []string{"他离开了（见第5条。）", "后来又回来了。"}},
		{"zh", "人人生而自由,在尊严和权利上一律平等.他们赋有理性和良心.", []string{"人人生而自由,在尊严和权利上一律平等.", "他们赋有理性和良心."}},
		{"zh", "比例为3.5%。共1.000人。", []string{"比例为3.5%。", "共1.000人。"}},
		{"zh", "1. 缔约国应当采取措施。2. 本条不得解释。", []string{"1. 缔约国应当采取措施。", "2. 本条不得解释。"}},
		{"zh", "第5条. 保护主权", []string{"第5条. 保护主权"}},
		{"zh", "他说……我不知道。", []string{"他说……我不知道。"}},
		{"zh", "他说……\n然后走了。", []string{"他说……", "然后走了。"}},
		{"zh", "铭记宗旨和原则。[暂定]注意到其他。", []string{"铭记宗旨和原则。[暂定]", "注意到其他。"}},
		{"zh", "真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"zh", "决心合作。\n[暂定]\n另外，合作。", []string{"决心合作。\n[暂定]", "另外，合作。"}},
		{"en", "It was agreed.\n[provisionally agreed]\nNext text.", []string{"It was agreed.\n[provisionally agreed]", "Next text."}},
		{"zh", "", nil},
		{"zh", "   ", []string{""}},
	})
}

func TestClauses(t *testing.T) {
	runCases(t, Clauses, []splitCase{
		// Chinese clause marks and protections
		{"zh", "本公约的宗旨是：促进合作；加强措施，预防犯罪。", []string{"本公约的宗旨是：", "促进合作；", "加强措施，", "预防犯罪。"}},
		{"zh", "贩运人口、偷运移民、非法制造枪支。", []string{"贩运人口、偷运移民、非法制造枪支。"}},
		{"zh", "“信息和通信技术系统”系指任何装置，包括软件。", []string{"“信息和通信技术系统”系指任何装置，", "包括软件。"}},
		{"zh", "他称之为“标题音乐，但是是舒曼式的”，或其他。", []string{"他称之为“标题音乐，但是是舒曼式的”，", "或其他。"}},
		{"zh", "铭记《公约，议定书》的宗旨，决心合作。", []string{"铭记《公约，议定书》的宗旨，", "决心合作。"}},
		{"zh", "他说「好，我来」，就走了。", []string{"他说「好，我来」，", "就走了。"}},
		{"zh", "所谓‘甲，乙’，即丙。", []string{"所谓‘甲，乙’，", "即丙。"}},
		{"zh", "共计1,000元，比例为3.5%，时间24/7，于2024年7月29日生效。", []string{"共计1,000元，", "比例为3.5%，", "时间24/7，", "于2024年7月29日生效。"}},
		{"zh", "依照本公约第 17 条第 1 款(b)项(一)目的规定，采取措施。", []string{"依照本公约第 17 条第 1 款(b)项(一)目的规定，", "采取措施。"}},
		{"zh", "人人生而自由,在尊严和权利上一律平等;他们赋有理性:并应相待.", []string{"人人生而自由,", "在尊严和权利上一律平等;", "他们赋有理性:", "并应相待."}},
		{"zh", "(a) 更高效地促进和加强措施，预防犯罪；[暂定]", []string{"(a) 更高效地促进和加强措施，", "预防犯罪；[暂定]"}},
		{"zh", "- (一) 能让用户进行通信；或", []string{"- (一) 能让用户进行通信；或"}},
		{"zh", "(e) “服务提供商”系指以下任何实体：\n - (一) 能让用户进行通信；或\n - (二) 为此类服务处理数据；以及[暂定]\n- (c) 促进合作。",
			[]string{"(e) “服务提供商”系指以下任何实体：", "- (一) 能让用户进行通信；或", "- (二) 为此类服务处理数据；以及[暂定]", "- (c) 促进合作。"}},
		{"zh", "缔约国之间\n(a)项所述的合作", []string{"缔约国之间\n(a)项所述的合作"}},
		{"en", "the following:\n(a) one thing; or\n(b) another thing; and\n2. A new paragraph.",
			[]string{"the following:", "(a) one thing; or", "(b) another thing; and", "2. A new paragraph."}},
		{"ar", "ما يلي:\n’1’ يوفر الاتصال؛ أو\n’2’ يعالج البيانات؛",
			[]string{"ما يلي:", "’1’ يوفر الاتصال؛ أو", "’2’ يعالج البيانات؛"}},
		{"zh", "因此，缔约国应当合作。此外，各国应当协调。", []string{"因此，缔约国应当合作。", "此外，各国应当协调。"}},
		{"zh", "2024年7月29日，大会通过了公约。", []string{"2024年7月29日，大会通过了公约。"}},
		{"zh", "布拉格（当时属于奥匈帝国，现属于捷克）附近。", []string{"布拉格", "（当时属于奥匈帝国，现属于捷克）", "附近。"}},
		{"zh", "联合国毒品和犯罪问题办公室（毒品和犯罪问题办公室）开展的工作，", []string{"联合国毒品和犯罪问题办公室", "（毒品和犯罪问题办公室）", "开展的工作，"}},
		{"zh", "回顾第 [74/247](#) 号决议，", []string{"回顾第 [74/247](#) 号决议，"}},
		{"zh", "考虑到联合国会\n员国之间存在的类似条约，[暂定]", []string{"考虑到联合国会\n员国之间存在的类似条约，[暂定]"}},
		{"zh", "他说：“我们到了，很好。”然后离开了。", []string{"他说：", "“我们到了，", "很好。”", "然后离开了。"}},
		// Latin scripts
		{"en", "The States Parties, recalling the Charter, have agreed as follows: to cooperate; to share.", []string{"The States Parties,", "recalling the Charter,", "have agreed as follows:", "to cooperate;", "to share."}},
		{"en", "However, the total was 1,000,000 at 10:30 on 3.5 scales.", []string{"However, the total was 1,000,000 at 10:30 on 3.5 scales."}},
		{"en", "Some tools, e.g., scanners, are allowed.", []string{"Some tools,", "e.g., scanners,", "are allowed."}},
		{"en", "The term “computer data, traffic data” is used, and defined.", []string{"The term “computer data, traffic data” is used,", "and defined."}},
		{"en", "The list (a, b and c) is closed, as agreed.", []string{"The list (a, b and c) is closed,", "as agreed."}},
		{"en", "(a) The first item; (b) the second item.", []string{"(a) The first item;", "(b) the second item."}},
		{"fr", "Les États, rappelant la Charte, sont convenus de ce qui suit : coopérer.", []string{"Les États,", "rappelant la Charte,", "sont convenus de ce qui suit :", "coopérer."}},
		{"es", "Los Estados, recordando la Carta, han convenido en lo siguiente: cooperar.", []string{"Los Estados,", "recordando la Carta,", "han convenido en lo siguiente:", "cooperar."}},
		{"ru", "Государства, ссылаясь на Устав, согласились о нижеследующем: сотрудничать; т. е. помогать.", []string{"Государства, ссылаясь на Устав,", "согласились о нижеследующем:", "сотрудничать;", "т. е. помогать."}},
		{"ar", "لأغراض هذه الاتفاقية، يعني المصطلح ما يلي: (أ) نظام؛ (ب) بيانات.", []string{"لأغراض هذه الاتفاقية،", "يعني المصطلح ما يلي:", "(أ) نظام؛", "(ب) بيانات."}},
		{"ar", "النص الأول،النص الثاني", []string{"النص الأول،", "النص الثاني"}},
		{"en", "However, the text, as agreed, stands.", []string{"However, the text,", "as agreed,", "stands."}},
		{"ar", "(أ) ”نظام تكنولوجيا المعلومات، والاتصالات“ يعني أي جهاز، بما فيها.", []string{"(أ) ”نظام تكنولوجيا المعلومات، والاتصالات“ يعني أي جهاز،", "بما فيها."}},
		{"ar", "’1’ يوفر لمستخدمي خدمته؛ أو ’2’ يعالج بيانات.", []string{"’1’ يوفر لمستخدمي خدمته؛", "أو ’2’ يعالج بيانات."}},
	})
}

// TestLanguageCodes checks that region suffixes and unknown codes work.
func TestLanguageCodes(t *testing.T) {
	text := "他来了。她走了。"
	for _, lang := range []string{"zh", "zh-Hans", "zh_Hant", "ZH", "cmn"} {
		if n := len(Sentences(text, lang)); n != 2 {
			t.Errorf("%s: %d sentences, want 2", lang, n)
		}
	}
	if n := len(Sentences("One. Two.", "xx")); n != 2 {
		t.Errorf("unknown language: %d sentences, want 2", n)
	}
}

// TestInvalidUTF8 checks that broken input still gives a lossless split.
func TestInvalidUTF8(t *testing.T) {
	for _, text := range []string{"\xff\xfe。\xe3\x80", "a.\xc3 B. \xe2\x80\x9c", "“\xff，”。", "(\x80, b)."} {
		for _, lang := range unpcLangs {
			checkSpans(t, text, Sentences(text, lang))
			checkSpans(t, text, Clauses(text, lang))
		}
	}
}

// TestDeterministic checks that the same input gives the same spans.
func TestDeterministic(t *testing.T) {
	text := strings.Repeat("缔约国应当（以下简称“公约”）采取措施，预防犯罪。See art. 5, e.g. (a). ", 50)
	a, b := Clauses(text, "zh"), Clauses(text, "zh")
	if len(a) != len(b) {
		t.Fatal("non-deterministic")
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatal("non-deterministic")
		}
	}
}
