package sentence

import (
	"strings"
	"unicode/utf8"
)

// region is a matched pair of quotes or brackets, [start, end) in bytes,
// from the opening mark to just after the closing one.
type region struct{ start, end int }

// maxRegion bounds the length of a protected pair: a quote or bracket left
// open by mistake must not swallow the rest of a long text.
const maxRegion = 4096

// closerOf returns the closing mark that an opening mark expects in a
// language, or 0 when r opens nothing there.
func closerOf(r rune, sc script) rune {
	switch r {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	case '（':
		return '）'
	case '［':
		return '］'
	case '【':
		return '】'
	case '〔':
		return '〕'
	case '《':
		return '》'
	case '〈':
		return '〉'
	case '「':
		return '」'
	case '『':
		return '』'
	case '“':
		return '”'
	case '‘':
		return '’'
	case '«':
		return '»'
	case '‹':
		return '›'
	case '"':
		return '"'
	case '„':
		return '“'
	case '”': // Arabic typesetting quotes ”…“
		if sc == scriptArabic {
			return '“'
		}
	case '’': // Arabic item labels ’1’
		if sc == scriptArabic {
			return '’'
		}
	}
	return 0
}

// couldClose reports a rune that closes some pair, to skip the stack search
// for most runes.
func couldClose(r rune) bool {
	switch r {
	case ')', ']', '}', '）', '］', '】', '〕', '》', '〉', '」', '』', '”', '’', '»', '›', '"', '“':
		return true
	}
	return false
}

// pairByte marks the bytes that may start a quote or bracket, or a line
// break: ( ) [ ] { } " and the lead bytes of « » “ ” ‘ ’ „ ‹ › （ ） 《 》 「 」….
var pairByte = func() (t [256]bool) {
	for _, c := range []byte("()[]{}\"\n\xc2\xe2\xe3\xef") {
		t[c] = true
	}
	return t
}()

type openMark struct {
	pos   int
	close rune
}

// findRegions returns the outermost matched pairs of s in order. Pairs nest;
// a closing mark closes the innermost open pair that expects it and drops
// the unmatched marks opened inside it. A blank line or maxRegion bytes end
// every open pair unmatched.
func findRegions(s string, sc script, buf []region) []region {
	regs := buf[:0]
	var stack [16]openMark
	depth := 0
	nl := -2 // position of the last '\n'
	for i := 0; i < len(s); {
		for i < len(s) && !pairByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			switch c {
			case '(', ')', '[', ']', '{', '}', '"':
				r = rune(c)
			case '\n':
				if nl >= 0 && onlySpace(s[nl+1:i]) {
					depth = 0
				}
				nl = i
				i++
				continue
			default:
				i++
				continue
			}
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if depth > 0 && couldClose(r) {
			k := depth - 1
			for k >= 0 && stack[k].close != r {
				k--
			}
			if k >= 0 {
				st := stack[k].pos
				depth = k
				end := i + w
				if end-st <= maxRegion && !(isQuote(s[st:]) && quotesSentence(s[st:end])) {
					for len(regs) > 0 && regs[len(regs)-1].start >= st {
						regs = regs[:len(regs)-1]
					}
					regs = append(regs, region{st, end})
				}
				i += w
				continue
			}
		}
		if cl := closerOf(r, sc); cl != 0 {
			if depth > 0 && i-stack[0].pos > maxRegion {
				// the outermost marks can no longer be matched in range
				k := 0
				for k < depth && i-stack[k].pos > maxRegion {
					k++
				}
				copy(stack[:], stack[k:depth])
				depth -= k
			}
			if depth < len(stack) {
				stack[depth] = openMark{i, cl}
				depth++
			}
		}
		i += w
	}
	return regs
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// isQuote reports whether s starts with a quotation mark (not a bracket).
func isQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '“', '”', '‘', '’', '「', '『', '"', '«', '„', '‹':
		return true
	}
	return false
}

// quotesSentence reports whether a quotation holds a sentence stop: quoted
// speech or a quoted provision is split inside like any other text (its
// closing quote stays with its last sentence), while a quoted term, name or
// phrase (“网红事件”, "computer system") is never split. An ASCII period
// counts when whitespace follows it.
func quotesSentence(q string) bool {
	for i := 0; i < len(q); i++ {
		switch q[i] {
		case '!', '?':
			return true
		case '.':
			if i+1 < len(q) && (q[i+1] == ' ' || q[i+1] == '\n') {
				return true
			}
		case 0xE3: // 。 U+3002
			if strings.HasPrefix(q[i:], "。") {
				return true
			}
		case 0xEF: // ！ U+FF01, ？ U+FF1F
			if strings.HasPrefix(q[i:], "！") || strings.HasPrefix(q[i:], "？") {
				return true
			}
		case 0xD8: // ؟ U+061F
			if strings.HasPrefix(q[i:], "؟") {
				return true
			}
		}
	}
	return false
}
