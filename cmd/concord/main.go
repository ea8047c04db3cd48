package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"concord/corpora/out"
)

// exit statuses, as diff(1): 0 fine, 1 findings or differences, 2 trouble.
const (
	exitOK      = 0
	exitFinding = 1
	exitTrouble = 2
)

// command is one subcommand of concord.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands []command

func init() {
	commands = []command{
		{"parse", "parse a draft into its addressed document tree", runParse},
		{"diff", "compare two revisions of a draft", runDiff},
		{"history", "follow a draft through a series of revisions", runHistory},
		{"segment", "cut a draft into sentences, clauses or words", runSegment},
		{"align", "align language versions unit by unit and sentence by sentence", runAlign},
		{"review", "turn a reviewed alignment (xlsx or TSV) into a translation memory", runReview},
		{"terms", "build a glossary: defined terms, term candidates and pairs", runTerms},
		{"kwic", "a bilingual concordance of a term, with aligned sentences", runKWIC},
		{"check", "check the consistency of the language versions", runCheck},
		{"completion", "print a shell completion script (bash, zsh, fish)", runCompletion},
	}
}

const mainUsage = `concord — language versions and revisions of UN draft treaty texts

Usage:
  concord <command> [FILE…] [flags]

Commands:
%s
With no FILE, commands read the embedded default document, the Chinese
L.15 draft of the UN convention against cybercrime (A/AC.291/L.15).
A FILE of - is standard input.

Examples:
  concord parse                      outline of the embedded L.15 draft
  concord parse draft.txt --format json
  concord parse final.ar.txt --lang ar

Run "concord <command> --help" for a command's flags, "concord --version"
for the version.
Exit status: 0 success, 1 findings or differences, 2 bad input or usage.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printMainUsage(stderr)
		return exitTrouble
	}
	switch args[0] {
	case "-h", "--help", "help":
		printMainUsage(stdout)
		return exitOK
	case "--version", "version":
		fmt.Fprintln(stdout, version())
		return exitOK
	case "__complete": // for the completion scripts
		complete(args[1:], stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "concord: unknown command %q\n", args[0])
	printMainUsage(stderr)
	return exitTrouble
}

func printMainUsage(w io.Writer) {
	list := ""
	for _, c := range commands {
		list += fmt.Sprintf("  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, mainUsage, list)
}

// newFlags makes a GNU-style flag set whose --help prints usage and
// examples to stdout.
func newFlags(name, usage string, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	flagSets.Store(name, fs)
	fs.Usage = func() {
		fmt.Fprint(stdout, usage)
		fmt.Fprintln(stdout, "\nFlags:")
		fmt.Fprint(stdout, fs.FlagUsages())
	}
	return fs
}

// parseFlags parses args; it reports whether the command should go on and,
// if not, the exit status.
func parseFlags(fs *pflag.FlagSet, args []string, stderr io.Writer) (bool, int) {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) { // pflag has printed the usage
			return false, exitOK
		}
		fmt.Fprintf(stderr, "concord %s: %s\n", fs.Name(), out.Terminal(err.Error()))
		fmt.Fprintf(stderr, "Run \"concord %s --help\" for usage.\n", fs.Name())
		return false, exitTrouble
	}
	return true, exitOK
}

// fail prints an error for a command and returns the trouble status.
func fail(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "concord %s: %s\n", cmd, out.Terminal(err.Error()))
	return exitTrouble
}
