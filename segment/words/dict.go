package words

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"sync"
	"unsafe"
)

//go:generate go run ./internal/gendict -o zhdict.bin

// zhdictData is gse's zh_s dictionary compiled by internal/gendict: a trie
// stored breadth first as flat uint32 arrays, read in place (no parsing).
//
//go:embed zhdict.bin
var zhdictData string

// trie is the base Chinese dictionary. All fields are read-only once built.
//
// Nodes are numbered breadth first with the children of a node in rune-code
// order, so the children of node n are nodes kidStart[n] .. kidStart[n+1]-1.
// label[n] is the rune code of the edge into n and didx[n] the index of n's
// path distance in dists (0 when n ends no word). Runes
// that begin a word have codes 1..nFirst, and the root's child for code c is
// node c.
type trie struct {
	total    float64  // gse's total frequency of the dictionary
	logTotal float32  // float32(log2(total)), as gse computes it
	nFirst   uint32   // codes 1..nFirst begin a word
	nRunes   int      // size of the alphabet
	nWords   int      // words in the dictionary
	code16   []uint16 // rune code of runes below 0x10000, 0 = not in the alphabet
	codeHi   map[rune]uint16
	dists    []float32 // path distances, dists[0] = 0
	kidStart []uint32  // len = nodes + 1
	label    []uint16  // len = nodes
	didx     []uint16  // len = nodes
	inPlace  bool      // arrays alias the embedded data (no copy)
}

var (
	baseOnce sync.Once
	baseDict *trie
	baseErr  error
)

// loadBase returns the base dictionary, decoding its header the first time.
// The big arrays are used in place: loading costs well under a millisecond
// and about 130 KiB of heap.
func loadBase() (*trie, error) {
	baseOnce.Do(func() { baseDict, baseErr = decodeTrie(zhdictData) })
	return baseDict, baseErr
}

func decodeTrie(data string) (*trie, error) {
	const hdr = 32
	if len(data) < hdr || data[:4] != "CWD3" {
		return nil, fmt.Errorf("words: embedded dictionary: bad header (run go generate ./segment/words)")
	}
	le := binary.LittleEndian
	b := unsafe.Slice(unsafe.StringData(data), len(data))
	nRunes := int(le.Uint32(b[4:]))
	nFirst := le.Uint32(b[8:])
	nNodes := int(le.Uint32(b[12:]))
	nDists := int(le.Uint32(b[16:]))
	total := math.Float64frombits(le.Uint64(b[20:]))
	nWords := int(le.Uint32(b[28:]))
	if want := hdr + 4*(nRunes+nDists+nNodes+1) + 2*2*nNodes; len(data) != want {
		return nil, fmt.Errorf("words: embedded dictionary: %d bytes, want %d", len(data), want)
	}
	t := &trie{
		total:    total,
		logTotal: float32(math.Log2(total)),
		nFirst:   nFirst,
		nRunes:   nRunes,
		nWords:   nWords,
		code16:   make([]uint16, 1<<16),
		codeHi:   map[rune]uint16{},
	}
	off := hdr
	runes := leSlice[uint32](b, off, nRunes)
	off += 4 * nRunes
	for i, r := range runes {
		if r < 1<<16 {
			t.code16[r] = uint16(i + 1)
		} else {
			t.codeHi[rune(r)] = uint16(i + 1)
		}
	}
	dbits := leSlice[uint32](b, off, nDists)
	off += 4 * nDists
	t.dists = make([]float32, nDists)
	for i, v := range dbits {
		t.dists[i] = math.Float32frombits(v)
	}
	t.kidStart = leSlice[uint32](b, off, nNodes+1)
	off += 4 * (nNodes + 1)
	t.label = leSlice[uint16](b, off, nNodes)
	t.inPlace = unsafe.SliceData(t.label) == (*uint16)(unsafe.Pointer(&b[off]))
	off += 2 * nNodes
	t.didx = leSlice[uint16](b, off, nNodes)
	return t, nil
}

// leSlice returns n little-endian values of type T at b[off:], in place
// when the machine is little-endian and the data is aligned, otherwise as
// a copy.
func leSlice[T uint16 | uint32](b []byte, off, n int) []T {
	if n == 0 {
		return nil
	}
	size := int(unsafe.Sizeof(T(0)))
	p := unsafe.Pointer(&b[off])
	if littleEndian && uintptr(p)%uintptr(size) == 0 {
		return unsafe.Slice((*T)(p), n)
	}
	out := make([]T, n)
	for i := range out {
		if size == 4 {
			out[i] = T(binary.LittleEndian.Uint32(b[off+4*i:]))
		} else {
			out[i] = T(binary.LittleEndian.Uint16(b[off+2*i:]))
		}
	}
	return out
}

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// code returns the rune code of r, 0 when no dictionary word contains r.
func (t *trie) code(r rune) uint16 {
	if uint32(r) < 1<<16 {
		return t.code16[r]
	}
	return t.codeHi[r]
}

// child returns the child of node n along code c.
func (t *trie) child(n uint32, c uint16) (uint32, bool) {
	if n == 0 {
		return uint32(c), c != 0 && uint32(c) <= t.nFirst
	}
	lo, end := t.kidStart[n], t.kidStart[n+1]
	if lo >= end {
		return 0, false
	}
	// Branch-free lower bound of c among the children's labels.
	a := t.label[lo:end]
	b := 0
	for k := len(a); k > 1; {
		half := k >> 1
		if a[b+half] < c {
			b += half
		}
		k -= half
	}
	if a[b] < c {
		b++
	}
	if b < len(a) && a[b] == c {
		return lo + uint32(b), true
	}
	return 0, false
}

// dist returns the path distance of the word ending at node n, 0 if none.
func (t *trie) dist(n uint32) float32 {
	return t.dists[t.didx[n]]
}

// lookup returns the distance of word w, 0 if w is not in the dictionary.
func (t *trie) lookup(w string) float32 {
	var n uint32
	for _, r := range w {
		var ok bool
		if n, ok = t.child(n, t.code(r)); !ok {
			return 0
		}
	}
	if n == 0 {
		return 0
	}
	return t.dist(n)
}

// distance converts a frequency to a path distance the way gse does, against
// the base dictionary's total frequency.
func (t *trie) distance(freq float64) float32 {
	return t.logTotal - float32(math.Log2(freq))
}
