package xref

import (
	"strings"

	"concord/segment/langtag"
)

// Rel says what a reference is relative to.
type Rel uint8

// The kinds of reference.
const (
	Absolute    Rel = iota // it names its article: 第 17 条, article 17
	InArticle              // below the article it stands in: 本条第 2 款, paragraph 2 of this article, 第 2 款
	InParagraph            // below the paragraph it stands in: 本款(b)项, subparagraph (b) of this paragraph
)

// Ref is one reference to a unit of the same document.
type Ref struct {
	// Text is the reference as printed, Start and End its byte offsets in
	// the text searched. A list shares its words: in "articles 14, 15 and
	// 16" the first reference is "articles 14", the others "15" and "16".
	Text       string
	Start, End int
	// Article is the number of the article as it appears in addresses
	// ("17", "120-1" for 第一百二十条之一); "" unless Rel is Absolute.
	Article string
	// Path holds the address segments below the article (or below the
	// paragraph, for InParagraph): a paragraph "1", a subparagraph "b",
	// an item "ii"; a law's 第N项 is an item, 第N目 a sub-item "N".
	Path []string
	Rel  Rel
	// Implied marks a unit inside a range that the text does not print
	// (articles 8 to 15 of "articles 7 to 16"); Text is "" and Start and
	// End are where the last unit of the range is printed.
	Implied bool
}

// Find returns the references to units of the same document in a text of
// language lang, in order: Chinese treaty and law grammar, and the
// grammars of English, French, Spanish, Russian and Arabic. It returns
// nil for another language.
func Find(text, lang string) []Ref {
	switch base := langtag.Base(lang); base {
	case "zh":
		return findZh(text)
	case "en", "fr", "es", "ru", "ar":
		return findChains(text, base)
	}
	return nil
}

// Resolve returns the address a reference names, read in the unit at
// address from: art.17.1.b for "paragraph 1 (b) of article 17" anywhere,
// art.11.1.a for "(a)项" in art.11.1.c. It returns "" for a relative
// reference outside an article.
func (r Ref) Resolve(from string) string {
	var base string
	switch r.Rel {
	case Absolute:
		base = "art." + r.Article
	case InArticle:
		base, _ = Context(from)
	case InParagraph:
		art, para := Context(from)
		base = para
		if base == "" {
			base = art
		}
	}
	if base == "" {
		return ""
	}
	if len(r.Path) == 0 {
		return base
	}
	return base + "." + strings.Join(r.Path, ".")
}

// Context returns the addresses of the article and the paragraph that the
// unit at addr stands in: art.11.1.b → art.11, art.11.1; art.13.a →
// art.13, ""; pre.2 → "", "".
func Context(addr string) (art, para string) {
	parts := strings.Split(addr, ".")
	if len(parts) < 2 || parts[0] != "art" {
		return "", ""
	}
	art = "art." + parts[1]
	if len(parts) >= 3 && parts[2] != "" && isDigits(parts[2]) {
		para = art + "." + parts[2]
	}
	return art, para
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxRange caps the units a range implies, against "articles 1 to 99999".
const maxRange = 50
