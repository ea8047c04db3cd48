package sentence

import "strings"

// script is the family of rules a language uses.
type script uint8

const (
	scriptLatin  script = iota // en, fr, es, and any unknown language
	scriptCyril                // ru
	scriptArabic               // ar
	scriptHan                  // zh
)

// abbrevKind says how an abbreviation before a period is read.
type abbrevKind uint8

const (
	abbrevNone   abbrevKind = iota
	abbrevInside            // never ends a sentence: Mr. art. e.g.
	abbrevEnd               // ends a sentence when a capital follows: etc.
	abbrevYear              // ru г./гг.: like abbrevEnd after a number, else abbrevInside
)

// langRules holds the per-language tables. The zero value is never used.
type langRules struct {
	script script
	abbrev map[string]abbrevKind // the word before the period, without it
}

// newAbbrev builds an abbreviation table. Entries are written with their
// final period; a lowercase entry also matches with its first letter
// capitalised (art. → Art.), since abbreviations start sentences too.
func newAbbrev(inside, end []string) map[string]abbrevKind {
	m := make(map[string]abbrevKind, 2*(len(inside)+len(end)))
	add := func(list []string, k abbrevKind) {
		for _, a := range list {
			a = strings.TrimSuffix(a, ".")
			m[a] = k
			if t := capitalise(a); t != a {
				if _, ok := m[t]; !ok {
					m[t] = k
				}
			}
		}
	}
	add(inside, abbrevInside)
	add(end, abbrevEnd)
	return m
}

func capitalise(s string) string {
	for i, r := range s {
		u := toUpper(r)
		if u == r {
			return s
		}
		return s[:i] + string(u) + s[i+len(string(r)):]
	}
	return s
}

var (
	rulesEn = &langRules{script: scriptLatin, abbrev: newAbbrev(
		[]string{"art.", "arts.", "para.", "paras.", "subpara.", "e.g.", "i.e.", "No.", "Nos.",
			"Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "St.", "Sen.", "Rep.", "Gen.", "Col.",
			"Lt.", "Capt.", "Hon.", "cf.", "vol.", "vols.", "p.", "pp.", "ch.", "chap.", "sect.",
			"fig.", "ed.", "eds.", "Rev.", "Corr.", "Add.", "Suppl.", "approx.", "vs.", "viz.",
			"Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."},
		[]string{"etc.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "al."}),
	}
	rulesFr = &langRules{script: scriptLatin, abbrev: newAbbrev(
		[]string{"M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Dr.", "Pr.", "Me.", "art.", "al.", "p.",
			"pp.", "ex.", "cf.", "n°.", "no.", "nos.", "vol.", "chap.", "sect.", "par.", "éd.",
			"Rev.", "Corr.", "Add.", "Suppl.", "env.", "janv.", "févr.", "avr.", "juil.", "sept.",
			"oct.", "nov.", "déc."},
		[]string{"etc.", "cie."}),
	}
	rulesEs = &langRules{script: scriptLatin, abbrev: newAbbrev(
		[]string{"art.", "arts.", "Sr.", "Sra.", "Sres.", "Sras.", "Srta.", "Dr.", "Dra.", "D.",
			"Dña.", "núm.", "núms.", "p.", "pp.", "pág.", "págs.", "párr.", "párrs.", "ej.",
			"cf.", "vol.", "cap.", "secc.", "Rev.", "Corr.", "Add.", "Supl.", "aprox.", "Excmo.",
			"Excma.", "Ud.", "Uds.", "ene.", "feb.", "abr.", "ago.", "sept.", "oct.", "nov.", "dic."},
		[]string{"etc.", "Cía.", "S.A."}),
	}
	rulesRu = &langRules{script: scriptCyril, abbrev: func() map[string]abbrevKind {
		m := newAbbrev(
			[]string{"ст.", "п.", "пп.", "т.", "т.е.", "е.", "см.", "ср.", "им.", "стр.", "с.",
				"рис.", "табл.", "гл.", "разд.", "подп.", "ч.", "т.н.", "напр.", "млн.", "млрд.",
				"тыс.", "руб.", "долл.", "г-н.", "г-жа.", "Rev.", "Corr.", "Add."},
			[]string{"т.д.", "т.п.", "д.", "др.", "пр.", "в."})
		m["г"] = abbrevYear
		m["гг"] = abbrevYear
		return m
	}()}
	rulesAr  = &langRules{script: scriptArabic, abbrev: map[string]abbrevKind{}}
	rulesZh  = &langRules{script: scriptHan, abbrev: rulesEn.abbrev}
	rulesDef = &langRules{script: scriptLatin, abbrev: rulesEn.abbrev}
)

// rulesFor returns the tables of a language code ("zh", "zh-Hans", "en-GB"…);
// an unknown code gets the English Latin-script rules.
func rulesFor(lang string) *langRules {
	if len(lang) > 2 && (lang[2] == '-' || lang[2] == '_') {
		lang = lang[:2]
	}
	switch strings.ToLower(lang) {
	case "zh", "cmn", "zho", "chi":
		return rulesZh
	case "en", "eng":
		return rulesEn
	case "fr", "fra", "fre":
		return rulesFr
	case "es", "spa":
		return rulesEs
	case "ru", "rus":
		return rulesRu
	case "ar", "ara", "arb":
		return rulesAr
	}
	return rulesDef
}
