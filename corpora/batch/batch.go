// Package batch runs one piece of work per document set of a corpus on all
// cores and hands the results back in input order, with a bounded number of
// sets in flight, so that a corpus of any size streams through in constant
// memory. It knows nothing of alignment or diffs: the commands give it the
// work and the writer.
//
// The pieces:
//
//   - Map, an ordered parallel map with a bounded window: at most
//     Options.Window sets are started and not yet handed back, whatever
//     the size of the corpus, and results are handed back in input order,
//     so that the output does not depend on the number of workers;
//   - Progress, the interface a progress display implements, fed from the
//     ordered results with Stats (sets done, failed and skipped, bytes,
//     rate, time left);
//   - Manifest and Set: document sets read from a TSV manifest
//     (ReadManifest) or matched by name in a directory (ScanDir);
//   - WriteFile, which writes an output to a temporary file and renames
//     it when complete, so that an output that exists is complete (what
//     --resume relies on).
//
// A failing set does not stop the batch: its error (a panic in the work
// included) is handed to the writer with the set, and counted.
package batch

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"
)

// ErrSkip, returned (or wrapped) by a work function, marks a set as skipped
// rather than failed: its output already exists (--resume).
var ErrSkip = errors.New("skipped")

// Options control Map.
type Options struct {
	// Jobs is the number of workers; 0 or less: runtime.NumCPU().
	Jobs int
	// Window caps the sets started and not yet handed to emit: the
	// workers' sets plus the reorder buffer of sets done ahead of a slower
	// one. 0 or less: 2×Jobs; less than Jobs: Jobs. Memory is bounded by
	// Window results, not by the size of the input.
	Window int
	// Progress, if not nil, is told of every set handed to emit, in
	// order, and of the end.
	Progress Progress
	// Size, if not nil, gives the input size of item i in bytes, for the
	// byte rate of Stats. It is called once per item, from the goroutine
	// that calls emit.
	Size func(i int) int64
}

func (o Options) jobs() int {
	if o.Jobs <= 0 {
		return runtime.NumCPU()
	}
	return o.Jobs
}

func (o Options) window(jobs int) int {
	switch {
	case o.Window <= 0:
		return 2 * jobs
	case o.Window < jobs:
		return jobs
	}
	return o.Window
}

// Stats count the sets handed back so far.
type Stats struct {
	Total   int       // sets in the batch
	Done    int       // sets handed back: succeeded, failed or skipped
	Failed  int       // sets whose work returned an error other than ErrSkip
	Skipped int       // sets whose work returned ErrSkip
	Bytes   int64     // input bytes of the sets done (see Options.Size), skipped ones excluded
	Start   time.Time // when the batch started
	Now     time.Time // when these counts were taken
}

// Elapsed is the time since the start.
func (s Stats) Elapsed() time.Duration { return s.Now.Sub(s.Start) }

// Rate is the number of sets worked on (not skipped) per second.
func (s Stats) Rate() float64 {
	sec := s.Elapsed().Seconds()
	if sec <= 0 {
		return 0
	}
	return float64(s.Done-s.Skipped) / sec
}

// ByteRate is the input bytes worked on per second.
func (s Stats) ByteRate() float64 {
	sec := s.Elapsed().Seconds()
	if sec <= 0 {
		return 0
	}
	return float64(s.Bytes) / sec
}

// Remaining estimates the time left at the current rate; 0 when done, -1
// when there is no rate yet.
func (s Stats) Remaining() time.Duration {
	left := s.Total - s.Done
	if left <= 0 {
		return 0
	}
	r := s.Rate()
	if r <= 0 {
		return -1
	}
	return time.Duration(float64(left) / r * float64(time.Second))
}

// Progress is told how a batch goes. Map calls Update after each set is
// handed to emit and Finish once at the end, all from the goroutine that
// called Map, so an implementation needs no locking against Map (it may
// against its own timers).
type Progress interface {
	Update(Stats)
	Finish(Stats)
}

// Map calls work on every item on Options.Jobs goroutines and emit on every
// item with its result, in the order of items, from the calling goroutine.
// At most Options.Window items are started and not yet emitted, so the
// results held at once are bounded whatever len(items) is.
//
// An error returned by work (or a panic in it, turned into an error) is
// handed to emit with the item and counted as failed; errors wrapping
// ErrSkip count as skipped. Neither stops the batch. If emit returns an
// error, or ctx is cancelled, Map starts no more items, waits for the
// running ones and returns that error (or ctx.Err()); items not started
// are not emitted. The returned Stats are those given to Progress.Finish.
func Map[T, R any](ctx context.Context, items []T, opt Options,
	work func(ctx context.Context, i int, item T) (R, error),
	emit func(i int, item T, r R, err error) error) (Stats, error) {

	jobs := opt.jobs()
	window := opt.window(jobs)
	st := Stats{Total: len(items), Start: time.Now()}
	st.Now = st.Start
	finish := func(err error) (Stats, error) {
		st.Now = time.Now()
		if opt.Progress != nil {
			opt.Progress.Finish(st)
		}
		return st, err
	}
	if len(items) == 0 {
		return finish(ctx.Err())
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		r   R
		err error
	}
	// Item i, once started, owns slot i%window until it is emitted: the
	// started, unemitted items are a run of at most window consecutive
	// indices, so no two of them share a slot.
	slots := make([]chan result, window)
	for k := range slots {
		slots[k] = make(chan result, 1)
	}
	tokens := make(chan struct{}, window) // one per started, unemitted item
	todo := make(chan int)
	var wg sync.WaitGroup

	// feeder: starts items in order while the window has room
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(todo)
		for i := range items {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range min(jobs, len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				r, err := protect(ctx, i, items[i], work)
				slots[i%window] <- result{r, err} // never blocks: the slot is i's
			}
		}()
	}
	// wait for the workers on every return, so that no work runs after Map
	defer wg.Wait()
	defer cancel()

	for i := range items {
		var res result
		select {
		case res = <-slots[i%window]:
		case <-ctx.Done():
			return finish(ctx.Err())
		}
		switch {
		case res.err == nil:
			st.Bytes += size(opt.Size, i)
		case errors.Is(res.err, ErrSkip):
			st.Skipped++
		default:
			st.Failed++
			st.Bytes += size(opt.Size, i)
		}
		st.Done++
		if err := emit(i, items[i], res.r, res.err); err != nil {
			cancel()
			return finish(err)
		}
		<-tokens
		st.Now = time.Now()
		if opt.Progress != nil {
			opt.Progress.Update(st)
		}
	}
	return finish(nil)
}

func size(f func(int) int64, i int) int64 {
	if f == nil {
		return 0
	}
	return f(i)
}

// protect runs work on one item, turning a panic into an error so that one
// bad document cannot bring the batch down.
func protect[T, R any](ctx context.Context, i int, item T, work func(context.Context, int, T) (R, error)) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &PanicError{Value: p, Stack: debug.Stack()}
		}
	}()
	return work(ctx, i, item)
}

// PanicError is the error of an item whose work panicked.
type PanicError struct {
	Value any    // what was passed to panic
	Stack []byte // the goroutine's stack at the panic
}

// Error gives the panic's value on one line; the stack is in Stack.
func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }
