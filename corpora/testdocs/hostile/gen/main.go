// Command gen writes one of the adversarial inputs of package hostile to
// standard output or a file, for whole-process measurements:
//
//	go run ./corpora/testdocs/hostile/gen l15 50MB > /tmp/l15x50.txt
//	/usr/bin/time -v concord parse /tmp/l15x50.txt --format json > /dev/null
//
// KIND is one of same-numbered, huge-paragraph, many-articles,
// long-inline, l15; SIZE is a number of bytes with an optional KB or MB
// suffix (powers of 1000).
//
// Imports: corpora/testdocs/hostile.
package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"concord/corpora/testdocs/hostile"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen KIND SIZE (KIND one of "+kinds()+"; SIZE like 420KB or 50MB)")
		os.Exit(2)
	}
	gen, ok := hostile.Kinds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "gen: unknown kind %q: want one of %s\n", os.Args[1], kinds())
		os.Exit(2)
	}
	size, err := parseSize(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(gen(size)); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func kinds() string {
	var ks []string
	for k := range hostile.Kinds {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}

// parseSize reads 420KB, 50MB or a plain number of bytes.
func parseSize(s string) (int, error) {
	mult := 1
	u := strings.ToUpper(s)
	switch {
	case strings.HasSuffix(u, "MB"):
		mult, u = 1000*1000, strings.TrimSuffix(u, "MB")
	case strings.HasSuffix(u, "KB"):
		mult, u = 1000, strings.TrimSuffix(u, "KB")
	}
	n, err := strconv.ParseFloat(u, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q: want a number of bytes, or one with KB or MB", s)
	}
	return int(n * float64(mult)), nil
}
