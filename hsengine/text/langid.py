"""Stage 3 — language per text (ru / kk / mixed) from cheap per-word votes.

Kazakh and Russian share the Cyrillic alphabet and borrow freely, so one letter or one word
decides nothing.  Each word votes: Kazakh-only letters and unambiguous Kazakh function words vote
kk; Russian function words and Russian-only letters vote ru; Latin-script words vote by the 2021
Kazakh alphabet's letters, Kazakh suffixes and the common words of either language typed in Latin.
The votes are cached with each word's analysis, so detection costs one addition per token.
"""

from __future__ import annotations

import regex

_KK_LETTERS = regex.compile(r"[әғқңөұүһі]")
_RU_ONLY_LETTERS = regex.compile(r"[ъэщ]")
_KK_LATIN_LETTERS = regex.compile(r"[äğqñöūüşı]")
_KK_LATIN_SUFFIX = regex.compile(r"(?:lar|ler|dar|der|tar|ter)(?:dy|di|dyñ|diñ|ga|ge|ğa|ge|da|de|dan|den|ymyz|imiz|y|i)?$")

KK_WORDS = frozenset(
    """және мен бен пен бұл осы ол олар біз сен сіз емес жоқ бар керек деп үшін ғой қой ғана еді екен
    болып болса барлық бәрі мына сол қазір неге біздің сендер олардың оларды оған соң тек әлі енді
    жоқ бірақ немесе сияқты туралы арқылы бойынша кейін дейін бізге бізді өз өзі өздері жер ел елде
    елден елге елімізде халық халқы адам адамдар кім қандай қалай неше қашан мұнда онда""".split()
)
RU_WORDS = frozenset(
    """и в не на что это как все они так но за по из от для уже только его ее их мы вы ты я он она
    с у к о же бы ли еще вот нет надо нужно если когда тоже быть был были этот эти там тут где
    чтобы потому который которые очень просто даже может можно будет есть нас вас им них меня
    тебя себя свои свой наши наш ваш всех всем этих того тем чем кто""".split()
)
KK_LATIN_WORDS = frozenset(
    """jäne jane men ben pen bul osy ol olar biz bız sen siz sız emes joq jok bar kerek dep üşin ushin
    ushın goi ğoi gana ğana edi eken barlyq bari bäri qazir kazir elimizdi elimizde eldi elden elge
    halyq khalyk adam adamdar ketsin ketu kerek""".split()
)
RU_LATIN_WORDS = frozenset(
    """vse eto chto shto ne na kak oni tak no za po iz ot dlya dlia uzhe tolko ego ih ikh my vy ty ya
    nado nuzhno nuzno esli kogda tozhe byt etot eti tam tut gde chtoby kotorye ochen prosto dazhe
    mozhet budet est nas vas im nih nikh menya sebya vsekh vseh etih etikh""".split()
)


def word_votes(word: str, script: str) -> tuple[int, int]:
    """(ru, kk) votes of one normalized word."""
    if script == "cyrl" or script == "mixed":
        if _KK_LETTERS.search(word):
            return (0, 2)
        if word in KK_WORDS:
            return (0, 2)
        if word in RU_WORDS:
            return (1, 0)
        if _RU_ONLY_LETTERS.search(word):
            return (1, 0)
        return (0, 0)
    if script == "latn":
        if _KK_LATIN_LETTERS.search(word) or word in KK_LATIN_WORDS:
            return (0, 2)
        if word in RU_LATIN_WORDS:
            return (1, 0)
        if len(word) > 4 and _KK_LATIN_SUFFIX.search(word):
            return (0, 1)
        return (0, 0)
    return (0, 0)


def decide(ru: int, kk: int, has_cyrillic: bool) -> str:
    """Language of a text from its summed votes: 'ru', 'kk', 'mixed' or 'und' (undetermined)."""
    if ru == 0 and kk == 0:
        return "ru" if has_cyrillic else "und"
    if ru and kk:
        low, high = min(ru, kk), max(ru, kk)
        if low * 4 >= high and low >= 2:
            return "mixed"
    return "kk" if kk > ru else "ru"
