//go:build unix

package input

import "syscall"

// openFlags opens without blocking: opening a named pipe for reading
// otherwise waits for a writer, before ReadBytes can see what it is.
const openFlags = syscall.O_NONBLOCK
