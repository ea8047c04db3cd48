//go:build !race

package office

// raceSlowdown scales the time limits of guard tests under the race
// detector, which slows code down by an order of magnitude.
const raceSlowdown = 1
