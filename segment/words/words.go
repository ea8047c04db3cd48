package words

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Text       string // the word as printed: Text == text[Start:End]
	Start, End int    // byte offsets into the text that was cut
}

// Options configure a Segmenter. The zero value gives gse's dictionary plus
// the built-in treaty terms.
type Options struct {
	// UserDict is the path of a dictionary file, one term per line:
	// "term [freq [pos]]", fields separated by spaces or tabs; blank lines
	// and lines starting with # are skipped. A term without a frequency
	// gets DefaultTermFreq (or its dictionary frequency, if higher); a
	// given frequency replaces the dictionary's.
	UserDict string
	// NoTreatyDict leaves out the built-in list of UN treaty terms.
	NoTreatyDict bool
	// Terms are words to keep whole, such as the terms a document defines
	// ("…"系指); each gets DefaultTermFreq, or its dictionary frequency if
	// higher.
	Terms []string
	// HMM re-cuts runs of single Han characters that no dictionary word
	// covers with gse's hidden Markov model (jieba's), as gse's
	// Cut(text, true) does with its runs (which also take punctuation).
	// Off by default: on treaty text it lowers accuracy. The model is
	// loaded into gse/hmm's globals on first use; do not load another
	// model into gse/hmm in the same program.
	HMM bool
}

// DefaultTermFreq is the frequency given to treaty terms, Options.Terms and
// user-dictionary terms listed without one: seven times that of gse's most
// frequent word (一个), so that a term wins over its own split even where a
// neighbour could form a word with its last character (缔约国有 is
// 缔约国/有, not 缔约/国有). Added words are scored against the base
// dictionary's total frequency, which they leave unchanged.
const DefaultTermFreq = 1000000

// Segmenter cuts text into words. It is immutable once New returns and safe
// for concurrent use by any number of goroutines.
type Segmenter struct {
	base  *trie
	extra *overlay // treaty terms, Options.Terms and the user dictionary; nil if none
	hmm   bool
}

// New returns a Segmenter configured by opts. It fails only if the user
// dictionary cannot be read or holds a malformed frequency.
func New(opts Options) (*Segmenter, error) {
	base, err := loadBase()
	if err != nil {
		return nil, err
	}
	s := &Segmenter{base: base, hmm: opts.HMM}
	b := newOverlayBuilder(base)
	if !opts.NoTreatyDict {
		for _, t := range treatyTerms {
			b.add(t, 0)
		}
		for _, t := range treatyNotWords {
			b.remove(t)
		}
	}
	for _, t := range opts.Terms {
		b.add(t, 0)
	}
	if opts.UserDict != "" {
		if err := b.readFile(opts.UserDict); err != nil {
			return nil, err
		}
	}
	s.extra = b.build()
	return s, nil
}

// readFile adds the terms of a user dictionary file.
func (b *overlayBuilder) readFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("words: user dictionary: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		var freq float64
		if len(fields) > 1 {
			freq, err = strconv.ParseFloat(fields[1], 64)
			if err != nil || !(freq >= 1) || freq > 1e15 {
				return fmt.Errorf("words: %s:%d: bad frequency %q", path, line, fields[1])
			}
		}
		b.add(fields[0], freq)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("words: user dictionary %s: %w", path, err)
	}
	return nil
}

// Cut splits text into words. lang is an ISO 639 code: "zh" (also "zh-Hans",
// "zh-CN", "cmn", …) selects Chinese word segmentation, any other value
// Unicode word boundaries. Whitespace is dropped, punctuation kept.
func (s *Segmenter) Cut(text, lang string) []Token {
	if text == "" {
		return nil
	}
	if IsChinese(lang) {
		return s.cutZh(text)
	}
	return cutUAX29(text)
}

// CutAll cuts every text with Cut on a pool of workers goroutines (all CPUs
// if workers <= 0) and returns the tokens in the order of texts. Clause- or
// paragraph-sized texts spread best.
func (s *Segmenter) CutAll(texts []string, lang string, workers int) [][]Token {
	out := make([][]Token, len(texts))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(texts))
	if workers <= 1 {
		for i, t := range texts {
			out[i] = s.Cut(t, lang)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(texts) {
					return
				}
				out[i] = s.Cut(texts[i], lang)
			}
		})
	}
	wg.Wait()
	return out
}

// IsChinese reports whether lang names Chinese: "zh", "cmn", "zho" or
// "chi", alone or with a subtag ("zh-Hans", "zh_CN"), in any case.
func IsChinese(lang string) bool {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	switch strings.ToLower(lang) {
	case "zh", "cmn", "zho", "chi":
		return true
	}
	return false
}

// isSpaceOnly reports whether s consists of whitespace only.
func isSpaceOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
