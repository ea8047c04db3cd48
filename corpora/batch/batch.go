package batch

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"time"
)

// ErrSkip, returned (or wrapped) by a work function, marks a set as skipped
// rather than failed: its output already exists (--resume).
var ErrSkip = errors.New("skipped")

// Options control Map and MapSeq.
type Options struct {
	// Jobs is the number of workers; 0 or less: runtime.NumCPU(); at
	// most MaxJobs.
	Jobs int
	// Window caps the sets started and not yet handed to emit: the
	// workers' sets plus the reorder buffer of sets done ahead of a slower
	// one. 0 or less: 2×Jobs; less than Jobs: Jobs; at most MaxWindow.
	// Memory is bounded by Window results, not by the size of the input.
	Window int
	// Progress, if not nil, is told of every set handed to emit, in
	// order, and of the end.
	Progress Progress
	// Total is the number of items MapSeq will see, for Stats.Total and
	// the time left (0: unknown). Map sets it to len(items).
	Total int
}

// Sizer is implemented by results that know the input bytes their item
// stands for: Stats.Bytes adds them up, for the byte rate. It is called on
// every result handed to emit but skipped ones, failed ones included
// (their result is whatever work returned with the error).
type Sizer interface {
	InputBytes() int64
}

// The most workers and the widest window Map and MapSeq take: larger
// values are cut to these, so that a mistyped flag costs no more memory
// than this.
const (
	MaxJobs   = 1024
	MaxWindow = 16384
)

func (o Options) jobs() int {
	if o.Jobs <= 0 {
		return runtime.NumCPU()
	}
	return min(o.Jobs, MaxJobs)
}

func (o Options) window(jobs int) int {
	switch {
	case o.Window <= 0:
		return 2 * jobs
	case o.Window < jobs:
		return jobs
	}
	return min(o.Window, MaxWindow)
}

// Stats count the sets handed back so far.
type Stats struct {
	Total   int       // sets in the batch
	Done    int       // sets handed back: succeeded, failed or skipped
	Failed  int       // sets whose work returned an error other than ErrSkip
	Skipped int       // sets whose work returned ErrSkip
	Bytes   int64     // input bytes of the sets done (see Sizer), skipped ones excluded
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

// Progress is told how a batch goes. Map and MapSeq call Update after each
// set is handed to emit and Finish once at the end, all from the goroutine
// that called them, so an implementation needs no locking against them (it
// may against its own timers).
type Progress interface {
	Update(Stats)
	Finish(Stats)
}

// Map calls work on every item on Options.Jobs goroutines and emit on every
// item with its result, in the order of items, from the calling goroutine.
// At most Options.Window items are started and not yet emitted, so the
// results held at once are bounded whatever len(items) is.
//
// An error returned by work (or a panic in it, turned into a *PanicError)
// is handed to emit with the item and counted as failed; errors wrapping
// ErrSkip count as skipped. Neither stops the batch. If emit returns an
// error, or ctx is cancelled, Map starts no more items, waits for the
// running ones and returns that error (or ctx.Err()); items not started
// are not emitted. The returned Stats are those given to Progress.Finish.
func Map[T, R any](ctx context.Context, items []T, opt Options,
	work func(ctx context.Context, i int, item T) (R, error),
	emit func(i int, item T, r R, err error) error) (Stats, error) {
	opt.Total = len(items)
	return MapSeq(ctx, slices.Values(items), opt, work, emit)
}

// MapSeq is Map over a sequence, which it reads only as fast as the window
// lets it: a manifest of any length can be read line by line, and only the
// items in the window are in memory. Item i is the i-th of the sequence;
// Options.Total, if known, gives Stats.Total.
func MapSeq[T, R any](ctx context.Context, items iter.Seq[T], opt Options,
	work func(ctx context.Context, i int, item T) (R, error),
	emit func(i int, item T, r R, err error) error) (Stats, error) {

	jobs := opt.jobs()
	window := opt.window(jobs)
	st := Stats{Total: opt.Total, Start: time.Now()}
	st.Now = st.Start
	finish := func(err error) (Stats, error) {
		st.Now = time.Now()
		st.Total = max(st.Total, st.Done)
		if opt.Progress != nil {
			opt.Progress.Finish(st)
		}
		return st, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type task struct {
		i    int
		item T
	}
	type result struct {
		item T
		r    R
		err  error
	}
	// Item i, once started, owns slot i%window until it is emitted: the
	// started, unemitted items are a run of at most window consecutive
	// indices, so no two of them share a slot.
	slots := make([]chan result, window)
	for k := range slots {
		slots[k] = make(chan result, 1)
	}
	tokens := make(chan struct{}, window) // one per started, unemitted item
	todo := make(chan task)
	count := make(chan int, 1) // the number of items started, once the feeder stops
	var wg sync.WaitGroup

	// feeder: reads the sequence and starts items in order while the
	// window has room
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(todo)
		n := 0
		defer func() { count <- n }()
		for item := range items {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- task{n, item}:
				n++
			case <-ctx.Done():
				return
			}
		}
	}()
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range todo {
				r, err := protect(ctx, t.i, t.item, work)
				slots[t.i%window] <- result{t.item, r, err} // never blocks: the slot is t.i's
			}
		}()
	}
	// wait for the workers on every return, so that no work runs after
	// MapSeq returns
	defer wg.Wait()
	defer cancel()

	started := -1 // known once the feeder has stopped
	for i := 0; started < 0 || i < started; i++ {
		if err := ctx.Err(); err != nil {
			return finish(err)
		}
		var res result
		select {
		case res = <-slots[i%window]:
		case started = <-count:
			if i >= started {
				return finish(ctx.Err())
			}
			select {
			case res = <-slots[i%window]:
			case <-ctx.Done():
				return finish(ctx.Err())
			}
		case <-ctx.Done():
			return finish(ctx.Err())
		}
		if sz, ok := any(res.r).(Sizer); ok && !errors.Is(res.err, ErrSkip) {
			st.Bytes += sz.InputBytes()
		}
		switch {
		case res.err == nil:
		case errors.Is(res.err, ErrSkip):
			st.Skipped++
		default:
			st.Failed++
		}
		st.Done++
		if err := emit(i, res.item, res.r, res.err); err != nil {
			cancel()
			return finish(err)
		}
		<-tokens
		st.Now = time.Now()
		st.Total = max(st.Total, st.Done)
		if opt.Progress != nil {
			opt.Progress.Update(st)
		}
	}
	return finish(ctx.Err())
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
