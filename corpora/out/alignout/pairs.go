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
