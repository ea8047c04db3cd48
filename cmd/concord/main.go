package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"concord/corpora/out"
	"concord/corpora/out/alignout"
	"concord/corpora/out/checkout"
	"concord/corpora/out/diffout"
	"concord/corpora/out/historyout"
	"concord/corpora/out/kwicout"
	"concord/corpora/out/parseout"
	"concord/corpora/out/segmentout"
	"concord/corpora/out/termsout"
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
		withFormats("parse", "parse a draft into its addressed document tree", parseout.Formats, runParse),
		withFormats("diff", "compare two revisions of a draft", diffout.Formats, runDiff),
		withFormats("history", "follow a draft through a series of revisions", historyout.Formats, runHistory),
		withFormats("segment", "cut a draft into sentences, clauses or words", segmentout.Formats, runSegment),
		withFormats("align", "align language versions unit by unit and sentence by sentence", alignout.Formats, runAlign),
		withFormats("review", "turn a reviewed alignment (xlsx or TSV) into a translation memory", alignout.Formats, runReview),
		withFormats("terms", "build a glossary: defined terms, term candidates and pairs", termsout.Formats, runTerms),
		withFormats("kwic", "a bilingual concordance of a term, with aligned sentences", kwicout.Formats, runKWIC),
		withFormats("check", "check the consistency of the language versions", checkout.Formats, runCheck),
		{"completion", "print a shell completion script (bash, zsh, fish)", runCompletion},
	}
}

// withFormats makes the command name that writes its result in the formats
// of r: run gets the invocation, its flag set made.
func withFormats[T, O any](name, summary string, r *out.Registry[T, O], run func(c *invocation[T, O], args []string) int) command {
	return command{name, summary, func(args []string, stdout, stderr io.Writer) int {
		return run(newInvocation(name, r, stdout, stderr), args)
	}}
}

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
	fmt.Fprintf(w, help("main", ""), list)
}

// helpFiles hold the usage texts of the commands, help/NAME.txt, and the
// batch part of those that have one, help/NAME.batch.txt.
//
//go:embed help
var helpFiles embed.FS

// help returns the usage text of a command: help/NAME.txt with its formats
// in place of {{formats}} and its batch part in place of {{batch}}.
func help(name, formats string) string {
	text, err := helpFiles.ReadFile("help/" + name + ".txt")
	if err != nil {
		panic(err) // the help files are embedded: a missing one is a build mistake
	}
	s := strings.ReplaceAll(string(text), "{{formats}}", formats)
	if batch, err := helpFiles.ReadFile("help/" + name + ".batch.txt"); err == nil {
		s = strings.ReplaceAll(s, "{{batch}}", "\n"+string(batch))
	}
	return s
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

// invocation is one run of a command that writes a result of type T with
// the writers' options O: the command's name and flags (among them the
// input and format flags, which each command adds where its --help lists
// them), the registry of its formats, the format chosen, its batch mode if
// it has one, and where it writes.
type invocation[T, O any] struct {
	name           string
	fs             *pflag.FlagSet
	in             inputFlags
	of             formatFlags
	formats        *out.Registry[T, O]
	format         out.Format[T, O] // set by chooseFormat
	batch          *batchFlags      // nil: no batch mode
	runBatch       func(*batchFlags) int
	stdout, stderr io.Writer
}

// newInvocation starts a run of the command name, whose --help is
// help/NAME.txt with the formats of r.
func newInvocation[T, O any](name string, r *out.Registry[T, O], stdout, stderr io.Writer) *invocation[T, O] {
	fs := newFlags(name, help(name, r.Help()), stdout)
	return &invocation[T, O]{name: name, fs: fs, formats: r, stdout: stdout, stderr: stderr}
}

// formatFlags adds --format and -o.
func (c *invocation[T, O]) formatFlags() { c.of.register(c.fs, c.formats.Names()) }

// batchMode adds the batch flags (--batch-dir too if dir) and run, the
// command in batch mode, which parse runs when they ask for it.
func (c *invocation[T, O]) batchMode(dir bool, run func(*batchFlags) int) {
	c.batch, c.runBatch = &batchFlags{}, run
	c.batch.register(c.fs, dir)
}

// parse parses args; done reports that the command has nothing more to
// do, code its exit status then: after --help, a usage error, or batch
// mode, which it runs. Batch-only flags without --batch (or --batch-dir)
// are a usage error.
func (c *invocation[T, O]) parse(args []string) (done bool, code int) {
	if ok, code := parseFlags(c.fs, args, c.stderr); !ok {
		return true, code
	}
	var err error
	switch b := c.batch; {
	case b == nil:
	case b.on():
		if err = b.check(c.fs.Args()); err == nil {
			return true, c.runBatch(b)
		}
	default:
		err = b.standalone(c.fs)
	}
	if err != nil {
		return true, c.fail(err)
	}
	return false, exitOK
}

// chooseFormat chooses the output format from --format and -o.
func (c *invocation[T, O]) chooseFormat() (err error) {
	c.format, err = c.formats.Choose(c.of.format, c.of.output)
	return err
}

// write writes v in the chosen format to -o, or to stdout when -o is
// not given or is -.
func (c *invocation[T, O]) write(v T, opt O) error {
	if c.of.output == "" || c.of.output == "-" {
		return c.format.Write(c.stdout, v, opt)
	}
	return createFile(c.of.output, func(w io.Writer) error { return c.format.Write(w, v, opt) })
}

// fail prints err as the command's error and returns the trouble status.
func (c *invocation[T, O]) fail(err error) int { return fail(c.stderr, c.name, err) }

// fail prints an error for a command and returns the trouble status.
func fail(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "concord %s: %s\n", cmd, out.Terminal(err.Error()))
	return exitTrouble
}
