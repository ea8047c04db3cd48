package sentence

import "unicode"

func toUpper(r rune) rune { return unicode.ToUpper(r) }

// isSpace reports whitespace, including the ideographic space and the
// no-break spaces that French puts before : ; ! ? and inside « ».
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x3000, 0x200B, 0x202F, 0x205F, 0xFEFF:
		return true
	}
	if r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}

// isHan reports a CJK ideograph (or 〇).
func isHan(r rune) bool {
	switch {
	case r < 0x3007:
		return false
	case r == 0x3007, r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3134F:
		return true
	}
	return false
}

// isCJKPunct reports full-width punctuation, CJK brackets and quotes: the
// neighbours that make an ASCII mark count as Chinese punctuation.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20,
		r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	case r == '“', r == '”', r == '‘', r == '’', r == '…', r == '—':
		return true
	}
	return false
}

func isCJK(r rune) bool { return isHan(r) || isCJKPunct(r) }

func isDigit(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r) || (r >= 0xFF10 && r <= 0xFF19)
}

// isWord reports a letter, digit or mark: what words are made of.
func isWord(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if isHan(r) {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// isCloser reports a rune that may follow a stop and still belong to the
// sentence: closing quotes and brackets, superscript footnote digits.
// Ambiguous quotes (" ' “ ’) count only where they do not open a pair.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '»', '›', '”', '’', '“', '）', '］', '｝', '】', '〕', '》', '〉',
		'」', '』', '〗', '〙', '〛', '｣', '¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '*':
		return true
	}
	return false
}

// isOpenPunct reports opening quotes and brackets that may precede the first
// word of a sentence.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '«', '‹', '“', '‘', '„', '”', '’', '（', '［', '｛', '【', '〔', '《', '〈',
		'「', '『', '¿', '¡', '-', '–', '—', '•', '·':
		return true
	}
	return false
}
