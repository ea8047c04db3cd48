package main

import (
	"encoding/json"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// rule is one row of the README's architecture table: the packages it
// covers and the packages of concord they may import.
type rule struct {
	pkg   string   // a package, or a path.Match pattern
	allow []string // packages; "X…" is X and everything below it
}

// readRules reads the table under "## Architecture" in README.md.
func readRules(t *testing.T) []rule {
	t.Helper()
	var rules []rule
	in := false
	for _, line := range readmeLines(t) {
		if strings.HasPrefix(line, "## ") {
			in = line == "## Architecture"
			continue
		}
		if !in || !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 3 {
			t.Fatalf("architecture table: want 3 cells: %s", line)
		}
		r := rule{pkg: strings.Trim(strings.TrimSpace(cells[0]), "`")}
		for _, a := range strings.Split(cells[2], ",") {
			if a = strings.Trim(strings.TrimSpace(a), "`"); a != "—" && a != "" {
				r.allow = append(r.allow, a)
			}
		}
		rules = append(rules, r)
	}
	if len(rules) < 10 {
		t.Fatalf("README.md: %d rows in the architecture table", len(rules))
	}
	return rules
}

// allowed reports whether pattern allows the import imp.
func allowed(pattern, imp string) bool {
	if p, ok := strings.CutSuffix(pattern, "…"); ok {
		return imp == p || strings.HasPrefix(imp, p+"/")
	}
	m, _ := path.Match(pattern, imp)
	return m
}

// TestArchitecture checks every package of the module against the
// README's table: each is listed, and imports only what its row allows.
func TestArchitecture(t *testing.T) {
	rules := readRules(t)
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		n++
		name := strings.TrimPrefix(p.ImportPath, "concord/")
		var r *rule
		for i := range rules {
			if m, _ := path.Match(rules[i].pkg, name); m || rules[i].pkg == name {
				r = &rules[i]
				break
			}
		}
		if r == nil {
			t.Errorf("%s is not in the README's architecture table", name)
			continue
		}
		for _, imp := range p.Imports {
			dep, ok := strings.CutPrefix(imp, "concord/")
			if !ok {
				continue
			}
			ok = false
			for _, a := range r.allow {
				ok = ok || allowed(a, dep)
			}
			if !ok {
				t.Errorf("%s imports %s, which the architecture table does not allow (row %s)", name, dep, r.pkg)
			}
		}
	}
	if n < 20 {
		t.Errorf("go list found %d packages", n)
	}
}

// TestArchitectureRules: the table's patterns mean what the README says.
func TestArchitectureRules(t *testing.T) {
	for _, c := range []struct {
		pattern, imp string
		want         bool
	}{
		{"segment…", "segment", true}, {"segment…", "segment/words", true}, {"segment…", "segmentation", false},
		{"corpora/out…", "corpora/out/alignout", true}, {"corpora", "corpora/out", false},
		{"corpora/out/*", "corpora/out/diffout", true}, {"align", "align/diff", false},
	} {
		if got := allowed(c.pattern, c.imp); got != c.want {
			t.Errorf("allowed(%q, %q) = %v", c.pattern, c.imp, got)
		}
	}
}
