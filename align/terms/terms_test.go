package terms

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"concord/corpora/testdocs"
	"concord/segment"
	"concord/segment/define"
	"concord/segment/pieces"
	"concord/segment/words"
)

var testSeg = func() *words.Segmenter {
	s, err := words.New(words.Options{})
	if err != nil {
		panic(err)
	}
	return s
}()

func TestTermLLR(t *testing.T) {
	// Dunning's G² by hand for a = 10, f(src) = 20, f(tgt) = 15, n = 1000
	k := []float64{10, 10, 5, 975}
	e := []float64{20 * 15 / 1000.0, 20 * 985 / 1000.0, 980 * 15 / 1000.0, 980 * 985 / 1000.0}
	want := 0.0
	for i := range k {
		want += 2 * k[i] * math.Log(k[i]/e[i])
	}
	if got := lLR(10, 20, 15, 1000); math.Abs(got-want) > 1e-9 {
		t.Errorf("lLR = %v, want %v", got, want)
	}
	if got := lLR(0, 0, 0, 10); got != 0 {
		t.Errorf("lLR of an empty table = %v", got)
	}
}

func TestCandidatesCValue(t *testing.T) {
	// 信息和通信技术 always inside 信息和通信技术系统 is no candidate by
	// itself; 国际合作 recurs with free boundaries.
	var segs []pieces.Piece
	for i, s := range []string{
		"缔约国应当开展国际合作。", "国际合作应当符合本国法律。", "为了国际合作，缔约国可以交流信息。",
		"缔约国应当保护数据安全。", "数据安全是重要的。",
	} {
		segs = append(segs, pieces.Piece{Addr: "p." + string(rune('1'+i)), Text: s})
	}
	cs := Candidates(testSeg, segs, "zh", CandidateOptions{})
	byTerm := map[string]Candidate{}
	for _, c := range cs {
		byTerm[c.Term] = c
	}
	c, ok := byTerm["国际合作"]
	if !ok {
		t.Fatalf("国际合作 not among the candidates %+v", cs)
	}
	if c.Freq != 3 || !reflect.DeepEqual(c.Addrs, []string{"p.1", "p.2", "p.3"}) || c.Context != segs[0].Text {
		t.Errorf("国际合作: %+v", c)
	}
	if _, ok := byTerm["数据安全"]; !ok {
		t.Errorf("数据安全 not among the candidates %+v", cs)
	}
	for _, c := range cs {
		if strings.ContainsAny(c.Term, "，。的") {
			t.Errorf("candidate %q holds punctuation or a particle", c.Term)
		}
	}
}

func TestCandidatesEnglish(t *testing.T) {
	var segs []pieces.Piece
	for _, s := range []string{
		"The Security Council met.", "The Security Council adopted the resolution.",
		"Members of the Security Council spoke.", "The Council of Europe met.",
	} {
		segs = append(segs, pieces.Piece{Text: s})
	}
	cs := Candidates(testSeg, segs, "en", CandidateOptions{})
	if len(cs) == 0 || cs[0].Term != "Security Council" || cs[0].Freq != 3 {
		t.Fatalf("candidates %+v, want Security Council first", cs)
	}
	for _, c := range cs {
		if c.Words < 2 {
			t.Errorf("single word %q among the candidates of a language with spaces", c.Term)
		}
		if strings.HasPrefix(strings.ToLower(c.Term), "the ") {
			t.Errorf("candidate %q starts with a stop word", c.Term)
		}
	}
}

// testBitext is a small parallel corpus: the terms recur in different
// sentences so that co-occurrence can tell them apart.
var testBitext = func() [][2]string {
	terms := [][2]string{{"安全理事会", "The Security Council"}, {"秘书长", "The Secretary-General"}, {"大会", "The General Assembly"}}
	acts := [][2]string{{"通过了决议", "adopted a resolution"}, {"举行了会议", "held a meeting"}, {"提交了报告", "submitted a report"},
		{"发表了讲话", "made a statement"}, {"审议了议程", "considered the agenda"}, {"推迟了辩论", "postponed the debate"}}
	var out [][2]string
	for _, tm := range terms {
		for _, a := range acts {
			out = append(out, [2]string{tm[0] + a[0] + "。", tm[1] + " " + a[1] + "."})
		}
	}
	return out
}()

func TestPairs(t *testing.T) {
	var zh, en []string
	for _, p := range testBitext {
		zh = append(zh, p[0])
		en = append(en, p[1])
	}
	ps := Pairs(testSeg, zh, en, nil, "zh", "en", CandidateOptions{})
	got := map[string]string{}
	for _, p := range ps {
		got[p.Src] = p.Tgt
		if p.Score < lLRThreshold || p.Freq < 2 || p.Dice <= 0 || p.Dice > 1 || p.Context[0] == "" || p.Context[1] == "" {
			t.Errorf("pair %+v", p)
		}
	}
	for src, tgt := range map[string]string{"安全理事会": "Security Council", "秘书长": "Secretary-General", "大会": "General Assembly"} {
		if got[src] != tgt {
			t.Errorf("%s ↔ %q, want %q (pairs %v)", src, got[src], tgt, got)
		}
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Score > ps[i-1].Score {
			t.Errorf("pairs not best first at %d", i)
		}
	}
}

func TestParallelTermsRenderings(t *testing.T) {
	// 委员会 is "Committee" in half of its sentences, "Commission" in the
	// other half; other sentences speak of other bodies.
	var zh, en []string
	verbs := [][2]string{{"审议了报告", "considered the report"}, {"通过了决定", "adopted the decision"}, {"举行了会议", "held a meeting"},
		{"推迟了辩论", "postponed the debate"}, {"批准了预算", "approved the budget"}, {"听取了发言", "heard a statement"}}
	for i := range 300 {
		v := verbs[(i/3)%len(verbs)]
		switch i % 3 {
		case 0:
			zh, en = append(zh, "委员会"+v[0]+"。"), append(en, "The Committee "+v[1]+".")
		case 1:
			zh, en = append(zh, "委员会"+v[0]+"。"), append(en, "The Commission "+v[1]+".")
		default:
			zh, en = append(zh, "理事会"+v[0]+"。"), append(en, "The Board "+v[1]+".")
		}
	}
	zh, en = append(zh, zh...), append(en, en...)
	g, err := Parallel([][]string{zh, en}, []string{"zh", "en"}, []string{"a.zh", "a.en"}, nil, Options{Segmenter: testSeg})
	if err != nil {
		t.Fatal(err)
	}
	var issue *Issue
	for i, is := range g.Issues {
		if is.Kind == IssueRenderings && is.Term == "委员会" {
			issue = &g.Issues[i]
		}
	}
	if issue == nil {
		t.Fatalf("no renderings issue for 委员会: entries %+v, issues %+v", g.Entries, g.Issues)
	}
	var texts []string
	for _, r := range issue.Renderings {
		texts = append(texts, r.Text)
		if len(r.Addrs) != 200 {
			t.Errorf("rendering %q at %d lines, want 200", r.Text, len(r.Addrs))
		}
	}
	if j := strings.Join(texts, "|"); j != "Committee|Commission" && j != "Commission|Committee" {
		t.Errorf("renderings %q", texts)
	}
	if !strings.HasPrefix(issue.Renderings[0].Addrs[0], "line.") {
		t.Errorf("addresses %v, want line.N", issue.Renderings[0].Addrs)
	}
	for _, is := range g.Issues {
		if is.Term == "理事会" {
			t.Errorf("理事会 is rendered one way only: %+v", is)
		}
	}
}

func TestTermsFixture(t *testing.T) {
	zh := testdocs.Load(t, "zh.txt", "第1条. 术语\n(a) “电子数据”系指对事实的任何表述；\n(b) “冻结”或“扣押”系指暂时禁止财产转移；\n(c) “信息和通信技术系统”系指任何装置；\n第2条. 保全\n1. 缔约国应保全电子数据。\n2. 缔约国可冻结财产。\n第3条. 与信息通信技术系统有关的犯罪\n")
	en := testdocs.Load(t, "en.txt", "Article 1. Terms\n(a) \"Electronic data\" shall mean any representation of facts;\n(b) \"Freezing\" or \"seizure\" shall mean temporarily prohibiting the transfer of property;\n(c) \"Information and communications technology system\" shall mean any device;\nArticle 2. Preservation\n1. States Parties shall preserve electronic data.\n2. States Parties may freeze property.\nArticle 3. Offences related to information and communications technology systems\n")
	g, err := Extract([]*segment.Document{zh, en}, Options{NoCandidates: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.Langs, []string{"zh", "en"}) || !reflect.DeepEqual(g.Names, []string{"zh.txt", "en.txt"}) {
		t.Errorf("langs %v names %v", g.Langs, g.Names)
	}
	want := []struct{ addr, zh, en string }{
		{"art.1.a", "电子数据", "Electronic data"}, {"art.1.b", "冻结", "Freezing"}, {"art.1.b", "扣押", "seizure"},
		{"art.1.c", "信息和通信技术系统", "Information and communications technology system"},
	}
	if len(g.Entries) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(g.Entries), len(want), g.Entries)
	}
	for i, w := range want {
		e := g.Entries[i]
		if e.Kind != KindDefined || e.Addr != w.addr || e.Terms["zh"] != w.zh || e.Terms["en"] != w.en {
			t.Errorf("entry %d = %s %s %q, want %s %q %q", i, e.Kind, e.Addr, e.Terms, w.addr, w.zh, w.en)
		}
		if e.Definition["zh"] == "" || e.Definition["en"] == "" {
			t.Errorf("entry %d without definitions: %q", i, e.Definition)
		}
	}
	if e := g.Entries[0]; !reflect.DeepEqual(e.Occurrences, []string{"art.1.a", "art.2.1"}) || e.Context["en"] != "States Parties shall preserve electronic data." {
		t.Errorf("电子数据: occurrences %v, context %q", e.Occurrences, e.Context)
	}
	var form *Issue
	for i, is := range g.Issues {
		if is.Kind == IssueForm {
			form = &g.Issues[i]
		}
	}
	if form == nil || form.Term != "信息和通信技术系统" || form.Addr != "art.1.c" || len(form.Renderings) != 1 ||
		form.Renderings[0].Text != "信息通信技术系统" || !reflect.DeepEqual(form.Renderings[0].Addrs, []string{"art.3"}) {
		t.Errorf("form issue %+v", form)
	}
	// the English plural is the same term, not another form
	for _, is := range g.Issues {
		if is.Lang == "en" {
			t.Errorf("unexpected English issue %+v", is)
		}
	}
}

// TestTermsL15Arabic: the 15 defined terms of article 2 (a)–(o) in both
// versions, paired at their addresses, with exact boundaries.
func TestTermsL15Arabic(t *testing.T) {
	zh, ar := testdocs.L15(t), testdocs.Arabic(t)
	g, err := Extract([]*segment.Document{zh, ar}, Options{MaxCandidates: 20})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][][2]string{}
	for _, e := range g.Entries {
		if e.Kind != KindDefined {
			continue
		}
		got[e.Addr] = append(got[e.Addr], [2]string{e.Terms["zh"], e.Terms["ar"]})
		if e.Definition["zh"] == "" || e.Definition["ar"] == "" {
			t.Errorf("%s: definitions %q", e.Addr, e.Definition)
		}
	}
	if len(got) != 15 {
		t.Errorf("%d defined concepts, want 15", len(got))
	}
	// the pairs are the two documents' definitions (checked against the
	// printed text in segment/define) joined by address
	arDefined := map[string][]string{}
	for _, df := range define.Harvest(ar) {
		arDefined[df.Addr] = df.Terms
	}
	for _, df := range define.Harvest(zh) {
		addr := df.Addr
		for k, z := range df.Terms {
			want := [2]string{z, arDefined[addr][k]}
			if k >= len(got[addr]) || got[addr][k] != want {
				t.Errorf("%s: %q, want %q", addr, got[addr], want)
			}
		}
	}
	cands := 0
	for _, e := range g.Entries {
		if e.Kind == KindCandidate {
			cands++
			if e.Terms["zh"] == "" || e.Terms["ar"] == "" || e.Score <= 0 || e.Freq < 2 || len(e.Occurrences) == 0 {
				t.Errorf("candidate %+v", e)
			}
		}
	}
	if cands == 0 || cands > 20 {
		t.Errorf("%d candidates, want 1–20", cands)
	}
}
