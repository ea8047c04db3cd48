package corpora

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"concord/corpora/input"
)

func TestSniff(t *testing.T) {
	_, l15 := Default()
	for _, c := range []struct {
		name string
		data string
		want Format
	}{
		{"L15", string(l15), FormatText},
		{"empty", "", FormatText},
		{"word", "udhr", FormatText},
		{"minimal", "<udhr/>", FormatUDHR},
		{"prolog", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<!DOCTYPE udhr>\n<?pi x?>\n  <udhr xmlns=\"http://efele.net/udhr\" xml:lang=\"en\">", FormatUDHR},
		{"prefixed", "<u:udhr xmlns:u=\"http://efele.net/udhr\"></u:udhr>", FormatUDHR},
		{"other xml", "<?xml version=\"1.0\"?><html><udhr/></html>", FormatText},
		{"text first", "Article 1\n<udhr/>", FormatText},
		{"truncated", "<udhr", FormatText},
		{"root past 64 KiB", "<!--" + strings.Repeat("x", 70_000) + "--><udhr/>", FormatText},
		{"gb18030 declaration", "<?xml version=\"1.0\" encoding=\"GB18030\"?><udhr/>", FormatUDHR},
	} {
		if got := Sniff([]byte(c.data)); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
	if FormatText.String() != "text" || FormatUDHR.String() != "udhr" || Format(9).String() != "Format(9)" {
		t.Error("Format.String")
	}
}

func TestSniffCorpus(t *testing.T) {
	dir := corpusDir(t)
	for _, f := range udhrFiles {
		data := readCorpus(t, "udhr/"+f.file)
		if got := Sniff(data); got != FormatUDHR {
			t.Errorf("%s: Sniff = %v", f.file, got)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	md, _ := filepath.Glob(filepath.Join(dir, "treaties-en-nl", "*.md"))
	for _, f := range append(files, md...) {
		rel, _ := filepath.Rel(dir, f)
		if got := Sniff(readCorpus(t, filepath.ToSlash(rel))); got != FormatText {
			t.Errorf("%s: Sniff = %v", rel, got)
		}
	}
}

func TestDefault(t *testing.T) {
	name, data := Default()
	if name != "L15.zh.txt" || DefaultName != "L15.zh.txt" {
		t.Errorf("name %q", name)
	}
	text, err := input.Decode(name, data, "")
	if err != nil || !strings.Contains(text, "联合国打击网络犯罪公约草案") {
		t.Fatalf("input.Decode(Default()): %v", err)
	}
	data[0] ^= 0xFF
	if _, again := Default(); again[0] == data[0] {
		t.Error("Default returns shared bytes")
	}
	if dir := corpusDirOrEmpty(); dir != "" {
		if want := readCorpus(t, "un-cybercrime/L15.zh.txt"); !bytes.Equal(want, []byte(text)) {
			t.Error("the embedded L15.zh.txt differs from the corpus copy")
		}
	}
}
