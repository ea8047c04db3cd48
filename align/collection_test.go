package align_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"concord/align"
	"concord/segment"
)

// toySets are three small zh–en–fr sets of a collection.
var toySets = [][][]string{
	{{"第一条 目的", "本公约的宗旨是促进合作。", "缔约国应当提供援助。"},
		{"Article 1. Purpose", "The purpose of this Convention is to promote cooperation.", "States Parties shall provide assistance."},
		{"Article premier. Objet", "La présente Convention a pour objet de promouvoir la coopération.", "Les États parties fournissent une assistance."}},
	{{"第二条 术语", "缔约国应当促进合作。"},
		{"Article 2. Terms", "States Parties shall promote cooperation."},
		{"Article 2. Terminologie", "Les États parties promeuvent la coopération."}},
	{{"第三条 范围", "本公约适用于预防。", "缔约国应当合作。"},
		{"Article 3. Scope", "This Convention shall apply to prevention.", "States Parties shall cooperate."},
		nil},
}

func ExampleCollection() {
	langs := []string{"zh", "en", "fr"}
	c := align.Collection{Max: 64 << 20}
	for _, set := range toySets {
		c.AddLines(set, langs)
	}
	lexicons := c.Lexicons(align.Options{})
	for _, L := range lexicons {
		src, tgt := L.Langs()
		fmt.Println(src, "→", tgt)
	}
	a := align.Lines(toySets[0], langs, []string{"zh.txt", "en.txt", "fr.txt"}, align.Options{Lexicons: lexicons})
	fmt.Println(len(a.Links), "links")
	// Output:
	// zh → en
	// zh → fr
	// 3 links
}

// TestCollectionBound: a full collection takes no more sets, and the sets
// it took decide the lexicons.
func TestCollectionBound(t *testing.T) {
	langs := []string{"zh", "en", "fr"}
	c := align.Collection{Max: 100}
	if !c.AddLines(toySets[0], langs) || !c.Full() || c.AddLines(toySets[1], langs) {
		t.Fatalf("a collection of at most 100 bytes: size %d, full %v after its first set", c.Size(), c.Full())
	}
	one := align.Collection{}
	one.AddLines(toySets[0], langs)
	if a, b := lexBytes(t, c.Lexicons(align.Options{})), lexBytes(t, one.Lexicons(align.Options{})); !reflect.DeepEqual(a, b) {
		t.Error("the set refused by a full collection changed its lexicons")
	}
}

// lexBytes writes lexicons as files hold them.
func lexBytes(t *testing.T, ls []*align.SentLexicon) []string {
	var out []string
	for _, L := range ls {
		var b bytes.Buffer
		if _, err := L.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b.String())
	}
	return out
}

// TestCollectionDocuments: parsed documents give the pairs of their
// languages, pivot first, and Options.Lexicons reaches the aligner.
func TestCollectionDocuments(t *testing.T) {
	var c align.Collection
	var sets [][]*segment.Document
	for _, set := range toySets[:2] {
		zh, _ := segment.Parse("zh.txt", joinLines(set[0]), segment.Options{Lang: "zh"})
		en, _ := segment.Parse("en.txt", joinLines(set[1]), segment.Options{Lang: "en"})
		c.AddDocuments([]*segment.Document{zh, en})
		sets = append(sets, []*segment.Document{zh, en})
	}
	ls := c.Lexicons(align.Options{})
	if len(ls) != 1 {
		t.Fatalf("%d lexicons, want 1", len(ls))
	}
	if src, tgt := ls[0].Langs(); src != "zh" || tgt != "en" {
		t.Fatalf("lexicon for %s → %s, want zh → en", src, tgt)
	}
	// a lexicon for other languages is ignored; one given in Sent wins
	var other align.Collection
	other.AddLines([][]string{toySets[0][1], toySets[0][0]}, []string{"en", "zh"})
	wrong := other.Lexicons(align.Options{})
	plain := align.Align(sets[0], align.Options{})
	if got := align.Align(sets[0], align.Options{Lexicons: wrong}); !reflect.DeepEqual(got, plain) {
		t.Error("an en → zh lexicon changed a zh → en alignment")
	}
	with := align.Align(sets[0], align.Options{Lexicons: append(wrong, ls...)})
	sent := align.Align(sets[0], align.Options{Sent: align.SentOptions{Lexicon: ls[0]}, Lexicons: wrong})
	if !reflect.DeepEqual(with, sent) {
		t.Error("Options.Lexicons and SentOptions.Lexicon align differently with the same lexicon")
	}
}

func joinLines(ls []string) string {
	var b bytes.Buffer
	for _, l := range ls {
		b.WriteString(l + "\n")
	}
	return b.String()
}
