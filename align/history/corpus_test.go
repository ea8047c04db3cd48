package history

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/testenv"
	"concord/segment"
)

func loadAll(t *testing.T, paths []string) []*segment.Document {
	t.Helper()
	var docs []*segment.Document
	for _, p := range paths {
		d, err := corpora.LoadFile(p, corpora.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// TestLawsThreeVersions follows every law of the corpus that has three
// dated versions: each provision's chain of addresses is the chain of
// matches of the pairwise comparisons, and every unit of every version is
// in exactly one provision.
func TestLawsThreeVersions(t *testing.T) {
	n := 0
	for _, law := range testenv.Laws(t) {
		if len(law.Paths) != 3 {
			continue
		}
		n++
		docs := loadAll(t, law.Paths)
		h, err := Build(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < 3; i++ {
			r, err := diff.Compare(docs[i-1], docs[i], diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			pairs := map[string]string{}
			for _, c := range r.Changes {
				if c.OldAddr != "" && c.NewAddr != "" && c.Implicit == "" {
					pairs[c.OldAddr] = c.NewAddr
				}
			}
			for _, p := range h.Provisions {
				a, b := p.Steps[i-1].Addr, p.Steps[i].Addr
				if a != "" && b != "" && pairs[a] != b {
					t.Errorf("%s r%d→r%d: provision %s goes %s → %s, the comparison %s → %s", filepath.Base(law.Paths[0]), i, i+1, p.ID, a, b, a, pairs[a])
				}
			}
		}
		for i, d := range docs {
			var want, got []string
			k := 0
			for u := range d.All() {
				want = append(want, unitAddr(u, k))
				k++
			}
			for _, p := range h.Provisions {
				if p.Steps[i].Present {
					got = append(got, p.Steps[i].Addr)
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(want, got) {
				t.Errorf("%s: r%d has %d units, the provisions %d", filepath.Base(law.Paths[i]), i+1, len(want), len(got))
			}
		}
	}
	if n < 3 {
		t.Errorf("%d laws with three versions, want some", n)
	}
}

// TestCriminalLaw follows the Criminal Law through its 11th and 12th
// amendments: the 12th changes articles 165, 166, 169, 387, 390, 391 and
// 393 (and the consolidation adds a note under article 452); no article is
// added or deleted.
func TestCriminalLaw(t *testing.T) {
	dir := filepath.Join(testenv.Corpora(t), "zh-law-revisions", "history-刑法")
	docs := loadAll(t, []string{
		filepath.Join(dir, "刑法@3cd6e86_2022-04-20_修正案十一.md"),
		filepath.Join(dir, "刑法@71f344a_2024-07-11_修正案十二.md"),
	})
	h, err := Build(docs, Options{Redline: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range h.Provisions {
		for _, k := range p.ChangedIn() {
			if len(p.Steps[k].Edits) == 0 {
				t.Errorf("%s: changed in r%d without a redline", p.ID, k+1)
			}
		}
	}
	art := map[string]bool{}
	for _, p := range h.Provisions {
		s := p.Steps[1]
		if p.Kind != segment.KindTitle && (s.Changed || s.Op == diff.Added || s.Op == diff.Deleted) {
			a := s.Addr
			if a == "" {
				a = p.Steps[0].Addr
			}
			if i := strings.IndexByte(a[4:], '.'); i >= 0 {
				a = a[:4+i]
			}
			art[a] = true
		}
	}
	var got []string
	for a := range art {
		got = append(got, a)
	}
	slices.Sort(got)
	// and the consolidated text adds a note to the final article 452
	if want := []string{"art.165", "art.166", "art.169", "art.387", "art.390", "art.391", "art.393", "art.452"}; !slices.Equal(got, want) {
		t.Errorf("articles changed by the 12th amendment: %v, want %v", got, want)
	}
	r := h.Revisions[1].Articles
	if r.Added != 0 || r.Deleted != 0 {
		t.Errorf("r2 articles %+v", r)
	}
}
