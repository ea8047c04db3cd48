package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"concord/corpora/testenv"
)

// TestMapOrderAndWindow: results come back in input order whatever the
// workers' timing, and no more than Window items are started and not yet
// emitted.
func TestMapOrderAndWindow(t *testing.T) {
	const n = 300
	items := make([]int, n)
	for i := range items {
		items[i] = i
	}
	for _, tc := range []struct{ jobs, window int }{{1, 0}, {2, 0}, {4, 4}, {8, 3}, {3, 20}} {
		t.Run(fmt.Sprintf("jobs%d-window%d", tc.jobs, tc.window), func(t *testing.T) {
			var started, emitted, maxAhead atomic.Int64
			window := Options{Window: tc.window}.window(tc.jobs)
			var got []int
			st, err := Map(context.Background(), items, Options{Jobs: tc.jobs, Window: tc.window},
				func(_ context.Context, i int, v int) (int, error) {
					s := started.Add(1)
					if ahead := s - emitted.Load(); ahead > maxAhead.Load() {
						maxAhead.Store(ahead)
					}
					// item 0 of every block of 10 is slow, so the others pile up
					if i%10 == 0 {
						time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
					}
					return v * v, nil
				},
				func(i int, v int, r int, err error) error {
					if err != nil || r != v*v || i != v {
						t.Errorf("item %d: %d, %v", i, r, err)
					}
					got = append(got, v)
					emitted.Add(1)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, items) {
				t.Errorf("out of order: %v", got[:20])
			}
			if st.Done != n || st.Failed != 0 || st.Total != n {
				t.Errorf("stats %+v", st)
			}
			if m := maxAhead.Load(); m > int64(window) {
				t.Errorf("%d items started and not emitted, window %d", m, window)
			}
		})
	}
}

// TestMapFailureIsolation: an error or a panic fails its item only; skips
// are counted apart.
func TestMapFailureIsolation(t *testing.T) {
	items := []string{"a", "bad", "c", "panic", "skip", "f"}
	var log []string
	st, err := Map(context.Background(), items, Options{Jobs: 3},
		func(_ context.Context, _ int, s string) (string, error) {
			switch s {
			case "bad":
				return "", fmt.Errorf("%s: cannot read", s)
			case "panic":
				var s []int
				_ = s[len(s)] // an index out of range: a real runtime panic
			case "skip":
				return "", fmt.Errorf("out exists: %w", ErrSkip)
			}
			return strings.ToUpper(s), nil
		},
		func(_ int, s, r string, err error) error {
			if err != nil {
				log = append(log, s+" error "+err.Error())
			} else {
				log = append(log, r)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A", "bad error bad: cannot read", "C",
		"panic error panic: runtime error: index out of range [0] with length 0", "skip error out exists: skipped", "F"}
	if !slices.Equal(log, want) {
		t.Errorf("got\n%q\nwant\n%q", log, want)
	}
	if st.Failed != 2 || st.Skipped != 1 || st.Done != 6 {
		t.Errorf("stats %+v", st)
	}
}

// TestMapPanicError: the stack of a panic is kept.
func TestMapPanicError(t *testing.T) {
	_, err := Map(context.Background(), []int{1}, Options{Jobs: 1},
		func(context.Context, int, int) (int, error) { panic("boom") },
		func(_ int, _ int, _ int, err error) error {
			var pe *PanicError
			if !errors.As(err, &pe) || pe.Value != "boom" || !strings.Contains(string(pe.Stack), "TestMapPanicError") {
				t.Errorf("got %v", err)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMapEmitErrorStops: an emit error stops the batch and is returned;
// the items after it are not emitted, and no work runs after Map returns.
func TestMapEmitErrorStops(t *testing.T) {
	items := make([]int, 1000)
	var running atomic.Int64
	var emitted int
	stop := errors.New("disk full")
	_, err := Map(context.Background(), items, Options{Jobs: 4},
		func(context.Context, int, int) (int, error) {
			running.Add(1)
			defer running.Add(-1)
			time.Sleep(50 * time.Microsecond)
			return 0, nil
		},
		func(i int, _ int, _ int, _ error) error {
			emitted++
			if i == 10 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) {
		t.Fatalf("got %v", err)
	}
	if emitted != 11 {
		t.Errorf("emitted %d, want 11", emitted)
	}
	if r := running.Load(); r != 0 {
		t.Errorf("%d works still running after Map returned", r)
	}
}

// TestMapCancel: cancelling the context stops the batch.
func TestMapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	items := make([]int, 1000)
	n := 0
	_, err := Map(ctx, items, Options{Jobs: 2},
		func(context.Context, int, int) (int, error) { return 0, nil },
		func(i int, _ int, _ int, _ error) error {
			n++
			if i == 5 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) || n != 6 {
		t.Errorf("err %v after %d items", err, n)
	}
}

type recorder struct {
	updates []Stats
	final   *Stats
}

func (r *recorder) Update(s Stats) { r.updates = append(r.updates, s) }
func (r *recorder) Finish(s Stats) { r.final = &s }

// TestMapProgress: one update per item, in order, then the finish.
func TestMapProgress(t *testing.T) {
	rec := &recorder{}
	items := []int{10, 20, 30, 40}
	_, err := Map(context.Background(), items, Options{Jobs: 2, Progress: rec},
		func(_ context.Context, i int, v int) (sized, error) {
			if i == 2 {
				return sized(v), ErrSkip
			}
			return sized(v), nil
		},
		func(int, int, sized, error) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.updates) != 4 || rec.final == nil {
		t.Fatalf("%d updates, final %v", len(rec.updates), rec.final)
	}
	for k, s := range rec.updates {
		if s.Done != k+1 || s.Total != 4 {
			t.Errorf("update %d: %+v", k, s)
		}
	}
	if f := rec.final; f.Bytes != 70 || f.Skipped != 1 || f.Done != 4 || f.Remaining() != 0 {
		t.Errorf("final %+v", *f)
	}
}

// sized is a result that knows its input bytes.
type sized int64

func (s sized) InputBytes() int64 { return int64(s) }

func TestStatsRates(t *testing.T) {
	t0 := time.Unix(1000, 0)
	s := Stats{Total: 100, Done: 30, Skipped: 10, Bytes: 4 << 20, Start: t0, Now: t0.Add(10 * time.Second)}
	if s.Rate() != 2 || s.ByteRate() != 4<<20/10.0 || s.Remaining() != 35*time.Second {
		t.Errorf("rate %v, byte rate %v, remaining %v", s.Rate(), s.ByteRate(), s.Remaining())
	}
	s.Done, s.Skipped = 10, 10
	if s.Remaining() != -1 {
		t.Errorf("no rate yet: remaining %v", s.Remaining())
	}
}

func TestMapEmpty(t *testing.T) {
	rec := &recorder{}
	st, err := Map(context.Background(), []int(nil), Options{Progress: rec},
		func(context.Context, int, int) (int, error) { return 0, nil },
		func(int, int, int, error) error { t.Error("emit called"); return nil })
	if err != nil || st.Total != 0 || rec.final == nil {
		t.Errorf("%+v %v", st, err)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "sub", "a.json")
	// a failing writer leaves nothing behind
	err := WriteFile(name, func(w io.Writer) error {
		fmt.Fprint(w, "half")
		return errors.New("broken")
	})
	if err == nil || Complete(name) {
		t.Fatalf("err %v, exists %v", err, Complete(name))
	}
	left, _ := filepath.Glob(filepath.Join(dir, "sub", ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if err := WriteFile(name, func(w io.Writer) error { _, err := fmt.Fprint(w, "whole"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "whole" || !Complete(name) {
		t.Errorf("got %q", b)
	}
	// a temporary file from a killed run is cleaned up
	stale := filepath.Join(dir, "sub", TempNameOf(t, "b.json", testenv.DeadPID(t)))
	os.WriteFile(stale, []byte("half"), 0o644)
	if n, err := CleanTemp(dir); n != 1 || err != nil {
		t.Errorf("cleaned %d, %v", n, err)
	}
	if n, err := CleanTemp(filepath.Join(dir, "none")); n != 0 || err != nil {
		t.Errorf("missing dir: %d, %v", n, err)
	}
}

// TestMapSeq: a sequence is read as the window lets it, never ahead, and
// its items come back in order; Total grows with what was read when it is
// not known.
func TestMapSeq(t *testing.T) {
	var read atomic.Int64
	seq := func(yield func(int) bool) {
		for i := range 100 {
			read.Add(1)
			if !yield(i) {
				return
			}
		}
	}
	var emitted []int
	st, err := MapSeq(context.Background(), seq, Options{Jobs: 2, Window: 3},
		func(_ context.Context, i int, v int) (int, error) { return v + 1, nil },
		func(i int, v int, r int, err error) error {
			// at most the window (3) plus the one the feeder holds ahead
			if ahead := read.Load() - int64(i); ahead > 4 {
				t.Errorf("item %d emitted with %d read", i, read.Load())
			}
			if i != v || r != v+1 {
				t.Errorf("item %d: %d %d", i, v, r)
			}
			emitted = append(emitted, v)
			return nil
		})
	if err != nil || len(emitted) != 100 || st.Total != 100 || st.Done != 100 {
		t.Errorf("%d emitted, %+v, %v", len(emitted), st, err)
	}
}
