package segment

import (
	"strconv"
	"strings"
)

// Addresses
//
// A unit's address is the same in every language version of a text:
//
//	title               the title block
//	pre, pre.N          the preamble and its Nth recital
//	part.N, ch.N        a part, a chapter (part.N.ch.M inside parts)
//	….sec.N, ….sub.N    a section, a division below it
//	art.N, art.N-K      an article; 第一百二十条之一 is art.120-1
//	art.N.P             a numbered (or a law's unnumbered) paragraph
//	art.N.P.x, art.N.x  a subparagraph (a, b, c… whatever the script)
//	….x.r, art.N.P.r    an item (i, ii, iii…; (一) and ’1’ included)
//	….r.N               a 目 (1.) under a law's item
//	annex.N             an annex
//	closing, fn.N       the closing formula, footnote N
//	p.N                 a block of text with no numbering
//
// Address fills Addr for every unit of the document from the tree, the
// units' kinds and their Num and Sub, and reports duplicates, which it
// makes unique with a "~2" suffix so that no two units share an address.
// Parse calls it; a reader that builds a tree of its own (the UDHR XML
// reader) calls it too, so that every document follows one scheme.
func (d *Document) Address() {
	seen := map[string]int{}
	counts := map[Kind]int{}
	d.Walk(func(u *Unit, entering bool) WalkStatus {
		if !entering {
			return WalkContinue
		}
		counts[u.Kind]++
		u.Addr = addrOf(u, u.Parent, counts)
		if n := seen[u.Addr]; n > 0 {
			d.Warnf(u.Line, "", "duplicate address %s (line %d repeats a number)", u.Addr, u.Line)
			seen[u.Addr] = n + 1
			u.Addr += "~" + strconv.Itoa(n+1)
		} else {
			seen[u.Addr] = 1
		}
		return WalkContinue
	})
}

func addrOf(u, parent *Unit, counts map[Kind]int) string {
	num := strconv.Itoa(u.Num)
	switch u.Kind {
	case KindTitle:
		return "title"
	case KindPreamble:
		return "pre"
	case KindRecital:
		return "pre." + num
	case KindPart:
		return "part." + num
	case KindArticle:
		if u.Sub > 0 {
			return "art." + num + "-" + strconv.Itoa(u.Sub)
		}
		return "art." + num
	case KindClosing:
		if counts[KindClosing] > 1 {
			return "closing." + strconv.Itoa(counts[KindClosing])
		}
		return "closing"
	case KindFootnote:
		return "fn." + num
	case KindBlock:
		return "p." + strconv.Itoa(counts[KindBlock])
	case KindAnnex:
		return "annex." + num
	}
	// the rest nest under their parent
	var seg string
	switch u.Kind {
	case KindChapter:
		seg = "ch." + num
	case KindSection:
		seg = "sec." + num
	case KindSubsection:
		seg = "sub." + num
	case KindParagraph, KindSubitem:
		seg = num
	case KindSubparagraph:
		seg = Letter(u.Num)
	case KindItem:
		seg = Roman(u.Num)
	}
	if parent == nil {
		return seg
	}
	return parent.Addr + "." + seg
}

// ParentAddr returns the address of the unit that holds addr in the
// numbering (art.2.f.ii → art.2.f, ch.2.sec.1 → ch.2, pre.3 → pre), or ""
// for a top-level address (art.5, ch.2, fn.1, closing).
func ParentAddr(addr string) string {
	segs := strings.Split(addr, ".")
	// group named segments with their number: [art 2] [f] [ii]
	var groups [][]string
	for i := 0; i < len(segs); i++ {
		if namedSegment[segs[i]] && i+1 < len(segs) {
			groups = append(groups, segs[i:i+2])
			i++
			continue
		}
		groups = append(groups, segs[i:i+1])
	}
	if len(groups) <= 1 {
		if len(groups) == 1 && len(groups[0]) == 2 && groups[0][0] == "pre" {
			return "pre" // a recital's parent is the preamble
		}
		return ""
	}
	var parts []string
	for _, g := range groups[:len(groups)-1] {
		parts = append(parts, g...)
	}
	return strings.Join(parts, ".")
}

// namedSegment lists the address words followed by a number.
var namedSegment = map[string]bool{
	"art": true, "ch": true, "part": true, "sec": true, "sub": true, "pre": true,
	"fn": true, "annex": true, "p": true, "closing": true,
}
