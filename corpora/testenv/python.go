package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// Python returns the path of a Python 3 that imports the given modules:
// Debian's /usr/bin/python3 first (where python3-openpyxl installs), else
// the python3 on PATH. As with Tool, a missing module skips the test
// outside CI and fails it in CI, since .ci/run installs it.
func Python(tb testing.TB, modules ...string) string {
	tb.Helper()
	var candidates []string
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		candidates = append(candidates, "/usr/bin/python3")
	}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	script := ""
	for _, m := range modules {
		script += "import " + m + "\n"
	}
	for _, p := range candidates {
		if exec.Command(p, "-c", script).Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("no python3 imports %v: .ci/run should have installed it (python3-openpyxl…)", modules)
	}
	tb.Skipf("no python3 imports %v: skipping (apt-get install python3-openpyxl to run this test)", modules)
	return ""
}
