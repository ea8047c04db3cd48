package sentence

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestGCDTDebug(t *testing.T) {
	split := os.Getenv("GCDT_DEBUG")
	if split == "" {
		t.Skip()
	}
	f, _ := os.Create("/tmp/gc/debug." + split)
	defer f.Close()
	for _, d := range loadGCDT(t, split) {
		rs := []rune(d.text)
		byteToRune := map[int]int{}
		k := 0
		for i := range d.text {
			byteToRune[i] = k
			k++
		}
		pred := map[int]bool{}
		for _, c := range clauseCuts(d.text) {
			if c < len(d.text) {
				pred[byteToRune[c]] = true
			}
		}
		all := map[int]bool{}
		for b := range pred {
			all[b] = true
		}
		for b := range d.gold {
			all[b] = true
		}
		var keys []int
		for b := range all {
			keys = append(keys, b)
		}
		sort.Ints(keys)
		for _, b := range keys {
			tag := "TP"
			if !pred[b] {
				tag = "FN"
			} else if !d.gold[b] {
				tag = "FP"
			}
			lo, hi := b-12, b+10
			if lo < 0 {
				lo = 0
			}
			if hi > len(rs) {
				hi = len(rs)
			}
			fmt.Fprintf(f, "%s %s || %s\n", tag, string(rs[lo:b]), string(rs[b:hi]))
		}
	}
}
