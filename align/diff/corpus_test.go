package diff

import (
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/corpora/testenv"
	"concord/segment"
)

// TestLawPairs compares every pair of consecutive versions of the 75
// laws of zh-law-revisions/version-pairs: every unit of both versions is
// accounted for (matched, added or deleted, once), every edit reproduces
// the new text, and every article whose text is the same in both versions
// (and unique in each) is matched to its twin: as renumbered or moved when
// its number changed.
func TestLawPairs(t *testing.T) {
	laws, pairs, renumbered := 0, 0, 0
	for _, law := range testenv.Laws(t) {
		laws++
		var docs []*segment.Document
		for _, path := range law.Paths {
			d, err := corpora.LoadFile(path, corpora.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
		for i := 1; i < len(docs); i++ {
			pairs++
			old, new := docs[i-1], docs[i]
			r, err := Compare(old, new, Options{})
			if err != nil {
				t.Fatal(err)
			}
			check(t, old, new, r)
			renumbered += r.Summary.Articles.Renumbered
			checkTwins(t, old, new, r)
		}
	}
	if laws != 75 {
		t.Errorf("%d laws in the index, want 75", laws)
	}
	t.Logf("%d laws, %d pairs, %d articles renumbered", laws, pairs, renumbered)
}

// checkTwins checks that articles with the same text, unique on both
// sides, are matched to each other, and renumbered or moved when their
// numbers differ.
func checkTwins(t *testing.T, old, new *segment.Document, r *Report) {
	t.Helper()
	index := func(d *segment.Document) map[string][]string {
		m := map[string][]string{}
		for u := range d.All() {
			if u.Kind == segment.KindArticle {
				k := flat(u)
				m[k] = append(m[k], u.Addr)
			}

		}
		return m
	}
	oi, ni := index(old), index(new)
	twin := map[string]string{}
	for k, os := range oi {
		if ns := ni[k]; len(os) == 1 && len(ns) == 1 && len(k) > 12 {
			twin[os[0]] = ns[0]
		}
	}
	bad := 0
	for _, c := range r.Changes {
		want, ok := twin[c.OldAddr]
		if !ok || c.Kind != segment.KindArticle {
			continue
		}
		delete(twin, c.OldAddr)
		var okOp bool
		switch {
		case c.NewAddr != want:
			okOp = false
		case c.OldAddr != c.NewAddr:
			okOp = c.Op == Renumbered || c.Op == Moved
		default:
			okOp = c.Op == Unchanged || c.Op == Moved
		}
		if !okOp {
			bad++
			if bad <= 5 {
				t.Errorf("%s → %s: %s %s → %s, want its twin %s", old.Name, new.Name, c.Op, c.OldAddr, c.NewAddr, want)
			}
		}
	}
	for o, n := range twin {
		t.Errorf("%s: article %s (twin of %s) not in the report", old.Name, o, n)
	}
}

// TestETS185 compares the English parts of the two copies of the
// Council of Europe Convention on Cybercrime, which differ only in
// formatting: no substantive change.
func TestETS185(t *testing.T) {
	english := func(rel string) *segment.Document {
		text := testenv.Read(t, rel)
		lines := strings.SplitAfter(text, "\n")
		seen := 0
		for i, l := range lines {
			if strings.Contains(l, "Verdrag inzake de bestrijding van strafbare feiten") && strings.HasPrefix(l, "#") {
				if seen++; seen == 2 {
					text = strings.Join(lines[:i], "")
					break
				}
			}
		}
		if seen != 2 {
			t.Fatalf("%s: Dutch title not found twice", rel)
		}
		return testdocs.LoadLang(t, filepath.Base(rel), text, "en")
	}
	old := english("treaties-en-nl/budapest-convention-ETS185_BWBV0001839_en-nl@2007-03-01.md")
	new := english("treaties-en-nl/budapest-convention-ETS185_BWBV0001839_en-nl.md")
	r, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check(t, old, new, r)
	if r.Substantive() {
		t.Errorf("ETS 185 copies differ in substance: %v", lines(r))
	}
	if r.Summary.Articles.Old != 48 || r.Summary.Units.FormOnly == 0 {
		t.Errorf("summary %+v: want 48 articles and some form differences", r.Summary)
	}
	r, err = Compare(old, new, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Substantive() {
		t.Error("strict: the formatting differences are not reported")
	}
}

// TestCriminalLaw12 compares the Criminal Law before and after its 12th
// amendment, which rewrote articles 165, 166, 169, 387, 390, 391 and 393 in
// place (no renumbering: new articles would be 之一).
func TestCriminalLaw12(t *testing.T) {
	dir := filepath.Join(testenv.Corpora(t), "zh-law-revisions", "history-刑法")
	load := func(name string) *segment.Document {
		d, err := corpora.LoadFile(filepath.Join(dir, name), corpora.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	old, new := load("刑法@3cd6e86_2022-04-20_修正案十一.md"), load("刑法@71f344a_2024-07-11_修正案十二.md")
	r, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check(t, old, new, r)
	a := r.Summary.Articles
	if a.Renumbered+a.Moved+a.Added+a.Deleted != 0 {
		t.Errorf("articles %+v: want no article renumbered, moved, added or deleted", a)
	}
	touched := map[string]bool{}
	for _, c := range r.Changes {
		if c.Substantive(false) && c.Article != "" && strings.HasPrefix(c.Article, "art.") {
			touched[c.Article] = true
		}
	}
	amended := []string{"art.165", "art.166", "art.169", "art.387", "art.390", "art.391", "art.393"}
	for _, a := range amended {
		if !touched[a] {
			t.Errorf("%s: amended, but no change reported", a)
		}
		delete(touched, a)
	}
	// art.452 (entry into force) gained a note on the dates of entry into force
	delete(touched, "art.452")
	for a := range touched {
		t.Errorf("%s: changed, but not amended", a)
	}
}
