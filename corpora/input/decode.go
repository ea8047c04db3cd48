package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Limits on the input that [Decode], [ReadFile] and the readers of package
// corpora accept.
const (
	// MaxFileBytes is the largest input accepted, in bytes (256 MiB).
	MaxFileBytes = 256 << 20
	// MaxLineBytes is the longest line accepted, in bytes of decoded UTF-8
	// text, line end excluded (1 MiB).
	MaxLineBytes = 1 << 20
)

// Canonical names of the encodings [Decode] treats on its own (byte-order
// marks, detection); every other encoding of the WHATWG Encoding Standard
// has the canonical name package htmlindex gives it ("windows-1256",
// "koi8-r", "iso-8859-5" …).
const (
	UTF8    = "utf-8"
	UTF16   = "utf-16" // byte order from the byte-order mark, else guessed
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
	GBK     = "gbk"
	Big5    = "big5"
)

// The single-byte encodings [Decode] detects, besides the Chinese ones.
const (
	Windows1252 = "windows-1252" // Western European: French, Spanish (ISO-8859-1 is decoded as it, as browsers do)
	Windows1251 = "windows-1251" // Cyrillic: Russian
	KOI8R       = "koi8-r"       // Cyrillic: Russian
	Windows1256 = "windows-1256" // Arabic
)

// ErrUnknownEncoding is returned (wrapped) by [Decode] and [ReadFile] for an
// encoding name they do not know. It is the caller's mistake, not the
// file's, so it is not an [Error].
var ErrUnknownEncoding = errors.New("unknown encoding")

// KnownEncodings lists, for messages, the encodings a caller may name.
const KnownEncodings = "utf-8, utf-16, gb18030, gbk, big5, windows-1252, windows-1251, koi8-r, windows-1256 or another name of the WHATWG Encoding Standard"

// encodingAliases lists, for each canonical encoding name, the normalised
// names (lower case, without '-', '_', '.' and spaces) that mean it.
var encodingAliases = [][]string{
	{UTF8, "utf8", "unicode11utf8"},
	{UTF16, "utf16", "ucs2", "unicode"},
	{UTF16LE, "utf16le", "ucs2le"},
	{UTF16BE, "utf16be", "ucs2be"},
	{GB18030, "gb18030"},
	{GBK, "gbk", "cp936", "ms936", "windows936", "xgbk", "gb2312", "euccn", "csgb2312", "chinese"},
	{Big5, "big5", "cp950", "ms950", "windows950", "csbig5", "xxbig5", "big5hkscs"},
}

// labelForms rewrite a normalised name into a WHATWG label: "windows1256"
// → "windows-1256", "koi8r" → "koi8-r", "iso88595" is a label as it is.
var labelForms = []struct{ prefix, label string }{
	{"windows", "windows-"}, {"iso8859", "iso-8859-"}, {"koi8", "koi8-"}, {"shiftjis", "shift_jis"},
	{"euc", "euc-"}, {"iso2022", "iso-2022-"}, {"xmac", "x-mac-"}, {"xuser", "x-user-"},
}

// CanonicalEncoding returns the canonical name of an encoding name or
// alias: the UTF-8, UTF-16 and Chinese names of [Decode] ("UTF8", "cp936",
// "GB2312", "Big5-HKSCS", "UTF-16LE" …) and every label of the WHATWG
// Encoding Standard that package htmlindex knows ("windows-1256", "cp1251",
// "KOI8-R", "latin1" …), matched without regard to case and, where no
// label matches as given, to '-', '_', '.' and spaces. GB2312 and its
// aliases decode as GBK, ISO-8859-1 and its aliases as windows-1252 (both
// supersets), as browsers do. ok is false for a name it does not know and
// for the labels that the standard maps to its "replacement" encoding
// (ISO-2022-KR, HZ-GB-2312 …), which decodes nothing.
func CanonicalEncoding(name string) (canonical string, ok bool) {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch r {
		case '-', '_', ' ', '.':
		default:
			b.WriteRune(r)
		}
	}
	norm := b.String()
	for _, group := range encodingAliases {
		for _, alias := range group[1:] {
			if alias == norm {
				return group[0], true
			}
		}
	}
	labels := []string{name, norm}
	for _, f := range labelForms {
		if rest, ok := strings.CutPrefix(norm, f.prefix); ok && rest != "" {
			labels = append(labels, f.label+rest)
		}
	}
	for _, l := range labels {
		e, err := htmlindex.Get(l)
		if err != nil {
			continue
		}
		c, err := htmlindex.Name(e)
		if err != nil || c == "replacement" {
			return "", false
		}
		return c, true
	}
	return "", false
}

// codec returns the decoder of a canonical encoding name that package
// htmlindex knows (every one but UTF16).
func codec(canonical string) encoding.Encoding {
	e, err := htmlindex.Get(canonical)
	if err != nil {
		return nil
	}
	return e
}

// Decode turns the bytes of a text file into UTF-8 text. name is used only
// in error messages. encoding is any name [CanonicalEncoding] knows, or ""
// to detect it:
//
//  1. a UTF-8 byte-order mark means UTF-8, and FF FE / FE FF mean UTF-16
//     little/big endian (the mark is removed);
//  2. bytes that are valid UTF-8 are UTF-8;
//  3. otherwise the text (its first 256 KiB, cut at a line end) is decoded
//     both as GB18030 and as Big5, and the decoding in which more
//     characters are common characters of that standard (the 3,755 hanzi
//     of GB 2312 level 1, the 5,401 of Big5 level 1) and fewer are
//     invalid or private-use wins if at least half of its non-ASCII
//     characters are common ones;
//  4. but a single-byte encoding wins over Chinese where its decoding fits
//     better: windows-1256 (Arabic), windows-1251 or KOI8-R (Russian) or
//     windows-1252 (French, Spanish; ISO-8859-1 text decodes the same),
//     when at least 90 % of the non-ASCII characters (and 4 at least)
//     make words of that script as the language writes them (one script
//     to a word, no upper case inside a lower-case word, a Latin-1 letter
//     beside ASCII letters; in Arabic and Russian, 40 % of the letters
//     among the language's ten most frequent), and no other single-byte
//     encoding comes within 20 points. Otherwise Decode gives up rather
//     than guess, with an error that asks for the encoding.
//
// A leading U+FEFF is removed whatever the encoding. Line ends are kept as
// they are. Decode returns an [*Error] for input that is empty or only
// whitespace, binary (NUL bytes, or more than 1 in 32 characters C0 controls
// other than tab, line feed, vertical tab, form feed and carriage return),
// not valid in the requested or detected encoding, longer than
// [MaxFileBytes], or that has a line longer than [MaxLineBytes]. An
// encoding name it does not know gives an error wrapping
// [ErrUnknownEncoding].
func Decode(name string, data []byte, encoding string) (string, error) {
	enc := ""
	if encoding != "" {
		c, ok := CanonicalEncoding(encoding)
		if !ok {
			return "", fmt.Errorf("corpora: %w %q (want %s)", ErrUnknownEncoding, encoding, KnownEncodings)
		}
		enc = c
	}
	if len(data) > MaxFileBytes {
		return "", TooLarge(name, int64(len(data)))
	}
	text, ierr := decodeText(name, data, enc)
	if ierr != nil {
		return "", ierr
	}
	if ierr := CheckText(name, text); ierr != nil {
		return "", ierr
	}
	return text, nil
}

// decodeText decodes data in the canonical encoding enc, or in the one it
// detects when enc is "", without a leading U+FEFF: the part of [Decode]
// and [DecodeHTML] that follows the choice of encoding.
func decodeText(name string, data []byte, enc string) (string, *Error) {
	if len(data) == 0 {
		return "", Errorf(name, "empty input (0 bytes)")
	}
	e, body, decoded, ierr := chooseEncoding(name, data, enc)
	if ierr != nil {
		return "", ierr
	}
	text, ierr := decodeAs(name, body, e, enc == "", decoded)
	if ierr != nil {
		return "", ierr
	}
	return strings.TrimPrefix(text, "\uFEFF"), nil
}

// Detect returns the canonical name of the encoding [Decode] would use for
// data when asked to detect it (UTF8, UTF16LE, UTF16BE, GB18030, Big5,
// Windows1256, Windows1251, KOI8R or Windows1252),
// or "" if the data is empty, binary, or in no encoding Decode recognises.
// It does not check the whole input for validity.
func Detect(data []byte) string {
	if len(data) == 0 || len(data) > MaxFileBytes {
		return ""
	}
	enc, _, _, err := chooseEncoding("", data, "")
	if err != nil {
		return ""
	}
	return enc
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// TrimBOM returns data without a leading UTF-8 byte-order mark.
func TrimBOM(data []byte) []byte { return bytes.TrimPrefix(data, bomUTF8) }

// chooseEncoding settles the encoding (detecting it if enc is ""), strips a
// byte-order mark, and rejects binary input in ASCII-compatible encodings.
// If detection decoded the whole body already, decoded holds the result.
func chooseEncoding(name string, data []byte, enc string) (_ string, body, decoded []byte, _ *Error) {
	switch enc {
	case "":
		switch {
		case bytes.HasPrefix(data, bomUTF8):
			return UTF8, data[3:], nil, checkBinaryBytes(name, data[3:])
		case bytes.HasPrefix(data, bomUTF16LE):
			return UTF16LE, data[2:], nil, nil
		case bytes.HasPrefix(data, bomUTF16BE):
			return UTF16BE, data[2:], nil, nil
		}
		if err := checkBinaryBytes(name, data); err != nil {
			return "", nil, nil, err
		}
		if utf8.Valid(data) {
			return UTF8, data, data, nil // valid: decodes to itself
		}
		enc, decoded, err := detectLegacy(name, data)
		return enc, data, decoded, err
	case UTF8:
		return UTF8, bytes.TrimPrefix(data, bomUTF8), nil, checkBinaryBytes(name, data)
	case UTF16:
		switch {
		case bytes.HasPrefix(data, bomUTF16LE):
			return UTF16LE, data[2:], nil, nil
		case bytes.HasPrefix(data, bomUTF16BE):
			return UTF16BE, data[2:], nil, nil
		}
		// No mark: ASCII-range characters have their zero byte first in
		// big-endian order. Ties go to little endian, Windows' order.
		var even, odd int
		for i := 0; i+1 < len(data); i += 2 {
			if data[i] == 0 {
				even++
			}
			if data[i+1] == 0 {
				odd++
			}
		}
		if even > odd {
			return UTF16BE, data, nil, nil
		}
		return UTF16LE, data, nil, nil
	case UTF16LE:
		return enc, bytes.TrimPrefix(data, bomUTF16LE), nil, nil
	case UTF16BE:
		return enc, bytes.TrimPrefix(data, bomUTF16BE), nil, nil
	case "iso-2022-jp":
		// Seven bits, and escape sequences (ESC, a C0 control) switch
		// the character sets: only NUL marks binary data.
		return enc, data, nil, checkNUL(name, data)
	default: // GB18030, GBK, Big5, the single-byte encodings …: ASCII-compatible
		return enc, data, nil, checkBinaryBytes(name, data)
	}
}

// checkNUL rejects data with a NUL byte.
func checkNUL(name string, data []byte) *Error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return Errorf(name, "binary data: NUL byte at line %d (byte offset %d)", 1+bytes.Count(data[:i], []byte{'\n'}), i)
	}
	return nil
}

// isControl reports whether r is a C0 control or DEL that plain text does
// not normally contain.
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r':
		return false
	}
	return r < 0x20 || r == 0x7F
}

// checkBinaryBytes rejects data that looks binary. It works on bytes, which
// for UTF-8, GB18030, GBK, Big5 and every ASCII-compatible encoding is the
// same as working on characters: no byte below 0x30 is ever part of a
// multi-byte character in them.
func checkBinaryBytes(name string, data []byte) *Error {
	ctl := 0
	for i, c := range data {
		if c >= 0x20 && c != 0x7F {
			continue
		}
		if c == 0 {
			hint := ""
			if looksUTF16(data) {
				hint = "; if this is UTF-16 text without a byte-order mark, give the encoding (utf-16le or utf-16be)"
			}
			return Errorf(name, "binary data: NUL byte at line %d (byte offset %d)%s",
				1+bytes.Count(data[:i], []byte{'\n'}), i, hint)
		}
		if isControl(rune(c)) {
			ctl++
		}
	}
	return tooManyControls(name, ctl, len(data), "bytes")
}

// looksUTF16 reports whether the first 4 KiB of data have their NUL bytes
// mostly at even or mostly at odd offsets, as UTF-16 text in the Latin,
// Cyrillic or Arabic scripts has.
func looksUTF16(data []byte) bool {
	data = data[:min(len(data), 4096)]
	var even, odd int
	for i, c := range data {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	return max(even, odd) >= len(data)/8 && max(even, odd) >= 4*min(even, odd)
}

func tooManyControls(name string, ctl, n int, unit string) *Error {
	if ctl > 0 && ctl*32 > n {
		return Errorf(name, "binary data: %d of %d %s are control characters", ctl, n, unit)
	}
	return nil
}

// decodeAs decodes body in a known encoding and reports the first place
// where it is not valid in that encoding. decoded, if not nil, is body
// already decoded.
func decodeAs(name string, body []byte, enc string, detected bool, decoded []byte) (string, *Error) {
	how := enc
	if detected {
		how += " (detected)"
	}
	switch enc {
	case UTF8:
		if decoded != nil || utf8.Valid(body) {
			return string(body), nil
		}
		if i := invalidUTF8(body); i >= 0 {
			return "", Errorf(name, "line %d: not valid %s (bad byte 0x%02X at byte offset %d)",
				1+bytes.Count(body[:i], []byte{'\n'}), how, body[i], i)
		}
		return string(body), nil
	case UTF16LE, UTF16BE:
		return decodeUTF16(name, body, enc == UTF16BE, how)
	}
	e := codec(enc)
	if e == nil { // unreachable: enc is canonical
		return "", Errorf(name, "cannot decode %s", enc)
	}
	legit := 0 // U+FFFD characters that the input really encodes
	if enc == GB18030 {
		legit = bytes.Count(body, []byte{0x84, 0x31, 0xA4, 0x37})
	}
	out, err := decoded, error(nil)
	if out == nil {
		out, err = e.NewDecoder().Bytes(body)
	}
	if err != nil {
		return "", &Error{File: name, Reason: "not valid " + how + ": " + err.Error(), Err: err}
	}
	if n := bytes.Count(out, []byte("\uFFFD")); n > legit {
		// Line ends survive decoding one for one (0x0A is never part of a
		// multi-byte character), so the line number is the input's.
		i := bytes.Index(out, []byte("\uFFFD"))
		line := 1 + bytes.Count(out[:i], []byte{'\n'})
		return "", Errorf(name, "line %d: not valid %s (%d undecodable byte sequences; first on this line)", line, how, n-legit)
	}
	return string(out), nil
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence,
// or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func decodeUTF16(name string, b []byte, bigEndian bool, how string) (string, *Error) {
	if len(b)%2 != 0 {
		return "", Errorf(name, "not valid %s: odd number of bytes (%d)", how, len(b))
	}
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	var sb strings.Builder
	sb.Grow(len(b) / 2 * 3)
	line, ctl, n := 1, 0, 0
	for i := 0; i < len(b); i += 2 {
		r := rune(unit(i))
		switch {
		case utf16.IsSurrogate(r):
			if r < 0xDC00 && i+3 < len(b) {
				if r2 := rune(unit(i + 2)); 0xDC00 <= r2 && r2 < 0xE000 {
					r = utf16.DecodeRune(r, r2)
					i += 2
					break
				}
			}
			return "", Errorf(name, "line %d: not valid %s: unpaired surrogate 0x%04X at byte offset %d", line, how, r, i)
		case r == 0:
			return "", Errorf(name, "binary data: NUL character at line %d (byte offset %d)", line, i)
		case r == '\n':
			line++
		case isControl(r):
			ctl++
		}
		n++
		sb.WriteRune(r)
	}
	if err := tooManyControls(name, ctl, n, "characters"); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// IsBlank reports whether r is whitespace or an invisible character that
// makes no text on its own.
func IsBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// CheckText returns the [*Error] that [Decode] gives for decoded text that
// is blank (only characters for which [IsBlank] is true) or has a line
// longer than [MaxLineBytes], and nil for other text.
func CheckText(name, text string) error {
	if strings.TrimFunc(text, IsBlank) == "" {
		return Errorf(name, "no text: the input holds only whitespace")
	}
	for line, rest := 1, text; rest != ""; line++ {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		if n := len(strings.TrimSuffix(rest[:i], "\r")); n > MaxLineBytes {
			hint := ""
			if strings.Contains(rest[:i], "\r") {
				hint = "; are its lines ended by lone carriage returns?"
			}
			return Errorf(name, "line %d is %d bytes long, more than the limit of %d bytes (%d MiB)%s",
				line, n, MaxLineBytes, MaxLineBytes>>20, hint)
		}
		if i == len(rest) {
			break
		}
		rest = rest[i+1:]
	}
	return nil
}

// detectSample is how much of the input detectLegacy looks at.
const detectSample = 256 << 10

// detectLegacy chooses the encoding of bytes that are not valid UTF-8 (see
// [Decode]): GB18030 or Big5 as the text reads as Chinese, else one of
// the single-byte encodings of detectSingleByte. If it looked at all of
// data, it also returns data decoded in the chosen encoding.
func detectLegacy(name string, data []byte) (string, []byte, *Error) {
	sample := data
	if len(sample) > detectSample {
		// Cut at a line end: 0x0A never occurs inside a character in
		// either encoding, so both decoders see whole characters.
		if i := bytes.LastIndexByte(sample[:detectSample], '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	gb, gbOut := scoreChinese(sample, GB18030)
	b5, b5Out := scoreChinese(sample, Big5)
	best, enc, out := gb, GB18030, gbOut
	if b5.value() > gb.value() {
		best, enc, out = b5, Big5, b5Out
	}
	if len(sample) < len(data) {
		out = nil
	}
	// A single-byte encoding wins where it fits better than Chinese.
	if sb, fit := detectSingleByte(sample); sb != "" && (best.nonASCII == 0 || fit > float64(best.value())/float64(best.nonASCII)) {
		return sb, nil, nil
	}
	if best.common*2 >= best.nonASCII {
		return enc, out, nil
	}
	i := invalidUTF8(data)
	return "", nil, Errorf(name, "line %d: not valid UTF-8 (bad byte 0x%02X at byte offset %d), and the text reads clearly as none of GB18030 or Big5 Chinese, windows-1256 Arabic, windows-1251 or KOI8-R Russian, windows-1252 French or Spanish; give its encoding (--encoding windows-1252, iso-8859-5 …)",
		1+bytes.Count(data[:i], []byte{'\n'}), data[i], i)
}

// chineseScore counts, in one candidate decoding, the non-ASCII characters,
// those that are common in that standard (level-1 hanzi, CJK punctuation
// and list numbering), and those that are signs of a wrong guess (U+FFFD,
// private use, C1 controls).
type chineseScore struct{ nonASCII, common, bad int }

func (s chineseScore) value() int { return s.common - 4*s.bad }

func scoreChinese(sample []byte, enc string) (chineseScore, []byte) {
	e := simplifiedchinese.GB18030
	if enc == Big5 {
		e = traditionalchinese.Big5
	}
	out, err := e.NewDecoder().Bytes(sample)
	if err != nil {
		return chineseScore{}, nil
	}
	common := commonHanzi(enc)
	var s chineseScore
	for _, r := range string(out) {
		if r < utf8.RuneSelf {
			continue
		}
		s.nonASCII++
		switch {
		case r == utf8.RuneError, 0xE000 <= r && r <= 0xF8FF, 0x80 <= r && r <= 0x9F:
			s.bad++
		case 0x4E00 <= r && r <= 0x9FFF:
			if common.has(r) {
				s.common++
			}
		case 0x3000 <= r && r <= 0x303F, 0xFF01 <= r && r <= 0xFF5E, // CJK and full-width punctuation
			0x2010 <= r && r <= 0x2027, 0x2030 <= r && r <= 0x203A, // dashes, quotes, ellipsis
			0x2160 <= r && r <= 0x216F, 0x2460 <= r && r <= 0x249B, // Ⅰ Ⅱ, ① ⑴ ⒈
			0x3220 <= r && r <= 0x3229: // ㈠ … ㈩
			s.common++
		}
	}
	return s, out
}

// hanSet is a set of characters in U+4E00..U+9FFF.
type hanSet [(0x9FFF - 0x4E00 + 64) / 64]uint64

func (s *hanSet) add(r rune) {
	if 0x4E00 <= r && r <= 0x9FFF {
		i := r - 0x4E00
		s[i/64] |= 1 << (i % 64)
	}
}

func (s *hanSet) has(r rune) bool {
	if r < 0x4E00 || r > 0x9FFF {
		return false
	}
	i := r - 0x4E00
	return s[i/64]&(1<<(i%64)) != 0
}

var (
	commonOnce         sync.Once
	commonGB, commonB5 hanSet
)

// commonHanzi returns the frequent characters of an encoding's standard:
// GB 2312 level 1 (rows 0xB0–0xD7), sorted by frequency when the standard
// was made, or Big5 level 1 (0xA440–0xC67E), the frequent characters of
// Taiwan's 常用國字標準字體表.
func commonHanzi(enc string) *hanSet {
	commonOnce.Do(func() {
		var gb, b5 []byte
		for c0 := 0xB0; c0 <= 0xD7; c0++ {
			for c1 := 0xA1; c1 <= 0xFE; c1++ {
				gb = append(gb, byte(c0), byte(c1))
			}
		}
		for c0 := 0xA4; c0 <= 0xC6; c0++ {
			for _, c1r := range [][2]int{{0x40, 0x7E}, {0xA1, 0xFE}} {
				for c1 := c1r[0]; c1 <= c1r[1]; c1++ {
					if c0 == 0xC6 && c1 > 0x7E {
						break
					}
					b5 = append(b5, byte(c0), byte(c1))
				}
			}
		}
		fill := func(set *hanSet, e encoding.Encoding, b []byte) {
			out, _ := e.NewDecoder().Bytes(b)
			for _, r := range string(out) {
				set.add(r)
			}
		}
		fill(&commonGB, simplifiedchinese.GBK, gb)
		fill(&commonB5, traditionalchinese.Big5, b5)
	})
	if enc == Big5 {
		return &commonB5
	}
	return &commonGB
}

// CharsetReader returns a reader of r decoded to UTF-8 from the encoding
// that label names ([CanonicalEncoding]), for the encoding declaration of
// an XML file: it fits encoding/xml's Decoder.CharsetReader. A UTF-16
// label is refused, since a UTF-16 file could not be read as far as its
// declaration.
func CharsetReader(label string, r io.Reader) (io.Reader, error) {
	c, ok := CanonicalEncoding(label)
	switch {
	case !ok:
		return nil, fmt.Errorf("the file declares encoding %q, which concord cannot decode", label)
	case c == UTF8:
		return r, nil
	case c == UTF16, c == UTF16LE, c == UTF16BE:
		return nil, fmt.Errorf("the file declares encoding %q, but its bytes are not UTF-16", label)
	}
	return transform.NewReader(r, codec(c).NewDecoder()), nil
}
