// Command concord aligns the language versions of UN draft treaty texts,
// compares their revisions and extracts their terminology.
//
// Usage:
//
//	concord <command> [arguments]
//
// Run "concord --help" for the commands and "concord <command> --help" for
// the flags of each.
//
// It holds flags, wiring and exit codes only: what each command does is a
// library call a Go program can make as well.
//
// Imports: every package of concord but the test helpers; it is the only
// importer of corpora/out and its writers.
package main
