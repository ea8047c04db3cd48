package alignout

import (
	"bytes"

	"concord/align"
)

// The parts of one TMX document that holds the translation units of many
// alignments (batch mode's --format tmx): TMXEnds gives its head and end,
// TMXPart each alignment's units and the head the document takes when that
// alignment comes first.

// TMXEnds returns the head of a TMX document whose source language is
// srclang and its end, as TMXStream writes them.
func TMXEnds(srclang string, opt Options) (head, tail string) {
	var h, t bytes.Buffer
	s := NewTMXStream(&h, opt)
	s.Head(srclang)
	s.Flush()
	NewTMXStream(&t, opt).Close()
	return h.String(), t.String()
}

// TMXPart returns the head of a TMX document whose source language is a's
// pivot's tag, and the translation units of a, named after doc as
// TMXStream.Add names them.
func TMXPart(a *align.Alignment, doc string, opt Options) (head string, units []byte, err error) {
	src := ""
	if tags := Tags(a, opt.Tags); len(tags) > 0 {
		src = tags[0]
	}
	head, _ = TMXEnds(src, opt)
	var buf bytes.Buffer
	t := NewTMXStream(&buf, opt)
	t.Add(a, doc)
	err = t.Flush()
	return head, buf.Bytes(), err
}
