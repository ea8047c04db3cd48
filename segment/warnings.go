package segment

import "strings"

// Kind is the kind of a warning: its message with every number written
// as # and every quoted text as "…", so that "numbering: expected
// paragraph 2, found 1" and "numbering: expected paragraph 7, found 3" are
// one kind.
func (w Warning) Kind() string {
	var b strings.Builder
	quoted := false
	digits := false
	for _, r := range w.Message {
		switch {
		case r == '"':
			if !quoted {
				b.WriteString(`"…"`)
			}
			quoted = !quoted
		case quoted:
		case r >= '0' && r <= '9':
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		default:
			b.WriteRune(r)
		}
		digits = false
	}
	return b.String()
}

// WarningCount counts the warnings of one kind that CapWarnings left out.
type WarningCount struct {
	File  string // the document's name
	Kind  string // see Warning.Kind
	Count int
}

// CapWarnings keeps, in order, the first perKind warnings of each kind
// (per file) and counts the others: what a person can read of a document
// that repeats one mistake thousands of times. perKind < 1 keeps all.
func CapWarnings(ws []Warning, perKind int) (kept []Warning, more []WarningCount) {
	if perKind < 1 {
		return ws, nil
	}
	type key struct{ file, kind string }
	seen := map[key]int{}
	at := map[key]int{} // index in more
	for _, w := range ws {
		k := key{w.File, w.Kind()}
		seen[k]++
		if seen[k] <= perKind {
			kept = append(kept, w)
			continue
		}
		i, ok := at[k]
		if !ok {
			i = len(more)
			at[k] = i
			more = append(more, WarningCount{File: w.File, Kind: k.kind})
		}
		more[i].Count++
	}
	return kept, more
}
