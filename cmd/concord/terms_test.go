package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

// The fixtures of the terms, kwic and check commands, and their goldens
// (testdata/terms/golden, rewritten with -update).
const (
	termsZh = "../../testdata/terms/check.zh.txt"
	termsEn = "../../testdata/terms/check.en.txt"
)

func termsGolden(t *testing.T, name, got string) {
	t.Helper()
	golden(t, filepath.Join("..", "terms", "golden", name), got)
}

func TestTermsGolden(t *testing.T) {
	for _, format := range []string{"json", "csv", "tbx"} {
		out, errs, code := runConcord(t, "terms", termsZh, termsEn, "--max", "5", "--format", format)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		termsGolden(t, "terms."+format, out)
		if !strings.Contains(errs, "concord terms: 5 defined terms") || !strings.Contains(errs, `issue: form: defined term "信息和通信技术系统" (art.1.d) also used as "信息 and 通信技术系统" at art.3`) {
			t.Errorf("stderr: %s", errs)
		}
		again, _, _ := runConcord(t, "terms", termsZh, termsEn, "--max", "5", "--format", format)
		if again != out {
			t.Errorf("%s: output differs between two runs", format)
		}
	}
}

func TestTermsJSONContract(t *testing.T) {
	out, errs, code := runConcord(t, "terms", termsZh, termsEn, "--max", "0", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var entries []struct {
		Terms       map[string]string `json:"terms"`
		Kind        string            `json:"kind"`
		Addr        string            `json:"addr"`
		Definition  map[string]string `json:"definition"`
		Score       float64           `json:"score"`
		Freq        int               `json:"freq"`
		Occurrences []string          `json:"occurrences"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 5 {
		t.Fatalf("%d entries, want 5 defined terms", len(entries))
	}
	k := entries[2]
	if k.Kind != "defined" || k.Addr != "art.1.c" || k.Terms["zh"] != "冻结" || k.Terms["en"] != "Freezing" || k.Definition["en"] == "" {
		t.Errorf("entry %+v", k)
	}
	if entries[3].Terms["zh"] != "扣押" || entries[3].Terms["en"] != "seizure" || entries[3].Addr != "art.1.c" {
		t.Errorf("second term of (c): %+v", entries[3])
	}
}

func TestTermsPresplit(t *testing.T) {
	dir := t.TempDir()
	var zh, en []string
	for i := range 12 {
		v := [][2]string{{"通过了决议", "adopted a resolution"}, {"举行了会议", "held a meeting"}, {"审议了报告", "considered the report"}}[i%3]
		if i%2 == 0 {
			zh, en = append(zh, "安全理事会"+v[0]+"。"), append(en, "The Security Council "+v[1]+".")
		} else {
			zh, en = append(zh, "大会"+v[0]+"。"), append(en, "The General Assembly "+v[1]+".")
		}
	}
	pz, pe := filepath.Join(dir, "a.zh"), filepath.Join(dir, "a.en")
	os.WriteFile(pz, []byte(strings.Join(zh, "\n")+"\n"), 0o644)
	os.WriteFile(pe, []byte(strings.Join(en, "\n")+"\n"), 0o644)
	out, errs, code := runConcord(t, "terms", "--presplit", pz, pe, "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "candidate,line.1,安全理事会,Security Council,") || !strings.Contains(out, "大会,General Assembly") {
		t.Errorf("csv:\n%s", out)
	}
	os.WriteFile(pe, []byte("one line\n"), 0o644)
	if _, errs, code := runConcord(t, "terms", "--presplit", pz, pe); code != exitTrouble || !strings.Contains(errs, "parallel files need as many lines") {
		t.Errorf("uneven files: exit %d: %s", code, errs)
	}
}

func TestTermsBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"terms", termsZh, "--format", "xml"},
		{"terms", termsZh, termsEn, "--lang", "zh"},
		{"terms", "no-such-file.txt"},
		{"terms", "--presplit"},
		{"kwic"},
		{"kwic", "电子数据", termsZh, "--format", "html"},
		{"check", termsZh, termsEn, "--ignore", "spelling"},
		{"check", termsZh, termsEn, "--format", "pdf"},
	} {
		if _, errs, code := runConcord(t, args...); code != exitTrouble || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
	for _, cmd := range []string{"terms", "kwic", "check"} {
		out, _, code := runConcord(t, cmd, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: concord "+cmd) || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, out)
		}
	}
}

// validateTBX checks a TBX file with both validators (see testenv).
func validateTBX(t *testing.T, path string) {
	t.Helper()
	testenv.ValidateTBX(t, path)
}

// TestTermsL15Arabic: concord terms on the L.15 draft and the Arabic
// articles 1–15 gives the 15 defined terms of article 2 in both languages,
// and a TBX that passes the TBX core schema and the TBX-Basic schematron.
func TestTermsL15Arabic(t *testing.T) {
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	path := filepath.Join(t.TempDir(), "l15.tbx")
	if _, errs, code := runConcord(t, "terms", ar, "-o", path); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"} {
		if !strings.Contains(string(data), `<conceptEntry id="def-art.2.`+id+`">`) {
			t.Errorf("no concept for art.2.%s", id)
		}
	}
	for _, term := range []string{"<term>冻结</term>", "<term>扣押</term>", "<term>التجميد</term>", "<term>الحجز</term>",
		"<term>信息和通信技术系统</term>", "<term>نظام تكنولوجيا المعلومات والاتصالات</term>"} {
		if !strings.Contains(string(data), term) {
			t.Errorf("%s missing", term)
		}
	}
	validateTBX(t, path)
	out, _, _ := runConcord(t, "terms", ar, "--format", "json", "--max", "0")
	var entries []struct {
		Terms map[string]string `json:"terms"`
		Addr  string            `json:"addr"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 16 {
		t.Errorf("%d entries, want 16 (15 definitions, two terms in (k))", len(entries))
	}
	for _, e := range entries {
		if e.Terms["zh"] == "" || e.Terms["ar"] == "" || !strings.HasPrefix(e.Addr, "art.2.") {
			t.Errorf("entry %+v", e)
		}
	}
}

// TestTermsAll: --all keeps the pairs below the confidence threshold,
// each with its confidence.
func TestTermsAll(t *testing.T) {
	def, _, _ := runConcord(t, "terms", termsZh, termsEn, "--format", "csv")
	all, _, code := runConcord(t, "terms", termsZh, termsEn, "--format", "csv", "--all")
	if code != exitOK || strings.Count(all, "\ncandidate,") <= strings.Count(def, "\ncandidate,") {
		t.Errorf("--all: exit %d, %d candidates, default %d", code, strings.Count(all, "\ncandidate,"), strings.Count(def, "\ncandidate,"))
	}
}
