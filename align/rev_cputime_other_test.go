//go:build !unix

package align

import "time"

// revCPUTime is not measured on this system.
func revCPUTime() time.Duration { return 0 }
