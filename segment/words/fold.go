package words

import (
	"strings"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
)

// Fold normalises one token for counting and matching: NFKC, lower
// case, and for Arabic no diacritics or tatweel and one form of alef, yeh
// and teh marbuta.
func Fold(tok, lang string) string {
	if segment.IsASCII(tok) {
		return strings.ToLower(tok)
	}
	tok = strings.ToLower(segment.NFKC(tok))
	if langtag.Base(lang) != "ar" {
		return strings.ReplaceAll(tok, "’", "'")
	}
	var b strings.Builder
	for _, r := range tok {
		switch {
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
			continue // harakat, superscript alef, tatweel
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Stem reduces a folded token to a light stem, so that inflected
// forms of a term match: the Arabic article and conjunction prefixes
// (ال، وال، بال، لل، و), plural endings of the Latin-script languages, and
// common Russian case endings. It is deliberately crude: both sides of a
// comparison are stemmed the same way.
func Stem(tok, lang string) string {
	n := utf8.RuneCountInString(tok)
	switch langtag.Base(lang) {
	case "ar":
		// After Larkey, Ballesteros and Connell's light10 stemmer: the
		// conjunction و, the article (twice: the folded إلكتروني starts
		// with ال too) or a preposition fused with it, then suffixes
		// while two letters or more are left (folded: ة is ه). A clitic
		// preposition without the article (بنظام) is left to the term matcher.
		if strings.HasPrefix(tok, "و") && n >= 4 {
			tok, n = tok[len("و"):], n-1
		}
		for range 2 {
			for _, p := range []string{"ال", "بال", "كال", "فال", "لل"} {
				if strings.HasPrefix(tok, p) && n-utf8.RuneCountInString(p) >= 2 {
					tok, n = tok[len(p):], n-utf8.RuneCountInString(p)
					break
				}
			}
		}
		for again := true; again && n > 2; {
			again = false
			for _, s := range []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"} {
				if strings.HasSuffix(tok, s) && n-utf8.RuneCountInString(s) >= 2 {
					tok, n = tok[:len(tok)-len(s)], n-utf8.RuneCountInString(s)
					again = true
					break
				}
			}
		}
		return tok
	case "en", "fr", "es":
		switch {
		case n > 4 && strings.HasSuffix(tok, "ies") && langtag.Base(lang) == "en":
			return tok[:len(tok)-3] + "y"
		case n > 3 && (strings.HasSuffix(tok, "s") || strings.HasSuffix(tok, "x")) && !strings.HasSuffix(tok, "ss"):
			return tok[:len(tok)-1]
		}
		return tok
	case "ru":
		if n <= 4 {
			return tok
		}
		for _, e := range []string{"ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ам", "ям", "ах", "ях", "ом", "ем", "ов", "ев", "ию", "ия", "ии", "а", "я", "ы", "и", "у", "ю", "е", "о", "ь"} {
			if strings.HasSuffix(tok, e) && n-utf8.RuneCountInString(e) >= 3 {
				return tok[:len(tok)-len(e)]
			}
		}
	}
	return tok
}
