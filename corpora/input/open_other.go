//go:build !unix

package input

// openFlags: no flag is needed where opening a file never blocks.
const openFlags = 0
