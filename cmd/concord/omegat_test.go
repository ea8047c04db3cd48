package main

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"concord/corpora/testenv"
)

// omegatProject writes an OmegaT project from src to tgt (language tags as
// OmegaT takes them) whose source file holds the given segments, one
// paragraph each, with sentence segmentation off; tmx goes to tm/auto,
// whose exact matches OmegaT inserts on its own.
func omegatProject(t *testing.T, src, tgt string, segments []string, tmx []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"source", "target", "tm/auto", "glossary", "dictionary", "omegat"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	project := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>%s</source_lang>
        <target_lang>%s</target_lang>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`, src, tgt)
	for name, data := range map[string][]byte{
		"omegat.project":     []byte(project),
		"source/source.txt":  []byte(strings.Join(segments, "\n\n") + "\n"),
		"tm/auto/memory.tmx": tmx,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// omegatRemaining runs OmegaT in console mode on a project and returns how
// many of how many source segments it left untranslated.
func omegatRemaining(t *testing.T, omegat, dir string) (remaining, total int) {
	t.Helper()
	cmd := exec.Command(omegat, dir, "--mode=console-translate", "--config-dir="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("omegat: %v\n%s", err, out)
	}
	stats, err := os.ReadFile(filepath.Join(dir, "omegat", "project_stats.txt"))
	if err != nil {
		t.Fatal(err)
	}
	row := func(name string) int {
		m := regexp.MustCompile(`(?m)^` + name + `:\s+(\d+)`).FindSubmatch(stats)
		if m == nil {
			t.Fatalf("no %s row in project_stats.txt:\n%s", name, stats)
		}
		var n int
		fmt.Sscan(string(m[1]), &n)
		return n
	}
	return row("Remaining"), row("Total")
}

// TestAlignOmegaT: a zh-CN → fr OmegaT project fills every segment from the
// TMX of the UDHR in seven versions (zh-Hans and zh-Hant among them): the
// language tags concord writes are the ones OmegaT resolves.
func TestAlignOmegaT(t *testing.T) {
	omegat := testenv.Tool(t, "omegat")
	dir := testenv.Corpora(t)
	var files []string
	for _, f := range []string{"cmn_hans", "cmn_hant", "eng", "fra", "spa", "rus", "arb"} {
		files = append(files, filepath.Join(dir, "udhr", "udhr_"+f+".xml"))
	}
	tmxPath := filepath.Join(t.TempDir(), "udhr.tmx")
	if _, errs, code := runConcord(t, append([]string{"align", "-o", tmxPath}, files...)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	tmx, err := os.ReadFile(tmxPath)
	if err != nil {
		t.Fatal(err)
	}
	// the Chinese segments that have a French counterpart
	var segs []string
	zh := regexp.MustCompile(`<tuv xml:lang="zh-CN"><seg>(.*?)</seg></tuv>`)
	for _, tu := range regexp.MustCompile(`(?s)<tu .*?</tu>`).FindAll(tmx, -1) {
		if m := zh.FindSubmatch(tu); m != nil && strings.Contains(string(tu), `<tuv xml:lang="fr">`) {
			segs = append(segs, html.UnescapeString(string(m[1])))
		}
	}
	if len(segs) < 60 || !strings.Contains(string(tmx), `<tuv xml:lang="zh-TW">`) {
		t.Fatalf("%d zh-CN segments with French; zh-TW present: %v", len(segs), strings.Contains(string(tmx), "zh-TW"))
	}
	remaining, total := omegatRemaining(t, omegat, omegatProject(t, "zh-CN", "fr", segs, tmx))
	if total != len(segs) || remaining != 0 {
		t.Errorf("OmegaT left %d of %d segments untranslated (%d source segments)", remaining, total, len(segs))
	}
}
