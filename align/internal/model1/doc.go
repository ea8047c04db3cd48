// Package model1 learns a bilingual lexicon from aligned text: IBM Model 1
// in both directions, trained by EM on beads of token ids (as Moore 2002
// and hunalign's realign do). The sentence aligner of package align trains
// it on the beads of an earlier pass, and reads its [Table] for the
// lexical score of a bead.
//
// Imports: no package of concord.
package model1
