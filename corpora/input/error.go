package input

import (
	"errors"
	"fmt"
	"os"
)

// Error reports input that cannot be turned into text: empty, binary,
// undecodable, too large, unreadable or malformed. Reason is written for the
// person who supplied the file and names the line where it can.
type Error struct {
	File   string // the file name as given by the caller
	Reason string // what is wrong, in plain words
	Err    error  // the underlying error (an os or XML error), if any
}

// Error returns "FILE: reason".
func (e *Error) Error() string { return e.File + ": " + e.Reason }

// Unwrap returns the underlying error, so that errors.Is(err,
// fs.ErrNotExist) works on the result of [ReadFile].
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an [*Error] naming file, its reason formatted as by
// fmt.Sprintf.
func Errorf(file, format string, args ...any) *Error {
	return &Error{File: file, Reason: fmt.Sprintf(format, args...)}
}

// OSError returns an [*Error] naming path that wraps err, an error from
// opening or reading it: "cannot read file: open: no such file or
// directory".
func OSError(path string, err error) *Error {
	reason := err.Error()
	var pe *os.PathError
	if errors.As(err, &pe) {
		reason = pe.Op + ": " + pe.Err.Error()
	}
	return &Error{File: path, Reason: "cannot read file: " + reason, Err: err}
}

// TooLarge returns the [*Error] for an input of n bytes, more than
// [MaxFileBytes].
func TooLarge(file string, n int64) *Error {
	return Errorf(file, "input is %d bytes, more than the limit of %d bytes (%d MiB)", n, MaxFileBytes, MaxFileBytes>>20)
}
