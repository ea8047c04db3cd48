package langtag

import (
	"strings"

	"golang.org/x/text/language"
)

// UN lists the six UN languages in the order concord prints them.
var UN = []string{"ar", "zh", "en", "fr", "ru", "es"}

// IsUN reports whether base is one of the six UN languages.
func IsUN(base string) bool {
	for _, l := range UN {
		if l == base {
			return true
		}
	}
	return false
}

// Base returns the base language of a tag as a two-letter ISO 639-1 code
// where the language has one: "zh-Hant", "zh_TW", "cmn", "zho" → "zh",
// "arb", "ara" → "ar", "en-GB", "eng" → "en". A tag that x/text/language
// cannot parse is returned lower-cased up to its first "-" or "_"; "" stays
// "".
func Base(tag string) string {
	if tag == "" {
		return ""
	}
	switch tag { // the common case, without parsing
	case "ar", "zh", "en", "fr", "ru", "es":
		return tag
	}
	t, err := language.All.Parse(tag)
	if err == nil {
		if b, conf := t.Base(); conf == language.Exact {
			return b.String()
		}
	}
	l := strings.ToLower(tag)
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}
