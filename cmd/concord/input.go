package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"concord/corpora"
	"concord/segment"
)

// inputFlags are the flags every command that reads documents shares.
type inputFlags struct {
	lang     string
	encoding string
	marks    string
}

func (f *inputFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.lang, "lang", "", "document language: ar, zh, en, fr, ru or es (default: detect)")
	f.registerText(fs)
}

// registerText registers the flags other than --lang, for commands whose
// --lang takes a list.
func (f *inputFlags) registerText(fs *pflag.FlagSet) {
	fs.StringVar(&f.encoding, "encoding", "", "text encoding: utf-8, utf-16, gb18030, gbk or big5 (default: detect)")
	fs.StringVar(&f.marks, "marks", "", "extra status marks: a TSV file of language, mark, status (ad-ref or informal)")
}

// options turns the flags into load options; lang overrides --lang for one
// file when the command takes a list of languages.
func (f *inputFlags) options(lang string) (corpora.LoadOptions, error) {
	opt := corpora.LoadOptions{Lang: f.lang, Encoding: f.encoding}
	if lang != "" {
		opt.Lang = lang
	}
	if opt.Lang != "" && !validLang(opt.Lang) {
		return opt, fmt.Errorf("unknown language %q: want one of %s", opt.Lang, strings.Join(segment.Langs, ", "))
	}
	if f.encoding != "" {
		if _, ok := corpora.CanonicalEncoding(f.encoding); !ok {
			return opt, fmt.Errorf("unknown encoding %q: want utf-8, utf-16, utf-16le, utf-16be, gb18030, gbk or big5", f.encoding)
		}
	}
	if f.marks != "" {
		file, err := os.Open(f.marks)
		if err != nil {
			return opt, err
		}
		defer file.Close()
		opt.Marks = segment.DefaultMarks()
		if err := opt.Marks.Load(file); err != nil {
			return opt, fmt.Errorf("%s: %v", f.marks, err)
		}
	}
	return opt, nil
}

func validLang(l string) bool {
	for _, x := range segment.Langs {
		if x == l {
			return true
		}
	}
	return false
}

// load reads one document; path "" is the embedded default.
func (f *inputFlags) load(path, lang string) (*segment.Document, error) {
	opt, err := f.options(lang)
	if err != nil {
		return nil, err
	}
	return corpora.LoadFile(path, opt)
}

// loadRevisions reads a file with tracked changes (docx, odt, html) as two
// documents: its text before the changes and after them.
func (f *inputFlags) loadRevisions(path string) (before, after *segment.Document, err error) {
	opt, err := f.options("")
	if err != nil {
		return nil, nil, err
	}
	oldText, newText, err := corpora.ReadRevisionsFile(path)
	if err != nil {
		return nil, nil, err
	}
	parse := func(name, text string) (*segment.Document, error) {
		d, err := segment.Parse(name, text, segment.Options{Lang: opt.Lang, Marks: opt.Marks})
		if err != nil {
			return nil, &corpora.InputError{File: name, Reason: err.Error()}
		}
		return d, nil
	}
	if before, err = parse(path+" (before the tracked changes)", oldText); err != nil {
		return nil, nil, err
	}
	after, err = parse(path+" (after)", newText)
	return before, after, err
}
