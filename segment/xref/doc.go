// Package xref is concord's one grammar of cross-references: the places
// where the text of a draft points to another of its units — 第 17 条第 1
// 款(b)项, 本条第 2 款, 第一百二十条之一第二款第三项, article 17, paragraph
// 1 (b), paragraphs 1 and 2 of this article, l'article 17, paragraphe 1 b),
// пункт 1 статьи 17, الفقرة 1 (أ) من المادة 17 — in the six UN languages
// and in Chinese law.
//
// [Find] returns the references of a text, each with its span, the article
// it names (or that it is relative to the unit the text stands in) and the
// address segments below it; [Ref.Resolve] turns one into an address.
// References to other instruments (《刑法》第二十条, article 19 of the
// Universal Declaration) are left out. Revision comparison (stale
// references), consistency checks (references that differ between
// versions) and the aligner read references from here.
//
// Imports: segment and segment/langtag.
package xref
