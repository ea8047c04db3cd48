//go:build race

package diffout

// raceSlowdown is 10 under the race detector, which slows code down by an
// order of magnitude: the corpus tests then sample their inputs.
const raceSlowdown = 10
