package sentence

import (
	"strings"
	"unicode/utf8"
)

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
	abbrevNumber            // ru г. гг. ч. м.: like abbrevEnd after a number, else abbrevInside
)

// langRules holds the per-language tables. The zero value is never used.
type langRules struct {
	script script
	abbrev map[string]abbrevKind // the word before the period, without it
	// numNouns are the lowercase stems of the words that a number follows
	// at a sentence end (paragraph 2. / to 5.); a small number after any
	// other word, and before a capital, is the label of a new paragraph
	// that follows a heading (session 2. Immunity…).
	numNouns []string
	numWords []string // function words matched whole: to 5. / and 10.
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
	r, size := utf8.DecodeRuneInString(s)
	if u := toUpper(r); s != "" && u != r {
		return string(u) + s[size:]
	}
	return s
}

var (
	rulesEn = &langRules{script: scriptLatin, abbrev: newAbbrev(
		[]string{"art.", "arts.", "para.", "paras.", "subpara.", "e.g.", "i.e.", "No.", "Nos.",
			"Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "St.", "Sen.", "Rep.", "Gen.", "Col.",
			"Lt.", "Capt.", "Hon.", "cf.", "vol.", "vols.", "p.", "pp.", "ch.", "chap.", "sect.",
			"fig.", "ed.", "eds.", "Rev.", "Corr.", "Add.", "Suppl.", "approx.", "vs.", "viz.",
			"H.E.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."},
		[]string{"etc.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "al."}),
		numNouns: strings.Fields(`para art item table annex rule figure fig chapter section page footnote
			note resolution decision no number box appendix vol part principle recommendation goal
			target indicator level phase step option category class grade column line row schedule
			standard action`),
		numWords: strings.Fields(`to and or through of than by at from between per about nearly over under around`),
	}
	rulesFr = &langRules{script: scriptLatin, abbrev: newAbbrev(
		[]string{"M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Dr.", "Pr.", "Me.", "art.", "al.", "p.",
			"pp.", "ex.", "cf.", "n°.", "no.", "nos.", "vol.", "chap.", "sect.", "par.", "éd.",
			"Rev.", "Corr.", "Add.", "Suppl.", "env.", "janv.", "févr.", "avr.", "juil.", "sept.",
			"oct.", "nov.", "déc."},
		[]string{"etc.", "cie."}),
		numNouns: strings.Fields(`par art point alinéa annexe tableau règle figure chapitre section page note
			résolution décision n° no numéro encadré appendice vol partie principe recommandation
			objectif cible indicateur niveau phase étape option catégorie classe colonne ligne
			norme action`),
		numWords: strings.Fields(`à au aux et ou de du des que par sur environ`),
	}
	rulesEs = &langRules{script: scriptLatin, abbrev: newAbbrev(
		[]string{"art.", "arts.", "Sr.", "Sra.", "Sres.", "Sras.", "Srta.", "Dr.", "Dra.", "D.",
			"Dña.", "núm.", "núms.", "p.", "pp.", "pág.", "págs.", "párr.", "párrs.", "ej.",
			"cf.", "vol.", "cap.", "secc.", "Rev.", "Corr.", "Add.", "Supl.", "aprox.", "Excmo.",
			"Excma.", "Ud.", "Uds.", "ene.", "feb.", "abr.", "ago.", "sept.", "oct.", "nov.", "dic."},
		[]string{"etc.", "Cía.", "S.A."}),
		numNouns: strings.Fields(`párr art tema cuadro anexo regla figura gráfico capítulo sección página
			nota resolución decisión núm número recuadro apéndice vol parte principio recomendación
			objetivo meta indicador nivel fase etapa opción categoría clase columna línea
			norma acción`),
		numWords: strings.Fields(`a al y o e de del que por sobre entre unos unas casi más`),
	}
	rulesRu = &langRules{script: scriptCyril, abbrev: func() map[string]abbrevKind {
		m := newAbbrev(
			[]string{"ст.", "п.", "пп.", "т.", "т.е.", "е.", "см.", "ср.", "им.", "стр.", "с.",
				"рис.", "табл.", "гл.", "разд.", "подп.", "ч.", "т.н.", "напр.", "млн.", "млрд.",
				"тыс.", "руб.", "долл.", "г-н.", "г-жа.", "Rev.", "Corr.", "Add."},
			[]string{"т.д.", "т.п.", "д.", "др.", "пр.", "в."})
		for _, a := range []string{"г", "гг", "ч", "м", "час", "мин"} {
			m[a] = abbrevNumber
		}
		return m
	}(), numNouns: strings.Fields(`пункт подпункт стать приложени таблиц правил рисун диаграмм глав раздел
			страниц сноск примечани резолюци решени номер № вставк добавлени том част принцип
			рекомендаци цел задач показател уровн этап вариант категори класс колонк строк`),
		numWords: strings.Fields(`до и или по из от чем на в с около более менее`)}
	rulesAr  = &langRules{script: scriptArabic, abbrev: map[string]abbrevKind{}}
	rulesZh  = &langRules{script: scriptHan, abbrev: rulesEn.abbrev, numNouns: rulesEn.numNouns, numWords: rulesEn.numWords}
	rulesDef = &langRules{script: scriptLatin, abbrev: rulesEn.abbrev, numNouns: rulesEn.numNouns, numWords: rulesEn.numWords}
)

// rulesFor returns the tables of a language code ("zh", "zh-Hans", "en-GB"…);
// an unknown code gets the English Latin-script rules.
func rulesFor(lang string) *langRules {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
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

// isNumNoun reports whether a word (lowercased) starts with one of the
// language's number-noun stems.
func (lr *langRules) isNumNoun(word string) bool {
	for _, st := range lr.numNouns {
		if strings.HasPrefix(word, st) {
			return true
		}
	}
	for _, w := range lr.numWords {
		if word == w {
			return true
		}
	}
	return false
}
