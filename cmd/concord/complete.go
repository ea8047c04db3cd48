package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/pflag"
)

// flagSets holds the flag set each command made last, so that completion
// can read a command's flags from the command itself (it asks for its help).
var flagSets sync.Map // command name → *pflag.FlagSet

// valuesKey annotates a flag with the values it takes, for completion.
const valuesKey = "concord-values"

// values annotates the flag name of fs with the values it takes.
func values(fs *pflag.FlagSet, name string, vs ...string) {
	fs.SetAnnotation(name, valuesKey, vs)
}

// flagsOf returns the flags of a command, as it declares them.
func flagsOf(c command) *pflag.FlagSet {
	c.run([]string{"--help"}, io.Discard, io.Discard)
	fs, _ := flagSets.Load(c.name)
	if fs == nil {
		return pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	}
	return fs.(*pflag.FlagSet)
}

// complete prints the completions of the last word of words (the words
// after "concord", the last one being typed), one a line: command names,
// a command's flags, or a flag's values. It prints nothing where a file
// name is wanted: the shell completes those.
func complete(words []string, stdout io.Writer) {
	if len(words) == 0 {
		words = []string{""}
	}
	cur := words[len(words)-1]
	if len(words) == 1 {
		for _, c := range commands {
			fmt.Fprintln(stdout, c.name)
		}
		fmt.Fprintln(stdout, "--help\n--version")
		return
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == words[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		return
	}
	fs := flagsOf(*cmd)
	prev := words[len(words)-2]
	if name, ok := strings.CutPrefix(prev, "--"); ok && !strings.Contains(name, "=") {
		if f := fs.Lookup(name); f != nil && f.Value.Type() != "bool" {
			for _, v := range f.Annotations[valuesKey] {
				fmt.Fprintln(stdout, v)
			}
			return
		}
	}
	if strings.HasPrefix(cur, "-") {
		fs.VisitAll(func(f *pflag.Flag) {
			fmt.Fprintln(stdout, "--"+f.Name)
		})
	}
}

// completionScript returns the shell function that asks concord
// __complete for completions (help/complete.SHELL); where it prints none,
// the shell completes file names.
func completionScript(shell string) (string, bool) {
	b, err := helpFiles.ReadFile("help/complete." + shell)
	return string(b), err == nil
}

var completionUsage = help("completion", "")

func runCompletion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("completion", completionUsage, stdout)
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	script, ok := completionScript(fs.Arg(0))
	if fs.NArg() != 1 || !ok {
		return fail(stderr, "completion", fmt.Errorf("want one shell: bash, zsh or fish"))
	}
	fmt.Fprint(stdout, script)
	return exitOK
}

// version describes this build of concord: the module version (devel for
// a build from a checkout), the revision it was built from, and Go's.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "concord (unknown build)"
	}
	v := "concord " + bi.Main.Version
	var rev, when, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (revision %.12s, %s%s)", rev, when, dirty)
	}
	return v + ", " + bi.GoVersion
}
