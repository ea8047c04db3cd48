package segment

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Lossless checks concord's first promise: every non-blank character of
// source lands in exactly one place of d (a unit's label, heading, text or
// tail, a status mark, the document's markup, or a warning), and nothing
// is invented. It compares the two as multisets of characters and returns
// an error naming what differs.
func Lossless(source string, d *Document) error {
	count := map[rune]int{}
	add := func(s string, n int) {
		for _, r := range s {
			if !isBlank(r) {
				count[r] += n
			}
		}
	}
	add(source, 1)
	for u := range d.All() {
		add(u.Label, -1)
		add(u.Heading, -1)
		add(u.Text, -1)
		add(u.Tail, -1)
		for _, m := range u.Marks {
			add(m.Raw, -1)
		}

	}
	for _, s := range d.Markup {
		add(s.Text, -1)
	}
	for _, w := range d.Warnings {
		add(w.Text, -1)
	}
	var lost, invented []string
	for r, n := range count {
		switch {
		case n > 0:
			lost = append(lost, fmt.Sprintf("%q×%d", r, n))
		case n < 0:
			invented = append(invented, fmt.Sprintf("%q×%d", r, -n))
		}
	}
	if len(lost)+len(invented) == 0 {
		return nil
	}
	sort.Strings(lost)
	sort.Strings(invented)
	return fmt.Errorf("%s: not lossless: lost %s; invented %s", d.Name, strings.Join(lost, " "), strings.Join(invented, " "))
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }
