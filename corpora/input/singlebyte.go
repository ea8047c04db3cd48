package input

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Detecting the single-byte encodings UN texts in Arabic, Russian, French
// and Spanish come in. Every byte decodes to some character in them, so
// validity says nothing: a decoding is plausible when its non-ASCII
// characters make words of one script as the language writes them. Bytes
// of another encoding make words that no language writes: Russian in
// windows-1251 read as KOI8-R swaps upper and lower case ("сТАТЬЯ"),
// Arabic read as windows-1251 gives Cyrillic words of mixed case, Chinese
// read as windows-1252 gives runs of accented letters with no ASCII letter
// among them ("µÚÒ»"), UTF-8 read as windows-1252 gives "Ã©".

// Thresholds of detectSingleByte: the share of the non-ASCII characters
// that must fit, the number that must fit at least, the margin by which
// the best candidate must beat the next, and the share of a script's
// letters that must be among its ten most frequent, counted once there
// are minLetters of them.
const (
	minFit      = 0.9
	minEvidence = 4
	minMargin   = 0.2
	minFrequent = 0.4
	minLetters  = 30
)

// Byte classes of a single-byte candidate, by what the byte decodes to.
const (
	sbLetter   = 1 << iota // a letter, or a mark (part of a word)
	sbMark                 // a combining mark
	sbScript               // of the candidate's script (or a mark)
	sbUpper                // an upper-case letter
	sbLower                // a lower-case letter
	sbFrequent             // one of the script's ten most frequent letters
	sbPunct                // punctuation that fits beside ASCII
	sbAnywhere             // punctuation that fits anywhere (Arabic)
)

// sbCandidate is a single-byte encoding with the class of each byte.
type sbCandidate struct {
	enc   string
	latin bool // a Latin word needs an ASCII letter; no letter frequencies
	class [256]uint8
	rune  [256]rune
}

var (
	sbOnce       sync.Once
	sbCandidates []*sbCandidate
)

// candidates returns the single-byte encodings detectSingleByte tries.
func candidates() []*sbCandidate {
	sbOnce.Do(func() {
		for _, c := range []struct {
			enc      string
			script   *unicode.RangeTable
			frequent string // lower case: two thirds of the letters of real text
			anywhere string
		}{
			{Windows1256, unicode.Arabic, "اليمونهرتب", "،؛؟ـ\u200c\u200d\u200e\u200f"},
			{Windows1251, unicode.Cyrillic, "оеаинтсрвл", ""},
			{KOI8R, unicode.Cyrillic, "оеаинтсрвл", ""},
			{Windows1252, unicode.Latin, "", ""},
		} {
			sc := &sbCandidate{enc: c.enc, latin: c.script == unicode.Latin}
			dec := codec(c.enc).NewDecoder()
			for b := range 256 {
				out, err := dec.Bytes([]byte{byte(b)})
				r, _ := utf8.DecodeRune(out)
				if err != nil || len(out) == 0 {
					r = utf8.RuneError
				}
				sc.rune[b] = r
				var k uint8
				switch {
				case unicode.IsMark(r):
					k = sbLetter | sbMark | sbScript
				case unicode.IsLetter(r):
					k = sbLetter
					if unicode.Is(c.script, r) {
						k |= sbScript
					}
					if unicode.IsUpper(r) {
						k |= sbUpper
					} else if unicode.IsLower(r) {
						k |= sbLower
					}
					if c.frequent != "" && strings.ContainsRune(c.frequent, unicode.ToLower(r)) {
						k |= sbFrequent
					}
				case strings.ContainsRune(c.anywhere, r):
					k = sbAnywhere
				case strings.ContainsRune("\u00a0«»‘’‚“”„–—…•·°§¿¡€№\u00ad", r):
					k = sbPunct
				}
				sc.class[b] = k
			}
			sbCandidates = append(sbCandidates, sc)
		}
	})
	return sbCandidates
}

// detectSingleByte returns the single-byte encoding in which sample reads
// as Arabic, Russian, French or Spanish text and the share of its
// non-ASCII characters that fit, or "" if none reads so clearly.
func detectSingleByte(sample []byte) (string, float64) {
	high := 0
	for _, b := range sample {
		if b >= utf8.RuneSelf {
			high++
		}
	}
	if high == 0 {
		return "", 0
	}
	maxUnfit := high - int(minFit*float64(high)) // more and no candidate can win
	best, second, enc := 0.0, 0.0, ""
	for _, c := range candidates() {
		v := c.score(sample, high, maxUnfit)
		switch {
		case v > best:
			best, second, enc = v, best, c.enc
		case v > second:
			second = v
		}
	}
	if best < minFit || best-second < minMargin {
		return "", 0
	}
	return enc, best
}

// score returns the share of the non-ASCII characters (high of them) of
// sample that fit a text of the candidate's script, or 0 if fewer than
// minEvidence fit, more than maxUnfit do not, or too few of the script's
// letters are its most frequent ones. A letter fits when its word (a run
// of letters and marks) is all of the script and is all lower case, all
// upper case or capitalised; a Latin word must hold an ASCII letter
// unless it is "à", "ª" or "º", since Latin-1 letters come one at a time
// in French and Spanish words. Punctuation fits beside ASCII (a space, a
// digit), and the Arabic comma, semicolon, question mark, tatweel and the
// invisible joiners and direction marks fit anywhere in Arabic text.
func (c *sbCandidate) score(sample []byte, high, maxUnfit int) float64 {
	fit, seen, letters, frequent := 0, 0, 0, 0 // seen: non-ASCII bytes read
	start := -1                                // of the word being read
	for i := 0; i <= len(sample); i++ {
		var b byte
		var k uint8
		if i < len(sample) {
			b = sample[i]
			k = c.class[b]
			if b >= utf8.RuneSelf {
				seen++
			}
		}
		if isASCIILetter(b) || k&sbLetter != 0 && (start >= 0 || k&sbMark == 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f, l, q := c.word(sample[start:i])
			fit, letters, frequent = fit+f, letters+l, frequent+q
			start = -1
		}
		if b >= utf8.RuneSelf {
			switch {
			case k&sbAnywhere != 0:
				fit++
			case k&sbPunct != 0 && (i == 0 || sample[i-1] < utf8.RuneSelf || i+1 == len(sample) || sample[i+1] < utf8.RuneSelf):
				fit++
			}
		}
		if seen-fit > maxUnfit {
			return 0 // no chance: stop early
		}
	}
	if fit < minEvidence {
		return 0
	}
	if !c.latin && letters >= minLetters && float64(frequent) < minFrequent*float64(letters) {
		return 0
	}
	return float64(fit) / float64(high)
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// word scores the non-ASCII letters of a word: how many fit, and how many
// letters of the script and of its most frequent ones it has.
func (c *sbCandidate) word(w []byte) (fit, letters, frequent int) {
	nonASCII, ascii, other, upper, lower := 0, 0, 0, 0, 0
	for i, b := range w {
		if b < utf8.RuneSelf {
			ascii++
			if b <= 'Z' && i > 0 {
				upper++
			} else if b > 'Z' {
				lower++
			}
			continue
		}
		k := c.class[b]
		nonASCII++
		if k&sbScript == 0 {
			other++
		}
		if k&sbUpper != 0 && i > 0 {
			upper++
		} else if k&sbLower != 0 {
			lower++
		}
		if k&(sbScript|sbMark) == sbScript {
			letters++
		}
		if k&sbFrequent != 0 {
			frequent++
		}
	}
	switch {
	case nonASCII == 0 || other > 0:
		return 0, letters, frequent
	case c.latin:
		if ascii == 0 && !(len(w) == 1 && strings.ContainsRune("àÀªº", c.rune[w[0]])) {
			return 0, letters, frequent
		}
	case ascii > 0: // a Cyrillic or Arabic word with Latin letters in it
		return 0, letters, frequent
	}
	// lower, UPPER or Capitalised: no upper-case letter after the first
	// beside a lower-case one
	if upper > 0 && lower > 0 {
		return 0, letters, frequent
	}
	return nonASCII, letters, frequent
}
