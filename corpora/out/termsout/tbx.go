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

// concept is one entry of a termbase: a definition's address (“冻结”或
// “扣押” is one concept with two terms per language) or a candidate, with
// what it holds in each language.
type concept struct {
	id    string
	langs []langSec
}

// langSec is one language of a concept.
type langSec struct {
	tag        string // the language tag written
	definition string
	terms      []termItem
}

// termItem is one term of a concept in one language.
type termItem struct {
	term, status, context, source, note string
	occurrences                         []string
}

// concepts groups the glossary's entries into concepts, in order, each
// term with its administrativeStatus: preferredTerm for defined terms and
// the main rendering, admittedTerm for another rendering found in the text
// (and for candidates), deprecatedTerm for a form of a defined term other
// than its definition.
func concepts(g *terms.Glossary, opt Options) []concept {
	// renderings and forms by term, to add to the entries
	extra := map[string][]terms.Issue{} // source or defined term → issues
	for _, is := range g.Issues {
		extra[is.Lang+"\x00"+is.Term] = append(extra[is.Lang+"\x00"+is.Term], is)
	}
	ls := langs(g)
	tags := make([]string, len(ls)) // the tag written for each of ls
	for k, l := range ls {
		tags[k] = tagOf(g, l, opt)
	}
	var list []concept
	for i := 0; i < len(g.Entries); {
		// a concept: a run of defined entries with one address, or one entry
		j := i + 1
		if g.Entries[i].Kind == terms.KindDefined {
			for j < len(g.Entries) && g.Entries[j].Kind == terms.KindDefined && g.Entries[j].Addr == g.Entries[i].Addr {
				j++
			}
		}
		entries := g.Entries[i:j]
		c := concept{id: fmt.Sprintf("c%d", i+1)}
		if entries[0].Kind == terms.KindDefined && entries[0].Addr != "" {
			c.id = "def-" + xmlID(entries[0].Addr)
		}
		for k, l := range ls {
			var ts []terms.Entry
			for _, e := range entries {
				if e.Terms[l] != "" {
					ts = append(ts, e)
				}
			}
			if len(ts) == 0 {
				continue
			}
			sec := langSec{tag: tags[k], definition: ts[0].Definition[l]}
			for _, e := range ts {
				item := termItem{term: e.Terms[l], status: "preferredTerm-admn-sts", context: e.Context[l],
					source: source(e.Sources[l], e.Addr), occurrences: e.Found[l], note: string(e.Kind)}
				if e.Kind == terms.KindCandidate {
					item.status = "admittedTerm-admn-sts"
					item.note += fmt.Sprintf("; score %g; frequency %d", out.Round(e.Score, 3), e.Freq)
				}
				sec.terms = append(sec.terms, item)
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
							sec.terms = append(sec.terms, termItem{term: r.Text, status: st,
								source: source(e.Sources[l], firstOf(r.Addrs)), occurrences: r.Addrs, note: out.OneLine(is.Message)})
						}
					}
				}
			}
			c.langs = append(c.langs, sec)
		}
		list = append(list, c)
		i = j
	}
	return list
}

// tagOf is the tag written for language l of the glossary: the first
// version in l decides (see langtag.Policy).
func tagOf(g *terms.Glossary, l string, opt Options) string {
	tag := ""
	for v, x := range g.Langs {
		if x == l && v < len(g.Tags) {
			tag = g.Tags[v]
			break
		}
	}
	return opt.Tags.Output(l, tag)
}

// header returns the glossary's title and one line per source document.
func header(g *terms.Glossary, opt Options) (title string, sources []string) {
	title = opt.Title
	if title == "" {
		title = "concord glossary"
		if len(g.Names) > 0 {
			title += ": " + strings.Join(g.Names, ", ")
		}
	}
	for i, n := range g.Names {
		l := ""
		if i < len(g.Langs) {
			l = tagOf(g, g.Langs[i], opt)
		}
		sources = append(sources, fmt.Sprintf("%s (%s)", n, l))
	}
	if len(sources) == 0 {
		sources = []string{"concord"}
	}
	return title, sources
}

// mainLang is the language of the glossary's first version, the
// termbase's xml:lang.
func mainLang(g *terms.Glossary, opt Options) string {
	if len(g.Langs) == 0 || g.Langs[0] == "" {
		return "und"
	}
	return tagOf(g, g.Langs[0], opt)
}

// TBX writes the glossary as TBX-Basic, DCA style (ISO 30042:2019, TBX
// v3): one conceptEntry per concept with one langSec per language, the
// definition at language level, and one termSec per term holding its
// administrativeStatus, a context sentence, its source (document and
// address) and, as notes, its occurrences and score. The output validates
// against the TBX core RELAX NG schema and the TBX-Basic schematron; an
// empty glossary is a termbase without a body, valid too.
func TBX(w io.Writer, g *terms.Glossary, opt Options) error {
	bw := bufio.NewWriter(w)
	title, sources := header(g, opt)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"%s\" xmlns=\"%s\">\n", out.XML(mainLang(g, opt)), TBXNamespace)
	fmt.Fprintf(bw, "  <tbxHeader>\n")
	writeFileDesc(bw, title, sources)
	fmt.Fprintf(bw, "  </tbxHeader>\n")
	cs := concepts(g, opt)
	if len(cs) == 0 {
		fmt.Fprintf(bw, "  <text/>\n</tbx>\n")
		return bw.Flush()
	}
	writeBody(bw, cs, "conceptEntry", "langSec", "termSec")
	fmt.Fprintf(bw, "</tbx>\n")
	return bw.Flush()
}

// TBX2 writes the glossary as TBX-Basic v2 (ISO 30042:2008, the martif
// format that most CAT tools and terminology tools import, OmegaT and
// translate-toolkit among them): one termEntry per concept with one
// langSet per language, the definition at language level, and one tig per
// term with the same data as TBX. An empty glossary writes an empty body.
func TBX2(w io.Writer, g *terms.Glossary, opt Options) error {
	bw := bufio.NewWriter(w)
	title, sources := header(g, opt)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n")
	fmt.Fprintf(bw, "<martif type=\"TBX-Basic-V1\" xml:lang=\"%s\">\n", out.XML(mainLang(g, opt)))
	fmt.Fprintf(bw, "  <martifHeader>\n")
	writeFileDesc(bw, title, sources)
	fmt.Fprintf(bw, "    <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n  </martifHeader>\n")
	writeBody(bw, concepts(g, opt), "termEntry", "langSet", "tig")
	fmt.Fprintf(bw, "</martif>\n")
	return bw.Flush()
}

// writeFileDesc writes the header's fileDesc: the title and one line per
// source document.
func writeFileDesc(w io.Writer, title string, sources []string) {
	fmt.Fprintf(w, "    <fileDesc>\n      <titleStmt>\n        <title>%s</title>\n      </titleStmt>\n", out.XML(title))
	fmt.Fprintf(w, "      <sourceDesc>\n")
	for _, s := range sources {
		fmt.Fprintf(w, "        <p>%s</p>\n", out.XML(s))
	}
	fmt.Fprintf(w, "      </sourceDesc>\n    </fileDesc>\n")
}

// writeBody writes the text element of a termbase: one entry element per
// concept, one lang element per language with its definition, one term
// element per term. TBX v3 names them conceptEntry, langSec and termSec,
// TBX v2 termEntry, langSet and tig.
func writeBody(w io.Writer, cs []concept, entry, lang, term string) {
	fmt.Fprintf(w, "  <text>\n    <body>\n")
	for _, c := range cs {
		fmt.Fprintf(w, "      <%s id=\"%s\">\n", entry, out.XML(c.id))
		for _, l := range c.langs {
			fmt.Fprintf(w, "        <%s xml:lang=\"%s\">\n", lang, out.XML(l.tag))
			if l.definition != "" {
				fmt.Fprintf(w, "          <descrip type=\"definition\">%s</descrip>\n", out.XML(l.definition))
			}
			for _, t := range l.terms {
				fmt.Fprintf(w, "          <%s>\n", term)
				writeTerm(w, t, "            ")
				fmt.Fprintf(w, "          </%s>\n", term)
			}
			fmt.Fprintf(w, "        </%s>\n", lang)
		}
		fmt.Fprintf(w, "      </%s>\n", entry)
	}
	fmt.Fprintf(w, "    </body>\n  </text>\n")
}

// writeTerm writes the inside of a termSec or tig: term, status, then
// context, source and notes (the order both schemas want).
func writeTerm(w io.Writer, t termItem, indent string) {
	fmt.Fprintf(w, "%s<term>%s</term>\n", indent, out.XML(t.term))
	fmt.Fprintf(w, "%s<termNote type=\"administrativeStatus\">%s</termNote>\n", indent, t.status)
	if t.context != "" {
		fmt.Fprintf(w, "%s<descrip type=\"context\">%s</descrip>\n", indent, out.XML(t.context))
	}
	if t.source != "" {
		fmt.Fprintf(w, "%s<admin type=\"source\">%s</admin>\n", indent, out.XML(t.source))
	}
	if len(t.occurrences) > 0 {
		fmt.Fprintf(w, "%s<note>occurrences: %s</note>\n", indent, out.XML(strings.Join(t.occurrences, " ")))
	}
	if t.note != "" {
		fmt.Fprintf(w, "%s<note>%s</note>\n", indent, out.XML(t.note))
	}
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
