package lexicon

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
	"unsafe"
)

//go:generate go run ./internal/gencedict -o cedict.bin

//go:embed cedict.bin
var cedictData string

// Dict is a Chinese–English word list: for a Chinese headword (simplified or
// traditional, one to four Han characters), the English content words of
// its CC-CEDICT definitions, lower-cased, first senses first; and for a Han
// character, its pinyin readings without tones. It is read-only and safe
// for concurrent use.
type Dict struct {
	data                    string
	nZh, nEn, nChar, nSyl   int
	zhOff, trOff, enOff     []uint32
	sylOff, chars, rdOff    []uint32
	tr, rd                  []uint16
	zhBlob, enBlob, sylBlob string
}

var (
	zhEnOnce sync.Once
	zhEn     *Dict
	zhEnErr  error
)

// ZhEn returns the embedded Chinese–English dictionary (CC-CEDICT).
func ZhEn() (*Dict, error) {
	zhEnOnce.Do(func() { zhEn, zhEnErr = decode(cedictData) })
	return zhEn, zhEnErr
}

func decode(data string) (*Dict, error) {
	const hdr = 20
	if len(data) < hdr || data[:4] != "CEZ1" {
		return nil, fmt.Errorf("lexicon: embedded dictionary: bad header (run go generate ./align/lexicon)")
	}
	b := unsafe.Slice(unsafe.StringData(data), len(data))
	le := binary.LittleEndian
	d := &Dict{data: data,
		nZh: int(le.Uint32(b[4:])), nEn: int(le.Uint32(b[8:])),
		nChar: int(le.Uint32(b[12:])), nSyl: int(le.Uint32(b[16:]))}
	off := hdr
	if len(data) < hdr+4*(3*d.nZh+d.nEn+d.nSyl+2*d.nChar+5) {
		return nil, fmt.Errorf("lexicon: embedded dictionary: truncated")
	}
	d.zhOff = leSlice[uint32](b, &off, d.nZh+1)
	d.trOff = leSlice[uint32](b, &off, d.nZh+1)
	d.enOff = leSlice[uint32](b, &off, d.nEn+1)
	d.sylOff = leSlice[uint32](b, &off, d.nSyl+1)
	d.chars = leSlice[uint32](b, &off, d.nChar)
	d.rdOff = leSlice[uint32](b, &off, d.nChar+1)
	nTr, nRd := int(d.trOff[d.nZh]), int(d.rdOff[d.nChar])
	if len(data) < off+2*(nTr+nRd) {
		return nil, fmt.Errorf("lexicon: embedded dictionary: truncated")
	}
	d.tr = leSlice[uint16](b, &off, nTr)
	d.rd = leSlice[uint16](b, &off, nRd)
	for _, s := range []*string{&d.zhBlob, &d.enBlob, &d.sylBlob} {
		var n int
		switch s {
		case &d.zhBlob:
			n = int(d.zhOff[d.nZh])
		case &d.enBlob:
			n = int(d.enOff[d.nEn])
		default:
			n = int(d.sylOff[d.nSyl])
		}
		if off+n > len(data) {
			return nil, fmt.Errorf("lexicon: embedded dictionary: truncated")
		}
		*s = data[off : off+n]
		off += n
	}
	if off != len(data) {
		return nil, fmt.Errorf("lexicon: embedded dictionary: %d bytes, want %d", len(data), off)
	}
	return d, nil
}

// leSlice reads n little-endian values of type T at b[*off:] and moves
// *off past them.
func leSlice[T uint16 | uint32](b []byte, off *int, n int) []T {
	at, size := *off, int(unsafe.Sizeof(T(0)))
	out := make([]T, n)
	for i := range out {
		if size == 4 {
			out[i] = T(binary.LittleEndian.Uint32(b[at+4*i:]))
		} else {
			out[i] = T(binary.LittleEndian.Uint16(b[at+2*i:]))
		}
	}
	*off = at + size*n
	return out
}

func (d *Dict) zh(i int) string  { return d.zhBlob[d.zhOff[i]:d.zhOff[i+1]] }
func (d *Dict) en(i int) string  { return d.enBlob[d.enOff[i]:d.enOff[i+1]] }
func (d *Dict) syl(i int) string { return d.sylBlob[d.sylOff[i]:d.sylOff[i+1]] }

// Len is the number of headwords.
func (d *Dict) Len() int { return d.nZh }

// Lookup returns the English words of a Chinese headword, nil if the
// dictionary does not have it.
func (d *Dict) Lookup(zh string) []string {
	i := sort.Search(d.nZh, func(k int) bool { return d.zh(k) >= zh })
	if i == d.nZh || d.zh(i) != zh {
		return nil
	}
	out := make([]string, 0, d.trOff[i+1]-d.trOff[i])
	for _, w := range d.tr[d.trOff[i]:d.trOff[i+1]] {
		out = append(out, d.en(int(w)))
	}
	return out
}

// Has reports whether zh is a headword.
func (d *Dict) Has(zh string) bool {
	i := sort.Search(d.nZh, func(k int) bool { return d.zh(k) >= zh })
	return i < d.nZh && d.zh(i) == zh
}

// Readings returns the toneless pinyin readings of a Han character ("zhang",
// "lu"; ü is written u), nil for a character the dictionary lacks.
func (d *Dict) Readings(r rune) []string {
	i := sort.Search(d.nChar, func(k int) bool { return d.chars[k] >= uint32(r) })
	if i == d.nChar || d.chars[i] != uint32(r) {
		return nil
	}
	out := make([]string, 0, d.rdOff[i+1]-d.rdOff[i])
	for _, s := range d.rd[d.rdOff[i]:d.rdOff[i+1]] {
		out = append(out, d.syl(int(s)))
	}
	return out
}
