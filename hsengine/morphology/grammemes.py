"""Grammeme names shared by both languages, and the Kazakh suffix → grammeme table.

Russian grammemes come straight from pymorphy3 (OpenCorpora tags: NOUN, INFN, nomn, gent, datv,
accs, ablt, loct, plur, impr, past...).  Kazakh suffixes are mapped onto the same names where the
categories agree (nomn, gent, datv, accs, ablt, loct, plur, impr, past, 1per, 2per...), so one
rule can say `gram: [nomn, ablt]` for both languages; Kazakh-only categories get names of their
own: ablv (ablative -дан), siml (similative -дай "like a..."), poss (possessive), pred
(predicative person ending), neg (verb negation -ма/-ме), prtc (participle), desid (-ғысы келеді).
"""

from __future__ import annotations

def _table(rows: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """suffix -> grammemes, from "grammemes: forms" rows ("1per plur": "мыз міз ...")."""
    out: dict[str, tuple[str, ...]] = {}
    for grams, forms in rows.items():
        for form in forms.split():
            out[form] = tuple(dict.fromkeys(out.get(form, ()) + tuple(grams.split())))
    return out


_PERSONS = {
    "1per sing": "мын мін пын пін бын бін",
    "1per plur": "мыз міз пыз піз быз біз",
    "2per sing": "сың сің",
    "2per": "сыз сіз",
    "2per plur": "сыңдар сіңдер сыздар сіздер",
}
_NOMINAL = _table({
    "plur": "лар лер дар дер тар тер",
    "gent": "ның нің дың дің тың тің",
    "datv": "ға ге қа ке на не",
    "accs": "ны ні ды ді ты ті",
    "loct": "да де та те нда нде",
    "ablv": "дан ден тан тен нан нен",
    "ablt": "мен бен пен менен бенен пенен",
    "siml": "дай дей тай тей",
    "poss": "ым ім м ың ің ң ыңыз іңіз ңыз ңіз сы сі ы і ымыз іміз",
    "pred": "мын мін пын пін бын бін сың сің сыз сіз мыз міз пыз піз быз біз",
    **_PERSONS,
})
_VERBAL = _table({
    "infn": "у ю уға уге",
    "impr": "ыңдар іңдер ңдар ңдер ыңыз іңіз ңыз ңіз сын сін айық ейік йық йік",
    "impr 1per plur": "айық ейік йық йік",
    "prtc": "ған ген қан кен атын етін йтын йтін",
    "past": "ды ді ты ті",
    "cond": "са се",
    "futr": "мақ мек бақ бек пақ пек ар ер р",
    "pres": "а е й",
    "neg": "ма ме ба бе па пе",
    "desid": "ғы гі қы кі",
    "1per sing": "м",
    "1per plur": "қ к",
    "2per sing": "ң",
    "2per": "ңыз ңіз",
    **_PERSONS,
})

_CASES = frozenset({"gent", "datv", "accs", "loct", "ablv", "ablt", "siml"})


def kazakh_grammemes(kind: str, suffixes: tuple[str, ...], negated: bool) -> frozenset[str]:
    """Grammemes of one Kazakh analysis (kind "word", "nominal" or "verbal")."""
    if kind == "verbal":
        out = {"VERB"}
        for s in suffixes:
            out.update(_VERBAL.get(s, ()))
        if negated:
            out.add("neg")
        return frozenset(out)
    out = {"NOUN"}
    for s in suffixes:
        out.update(_NOMINAL.get(s, ()))
    if not out & _CASES:
        out.add("nomn")
    return frozenset(out)
