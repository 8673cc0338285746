"""Grammeme names shared by both languages, and the Kazakh suffix → grammeme table.

Russian grammemes come straight from pymorphy3 (OpenCorpora tags: NOUN, INFN, nomn, gent, datv,
accs, ablt, loct, plur, impr, past...).  Kazakh suffixes are mapped onto the same names where the
categories agree, so one rule can say `gram: [nomn, ablt]` for both languages; Kazakh-only
categories get names of their own: ablv (ablative -дан), siml (similative -дай "like a..."),
poss (possessive), pred (predicative person ending), neg (verb negation -ма/-ме), prtc (participle).
"""

from __future__ import annotations

_NOMINAL: dict[str, str] = {}
for _g, _forms in {
    "plur": "лар лер дар дер тар тер",
    "gent": "ның нің дың дің тың тің",
    "datv": "ға ге қа ке на не",
    "accs": "ны ні ды ді ты ті",
    "loct": "да де та те нда нде",
    "ablv": "дан ден тан тен нан нен",
    "ablt": "мен бен пен менен бенен пенен",
    "siml": "дай дей тай тей",
    "poss": "ым ім м ың ің ң ыңыз іңіз ңыз ңіз сы сі ы і ымыз іміз мыз міз",
    "pred": "мын мін пын пін бын бін сың сің сыз сіз пыз піз быз біз",
}.items():
    for _f in _forms.split():
        _NOMINAL.setdefault(_f, _g)

_VERBAL: dict[str, str] = {}
for _g, _forms in {
    "infn": "у ю уға уге",
    "impr": "ыңдар іңдер ңдар ңдер ыңыз іңіз ңыз ңіз сын сін айық ейік йық йік",
    "prtc": "ған ген қан кен атын етін йтын йтін",
    "past": "ды ді ты ті",
    "cond": "са се",
    "futr": "мақ мек бақ бек пақ пек ар ер р",
    "pres": "а е й",
    "neg": "ма ме ба бе па пе",
}.items():
    for _f in _forms.split():
        _VERBAL.setdefault(_f, _g)

_CASES = frozenset({"gent", "datv", "accs", "loct", "ablv", "ablt", "siml"})


def kazakh_grammemes(kind: str, suffixes: tuple[str, ...], negated: bool) -> frozenset[str]:
    """Grammemes of one Kazakh analysis (kind "word", "nominal" or "verbal")."""
    if kind == "verbal":
        out = {"VERB"}
        for s in suffixes:
            g = _VERBAL.get(s)
            if g:
                out.add(g)
        if negated:
            out.add("neg")
        return frozenset(out)
    out = {"NOUN"}
    for s in suffixes:
        g = _NOMINAL.get(s)
        if g:
            out.add(g)
    if not out & _CASES:
        out.add("nomn")
    return frozenset(out)
