package batch

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tempSuffix ends the names of the temporary files WriteFile writes.
const tempSuffix = ".concord-tmp"

// WriteFile writes a complete output: write's bytes go to a temporary file
// beside name (a hidden one ending in .concord-tmp), which is synced,
// closed and renamed to name only when write returned nil. So a file that
// exists under name is complete, whatever happened to the process. Missing
// directories are made. On error the temporary file is removed and name is
// left as it was.
func WriteFile(name string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*"+tempSuffix)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 64*1024)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// Complete reports whether an output exists as a regular file: with
// WriteFile, that it was written completely.
func Complete(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// CleanTemp removes the temporary files that WriteFile left under dir when
// a process was killed while writing, and returns how many it removed.
// Run it before resuming a batch, not while another one writes to dir.
func CleanTemp(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipAll
			}
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), ".") && strings.HasSuffix(d.Name(), tempSuffix) {
			if err := os.Remove(p); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
