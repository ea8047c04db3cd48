//go:build race

package align

// sentRace is set under the race detector, which slows the aligner down by
// an order of magnitude: the heaviest evaluations are left to the normal
// run there.
const sentRace = true
