"""Target groups of the construction suite: ids, kinds and the word forms the templates put in slots.

Written for this suite from general knowledge of Russian and Kazakh (see README.md: independence).
Russian nouns are spelled out by hand (pymorphy3 guesses animacy wrong for several of them: it
has мигранты and муртады as inanimate); Russian epithet adjectives are inflected with pymorphy3;
Kazakh forms come from kazakh.py (vowel harmony and consonant assimilation).

Slot names, for both languages:
    G           plural nominative            G.gen G.dat G.acc G.ins ...  plural cases
    G.sg        singular nominative          G.sg_gen G.sg_dat G.sg_acc   singular cases
    D, D.<case> the derogatory name (a slur, or an insulting epithet + the neutral noun)
    H           "go back" destination (ru: в свой Китай; kk 2sg dative: Қытайыңа / еліңе)
    HN          the country in the nominative, for slogans (Китай / Қытай); not every target has one
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import kazakh

ETHNIC = ("chinese", "dungan", "uyghur", "uzbek", "tajik", "jewish", "russian", "kazakh", "caucasian",
          "central_asian", "migrant")
RELIGIOUS = ("kafir", "atheist", "apostate")
KINDS = {"ethnic": ETHNIC, "religious": RELIGIOUS}
NARRATIVE = {"ethnic": "xenophobia", "religious": "anti_kafir"}


def kind_of(target: str) -> str:
    return "ethnic" if target in ETHNIC else "religious"


# -- Russian ---------------------------------------------------------------------------------------

RU_CASES = ("nom", "gen", "dat", "acc", "ins", "prep")


def ru_noun(nom: str, gen: str, dat: str, ins: str, prep: str, sg: str, sg_gen: str, sg_dat: str,
            sg_acc: str | None = None, tail: str = "") -> dict[str, str]:
    """A plural animate group noun (accusative = genitive); `tail` is an uninflected complement."""
    t = f" {tail}" if tail else ""
    return {
        "G": nom + t, "G.gen": gen + t, "G.dat": dat + t, "G.acc": gen + t, "G.ins": ins + t,
        "G.prep": prep + t, "G.sg": sg + t, "G.sg_gen": sg_gen + t, "G.sg_dat": sg_dat + t,
        "G.sg_acc": (sg_acc or sg_gen) + t,
    }


def ru_adjnoun(stem: str, soft: bool = False) -> dict[str, str]:
    """A substantivized adjective used as a group noun: русские, неверные, приезжие, понаехавшие."""
    y = "и" if soft else "ы"
    o = "е" if stem[-1] in "жшчщ" else "о"  # unstressed о after a sibilant is written е: приезжего
    return {
        "G": f"{stem}{y}е", "G.gen": f"{stem}{y}х", "G.dat": f"{stem}{y}м", "G.acc": f"{stem}{y}х",
        "G.ins": f"{stem}{y}ми", "G.prep": f"{stem}{y}х", "G.sg": f"{stem}{'ий' if soft else 'ый'}",
        "G.sg_gen": f"{stem}{o}го", "G.sg_dat": f"{stem}{o}му", "G.sg_acc": f"{stem}{o}го",
    }


@lru_cache(maxsize=None)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=None)
def ru_adj(lemma: str) -> dict[str, str]:
    """Plural (and masculine singular) forms of an epithet adjective, inflected with pymorphy3."""
    p = next(p for p in _morph().parse(lemma) if p.tag.POS == "ADJF")
    out = {}
    for case, tag in (("nom", "nomn"), ("gen", "gent"), ("dat", "datv"), ("ins", "ablt"), ("prep", "loct")):
        out[case] = p.inflect({"plur", tag}).word
    out["acc"] = out["gen"]  # agrees with an animate noun
    for case, tag in (("sg", "nomn"), ("sg_gen", "gent"), ("sg_dat", "datv")):
        out[case] = p.inflect({"sing", "masc", tag}).word
    out["sg_acc"] = out["sg_gen"]
    return out


def with_epithet(adj: str, noun: dict[str, str]) -> dict[str, str]:
    a = ru_adj(adj)
    out = {}
    for key, form in noun.items():
        case = "nom" if key == "G" else key.split(".", 1)[1]
        out[key] = f"{a[case]} {form}"
    return out


RU_EPITHETS = ("вонючий", "грязный", "мерзкий", "поганый", "тупой", "проклятый", "паршивый", "наглый")

_китайцы = ru_noun("китайцы", "китайцев", "китайцам", "китайцами", "китайцах", "китаец", "китайца", "китайцу")
_дунгане = ru_noun("дунгане", "дунган", "дунганам", "дунганами", "дунганах", "дунганин", "дунганина", "дунганину")
_уйгуры = ru_noun("уйгуры", "уйгуров", "уйгурам", "уйгурами", "уйгурах", "уйгур", "уйгура", "уйгуру")
_узбеки = ru_noun("узбеки", "узбеков", "узбекам", "узбеками", "узбеках", "узбек", "узбека", "узбеку")
_таджики = ru_noun("таджики", "таджиков", "таджикам", "таджиками", "таджиках", "таджик", "таджика", "таджику")
_евреи = ru_noun("евреи", "евреев", "евреям", "евреями", "евреях", "еврей", "еврея", "еврею")
_русские = ru_adjnoun("русск", soft=True)
_казахи = ru_noun("казахи", "казахов", "казахам", "казахами", "казахах", "казах", "казаха", "казаху")
_кавказцы = ru_noun("кавказцы", "кавказцев", "кавказцам", "кавказцами", "кавказцах", "кавказец", "кавказца",
                    "кавказцу")
_выходцы_кавказ = ru_noun("выходцы", "выходцев", "выходцам", "выходцами", "выходцах", "выходец", "выходца",
                          "выходцу", tail="с Кавказа")
_среднеазиаты = ru_noun("среднеазиаты", "среднеазиатов", "среднеазиатам", "среднеазиатами", "среднеазиатах",
                        "среднеазиат", "среднеазиата", "среднеазиату")
_выходцы_азия = ru_noun("выходцы", "выходцев", "выходцам", "выходцами", "выходцах", "выходец", "выходца",
                        "выходцу", tail="из Средней Азии")
_мигранты = ru_noun("мигранты", "мигрантов", "мигрантам", "мигрантами", "мигрантах", "мигрант", "мигранта",
                    "мигранту")
_приезжие = ru_adjnoun("приезж", soft=True)
_гастарбайтеры = ru_noun("гастарбайтеры", "гастарбайтеров", "гастарбайтерам", "гастарбайтерами",
                         "гастарбайтерах", "гастарбайтер", "гастарбайтера", "гастарбайтеру")
_кафиры = ru_noun("кафиры", "кафиров", "кафирам", "кафирами", "кафирах", "кафир", "кафира", "кафиру")
_неверные = ru_adjnoun("неверн")
_атеисты = ru_noun("атеисты", "атеистов", "атеистам", "атеистами", "атеистах", "атеист", "атеиста", "атеисту")
_безбожники = ru_noun("безбожники", "безбожников", "безбожникам", "безбожниками", "безбожниках", "безбожник",
                      "безбожника", "безбожнику")
_муртады = ru_noun("муртады", "муртадов", "муртадам", "муртадами", "муртадах", "муртад", "муртада", "муртаду")
_вероотступники = ru_noun("вероотступники", "вероотступников", "вероотступникам", "вероотступниками",
                          "вероотступниках", "вероотступник", "вероотступника", "вероотступнику")
_отступники = ru_noun("отступники", "отступников", "отступникам", "отступниками", "отступниках", "отступник",
                      "отступника", "отступнику")

# slurs (derogatory names); a чурка is grammatically feminine but said of men
_узкоглазые = ru_adjnoun("узкоглаз")
_китаёзы = ru_noun("китаёзы", "китаёз", "китаёзам", "китаёзами", "китаёзах", "китаёза", "китаёзы", "китаёзе",
                   sg_acc="китаёзу")
_чурки = ru_noun("чурки", "чурок", "чуркам", "чурками", "чурках", "чурка", "чурки", "чурке", sg_acc="чурку")
_чурбаны = ru_noun("чурбаны", "чурбанов", "чурбанам", "чурбанами", "чурбанах", "чурбан", "чурбана", "чурбану")
_чучмеки = ru_noun("чучмеки", "чучмеков", "чучмекам", "чучмеками", "чучмеках", "чучмек", "чучмека", "чучмеку")
_жиды = ru_noun("жиды", "жидов", "жидам", "жидами", "жидах", "жид", "жида", "жиду")
_кацапы = ru_noun("кацапы", "кацапов", "кацапам", "кацапами", "кацапах", "кацап", "кацапа", "кацапу")
_мамбеты = ru_noun("мамбеты", "мамбетов", "мамбетам", "мамбетами", "мамбетах", "мамбет", "мамбета", "мамбету")
_хачи = ru_noun("хачи", "хачей", "хачам", "хачами", "хачах", "хач", "хача", "хачу")
_понаехавшие = ru_adjnoun("понаехавш", soft=True)
_гастеры = ru_noun("гастеры", "гастеров", "гастерам", "гастерами", "гастерах", "гастер", "гастера", "гастеру")
_неверные_собаки = {
    "G": "неверные собаки", "G.gen": "неверных собак", "G.dat": "неверным собакам", "G.acc": "неверных собак",
    "G.ins": "неверными собаками", "G.prep": "неверных собаках", "G.sg": "неверный пёс",
    "G.sg_gen": "неверного пса", "G.sg_dat": "неверному псу", "G.sg_acc": "неверного пса",
}


@dataclass(frozen=True)
class Target:
    id: str
    kind: str
    ru_nouns: tuple[dict, ...]
    kk_nouns: tuple[dict, ...]
    ru_slurs: tuple[dict, ...] = ()
    kk_slurs: tuple[dict, ...] = ()
    ru_home: tuple[str, ...] = ()
    ru_country: str = ""
    kk_home: tuple[str, ...] = ()
    kk_country: str = ""
    extra: dict = field(default_factory=dict)


def _kk(stem: str) -> dict[str, str]:
    return kazakh.paradigm(stem)


TARGETS: dict[str, Target] = {t.id: t for t in (
    Target("chinese", "ethnic", (_китайцы,), (_kk("қытай"),), (_узкоглазые, _китаёзы), (_kk("шүршіт"),),
           ("в свой Китай", "обратно в Китай"), "Китай", ("Қытайыңа", "еліңе"), "Қытай"),
    Target("dungan", "ethnic", (_дунгане,), (_kk("дүнген"),), (), (),
           ("обратно в Китай", "туда, откуда пришли"), "Китай", ("еліңе", "Қытайыңа"), "Қытай"),
    Target("uyghur", "ethnic", (_уйгуры,), (_kk("ұйғыр"),), (), (),
           ("в свой Синьцзян", "обратно в Китай"), "Синьцзян", ("Қытайыңа", "еліңе"), "Шыңжаң"),
    Target("uzbek", "ethnic", (_узбеки,), (_kk("өзбек"),), (_чурки,), (_kk("сарт"),),
           ("в свой Узбекистан", "к себе в кишлак"), "Узбекистан", ("Өзбекстаныңа", "еліңе"), "Өзбекстан"),
    Target("tajik", "ethnic", (_таджики,), (_kk("тәжік"),), (_чурбаны, _чурки), (),
           ("в свой Таджикистан", "к себе в кишлак"), "Таджикистан", ("Тәжікстаныңа", "еліңе"), "Тәжікстан"),
    Target("jewish", "ethnic", (_евреи,), (_kk("еврей"), _kk("яһуди")), (_жиды,), (_kk("жөйт"),),
           ("в свой Израиль",), "Израиль", ("еліңе",), "Израиль"),
    Target("russian", "ethnic", (_русские,), (_kk("орыс"),), (_кацапы,), (_kk("кацап"),),
           ("в свою Россию", "к себе в Россию"), "Россия", ("Ресейіңе", "еліңе"), "Ресей"),
    Target("kazakh", "ethnic", (_казахи,), (_kk("қазақ"),), (_мамбеты,), (_kk("мәңгүрт"),),
           ("в свой Казахстан", "к себе в степь"), "Казахстан", ("еліңе",), ""),
    Target("caucasian", "ethnic", (_кавказцы, _выходцы_кавказ), (_kk("кавказдық"),), (_хачи,), (),
           ("к себе на Кавказ", "в свои горы"), "Кавказ", ("Кавказыңа", "еліңе"), "Кавказ"),
    Target("central_asian", "ethnic", (_среднеазиаты, _выходцы_азия), (_kk("орта азиялық"),),
           (_чурки, _чучмеки), (), ("к себе в кишлак", "в свою Азию"), "", ("еліңе",), ""),
    Target("migrant", "ethnic", (_мигранты, _приезжие, _гастарбайтеры), (_kk("мигрант"),),
           (_понаехавшие, _гастеры), (_kk("келімсек"),), ("к себе на родину", "туда, откуда приехали"), "",
           ("еліңе", "туған жеріңе"), ""),
    Target("kafir", "religious", (_кафиры, _неверные), (_kk("кәпір"),), (_неверные_собаки,), ()),
    Target("atheist", "religious", (_атеисты, _безбожники), (_kk("дінсіз"), _kk("атеист")), (),
           (_kk("имансыз"),)),
    Target("apostate", "religious", (_муртады, _вероотступники, _отступники),
           (_kk("мұртад"), kazakh.paradigm_plural("діннен шыққандар", "діннен шыққан")), (), ()),
)}

# -- Kazakh epithets (an adjective before a noun does not inflect) ----------------------------------

KK_EPITHETS = ("сасық", "лас", "жексұрын", "оңбаған", "ақымақ", "арам", "лағынетті", "пасық")


def kk_with_epithet(adj: str, noun: dict[str, str]) -> dict[str, str]:
    return {k: f"{adj} {v}" for k, v in noun.items()}


def to_d(forms: dict[str, str]) -> dict[str, str]:
    """Rename G-slots to D-slots."""
    return {"D" + k[1:]: v for k, v in forms.items()}
