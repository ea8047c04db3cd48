package lexicon

import (
	"slices"
	"testing"
)

func TestZhEn(t *testing.T) {
	d, err := ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 150000 {
		t.Errorf("%d headwords", d.Len())
	}
	for _, c := range []struct{ zh, en string }{{"放", "release"}, {"靴子", "boots"}, {"缔约国", "party"}, {"國家", "country"}} {
		if ws := d.Lookup(c.zh); !slices.Contains(ws, c.en) {
			t.Errorf("Lookup(%s) = %v, want %q among them", c.zh, ws, c.en)
		}
	}
	if d.Lookup("不是词语吧") != nil || d.Has("") {
		t.Error("lookup of a missing headword")
	}
	if rs := d.Readings('张'); !slices.Contains(rs, "zhang") {
		t.Errorf("Readings(张) = %v", rs)
	}
	if rs := d.Readings('绿'); !slices.Contains(rs, "lu") {
		t.Errorf("Readings(绿) = %v", rs)
	}
}
