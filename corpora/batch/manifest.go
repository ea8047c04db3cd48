package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"iter"
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

// Manifest is the list of document sets of a batch: in memory (Sets), or
// read from its file one set at a time (All), so that a manifest of any
// length takes constant memory.
type Manifest struct {
	// Cols are the header's names of the file columns (without "id"), nil
	// when the manifest has no header.
	Cols []string
	// Sets in manifest order, for a manifest in memory (ParseManifest,
	// ScanDir); nil for one read from its file (ReadManifest): use All.
	Sets []Set
	// Total is the number of sets.
	Total int
	// Ignored lists the files ScanDir found but could not place (no
	// language suffix), relative to the directory.
	Ignored []string
	// Links lists the symbolic links ScanDir left out, relative to the
	// directory: those that lead outside it or to anything but a regular
	// file. Links to the directory's own files are followed.
	Links []string

	seq iter.Seq[Set]
}

// All returns the sets in manifest order: from memory, or read from the
// manifest's file anew, one line at a time.
func (m *Manifest) All() iter.Seq[Set] {
	if m.seq != nil {
		return m.seq
	}
	return slices.Values(m.Sets)
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
	// Root, if not "", confines the sets to the files under it: a path
	// that leads elsewhere, by "..", by an absolute path or through a
	// symbolic link, fails its set. When it is "", a manifest that holds
	// relative paths is confined to its own directory (a line
	// /etc/passwd in it fails), and one of absolute paths only is not
	// confined.
	Root string
}

func (o ManifestOptions) isName(s string) bool {
	return slices.Contains(o.Names, s)
}

// ReadManifest opens a TSV manifest, one document set a line: a file per
// column, separated by tabs; an optional header line naming the columns
// (language codes, or old and new, and optionally "id" for a column that
// names the sets); blank lines and lines starting with # are skipped; an
// empty field is a file the set lacks. Relative paths are taken from the
// manifest's directory ("-" reads standard input, paths from the working
// directory).
//
// ReadManifest reads the file once for its header and the number of sets;
// the sets themselves are read again, one line at a time, by All, so only
// the sets in flight are in memory (standard input is kept in memory).
// A line with the wrong number of fields or a duplicate ID is still a set,
// with Err saying what is wrong, so that the batch reports it and goes on;
// an unreadable manifest or a bad header is an error.
func ReadManifest(name string, opt ManifestOptions) (*Manifest, error) {
	dir := "."
	open := func() (io.ReadCloser, error) { return os.Open(name) }
	if name == "-" {
		data, err := io.ReadAll(os.Stdin)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	} else {
		dir = filepath.Dir(name)
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	m := &Manifest{}
	p := newManifestParser(dir, opt)
	p.count = true
	err = p.scan(f, func(Set) bool { m.Total++; return true })
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	m.Cols = p.cols
	root, err := confine(opt.Root, dir, p.relative)
	if err != nil {
		return nil, err
	}
	m.seq = func(yield func(Set) bool) {
		f, err := open()
		if err == nil {
			p := newManifestParser(dir, opt)
			p.root = root
			err = p.scan(f, yield)
			f.Close()
		}
		if err != nil { // the file changed or went since ReadManifest
			yield(Set{ID: "manifest", Err: fmt.Errorf("%s: %w", name, err)})
		}
	}
	return m, nil
}

// ParseManifest reads a whole manifest (see ReadManifest) into memory;
// relative paths are taken from dir.
func ParseManifest(r io.Reader, dir string, opt ManifestOptions) (*Manifest, error) {
	m := &Manifest{}
	p := newManifestParser(dir, opt)
	if err := p.scan(r, func(s Set) bool { m.Sets = append(m.Sets, s); return true }); err != nil {
		return nil, err
	}
	m.Cols, m.Total = p.cols, len(m.Sets)
	root, err := confine(opt.Root, dir, p.relative)
	if err != nil {
		return nil, err
	}
	for i := range m.Sets {
		if m.Sets[i].Err == nil {
			m.Sets[i].Err = root.check(m.Sets[i].Files)
		}
	}
	return m, nil
}

// root is the directory a manifest's files must lie under; the zero root
// confines nothing.
type root struct {
	dir, real string // absolute, and with its symbolic links resolved
	given     bool   // named by the user rather than the manifest's directory
}

// confine returns the root of a manifest: the one given, else the
// manifest's directory if it holds relative paths, else none.
func confine(given, dir string, relative bool) (root, error) {
	d := given
	if d == "" {
		if !relative {
			return root{}, nil
		}
		d = dir
	}
	abs, err := filepath.Abs(d)
	if err != nil {
		return root{}, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs // a root that does not exist holds no file anyway
	}
	return root{dir: abs, real: real, given: given != ""}, nil
}

// check returns an error for the first of files that lies outside the
// root, by its path or where its symbolic links lead. A file that does not
// exist is left to the reader to report.
func (r root) check(files []string) error {
	if r.dir == "" {
		return nil
	}
	for _, f := range files {
		if f == "" {
			continue
		}
		abs, err := filepath.Abs(f)
		if err != nil {
			return err
		}
		ok := under(r.dir, abs)
		if real, err := filepath.EvalSymlinks(abs); ok && err == nil {
			ok = under(r.real, real)
		}
		if !ok {
			if r.given {
				return fmt.Errorf("%s is outside --root %s", f, r.dir)
			}
			return fmt.Errorf("%s is outside the manifest's directory %s (give --root to read files elsewhere)", f, r.dir)
		}
	}
	return nil
}

// under reports whether path p lies under directory dir (both absolute
// and clean).
func under(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// manifestParser reads the lines of a manifest one at a time.
type manifestParser struct {
	dir    string
	opt    ManifestOptions
	cols   []string // the header's file columns
	header bool
	idCol  int
	ncols  int  // file columns a line must have (0: not known yet)
	sets   int  // data lines so far
	count  bool // only count the sets: no paths, no IDs
	// relative is set once a data line holds a relative path
	relative bool
	root     root // the files must lie under it
	// seen holds a 64-bit hash of every ID with its line, to find
	// duplicates in constant memory per set: two IDs that collide (one
	// chance in 10^19 for a pair) would be reported as duplicates.
	seen map[uint64]int
}

func newManifestParser(dir string, opt ManifestOptions) *manifestParser {
	return &manifestParser{dir: dir, opt: opt, idCol: -1, ncols: opt.Columns, seen: map[uint64]int{}}
}

// scan reads the lines of r and yields a set for every data line, until
// yield returns false.
func (p *manifestParser) scan(r io.Reader, yield func(Set) bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s, ok, err := p.line(sc.Text(), line)
		if err != nil {
			return err
		}
		if ok && !yield(s) {
			return nil
		}
	}
	return sc.Err()
}

// line reads one line: ok if it is a set (not a header, comment or blank).
func (p *manifestParser) line(text string, line int) (s Set, ok bool, err error) {
	text = strings.TrimRight(text, "\r")
	if line == 1 {
		text = strings.TrimPrefix(text, "\ufeff")
	}
	if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
		return s, false, nil
	}
	fields := strings.Split(text, "\t")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	if !p.header && p.sets == 0 && isHeader(fields, p.opt) {
		p.header = true
		for i, f := range fields {
			if strings.EqualFold(f, "id") {
				if p.idCol >= 0 {
					return s, false, fmt.Errorf("line %d: two id columns", line)
				}
				p.idCol = i
				continue
			}
			p.cols = append(p.cols, strings.ToLower(f))
		}
		if p.opt.Columns > 0 && len(p.cols) != p.opt.Columns {
			return s, false, fmt.Errorf("line %d: the header names %d file columns, want %d", line, len(p.cols), p.opt.Columns)
		}
		p.ncols = len(p.cols)
		return s, false, nil
	}
	p.sets++
	for i, f := range fields {
		if i != p.idCol && f != "" && !filepath.IsAbs(f) {
			p.relative = true
		}
	}
	if p.count {
		return s, true, nil
	}
	s.Line = line
	var files []string
	id := ""
	for i, f := range fields {
		if i == p.idCol {
			id = f
			continue
		}
		files = append(files, f)
	}
	if p.ncols == 0 {
		p.ncols = len(files) // no header: the first line sets the count
	}
	s.Cols = make([]string, max(p.ncols, len(files)))
	copy(s.Cols, p.cols)
	for i, f := range files {
		if f != "" && !filepath.IsAbs(f) && p.dir != "." {
			files[i] = filepath.Join(p.dir, f)
		}
	}
	s.Files = files
	switch {
	case len(files) != p.ncols:
		s.Err = fmt.Errorf("%d files, want %d", len(files), p.ncols)
	case p.idCol >= 0 && id == "":
		s.Err = errors.New("empty id")
	}
	if id == "" {
		id = deriveID(files, p.opt)
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
	if s.Err == nil {
		s.Err = p.root.check(files)
	}
	if s.Err == nil { // a faulty line claims no ID
		h := fnv.New64a()
		io.WriteString(h, id)
		if prev, ok := p.seen[h.Sum64()]; ok {
			s.Err = fmt.Errorf("set id %q is also line %d's (add an id column)", id, prev)
		} else {
			p.seen[h.Sum64()] = line
		}
	}
	return s, true, nil
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
// suffix are listed in Ignored; hidden files are skipped. A symbolic link
// counts as the regular file it leads to when that file lies under dir;
// other links are listed in Links.
func ScanDir(dir string, langs []string) (*Manifest, error) {
	r, err := confine(dir, dir, true)
	if err != nil {
		return nil, err
	}
	opt := ManifestOptions{Names: langs}
	m := &Manifest{Cols: slices.Clone(langs)}
	byID := map[string]*Set{}
	defer func() { m.Total = len(m.Sets) }()
	col := map[string]int{}
	for i, l := range langs {
		col[l] = i
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() || r.check([]string{p}) != nil {
				m.Links = append(m.Links, rel)
				return nil
			}
		} else if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
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
