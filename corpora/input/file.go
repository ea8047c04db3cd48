package input

import (
	"io"
	"os"
)

// ReadFile reads the file at path and decodes it with [Decode]. Errors from
// the file system are [*Error] values naming path that wrap the os
// error. A file larger than [MaxFileBytes] is refused before it is read.
func ReadFile(path, encoding string) (string, error) {
	data, err := ReadBytes(path)
	if err != nil {
		return "", err
	}
	return Decode(path, data, encoding)
}

// ReadBytes reads a file, refusing one larger than [MaxFileBytes] without
// reading it all. Errors are [*Error] values naming path, as for
// [ReadFile].
func ReadBytes(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, OSError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, OSError(path, err)
	}
	if fi.IsDir() {
		return nil, &Error{File: path, Reason: "is a directory, not a file"}
	}
	if fi.Size() > MaxFileBytes {
		return nil, TooLarge(path, fi.Size())
	}
	// Read at most one byte more than the limit, in case the file grows or
	// is not a regular file.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, OSError(path, err)
	}
	return data, nil
}
