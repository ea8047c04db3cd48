package terms

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"concord/segment"
	"concord/segment/langtag"
	"concord/segment/words"
)

// Word classes and normalisation shared by the terminology extractor, the
// concordance and the consistency checks.

// isHan reports whether r is a Han character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// allHan reports whether s is non-empty and made of Han characters only.
func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// isWord reports whether a token is a word that may be part of a term:
// letters (and combining marks) only, Han characters for Chinese.
func isWord(s, lang string) bool {
	if langtag.Base(lang) == "zh" {
		return allHan(s)
	}
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '\'' && r != '’' && r != 'ـ' {
			return false
		}
	}
	return true
}

// isJoiner reports whether a token may stand inside a term of a language
// written with spaces without being a word: the hyphen of Secretary-General.
func isJoiner(s string) bool {
	switch s {
	case "-", "‐", "‑", "–":
		return true
	}
	return false
}

// Stop words: words that never begin or end a term. Inside a term, the
// Chinese breakers (的, 是, 应…) are not allowed either; the others are.
var stopWords = map[string]map[string]bool{
	"zh": set(`的 了 和 与 及 以及 或 或者 在 对 对于 为 为了 由 于 从 向 将 把 被 是 有 其 该 此 这 那 这些 那些 此类 此种 该等 本 各 每 任何 所有 一切 其他 其它 等 之 所 者 以 而 并 并且 且 也 又 还 均 都 亦 即 则 如 如果 若 但 但是 应 应当 应该 可 可以 可能 能 能够 须 必须 不 没有 未 无 非 已 已经 予以 给予 进行 根据 依照 按照 依据 关于 通过 系指 是指 所述 所指 包括 有关 相关 涉及 下列 以下 上述 前述 第 条 款 项 目 中 内 上 下 时 后 前 之间 方面 我们 他们 它们 我 你 他 她 它 要 会 就 到 让 使 得 着 过 这样 如何 什么 哪些 一个 一些 一项 一种 以便 以及其 以免 以期 以外 之外 之一 方式 目的 旨在 关切 注意到 认识到 强调 确保 促请 鼓励 请 决定 欢迎 赞赏 表示 又 再 更 最 很 非常 已于 至 自 除 除了 比 同时 以来 期间 当 当时 其中 包含 包括在内 至少 根据本 本条 本款 本公约 此等 次 名 个 年 月 日 号 届 份`),
	"en": set(`the a an of and or to in on for by with at from as that which this these those is are was were be been being it its their his her our your they we you he she them shall should may must will would can could not no nor any all each every such other others than into under between within without including include includes included also has have had upon there where when who whom whose if so but per more most very only same both either neither about after before during through against among however thereof therein herein hereby hereto whereas whether while what how why one two three four five six seven eight nine ten first second third said mr mrs ms do does did done make made well us i my me`),
	"fr": set(`le la les l' l’ un une des de du d' d’ et ou à au aux en dans par pour sur avec sans sous que qui quoi dont où ce cette ces cet se sa son ses leur leurs il elle ils elles on ne pas plus est sont été être a ont avait doit doivent peut peuvent y lui eux nous vous entre vers chez afin ainsi comme si selon tout tous toute toutes autre autres même mêmes tel telle tels telles notamment aussi lors après avant pendant contre parmi qu' qu’ s' s’ n' n’ c' c’ j' j’`),
	"es": set(`el la los las lo un una unos unas de del y e o u a al en por para con sin sobre entre que quien quienes cual cuales cuyo cuya se su sus le les no ni es son ser sido está están ha han había debe deben puede pueden como si según todo todos toda todas otro otros otra otras mismo misma tal tales también así durante contra tras hacia desde hasta cuando donde muy más menos este esta estos estas ese esa esos esas aquel aquella`),
	"ru": set(`и в во на с со по к ко о об обо от для из за не ни что как а или но то же бы ли его ее её их им ими он она оно они это этот эта эти этого этой этих тот та те того той тех который которая которые которых которого которой также так при до после без над под между через чем если когда где все всех всем весь вся всё любой любая любые каждый каждая должен должна должны может могут быть был была были является являются свой своих своей своего`),
	"ar": set(`في من على إلى الى أو او و عن أن ان إن التي الذي الذين اللذين اللتين هذه هذا ذلك تلك هؤلاء أولئك لا ما لم لن قد كل أي بين عند مع حيث كما إذا اذا ثم أيضا ايضا بما فيها فيه به بها له لها لهم منها منه عليها عليه وفقا وفق ضد دون غير حتى لدى ضمن خلال بعد قبل نحو لكي كي لأغراض أجل يجوز تكون يكون كان كانت هو هي هم بموجب عندما ليس بأي شريطة حسب سواء أكانت أم إلا بما لها ذات أحد إحدى مثل قبيل`),
}

// The stop words as Fold leaves them: Arabic folding makes إلى الي and أي
// اي, which the lists above spell with hamza.
func init() {
	for _, lists := range []map[string]map[string]bool{stopWords, leadWords, determiners} {
		for lang, m := range lists {
			for w := range m {
				m[words.Fold(w, lang)] = true
				if lang == "ar" {
					m[words.Stem(words.Fold(w, lang), lang)] = true
				}
			}
		}
	}
}

// leadWords may begin a term though they are stop words: the Arabic
// negations of غير المشروع (unlawful) and دون وجه حق (without right).
var leadWords = map[string]map[string]bool{
	"ar": set(`غير دون`),
}

// determiners never bind a term to its neighbour (see gram.bound).
var determiners = map[string]map[string]bool{
	"zh": set(`本 该 此 各 这 那 其 每 任何 所有 一切 这些 那些 此类 此种 该等 上述 前述 有关 相关`),
	"en": set(`the a an this these that those its their his her our such each every any all`),
	"ar": set(`هذه هذا هذين هاتين تلك ذلك كل أي أية`),
}

// zhBreakers may not stand inside a Chinese term: they join clauses, not
// the parts of a name.
var zhBreakers = set(`的 了 是 在 对 把 被 将 应 应当 可 可以 不 也 并 均 都 所 而 则 即 亦 已 由 从 向 为 于 以 或 其 该 此 有 就 到 让 使 得 着 过 如 若 但 须 必须 能 能够 要 会`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isStop reports whether a normalised token is a stop word of lang.
func isStop(tok, lang string) bool {
	return stopWords[langtag.Base(lang)][tok]
}

// stemEq reports whether a stem of a text matches a stem of a term:
// equal, or, in Arabic, equal but for a clitic preposition (بنظام, لنظام).
func stemEq(text, want, lang string) bool {
	if text == want {
		return true
	}
	if langtag.Base(lang) != "ar" || len(text) <= len(want) {
		return false
	}
	for _, p := range []string{"ب", "ل", "ك", "ف"} {
		if strings.HasPrefix(text, p) && text[len(p):] == want {
			return true
		}
	}
	return false
}

// related reports whether two folded words are forms of one word, as
// far as a prefix tells: the shorter (three characters or more) starts
// the longer (report, reporting; peace, peaceful; child, children), or
// they share five characters or more and seven tenths of the shorter
// (political, politics; violent, violence; not Committee, Commission).
func related(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	cp := 0
	for cp < len(ra) && ra[cp] == rb[cp] {
		cp++
	}
	return cp >= 5 && 10*cp >= 7*len(ra) || (cp == len(ra) && len(ra) >= 3)
}

// span is a byte range of a text.
type span struct{ start, end int }

// cut is a text cut into words once, for matching many terms.
type cut struct {
	text  string
	lang  string
	toks  []tokSpan // the tokens' spans in text
	fold  []string  // folded tokens
	stems []string  // light stems, made on first use
}

func newCut(seg *words.Segmenter, text, lang string) *cut {
	ts := seg.Cut(text, lang)
	c := &cut{text: text, lang: lang, toks: make([]tokSpan, len(ts)), fold: make([]string, len(ts))}
	for i, t := range ts {
		c.toks[i] = tokSpan{int32(t.Start), int32(t.End)}
		c.fold[i] = words.Fold(t.Text, lang)
	}
	return c
}

func (c *cut) stem() []string {
	if c.stems == nil {
		c.stems = make([]string, len(c.fold))
		for i, f := range c.fold {
			c.stems[i] = words.Stem(f, c.lang)
		}
	}
	return c.stems
}

// pattern is a term prepared for matching (see find).
type pattern struct {
	han       string   // a Chinese term without spaces, else ""
	keys      []string // folded (or stemmed) tokens of other terms
	stem      bool
	substring bool
}

func newPattern(seg *words.Segmenter, term, lang string, substring, stem bool) *pattern {
	p := &pattern{stem: stem, substring: substring}
	if strings.TrimSpace(term) == "" {
		return p
	}
	if langtag.Base(lang) == "zh" && allHanOrSpace(term) {
		p.han = strings.Join(strings.Fields(term), "")
		return p
	}
	for _, tk := range seg.Cut(term, lang) {
		k := words.Fold(tk.Text, lang)
		if stem {
			k = words.Stem(k, lang)
		}
		p.keys = append(p.keys, k)
	}
	return p
}

// find returns the byte ranges where the pattern occurs in a cut text.
func (p *pattern) find(c *cut) []span {
	var out []span
	if p.han != "" {
		text := c.text
		for i := 0; ; {
			j := strings.Index(text[i:], p.han)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(p.han)
			if p.substring || c.boundary(s, e) {
				out = append(out, span{s, e})
				i = e
			} else {
				_, size := utf8.DecodeRuneInString(text[s:])
				i = s + size
			}
		}
		return out
	}
	if len(p.keys) == 0 {
		return nil
	}
	toks := c.fold
	if p.stem {
		toks = c.stem()
	}
	for i := 0; i+len(p.keys) <= len(toks); i++ {
		ok := true
		for k, w := range p.keys {
			if toks[i+k] != w && (!p.stem || !stemEq(toks[i+k], w, c.lang)) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, span{int(c.toks[i].s), int(c.toks[i+len(p.keys)-1].e)})
			i += len(p.keys) - 1
		}
	}
	return out
}

// boundary reports whether s and e fall on word boundaries of the cut.
func (c *cut) boundary(s, e int) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return int(c.toks[i].s) >= s })
	if i == len(c.toks) || int(c.toks[i].s) != s {
		return false
	}
	j := sort.Search(len(c.toks), func(j int) bool { return int(c.toks[j].e) >= e })
	return j < len(c.toks) && int(c.toks[j].e) == e
}

// allHanOrSpace reports whether s holds Han characters and nothing but
// spaces besides.
func allHanOrSpace(s string) bool {
	han := false
	for _, r := range s {
		switch {
		case isHan(r):
			han = true
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return han
}

// key is the comparison key of a term: its light-stemmed tokens joined
// by spaces (Chinese: the term without spaces).
func termKey(seg *words.Segmenter, term, lang string) string {
	if langtag.Base(lang) == "zh" {
		return strings.Join(strings.Fields(segment.NFKC(term)), "")
	}
	var ks []string
	for _, tk := range seg.Cut(term, lang) {
		ks = append(ks, words.Stem(words.Fold(tk.Text, lang), lang))
	}
	return strings.Join(ks, " ")
}
