package align

import (
	"fmt"
	"os"
	"time"
)

var sentDebug = os.Getenv("CONCORD_SENTDEBUG") != ""
var sentT0 = time.Now()

func sentDebugf(format string, args ...any) {
	if sentDebug {
		fmt.Fprintf(os.Stderr, "%8.3fs "+format+"\n", append([]any{time.Since(sentT0).Seconds()}, args...)...)
	}
}

func sentEnvF(name string, def float64) float64 {
	if v := os.Getenv(name); v != "" {
		var f float64
		fmt.Sscan(v, &f)
		return f
	}
	return def
}
