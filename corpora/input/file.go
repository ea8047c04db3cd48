package input

import (
	"bytes"
	"errors"
	"io"
	"os"
)

// Stdin is the path that names standard input: [ReadBytes], [ReadFile] and
// the loaders of package corpora read standard input for it.
const Stdin = "-"

// StdinName is the name standard input goes by in messages and documents.
const StdinName = "standard input"

// Name returns the name a file goes by in messages and documents: path
// itself, or [StdinName] for [Stdin].
func Name(path string) string {
	if path == Stdin {
		return StdinName
	}
	return path
}

// ReadFile reads the file at path ([Stdin]: standard input) and decodes
// it with [Decode]. Errors are those of [ReadBytes] and Decode.
func ReadFile(path, encoding string) (string, error) {
	data, err := ReadBytes(path)
	if err != nil {
		return "", err
	}
	return Decode(Name(path), data, encoding)
}

// ReadBytes reads a regular file, or standard input for [Stdin], within
// the limits: a file larger than [MaxFileBytes] is refused before it is
// read, and a stream as soon as it has sent more. A named pipe, a device
// (/dev/zero) or a socket is refused before anything is read from it,
// since reading it may never end (opening does not wait for a pipe's
// writer). Binary data that no reader of concord takes
// (a NUL byte in the first 64 KiB of anything but a zip archive, UTF-16
// text or a legacy Office file) is refused once those 64 KiB are read.
// Errors are [*Error] values naming the file ([Name]); those from the file
// system wrap the os error, so that errors.Is(err, fs.ErrNotExist) works.
func ReadBytes(path string) ([]byte, error) {
	if path == Stdin {
		return ReadAll(StdinName, os.Stdin)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, OSError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, OSError(path, err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileBytes {
		return nil, TooLarge(path, fi.Size())
	}
	return readAll(path, f, fi.Size())
}

// regular refuses anything but a regular file.
func regular(path string, fi os.FileInfo) *Error {
	m := fi.Mode()
	what := "a special file"
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return &Error{File: path, Reason: "is a directory, not a file"}
	case m&os.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&(os.ModeDevice|os.ModeCharDevice) != 0:
		what = "a device"
	case m&os.ModeSocket != 0:
		what = "a socket"
	}
	return Errorf(path, "is %s, not a regular file: concord reads regular files, and standard input as %q", what, Stdin)
}

// ReadAll reads r to its end within the limits of [ReadBytes]: more than
// [MaxFileBytes] bytes, or binary data in the first 64 KiB, are refused as
// soon as they are read, so memory stays bounded whatever r sends. name
// labels the errors, which are [*Error] values.
func ReadAll(name string, r io.Reader) ([]byte, error) {
	return readAll(name, r, -1)
}

// headLen is how much of the input readAll looks at for binary data.
const headLen = 64 << 10

// readAll reads r, expecting size bytes (-1: unknown).
func readAll(name string, r io.Reader, size int64) ([]byte, error) {
	n := 4096
	if size >= 0 {
		n = int(size) + 1 // one more, to see the end or a file that grew
	}
	buf := make([]byte, 0, min(n, MaxFileBytes+1))
	checked := false
	for {
		if len(buf) == cap(buf) {
			// Double, but never past one byte over the limit.
			grown := make([]byte, len(buf), min(2*cap(buf), MaxFileBytes+1))
			copy(grown, buf)
			buf = grown
		}
		k, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if !checked && (len(buf) >= headLen || err != nil) {
			checked = true
			if err := binaryHead(name, buf[:min(len(buf), headLen)]); err != nil {
				return nil, err
			}
		}
		if len(buf) > MaxFileBytes {
			return nil, Errorf(name, "input is more than the limit of %d bytes (%d MiB)", MaxFileBytes, MaxFileBytes>>20)
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, OSError(name, err)
		}
	}
}

// binaryHead refuses the start of an input that has a NUL byte, unless it
// may be a zip archive (.docx, .odt), UTF-16 text (with or without a
// byte-order mark) or a legacy Office file, which have their own errors:
// nothing else that concord reads can hold one.
func binaryHead(name string, head []byte) *Error {
	switch {
	case bytes.IndexByte(head, 0) < 0,
		bytes.HasPrefix(head, []byte("PK")),
		bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE),
		bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}),
		looksUTF16(head):
		return nil
	}
	return checkNUL(name, head)
}
