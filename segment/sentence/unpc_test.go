package sentence

import (
	"concord/corpora/testenv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The UNPC re-split check. The UN Parallel Corpus development set has one
// sentence a line; UNv1.0.devset.ids gives each line's document and its
// paragraph:sentence position in every language. The lines of a document,
// in their order in that language, are joined in chunks of unpcChunk with
// one space, and Sentences must give the lines back. A join is "marked"
// when the line before it ends with a sentence stop (possibly followed by
// closing quotes or brackets): a heading or a line ending with a colon can't
// be found by any splitter and is reported apart.

const unpcChunk = 4

var unpcLangs = []string{"ar", "en", "es", "fr", "ru", "zh"}

type unpcLine struct {
	doc       string
	para, snt int
	text      string
}

func loadUNPC(t testing.TB, lang string) [][]string {
	dir := corpus(t, "unpc-devset")
	ids := testenv.Lines(t, filepath.Join(dir, "UNv1.0.devset.ids"))
	text := testenv.Lines(t, filepath.Join(dir, "UNv1.0.devset."+lang))
	if len(ids) != len(text) {
		t.Fatalf("%s: %d ids for %d lines", lang, len(ids), len(text))
	}
	byDoc := map[string][]unpcLine{}
	var order []string
	for i, id := range ids {
		f := strings.Fields(id)
		l := unpcLine{doc: f[0], text: text[i]}
		for _, pos := range f[1:] {
			if strings.HasPrefix(pos, lang+":") {
				p := strings.Split(pos, ":")
				l.para, _ = strconv.Atoi(p[1])
				l.snt, _ = strconv.Atoi(p[2])
			}
		}
		if _, ok := byDoc[l.doc]; !ok {
			order = append(order, l.doc)
		}
		byDoc[l.doc] = append(byDoc[l.doc], l)
	}
	var docs [][]string
	for _, d := range order {
		ls := byDoc[d]
		sort.SliceStable(ls, func(a, b int) bool {
			if ls[a].para != ls[b].para {
				return ls[a].para < ls[b].para
			}
			return ls[a].snt < ls[b].snt
		})
		var lines []string
		for _, l := range ls {
			if s := strings.TrimSpace(l.text); s != "" {
				lines = append(lines, s)
			}
		}
		docs = append(docs, lines)
	}
	return docs
}

// endsWithStop reports a line that ends with a sentence stop, possibly
// followed by closing quotes, brackets or footnote marks.
func endsWithStop(s string) bool {
	for s != "" {
		r, w := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', '。', '！', '？', '؟', '…':
			return true
		}
		if !isCloser(r) {
			return false
		}
		s = s[:len(s)-w]
	}
	return false
}

type unpcScore struct {
	joins, marked, found, foundMarked, cuts, wrong, chunks, exact, mchunks, mexact int
}

func (u unpcScore) String() string {
	return fmt.Sprintf("marked joins found %.3f (%d/%d), all joins %.3f (%d/%d), spurious cuts %.3f (%d/%d), chunks exact %.3f (%d/%d), chunks with marked joins only exact %.3f (%d/%d)",
		ratio(u.foundMarked, u.marked), u.foundMarked, u.marked, ratio(u.found, u.joins), u.found, u.joins,
		ratio(u.wrong, u.cuts), u.wrong, u.cuts, ratio(u.exact, u.chunks), u.exact, u.chunks,
		ratio(u.mexact, u.mchunks), u.mexact, u.mchunks)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func scoreUNPC(docs [][]string, lang string, miss func(string)) unpcScore {
	var u unpcScore
	for _, lines := range docs {
		for c := 0; c < len(lines); c += unpcChunk {
			chunk := lines[c:min(c+unpcChunk, len(lines))]
			text := strings.Join(chunk, " ")
			want := map[int]bool{}
			marked := map[int]bool{}
			off := 0
			for _, l := range chunk[:len(chunk)-1] {
				off += len(l) + 1
				want[off] = true
				if endsWithStop(l) {
					marked[off] = true
				}
			}
			allMarked := len(marked) == len(want)
			got := map[int]bool{}
			for _, sp := range Sentences(text, lang) {
				if sp.End < len(text) {
					got[sp.End] = true
				}
			}
			ok := len(got) == len(want)
			for b := range want {
				u.joins++
				if marked[b] {
					u.marked++
				}
				if got[b] {
					u.found++
					if marked[b] {
						u.foundMarked++
					}
				} else {
					ok = false
					if marked[b] && miss != nil {
						miss(fmt.Sprintf("MISS %s‖%s", text[max(0, b-60):b], text[b:min(len(text), b+40)]))
					}
				}
			}
			for b := range got {
				u.cuts++
				if !want[b] {
					u.wrong++
					ok = false
					if miss != nil {
						miss(fmt.Sprintf("CUT  %s‖%s", text[max(0, b-60):b], text[b:min(len(text), b+40)]))
					}
				}
			}
			u.chunks++
			if ok {
				u.exact++
			}
			if allMarked {
				u.mchunks++
				if ok {
					u.mexact++
				}
			}
		}
	}
	return u
}

// TestUNPCResplit joins consecutive sentences of UNPC documents and checks
// that Sentences splits them back, per language.
func TestUNPCResplit(t *testing.T) {
	var dump *os.File
	if p := os.Getenv("UNPC_DUMP"); p != "" {
		dump, _ = os.Create(p)
		defer dump.Close()
	}
	for _, lang := range unpcLangs {
		docs := loadUNPC(t, lang)
		var miss func(string)
		if dump != nil {
			miss = func(s string) { fmt.Fprintf(dump, "%s %s\n", lang, s) }
		}
		u := scoreUNPC(docs, lang, miss)
		t.Logf("UNPC %s: %v", lang, u)
		if r := ratio(u.foundMarked, u.marked); r < .97 {
			t.Errorf("UNPC %s: only %.3f of the marked joins found, want ≥ .97", lang, r)
		}
		if r := ratio(u.wrong, u.cuts); r > .03 {
			t.Errorf("UNPC %s: %.3f of the cuts are spurious, want ≤ .03", lang, r)
		}
	}
}
