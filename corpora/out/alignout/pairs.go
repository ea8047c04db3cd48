package alignout

import (
	"io"

	"concord/align"
)

// WritePairs writes one bilingual TMX per pair of the pivot with another
// version of a, each named after path by PairPath, through write (which
// writes one file of that name), and returns the names written.
func WritePairs(a *align.Alignment, path string, wopt Options, write func(name string, w func(io.Writer) error) error) ([]string, error) {
	tags := Tags(a, wopt.Tags)
	var names []string
	for v := 1; v < len(tags); v++ {
		name := PairPath(path, tags[0], tags[v])
		if err := write(name, func(w io.Writer) error { return PairTMX(w, a, v, wopt) }); err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}

// WriteLexicons writes each collection lexicon to a file of its own named
// prefix.<src>_<tgt>.lex by its languages (Langs: the base codes the
// aligner matches, UN.zh_en.lex), through write as WritePairs does, and
// returns the names written.
func WriteLexicons(lexicons []*align.SentLexicon, prefix string, write func(name string, w func(io.Writer) error) error) ([]string, error) {
	var names []string
	for _, L := range lexicons {
		src, tgt := L.Langs()
		name := PairPath(prefix+".lex", src, tgt)
		if err := write(name, func(w io.Writer) error { _, err := L.WriteTo(w); return err }); err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}
