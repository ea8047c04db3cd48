// Package diff compares two revisions of a draft: the feature behind
// concord diff.
//
// [Compare] matches the units of the old and the new document tree — by
// content where articles were renumbered or moved, by address where they
// kept their place — and returns a [Report]: what happened to every unit
// (unchanged, changed, added, deleted, moved, renumbered), a word-level
// redline of each changed heading, text and tail, the negotiation-status
// transitions, and the cross-references of the new text that still point to
// old numbers. A Report is plain data that names units by address; it never
// formats output or touches files (the writers are in corpora/out/diffout).
//
// Imports: segment and its subpackages only.
package diff
