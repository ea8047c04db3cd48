package corpora

import (
	"os"
	"strings"
	"testing"

	"concord/corpora/input"
	"concord/corpora/testenv"
)

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
	if os.Getenv("CONCORD_CORPORA") != "" {
		if want := testenv.Read(t, "un-cybercrime/L15.zh.txt"); want != text {
			t.Error("the embedded L15.zh.txt differs from the corpus copy")
		}
	}
}
