package align

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestSentLexiconFile(t *testing.T) {
	zh, en, _ := sentToyPair()
	var src, tgt [][]string
	for k := 0; k < 3; k++ {
		src = append(src, zh)
		tgt = append(tgt, en)
	}
	L := LearnSentLexicon(src, tgt, "zh", "en", SentOptions{})
	var buf bytes.Buffer
	if _, err := L.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	M, err := ReadSentLexicon(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(L.srcIDs, M.srcIDs) || !reflect.DeepEqual(L.tgtIDs, M.tgtIDs) ||
		!reflect.DeepEqual(L.fwd, M.fwd) || !reflect.DeepEqual(L.bwd, M.bwd) ||
		!reflect.DeepEqual(L.invBgS, M.invBgS) || !reflect.DeepEqual(L.prior, M.prior) ||
		M.srcLang != "zh" || M.tgtLang != "en" {
		t.Fatal("lexicon changed on its way through the file")
	}
	a := Sentences(zh, en, "zh", "en", SentOptions{Lexicon: L})
	b := Sentences(zh, en, "zh", "en", SentOptions{Lexicon: M})
	if !reflect.DeepEqual(a, b) {
		t.Error("a lexicon read back aligns differently")
	}
	for _, bad := range []string{
		"", "hello\n", "concord-sentlexicon\t1\n", "concord-sentlexicon\t1\nlangs\tzh\ten\nf\t0\t0\t1\n",
		"concord-sentlexicon\t1\nlangs\tzh\ten\ns\ta\tNaN\n", "concord-sentlexicon\t1\nlangs\tzh\ten\nx\n",
		"concord-sentlexicon\t1\nlangs\tzh\ten\ns\ta\t1\ns\ta\t1\n",
	} {
		if _, err := ReadSentLexicon(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadSentLexicon(%q): no error", bad)
		}
	}
}

func FuzzReadSentLexicon(f *testing.F) {
	f.Add("concord-sentlexicon\t1\nlangs\tzh\ten\ns\t甲\t3\nt\ta\t2\nf\t0\t0\t0.5\nb\t0\t0\t1\n")
	f.Fuzz(func(t *testing.T, s string) {
		L, err := ReadSentLexicon(strings.NewReader(s))
		if err != nil {
			return
		}
		Sentences([]string{"甲。", "乙。"}, []string{"a.", "b."}, L.srcLang, L.tgtLang, SentOptions{Lexicon: L})
	})
}
