package batch

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// tempSuffix ends the names of the temporary files WriteFile writes.
const tempSuffix = ".concord-tmp"

// A temporary file is named after the file it stands for, the host and
// the process that writes it, and a random part:
//
//	.NAME.HOST.PID.RANDOM.concord-tmp
//
// (HOST with its dots as underscores), so that several processes can write
// into one directory at once — shards of one corpus resuming into one
// --out-dir — and each removes only what it can prove abandoned: its own
// files, or those of a process of this host that is no longer alive.
var host = func() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		h = "localhost"
	}
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '/' || r < ' ' {
			return '_'
		}
		return r
	}, h)
}()

// tempName returns a fresh temporary name for the file base.
func tempName(base string) string {
	var b [6]byte
	rand.Read(b[:]) // never fails
	return "." + base + "." + host + "." + strconv.Itoa(os.Getpid()) + "." + hex.EncodeToString(b[:]) + tempSuffix
}

// tempOwner reads a temporary name: the file it stands for, its host and
// its process; ok is false for any other name.
func tempOwner(name string) (base, host string, pid int, ok bool) {
	s, ok := strings.CutSuffix(name, tempSuffix)
	if !ok || !strings.HasPrefix(s, ".") {
		return "", "", 0, false
	}
	parts := strings.Split(s[1:], ".")
	if len(parts) < 4 {
		return "", "", 0, false
	}
	n := len(parts)
	pid, err := strconv.Atoi(parts[n-2])
	if err != nil || pid <= 0 {
		return "", "", 0, false
	}
	return strings.Join(parts[:n-3], "."), parts[n-3], pid, true
}

// abandoned reports whether a temporary file may be removed: it was made
// on this host by a process that is no longer alive (see alive).
func abandoned(name string) bool {
	_, h, pid, ok := tempOwner(name)
	return ok && h == host && pid != os.Getpid() && !alive(pid)
}

// WriteFile writes a complete output to name: write's bytes go to a
// temporary file beside it (see tempName), which is synced, closed and
// renamed to name only when write returned nil, so a file that exists under
// name is complete whatever happened to the process. Before, the temporary
// files that a killed run left for name are removed (see abandoned).
// Missing directories are made. On error the temporary file is removed
// and name is left as it was.
//
// Only a regular file (or nothing) is replaced: a device, a FIFO or a
// symbolic link at name (-o /dev/null, -o /dev/stdout, a link to a file
// kept elsewhere) is written in place, as a shell redirection does; a
// directory is an error.
func WriteFile(name string, write func(w io.Writer) error) error {
	fi, err := os.Lstat(name)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s is a directory", name)
	case err == nil && !fi.Mode().IsRegular():
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		return writeClose(f, write, false)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	removeAbandoned(os.DirFS(dir), ".", filepath.Base(name), func(p string) error { return os.Remove(filepath.Join(dir, p)) })
	tmp := filepath.Join(dir, tempName(filepath.Base(name)))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if err := writeClose(f, write, true); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeClose writes to f through a buffer and closes it; sync makes the
// bytes durable first (for a file about to be renamed into place).
func writeClose(f *os.File, write func(w io.Writer) error, sync bool) error {
	bw := bufio.NewWriterSize(f, 64*1024)
	err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && sync {
		if err = f.Chmod(0o644); err == nil {
			err = f.Sync()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeAbandoned removes, in directory dir of fsys, the abandoned
// temporary files of base (every base when base is "") and returns how
// many it removed.
func removeAbandoned(fsys fs.FS, dir, base string, remove func(p string) error) (int, error) {
	es, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range es {
		b, _, _, ok := tempOwner(e.Name())
		if !ok || e.IsDir() || base != "" && b != base || !abandoned(e.Name()) {
			continue
		}
		if err := remove(path.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return n, err
		}
		n++
	}
	return n, nil
}

// Complete reports whether an output exists as a regular file (not a
// symbolic link): with WriteFile, that it was written completely.
func Complete(name string) bool {
	fi, err := os.Lstat(name)
	return err == nil && fi.Mode().IsRegular()
}

// CleanTemp removes the abandoned temporary files under dir (see
// WriteFile): those of a run that was killed while writing. It removes
// no file of a process still alive, so shards resuming into one directory
// at once do not break each other; it follows no symbolic link. It returns
// how many it removed.
func CleanTemp(dir string) (int, error) {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	d, err := OpenDir(dir)
	if err != nil {
		return 0, err
	}
	defer d.Close()
	return d.CleanTemp()
}

// Dir is an output directory that files are written into without ever
// following a symbolic link: a set's output DIR/sub/doc.json is refused
// when DIR/sub is a link (to /etc, say), or when DIR/sub/doc.json is one.
// Sets may write into a Dir from several goroutines.
type Dir struct {
	path string
	root *os.Root
}

// OpenDir opens the output directory at path, making it if it is missing,
// and fails if it is something else than a directory: the mistake is
// reported before any work starts.
func OpenDir(p string) (*Dir, error) {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("--out-dir %s is not a directory", p)
	}
	if err := os.MkdirAll(p, 0o755); err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(p)
	if err != nil {
		return nil, err
	}
	return &Dir{path: p, root: r}, nil
}

// Close releases the directory.
func (d *Dir) Close() error { return d.root.Close() }

// Path is the name of the file rel (slash-separated) under the directory,
// for messages and records.
func (d *Dir) Path(rel string) string { return filepath.Join(d.path, filepath.FromSlash(rel)) }

// Complete reports whether rel exists as a regular file, reached through
// directories only: with WriteFile, that it was written completely.
func (d *Dir) Complete(rel string) bool {
	if d.check(path.Dir(rel), false) != nil {
		return false
	}
	fi, err := d.root.Lstat(rel)
	return err == nil && fi.Mode().IsRegular()
}

// check verifies that every component of the directory rel is a directory
// and no symbolic link, making the missing ones if mk.
func (d *Dir) check(rel string, mk bool) error {
	if rel == "." {
		return nil
	}
	at := ""
	for _, c := range strings.Split(rel, "/") {
		at = path.Join(at, c)
		fi, err := d.root.Lstat(at)
		switch {
		case errors.Is(err, fs.ErrNotExist) && mk:
			if err := d.root.Mkdir(at, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			if fi, err = d.root.Lstat(at); err != nil {
				return err
			}
		case err != nil:
			return err
		}
		if !fi.IsDir() { // a link, even to a directory, or a file
			return fmt.Errorf("%s is not a directory (concord follows no symbolic link in --out-dir)", d.Path(at))
		}
	}
	return nil
}

// WriteFile writes the output rel (a clean slash-separated relative path)
// as WriteFile does: to a temporary file renamed into place when complete.
// Missing directories are made; a symbolic link on the way, or at rel, is
// an error, never followed.
func (d *Dir) WriteFile(rel string, write func(w io.Writer) error) error {
	dir, base := path.Split(rel)
	dir = path.Clean(dir)
	if err := d.check(dir, true); err != nil {
		return err
	}
	if fi, err := d.root.Lstat(rel); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (concord follows no symbolic link in --out-dir)", d.Path(rel))
	}
	tmp := path.Join(dir, tempName(base))
	f, err := d.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if err := writeClose(f, write, true); err != nil {
		d.root.Remove(tmp)
		return err
	}
	if err := d.root.Rename(tmp, rel); err != nil {
		d.root.Remove(tmp)
		return err
	}
	return nil
}

// CleanTemp removes the abandoned temporary files under the directory (see
// CleanTemp) and returns how many it removed.
func (d *Dir) CleanTemp() (int, error) {
	n := 0
	err := fs.WalkDir(d.root.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() { // WalkDir does not follow links
			return err
		}
		k, err := removeAbandoned(d.root.FS(), p, "", d.root.Remove)
		n += k
		return err
	})
	return n, err
}
