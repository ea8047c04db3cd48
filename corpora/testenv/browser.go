package testenv

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// DumpDOM loads an HTML file in headless Chromium and returns the DOM as
// the browser built it (after parsing, with every escape resolved as a
// reader would see it). The test is skipped outside CI when Chromium is not
// installed.
func DumpDOM(tb testing.TB, htmlPath string) string {
	tb.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		bin = Tool(tb, "chromium")
	}
	abs, err := filepath.Abs(htmlPath)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	profile := tb.TempDir()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--dump-dom", "file://"+abs)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("chromium: %v", err)
	}
	return string(out)
}
