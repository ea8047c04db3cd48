package termsout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSX: a row per entry under the header, the columns of CSV named by
// language tags, and the same bytes twice.
func TestXLSX(t *testing.T) {
	var b, again bytes.Buffer
	if err := XLSX(&b, glossary(), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := XLSX(&again, glossary(), Options{}); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Errorf("not the same bytes twice (%v)", err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("glossary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := "kind addr zh-CN en definition zh-CN definition en score confidence freq occurrences context zh-CN context en"
	if len(rows) != 4 || strings.Join(rows[0], " ") != head {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	if r := rows[1]; r[0] != "defined" || r[1] != "art.2.k" || r[2] != "冻结" || r[3] != "Freezing" || r[9] != "art.2.k art.31" || r[11] != "States may freeze\nproperty." {
		t.Errorf("row 2: %q", r)
	}
	if r := rows[3]; r[6] != "12.346" || r[8] != "3" {
		t.Errorf("row 4: score %q, freq %q", r[6], r[8])
	}
}
