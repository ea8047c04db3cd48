package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"concord/align"
	"concord/segment/pieces"
	"concord/segment/words"
)

const segmentUsage = `Usage: concord segment [FILE] [flags]

Cut every unit of a draft into sentences, clauses, or clauses with their
words (Chinese by gse words with a treaty dictionary, other languages by
Unicode word boundaries). Each piece carries its unit's address and its
byte offsets into the unit's field; the pieces of a field cover it exactly.
With no FILE, segment the embedded L.15 draft. A text with no numbering at
all is a valid document: each blank-line-separated block is a paragraph p.N.

Formats:
  tsv   addr<TAB>n<TAB>text, n the 1-based piece within its unit; at word
        level the text column holds the words separated by single spaces
  json  [{"addr", "n", "field", "text", "start", "end", "tokens"}]

The Chinese treaty dictionary has a curated list of UN treaty terms (缔约国,
服务提供商, 订户信息…) and the terms the document itself defines (“…”系指);
--no-treaty-dict leaves both out, --userdict adds your own (one term a line,
optionally followed by a frequency).

Examples:
  concord segment --level word
  concord segment draft.txt --level clause --format json
  concord segment law.txt --level word --userdict terms.txt
`

func runSegment(args []string, stdout, stderr io.Writer) int {
	var in inputFlags
	fs := newFlags("segment", segmentUsage, stdout)
	level := fs.String("level", "sentence", "piece size: sentence, clause or word")
	format := fs.String("format", "tsv", "output format: tsv or json")
	in.register(fs)
	userdict := fs.String("userdict", "", "extra dictionary for Chinese words: one term a line, optional frequency")
	noTreaty := fs.Bool("no-treaty-dict", false, "leave out the treaty terms and the document's defined terms")
	jobs := fs.Int("jobs", 0, "goroutines for word segmentation (default: all CPUs)")
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return fail(stderr, "segment", fmt.Errorf("one FILE at most, got %d", fs.NArg()))
	}
	lv, ok := pieces.ParseLevel(*level)
	if !ok {
		return fail(stderr, "segment", fmt.Errorf("unknown level %q: want sentence, clause or word", *level))
	}
	if *format != "tsv" && *format != "json" {
		return fail(stderr, "segment", fmt.Errorf("unknown format %q: want tsv or json", *format))
	}
	d, err := in.load(fs.Arg(0), "")
	if err != nil {
		return fail(stderr, "segment", err)
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	opt := pieces.Options{Level: lv, Workers: *jobs}
	if lv == pieces.Word {
		wo := words.Options{UserDict: *userdict, NoTreatyDict: *noTreaty}
		if !*noTreaty {
			for _, df := range align.Definitions(d) {
				wo.Terms = append(wo.Terms, df.Terms...)
			}
		}
		seg, err := words.New(wo)
		if err != nil {
			return fail(stderr, "segment", err)
		}
		opt.Words = seg
	}
	ps := pieces.Split(d, opt)
	if *format == "json" {
		err = writePiecesJSON(stdout, ps, lv == pieces.Word)
	} else {
		err = writePiecesTSV(stdout, ps, lv == pieces.Word)
	}
	if err != nil {
		return fail(stderr, "segment", err)
	}
	return exitOK
}

// oneLine makes text fit a TSV cell: tabs and line breaks become spaces.
var oneLine = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

func writePiecesTSV(w io.Writer, ps []pieces.Piece, wordLevel bool) error {
	bw := bufio.NewWriter(w)
	for _, p := range ps {
		text := strings.TrimSpace(oneLine.Replace(p.Text))
		if wordLevel {
			toks := make([]string, len(p.Tokens))
			for i, t := range p.Tokens {
				toks[i] = oneLine.Replace(t.Text)
			}
			text = strings.Join(toks, " ")
		}
		fmt.Fprintf(bw, "%s\t%d\t%s\n", p.Addr, p.N, text)
	}
	return bw.Flush()
}

type pieceJSON struct {
	Addr   string   `json:"addr"`
	N      int      `json:"n"`
	Field  string   `json:"field"`
	Text   string   `json:"text"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Tokens []string `json:"tokens,omitempty"`
}

func writePiecesJSON(w io.Writer, ps []pieces.Piece, wordLevel bool) error {
	out := make([]pieceJSON, 0, len(ps))
	for _, p := range ps {
		pj := pieceJSON{Addr: p.Addr, N: p.N, Field: string(p.Field), Text: p.Text, Start: p.Start, End: p.End}
		if wordLevel {
			pj.Tokens = make([]string, len(p.Tokens))
			for i, t := range p.Tokens {
				pj.Tokens[i] = t.Text
			}
		}
		out = append(out, pj)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
