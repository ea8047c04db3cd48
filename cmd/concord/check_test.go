package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

func TestCheckGolden(t *testing.T) {
	for _, format := range []string{"text", "json", "md"} {
		out, errs, code := runConcord(t, "check", termsZh, termsEn, "--format", format)
		if code != exitFinding {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		termsGolden(t, "check."+format, out)
	}
}

func TestCheckExit(t *testing.T) {
	all := "missing,numbering,status,number,xref,latin,bracket,term"
	if out, errs, code := runConcord(t, "check", termsZh, termsEn, "--ignore", all); code != exitOK || out != "no findings\n" {
		t.Errorf("every kind ignored: exit %d, %q %s", code, out, errs)
	}
	out, _, code := runConcord(t, "check", termsZh, termsEn, "--ignore", "missing", "--ignore", "status,term", "--format", "json")
	var fs []struct{ Kind string }
	if err := json.Unmarshal([]byte(out), &fs); err != nil || code != exitFinding {
		t.Fatalf("exit %d: %v", code, err)
	}
	for _, f := range fs {
		if f.Kind == "missing" || f.Kind == "status" || f.Kind == "term" {
			t.Errorf("ignored kind %s reported", f.Kind)
		}
	}
}

// TestCheckL15Arabic: the L.15 draft against the Arabic articles 1–15.
func TestCheckL15Arabic(t *testing.T) {
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	out, errs, code := runConcord(t, "check", ar, "--format", "json")
	if code != exitFinding {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var fs []struct {
		Addr    string   `json:"addr"`
		Kind    string   `json:"kind"`
		Langs   []string `json:"langs"`
		Message string   `json:"message"`
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	missing := map[string]bool{}
	for _, f := range fs {
		kinds[f.Kind]++
		if f.Kind == "missing" {
			missing[f.Addr] = true
		}
	}
	for n := 16; n <= 68; n++ {
		if !missing[fmt.Sprintf("art.%d", n)] {
			t.Errorf("art.%d not reported missing", n)
		}
	}
	if kinds["status"] != 1 || kinds["latin"] != 1 || kinds["bracket"] != 1 || kinds["number"] != 0 || kinds["xref"] != 0 || kinds["numbering"] != 0 {
		t.Errorf("findings per kind: %v", kinds)
	}
	if !strings.Contains(out, `"addr": "art.58.2.b",
    "kind": "bracket"`) {
		t.Errorf("the stray [ of article 58 is not reported")
	}
}
