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
//	  "coarse": [{"addr": "p.1", "field": "text", "reason": "…"}],
//	  "summary": {"units": {…}, "articles": {…}, "stale_refs": 1, "substantive": true}
//	}
//
// Every unit of both revisions is listed once, unchanged ones included
// (without a diff). Statuses are "" (open), "ad-ref" and "informal".
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
		Summary: jsonSummary{
			Units:       counts(r.Summary.Units),
			Articles:    counts(r.Summary.Articles),
			StaleRefs:   r.Summary.StaleRefs,
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
		}
		for _, e := range c.Edits {
			jc.Diff = append(jc.Diff, jsonEdit{string(e.Field), string(e.Op), e.Text, e.Form, e.Moved})
		}
		doc.Changes = append(doc.Changes, jc)
	}
	for _, t := range r.Transitions {
		doc.StatusTransitions = append(doc.StatusTransitions, jsonTransition{string(t.From), string(t.To), t.Count, t.Addrs})
	}
	for _, s := range r.StaleRefs {
		doc.StaleRefs = append(doc.StaleRefs, jsonStale{s.Addr, string(s.Field), s.Ref, s.Target, s.Now, s.Message})
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
	Coarse            []jsonCoarse     `json:"coarse,omitempty"`
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
	Op         string     `json:"op"`
	Kind       string     `json:"kind"`
	OldAddr    string     `json:"old_addr"`
	NewAddr    string     `json:"new_addr"`
	OldLabel   string     `json:"old_label,omitempty"`
	NewLabel   string     `json:"new_label,omitempty"`
	OldLine    int        `json:"old_line,omitempty"`
	NewLine    int        `json:"new_line,omitempty"`
	Article    string     `json:"article"`
	InDeleted  bool       `json:"in_deleted,omitempty"`
	Depth      int        `json:"depth"`
	Similarity float64    `json:"similarity"`
	Changed    bool       `json:"changed"`
	FormOnly   bool       `json:"form_only,omitempty"`
	Status     jsonStatus `json:"status"`
	SplitFrom  string     `json:"split_from,omitempty"`
	MergedInto string     `json:"merged_into,omitempty"`
	Implicit   string     `json:"implicit,omitempty"`
	Diff       []jsonEdit `json:"diff,omitempty"`
}

type jsonStatus struct {
	Old string `json:"old"`
	New string `json:"new"`
}

type jsonEdit struct {
	Field string `json:"field"`
	Op    string `json:"op"`
	Text  string `json:"text"`
	Form  bool   `json:"form,omitempty"`
	Moved bool   `json:"moved,omitempty"`
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
	Now     string `json:"now,omitempty"`
	Message string `json:"message"`
}

type jsonCounts struct {
	Old           int `json:"old"`
	New           int `json:"new"`
	Unchanged     int `json:"unchanged"`
	Changed       int `json:"changed"`
	Added         int `json:"added"`
	Deleted       int `json:"deleted"`
	Moved         int `json:"moved"`
	Renumbered    int `json:"renumbered"`
	ContentEdited int `json:"content_edited"`
	StatusChanged int `json:"status_changed"`
	FormOnly      int `json:"form_only"`
}

type jsonSummary struct {
	Units       jsonCounts `json:"units"`
	Articles    jsonCounts `json:"articles"`
	StaleRefs   int        `json:"stale_refs"`
	Substantive bool       `json:"substantive"`
}

func counts(n diff.Counts) jsonCounts {
	return jsonCounts{n.Old, n.New, n.Unchanged, n.Changed, n.Added, n.Deleted, n.Moved, n.Renumbered, n.ContentEdited, n.StatusChanged, n.FormOnly}
}
