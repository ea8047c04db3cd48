// Package testenv locates the shared test corpora for concord's tests,
// and the tools and validators they run; it also sets up what a test
// needs of the process (standard input, the id of an ended process) and
// measures what it allocates.
//
// Imports: no package of concord; tests only.
package testenv
