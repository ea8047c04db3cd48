package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Set is one document set of a batch: the language versions of one text,
// or the two revisions of one draft.
type Set struct {
	// ID names the set in the output: the manifest's id column, else the
	// first file's base name less its extension and language suffix
	// (doc123.zh.txt → doc123); with ScanDir, the name the files share,
	// relative to the directory (sub/doc123). It is a clean relative
	// slash-separated path, used as the output's name under --out-dir.
	ID string
	// Line is the set's 1-based line in the manifest (0 from ScanDir).
	Line int
	// Files holds one path per column of the manifest; "" where the set
	// has no file for that column.
	Files []string
	// Cols are the column names (languages, or old and new) of Files, ""
	// where the manifest has no header.
	Cols []string
	// Err, if not nil, is what is wrong with the set's manifest line (a
	// wrong number of fields, a duplicate ID; Line says which line): the
	// set fails with it, the other sets go on.
	Err error
}

// Present returns the set's non-empty files with their column names.
func (s Set) Present() (files, cols []string) {
	for i, f := range s.Files {
		if f != "" {
			files = append(files, f)
			cols = append(cols, s.Cols[i])
		}
	}
	return files, cols
}

// Manifest is the list of document sets of a batch.
type Manifest struct {
	// Cols are the header's names of the file columns (without "id"), nil
	// when the manifest has no header.
	Cols []string
	// Sets in manifest order.
	Sets []Set
	// Ignored lists the files ScanDir found but could not place (no
	// language suffix), relative to the directory.
	Ignored []string
}

// ManifestOptions say how to read a manifest or a directory.
type ManifestOptions struct {
	// Names are the column names a header may use besides "id"
	// (language codes for align and terms, "old" and "new" for diff),
	// and, for ScanDir and ID derivation, the language suffixes of file
	// names. A first line all of whose fields are names (or "id") is a
	// header.
	Names []string
	// Columns, if not zero, is the number of file columns every line
	// must have (2 for revision pairs).
	Columns int
}

func (o ManifestOptions) isName(s string) bool {
	return slices.Contains(o.Names, s)
}

// ReadManifest reads a TSV manifest, one document set a line: a file per
// column, separated by tabs; an optional header line naming the columns
// (language codes, or old and new, and optionally "id" for a column that
// names the sets); blank lines and lines starting with # are skipped;
// an empty field is a file the set lacks. Relative paths are taken from
// the manifest's directory ("-" reads standard input, paths from the
// working directory).
//
// A line with the wrong number of fields or a duplicate ID is still a set,
// with Err saying what is wrong, so that the batch reports it and goes on;
// an unreadable manifest is an error.
func ReadManifest(name string, opt ManifestOptions) (*Manifest, error) {
	var r io.Reader
	dir := "."
	if name == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
		dir = filepath.Dir(name)
	}
	m, err := ParseManifest(r, dir, opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// ParseManifest reads a manifest (see ReadManifest) whose relative paths
// are taken from dir.
func ParseManifest(r io.Reader, dir string, opt ManifestOptions) (*Manifest, error) {
	m := &Manifest{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	idCol := -1
	ncols := opt.Columns // file columns
	header := false
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if !header && m.Sets == nil && m.Cols == nil && isHeader(fields, opt) {
			header = true
			for i, f := range fields {
				if strings.EqualFold(f, "id") {
					if idCol >= 0 {
						return nil, fmt.Errorf("line %d: two id columns", line)
					}
					idCol = i
					continue
				}
				m.Cols = append(m.Cols, strings.ToLower(f))
			}
			if opt.Columns > 0 && len(m.Cols) != opt.Columns {
				return nil, fmt.Errorf("line %d: the header names %d file columns, want %d", line, len(m.Cols), opt.Columns)
			}
			ncols = len(m.Cols)
			continue
		}
		s := Set{Line: line}
		var files []string
		id := ""
		for i, f := range fields {
			if i == idCol {
				id = f
				continue
			}
			files = append(files, f)
		}
		if ncols == 0 {
			ncols = len(files) // no header: the first line sets the count
		}
		s.Cols = make([]string, max(ncols, len(files)))
		copy(s.Cols, m.Cols)
		for i, f := range files {
			if f != "" && !filepath.IsAbs(f) && dir != "." {
				f = filepath.Join(dir, f)
			}
			files[i] = f
		}
		s.Files = files
		switch {
		case len(files) != ncols:
			s.Err = fmt.Errorf("%d files, want %d", len(files), ncols)
		case idCol >= 0 && id == "":
			s.Err = errors.New("empty id")
		}
		if id == "" {
			id = deriveID(files, opt)
		}
		if id == "" {
			id = fmt.Sprintf("line%d", line)
			if s.Err == nil {
				s.Err = errors.New("no file")
			}
		}
		s.ID = id
		if s.Err == nil {
			s.Err = checkID(id)
		}
		if s.Err == nil { // a faulty line claims no ID
			if prev, ok := seen[id]; ok {
				s.Err = fmt.Errorf("set id %q is also line %d's (add an id column)", id, prev)
			} else {
				seen[id] = line
			}
		}
		m.Sets = append(m.Sets, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// isHeader: every field is a column name or "id", and at least one is a
// column name.
func isHeader(fields []string, opt ManifestOptions) bool {
	names := 0
	for _, f := range fields {
		switch {
		case strings.EqualFold(f, "id"):
		case opt.isName(strings.ToLower(f)):
			names++
		default:
			return false
		}
	}
	return names > 0
}

// deriveID names a set after its first file: base name less extension and
// language suffix.
func deriveID(files []string, opt ManifestOptions) string {
	for _, f := range files {
		if f == "" {
			continue
		}
		base := filepath.Base(f)
		if name, _, ok := splitLang(base, opt); ok {
			return name
		}
		if ext := filepath.Ext(base); ext != "" && ext != base {
			base = strings.TrimSuffix(base, ext)
		}
		return base
	}
	return ""
}

// splitLang splits NAME.LANG.EXT or NAME.LANG into NAME and LANG, LANG one
// of the option's names.
func splitLang(base string, opt ManifestOptions) (name, lang string, ok bool) {
	parts := strings.Split(base, ".")
	for k := len(parts) - 1; k >= max(1, len(parts)-2); k-- {
		if opt.isName(parts[k]) {
			name = strings.Join(parts[:k], ".")
			if name != "" {
				return name, parts[k], true
			}
		}
	}
	return "", "", false
}

// checkID accepts a clean relative slash-separated path.
func checkID(id string) error {
	if id != path.Clean(id) || path.IsAbs(id) || id == "." || id == ".." || strings.HasPrefix(id, "../") ||
		strings.ContainsAny(id, "\\\x00") {
		return fmt.Errorf("set id %q is not a clean relative path", id)
	}
	return nil
}

// ScanDir makes a manifest of the files under dir named NAME.LANG.EXT or
// NAME.LANG, LANG one of langs: one set per NAME (its path relative to
// dir, in sub-directories too), sorted by NAME, with one column per
// language in the order of langs. Files whose names carry no language
// suffix, and hidden files, are listed in Ignored.
func ScanDir(dir string, langs []string) (*Manifest, error) {
	opt := ManifestOptions{Names: langs}
	m := &Manifest{Cols: slices.Clone(langs)}
	byID := map[string]*Set{}
	col := map[string]int{}
	for i, l := range langs {
		col[l] = i
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		name, lang, ok := splitLang(path.Base(rel), opt)
		if !ok {
			m.Ignored = append(m.Ignored, rel)
			return nil
		}
		id := path.Join(path.Dir(rel), name)
		s := byID[id]
		if s == nil {
			s = &Set{ID: id, Files: make([]string, len(langs)), Cols: slices.Clone(langs)}
			byID[id] = s
		}
		if prev := s.Files[col[lang]]; prev != "" {
			s.Err = fmt.Errorf("%s and %s are both %s versions of %s", prev, p, lang, id)
		}
		s.Files[col[lang]] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		m.Sets = append(m.Sets, *byID[id])
	}
	return m, nil
}
