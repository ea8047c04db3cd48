// Package history follows a draft through a series of revisions: the
// feature behind concord history.
//
// [Build] compares each revision with the one before it (diff.Compare on
// neighbours only, never all pairs, so the work grows linearly with the
// number of revisions) and chains the matches into one [Provision] per
// unit: its address in each revision (a renumbering chain art.17 → art.18
// → art.18), its label and negotiation status there, the revision in which
// it appeared, changed its wording, changed status or was deleted, and, on
// demand, the word redline of each step. A [RevSummary] per revision counts
// the articles added, deleted, changed and renumbered and the units by
// status: the status-of-negotiations table a secretariat keeps.
//
// A History is plain data that names units by address; the writers (text,
// Markdown, HTML, CSV, JSON) are in corpora/out/historyout.
//
// Imports: segment and align/diff.
package history
