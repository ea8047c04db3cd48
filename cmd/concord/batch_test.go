package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

// parallel sentences for small synthetic corpora
var (
	zhSents = []string{"本公约的宗旨是促进和加强各项措施。", "缔约国应当采取必要的立法措施。", "第 17 条所述的数据应当予以保存。",
		"本条第 1 款不适用于服务提供商。", "各缔约国应当相互提供司法协助。", "秘书长应当将本公约通知所有国家。"}
	enSents = []string{"The purposes of this Convention are to promote and strengthen measures.", "States Parties shall adopt the necessary legislative measures.",
		"The data referred to in article 17 shall be preserved.", "Paragraph 1 of this article shall not apply to service providers.",
		"Each State Party shall afford mutual legal assistance.", "The Secretary-General shall notify all States of this Convention."}
)

// writeSets writes n two-language document sets of one sentence a line
// into dir and a manifest with a header; it returns the manifest's path.
// Set k holds sentences k, k+1, k+2 (mod 6), so that sets differ.
func writeSets(t *testing.T, dir string, n int) string {
	t.Helper()
	var m strings.Builder
	m.WriteString("zh\ten\n")
	for k := range n {
		var zh, en strings.Builder
		for j := range 3 {
			zh.WriteString(zhSents[(k+j)%6] + "\n")
			en.WriteString(enSents[(k+j)%6] + "\n")
		}
		name := fmt.Sprintf("doc%02d", k)
		writeFile(t, filepath.Join(dir, name+".zh.txt"), zh.String())
		writeFile(t, filepath.Join(dir, name+".en.txt"), en.String())
		fmt.Fprintf(&m, "%s.zh.txt\t%s.en.txt\n", name, name)
	}
	p := filepath.Join(dir, "manifest.tsv")
	writeFile(t, p, m.String())
	return p
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsonLines decodes JSON Lines records.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if l == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, l)
		}
		recs = append(recs, r)
	}
	return recs
}

// compact is concord's indented JSON on one line.
func compact(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestBatchAlignMatchesSingle: each set's record holds what concord align
// gives for that set alone, in manifest order; --out-dir files equal the
// single command's output byte for byte.
func TestBatchAlignMatchesSingle(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 5)
	out, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "--jobs", "3", "--quiet")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d records, want 5", len(lines))
	}
	for k, line := range lines {
		name := fmt.Sprintf("doc%02d", k)
		zh, en := filepath.Join(dir, name+".zh.txt"), filepath.Join(dir, name+".en.txt")
		single, _, code := runConcord(t, "align", "--presplit", zh, en, "--format", "json")
		if code != exitOK {
			t.Fatalf("single align exit %d", code)
		}
		files, _ := json.Marshal([]string{zh, en})
		want := fmt.Sprintf(`{"set":"%s","index":%d,"files":%s,"ok":true,"alignment":%s}`, name, k, files, compact(t, single))
		if line != want {
			t.Errorf("record %d:\n got %s\nwant %s", k, line, want)
		}
	}
	od := filepath.Join(dir, "out")
	status, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "--out-dir", od, "--format", "json", "--quiet")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for k, r := range jsonLines(t, status) {
		name := fmt.Sprintf("doc%02d", k)
		if r["set"] != name || r["ok"] != true || r["output"] != filepath.Join(od, name+".json") {
			t.Errorf("status %d: %v", k, r)
		}
		single, _, _ := runConcord(t, "align", "--presplit", filepath.Join(dir, name+".zh.txt"), filepath.Join(dir, name+".en.txt"), "--format", "json")
		got, err := os.ReadFile(filepath.Join(od, name+".json"))
		if err != nil || string(got) != single {
			t.Errorf("%s.json differs from the single run (%v)", name, err)
		}
	}
}

// TestBatchDeterministic: the output does not depend on --jobs or the
// window, for every stream format.
func TestBatchDeterministic(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 12)
	for _, format := range []string{"jsonl", "tmx"} {
		var first string
		for _, jw := range [][2]string{{"1", "1"}, {"2", "0"}, {"4", "4"}, {"3", "50"}} {
			out, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "--format", format, "--jobs", jw[0], "--window", jw[1], "--quiet")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%s: --jobs %s --window %s gives other output", format, jw[0], jw[1])
			}
		}
	}
}

// TestBatchFailureIsolation: a missing file, a set with one file and a
// malformed manifest line fail their sets only; each is reported on stderr
// with its file and reason and as an error record; the exit status is 2.
func TestBatchFailureIsolation(t *testing.T) {
	dir := t.TempDir()
	writeSets(t, dir, 3)
	manifest := filepath.Join(dir, "m.tsv")
	writeFile(t, manifest, "zh\ten\n"+
		"doc00.zh.txt\tdoc00.en.txt\n"+
		"gone.zh.txt\tdoc01.en.txt\n"+
		"doc01.zh.txt\t\n"+
		"doc02.zh.txt\tdoc02.en.txt\textra.txt\n"+
		"doc02.zh.txt\tdoc02.en.txt\n")
	out, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "--jobs", "2", "--quiet")
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	recs := jsonLines(t, out)
	if len(recs) != 5 {
		t.Fatalf("%d records, want 5", len(recs))
	}
	wantErr := []string{"", filepath.Join(dir, "gone.zh.txt") + ": ", "1 file(s): a set needs two or more", "3 files, want 2", ""}
	for k, r := range recs {
		if r["index"] != float64(k) {
			t.Errorf("record %d has index %v", k, r["index"])
		}
		if wantErr[k] == "" {
			if r["ok"] != true || r["alignment"] == nil {
				t.Errorf("record %d: %v", k, r)
			}
			continue
		}
		e, _ := r["error"].(string)
		if r["ok"] != false || !strings.Contains(e, wantErr[k]) || r["alignment"] != nil {
			t.Errorf("record %d: %v, want error %q", k, r, wantErr[k])
		}
		if !strings.Contains(errs, e) {
			t.Errorf("stderr lacks %q:\n%s", e, errs)
		}
	}
	for _, want := range []string{"set gone, manifest line 3: " + filepath.Join(dir, "gone.zh.txt") + ": cannot read file",
		"concord align: 3 of 5 sets failed"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

// TestBatchResume: --resume skips the complete outputs, redoes the missing
// and failed ones, and removes the temporary files of a killed run; the
// outputs equal those of one full run.
func TestBatchResume(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 6)
	od := filepath.Join(dir, "out")
	args := []string{"align", "--batch", manifest, "--presplit", "--out-dir", od, "--format", "tsv", "--quiet"}
	if _, errs, code := runConcord(t, args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	full := map[string]string{}
	for k := range 6 {
		b, _ := os.ReadFile(filepath.Join(od, fmt.Sprintf("doc%02d.tsv", k)))
		full[fmt.Sprintf("doc%02d", k)] = string(b)
	}
	// a killed run: doc02 and doc04 have no output, doc04 a half-written
	// temporary file; doc05's input is broken (that set fails, no output)
	os.Remove(filepath.Join(od, "doc02.tsv"))
	os.Remove(filepath.Join(od, "doc04.tsv"))
	os.Remove(filepath.Join(od, "doc05.tsv"))
	writeFile(t, filepath.Join(od, tempOf(t, "doc04.tsv", testenv.DeadPID(t))), "addr\tscore")
	zh5 := filepath.Join(dir, "doc05.zh.txt")
	os.Rename(zh5, zh5+".away")
	// mark the kept outputs, to see that they are not rewritten
	os.WriteFile(filepath.Join(od, "doc00.tsv"), []byte("kept"), 0o644)

	out, errs, code := runConcord(t, append(args, "--resume")...)
	if code != exitTrouble {
		t.Errorf("exit %d, want 2 (doc05 failed)", code)
	}
	recs := jsonLines(t, out)
	var skipped, failed []string
	for _, r := range recs {
		if r["skipped"] == true {
			skipped = append(skipped, r["set"].(string))
		}
		if r["ok"] == false {
			failed = append(failed, r["set"].(string))
		}
	}
	if fmt.Sprint(skipped) != "[doc00 doc01 doc03]" || fmt.Sprint(failed) != "[doc05]" {
		t.Errorf("skipped %v, failed %v", skipped, failed)
	}
	if !strings.Contains(errs, "doc05.zh.txt: cannot read file") {
		t.Errorf("stderr: %s", errs)
	}
	if left, _ := filepath.Glob(filepath.Join(od, ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := os.Stat(filepath.Join(od, "doc05.tsv")); err == nil {
		t.Error("a failed set has an output")
	}
	if b, _ := os.ReadFile(filepath.Join(od, "doc00.tsv")); string(b) != "kept" {
		t.Error("--resume rewrote a complete output")
	}
	// repaired input: the next --resume does doc05 only
	os.Rename(zh5+".away", zh5)
	out, errs, code = runConcord(t, append(args, "--resume")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(out, `"skipped":true`); n != 5 {
		t.Errorf("%d skipped, want 5", n)
	}
	os.WriteFile(filepath.Join(od, "doc00.tsv"), []byte(full["doc00"]), 0o644)
	for id, want := range full {
		if b, _ := os.ReadFile(filepath.Join(od, id+".tsv")); string(b) != want {
			t.Errorf("%s.tsv differs from the full run's", id)
		}
	}
}

// TestBatchTMXStream: one TMX with the TUs of every set, unique tuids,
// valid against the TMX 1.4b DTD.
func TestBatchTMXStream(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 4)
	out := filepath.Join(dir, "all.tmx")
	if _, errs, code := runConcord(t, "align", "--batch", manifest, "--presplit", "-o", out, "--quiet"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(out)
	s := string(b)
	if strings.Count(s, "<tmx ") != 1 || strings.Count(s, "<header ") != 1 || !strings.Contains(s, `srclang="zh-CN"`) {
		t.Errorf("not one TMX document:\n%s", s[:min(len(s), 600)])
	}
	ids := regexp.MustCompile(`<tu tuid="([^"]+)">\n      <prop type="x-document">([^<]+)</prop>`).FindAllStringSubmatch(s, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] || !strings.HasPrefix(m[1], m[2]+":") {
			t.Errorf("tuid %s of document %s", m[1], m[2])
		}
		seen[m[1]] = true
	}
	if len(ids) != strings.Count(s, "<tu ") || len(ids) < 12 {
		t.Errorf("%d TUs with a document, %d in all", len(ids), strings.Count(s, "<tu "))
	}
	dtd := filepath.Join(testenv.Formats(t), "tmx14.dtd")
	xmllint := testenv.Tool(t, "xmllint")
	if b, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, out).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, b)
	}
}

// TestBatchDir: --batch-dir matches NAME.LANG.EXT, in --lang's order.
func TestBatchDir(t *testing.T) {
	dir := t.TempDir()
	writeSets(t, dir, 3)
	writeFile(t, filepath.Join(dir, "notes.txt"), "not a version") // and manifest.tsv
	out, errs, code := runConcord(t, "align", "--batch-dir", dir, "--lang", "en,zh", "--presplit", "--jobs", "2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs := jsonLines(t, out)
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	for k, r := range recs {
		a := r["alignment"].(map[string]any)
		files := r["files"].([]any)
		if r["set"] != fmt.Sprintf("doc%02d", k) || fmt.Sprint(a["langs"]) != "[en zh-CN]" || !strings.HasSuffix(files[0].(string), ".en.txt") {
			t.Errorf("record %d: set %v langs %v files %v", k, r["set"], a["langs"], files)
		}
	}
	if !strings.Contains(errs, "2 files not named NAME.LANG.EXT") || !strings.Contains(errs, "manifest.tsv, notes.txt") {
		t.Errorf("stderr: %s", errs)
	}
	// the plain progress line when stderr is not a terminal
	if !regexp.MustCompile(`(?m)^concord align: 3/3 sets, 0 failed, 0 skipped, [\d.]+ sets/s, [\d.]+ MB/s, \d+:\d\d elapsed, 0:00 left$`).MatchString(errs) {
		t.Errorf("no final progress line:\n%s", errs)
	}
}

// TestBatchDiff: revision pairs; exit 1 for substantive changes, 2 when a
// pair fails, 0 when nothing changed.
func TestBatchDiff(t *testing.T) {
	dir := t.TempDir()
	old := "第一章 总则\n\n第1条. 宗旨\n\n本公约的宗旨是促进和加强各项措施。\n\n第2条. 术语\n\n缔约国应当采取必要的立法措施。\n"
	changed := strings.Replace(old, "必要的立法措施", "必要的立法和其他措施", 1)
	writeFile(t, filepath.Join(dir, "a.old.txt"), old)
	writeFile(t, filepath.Join(dir, "a.new.txt"), changed)
	writeFile(t, filepath.Join(dir, "b.old.txt"), old)
	writeFile(t, filepath.Join(dir, "b.new.txt"), old)
	writeFile(t, filepath.Join(dir, "same.tsv"), "old\tnew\nb.old.txt\tb.new.txt\n")
	writeFile(t, filepath.Join(dir, "pairs.tsv"), "a.old.txt\ta.new.txt\nb.old.txt\tb.new.txt\n")
	writeFile(t, filepath.Join(dir, "bad.tsv"), "id\told\tnew\nA\ta.old.txt\ta.new.txt\nC\tc.old.txt\ta.new.txt\n")

	out, errs, code := runConcord(t, "diff", "--batch", filepath.Join(dir, "pairs.tsv"), "--quiet")
	if code != exitFinding {
		t.Errorf("exit %d, want 1: %s", code, errs)
	}
	recs := jsonLines(t, out)
	if len(recs) != 2 || recs[0]["set"] != "a" || recs[0]["substantive"] != true || recs[1]["substantive"] != false {
		t.Fatalf("%v", recs)
	}
	single, _, _ := runConcord(t, "diff", filepath.Join(dir, "a.old.txt"), filepath.Join(dir, "a.new.txt"), "--format", "json")
	if got, _ := json.Marshal(recs[0]["report"]); compactSorted(t, string(got)) != compactSorted(t, single) {
		t.Error("the batch report differs from the single diff's")
	}
	if _, _, code := runConcord(t, "diff", "--batch", filepath.Join(dir, "same.tsv"), "--quiet"); code != exitOK {
		t.Errorf("no change: exit %d", code)
	}
	out, errs, code = runConcord(t, "diff", "--batch", filepath.Join(dir, "bad.tsv"), "--quiet", "--out-dir", filepath.Join(dir, "red"), "--format", "md")
	if code != exitTrouble || !strings.Contains(errs, "set C, manifest line 3: "+filepath.Join(dir, "c.old.txt")) {
		t.Errorf("exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "red", "A.md")); err != nil || !strings.Contains(string(b), "<ins>和其他</ins>") {
		t.Errorf("A.md: %v\n%s", err, b)
	}
	if recs := jsonLines(t, out); len(recs) != 2 || recs[1]["ok"] != false {
		t.Errorf("status: %v", recs)
	}
}

// compactSorted re-encodes JSON with sorted keys, for comparing documents.
func compactSorted(t *testing.T, s string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// TestBatchTerms: a glossary per set, as terms gives for the set alone.
func TestBatchTerms(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 3)
	out, errs, code := runConcord(t, "terms", "--batch", manifest, "--presplit", "--min-freq", "1", "--quiet")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs := jsonLines(t, out)
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	single, _, _ := runConcord(t, "terms", "--presplit", filepath.Join(dir, "doc01.zh.txt"), filepath.Join(dir, "doc01.en.txt"), "--min-freq", "1", "--format", "json")
	g := recs[1]["glossary"].(map[string]any)
	if got, _ := json.Marshal(g["entries"]); compactSorted(t, string(got)) != compactSorted(t, single) {
		t.Errorf("set doc01's entries differ from terms on its files:\n%s\n%s", got, single)
	}
	if _, ok := g["issues"].([]any); !ok {
		t.Errorf("no issues list: %v", g)
	}
	od := filepath.Join(dir, "tbx")
	if _, errs, code := runConcord(t, "terms", "--batch", manifest, "--presplit", "--out-dir", od, "--quiet"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(filepath.Join(od, "doc02.tbx")); err != nil || !strings.Contains(string(b), "<tbx") {
		t.Errorf("doc02.tbx: %v", err)
	}
}

// TestBatchUsage: flag combinations batch mode refuses, and batch flags
// without batch mode.
func TestBatchUsage(t *testing.T) {
	dir := t.TempDir()
	manifest := writeSets(t, dir, 1)
	writeFile(t, filepath.Join(dir, "pairs.tsv"), "old\tnew\tnew\na\tb\tc\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"align", "--batch", manifest, "--resume"}, "--resume needs --out-dir"},
		{[]string{"align", "--batch", manifest, "a.txt"}, "not 1 arguments"},
		{[]string{"align", "--batch", manifest, "--batch-dir", dir}, "exclude each other"},
		{[]string{"align", "--batch", manifest, "--format", "html"}, `format "html" in batch mode without --out-dir`},
		{[]string{"align", "--batch", manifest, "--out-dir", dir, "--format", "jsonl"}, `format "jsonl" in batch mode with --out-dir`},
		{[]string{"align", "--batch", manifest, "--lang", "fr,en"}, "the manifest's header names zh,en"},
		{[]string{"align", "--batch", filepath.Join(dir, "none.tsv")}, "none.tsv"},
		{[]string{"align", "--batch-dir", filepath.Join(dir, "none")}, "none"},
		{[]string{"align", "a.txt", "b.txt", "--jobs", "2"}, "--jobs is a batch flag"},
		{[]string{"diff", "a.txt", "b.txt", "--out-dir", dir}, "--out-dir is a batch flag"},
		{[]string{"terms", "--batch", manifest, "--format", "tbx"}, `format "tbx" in batch mode without --out-dir`},
		{[]string{"diff", "--batch", filepath.Join(dir, "pairs.tsv")}, "the header names 3 file columns, want 2"},
		{[]string{"align", "--batch", manifest, "--window", "1000000000"}, "--window 1000000000: want 1 to"},
		{[]string{"align", "--batch", manifest, "--jobs", "100000"}, "--jobs 100000: want 1 to"},
		{[]string{"align", "--batch-dir", dir, "--root", dir}, "--root is for --batch"},
	} {
		_, errs, code := runConcord(t, tc.args...)
		if code != exitTrouble || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	out, _, _ := runConcord(t, "align", "--help")
	for _, want := range []string{"--batch MANIFEST", "--batch-dir DIR", "--jobs", "--resume", "Exit status: 0 every set aligned, 2 some set failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("align --help lacks %q", want)
		}
	}
}
