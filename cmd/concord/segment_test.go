package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSegmentGolden(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	os.WriteFile(draft, []byte("第 2 条. 术语的使用\n\n为本公约之目的：\n(a) “流量数据”系指与使用信息和通信技术系统进行的通信有关的任何电子数据，由构成通信链一部分的信息和通信技术系统生成；[暂定]\n(b) “订户信息”系指服务提供商持有的任何信息。\n"), 0o644)
	for _, level := range []string{"sentence", "clause", "word"} {
		out, errs, code := runConcord(t, "segment", draft, "--level", level)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		golden(t, "segment."+level+".tsv", out)
	}
	out, _, code := runConcord(t, "segment", draft, "--level", "word", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	golden(t, "segment.word.json", out)
	var ps []struct {
		Addr       string
		Text       string
		Start, End int
		Tokens     []string
	}
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.End-p.Start != len(p.Text) || strings.Join(p.Tokens, "") != strings.Join(strings.Fields(p.Text), "") {
			t.Errorf("piece %+v: offsets or tokens do not match its text", p)
		}
	}
}

func TestSegmentL15Words(t *testing.T) {
	out, errs, code := runConcord(t, "segment", "--level", "word")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{" 信息和通信技术系统 ", " 订户信息 ", " 流量数据 ", " 内容数据 ", " 犯罪所得 ", " 司法协助 ", " 缔约国 ", " 服务提供商 ", "信息和通信技术系统 生成 "} {
		if !strings.Contains(strings.ReplaceAll(out, "\t", " "), w) {
			t.Errorf("no token %q", w)
		}
	}
	if strings.Contains(out, "系统生成") {
		t.Error("系统/生成 glued into one token")
	}
	plain, _, _ := runConcord(t, "segment", "--level", "word", "--no-treaty-dict")
	if strings.Contains(plain, " 订户信息 ") {
		t.Error("--no-treaty-dict still keeps 订户信息 whole")
	}
}

func TestSegmentUnnumberedText(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "plain.txt")
	os.WriteFile(f, []byte("First paragraph. It has two sentences.\n\nSecond paragraph, broken\nacross two lines.\n"), 0o644)
	out, errs, code := runConcord(t, "segment", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "p.1\t1\tFirst paragraph.\np.1\t2\tIt has two sentences.\np.2\t1\tSecond paragraph, broken across two lines.\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestSegmentBadFlags(t *testing.T) {
	for _, args := range [][]string{{"segment", "--level", "phrase"}, {"segment", "--format", "xml"}, {"segment", "a", "b"}, {"segment", "--userdict", "/nonexistent", "--level", "word"}} {
		if _, errs, code := runConcord(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
