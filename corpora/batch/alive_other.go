//go:build !unix

package batch

// alive reports whether a process with this id runs on this host: without
// a way to tell, every process might, and no temporary file of another
// process is ever removed.
func alive(pid int) bool { return true }
