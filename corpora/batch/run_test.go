package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func records(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("%v: %q", err, line)
		}
		out = append(out, m)
	}
	return out
}

// TestRunPanicIsolated: a set whose work panics fails alone, in its
// record, and the others are written in manifest order.
func TestRunPanicIsolated(t *testing.T) {
	m, err := ParseManifest(strings.NewReader("a.zh.txt\ta.en.txt\nb.zh.txt\tb.en.txt\nc.zh.txt\tc.en.txt\n"), "", ManifestOptions{Names: []string{"zh", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	var logged []string
	job := Job{Command: "test", Key: "n", Do: func(s Set) (*Output, error) {
		if s.ID == "b" {
			panic("index out of range")
		}
		return &Output{Record: []byte("1\n")}, nil
	}}
	var out bytes.Buffer
	res, err := Run(context.Background(), m, job, &out, RunOptions{Jobs: 2, Log: func(f string, a ...any) { logged = append(logged, f) }})
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t, out.String())
	if len(recs) != 3 || recs[1]["error"] != "panic: index out of range" || recs[0]["n"] != float64(1) || recs[2]["n"] != float64(1) {
		t.Errorf("%v", recs)
	}
	if res.Failed != 1 || res.Done != 3 || len(logged) != 1 {
		t.Errorf("stats %+v, logged %q", res.Stats, logged)
	}
}

// TestRunStream: a stream job writes the head of the first set that
// succeeded, every part in order, and the tail; with no set done, the
// empty head.
func TestRunStream(t *testing.T) {
	m, err := ParseManifest(strings.NewReader("a.zh.txt\tx\nb.zh.txt\tx\n"), "", ManifestOptions{Names: []string{"zh", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	fail := false
	job := Job{Command: "test", Stream: &Stream{Empty: "<empty>", Tail: "</end>"}, Do: func(s Set) (*Output, error) {
		if fail || s.ID == "a" {
			return nil, context.DeadlineExceeded
		}
		return &Output{Head: "<head " + s.ID + ">", Part: []byte("[" + s.ID + "]")}, nil
	}}
	var out bytes.Buffer
	if _, err := Run(context.Background(), m, job, &out, RunOptions{Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "<head b>[b]</end>" {
		t.Errorf("%q", out.String())
	}
	fail = true
	out.Reset()
	if _, err := Run(context.Background(), m, job, &out, RunOptions{Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "<empty></end>" {
		t.Errorf("%q", out.String())
	}
}
