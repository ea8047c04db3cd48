package sentence

import (
	"strings"
	"unicode/utf8"
)

// connectives are discourse connectives and short openers that a comma
// follows without ending a clause: they belong to the clause after them.
var connectives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`因此 因而 从而 所以 此外 另外 然而 但是 不过 可是 例如 比如 比如说 譬如
		同时 与此同时 总之 总而言之 总的来说 当然 其中 为此 对此 首先 其次 再次 最后 第一 第二 第三 第四
		第五 一方面 另一方面 除此之外 除此以外 此后 此前 此时 如今 目前 现在 其实 事实上 实际上 换言之
		也就是说 具体而言 具体来说 特别是 尤其是 相反 反之 否则 那么 这样 于是 接着 随后 后来 近年来
		另一方面 并且 而且 何况 况且 不仅如此 基本上 显然 毕竟 尽管 虽然 但同时 无论如何 从此以后 在此期间
		据此 鉴于此 有鉴于此 为此目的 综上 综上所述 一般而言 通常 必要时 在此方面 在这方面`) {
		m[w] = true
	}
	return m
}()

// isConnective reports whether a clause segment (before a comma) is only a
// connective such as 因此 or 此外, possibly after closing quotes.
func isConnective(seg string) bool {
	seg = strings.TrimLeftFunc(seg, func(r rune) bool { return !isWord(r) })
	seg = strings.TrimRightFunc(seg, func(r rune) bool { return !isWord(r) })
	return len(seg) <= 15 && connectives[seg]
}

// crossRef reports the characters that a cross-reference puts next to a
// bracketed label: 第1款(b)项(一)目, 第17条（洗钱）.
func crossRef(r rune) bool {
	switch r {
	case '条', '款', '项', '目', '段', '章', '节', '编', '号', '第':
		return true
	}
	return false
}

// parenthetical handles a matched pair starting at rg.start in Chinese
// clause mode: a parenthesis that holds more than a list label and follows
// a word is a clause of its own, as in the discourse treebank (…办公室（毒品
// 和犯罪问题办公室）在…), but a label, a cross-reference (第1款(b)项) and a
// parenthesis at a clause start are left alone.
func (sc *scanner) parenthetical(rg region) {
	s := sc.s
	open, w := utf8.DecodeRuneInString(s[rg.start:])
	if open != '（' && open != '(' {
		return
	}
	_, wc := utf8.DecodeLastRuneInString(s[:rg.end])
	inner := s[rg.start+w : rg.end-wc]
	if utf8.RuneCountInString(inner) < 2 || isLabelContent(strings.TrimSpace(inner)) {
		return
	}
	if next, _ := utf8.DecodeRuneInString(s[rg.end:]); crossRef(next) {
		return
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:rg.start])
	if isWord(prev) && !isDigit(prev) && !crossRef(prev) && rg.start > sc.start {
		sc.cutAt(rg.start)
	}
	sc.pending = rg.end
}

// afterParenthetical cuts after a parenthetical clause when a word follows.
func (sc *scanner) afterParenthetical(e int) (int, bool) {
	next, _ := utf8.DecodeRuneInString(sc.s[e:])
	if e >= len(sc.s) || !isWord(next) || crossRef(next) {
		return e, false
	}
	return sc.cutAt(e)
}

// isDateSegment reports a clause segment that is only a date or a time
// (2020年11月12日，): it introduces the clause after it.
func isDateSegment(seg string) bool {
	n := 0
	digits := false
	for _, r := range seg {
		switch {
		case isDigit(r), isHanNumeral(r):
			digits = true
		case strings.ContainsRune("年月日时分秒号点半至到上下午晚早凌晨中旬初底末—-－~ ", r):
		default:
			return false
		}
		n++
	}
	return digits && n > 1
}
