//go:build !unix

package diff

import "time"

// cPUTime is not measured on this system.
func cPUTime() time.Duration { return 0 }
