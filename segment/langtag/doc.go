// Package langtag is concord's one notion of a language: the six UN languages,
// the reduction of any language tag to the base language that chooses
// grammars, sentence rules and word segmentation, and the detection of a
// text's language. Tags are parsed with golang.org/x/text/language, so
// every spelling of a BCP 47 tag is understood ("zh-Hant", "zh_TW", "cmn",
// "ara", "en-GB").
//
// Imports: no package of concord.
package langtag
