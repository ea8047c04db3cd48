package words

import "github.com/rivo/uniseg"

// cutUAX29 splits text at Unicode word boundaries (UAX #29) and drops the
// segments that are whitespace only.
func cutUAX29(text string) []Token {
	out := make([]Token, 0, len(text)/5+1)
	state := -1
	pos := 0
	for rest := text; rest != ""; {
		var w string
		w, rest, state = uniseg.FirstWordInString(rest, state)
		if !isSpaceOnly(w) {
			out = append(out, Token{Text: w, Start: pos, End: pos + len(w)})
		}
		pos += len(w)
	}
	return out
}
