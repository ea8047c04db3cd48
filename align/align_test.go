package align_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"concord/align"
	"concord/corpora"
	"concord/corpora/testenv"
	"concord/segment"
)

func load(t testing.TB, rel string) *segment.Document {
	t.Helper()
	d, err := corpora.LoadFile(testenv.File(t, rel), corpora.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkPartition verifies that every sentence of every version lands in
// exactly one link, and that ids and texts agree.
func checkPartition(t *testing.T, a *align.Alignment) {
	t.Helper()
	for v, sents := range a.Sentences {
		seen := make([]int, len(sents))
		for _, l := range a.Links {
			if len(l.IDs) != len(a.Sentences) {
				t.Fatalf("link %s has %d sides for %d versions", l.Addr, len(l.IDs), len(a.Sentences))
			}
			for k, id := range l.IDs[v] {
				seen[id]++
				if l.Text[v][k] != sents[id].Text {
					t.Fatalf("link %s: text %q is not sentence %d %q", l.Addr, l.Text[v][k], id, sents[id].Text)
				}
			}
			if l.Score < 0 || l.Score > 1 {
				t.Fatalf("link %s: score %v", l.Addr, l.Score)
			}
		}
		for id, n := range seen {
			if sents[id].Text != "" && n != 1 {
				t.Fatalf("%s sentence %d (%q) is in %d links", a.Langs[v], id, sents[id].Text, n)
			}
		}
	}
}

func TestL15WithArabic(t *testing.T) {
	zh := load(t, "un-cybercrime/L15.zh.txt")
	ar := load(t, "un-cybercrime/final.ar.art1-15.txt")
	ua := align.Units([]*segment.Document{zh, ar}, align.Options{})
	linked := 0
	for _, l := range ua.Links {
		if strings.HasPrefix(l.Addr, "art.") {
			n := 0
			fmt.Sscanf(l.Addr, "art.%d", &n)
			both := len(l.Units[0]) == 1 && len(l.Units[1]) == 1 && !l.ByContent
			if n <= 15 && both {
				linked++
			}
			if n <= 15 && !both {
				t.Errorf("%s not linked by address in both versions", l.Addr)
			}
		}
	}
	if linked != 85 {
		t.Errorf("%d units of articles 1–15 linked, want 85", linked)
	}
	missing := map[string]bool{}
	for _, m := range ua.Missing {
		if reflect.DeepEqual(m.Langs, []string{"ar"}) {
			missing[m.Addr] = true
		}
	}
	for i := 16; i <= 68; i++ {
		if !missing[fmt.Sprintf("art.%d", i)] {
			t.Errorf("art.%d not reported missing in Arabic", i)
		}
	}
	a := align.Align([]*segment.Document{zh, ar}, align.Options{})
	checkPartition(t, a)
}

func TestUDHRSevenVersions(t *testing.T) {
	var docs []*segment.Document
	for _, f := range []string{"cmn_hans", "cmn_hant", "eng", "fra", "spa", "rus", "arb"} {
		docs = append(docs, load(t, filepath.Join("udhr", "udhr_"+f+".xml")))
	}
	a := align.Align(docs, align.Options{})
	checkPartition(t, a)
	ua := align.Units(docs, align.Options{})
	articles := 0
	for _, l := range ua.Links {
		if strings.Count(l.Addr, ".") == 1 && strings.HasPrefix(l.Addr, "art.") {
			all := true
			for v := range docs {
				all = all && len(l.Units[v]) == 1
			}
			if all {
				articles++
			}
		}
	}
	if articles != 30 {
		t.Errorf("%d articles linked across all seven versions, want 30", articles)
	}
	var pre *align.Mismatch
	for i, m := range ua.Mismatches {
		if m.Addr == "pre" {
			pre = &ua.Mismatches[i]
		}
	}
	if pre == nil {
		t.Fatalf("preamble mismatch not reported: %+v", ua.Mismatches)
	}
	t.Logf("preamble: %v %v", pre.Langs, pre.Counts)
	// zh-Hant article 2 is one paragraph (the first of the two the others
	// number): its text is linked by content with their art.2.1
	found := false
	for _, l := range ua.Links {
		if l.ByContent && len(l.Units[1]) == 1 && l.Units[1][0].Addr == "art.2" {
			found = true
			if !ua.TextLinkedByContent(l.Units[1][0]) {
				t.Error("zh-Hant art.2 text not marked as linked by content")
			}
			for v := range docs {
				if v != 1 && (len(l.Units[v]) != 1 || l.Units[v][0].Addr != "art.2.1") {
					t.Errorf("zh-Hant art.2 linked with %s's %v, want art.2.1", docs[v].Name, l.Units[v])
				}
			}
		}
	}
	if !found {
		t.Error("zh-Hant art.2 not content-linked with the others' paragraphs")
	}
	// every recital of every version is in exactly one content link
	for v := range docs {
		n := 0
		for _, l := range ua.Links {
			for _, u := range l.Units[v] {
				if u.Kind == segment.KindRecital {
					n++
				}
			}
		}
		if want := len(docs[v].Find("pre").Children); n != want {
			t.Errorf("%s: %d recitals linked, has %d", docs[v].Name, n, want)
		}
	}
}

func TestAlignDeterministic(t *testing.T) {
	zh := load(t, "un-cybercrime/L15.zh.txt")
	ar := load(t, "un-cybercrime/final.ar.art1-15.txt")
	a1 := align.Align([]*segment.Document{zh, ar}, align.Options{})
	a2 := align.Align([]*segment.Document{zh, ar}, align.Options{})
	if !reflect.DeepEqual(a1.Links, a2.Links) {
		t.Error("two runs differ")
	}
}

func TestLinesPartition(t *testing.T) {
	a := align.Lines([][]string{
		{"第一句。", "", "第二句，很长很长很长很长。", "第三句。"},
		{"First sentence.", "Second sentence, which is a very long one indeed.", "", "Third.", "Extra."},
	}, []string{"zh", "en"}, []string{"zh.txt", "en.txt"}, align.Options{})
	checkPartition(t, a)
	for _, l := range a.Links {
		for v := range l.IDs {
			for _, id := range l.IDs[v] {
				if a.Sentences[v][id].Text == "" {
					t.Errorf("blank line %d linked", id)
				}
			}
		}
	}
}

func ExampleAlign() {
	zh, _ := segment.Parse("zh.txt", "第 1 条. 宗旨\n\n本公约的宗旨是：\n(a) 促进合作；\n(b) 提供援助。", segment.Options{})
	en, _ := segment.Parse("en.txt", "Article 1\nStatement of purpose\nThe purposes of this Convention are:\n(a) To promote cooperation;\n(b) To provide assistance.", segment.Options{})
	a := align.Align([]*segment.Document{zh, en}, align.Options{})
	for _, l := range a.Links {
		fmt.Printf("%s %q ↔ %q\n", l.Addr, l.Text[0], l.Text[1])
	}
	// Output:
	// art.1 ["宗旨"] ↔ ["Statement of purpose"]
	// art.1 ["本公约的宗旨是："] ↔ ["The purposes of this Convention are:"]
	// art.1.a ["促进合作；"] ↔ ["To promote cooperation;"]
	// art.1.b ["提供援助。"] ↔ ["To provide assistance."]
}

func linkAddrs(a *align.Alignment) []string {
	var out []string
	for _, l := range a.Links {
		if len(out) == 0 || out[len(out)-1] != l.Addr {
			out = append(out, l.Addr)
		}
	}
	return out
}

// TestLinkOrderAroundContentLinks: units only one version has come after
// the content links of the parent before them, not between that parent and
// its content links.
func TestLinkOrderAroundContentLinks(t *testing.T) {
	en, _ := segment.Parse("en", "Article 1\nTitle\n1. First paragraph here.\n2. Second paragraph here.\nArticle 3\nTitle three\n", segment.Options{Lang: "en"})
	fr, _ := segment.Parse("fr", "Article premier\nTitre\n1. Premier paragraphe ici.\n2. Deuxième paragraphe.\n3. Troisième paragraphe.\nArticle 2\nTitre deux\nArticle 3\nTitre trois\n", segment.Options{Lang: "fr"})
	a := align.Align([]*segment.Document{en, fr}, align.Options{})
	checkPartition(t, a)
	got := strings.Join(linkAddrs(a), " ")
	if !strings.HasPrefix(got, "art.1 art.1.1") || !strings.HasSuffix(got, "art.2 art.3") {
		t.Errorf("link order %s", got)
	}
}

// TestUnnumberedTextByContent: texts without numbering are aligned as one
// unit, their paragraphs by content, not by position.
func TestUnnumberedTextByContent(t *testing.T) {
	en, _ := segment.Parse("en", "The first paragraph talks about the weather today.\n\nThe second paragraph talks about cats and also about dogs, at some length.\n\nThe third paragraph ends the text.", segment.Options{Lang: "en"})
	fr, _ := segment.Parse("fr", "Le premier paragraphe parle du temps qu'il fait aujourd'hui.\n\nLe deuxième paragraphe parle des chats.\n\nIl parle aussi des chiens, assez longuement.\n\nLe troisième paragraphe termine le texte.", segment.Options{Lang: "fr"})
	a := align.Align([]*segment.Document{en, fr}, align.Options{})
	checkPartition(t, a)
	for _, l := range a.Links {
		if strings.Contains(strings.Join(l.Text[0], " "), "dogs") && len(l.IDs[1]) != 2 {
			t.Errorf("the cats-and-dogs paragraph is linked with %v", l.Text[1])
		}
	}
	ua := align.Units([]*segment.Document{en, fr}, align.Options{})
	if len(ua.Missing) != 0 || len(ua.Mismatches) != 1 {
		t.Errorf("missing %v, mismatches %v", ua.Missing, ua.Mismatches)
	}
}

func TestJoinText(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"第一句。", "第二句。"}, "第一句。第二句。"},
		{[]string{"他说：“好。”", "然后走了。"}, "他说：“好。”然后走了。"},
		{[]string{"One.", "Two."}, "One. Two."},
		{[]string{"第一条", "Article 1"}, "第一条 Article 1"},
		{[]string{"(a)", "第二句"}, "(a) 第二句"},
		{nil, ""},
	} {
		if got := align.JoinText(c.in); got != c.want {
			t.Errorf("JoinText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	l := align.Link{Text: [][]string{{"甲。", "乙。"}, {"A.", "B."}}}
	if l.Joined(0) != "甲。乙。" || l.Joined(1) != "A. B." || l.Joined(2) != "" {
		t.Errorf("Joined: %q %q", l.Joined(0), l.Joined(1))
	}
}

// TestTitleBlockByContent: the seven lines of L.15's Chinese title block
// (committee, session, date, title, subtitle) are aligned by content with
// the one-line Arabic title, not linked with it as one unit.
func TestTitleBlockByContent(t *testing.T) {
	zh := load(t, "un-cybercrime/L15.zh.txt")
	ar := load(t, "un-cybercrime/final.ar.art1-15.txt")
	a := align.Align([]*segment.Document{zh, ar}, align.Options{})
	checkPartition(t, a)
	lines := 0
	for _, l := range a.Links {
		if l.Addr != "title" {
			continue
		}
		lines += len(l.IDs[0])
		if len(l.IDs[0]) > 2 {
			t.Errorf("title link holds %d Chinese lines: %q", len(l.IDs[0]), l.Text[0])
		}
	}
	if lines != 7 {
		t.Errorf("%d Chinese title lines linked, want 7", lines)
	}
}
