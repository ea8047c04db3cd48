// Package batch runs one piece of work per document set of a corpus on all
// cores and hands the results back in input order, with a bounded number of
// sets in flight, so that a corpus of any size streams through in constant
// memory. It knows nothing of alignment or diffs: the commands give it the
// work and the writer.
//
// The pieces:
//
//   - Map (over a slice) and MapSeq (over a sequence read as the work goes
//     on), an ordered parallel map with a bounded window: at most
//     Options.Window sets are started and not yet handed back, whatever
//     the size of the corpus, and results are handed back in input order,
//     so that the output does not depend on the number of workers;
//   - Progress, the interface a progress display implements, fed from the
//     ordered results with Stats (sets done, failed and skipped, bytes
//     (see Sizer), rate, time left);
//   - Manifest and Set: document sets read line by line from a TSV
//     manifest (ReadManifest), or matched by name in a directory
//     (ScanDir, which lists the directory in memory), confined to a root
//     directory (ManifestOptions.Root; by default a manifest of relative
//     paths reads nothing outside its own directory);
//   - WriteFile, which writes an output to a temporary file and renames
//     it when complete, so that an output that exists is complete (what
//     --resume relies on) — or in place, when the output is a device, a
//     FIFO or a symbolic link; and Dir, an output directory written into
//     without following symbolic links. Temporary files are named after
//     their host and process, so that shards writing into one directory
//     at once never remove each other's (CleanTemp removes only those of
//     processes that ended).
//
// A failing set does not stop the batch: its error (a panic in the work
// included) is handed to the writer with the set, and counted.
//
// Imports: no package of concord: the commands give it the work and the writer.
package batch
