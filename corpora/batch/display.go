package batch

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Display shows how a batch goes, on standard error: on a terminal, a bar
// redrawn in place (sets done / total, rate, time left); otherwise a plain
// line every interval and one at the end; nothing when quiet. Messages
// (failed sets, warnings) go through Printf, which clears the bar first, so
// that they are not garbled by it. It implements [Progress].
type Display struct {
	mu    sync.Mutex
	w     io.Writer
	name  string // "concord align"
	mode  progressMode
	width func() int // the terminal's width
	every time.Duration
	st    Stats
	shown bool // the bar is on screen
	drawn time.Time
	stop  chan struct{}
	done  chan struct{}
}

type progressMode int

const (
	progressNone  progressMode = iota // --quiet
	progressBar                       // stderr is a terminal
	progressLines                     // stderr is a file or a pipe
)

// barRedraw is the least time between two redraws of the bar.
const barRedraw = 100 * time.Millisecond

// NewDisplay makes the display of a batch of total sets on stderr, its
// lines starting with name ("concord align"): a bar if stderr is a
// terminal, plain lines every `every` if not, none if quiet. Close stops
// its timer.
func NewDisplay(name string, stderr io.Writer, quiet bool, every time.Duration, total int) *Display {
	p := &Display{w: stderr, name: name, every: every, width: func() int { return 80 }}
	p.st = Stats{Total: total, Start: time.Now()}
	p.st.Now = p.st.Start
	switch {
	case quiet:
		p.mode = progressNone
	case isTerminal(stderr):
		p.mode = progressBar
		fd := int(stderr.(*os.File).Fd())
		p.width = func() int {
			if w, _, err := term.GetSize(fd); err == nil && w > 0 {
				return w
			}
			return 80
		}
	default:
		p.mode = progressLines
	}
	if p.mode == progressNone {
		return p
	}
	tick := every
	if p.mode == progressBar {
		tick = 500 * time.Millisecond // the clock and the time left move on
	}
	if tick <= 0 {
		return p
	}
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.done)
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case now := <-t.C:
				p.mu.Lock()
				p.st.Now = now
				if p.mode == progressBar {
					p.drawBar()
				} else {
					p.line()
				}
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Update records the counts after one more set, redrawing the bar now and
// then.
func (p *Display) Update(st Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.st = st
	if p.mode == progressBar && st.Now.Sub(p.drawn) >= barRedraw {
		p.drawBar()
	}
}

// Finish draws the bar one last time and ends its line, or prints the last
// plain line.
func (p *Display) Finish(st Stats) {
	p.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.st = st
	switch p.mode {
	case progressBar:
		p.drawBar()
		fmt.Fprintln(p.w)
		p.shown = false
	case progressLines:
		p.line()
	}
}

// Close stops the timer; it may be called more than once.
func (p *Display) Close() {
	if p.stop != nil {
		close(p.stop)
		<-p.done
		p.stop = nil
	}
}

// Printf prints one message line on stderr, above the bar; a line that
// does not end in a newline gets one.
func (p *Display) Printf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
	fmt.Fprintf(p.w, format, args...)
	if !strings.HasSuffix(format, "\n") {
		fmt.Fprintln(p.w)
	}
	if p.mode == progressBar {
		p.drawBar()
	}
}

// line prints the plain progress line:
//
//	concord align: 312/732 sets, 2 failed, 0 skipped, 52.1 sets/s, 1.23 MB/s, 0:06 elapsed, 0:08 left
func (p *Display) line() {
	st := p.st
	fmt.Fprintf(p.w, "%s: %d/%d sets, %d failed, %d skipped, %s sets/s, %.2f MB/s, %s elapsed, %s left\n",
		p.name, st.Done, st.Total, st.Failed, st.Skipped, rate(st.Rate()), st.ByteRate()/1e6,
		clock(st.Elapsed()), clock(st.Remaining()))
}

// drawBar redraws the bar in place, fitted to the terminal's width:
//
//	concord align [=========>          ] 312/732  43%  52.1 sets/s  1.23 MB/s  0:08 left  2 failed
//
// On a narrow terminal the byte rate goes first, then the set rate, then
// the bar itself.
func (p *Display) drawBar() {
	st := p.st
	pct := 100
	if st.Total > 0 {
		pct = st.Done * 100 / st.Total
	}
	counts := fmt.Sprintf(" %d/%d %3d%%", st.Done, st.Total, pct)
	sets := fmt.Sprintf("  %s sets/s", rate(st.Rate()))
	mb := fmt.Sprintf("  %.2f MB/s", st.ByteRate()/1e6)
	left := fmt.Sprintf("  %s left", clock(st.Remaining()))
	if st.Failed > 0 {
		left += fmt.Sprintf("  %d failed", st.Failed)
	}
	if st.Skipped > 0 {
		left += fmt.Sprintf("  %d skipped", st.Skipped)
	}
	width := p.width() - 1 // never write the last column: some terminals wrap there
	tails := []string{counts + sets + mb + left, counts + sets + left, counts + left, counts}
	tail, barW := "", 0
	for _, t := range tails { // the richest tail that leaves room for a bar
		if w := width - len(p.name) - len(t) - 3; w >= 10 {
			tail, barW = t, w
			break
		}
	}
	if tail == "" { // no room for a bar: the richest tail that fits
		for _, t := range tails {
			tail = t
			if len(p.name)+len(t) <= width {
				break
			}
		}
	}
	var b strings.Builder
	b.WriteString("\r")
	b.WriteString(p.name)
	if barW > 0 {
		fill := barW
		if st.Total > 0 {
			fill = barW * st.Done / st.Total
		}
		b.WriteString(" [")
		b.WriteString(strings.Repeat("=", fill))
		if fill < barW {
			b.WriteString(">")
			b.WriteString(strings.Repeat(" ", barW-fill-1))
		}
		b.WriteString("]")
	}
	b.WriteString(tail)
	line := b.String()
	if len(line)-1 > width { // still too long: cut (the text is ASCII)
		line = line[:max(width, 0)+1]
	}
	io.WriteString(p.w, line+"\x1b[K")
	p.shown = true
	p.drawn = time.Now()
}

// rate prints a rate with three significant digits or so.
func rate(r float64) string {
	switch {
	case r >= 100:
		return fmt.Sprintf("%.0f", r)
	case r >= 10:
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.2f", r)
}

// clock prints a duration as m:ss or h:mm:ss; a negative one (unknown) as
// "-:--".
func clock(d time.Duration) string {
	if d < 0 {
		return "-:--"
	}
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
