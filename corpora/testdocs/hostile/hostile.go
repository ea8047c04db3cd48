// Package hostile generates the adversarial inputs that concord's growth
// benchmarks and memory reproducers run on: texts built to make a careless
// parser, matcher or writer quadratic. Each generator is deterministic and
// takes the size it should reach, so a benchmark can compare 1× and 10×
// without large files in the repository. The command in gen writes them
// to files for whole-process measurements (/usr/bin/time -v).
//
// Imports: corpora (for the embedded L.15 draft); tests and benchmarks only.
package hostile

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"

	"concord/corpora"
)

// Kinds names the generators, for the gen command and table-driven
// benchmarks.
var Kinds = map[string]func(size int) []byte{
	"same-numbered":  SameNumbered,
	"huge-paragraph": HugeParagraph,
	"many-articles":  ManyArticles,
	"long-inline":    LongInline,
	"l15":            L15Repeated,
}

// sentences are a few English treaty sentences, recycled by the
// generators of English text.
var sentences = []string{
	"Each State Party shall adopt such legislative and other measures as may be necessary.",
	"The States Parties shall cooperate with each other to the widest extent possible.",
	"Nothing in this Convention shall affect the rights and obligations of States Parties.",
	"Such measures shall provide for the protection of personal data.",
	"Requests shall be executed in accordance with the domestic law of the requested State Party.",
	"The Conference of the States Parties shall agree upon activities, procedures and methods of work.",
	"Each State Party shall ensure that victims have access to appropriate remedies.",
	"This article shall apply to offences committed intentionally and without right.",
}

// SameNumbered is about size bytes of English paragraphs that all carry
// the label "1." and repeat eight sentences: the worst case for a matcher
// that scores every pair of units sharing a number or a text.
func SameNumbered(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 128)
	for i := 0; b.Len() < size; i++ {
		b.WriteString("1. ")
		b.WriteString(sentences[i%len(sentences)])
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

// zhBody returns the body lines of the L.15 draft that are long sentences
// starting with a Han character (no labels, no headings, no status
// marks): the text the Chinese generators recycle.
func zhBody() [][]byte {
	_, data := corpora.Default()
	var out [][]byte
	for line := range bytes.Lines(data) {
		line = bytes.TrimSpace(line)
		r, _ := utf8.DecodeRune(line)
		if len(line) < 120 || r == '第' || !unicode.Is(unicode.Han, r) || bytes.Contains(line, []byte("[")) {
			continue // a label, a heading, a status mark
		}
		out = append(out, line)
	}
	return out
}

// HugeParagraph is one paragraph of about size bytes: the L.15 draft's
// sentences one a line with no blank line between them, which the parser
// joins into one unit, as a PDF converted without paragraph breaks gives
// (a line longer than 1 MiB is refused by the reader). Every sentence
// occurs many times, as in a long text.
func HugeParagraph(size int) []byte {
	body := zhBody()
	var b bytes.Buffer
	b.Grow(size + 1024)
	for i := 0; b.Len() < size; i++ {
		b.Write(body[i%len(body)])
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// ManyArticles is about size bytes of short Chinese articles with
// distinct numbers (第1条, 第2条…), each with a heading, two numbered
// paragraphs and a subparagraph.
func ManyArticles(size int) []byte {
	body := zhBody()
	var b bytes.Buffer
	b.Grow(size + 1024)
	for i := 1; b.Len() < size; i++ {
		s := body[i%len(body)]
		fmt.Fprintf(&b, "第%d条. 条款%d\n\n1. %s。\n\n2. 缔约国应当依照本条第1款(a)项采取措施：\n\n(a) %s。\n\n",
			i, i, runes(s, 30), runes(s, 20))
	}
	return b.Bytes()
}

// runes returns the first n runes of s.
func runes(s []byte, n int) []byte {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return s[:i]
}

// LongInline is a short document whose one article holds a text of about
// size bytes packed with inline constructs: cross-references, quoted
// terms, brackets, status marks, list labels and numbers run together,
// a few hundred bytes a line, with no blank line (one paragraph).
func LongInline(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString("第1条. 长段\n\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString("根据第")
		b.WriteString(strconv.Itoa(i%68 + 1))
		b.WriteString("条第1款(b)项(一)目，“电子数据”系指（见[暂定]）《公约》(a)、(b)和1,000项[")
		b.WriteString(strconv.Itoa(i))
		b.WriteString("]，")
		if i%4 == 3 {
			b.WriteByte('\n')
		}
	}
	b.WriteString("。\n")
	return b.Bytes()
}

// L15Repeated is the L.15 draft repeated until it is about size bytes (at
// least once).
func L15Repeated(size int) []byte {
	_, data := corpora.Default()
	var b bytes.Buffer
	b.Grow(size + len(data))
	for b.Len() == 0 || b.Len()+len(data)/2 < size {
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
