package batch

import (
	"strings"
	"testing"
)

func FuzzParseManifest(f *testing.F) {
	f.Add("zh\ten\nL15.zh.txt\tL15.en.txt\n")
	f.Add("id\told\tnew\na\tx.txt\ty.txt\n")
	f.Fuzz(func(t *testing.T, data string) {
		for _, opt := range []ManifestOptions{{Names: []string{"zh", "en"}}, {Names: []string{"old", "new"}, Columns: 2}} {
			m, err := ParseManifest(strings.NewReader(data), "/corpus", opt)
			if err != nil || m == nil {
				continue
			}
		}
	})
}
