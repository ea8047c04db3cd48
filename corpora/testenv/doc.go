// Package testenv locates the shared test corpora for concord's tests.
//
// Imports: no package of concord; tests only.
package testenv
