// Command gendict compiles gse's simplified-Chinese dictionary (zh_s) into
// the compact double-array trie that package words embeds (zhdict.bin).
//
// It loads the dictionary through gse itself, so every quirk of gse's loader
// is kept: words are split into gse "units" (one rune, or a run of letters
// and digits of at most two UTF-8 bytes each), single-rune words get
// frequency 2, and each word's path distance is computed exactly as gse's
// CalcToken does: float32(log2(total)) - float32(log2(freq)).
//
// Run it through go generate in the package directory:
//
//	go generate ./segment/words
//
// File layout (all integers little-endian, see dict.go in package words):
//
//	magic   [4]byte "CWD1"
//	nRunes  uint32  size of the alphabet; rune codes are 1..nRunes
//	nSlots  uint32  number of double-array slots
//	nWords  uint32  number of dictionary words
//	total   float64 gse's total frequency (bits)
//	runes   [nRunes]uint32      rune of code i+1
//	slots   [nSlots][3]uint32   base, check (parent slot + 1, 0 = free),
//	                            distance (float32 bits, 0 = not a word)
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

type node struct {
	kids map[uint32]*node // by rune code
	dist float32          // 0: not the end of a word
	slot int
}

func main() {
	out := flag.String("o", "zhdict.bin", "output file")
	flag.Parse()

	gse.ToLower = false
	var seg gse.Segmenter
	seg.SkipLog = true
	seg.NotLoadHMM = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		log.Fatal(err)
	}
	dict := seg.Dictionary()
	total := dict.TotalFreq()
	logTotal := float32(math.Log2(total))

	type word struct {
		runes []rune
		dist  float32
	}
	words := make([]word, 0, dict.NumTokens())
	runeCount := map[rune]int{}
	for i := range dict.Tokens {
		t := &dict.Tokens[i]
		text := t.Text()
		if !utf8.ValidString(text) {
			log.Fatalf("invalid UTF-8 in dictionary word %q", text)
		}
		rs := []rune(text)
		d := logTotal - float32(math.Log2(t.Freq()))
		if d <= 0 {
			log.Fatalf("word %q: non-positive distance %v", text, d)
		}
		words = append(words, word{rs, d})
		for _, r := range rs {
			runeCount[r]++
		}
	}

	// Rune codes by descending frequency: frequent runes get small codes,
	// which packs the double array tighter.
	alphabet := make([]rune, 0, len(runeCount))
	for r := range runeCount {
		alphabet = append(alphabet, r)
	}
	sort.Slice(alphabet, func(i, j int) bool {
		ci, cj := runeCount[alphabet[i]], runeCount[alphabet[j]]
		if ci != cj {
			return ci > cj
		}
		return alphabet[i] < alphabet[j]
	})
	if len(alphabet) >= 1<<16 {
		log.Fatalf("alphabet too large: %d", len(alphabet))
	}
	code := make(map[rune]uint32, len(alphabet))
	for i, r := range alphabet {
		code[r] = uint32(i + 1)
	}

	// Pointer trie.
	root := &node{}
	nNodes := 1
	for _, w := range words {
		n := root
		for _, r := range w.runes {
			c := code[r]
			if n.kids == nil {
				n.kids = map[uint32]*node{}
			}
			k := n.kids[c]
			if k == nil {
				k = &node{}
				n.kids[c] = k
				nNodes++
			}
			n = k
		}
		if n.dist != 0 {
			log.Fatalf("duplicate word %q", string(w.runes))
		}
		n.dist = w.dist
	}

	// Double array, breadth first.
	var (
		base  []int32
		check []uint32
		dist  []float32
		used  []bool
	)
	grow := func(n int) {
		for len(used) < n {
			base = append(base, 0)
			check = append(check, 0)
			dist = append(dist, 0)
			used = append(used, false)
		}
	}
	grow(1)
	used[0] = true
	firstFree := 1
	queue := []*node{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		dist[n.slot] = n.dist
		if len(n.kids) == 0 {
			continue
		}
		codes := make([]uint32, 0, len(n.kids))
		for c := range n.kids {
			codes = append(codes, c)
		}
		sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
		for firstFree < len(used) && used[firstFree] {
			firstFree++
		}
		pos := max(firstFree, int(codes[0])+1)
		var b int
		for {
			grow(pos + 1)
			if used[pos] {
				pos++
				continue
			}
			b = pos - int(codes[0])
			ok := true
			for _, c := range codes[1:] {
				grow(b + int(c) + 1)
				if used[b+int(c)] {
					ok = false
					break
				}
			}
			if ok {
				break
			}
			pos++
		}
		base[n.slot] = int32(b)
		for _, c := range codes {
			s := b + int(c)
			used[s] = true
			check[s] = uint32(n.slot) + 1
			k := n.kids[c]
			k.slot = s
			queue = append(queue, k)
		}
	}
	nSlots := len(used)
	free := 0
	for _, u := range used {
		if !u {
			free++
		}
	}

	var buf bytes.Buffer
	le := binary.LittleEndian
	buf.WriteString("CWD1")
	buf.Write(le.AppendUint32(nil, uint32(len(alphabet))))
	buf.Write(le.AppendUint32(nil, uint32(nSlots)))
	buf.Write(le.AppendUint32(nil, uint32(len(words))))
	buf.Write(le.AppendUint64(nil, math.Float64bits(total)))
	for _, r := range alphabet {
		buf.Write(le.AppendUint32(nil, uint32(r)))
	}
	rec := make([]byte, 12)
	for s := 0; s < nSlots; s++ {
		le.PutUint32(rec[0:], uint32(base[s]))
		le.PutUint32(rec[4:], check[s])
		le.PutUint32(rec[8:], math.Float32bits(dist[s]))
		buf.Write(rec)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gendict: %d words, %d runes, %d trie nodes, %d slots (%d free), total freq %.0f, %d bytes\n",
		len(words), len(alphabet), nNodes, nSlots, free, total, buf.Len())
}
