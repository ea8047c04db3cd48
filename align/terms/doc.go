// Package terms is concord's terminology: the features behind concord terms
// and concord kwic.
//
// [Extract] builds a [Glossary] of one or more language versions: the
// terms each document defines (harvested by segment/define), paired across
// versions by the address of their definition; Chinese term candidates
// scored by C-value ([Candidates]); term pairs over the aligned sentences
// scored by log-likelihood and linked one to one ([Pairs]); and the
// consistency issues of the defined terms. [Parallel] does the same for a
// parallel corpus already split into aligned lines. [KWIC] is a
// multilingual concordance of one term with the sentences the other
// versions align with each occurrence.
//
// Results are plain data that name units by address; the writers (TBX,
// CSV, JSON, the concordance formats) are in corpora/out.
//
// Imports: segment and its subpackages, and align.
package terms
