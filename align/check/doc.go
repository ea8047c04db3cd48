// Package check compares the language versions of one text and reports
// what a reviewer must look at: the feature behind concord check.
//
// [Run] returns [Finding] values, each naming a unit by address, a [Kind]
// (missing units, numbering gaps, differing status marks, numbers and
// cross-references, stray Latin words in Chinese, unbalanced brackets,
// defined terms used in another form) and the versions concerned. Findings
// are plain data; the writers are in corpora/out.
//
// Imports: segment and its subpackages, align and align/terms.
package check
