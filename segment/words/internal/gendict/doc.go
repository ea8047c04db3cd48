// Command gendict compiles gse's simplified-Chinese dictionary (zh_s) into
// the compact trie that package words embeds (zhdict.bin).
//
// It loads the dictionary through gse itself, so every quirk of gse's loader
// is kept (single-rune words get frequency 2, for one), and computes each
// word's path distance exactly as gse's CalcToken does:
// float32(log2(total)) - float32(log2(freq)).
//
// Run it through go generate:
//
//	go generate ./segment/words
//
// The trie is stored breadth first with the children of a node in rune-code
// order, so the children of node i are nodes kidStart[i] .. kidStart[i+1]-1;
// runes that begin a word have codes 1..nFirst, which makes the root's child
// for code c node c. File layout, all integers little-endian (read by
// dict.go in package words):
//
//	magic    [4]byte "CWD3"
//	nRunes   uint32  size of the alphabet; rune codes are 1..nRunes
//	nFirst   uint32  runes that begin a word (codes 1..nFirst)
//	nNodes   uint32  trie nodes, root included
//	nDists   uint32  distinct distances, index 0 (not a word) included
//	total    float64 gse's total frequency (bits)
//	nWords   uint32  dictionary words
//	runes    [nRunes]uint32      rune of code i+1
//	dists    [nDists]float32     distances (bits), ascending, dists[0] = 0
//	kidStart [nNodes+1]uint32    first child of node i
//	label    [nNodes]uint16      rune code of the edge into node i
//	didx     [nNodes]uint16      index in dists of node i's distance
//
// Imports: no package of concord (run by go generate).
package main
