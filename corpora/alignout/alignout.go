// Package alignout writes an alignment of language versions: as TMX 1.4b
// for CAT tools, as TSV and JSON for programs, and as a self-contained
// side-by-side HTML page for people. It is a leaf: it reads align results
// and writes bytes.
package alignout

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"concord/align"
)

// Tags returns one language tag per version, unique within the alignment:
// the document's language, refined where two versions share it (zh-Hans and
// zh-Hant from their names, otherwise a private-use suffix -x-2, -x-3…).
func Tags(a *align.Alignment) []string {
	tags := make([]string, len(a.Langs))
	count := map[string]int{}
	for _, l := range a.Langs {
		count[l]++
	}
	seen := map[string]int{}
	for i, l := range a.Langs {
		tags[i] = l
		if count[l] < 2 {
			continue
		}
		name := ""
		if i < len(a.Names) {
			name = strings.ToLower(a.Names[i])
		}
		switch {
		case l == "zh" && strings.Contains(name, "hant"):
			tags[i] = "zh-Hant"
		case l == "zh" && strings.Contains(name, "hans"):
			tags[i] = "zh-Hans"
		default:
			seen[l]++
			if seen[l] > 1 {
				tags[i] = l + "-x-" + strconv.Itoa(seen[l])
			}
		}
	}
	return tags
}

type linkJSON struct {
	Addr   string     `json:"addr"`
	IDs    [][]int    `json:"ids"`
	Text   [][]string `json:"text"`
	Score  float64    `json:"score"`
	Status string     `json:"status"`
}

type missingJSON struct {
	Addr  string   `json:"addr"`
	Langs []string `json:"langs"`
}

type mismatchJSON struct {
	Addr   string   `json:"addr"`
	Langs  []string `json:"langs"`
	Counts []int    `json:"counts"`
}

// JSON writes {"langs", "links", "missing", "mismatches"}; every key is
// always present.
func JSON(w io.Writer, a *align.Alignment) error {
	out := struct {
		Langs      []string       `json:"langs"`
		Links      []linkJSON     `json:"links"`
		Missing    []missingJSON  `json:"missing"`
		Mismatches []mismatchJSON `json:"mismatches"`
	}{Langs: Tags(a), Links: []linkJSON{}, Missing: []missingJSON{}, Mismatches: []mismatchJSON{}}
	for _, l := range a.Links {
		lj := linkJSON{Addr: l.Addr, IDs: l.IDs, Text: make([][]string, len(l.IDs)), Score: round(l.Score), Status: string(l.Status)}
		for v := range l.IDs {
			lj.Text[v] = []string{}
			if v < len(l.Text) && l.Text[v] != nil {
				lj.Text[v] = l.Text[v]
			}
			if lj.IDs[v] == nil {
				lj.IDs[v] = []int{}
			}
		}
		out.Links = append(out.Links, lj)
	}
	for _, m := range a.Missing {
		out.Missing = append(out.Missing, missingJSON{m.Addr, m.Langs})
	}
	for _, m := range a.Mismatches {
		out.Mismatches = append(out.Mismatches, mismatchJSON{m.Addr, m.Langs, m.Counts})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// round keeps scores to four decimals so that output is stable and short.
func round(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}

// TSV writes one line per link: address, score, then each version's text
// (its sentences joined by a space; tabs and line breaks become spaces).
func TSV(w io.Writer, a *align.Alignment) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "addr\tscore\t%s\n", strings.Join(Tags(a), "\t"))
	for _, l := range a.Links {
		fmt.Fprintf(bw, "%s\t%s", l.Addr, strconv.FormatFloat(round(l.Score), 'f', -1, 64))
		for v := range a.Langs {
			var t []string
			if v < len(l.Text) {
				t = l.Text[v]
			}
			fmt.Fprintf(bw, "\t%s", tsvField(strings.Join(t, " ")))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// TMX writes the alignment as TMX 1.4b: one <tu> per link with one <tuv>
// per version that has text (all languages in one unit, not pairs), and the
// properties x-address, x-status and x-score. segtype is "sentence", or
// "block" for a unit-level alignment.
func TMX(w io.Writer, a *align.Alignment, unitLevel bool) error {
	bw := bufio.NewWriter(w)
	tags := Tags(a)
	segtype := "sentence"
	if unitLevel {
		segtype = "block"
	}
	src := ""
	if len(tags) > 0 {
		src = tags[0]
	}
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	bw.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n")
	bw.WriteString("<tmx version=\"1.4\">\n")
	fmt.Fprintf(bw, "  <header creationtool=\"concord\" creationtoolversion=\"1\" segtype=\"%s\" o-tmf=\"concord\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\"/>\n", segtype, esc(src))
	bw.WriteString("  <body>\n")
	for i, l := range a.Links {
		fmt.Fprintf(bw, "    <tu tuid=\"%d\">\n", i+1)
		fmt.Fprintf(bw, "      <prop type=\"x-address\">%s</prop>\n", esc(l.Addr))
		if l.Status != "" {
			fmt.Fprintf(bw, "      <prop type=\"x-status\">%s</prop>\n", esc(string(l.Status)))
		}
		fmt.Fprintf(bw, "      <prop type=\"x-score\">%s</prop>\n", strconv.FormatFloat(round(l.Score), 'f', -1, 64))
		for v, tag := range tags {
			if v >= len(l.Text) || len(l.Text[v]) == 0 {
				continue
			}
			fmt.Fprintf(bw, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(tag), esc(strings.Join(l.Text[v], " ")))
		}
		bw.WriteString("    </tu>\n")
	}
	bw.WriteString("  </body>\n</tmx>\n")
	return bw.Flush()
}

// esc escapes text for XML character data and attribute values, and drops
// characters XML 1.0 cannot carry.
func esc(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}
