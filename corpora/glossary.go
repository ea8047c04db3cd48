package corpora

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"concord/corpora/input"
	"concord/segment/langtag"
)

// ReadGlossary reads a glossary of equivalent terms: each entry maps a
// base language code (zh, ar…; a tag such as zh-CN is read as its base
// language) to the term in that language. Two formats are read, told apart
// by content:
//
//   - TSV: a first line naming the language of each column (zh<TAB>en…),
//     then one entry a line; empty cells are allowed, lines starting with #
//     are skipped;
//   - TBX (ISO 30042, as concord terms writes it, v3 or v2): one entry per
//     conceptEntry or termEntry, the first term of each langSec or
//     langSet.
func ReadGlossary(path string) ([]map[string]string, error) {
	data, err := input.ReadBytes(path)
	if err != nil {
		return nil, err
	}
	return ParseGlossary(path, data)
}

// ParseGlossary reads a glossary from its bytes; name labels it in errors.
// See ReadGlossary for the formats.
func ParseGlossary(path string, data []byte) ([]map[string]string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, input.Errorf(path, "empty glossary")
	}
	if bytes.HasPrefix(bytes.TrimSpace(input.TrimBOM(data)), []byte("<")) {
		return readTBXGlossary(path, data)
	}
	text, err := input.Decode(path, data, "")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var langs []string
	var out []map[string]string
	for i, l := range lines {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cells := strings.Split(l, "\t")
		if langs == nil {
			for _, c := range cells {
				langs = append(langs, langtag.Base(strings.TrimSpace(c)))
			}
			if len(langs) < 2 {
				return nil, input.Errorf(path, "line %d: the first line must name two or more languages, tab-separated", i+1)
			}
			continue
		}
		if len(cells) > len(langs) {
			return nil, input.Errorf(path, "line %d: %d cells for %d languages", i+1, len(cells), len(langs))
		}
		e := map[string]string{}
		for k, c := range cells {
			if c = strings.TrimSpace(c); c != "" {
				e[langs[k]] = c
			}
		}
		if len(e) >= 2 {
			out = append(out, e)
		}
	}
	return out, nil
}

// readTBXGlossary takes the first term of every language section of every
// concept entry.
func readTBXGlossary(path string, data []byte) ([]map[string]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = nil
	var out []map[string]string
	var entry map[string]string
	lang := ""
	inTerm := false
	var term strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, input.Errorf(path, "line %d: malformed TBX: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "conceptEntry", "termEntry":
				entry = map[string]string{}
			case "langSec", "langSet":
				for _, a := range t.Attr {
					if a.Name.Local == "lang" {
						lang = langtag.Base(a.Value)
					}
				}
			case "term":
				inTerm = true
				term.Reset()
			}
		case xml.CharData:
			if inTerm {
				term.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "term":
				inTerm = false
				if entry != nil && lang != "" && entry[lang] == "" {
					entry[lang] = strings.TrimSpace(term.String())
				}
			case "conceptEntry", "termEntry":
				if len(entry) >= 2 {
					out = append(out, entry)
				}
				entry = nil
			}
		}
	}
	return out, nil
}
