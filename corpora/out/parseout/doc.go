// Package parseout writes a parsed document — the output of concord parse:
// an indented outline for people and concord's JSON contract for programs.
// [Formats] lists them.
//
// Imports: corpora/out and segment.
package parseout
