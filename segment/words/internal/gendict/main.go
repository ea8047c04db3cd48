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
	kids  map[uint32]*node // by rune code
	label uint32           // rune code of the edge from the parent
	dist  uint32           // index into the distance table, 0: not a word
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

	// Rune codes. Runes that begin a word come first, so that the root's
	// children (nodes 1..nFirst in breadth-first order) have node number ==
	// rune code; within each group, frequent runes get small codes.
	first := map[rune]bool{}
	for _, w := range words {
		first[w.runes[0]] = true
	}
	alphabet := make([]rune, 0, len(runeCount))
	for r := range runeCount {
		alphabet = append(alphabet, r)
	}
	sort.Slice(alphabet, func(i, j int) bool {
		a, b := alphabet[i], alphabet[j]
		if first[a] != first[b] {
			return first[a]
		}
		if runeCount[a] != runeCount[b] {
			return runeCount[a] > runeCount[b]
		}
		return a < b
	})
	if len(alphabet) >= 1<<16 {
		log.Fatalf("alphabet too large: %d", len(alphabet))
	}
	code := make(map[rune]uint32, len(alphabet))
	for i, r := range alphabet {
		code[r] = uint32(i + 1)
	}

	// Distinct distances, ascending; index 0 means "not a word".
	distIdx := map[float32]uint32{}
	var dists []float32
	for _, w := range words {
		if _, ok := distIdx[w.dist]; !ok {
			distIdx[w.dist] = 0
			dists = append(dists, w.dist)
		}
	}
	sort.Slice(dists, func(i, j int) bool { return dists[i] < dists[j] })
	dists = append([]float32{0}, dists...)
	if len(dists) >= 1<<16 {
		log.Fatalf("too many distinct distances: %d", len(dists))
	}
	for i, d := range dists {
		distIdx[d] = uint32(i)
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
				k = &node{label: c}
				n.kids[c] = k
				nNodes++
			}
			n = k
		}
		if n.dist != 0 {
			log.Fatalf("duplicate word %q", string(w.runes))
		}
		n.dist = distIdx[w.dist]
	}

	// Breadth-first numbering, children in code order: the children of
	// node i are nodes kidStart[i] .. kidStart[i+1]-1.
	kidStart := make([]uint32, 0, nNodes+1)
	ld := make([]uint32, 0, nNodes)
	queue := []*node{root}
	next := uint32(1)
	for i := 0; i < len(queue); i++ {
		n := queue[i]
		kidStart = append(kidStart, next)
		ld = append(ld, n.label<<16|n.dist)
		codes := make([]uint32, 0, len(n.kids))
		for c := range n.kids {
			codes = append(codes, c)
		}
		sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
		for _, c := range codes {
			queue = append(queue, n.kids[c])
		}
		next += uint32(len(codes))
	}
	kidStart = append(kidStart, next)
	nFirst := len(root.kids)
	for c := 1; c <= nFirst; c++ {
		if ld[c]>>16 != uint32(c) {
			log.Fatalf("root child %d has label %d", c, ld[c]>>16)
		}
	}

	var buf bytes.Buffer
	le := binary.LittleEndian
	put := func(v uint32) { buf.Write(le.AppendUint32(nil, v)) }
	buf.WriteString("CWD3")
	put(uint32(len(alphabet)))
	put(uint32(nFirst))
	put(uint32(nNodes))
	put(uint32(len(dists)))
	buf.Write(le.AppendUint64(nil, math.Float64bits(total)))
	put(uint32(len(words)))
	for _, r := range alphabet {
		put(uint32(r))
	}
	for _, d := range dists {
		put(math.Float32bits(d))
	}
	for _, v := range kidStart {
		put(v)
	}
	for _, v := range ld { // labels
		buf.Write(le.AppendUint16(nil, uint16(v>>16)))
	}
	for _, v := range ld { // distance indexes
		buf.Write(le.AppendUint16(nil, uint16(v)))
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gendict: %d words, %d runes (%d begin words), %d distances, %d trie nodes, total freq %.0f, %d bytes\n",
		len(words), len(alphabet), nFirst, len(dists), nNodes, total, buf.Len())
}
