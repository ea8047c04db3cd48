package main

import (
	"strings"
	"testing"

	"concord/corpora/testenv"
)

func TestKWICGolden(t *testing.T) {
	for _, format := range []string{"text", "tsv", "json"} {
		out, errs, code := runConcord(t, "kwic", "电子数据", termsZh, termsEn, "--format", format)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		termsGolden(t, "kwic."+format, out)
	}
	out, _, code := runConcord(t, "kwic", "electronic data", termsZh, termsEn)
	if code != exitOK || !strings.Contains(out, "[electronic data]") || !strings.Contains(out, "[Electronic data]") {
		t.Errorf("English term: exit %d\n%s", code, out)
	}
}

func TestKWICBoundaries(t *testing.T) {
	out, _, code := runConcord(t, "kwic", "数据", termsZh, termsEn)
	if code != exitFinding || !strings.HasSuffix(out, "0 occurrences\n") {
		t.Errorf("数据 inside 电子数据 without --substring: exit %d\n%s", code, out)
	}
	out, _, code = runConcord(t, "kwic", "数据", termsZh, termsEn, "--substring")
	if code != exitOK || !strings.HasSuffix(out, "3 occurrences\n") {
		t.Errorf("数据 with --substring: exit %d\n%s", code, out)
	}
}

// TestKWICL15Arabic: every occurrence of 服务提供商 in the L.15 draft, with
// its Arabic counterpart in the two articles the Arabic text has.
func TestKWICL15Arabic(t *testing.T) {
	ar := testenv.File(t, "un-cybercrime/final.ar.art1-15.txt")
	out, errs, code := runConcord(t, "kwic", "服务提供商", ar)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasSuffix(out, "\n17 occurrences\n") {
		t.Errorf("want 17 occurrences:\n%s", out)
	}
	if n := strings.Count(out, "مقدم الخدمة"); n != 2 {
		t.Errorf("%d Arabic counterparts, want 2 (art.2.e, art.2.f)", n)
	}
}
