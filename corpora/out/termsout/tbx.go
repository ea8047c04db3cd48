package termsout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"concord/align/terms"
	"concord/corpora/out"
)

// TBXNamespace is the namespace of TBX (ISO 30042:2019).
const TBXNamespace = "urn:iso:std:iso:30042:ed-2"

// TBX writes the glossary as TBX-Basic, DCA style (ISO 30042:2019): one
// conceptEntry per concept — a definition's address (“冻结”或“扣押” is one
// concept with two terms per language) or a candidate — with one langSec
// per language, the definition at language level, and one termSec per
// term holding its administrativeStatus (preferredTerm for defined terms
// and the main rendering, admittedTerm for another rendering found in the
// text, deprecatedTerm for a form of a defined term other than its
// definition), a context sentence, its source (document and address) and,
// as notes, its occurrences and score. The output validates against the
// TBX core RELAX NG schema and the TBX-Basic schematron.
func TBX(w io.Writer, g *terms.Glossary, opt Options) error {
	title := opt.Title
	if title == "" {
		title = "concord glossary: " + strings.Join(g.Names, ", ")
	}
	bw := bufio.NewWriter(w)
	lang := "und"
	if len(g.Langs) > 0 && g.Langs[0] != "" {
		lang = g.Langs[0]
	}
	if title == "" {
		title = "concord glossary"
	}
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"%s\" xmlns=\"%s\">\n", out.XML(lang), TBXNamespace)
	fmt.Fprintf(bw, "  <tbxHeader>\n    <fileDesc>\n      <titleStmt>\n        <title>%s</title>\n      </titleStmt>\n", out.XML(title))
	fmt.Fprintf(bw, "      <sourceDesc>\n")
	if len(g.Names) == 0 {
		fmt.Fprintf(bw, "        <p>concord</p>\n")
	}
	for i, n := range g.Names {
		l := ""
		if i < len(g.Langs) {
			l = g.Langs[i]
		}
		fmt.Fprintf(bw, "        <p>%s (%s)</p>\n", out.XML(n), out.XML(l))
	}
	fmt.Fprintf(bw, "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n")

	// renderings and forms by term, to add to the entries
	extra := map[string][]terms.Issue{} // source or defined term → issues
	for _, is := range g.Issues {
		extra[is.Lang+"\x00"+is.Term] = append(extra[is.Lang+"\x00"+is.Term], is)
	}
	ls := langs(g)
	for i := 0; i < len(g.Entries); {
		// a concept: a run of defined entries with one address, or one entry
		j := i + 1
		if g.Entries[i].Kind == terms.KindDefined {
			for j < len(g.Entries) && g.Entries[j].Kind == terms.KindDefined && g.Entries[j].Addr == g.Entries[i].Addr {
				j++
			}
		}
		concept := g.Entries[i:j]
		id := fmt.Sprintf("c%d", i+1)
		if concept[0].Kind == terms.KindDefined && concept[0].Addr != "" {
			id = "def-" + xmlID(concept[0].Addr)
		}
		fmt.Fprintf(bw, "      <conceptEntry id=\"%s\">\n", out.XML(id))
		for _, l := range ls {
			var ts []terms.Entry
			for _, e := range concept {
				if e.Terms[l] != "" {
					ts = append(ts, e)
				}
			}
			if len(ts) == 0 {
				continue
			}
			fmt.Fprintf(bw, "        <langSec xml:lang=\"%s\">\n", out.XML(l))
			if d := ts[0].Definition[l]; d != "" {
				fmt.Fprintf(bw, "          <descrip type=\"definition\">%s</descrip>\n", out.XML(d))
			}
			for _, e := range ts {
				status := "preferredTerm-admn-sts"
				if e.Kind == terms.KindCandidate {
					status = "admittedTerm-admn-sts"
				}
				note := string(e.Kind)
				if e.Kind == terms.KindCandidate {
					note += fmt.Sprintf("; score %g; frequency %d", out.Round(e.Score, 3), e.Freq)
				}
				writeTermSec(bw, e.Terms[l], status, e.Context[l], source(e.Sources[l], e.Addr), e.Found[l], note)
				// other renderings and forms of this term
				for _, src := range ls {
					for _, is := range extra[src+"\x00"+e.Terms[src]] {
						for _, r := range is.Renderings {
							if r.Lang != l || r.Text == e.Terms[l] {
								continue
							}
							st := "admittedTerm-admn-sts"
							if is.Kind == terms.IssueForm {
								st = "deprecatedTerm-admn-sts"
							}
							writeTermSec(bw, r.Text, st, "", source(e.Sources[l], firstOf(r.Addrs)), r.Addrs, out.OneLine(is.Message))
						}
					}
				}
			}
			fmt.Fprintf(bw, "        </langSec>\n")
		}
		fmt.Fprintf(bw, "      </conceptEntry>\n")
		i = j
	}
	fmt.Fprintf(bw, "    </body>\n  </text>\n</tbx>\n")
	return bw.Flush()
}

// writeTermSec writes one termSec: term, status, then context, source and
// notes (the order the TBX core schema wants).
func writeTermSec(w io.Writer, term, status, context, src string, occ []string, note string) {
	fmt.Fprintf(w, "          <termSec>\n            <term>%s</term>\n", out.XML(term))
	fmt.Fprintf(w, "            <termNote type=\"administrativeStatus\">%s</termNote>\n", status)
	if context != "" {
		fmt.Fprintf(w, "            <descrip type=\"context\">%s</descrip>\n", out.XML(context))
	}
	if src != "" {
		fmt.Fprintf(w, "            <admin type=\"source\">%s</admin>\n", out.XML(src))
	}
	if len(occ) > 0 {
		fmt.Fprintf(w, "            <note>occurrences: %s</note>\n", out.XML(strings.Join(occ, " ")))
	}
	if note != "" {
		fmt.Fprintf(w, "            <note>%s</note>\n", out.XML(note))
	}
	fmt.Fprintf(w, "          </termSec>\n")
}

// source names a document and an address: "L15.zh.txt art.2.a".
func source(doc, addr string) string {
	return strings.TrimSpace(doc + " " + addr)
}

func firstOf(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

// xmlID turns an address into an XML name (art.2.a stays art.2.a;
// art.2.a~2 becomes art.2.a_2).
func xmlID(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}
