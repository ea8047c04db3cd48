package langtag

import (
	"strings"
	"unicode"
)

// detectBytes is how much of a text Detect reads.
const detectBytes = 64 << 10

// Detect guesses the language of a text (from its first 64 KiB): by script for Chinese (Han),
// Arabic and Russian (Cyrillic), and by frequent function words for English,
// French and Spanish. It returns "" when the text has no letters at all.
func Detect(text string) string {
	var han, arabic, cyr, latin int
	if len(text) > detectBytes {
		text = text[:detectBytes] // a cut rune at the end is one U+FFFD
	}
	for _, r := range text {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case r >= 0x4E00 && r <= 0x9FFF:
			han++
		case r >= 0x0600 && r <= 0x06FF:
			arabic++
		case r >= 0x0400 && r <= 0x04FF:
			cyr++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			latin++
		}
	}
	// Han characters carry about three Latin letters' worth of text, and
	// Chinese drafts quote English words: weigh the scripts accordingly.
	switch {
	case han*3 >= latin && han >= arabic && han >= cyr && han > 0:
		return "zh"
	case arabic >= latin && arabic >= cyr && arabic > 0:
		return "ar"
	case cyr >= latin && cyr > 0:
		return "ru"
	case latin == 0:
		return ""
	}
	return latinLang(text)
}

var cueWords = map[string][3]int{ // en, fr, es weights
	"the": {3, 0, 0}, "of": {2, 0, 0}, "and": {2, 0, 0}, "shall": {3, 0, 0}, "to": {1, 0, 0}, "which": {1, 0, 0},
	"le": {0, 2, 0}, "les": {0, 3, 0}, "des": {0, 3, 0}, "et": {0, 2, 0}, "du": {0, 2, 0}, "une": {0, 1, 0}, "aux": {0, 2, 0}, "est": {0, 1, 0},
	"el": {0, 0, 2}, "los": {0, 0, 3}, "las": {0, 0, 3}, "y": {0, 0, 2}, "del": {0, 0, 3}, "una": {0, 0, 1}, "por": {0, 0, 1}, "que": {0, 1, 1},
	"la": {0, 1, 1}, "de": {0, 1, 1}, "en": {0, 1, 1},
}

func latinLang(text string) string {
	var score [3]int
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		if c, ok := cueWords[w]; ok {
			for i := range score {
				score[i] += c[i]
			}
		}
	}
	best := 0
	for i := range score {
		if score[i] > score[best] {
			best = i
		}
	}
	return [3]string{"en", "fr", "es"}[best]
}
