package segment

import (
	"strings"
	"unicode/utf8"
)

// Definition is a term a document defines: 'X' shall mean…, “X”系指…
type Definition struct {
	Addr  string   // the unit holding the definition (art.2.a)
	Terms []string // the defined terms, exactly as printed between the quotes
	Text  string   // the definition: the unit's text
}

// quotePairs are the quotation marks definitions use, opening → closing.
var quotePairs = []struct{ open, close string }{
	{"“", "”"}, {"”", "“"}, {"``", "\""}, {"«", "»"}, {"„", "“"}, {"「", "」"}, {"\"", "\""}, {"‘", "’"},
}

// definitionCues are the words that follow (or, for some languages,
// precede) a defined term.
var definitionCues = map[string][]string{
	"zh": {"系指", "是指", "一语", "一词", "应指"},
	"en": {"shall mean", "means", "shall include", "includes", "refers to"},
	"fr": {"désigne", "s'entend", "s’entend", "on entend par", "entend par"},
	"es": {"se entenderá", "significa", "designa", "por"},
	"ru": {"означает", "понимается", "под"},
	"ar": {"يعني", "تعني", "يقصد بتعبير", "يُقصد بتعبير", "يقصد بمصطلح", "يقصد", "يُقصد"},
}

// Definitions finds the terms a document defines: units whose text opens
// with one or more quoted terms (“冻结”或“扣押”) followed by a cue such as
// 系指, shall mean, désigne, означает or يعني, or where a cue that
// introduces a term (on entend par « … », يقصد بتعبير ”…“) comes first.
func Definitions(d *Document) []Definition {
	var out []Definition
	cues := definitionCues[d.Lang]
	d.Walk(func(u *Unit) bool {
		if terms := definedTerms(u.Text, cues); len(terms) > 0 {
			out = append(out, Definition{Addr: u.Addr, Terms: terms, Text: u.Text})
		}
		return true
	})
	return out
}

// definedTerms returns the quoted terms at the start of text when a
// definition cue stands near them.
func definedTerms(text string, cues []string) []string {
	if len(cues) == 0 {
		return nil
	}
	head := text
	if len(head) > 400 {
		head = head[:400]
	}
	var terms []string
	end := 0
	rest := head
	for {
		rest = strings.TrimLeft(rest, " \t")
		// connectors between terms: 或 和 、 or and et y и أو
		for _, c := range []string{"或", "和", "、", ",", "，", "or ", "and ", "et ", "ou ", "y ", "o ", "и ", "или ", "أو "} {
			if len(terms) > 0 && strings.HasPrefix(rest, c) {
				rest = strings.TrimLeft(rest[len(c):], " \t")
				break
			}
		}
		// a cue that introduces the term: on entend par « X », por "X"
		lead := ""
		for _, c := range cues {
			if len(terms) == 0 && len(c) > len(lead) && strings.HasPrefix(strings.ToLower(rest), c) {
				lead = c
			}
		}
		if lead != "" {
			rest = strings.TrimLeft(rest[len(lead):], " \t")
		}
		term, n := quoted(rest)
		if n == 0 {
			break
		}
		terms = append(terms, term)
		rest = rest[n:]
		end = len(head) - len(rest)
		if lead != "" {
			return terms
		}
	}
	if len(terms) == 0 {
		return nil
	}
	// the cue must follow soon after the terms (a clause may stand between:
	// “没收”，在适用情况下亦包括充公，系指)
	after := head[end:]
	if utf8.RuneCountInString(after) > 60 {
		after = string([]rune(after)[:60])
	}
	lower := strings.ToLower(after)
	for _, c := range cues {
		if strings.Contains(lower, c) {
			return terms
		}
	}
	return nil
}

// quoted reads a quoted term at the start of s and returns it with the
// number of bytes read.
func quoted(s string) (string, int) {
	for _, q := range quotePairs {
		if !strings.HasPrefix(s, q.open) {
			continue
		}
		body := s[len(q.open):]
		i := strings.Index(body, q.close)
		if i <= 0 || i > 200 || strings.ContainsAny(body[:i], "\n。；;") {
			continue
		}
		return strings.TrimSpace(body[:i]), len(q.open) + i + len(q.close)
	}
	return "", 0
}
