package diff

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"concord/segment/words"
)

// The text layer of revision comparison: every heading, text and tail is
// read in a canonical form in which differences of form vanish, cut into
// tokens there (words, or characters), and each token remembers the span of
// the original text it came from. Comparisons, similarity shingles and word
// diffs run on the canonical tokens; what the diffs report is always cut
// from the original text, so that applying a diff to the old text gives the
// new text exactly.
//
// Differences of form, which the canonical form removes:
//   - compatibility forms (NFKC): full- and half-width characters (： and :,
//     （ and (), ideographic space, circled numbers;
//   - whitespace, except a single space between two letters or digits of
//     scripts that separate words (总 则 = 总则, 第 17 条 = 第17条,
//     "crime ,inter" = "crime, inter");
//   - Markdown emphasis (*), format characters (soft hyphens, zero-width and
//     directional marks), typographic quotes (“” «» `` all read as ");
//   - footnote marks (¹ ² ³ ⁴…, † ‡, Markdown [^1]) and Markdown link
//     targets: a footnote added is a change of the footnote, a unit of its
//     own, not of the text that refers to it.
//
// List marks, Markdown heading hashes and label separators never reach the
// units: the parser keeps them in Document.Markup.

// fieldNames names a unit's three compared fields, in order.
var fieldNames = [3]Field{FieldHeading, FieldText, FieldTail}

// token is one canonical token and the original text it came from.
type token struct {
	rs, re int32  // byte span in the original text (may be empty: a token can share a character with its neighbour)
	h      uint64 // hash of the canonical token
}

// tokField is one heading, text or tail, canonicalised. Its tokens take
// more memory than the text (a word of two Chinese characters is 6 bytes,
// its token 16), so a comparison keeps only the shingles made of them and
// cuts the field again (tokens) when it is diffed.
type tokField struct {
	raw string
	// canon is the hash of the canonical form, 0 when that is empty: two
	// fields read the same when their hashes are equal (the text itself
	// is not kept)
	canon uint64
}

// tokens cuts the field into its tokens with tz, the tokenizer that made
// it.
func (f *tokField) tokens(tz *tokenizer) []token {
	if f.canon == 0 {
		return nil
	}
	_, toks := tz.field(f.raw)
	return toks
}

// linkTarget matches what is left of a Markdown link target in text:
// "](../path/README.md)", or its tail "/(1996)/BWBV0004073/README.md)" when
// the target held parentheses.
// A Markdown footnote reference "[^1]" is matched too: footnote marks are
// form (a footnote added is a change of the footnote, not of the text that
// refers to it).
var linkTarget = regexp.MustCompile(`\]\((?:[^\s()]|\([^\s()]*\))*\)|(?:\.\./|/)[^\s]*\.(?:md|html?|pdf)\)|\[\^[^\]\s]{1,8}\]`)

// canon returns the canonical form of raw and, for each canonical byte,
// the span of the original character it came from.
func canon(raw string) (canon string, rs, re []int32) {
	var skip [][]int
	if strings.Contains(raw, ")") && (strings.Contains(raw, "](") || strings.Contains(raw, ".md)") || strings.Contains(raw, ".htm")) ||
		strings.Contains(raw, "[^") {
		skip = linkTarget.FindAllStringIndex(raw, -1)
	}
	var b strings.Builder
	b.Grow(len(raw))
	rs = make([]int32, 0, len(raw))
	re = make([]int32, 0, len(raw))
	var prev rune = -1 // last canonical rune written
	space := false     // whitespace seen since prev
	emit := func(s string, start, end int) {
		for _, r := range s {
			if space && prev >= 0 && wordish(prev) && wordish(r) {
				b.WriteByte(' ')
				rs = append(rs, int32(start))
				re = append(re, int32(start))
			}
			space = false
			n := utf8.RuneLen(r)
			if n < 0 {
				r, n = utf8.RuneError, 3
			}
			b.WriteRune(r)
			for range n {
				rs = append(rs, int32(start))
				re = append(re, int32(end))
			}
			prev = r
		}
	}
	for i := 0; i < len(raw); {
		if len(skip) > 0 && i >= skip[0][0] {
			i = max(i, skip[0][1])
			skip = skip[1:]
			continue
		}
		r, size := rune(raw[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(raw[i:])
		}
		start := i
		i += size
		switch {
		case r == '*' || unicode.IsSpace(r) || r == 0x3000:
			space = true
			continue
		case r == '`':
			for i < len(raw) && raw[i] == '`' {
				i++
			}
			emit(`"`, start, i)
			continue
		case r < utf8.RuneSelf:
			emit(raw[start:i], start, i)
			continue
		case r >= 0x4E00 && r <= 0x9FFF:
			emit(raw[start:i], start, i)
			continue
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			var buf [1]byte
			buf[0] = byte(r - 0xFEE0)
			emit(string(buf[:]), start, i)
			continue
		case r > 0x3000 && r <= 0x3035 || r == 0x3037 || r >= 0x303B && r <= 0x303F: // CJK punctuation: NFKC keeps it
			emit(raw[start:i], start, i)
			continue
		case unicode.Is(unicode.Cf, r):
			continue
		case r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁹' || r == '†' || r == '‡':
			// footnote marks: form
			continue
		}
		switch r {
		case '“', '”', '„', '‟', '″', '«', '»':
			emit(`"`, start, i)
			continue
		case '‘', '’', '‚', '‛', '′':
			emit(`'`, start, i)
			continue
		}
		p := norm.NFKC.PropertiesString(raw[start:])
		if p.Decomposition() == nil && p.BoundaryBefore() {
			emit(raw[start:i], start, i)
			continue
		}
		s := norm.NFKC.String(raw[start:i])
		if strings.TrimSpace(s) == "" {
			space = true
			continue
		}
		if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
			// a compatibility form with a space inside (rare): keep it whole
			s = strings.Join(strings.Fields(s), " ")
		}
		emit(s, start, i)
	}
	return b.String(), rs, re
}

// wordish reports whether a space next to r on both sides separates
// words: letters, digits and marks of scripts written with spaces.
func wordish(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// tokenizer cuts canonical text into tokens.
type tokenizer struct {
	seg  *words.Segmenter
	lang string
	char bool
}

// field canonicalises and tokenises one field.
func (tz *tokenizer) field(raw string) (tokField, []token) {
	f := tokField{raw: raw}
	if raw == "" {
		return f, nil
	}
	canon, rs, re := canon(raw)
	if canon == "" {
		return f, nil
	}
	f.canon = hash(canon) | 1 // never 0
	if tz.char {
		toks := make([]token, 0, utf8.RuneCountInString(canon))
		for i, r := range canon {
			if r == ' ' {
				continue
			}
			n := utf8.RuneLen(r)
			if n < 0 {
				n = 1
			}
			toks = append(toks, token{rs: rs[i], re: re[i+n-1], h: hash(canon[i : i+n])})
		}
		return f, toks
	}
	ts := tz.seg.Cut(canon, tz.lang)
	toks := make([]token, len(ts))
	for k, t := range ts {
		toks[k] = token{rs: rs[t.Start], re: re[t.End-1], h: hash(t.Text)}
	}
	return f, toks
}

// hash is FNV-1a, 64 bits.
func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix combines two hashes into the hash of a bigram.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ (b + 0x632BE59BD9B4E019 + a<<6 + a>>2)
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}

// shingle is the hash of a word bigram. 32 bits are enough to compare
// units (a collision among the few thousand bigrams of a unit is rare, and
// changes a similarity by a hair) and take half the memory of 64.
type shingle uint32

// shingles appends the word-bigram shingles of a field's tokens to out:
// every pair of adjacent tokens, or the token itself when the field has
// one.
func shingles(out []shingle, toks []token) []shingle {
	switch len(toks) {
	case 0:
		return out
	case 1:
		return append(out, shingle(mix(toks[0].h, 0)))
	}
	for k := 1; k < len(toks); k++ {
		out = append(out, shingle(mix(toks[k-1].h, toks[k].h)))
	}
	return out
}

// set sorts and deduplicates shingles in place.
func set(s []shingle) []shingle {
	slices.Sort(s)
	return slices.Compact(s)
}

// kept returns a set of shingles that a node keeps: s, or a copy of it
// without the room that growing it or deduplicating it left over (a
// revision keeps the shingles of every unit while it is matched).
func kept(s []shingle) []shingle {
	if cap(s)-len(s) <= len(s)/8 {
		return s
	}
	return slices.Clone(s)
}

// dice is the Dice coefficient of two shingle sets: 2|A∩B| / (|A|+|B|);
// two empty sets are identical.
func dice(a, b []shingle) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	return 2 * float64(inter(a, b)) / float64(len(a)+len(b))
}

// inter counts the common elements of two sorted sets.
func inter(a, b []shingle) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// interSorted counts the common elements of two sorted sets in
// O(|a| log |b|) when a is much the smaller, as inter does otherwise.
func interSorted(a, b []shingle) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a)*8 >= len(b) {
		return inter(a, b)
	}
	n := 0
	for _, x := range a {
		k, ok := slices.BinarySearch(b, x)
		if ok {
			n++
		}
		b = b[k:]
	}
	return n
}

// minus returns the elements of sorted set a that are not in b.
func minus(a, b []shingle) []shingle {
	var out []shingle
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}
