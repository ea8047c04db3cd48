package history

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/corpora/testenv"
	"concord/segment"
)

// articleLabel matches the article labels of the L.15 draft.
var articleLabel = regexp.MustCompile(`(?m)^第 ?(\d+) ?条\.`)

// renumber adds delta to the number of every article from `from` on.
func renumber(text string, from, delta int) string {
	return articleLabel.ReplaceAllStringFunc(text, func(m string) string {
		n, _ := strconv.Atoi(articleLabel.FindStringSubmatch(m)[1])
		if n < from {
			return m
		}
		return fmt.Sprintf("第 %d 条.", n+delta)
	})
}

// edit replaces the one occurrence of from.
func edit(t testing.TB, text, from, to string) string {
	t.Helper()
	if n := strings.Count(text, from); n != 1 {
		t.Fatalf("%q occurs %d times, want 1", from, n)
	}
	return strings.Replace(text, from, to, 1)
}

// deleteArticle cuts article n (its label line up to the next article's).
func deleteArticle(t testing.TB, text string, n int) string {
	t.Helper()
	ms := articleLabel.FindAllStringSubmatchIndex(text, -1)
	for k, m := range ms {
		if v, _ := strconv.Atoi(text[m[2]:m[3]]); v == n && k+1 < len(ms) {
			return text[:m[0]] + text[ms[k+1][0]:]
		}
	}
	t.Fatalf("article %d not found", n)
	return ""
}

// series builds a scripted series of revisions of the embedded L.15 draft,
// each step a known set of edits:
//
//	r1  the draft as it is
//	r2  an article inserted before article 17 (17…68 → 18…69);
//	    article 3 agreed ad referendum
//	r3  article 18 (the old 17) reworded; article 7 paragraph 1 no longer
//	    agreed
//	r4  article 5 deleted (6…69 → 5…68)
//	r5  article 3 agreed in informal consultations instead
//
// and steps beyond r5 (for the benchmark) reword article 10 in turn.
func series(t testing.TB, n int) []*segment.Document {
	t.Helper()
	_, data := corpora.Default()
	texts := []string{string(data)}
	cur := texts[0]
	step := func(f func(string) string) {
		cur = f(cur)
		texts = append(texts, cur)
	}
	step(func(s string) string {
		s = renumber(s, 17, 1)
		s = edit(t, s, "第 18 条.", "第 17 条. 保护举报人\n\n各缔约国均应考虑采取适当措施，保护善意举报的任何人员。\n\n第 18 条.")
		return edit(t, s, "第 3 条. 适用范围", "第 3 条. 适用范围[暂定]")
	})
	step(func(s string) string {
		s = edit(t, s, "对犯罪所得的洗钱行为", "对犯罪所得的清洗行为")
		return edit(t, s, "行为确立为刑事犯罪行为。[暂定]\n2. 缔约国可规定此类犯罪须是以违反安全措施方式实施的", "行为确立为刑事犯罪行为。\n2. 缔约国可规定此类犯罪须是以违反安全措施方式实施的")
	})
	step(func(s string) string {
		return renumber(deleteArticle(t, s, 5), 6, -1)
	})
	step(func(s string) string {
		return edit(t, s, "第 3 条. 适用范围[暂定]", "第 3 条. 适用范围[非正式会议商定]")
	})
	for len(texts) < n {
		k := len(texts)
		step(func(s string) string {
			return edit(t, s, "收集、获取、保存和分享电子形式的证据", fmt.Sprintf("收集、获取、保存和分享电子形式的证据（第%d稿）", k))
		})
		texts[len(texts)-1] = strings.Replace(texts[len(texts)-1], fmt.Sprintf("（第%d稿）（第%d稿）", k-1, k), fmt.Sprintf("（第%d稿）", k), 1)
		cur = texts[len(texts)-1]
	}
	var docs []*segment.Document
	for i, s := range texts[:n] {
		docs = append(docs, testdocs.Load(t, fmt.Sprintf("L15.r%d.txt", i+1), s))
	}
	return docs
}

// find returns the provision with the given address in revision i.
func find(t *testing.T, h *History, i int, addr string) *Provision {
	t.Helper()
	for k := range h.Provisions {
		if h.Provisions[k].Steps[i].Addr == addr {
			return &h.Provisions[k]
		}
	}
	t.Fatalf("no provision at %s in r%d", addr, i+1)
	return nil
}

func TestSeriesL15(t *testing.T) {
	docs := series(t, 5)
	h, err := Build(docs, Options{Redline: true})
	if err != nil {
		t.Fatal(err)
	}
	timeline := func(p *Provision) string {
		var parts []string
		for _, s := range p.Steps {
			switch {
			case s.Op == "deleted":
				parts = append(parts, "deleted")
			case !s.Present:
				parts = append(parts, "-")
			default:
				x := s.Addr + ":" + string(s.Status)
				if s.Changed {
					x += "~"
				}
				parts = append(parts, x)
			}
		}
		return strings.Join(parts, " ")
	}
	for _, tc := range []struct{ addr, want string }{
		// the article that held 洗钱 in L.15: renumbered, reworded in r3, renumbered back
		{"art.17", "art.17:ad-ref art.18:ad-ref art.18:ad-ref~ art.17:ad-ref art.17:ad-ref"},
		{"art.3", "art.3: art.3:ad-ref art.3:ad-ref art.3:ad-ref art.3:informal"},
		{"art.7.1", "art.7.1:ad-ref art.7.1:ad-ref art.7.1: art.6.1: art.6.1:"},
		{"art.5", "art.5:ad-ref art.5:ad-ref art.5:ad-ref deleted -"},
		{"art.68", "art.68:ad-ref art.69:ad-ref art.69:ad-ref art.68:ad-ref art.68:ad-ref"},
		{"art.16", "art.16: art.16: art.16: art.15: art.15:"},
	} {
		if got := timeline(find(t, h, 0, tc.addr)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.addr, got, tc.want)
		}
	}
	// the article inserted in r2
	added := find(t, h, 1, "art.17")
	if added.First != 1 || added.ID != "art.17@2" || timeline(added) != "- art.17: art.17: art.16: art.16:" {
		t.Errorf("added article: %s %s", added.ID, timeline(added))
	}
	if s := find(t, h, 0, "art.3"); s.StatusSince != 4 {
		t.Errorf("art.3 informal since r%d, want r5", s.StatusSince+1)
	}
	if s := find(t, h, 0, "art.1"); s.StatusSince != 0 {
		t.Errorf("art.1 since r%d, want r1", s.StatusSince+1)
	}
	// the word redline of r3 on the old article 17
	var red []string
	for _, e := range find(t, h, 0, "art.17").Steps[2].Edits {
		if e.Op != "=" {
			red = append(red, string(e.Op)+e.Text)
		}
	}
	if len(red) == 0 || !strings.Contains(strings.Join(red, " "), "清洗") {
		t.Errorf("r3 redline of art.17: %v", red)
	}
	// summaries
	want := []struct{ articles, added, deleted, changed, renumbered, adref, informal int }{
		{68, 0, 0, 0, 0, 161, 2},
		{69, 1, 0, 0, 52, 162, 2},
		{69, 0, 0, 1, 0, 161, 2},
		{68, 0, 1, 0, 64, 0, 0},
		{68, 0, 0, 0, 0, 0, 0},
	}
	for i, w := range want {
		r := h.Revisions[i]
		a := r.Articles
		if a.Units != w.articles || a.Added != w.added || a.Deleted != w.deleted || a.Changed != w.changed || a.Renumbered != w.renumbered {
			t.Errorf("r%d articles %+v, want %+v", i+1, a, w)
		}
		_ = r.Status
	}
	if h.Revisions[1].Status["ad-ref"] != h.Revisions[0].Status["ad-ref"]+1 {
		t.Errorf("r2: %d ad-ref, want one more than r1's %d", h.Revisions[1].Status["ad-ref"], h.Revisions[0].Status["ad-ref"])
	}
	if h.Revisions[2].Status["ad-ref"] != h.Revisions[1].Status["ad-ref"]-1 {
		t.Errorf("r3: %d ad-ref, want one fewer than r2's", h.Revisions[2].Status["ad-ref"])
	}
	if h.Revisions[4].Status["informal"] != h.Revisions[3].Status["informal"]+1 || h.Revisions[4].Status["ad-ref"] != h.Revisions[3].Status["ad-ref"]-1 {
		t.Errorf("r5 status %v after r4 %v", h.Revisions[4].Status, h.Revisions[3].Status)
	}
}

// TestSeriesIsCompare checks that diff.Series, which prepares each
// revision once for two comparisons, reports what diff.Compare reports
// for each pair of neighbours: on the scripted L.15 series, on the laws of
// three versions, and on a series whose language changes on the way
// (where a revision must be cut again).
func TestSeriesIsCompare(t *testing.T) {
	runs := [][]*segment.Document{series(t, 10)}
	mixed := slices.Clone(runs[0][:4])
	en := *mixed[2]
	en.Lang = "en"
	mixed[2] = &en
	runs = append(runs, mixed)
	for _, law := range testenv.Laws(t) {
		if len(law.Paths) >= 3 {
			runs = append(runs, loadAll(t, law.Paths))
		}
	}
	for _, docs := range runs {
		for _, opt := range []diff.Options{{}, {Strict: true, Granularity: diff.Char}} {
			n := 0
			err := diff.Series(docs, opt, func(i int, got *diff.Report) error {
				n++
				want, err := diff.Compare(docs[i-1], docs[i], opt)
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s → %s: the series reports otherwise than Compare", docs[i-1].Name, docs[i].Name)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != len(docs)-1 {
				t.Errorf("%d comparisons of %d revisions", n, len(docs))
			}
		}
	}
}
