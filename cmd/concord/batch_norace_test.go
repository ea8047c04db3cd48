//go:build !race

package main

// raceEnabled: the race detector slows the corpus tests down tenfold.
const raceEnabled = false
