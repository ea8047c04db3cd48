package align

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"concord/align/internal/model1"
)

// This file saves and loads a SentLexicon, so that a lexicon learned once
// from a collection (LearnSentLexicon) can serve later alignments.
//
// The format is UTF-8 text, one record a line, fields separated by tabs:
//
//	concord-sentlexicon	1
//	langs	SRC	TGT
//	prior	P1	…	P12          probabilities of the bead shapes 1-1, 1-0, 0-1, 1-2,
//	                             2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1
//	s	TOKEN	INVBG            a source token (ids 0, 1, … in the order of the lines)
//	t	TOKEN	INVBG            a target token, likewise
//	f	SRCID	TGTID	P        t(target token | source token)
//	b	TGTID	SRCID	P        t(source token | target token)
//
// INVBG is the inverse of the token's unigram probability in the
// collection. Tokens are the aligner's lexicon keys (sentLexKey: lower-cased
// words cut to five letters, Han characters) and never hold a tab or a line
// break. Lines starting with # are comments.

// WriteTo writes the lexicon in the format above.
func (L *SentLexicon) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	put := func(fields ...string) {
		k, _ := bw.WriteString(strings.Join(fields, "\t") + "\n")
		n += int64(k)
	}
	f32 := func(v float32) string { return strconv.FormatFloat(float64(v), 'g', -1, 32) }
	put("concord-sentlexicon", "1")
	put("langs", L.srcLang, L.tgtLang)
	prior := []string{"prior"}
	for _, p := range L.prior {
		prior = append(prior, strconv.FormatFloat(p, 'g', -1, 64))
	}
	put(prior...)
	for _, side := range []struct {
		tag   string
		ids   map[string]int32
		invBg []float32
	}{{"s", L.srcIDs, L.invBgS}, {"t", L.tgtIDs, L.invBgT}} {
		toks := make([]string, len(side.ids))
		for tok, id := range side.ids {
			if strings.ContainsAny(tok, "\t\n\r") {
				return n, fmt.Errorf("align: lexicon token %q holds a tab or line break", tok)
			}
			toks[id] = tok
		}
		for id, tok := range toks {
			put(side.tag, tok, f32(side.invBg[id]))
		}
	}
	for x, es := range L.fwd {
		for _, e := range es {
			put("f", strconv.Itoa(x), strconv.Itoa(int(e.ID)), f32(e.P))
		}
	}
	for x, zs := range L.bwd {
		for _, z := range zs {
			put("b", strconv.Itoa(x), strconv.Itoa(int(z.ID)), f32(z.P))
		}
	}
	return n, bw.Flush()
}

// ReadSentLexicon reads a lexicon written by WriteTo.
func ReadSentLexicon(r io.Reader) (*SentLexicon, error) {
	L := &SentLexicon{srcIDs: map[string]int32{}, tgtIDs: map[string]int32{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	bad := func(format string, a ...any) error {
		return fmt.Errorf("align: lexicon line %d: %s", line, fmt.Sprintf(format, a...))
	}
	num := func(s string) (float32, error) {
		v, err := strconv.ParseFloat(s, 32)
		if err != nil || math.IsNaN(v) || v < 0 || math.IsInf(v, 0) {
			return 0, bad("bad number %q", s)
		}
		return float32(v), nil
	}
	var pairs [][]string // f and b records, resolved once all tokens are known
	header := false
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if !header {
			if len(f) != 2 || f[0] != "concord-sentlexicon" || f[1] != "1" {
				return nil, bad("not a concord-sentlexicon 1 file")
			}
			header = true
			continue
		}
		switch f[0] {
		case "langs":
			if len(f) != 3 {
				return nil, bad("langs needs two languages")
			}
			L.srcLang, L.tgtLang = f[1], f[2]
		case "prior":
			if len(f) != len(sentTypes)+1 {
				return nil, bad("prior needs %d probabilities", len(sentTypes))
			}
			for _, s := range f[1:] {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil || !(v > 0 && v <= 1) {
					return nil, bad("bad probability %q", s)
				}
				L.prior = append(L.prior, v)
			}
		case "s", "t":
			if len(f) != 3 {
				return nil, bad("%s needs a token and a number", f[0])
			}
			v, err := num(f[2])
			if err != nil {
				return nil, err
			}
			ids, inv := L.srcIDs, &L.invBgS
			if f[0] == "t" {
				ids, inv = L.tgtIDs, &L.invBgT
			}
			if _, dup := ids[f[1]]; dup {
				return nil, bad("token %q listed twice", f[1])
			}
			ids[f[1]] = int32(len(*inv))
			*inv = append(*inv, v)
		case "f", "b":
			if len(f) != 4 {
				return nil, bad("%s needs two ids and a probability", f[0])
			}
			pairs = append(pairs, append(f, strconv.Itoa(line)))
		default:
			return nil, bad("unknown record %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("align: lexicon: %w", err)
	}
	if !header || L.srcLang == "" || L.tgtLang == "" {
		return nil, fmt.Errorf("align: lexicon: no header or no languages")
	}
	if L.prior == nil {
		L.prior = append([]float64(nil), sentPrior0...)
	}
	L.fwd = make([][]model1.Entry, len(L.invBgS))
	L.bwd = make([][]model1.Entry, len(L.invBgT))
	for _, f := range pairs {
		line, _ = strconv.Atoi(f[4])
		nx, ny := len(L.invBgS), len(L.invBgT)
		if f[0] == "b" {
			nx, ny = ny, nx
		}
		x, err1 := strconv.Atoi(f[1])
		y, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || x < 0 || x >= nx || y < 0 || y >= ny {
			return nil, bad("token ids out of range")
		}
		p, err := num(f[3])
		if err != nil {
			return nil, err
		}
		if f[0] == "f" {
			L.fwd[x] = append(L.fwd[x], model1.Entry{ID: int32(y), P: p})
		} else {
			L.bwd[x] = append(L.bwd[x], model1.Entry{ID: int32(y), P: p})
		}
	}
	return L, nil
}
