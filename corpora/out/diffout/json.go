package diffout

import (
	"io"

	"concord/align/diff"
	"concord/corpora/out"
)

// JSON writes the report as JSON, concord's stable contract for programs:
//
//	{
//	  "old": {"name": "…", "lang": "zh"}, "new": {…},
//	  "lang": "zh", "strict": false, "granularity": "word",
//	  "changes": [{
//	    "op": "changed|added|deleted|moved|renumbered|unchanged",
//	    "kind": "article", "old_addr": "art.17", "new_addr": "art.18",
//	    "old_label": "第 17 条", "new_label": "第 18 条", "old_line": 243, "new_line": 250,
//	    "article": "art.18", "depth": 0,
//	    "similarity": 0.93, "changed": true, "form_only": false,
//	    "status": {"old": "", "new": "ad-ref"},
//	    "split_from": "art.3", "merged_into": "…", "implicit": "old",
//	    "diff": [{"field": "text", "op": "=|-|+", "text": "…", "form": true, "moved": true}]
//	  }],
//	  "status_transitions": [{"from": "", "to": "ad-ref", "count": 3, "addrs": ["art.5"]}],
//	  "stale_refs": [{"addr": "art.2.m", "field": "text", "ref": "第 17 条", "target": "art.17", "now": "art.18", "message": "…"}],
//	  "dangling_refs": [{"addr": "art.3.b", "field": "text", "ref": "第 35 条", "target": "art.35", "now": "", "message": "…"}],
//	  "coarse": [{"addr": "p.1", "field": "text", "reason": "…"}],
//	  "summary": {"units": {…, "renumbered_changed": 2, "moved_changed": 0, …}, "articles": {…},
//	              "stale_refs": 1, "dangling_refs": 1, "substantive": true}
//	}
//
// Every key is always present, whatever its value ("" for no text, 0, false,
// [] for an empty list), as in parse's contract, so that programs (and
// pandas.json_normalize) can rely on the key set. Every unit of both
// revisions is listed once, unchanged ones included (with an empty diff;
// a moved unit, or one whose status changed, has its unchanged text as "="
// pieces). "dangling_refs" lists references to an article that exists in
// neither revision: not stale, since they did not become wrong in this
// revision. Statuses are "" (open), "ad-ref" and "informal".
// Applying a change's diff to its old fields gives its new fields: per
// field, the old text is the "=" and "-" pieces in order, the new text the
// "=" and "+" pieces. Pieces marked "form" differ only in form; "moved"
// marks an article's text reported with its implicit first paragraph (the
// change whose "implicit" names the side where that paragraph does not
// exist as a unit). "coarse", present only when not empty, lists the
// fields whose redline shows whole sentences deleted and inserted rather
// than words (see diff.Report.Coarse).
func JSON(w io.Writer, r *diff.Report, opt Options) error {
	doc := jsonReport{
		Old:               jsonDoc{r.Old.Name, r.Old.Lang},
		New:               jsonDoc{r.New.Name, r.New.Lang},
		Lang:              r.Lang,
		Strict:            r.Strict,
		Granularity:       string(r.Granularity),
		Changes:           make([]jsonChange, 0, len(r.Changes)),
		StatusTransitions: make([]jsonTransition, 0, len(r.Transitions)),
		StaleRefs:         make([]jsonStale, 0, len(r.StaleRefs)),
		DanglingRefs:      make([]jsonStale, 0, len(r.Dangling)),
		Coarse:            make([]jsonCoarse, 0, len(r.Coarse)),
		Summary: jsonSummary{
			Units:       counts(r.Summary.Units),
			Articles:    counts(r.Summary.Articles),
			StaleRefs:   r.Summary.StaleRefs,
			Dangling:    r.Summary.Dangling,
			Substantive: r.Summary.Substantive,
		},
	}
	for _, c := range r.Changes {
		jc := jsonChange{
			Op: string(c.Op), Kind: string(c.Kind),
			OldAddr: c.OldAddr, NewAddr: c.NewAddr, OldLabel: c.OldLabel, NewLabel: c.NewLabel,
			OldLine: c.OldLine, NewLine: c.NewLine, Article: c.Article, InDeleted: c.InDeleted, Depth: c.Depth,
			Similarity: out.Round(c.Similarity, 3), Changed: c.Changed, FormOnly: c.FormOnly,
			Status:    jsonStatus{string(c.OldStatus), string(c.NewStatus)},
			SplitFrom: c.SplitFrom, MergedInto: c.MergedInto, Implicit: c.Implicit,
			Diff: c.Edits,
		}
		if jc.Diff == nil {
			jc.Diff = []diff.Edit{}
		}
		doc.Changes = append(doc.Changes, jc)
	}
	for _, t := range r.Transitions {
		doc.StatusTransitions = append(doc.StatusTransitions, jsonTransition{string(t.From), string(t.To), t.Count, t.Addrs})
	}
	for _, s := range r.StaleRefs {
		doc.StaleRefs = append(doc.StaleRefs, jsonStale{s.Addr, string(s.Field), s.Ref, s.Target, s.Now, s.Message})
	}
	for _, s := range r.Dangling {
		doc.DanglingRefs = append(doc.DanglingRefs, jsonStale{s.Addr, string(s.Field), s.Ref, s.Target, s.Now, s.Message})
	}
	for _, c := range r.Coarse {
		doc.Coarse = append(doc.Coarse, jsonCoarse{c.Addr, string(c.Field), c.Reason})
	}
	return out.JSON(w, doc, opt.Compact)
}

type jsonReport struct {
	Old               jsonDoc          `json:"old"`
	New               jsonDoc          `json:"new"`
	Lang              string           `json:"lang"`
	Strict            bool             `json:"strict"`
	Granularity       string           `json:"granularity"`
	Changes           []jsonChange     `json:"changes"`
	StatusTransitions []jsonTransition `json:"status_transitions"`
	StaleRefs         []jsonStale      `json:"stale_refs"`
	DanglingRefs      []jsonStale      `json:"dangling_refs"`
	Coarse            []jsonCoarse     `json:"coarse"`
	Summary           jsonSummary      `json:"summary"`
}

type jsonCoarse struct {
	Addr   string `json:"addr"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

type jsonDoc struct {
	Name string `json:"name"`
	Lang string `json:"lang"`
}

type jsonChange struct {
	Op         string      `json:"op"`
	Kind       string      `json:"kind"`
	OldAddr    string      `json:"old_addr"`
	NewAddr    string      `json:"new_addr"`
	OldLabel   string      `json:"old_label"`
	NewLabel   string      `json:"new_label"`
	OldLine    int         `json:"old_line"`
	NewLine    int         `json:"new_line"`
	Article    string      `json:"article"`
	InDeleted  bool        `json:"in_deleted"`
	Depth      int         `json:"depth"`
	Similarity float64     `json:"similarity"`
	Changed    bool        `json:"changed"`
	FormOnly   bool        `json:"form_only"`
	Status     jsonStatus  `json:"status"`
	SplitFrom  string      `json:"split_from"`
	MergedInto string      `json:"merged_into"`
	Implicit   string      `json:"implicit"`
	Diff       []diff.Edit `json:"diff"`
}

type jsonStatus struct {
	Old string `json:"old"`
	New string `json:"new"`
}

type jsonTransition struct {
	From  string   `json:"from"`
	To    string   `json:"to"`
	Count int      `json:"count"`
	Addrs []string `json:"addrs"`
}

type jsonStale struct {
	Addr    string `json:"addr"`
	Field   string `json:"field"`
	Ref     string `json:"ref"`
	Target  string `json:"target"`
	Now     string `json:"now"`
	Message string `json:"message"`
}

type jsonCounts struct {
	Old        int `json:"old"`
	New        int `json:"new"`
	Unchanged  int `json:"unchanged"`
	Changed    int `json:"changed"`
	Added      int `json:"added"`
	Deleted    int `json:"deleted"`
	Moved      int `json:"moved"`
	Renumbered int `json:"renumbered"`
	// the renumbered and the moved units that changed too (a part of
	// renumbered and of moved)
	RenumberedChanged int `json:"renumbered_changed"`
	MovedChanged      int `json:"moved_changed"`
	ContentEdited     int `json:"content_edited"`
	StatusChanged     int `json:"status_changed"`
	FormOnly          int `json:"form_only"`
}

type jsonSummary struct {
	Units       jsonCounts `json:"units"`
	Articles    jsonCounts `json:"articles"`
	StaleRefs   int        `json:"stale_refs"`
	Dangling    int        `json:"dangling_refs"`
	Substantive bool       `json:"substantive"`
}

func counts(n diff.Counts) jsonCounts {
	return jsonCounts{n.Old, n.New, n.Unchanged, n.Changed, n.Added, n.Deleted, n.Moved, n.Renumbered, n.RenumberedChanged,
		n.MovedChanged, n.ContentEdited, n.StatusChanged, n.FormOnly}
}
