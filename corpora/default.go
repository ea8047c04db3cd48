package corpora

import _ "embed"

// defaultText is the L.15 draft as committed in corpora/default.
//
//go:embed default/L15.zh.txt
var defaultText string

// DefaultName is the name [Default] gives its document.
const DefaultName = "L15.zh.txt"

// Default returns concord's built-in input: the Chinese text of the draft
// United Nations convention against cybercrime, A/AC.291/L.15 (reconvened
// concluding session, 29 July–9 August 2024), as UTF-8 plain text converted
// from the PDF. data is a fresh copy on every call; name is [DefaultName].
func Default() (name string, data []byte) {
	return DefaultName, []byte(defaultText)
}
