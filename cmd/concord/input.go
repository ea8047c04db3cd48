package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"concord/align"
	"concord/corpora"
	"concord/corpora/input"
	"concord/corpora/out"
	"concord/segment"
	"concord/segment/langtag"
)

// inputFlags are the flags of every command that reads documents.
type inputFlags struct {
	lang     string
	encoding string
	marks    string
	list     bool                // --lang takes one language per file
	mem      corpora.MemoryLimit // the command's memory limit; zero: corpora.MemoryDefault
}

// register adds --lang, --encoding and --marks; with list, --lang names one
// language per file.
func (f *inputFlags) register(fs *pflag.FlagSet, list bool) {
	f.list = list
	if list {
		fs.StringVar(&f.lang, "lang", "", "languages of the files, comma-separated (default: detect each)")
	} else {
		fs.StringVar(&f.lang, "lang", "", "document language: ar, zh, en, fr, ru or es (default: detect)")
	}
	values(fs, "lang", langtag.UN...)
	fs.StringVar(&f.encoding, "encoding", "", "text encoding: "+input.KnownEncodings+" (default: detect)")
	fs.StringVar(&f.marks, "marks", "", "extra status marks: a TSV file of language, mark, status (ad-ref or informal)")
}

// options turns the flags into load options, checked, and the languages
// of --lang as a list (nil when it names none).
func (f *inputFlags) options() (corpora.LoadOptions, []string, error) {
	opt := corpora.LoadOptions{Encoding: f.encoding}
	var langs []string
	if f.list && f.lang != "" {
		for _, l := range strings.Split(f.lang, ",") {
			langs = append(langs, strings.TrimSpace(l))
		}
		for _, l := range langs {
			if err := (corpora.LoadOptions{Lang: l}).Validate(); l != "" && err != nil {
				return opt, nil, err
			}
		}
	} else {
		opt.Lang = f.lang
	}
	if err := opt.Validate(); err != nil {
		return opt, nil, err
	}
	if f.marks != "" {
		m, err := corpora.ReadMarks(f.marks)
		if err != nil {
			return opt, nil, err
		}
		opt.Marks = m
	}
	return opt, langs, nil
}

// forFiles is options for reading the files at paths: it also checks that
// --lang names one language per file, and sets the memory limit that
// follows their size.
func (f *inputFlags) forFiles(paths []string) (corpora.LoadOptions, []string, error) {
	opt, langs, err := f.options()
	if err != nil {
		return opt, nil, err
	}
	if langs != nil && len(langs) != len(paths) {
		return opt, nil, fmt.Errorf("--lang names %d languages for %d files", len(langs), len(paths))
	}
	corpora.LimitMemory(paths, f.mem)
	return opt, langs, nil
}

// load reads the documents at paths ("" is the embedded draft) and prints
// their warnings on stderr.
func (f *inputFlags) load(paths []string, stderr io.Writer) ([]*segment.Document, error) {
	opt, langs, err := f.forFiles(paths)
	if err != nil {
		return nil, err
	}
	docs, err := corpora.LoadFiles(paths, langs, opt)
	if err != nil {
		return nil, err
	}
	warn(stderr, docs...)
	return docs, nil
}

// warnPerKind is how many warnings of one kind are printed per document;
// the others are counted in one line.
const warnPerKind = 5

// warn prints the documents' warnings on stderr.
func warn(stderr io.Writer, docs ...*segment.Document) {
	for _, l := range warnings(docs...) {
		fmt.Fprintf(stderr, "warning: %s\n", l)
	}
}

// warnings are the documents' warnings as lines for a terminal: at most
// warnPerKind of each kind, then a count of the others, control
// characters escaped.
func warnings(docs ...*segment.Document) []string {
	var lines []string
	for _, d := range docs {
		kept, more := segment.CapWarnings(d.Warnings, warnPerKind)
		for _, w := range kept {
			lines = append(lines, out.Terminal(w.String()))
		}
		for _, m := range more {
			lines = append(lines, out.Terminal(fmt.Sprintf("%s: %d more warnings like %q", m.File, m.Count, m.Kind)))
		}
	}
	return lines
}

// withDefault applies the one-FILE convention of the commands that compare
// versions: with one FILE (and unless alone), the embedded L.15 draft comes
// first; with none, it stands alone. It says on stderr when the draft
// stands in.
func withDefault(cmd string, args []string, alone bool, stderr io.Writer) []string {
	switch {
	case len(args) == 1 && !alone:
		fmt.Fprintf(stderr, "concord %s: the embedded L.15 draft (%s) comes first, %s second; give two files to compare others\n",
			cmd, corpora.DefaultName, args[0])
		return append([]string{""}, args...)
	case len(args) == 0:
		fmt.Fprintf(stderr, "concord %s: no FILE: reading the embedded L.15 draft (%s)\n", cmd, corpora.DefaultName)
		return []string{""}
	}
	return args
}

// alignVersions aligns documents meant to be language versions of one
// text, as the library would for the command, and warns when they look
// otherwise; one document needs no alignment (nil).
func alignVersions(cmd string, docs []*segment.Document, stderr io.Writer) *align.Alignment {
	if len(docs) < 2 {
		return nil
	}
	a := align.Align(docs, align.Options{})
	warnVersions(cmd, a, stderr)
	return a
}

// warnVersions warns on stderr when documents that should be language
// versions of one text look otherwise: two in one language, or an
// alignment whose versions agree on few sentences of the units they share
// (see align.Alignment.Agreement).
func warnVersions(cmd string, a *align.Alignment, stderr io.Writer) {
	for v := 1; v < len(a.Langs); v++ {
		if a.Langs[v] == a.Langs[0] {
			fmt.Fprintf(stderr, "warning: %s and %s are both in %s: concord %s expects language versions of one text\n",
				a.Names[0], a.Names[v], a.Langs[0], cmd)
		}
	}
	if agreed, total := a.Agreement(); total >= 20 && agreed*10 < total*6 {
		fmt.Fprintf(stderr, "warning: the versions agree on %d%% of the sentences of the units they share (language versions of one text agree on over 90%%): are %s versions of one text?\n",
			agreed*100/total, strings.Join(a.Names, ", "))
	}
}

// formatFlags are --format and -o, whose extension chooses the format when
// --format is not given.
type formatFlags struct {
	format, output string
}

func (f *formatFlags) register(fs *pflag.FlagSet, names []string) {
	fs.StringVar(&f.format, "format", "", fmt.Sprintf("output format: %s (default: from -o's extension, else %s)", orList(names), names[0]))
	values(fs, "format", names...)
	fs.StringVarP(&f.output, "output", "o", "", "write to this file instead of standard output (- is standard output)")
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
