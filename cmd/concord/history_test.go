package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// historyFixtures writes three revisions of a small draft: an article
// inserted (the next one renumbered), a status mark added, a rewording.
func historyFixtures(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	texts := []string{
		"第1条. 宗旨\n\n本公约的宗旨是促进合作。\n\n第2条. 术语\n\n“数据”系指任何表述。\n",
		"第1条. 宗旨[暂定]\n\n本公约的宗旨是促进合作。\n\n第2条. 范围\n\n本公约适用于犯罪。\n\n第3条. 术语\n\n“数据”系指任何表述。\n",
		"第1条. 宗旨[暂定]\n\n本公约的宗旨是促进和加强合作。\n\n第2条. 范围\n\n本公约适用于犯罪。\n\n第3条. 术语[暂定]\n\n“数据”系指任何表述。\n",
	}
	t.Chdir(dir) // short names in the outputs
	var paths []string
	for i, s := range texts {
		p := "r" + string(rune('1'+i)) + ".txt"
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestHistoryGolden(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	paths := historyFixtures(t)
	outs := map[string]string{}
	for _, format := range []string{"text", "md", "html", "csv", "json"} {
		args := append(append([]string{"history"}, paths...), "--format", format, "--redline")
		out, errs, code := runConcord(t, args...)
		if code != exitOK || errs != "" {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		outs[format] = out
	}
	csvOut, _, _ := runConcord(t, append(append([]string{"history"}, paths...), "--format", "csv")...)
	js, _, _ := runConcord(t, append(append([]string{"history"}, paths...), "--format", "json")...)
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ golden, format string }{
		{"history.txt.golden", "text"},
		{"history.md.golden", "md"},
		{"history.html.golden", "html"},
		{"history.csv.golden", "csv"},
		{"history.json.golden", "json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			goldenDiff(t, tc.golden, outs[tc.format])
		})
	}
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// art.1 of r1 is art.1 in every revision; art.2 of r1 became art.3
	want := map[string]string{}
	for _, r := range rows[1:] {
		want[r[0]+" r"+r[2]] = r[5] + " " + r[7] + " " + r[8] + " " + r[9]
	}
	for k, v := range map[string]string{
		"art.1 r2":   "art.1 ad-ref changed false", // status only
		"art.1 r3":   "art.1 ad-ref changed true",
		"art.2 r2":   "art.3  renumbered false",
		"art.2 r3":   "art.3 ad-ref changed false",
		"art.2@2 r2": "art.2  added false",
	} {
		if want[k] != v {
			t.Errorf("%s: %q, want %q", k, want[k], v)
		}
	}
	var doc struct {
		Revisions []struct {
			Status map[string]int
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Revisions) != 3 || doc.Revisions[2].Status["ad-ref"] != 2 {
		t.Errorf("revisions %+v", doc.Revisions)
	}
}

func TestHistoryUsage(t *testing.T) {
	out, _, code := runConcord(t, "history", "--help")
	if code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "--redline") || !strings.Contains(out, "csv") {
		t.Errorf("exit %d: %s", code, out)
	}
	if _, errs, code := runConcord(t, "history", "one.txt"); code != exitTrouble || !strings.Contains(errs, "two revisions or more") {
		t.Errorf("one file: exit %d, %q", code, errs)
	}
	main, _, _ := runConcord(t, "--help")
	if !strings.Contains(main, "history") {
		t.Error("the command table lacks history")
	}
}
