package testenv

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// ValidateTBX checks a TBX file with jing against the TBX core RELAX NG
// schema and with Saxon-HE against the TBX-Basic schematron (no
// svrl:failed-assert). Missing tools skip the test outside CI and fail it
// in CI, as Tool does; SAXON_JAR overrides the Debian jar's path.
func ValidateTBX(tb testing.TB, path string) {
	tb.Helper()
	formats := Formats(tb)
	jing := Tool(tb, "jing")
	java := Tool(tb, "java")
	jar := os.Getenv("SAXON_JAR")
	if jar == "" {
		jar = "/usr/share/java/Saxon-HE.jar"
	}
	if _, err := os.Stat(jar); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("Saxon-HE is not installed at %s", jar)
		}
		tb.Skipf("Saxon-HE is not installed at %s (set SAXON_JAR)", jar)
	}
	if out, err := exec.Command(jing, filepath.Join(formats, "core.rng"), path).CombinedOutput(); err != nil {
		tb.Errorf("jing core.rng: %v\n%s", err, out)
	}
	svrl, err := exec.Command(java, "-cp", jar, "net.sf.saxon.Transform", "-s:"+path, "-xsl:"+filepath.Join(formats, "basic_dca.xsl")).Output()
	if err != nil {
		tb.Fatalf("Saxon: %v", err)
	}
	if !bytes.Contains(svrl, []byte("fired-rule")) {
		tb.Fatalf("the schematron fired no rule:\n%s", svrl)
	}
	if n := bytes.Count(svrl, []byte("<svrl:failed-assert")); n > 0 {
		tb.Errorf("%d failed assertions:\n%s", n, svrl)
	}
}
