"""Grammeme names shared by both languages.

Russian grammemes come straight from pymorphy3 (OpenCorpora tags: NOUN, INFN, nomn, gent, datv,
accs, ablt, loct, plur, impr, past...).  Kazakh suffixes are mapped onto the same names where the
categories agree (nomn, gent, datv, accs, ablt, loct, plur, impr, past, 1per, 2per...), so one
rule can say `gram: [nomn, ablt]` for both languages; Kazakh-only categories get names of their
own: ablv (ablative -дан), siml (similative -дай "like a..."), poss (possessive), pred
(predicative person ending), neg (verb negation -ма/-ме), prtc (participle), desid (-ғысы келеді),
conv (converb -ып), cond (conditional -са), rprt (reported past -ыпты), intn (intention -ғалы),
adjx (-дағы "the one in", -дікі "the one of").

Which suffix marks which grammemes is a column of the suffix table (`kazakh_suffixes.py`); the
analyzer attaches them to each analysis (`KazakhAnalysis.gram`).  This module only names the set,
so that rule files can be checked: a `gram:` value that no language uses is a typo (`gen` for
`gent`).
"""

from __future__ import annotations

from functools import lru_cache

from .kazakh_suffixes import NEGATION, NOMINAL, VERBAL

# grammemes the annotation adds from the context of a word (lexicon/annotate.py): Attr — a bare
# Kazakh noun that only modifies the possessed noun after it ("орыс көршім"); Own — a group word
# with the speaker's possessive ("қазағым", "халқымды": my own people); Pron — a group read
# through a pronoun that stands for it ("они", "олар": the group named before, not a word used here);
# Topic — a word right before the dash of a nominal sentence ("X — ..."), its subject; Label — a
# plural insult that is a short clause of its own after a comma ("..., оңбағандар"); Self — a name
# the speaker gives himself ("я кацап", "мы ж хохлы"); Named — a slur reported as the name others
# give ("казахов считают узкоглазыми", "нас обзывают чурками"); Pred — a Kazakh insult that ends
# its clause after the group named as its subject ("қырғыздар ... ештеңеге қабілетсіз"); Allot — a
# group word in the dative right before a dash: what follows is what the group is to get
# ("Уйгурам — депортацию", "Ұйғырларға — лагерь")
CONTEXT_GRAMMEMES = frozenset({"Attr", "Own", "Pron", "Topic", "Label", "Self", "Named", "Pred", "HasObj", "Allot"})

KAZAKH_GRAMMEMES = frozenset(
    {"NOUN", "VERB", "nomn"}
    | {g for row in NOMINAL for g in row.gram}
    | {g for row in VERBAL for _, gs in row.pieces for g in gs}
    | {g for row in NEGATION for g in row.gram}
)


@lru_cache(maxsize=1)
def russian_grammemes() -> frozenset[str]:
    """Every grammeme pymorphy3's Russian dictionary knows (OpenCorpora tag set)."""
    from . import russian

    return frozenset(russian.analyzer().TagClass.KNOWN_GRAMMEMES)


def known_grammemes() -> frozenset[str]:
    """Names a rule's `gram:` condition may use."""
    return KAZAKH_GRAMMEMES | CONTEXT_GRAMMEMES | russian_grammemes()
