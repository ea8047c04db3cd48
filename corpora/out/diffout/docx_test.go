package diffout

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"concord/align/diff"
	"concord/corpora"
	"concord/corpora/testdocs"
	"concord/corpora/testenv"
	"concord/segment"
)

// redlineDate is the date of the tracked changes in the tests.
var redlineDate = time.Date(2024, 8, 9, 12, 0, 0, 0, time.UTC)

// writeDocx writes the Word redline of a report to a file in dir.
func writeDocx(t testing.TB, dir string, r *diff.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := Docx(&b, r, Options{Date: redlineDate}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "redline.docx")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// roundTrip checks that concord's reader gives back both revisions from
// a redline file: every tracked change rejected gives old, accepted new.
func roundTrip(t *testing.T, path string, old, new *segment.Document) (*segment.Document, *segment.Document) {
	t.Helper()
	o, n, err := corpora.LoadRevisions(path, corpora.LoadOptions{Lang: new.Lang})
	if err != nil {
		t.Fatal(err)
	}
	if d := treeDiff(old, o); len(d) > 0 {
		t.Errorf("rejecting every change does not give the old revision:\n  %s", strings.Join(d, "\n  "))
	}
	if d := treeDiff(new, n); len(d) > 0 {
		t.Errorf("accepting every change does not give the new revision:\n  %s", strings.Join(d, "\n  "))
	}
	return o, n
}

func TestDocxRoundTripFixture(t *testing.T) {
	r := fixture(t, diff.Options{})
	p := writeDocx(t, t.TempDir(), r)
	roundTrip(t, p, r.OldDoc, r.NewDoc)
}

// changeSet is a report's changes without names and source lines: what a
// comparison found.
func changeSet(r *diff.Report) []string {
	var out []string
	for _, c := range r.Changes {
		var b strings.Builder
		b.WriteString(string(c.Op) + " " + c.OldAddr + " " + c.NewAddr + " " + string(c.OldStatus) + ">" + string(c.NewStatus))
		for _, e := range c.Edits {
			b.WriteString(" " + string(e.Field) + string(e.Op) + e.Text)
		}
		out = append(out, b.String())
	}
	for _, s := range r.StaleRefs {
		out = append(out, "stale "+s.Addr+" "+s.Ref+" "+s.Message)
	}
	return out
}

// sameChanges checks that concord diff --revisions on the redline gives
// back the change set of the comparison it was written from.
func sameChanges(t *testing.T, r *diff.Report, o, n *segment.Document) {
	t.Helper()
	again := compare(t, o, n, diff.Options{Lang: r.Lang})
	a, b := changeSet(r), changeSet(again)
	if len(a) != len(b) {
		t.Errorf("%d changes read back, want %d", len(b), len(a))
	}
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			t.Errorf("change %d read back as %q, want %q", i, b[i], a[i])
			break
		}
	}
}

// TestDocxRoundTripLaws writes the Word redline of every pair of dated
// versions of the Chinese laws and reads it back.
func TestDocxRoundTripLaws(t *testing.T) {
	tmp := t.TempDir()
	n, pair := 0, 0
	for _, law := range testenv.Laws(t) {
		files := law.Paths
		for k := 1; k < len(files); k++ {
			load := func(path string) *segment.Document {
				d, err := corpora.LoadFile(path, corpora.LoadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			old, new := load(files[k-1]), load(files[k])
			r := compare(t, old, new, diff.Options{})
			pair++
			if raceSlowdown > 1 && pair%8 != 1 {
				continue // under the race detector, one pair in eight
			}
			t.Run(filepath.Base(files[k]), func(t *testing.T) {
				p := writeDocx(t, tmp, r)
				o, nn := roundTrip(t, p, old, new)
				sameChanges(t, r, o, nn)
			})
			n++
		}
	}
	if raceSlowdown == 1 && n < 78 {
		t.Errorf("%d pairs read back, want the 78 of the corpus", n)
	}
	t.Logf("%d pairs read back", n)
}

// loMacro accepts or rejects every tracked change of a document in
// LibreOffice and saves the result as UTF-8 text.
const loMacro = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Redline(inURL As String, outURL As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inURL, "_blank", 0, args())
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  If mode = "accept" Then
    dispatcher.executeDispatch(doc.CurrentController.Frame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
  Else
    dispatcher.executeDispatch(doc.CurrentController.Frame, ".uno:RejectAllTrackedChanges", "", 0, Array())
  End If
  Dim sargs(1) As New com.sun.star.beans.PropertyValue
  sargs(0).Name = "FilterName"
  sargs(0).Value = "Text (encoded)"
  sargs(1).Name = "FilterOptions"
  sargs(1).Value = "UTF8,LF"
  doc.storeToURL(outURL, sargs())
  doc.close(True)
End Sub
</script:module>
`

// scriptedL15 revises the embedded L.15 draft by script: an article
// inserted before article 17 (the articles after it renumbered), article
// 2 (a) reworded, article 7 1. agreed ad referendum no more and article 3
// agreed, and paragraph 2 of article 4 deleted.
func scriptedL15(t testing.TB) (old, new string) {
	_, data := corpora.Default()
	old = string(data)
	label := regexp.MustCompile(`(?m)^第 ?(\d+) ?条\.`)
	new = label.ReplaceAllStringFunc(old, func(m string) string {
		n, _ := strconv.Atoi(label.FindStringSubmatch(m)[1])
		if n < 17 {
			return m
		}
		return "第 " + strconv.Itoa(n+1) + " 条."
	})
	for _, e := range [][2]string{
		{"第 18 条.", "第 17 条. 保护举报人\n\n各缔约国均应考虑采取适当措施，保护善意举报的任何人员。\n\n第 18 条."},
		{"其中一个或多个装置按照某一程序收集、存储并自动处理电子数据；[暂定]", "其中一个或多个装置按照某一程序自动收集和处理电子数据；[暂定]"},
		{"行为确立为刑事犯罪行为。[暂定]\n2. 缔约国可规定此类犯罪须是以违反安全措施方式实施的", "行为确立为刑事犯罪行为。\n2. 缔约国可规定此类犯罪须是以违反安全措施方式实施的"},
		{"第 3 条. 适用范围", "第 3 条. 适用范围[暂定]"},
		{"\n2. 本条中的任何内容均不得解释为根据本公约确立刑事犯罪。\n", "\n"},
	} {
		if strings.Count(new, e[0]) != 1 {
			t.Fatalf("%q occurs %d times", e[0], strings.Count(new, e[0]))
		}
		new = strings.Replace(new, e[0], e[1], 1)
	}
	return old, new
}

// TestDocxLibreOffice opens a Word redline of a scripted revision of the
// L.15 draft in LibreOffice (headless): LibreOffice must see the changes as
// tracked changes by their author and the comments on status transitions
// and stale references; accepting every change there must give the new
// revision, rejecting every change the old one.
func TestDocxLibreOffice(t *testing.T) {
	soffice := testenv.Tool(t, "soffice")
	oldText, newText := scriptedL15(t)
	old, new := testdocs.LoadLang(t, "L15.old.txt", oldText, ""), testdocs.LoadLang(t, "L15.new.txt", newText, "")
	r := compare(t, old, new, diff.Options{})
	dir := t.TempDir()
	docx := writeDocx(t, dir, r)
	o, n := roundTrip(t, docx, old, new) // concord's own reader first
	sameChanges(t, r, o, n)

	profile := filepath.Join(dir, "profile")
	lo := func(args ...string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore"}, args...)...)
		cmd.Dir = dir
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, b)
		}
	}
	lo("--convert-to", "odt", "--outdir", dir, docx) // opens the redline, and makes the profile
	lib := filepath.Join(profile, "user", "basic", "Standard")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "Module1.xba"), []byte(loMacro), 0o644); err != nil {
		t.Fatal(err)
	}
	// what LibreOffice made of the changes: tracked changes by their
	// author, and comments, in the OpenDocument it saved
	content := odtContent(t, filepath.Join(dir, "redline.odt"))
	regions := strings.Count(content, "<text:changed-region ")
	ins, del := strings.Count(content, "<text:insertion>"), strings.Count(content, "<text:deletion>")
	if ins < 50 || del < 50 || strings.Count(content, "<dc:creator>concord</dc:creator>") < regions {
		t.Errorf("LibreOffice keeps %d tracked changes (%d insertions, %d deletions), want the label changes of 52 renumbered articles and more, each by concord", regions, ins, del)
	}
	for _, want := range []string{"status: agreed ad referendum → open", "status: open → agreed ad referendum", "stale cross-reference 第 17 条"} {
		if !strings.Contains(content, want) {
			t.Errorf("LibreOffice does not keep the comment %q", want)
		}
	}
	for _, mode := range []string{"accept", "reject"} {
		txt := filepath.Join(dir, mode+".txt")
		lo(`macro:///Standard.Module1.Redline("file://` + docx + `","file://` + txt + `","` + mode + `")`)
		text, err := os.ReadFile(txt)
		if err != nil {
			t.Fatal(err)
		}
		got := testdocs.LoadLang(t, mode+".txt", string(text), "zh")
		want := new
		if mode == "reject" {
			want = old
		}
		if d := treeDiff(want, got); len(d) > 0 {
			t.Errorf("LibreOffice, %s every change: not the %s revision:\n  %s", mode, map[string]string{"accept": "new", "reject": "old"}[mode], strings.Join(d, "\n  "))
		}
	}
}

// odtContent returns content.xml of an OpenDocument file.
func odtContent(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("LibreOffice did not save the redline as OpenDocument: %v", err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no content.xml")
	return ""
}
