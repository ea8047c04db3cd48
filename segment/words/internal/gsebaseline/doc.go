// Command gsebaseline is the whole-process baseline of the performance
// section: plain gse, loading its zh_s dictionary and cutting a file line
// by line (shortest path, as concord's words are checked against), writing
// one word a line, as `concord segment --level word --format tsv` writes
// one a row. `.ci/perf` runs both under /usr/bin/time -v on the same input.
//
//	go run ./segment/words/internal/gsebaseline FILE > /dev/null
//
// Imports: no package of concord (a baseline for .ci/perf).
package main
