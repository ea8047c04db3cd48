package corpora

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"concord/corpora/input"
)

func TestReadGlossary(t *testing.T) {
	dir := t.TempDir()
	tsv := filepath.Join(dir, "g.tsv")
	os.WriteFile(tsv, []byte("zh\ten\tar\n# a comment\n缔约国\tState Party\tالدولة الطرف\n司法协助\tmutual legal assistance\t\n\n只有一种\t\t\n"), 0o644)
	got, err := ReadGlossary(tsv)
	want := []map[string]string{
		{"zh": "缔约国", "en": "State Party", "ar": "الدولة الطرف"},
		{"zh": "司法协助", "en": "mutual legal assistance"},
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("TSV: %v %v", got, err)
	}
	tbx := filepath.Join(dir, "g.tbx")
	os.WriteFile(tbx, []byte(`<?xml version="1.0"?><tbx><text><body>
<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>缔约国</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>State Party</term></termSec><termSec><term>Party</term></termSec></langSec></conceptEntry>
</body></text></tbx>`), 0o644)
	got, err = ReadGlossary(tbx)
	if err != nil || !reflect.DeepEqual(got, []map[string]string{{"zh": "缔约国", "en": "State Party"}}) {
		t.Errorf("TBX: %v %v", got, err)
	}
	for name, data := range map[string]string{"empty.tsv": " \n", "one.tsv": "zh\n甲\n", "wide.tsv": "zh\ten\na\tb\tc\n", "bad.tbx": "<tbx><conceptEntry>"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		var ie *input.Error
		if _, err := ReadGlossary(p); !errors.As(err, &ie) || ie.File != p {
			t.Errorf("%s: %v, want an input.Error naming the file", name, err)
		}
	}
}

func FuzzParseGlossary(f *testing.F) {
	f.Add([]byte("zh\ten\n缔约国\tState Party\n"))
	f.Add([]byte(`<tbx><conceptEntry><langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec></conceptEntry></tbx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseGlossary("fuzz", data)
		if err != nil {
			var ie *input.Error
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an input.Error", err)
			}
			return
		}
		for _, e := range entries {
			if len(e) < 2 {
				t.Fatalf("entry with fewer than two languages: %v", e)
			}
		}
	})
}
