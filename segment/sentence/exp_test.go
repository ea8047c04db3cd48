package sentence

import "testing"

func TestGCDTExp(t *testing.T) {
	tr, te := loadGCDT(t, "train"), loadGCDT(t, "test")
	for _, q := range []int{0, 1, 2, 3} {
		expQuote = q
		t.Logf("quote %d train %v | test %v", q, scoreGCDT(tr, clauseCuts), scoreGCDT(te, clauseCuts))
	}
	expQuote = 0
}
