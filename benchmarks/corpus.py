"""A deterministic synthetic social-media corpus for benchmarking hsengine.

    >>> from benchmarks.corpus import generate
    >>> msgs = generate(1000, seed=1)
    >>> msgs[0].text, msgs[0].lang, msgs[0].hateful

Every sentence is assembled here from a hand-written word inventory; nothing is copied from any
data set.  The corpus imitates what a monitoring team collects:

* languages: Russian (~55%), Kazakh in Cyrillic (~25%), Kazakh in Latin letters (~8%, the 2021
  alphabet or informal ASCII) and mixed Kazakh–Russian messages (~12%);
* message length 5–80 words (log-normal, median ~17), times a length multiplier for the
  1× / 10× / 100× linearity check;
* a Zipf-shaped vocabulary: lemmas are drawn by Zipf rank, then one of their inflected forms by a
  second Zipf draw (Russian forms from pymorphy3's paradigms, Kazakh forms from a small
  harmony-aware suffixer), plus typos, names, numbers, mentions, hashtags, links and emoji —
  so the per-word cache sees a realistic long tail of rare words;
* about 2% hateful messages built from templates (a target group or slur + a dehumanizing,
  expulsion or violence phrase), some of them obfuscated: leet digits/symbols, Latin
  look-alike letters, spaced-out letters, repeated letters;
* among the neutral messages, ~12% mention a group in an ordinary way and ~3% use attack words
  innocently, in news reports or in counter-speech — the realistic case that fools keyword
  search.

`generate(n, seed, length_multiplier)` is deterministic for a given seed (and pymorphy3
dictionary version).  Run ``python -m benchmarks.corpus --size 20 --seed 1`` to look at it.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import random
from dataclasses import asdict, dataclass
from functools import lru_cache

__all__ = ["Message", "generate", "GROUP_KEYWORDS"]


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    lang: str  # ru | kk | kk-latn | mixed
    hateful: bool
    kind: str  # neutral | group_mention | near_miss | hateful
    target: str | None  # target group of a hateful or group-mentioning message
    obfuscation: str | None  # leet | homoglyph | spaced | repeat (hateful messages only)
    words: int  # words the generator emitted (spaced-out letters count as one word)


# ---------------------------------------------------------------------------------------------
# Word inventory (written for this generator).  Order within a list is the Zipf rank.
# ---------------------------------------------------------------------------------------------
RU_FUNCTION = """
и в не на я что он с а как это по но они все так мы к у же вот ты из за бы от о она только
уже еще да нет даже до кто вы если там когда для тоже или ну мне меня нас их его ее просто
потом очень тут где теперь здесь сейчас ли ни было будет чтобы этот эта эти тот всё себя свой
может надо можно сам через после без под между ведь почему зачем вообще конечно наверное
кстати вроде типа короче блин реально сегодня вчера завтра опять снова всегда иногда часто
почти совсем вместе около против вместо ради благодаря возле много мало несколько
""".split()

RU_NOUNS = """
день время год человек жизнь дело работа дом город страна мир рука место друг семья деньги
цена вода машина дорога школа ребенок мама папа сын дочь брат сестра бабушка дедушка муж жена
сосед магазин рынок автобус остановка улица район двор подъезд квартира аренда зарплата пенсия
налог банк кредит карта телефон интернет видео фото новость пост канал чат комментарий лайк
погода дождь снег ветер жара холод солнце небо утро вечер ночь неделя месяц праздник отпуск
море озеро гора степь поле сад огород дача урожай картошка яблоко хлеб мясо молоко чай кофе
сахар масло рис плов бешбармак лепешка суп обед ужин завтрак кафе ресторан столовая кухня
врач больница поликлиника лекарство аптека здоровье учитель ученик студент университет экзамен
урок книга журнал газета телевизор фильм сериал музыка песня концерт театр музей парк площадь
футбол матч команда игрок тренер гол победа чемпионат спорт зал бег велосипед такси водитель
пробка светофор мост вокзал поезд самолет аэропорт билет очередь документ паспорт справка акимат
аким депутат министр правительство закон выборы власть президент партия бюджет проект стройка
ремонт трасса асфальт свет газ отопление счет тариф коммуналка субсидия кредитка ипотека
собака кошка кот лошадь корова овца баран курица птица рыба кролик щенок котенок
работник начальник коллега офис завод фабрика шахта ферма бизнес компания фирма клиент
покупатель продавец товар скидка заказ доставка курьер посылка почта очередь приложение
сайт пароль аккаунт сообщение звонок номер адрес карта вопрос ответ проблема решение помощь
спасибо здравствуйте привет друзья ребята люди народ общество молодежь подруга парень девушка
мужчина женщина старик бабка пацан малыш школьник учительница директор соседка хозяин гость
свадьба той юбилей день_рождения подарок торт цветок шарик фотограф ведущий платье костюм
обувь куртка шапка зима весна лето осень январь февраль март апрель май июнь июль август
сентябрь октябрь ноябрь декабрь понедельник пятница суббота воскресенье выходной час минута
""".split()

RU_VERBS = """
быть сказать говорить знать мочь хотеть сделать делать видеть думать идти пойти ехать поехать
прийти приехать работать жить смотреть посмотреть купить покупать продать платить заплатить
писать написать читать прочитать звонить позвонить ждать подождать спрашивать спросить
отвечать ответить помочь помогать любить нравиться понимать понять решить решать начать
начинать закончить открыть закрыть стоять сидеть лежать спать есть пить готовить приготовить
учиться учить играть выиграть проиграть бегать гулять отдыхать строить построить ремонтировать
ломаться сломаться чинить починить искать найти потерять получить отправить принести взять
дать давать показать показывать объяснить обещать верить надеяться бояться смеяться плакать
радоваться волноваться переживать устать болеть лечить вернуться уехать остаться переехать
встретить встречаться поздравить поздравлять праздновать отмечать собираться подписаться
выложить снять опубликовать поставить лайкнуть поделиться обсуждать обсудить жаловаться
повысить поднять снизить упасть вырасти подорожать подешеветь экономить тратить копить
""".split()

RU_ADJECTIVES = """
новый хороший большой последний русский казахский главный маленький старый плохой важный
молодой настоящий свой другой каждый любой простой быстрый дорогой дешевый красивый вкусный
холодный теплый горячий чистый грязный светлый темный длинный короткий высокий низкий
тяжелый легкий трудный интересный скучный смешной грустный веселый добрый злой умный
глупый честный нормальный странный обычный отличный ужасный прекрасный сильный слабый
полный пустой свежий местный городской сельский школьный рабочий семейный детский
домашний летний зимний весенний осенний утренний вечерний ночной соседний центральный
районный областной республиканский государственный частный бесплатный платный нужный
""".split()

RU_ADVERBS = """
хорошо плохо быстро медленно долго скоро рано поздно далеко близко дорого дешево вкусно
тепло холодно жарко весело грустно нормально отлично ужасно странно интересно честно
правда точно вообще-то действительно наконец сразу потом пока обязательно бесплатно
""".split()

RU_NAMES = """
Айгерим Ержан Дамир Асель Нурлан Сергей Ольга Марат Дина Алия Бауыржан Жанна Арман Светлана
Игорь Гульнара Санжар Мадина Руслан Ирина Азамат Карина Тимур Елена Данияр Айдана Максим
""".split()

PLACES_RU = """
Алматы Астана Шымкент Караганда Актобе Тараз Павлодар Семей Костанай Кызылорда Атырау Уральск
Петропавловск Талдыкорган Туркестан Кордай Жаркент Экибастуз Темиртау Бишкек Ташкент Москва
""".split()

KK_FUNCTION = """
және мен бұл ол біз сіз олар сен да де ғой енді өте тым әлі қазір бүгін ертең кеше үшін
туралы бойынша сияқты кейін бірақ себебі егер онда мұнда осы сол бар жоқ иә жоқ па ма ме
бе ба ше қайда қашан неге не кім қалай қанша барлығы әрқашан кейде жиі тағы тек ғана әрі
шын рас онсыз да әйтеуір әйтпесе сонда сосын алдымен ақыры
""".split()

# Kazakh noun stems (nominative); suffixes are added by `_kk_noun_forms`.
KK_NOUNS = """
үй бала ата ана әке шеше қала ауыл жер су нан ет сүт шай ақша жұмыс мектеп дәрігер мұғалім
дос көрші жол көлік баға дүкен базар той ас қыс жаз көктем күз күн түн таң кеш апта ай жыл
уақыт адам халық ел мемлекет үкімет әкім депутат заң сайлау жаңалық хабар кітап газет
теледидар телефон интернет бейне сурет ән би футбол ойын команда жеңіс жарыс ауа қар жаңбыр
жел аула көше аудан пәтер жалақы зейнетақы салық банк несие сабақ оқушы студент университет
емтихан аурухана дәрі денсаулық дүние отбасы қыз ұл әже ата-ана ағай апай іні сіңлі келін
күйеу жұбай туыс қонақ дастархан бауырсақ қымыз ірімшік құрт қазы жылқы сиыр қой ешкі ит
мысық тауық құс балық бау бақ егін алма өрік қарбыз қауын картоп пияз сәбіз күріш ұн май
қант тұз шам жарық газ жылу есеп тариф жөндеу құрылыс асфальт көпір вокзал пойыз ұшақ билет
кезек құжат төлқұжат анықтама әкімдік министр президент партия бюджет жоба кәсіп компания
тапсырыс жеткізу сауда сатушы сатып_алушы тауар жеңілдік қосымша сайт құпиясөз хат қоңырау
нөмір мекенжай сұрақ жауап мәселе шешім көмек рахмет сәлем жастар қоғам жігіт бойжеткен әйел
ер_адам қария нәресте оқытушы директор үй_иесі мереке туған_күн сыйлық торт гүл көйлек киім
аяқкиім күрте бөрік қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша
желтоқсан дүйсенбі жұма сенбі жексенбі демалыс сағат минут жиналыс кездесу ойлар арман
""".split()

KK_VERBS = """
бар кел кет бол жаса айт біл көр ойла жүр отыр тұр жат жаз оқы сөйле сұра жауап_бер көмектес
сатып_ал сат төле жібер ал бер тап жоғалт күт шақыр қоңырау_шал іш же пісір ұйықта демал
ойна жеңіл жең құр жөнде сал аш жап баста аяқта үйрен үйрет түсін ұна сүй жақсы_көр қуан
ренже шарша ауыр емде қайт көш қал кездес құттықта тойла жина бөліс жарияла тірке жазыл
""".split()

KK_ADJECTIVES = """
жаңа жақсы үлкен кіші ескі әдемі дәмді суық жылы ыстық таза лас ұзын қысқа биік аласа
ауыр жеңіл қиын қызық қызықсыз күлкілі мұңды көңілді мейірімді ақылды адал қарапайым
қымбат арзан тез баяу жас кәрі күшті әлсіз толық бос жергілікті қалалық ауылдық мемлекеттік
жеке тегін ақылы керемет жаман әдеттегі таныс бөтен бүгінгі кешегі ертеңгі жылдағы
""".split()

PLACES_KK = """
Алматы Астана Шымкент Қарағанды Ақтөбе Тараз Павлодар Семей Қостанай Қызылорда Атырау Орал
Петропавл Талдықорған Түркістан Қордай Жаркент Екібастұз Теміртау Бішкек Ташкент
""".split()

KK_NAMES = """
Айгерім Ержан Дамир Әсел Нұрлан Сәуле Марат Дина Әлия Бауыржан Жанар Арман Гүлнар Санжар
Мадина Руслан Азамат Қарина Тимур Данияр Айдана Ерлан Ақбота Самал Еркебұлан Дәурен Інжу
""".split()

EMOJI = ["😂", "🔥", "👍", "❤️", "😡", "🙏", "😢", "💪", "🤣", "😎", "👏", "🇰🇿", "😊", "🤔", "✅"]
HASHTAGS_RU = ["#новости", "#алматы", "#астана", "#казахстан", "#цены", "#погода", "#футбол", "#работа"]
HASHTAGS_KK = ["#жаңалық", "#алматы", "#қазақстан", "#той", "#ауыл", "#бағалар", "#ауарайы"]

# ---------------------------------------------------------------------------------------------
# Target groups: (nominative plural, genitive/accusative plural, dative plural) in Russian;
# Kazakh stems.  Neutral group names and slurs; the hateful templates use both.
# ---------------------------------------------------------------------------------------------
RU_GROUPS = {
    "chinese": [("китайцы", "китайцев", "китайцам")],
    "dungan": [("дунгане", "дунган", "дунганам")],
    "jewish": [("евреи", "евреев", "евреям")],
    "uyghur": [("уйгуры", "уйгуров", "уйгурам")],
    "uzbek": [("узбеки", "узбеков", "узбекам")],
    "tajik": [("таджики", "таджиков", "таджикам")],
    "kyrgyz": [("киргизы", "киргизов", "киргизам")],
    "russian": [("русские", "русских", "русским")],
    "kazakh": [("казахи", "казахов", "казахам")],
}
RU_SLURS = {
    "chinese": [("китаезы", "китаез", "китаезам"), ("узкоглазые", "узкоглазых", "узкоглазым")],
    "jewish": [("жиды", "жидов", "жидам"), ("жидяры", "жидяр", "жидярам")],
    "kafir": [("кафиры", "кафиров", "кафирам"), ("кяфиры", "кяфиров", "кяфирам")],
    "russian": [("кацапы", "кацапов", "кацапам"), ("рашисты", "рашистов", "рашистам")],
    "kazakh": [("мамбеты", "мамбетов", "мамбетам"), ("калбиты", "калбитов", "калбитам")],
    "tajik": [("джамшуты", "джамшутов", "джамшутам")],
}
KK_GROUPS = {"chinese": ["қытай"], "dungan": ["дүнген"], "jewish": ["еврей"], "russian": ["орыс"],
             "uzbek": ["өзбек"], "uyghur": ["ұйғыр"]}
KK_SLURS = {"chinese": ["шүршіт"], "jewish": ["жөйт"], "kafir": ["кәпір"]}

# The reference keyword-monitoring list: stems of group names and slurs (see bench.py).
GROUP_KEYWORDS = [
    "китай", "китаез", "дунган", "еврей", "жид", "уйгур", "узбек", "таджик", "киргиз", "кыргыз",
    "русск", "казах", "кафир", "кяфир", "кацап", "мамбет", "калбит", "джамшут", "рашист",
    "узкоглаз", "қытай", "дүнген", "орыс", "өзбек", "ұйғыр", "шүршіт", "жөйт", "кәпір",
    "qytai", "qytay", "dungen", "evrei", "orys", "kitai",
]


# ---------------------------------------------------------------------------------------------
# Kazakh morphology for generation: vowel harmony and the consonant class of the last letter.
# ---------------------------------------------------------------------------------------------
_KK_BACK = set("аоұыя")
_KK_FRONT = set("әеөүі")
_KK_VOICELESS = set("пфкқтсшщхһцчбвгд")
_KK_SONOR_VOICED = set("лжз")
_KK_NASAL = set("мнң")
_KK_GLIDE = set("рйу")
_KK_VOWELS = set("аәеоөұүыіэяюи")


def _front(stem: str) -> bool:
    for ch in reversed(stem):
        if ch in _KK_BACK:
            return False
        if ch in _KK_FRONT:
            return True
    return False


def _harm(suffix: str, front: bool) -> str:
    return suffix.translate(str.maketrans("аыұоқғ", "еіүөкг")) if front else suffix


def _kk_class(stem: str) -> str:
    ch = stem[-1]
    if ch in _KK_VOWELS:
        return "V"
    if ch in _KK_GLIDE:
        return "R"
    if ch in _KK_NASAL:
        return "N"
    if ch in _KK_SONOR_VOICED:
        return "L"
    return "T"


_KK_SUFFIX = {  # case: class -> back form
    "pl": {"V": "лар", "R": "лар", "N": "дар", "L": "дар", "T": "тар"},
    "gen": {"V": "ның", "R": "дың", "N": "ның", "L": "дың", "T": "тың"},
    "acc": {"V": "ны", "R": "ды", "N": "ды", "L": "ды", "T": "ты"},
    "dat": {"V": "ға", "R": "ға", "N": "ға", "L": "ға", "T": "қа"},
    "loc": {"V": "да", "R": "да", "N": "да", "L": "да", "T": "та"},
    "abl": {"V": "дан", "R": "дан", "N": "нан", "L": "дан", "T": "тан"},
    "ins": {"V": "мен", "R": "мен", "N": "бен", "L": "бен", "T": "пен"},
}
_ALTERNATE = {"п": "б", "к": "г", "қ": "ғ"}


def kk_suffix(stem: str, case: str) -> str:
    """stem + one suffix, with harmony and the consonant of the suffix chosen by the stem."""
    if case == "poss3":
        if stem[-1] in _KK_VOWELS:
            return stem + _harm("сы", _front(stem))
        base = stem[:-1] + _ALTERNATE.get(stem[-1], stem[-1])
        return base + _harm("ы", _front(stem))
    suf = _KK_SUFFIX[case][_kk_class(stem)]
    return stem + (suf if case == "ins" else _harm(suf, _front(stem)))


def _kk_noun_forms(stem: str) -> list[str]:
    stem = stem.replace("_", " ")
    if " " in stem:  # compounds: inflect the last word
        head, last = stem.rsplit(" ", 1)
        return [head + " " + f for f in _kk_noun_forms(last)]
    pl = kk_suffix(stem, "pl")
    out = [stem, kk_suffix(stem, "loc"), kk_suffix(stem, "gen"), kk_suffix(stem, "dat"), pl,
           kk_suffix(stem, "poss3"), kk_suffix(stem, "acc"), kk_suffix(stem, "abl"), kk_suffix(pl, "gen"),
           kk_suffix(pl, "acc"), kk_suffix(pl, "dat"), kk_suffix(stem, "ins"), kk_suffix(pl, "loc"),
           kk_suffix(pl, "abl"),
           kk_suffix(pl, "poss3")]
    return list(dict.fromkeys(out))


def _kk_verb_forms(stem: str) -> list[str]:
    stem = stem.replace("_", " ")
    if " " in stem:
        head, last = stem.rsplit(" ", 1)
        return [head + " " + f for f in _kk_verb_forms(last)]
    front = _front(stem)
    vowel_final = stem[-1] in _KK_VOWELS
    cls = _kk_class(stem)
    out = []
    # present/future 3rd person: барады, келеді, оқиды (vowel stems: -й-)
    if vowel_final:
        base = stem[:-1] if stem[-1] in "ыі" else stem
        out.append(base + ("иды" if stem[-1] in "ыі" and not front else "иді" if stem[-1] in "ыі" else "йды" if not front else "йді"))
    else:
        out.append(stem + _harm("ады", front))
    # past 3rd person
    out.append(stem + _harm("ты" if cls == "T" else "ды", front))
    # infinitive (verbal noun)
    out.append((stem[:-1] if stem[-1] in "ыі" else stem) + "у")
    # participle -ған
    out.append(stem + _harm("қан" if cls == "T" else "ған", front))
    # progressive: -ып жатыр
    out.append(stem + ("п" if vowel_final else _harm("ып", front)) + " жатыр")
    # past 1st plural
    out.append(stem + _harm("тық" if cls == "T" else "дық", front))
    # negative past
    out.append(stem + _harm("па" if cls == "T" else "ба" if cls in "NL" else "ма", front) + _harm("ды", front))
    # 1st singular present
    out.append(out[0][:-3] + _harm("амын", front) if not vowel_final else out[0][:-2] + _harm("мын", front))
    # imperative 2nd plural polite
    out.append(stem + ("ңыз" if vowel_final else _harm("ыңыз", front)))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------
# Kazakh Latin: the 2021 official alphabet and informal ASCII.
# ---------------------------------------------------------------------------------------------
_LAT_2021 = {"а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
             "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
             "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
             "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "",
             "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
_LAT_ASCII = dict(_LAT_2021, **{"ә": "a", "ғ": "g", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "і": "i",
                                "ш": "sh", "щ": "sh", "ж": "zh", "ю": "yu", "я": "ya", "й": "y"})


def to_latin(text: str, scheme: dict[str, str]) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in scheme:
            rep = scheme[low]
            out.append(rep.capitalize() if ch != low else rep)
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Obfuscations of a word (hateful messages)
# ---------------------------------------------------------------------------------------------
_LEET = {"а": "@", "о": "0", "и": "1", "е": "3", "з": "3", "ч": "4", "б": "6", "т": "7", "і": "1"}
_HOMOGLYPH = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k", "т": "t"}


def obfuscate(word: str, how: str, rng: random.Random) -> str:
    letters = list(word)
    if how == "leet":
        idx = [i for i, ch in enumerate(letters[1:-1], 1) if ch in _LEET]
        for i in rng.sample(idx, min(len(idx), rng.choice((1, 1, 2)))):
            letters[i] = _LEET[letters[i]]
        return "".join(letters)
    if how == "homoglyph":
        idx = [i for i, ch in enumerate(letters) if ch in _HOMOGLYPH]
        for i in rng.sample(idx, min(len(idx), rng.choice((1, 2, 3)))):
            letters[i] = _HOMOGLYPH[letters[i]]
        return "".join(letters)
    if how == "spaced":
        return " ".join(letters)
    if how == "repeat":
        idx = [i for i, ch in enumerate(letters) if ch in "аоеиуыяәөұүі"]
        i = rng.choice(idx) if idx else len(letters) // 2
        letters[i] = letters[i] * rng.choice((3, 4, 5))
        return "".join(letters)
    raise ValueError(how)


# ---------------------------------------------------------------------------------------------
# Zipf sampling
# ---------------------------------------------------------------------------------------------
class Zipf:
    """Draw items with probability ∝ 1 / (rank + q)^s."""

    def __init__(self, items, s: float = 1.05, q: float = 2.7):
        self.items = list(items)
        weights = [1.0 / (r + q) ** s for r in range(1, len(self.items) + 1)]
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random):
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.total)]


class FormZipf:
    """A lemma by Zipf rank, then one of its forms by a second Zipf draw."""

    def __init__(self, paradigms: list[list[str]], s: float = 1.1):
        self.lemmas = Zipf(range(len(paradigms)), s=s)
        self.forms = [Zipf(forms, s=1.2, q=0.5) for forms in paradigms]

    def __call__(self, rng: random.Random) -> str:
        return self.forms[self.lemmas(rng)](rng)


@lru_cache(maxsize=1)
def _ru_paradigms() -> dict[str, list[list[str]]]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    out: dict[str, list[list[str]]] = {}
    for pos, lemmas, want in (
        ("noun", RU_NOUNS, {"NOUN"}),
        ("verb", RU_VERBS, {"INFN", "VERB"}),
        ("adj", RU_ADJECTIVES, {"ADJF", "ADJS"}),
    ):
        paradigms = []
        for lemma in lemmas:
            lemma = lemma.replace("_", " ")
            if " " in lemma:
                paradigms.append([lemma])
                continue
            parses = [p for p in morph.parse(lemma) if p.normal_form == lemma and p.tag.POS in want]
            if not parses:
                paradigms.append([lemma])
                continue
            forms = [lemma]
            for f in parses[0].lexeme:
                if f.tag.POS in want and f.word not in forms and "Infr" not in f.tag and "Arch" not in f.tag:
                    forms.append(f.word)
            paradigms.append(forms)
        out[pos] = paradigms
    return out


class _Vocab:
    def __init__(self):
        ru = _ru_paradigms()
        self.ru = {
            "noun": FormZipf(ru["noun"]),
            "verb": FormZipf(ru["verb"]),
            "adj": FormZipf(ru["adj"]),
            "func": Zipf(RU_FUNCTION, s=1.2),
            "adv": Zipf(RU_ADVERBS),
            "name": Zipf(RU_NAMES),
            "place": Zipf(PLACES_RU),
        }
        self.kk = {
            "noun": FormZipf([_kk_noun_forms(s) for s in KK_NOUNS]),
            "verb": FormZipf([_kk_verb_forms(s) for s in KK_VERBS]),
            "adj": Zipf(KK_ADJECTIVES),
            "func": Zipf(KK_FUNCTION, s=1.2),
            "adv": Zipf(KK_ADJECTIVES[::-1]),
            "name": Zipf(KK_NAMES),
            "place": Zipf(PLACES_KK),
        }
        self.types = sum(len(p) for p in ru["noun"] + ru["verb"] + ru["adj"]) + len(RU_FUNCTION) + \
            sum(len(_kk_noun_forms(s)) for s in KK_NOUNS) + sum(len(_kk_verb_forms(s)) for s in KK_VERBS)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _Vocab()


# Sentence shapes (parts of speech); each slot draws a word by Zipf rank.
_RU_SHAPES = [
    "func noun verb adj noun", "func func verb noun", "adj noun verb func noun", "noun verb adv",
    "func verb func noun func adj noun", "name verb func place", "func noun func adj", "verb func noun",
    "func func noun verb adv func noun", "adv func verb noun", "func verb adj noun func noun func",
    "noun func noun verb adj noun", "func adj noun func func verb", "func func func verb",
    "noun place verb adv", "func noun verb func func noun func verb",
]
_KK_SHAPES = [
    "func noun adj verb", "noun noun verb", "adj noun func noun verb", "func noun verb",
    "name place verb", "noun adj func", "func func noun verb", "adv noun verb func",
    "noun func noun adj noun verb", "place noun adj", "func adj noun verb func", "noun verb",
]

_RU_MENTION = [  # neutral sentences naming a group: {nom} {gen} {dat} are its plural forms
    "{nom} открыли новое кафе возле рынка", "у нас в подъезде живут {nom}, очень хорошие соседи",
    "в {place} приехали {nom} на фестиваль", "мой друг учит язык, у него знакомые {nom}",
    "{nom} отметили праздник в {place}", "на стройке работают {nom} и местные ребята",
    "сегодня в новостях про {gen} и торговлю", "сколько {gen} живет в Казахстане?",
    "передайте {dat} спасибо за помощь", "с {dat} у нас давно хорошие отношения",
    "купил у {gen} овощи на базаре, всё свежее", "в классе у дочки учатся {nom}",
    "фильм про {gen} покажут в пятницу", "{nom} тоже болеют за нашу команду",
]
_KK_MENTION = [  # {pl} plural, {acc} plural accusative, {gen} plural genitive, {stem}
    "{pl} базарда жаңа дүкен ашты", "біздің көшеде {pl} тұрады, жақсы көршілер",
    "{place} қаласына {pl} мерекеге келді", "{gen} тілін үйреніп жүрмін", "{stem} асханасы өте дәмді",
    "{pl} мен қазақтар бірге жұмыс істейді", "{acc} құттықтаймыз, мерекелеріңіз құтты болсын",
    "кеше {gen} тойына бардық", "{pl} туралы жаңа фильм шықты",
]
_RU_NEAR_MISS = [  # attack words used innocently, news reports, counter-speech
    "купили средство от тараканов, соседи посоветовали", "на кухне опять тараканы, вызвали дезинсекцию",
    "кот выгнал собаку из будки", "хозяин выгнал квартирантов за долги", "надо убить время до поезда",
    "паразиты в огороде съели всю капусту", "полиция задержала блогера за призыв к насилию против {gen}",
    "суд оштрафовал автора поста про {gen}", "называть {gen} тараканами — это расизм и позор",
    "нельзя выгонять {gen} из их домов", "{nom} не тараканы, хватит это писать",
    "в комментариях опять пишут, что {gen} надо выгнать, это недопустимо",
]
_KK_NEAR_MISS = [
    "үйде тағы тарақан шықты, дәрі сатып алдық", "мысық итті аулада қуып жіберді",
    "полиция {acc} қорлаған блогерді ұстады", "{acc} тарақан деп жазу ұят", "{pl} тарақан емес",
    "{acc} елден қуу керек емес, бәріміз бір елдің азаматымыз", "бақта паразиттер көбейіп кетті",
]

# Hateful templates.  Russian: {nom}/{gen} are plural forms of a group or slur; {dehum} {dehum_adj}.
_RU_HATE = {
    "dehumanization": ["все эти {nom} — {dehum_adj} {dehum}", "{nom} настоящие {dehum}", "{nom} как {dehum}, везде лезут",
                       "эти {nom} просто {dehum}", "{nom} — {dehum} на теле страны"],
    "expulsion": ["{gen} надо выгнать из страны", "выгоняйте {gen} отсюда", "пора выгнать {gen} из {place}",
                  "всех {gen} нужно выгнать", "{gen} давно пора выгонять"],
    "violence": ["{gen} надо убивать", "{gen} нужно убить всех до одного", "пора убивать {gen}",
                 "всех {gen} надо убить"],
}
_RU_DEHUM = ["тараканы", "паразиты", "тараканы и паразиты"]
_RU_DEHUM_ADJ = ["вонючие", "мерзкие", "грязные", "проклятые"]
_RU_HARD_HATE = ["{nom} как крысы, везде плодятся", "{nom} хуже скота", "от {gen} одна грязь, пусть валят"]
_KK_HATE = {
    "dehumanization": ["{pl} тарақан сияқты көбейіп жатыр", "бұл {pl} нағыз тарақандар", "{pl} тарақандай өріп жүр",
                       "мына {pl} тарақан ғой"],
    "expulsion": ["{acc} елден қуып жіберу керек", "{acc} қуып жіберу керек", "{acc} елден қуу керек"],
    "violence": ["{acc} өлтіру керек", "барлық {acc} өлтіру қажет", "{acc} өлтіру керек, дереу"],
}
_KK_HARD_HATE = ["{pl} шегіртке сияқты бәрін жеп бітіреді", "{pl} мал ғой, олармен сөйлесудің керегі жоқ"]
_OBFUSCATIONS = ["leet", "homoglyph", "spaced", "repeat"]


class _Gen:
    def __init__(self, rng: random.Random, length_multiplier: float, hateful_share: float):
        self.rng = rng
        self.mult = length_multiplier
        self.hateful_share = hateful_share
        self.v = _vocab()

    # -- words ----------------------------------------------------------------------------------
    def _word(self, lang: str, pos: str) -> str:
        rng = self.rng
        w = (self.v.ru if lang == "ru" else self.v.kk)[pos](rng)
        r = rng.random()
        if r < 0.025 and len(w) > 3 and pos not in ("name", "place"):  # typos: the long tail
            i = rng.randrange(1, len(w) - 1)
            op = rng.random()
            if op < 0.4:
                w = w[:i] + w[i + 1:]
            elif op < 0.7:
                w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
            else:
                w = w[:i] + w[i] + w[i:]
        elif r < 0.032 and pos != "name":  # stretched letters: "дааа", "крутооо"
            w = w + w[-1] * rng.choice((2, 3))
        elif r < 0.036:
            w = w.upper()
        return w

    def _sentence(self, lang: str, max_words: int) -> list[str]:
        rng = self.rng
        shape = rng.choice(_RU_SHAPES if lang == "ru" else _KK_SHAPES).split()
        if rng.random() < 0.5:  # join two shapes for longer sentences
            shape += rng.choice(_RU_SHAPES if lang == "ru" else _KK_SHAPES).split()
        words = [self._word(lang, pos) for pos in shape[:max_words]]
        return words

    def _extras(self, lang: str) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.05:
            return rng.choice(EMOJI) * rng.choice((1, 1, 2, 3))
        if r < 0.07:
            return rng.choice(HASHTAGS_RU if lang == "ru" else HASHTAGS_KK)
        if r < 0.08:
            return f"@user{rng.randrange(10_000)}"
        if r < 0.085:
            return f"https://t.me/c{rng.randrange(100_000)}/{rng.randrange(1000)}"
        if r < 0.11:
            return rng.choice((f"{rng.randrange(100, 50_000)} тг", f"{rng.randrange(24)}:{rng.randrange(60):02d}",
                               f"{rng.randrange(1, 29)}.{rng.randrange(1, 13):02d}", str(rng.randrange(1, 100))))
        return ""

    # -- messages -------------------------------------------------------------------------------
    def _length(self) -> int:
        n = int(round(math.exp(self.rng.gauss(math.log(17), 0.75))))
        return max(5, min(80, n))

    def _render(self, sentences: list[list[str]], lang: str, keep: int = -1) -> str:
        """Sentences to text; sentence `keep` (a template) gets no extra commas."""
        rng = self.rng
        parts = []
        for n, words in enumerate(sentences):
            words = list(words)
            if n != keep and len(words) > 4 and rng.random() < 0.3:
                i = rng.randrange(2, len(words) - 1)
                words[i - 1] = words[i - 1] + ","
            s = " ".join(words)
            if rng.random() < 0.55:
                s = s[:1].upper() + s[1:]
            s += rng.choice((".", ".", ".", "!", "?", "", "...", "!!", ")"))
            extra = self._extras(lang)
            if extra:
                s += " " + extra
            parts.append(s)
        sep = "\n" if rng.random() < 0.15 else " "
        return sep.join(parts)

    def message(self) -> Message:
        rng = self.rng
        r = rng.random()
        lang = "ru" if r < 0.55 else "kk" if r < 0.80 else "kk-latn" if r < 0.88 else "mixed"
        target = obf = None
        special: list[str] | None = None  # one pre-built sentence (words)
        k = rng.random()
        if k < self.hateful_share:
            kind = "hateful"
            special, target, obf = self._hateful(lang)
        elif k < self.hateful_share + 0.12:
            kind = "group_mention"
            special, target = self._mention(lang)
        elif k < self.hateful_share + 0.15:
            kind = "near_miss"
            special, target = self._near_miss(lang)
        else:
            kind = "neutral"
        budget = max(5, int(round(self._length() * self.mult)))
        sentences: list[list[str]] = []
        used = len(special) if special else 0
        if obf == "spaced":
            used = len(special) - max(0, sum(1 for w in special if len(w) == 1) - 1)
        while used < budget:
            sent_lang = lang
            if lang == "mixed":
                sent_lang = "ru" if rng.random() < 0.5 else "kk"
            elif lang == "kk-latn":
                sent_lang = "kk"
            words = self._sentence(sent_lang, budget - used)
            if lang == "mixed" and rng.random() < 0.3:  # code-switching inside a sentence
                words.insert(rng.randrange(len(words) + 1), self._word("ru" if sent_lang == "kk" else "kk", "noun"))
                words = words[: budget - used]
            sentences.append(words)
            used += len(words)
        n_words = used
        keep = -1
        if special:
            keep = rng.randrange(len(sentences) + 1)
            sentences.insert(keep, special)
        text = self._render(sentences, lang, keep)
        if lang == "kk-latn":
            text = to_latin(text, _LAT_2021 if rng.random() < 0.4 else _LAT_ASCII)
        return Message(text, lang, kind == "hateful", kind, target, obf, n_words)

    def _ru_group(self, slur_ok: bool) -> tuple[str, tuple[str, str, str]]:
        rng = self.rng
        if slur_ok and rng.random() < 0.45:
            target = rng.choice(sorted(RU_SLURS))
            return target, rng.choice(RU_SLURS[target])
        target = rng.choice(sorted(RU_GROUPS))
        return target, rng.choice(RU_GROUPS[target])

    def _kk_group(self, slur_ok: bool) -> tuple[str, dict[str, str]]:
        rng = self.rng
        table = KK_SLURS if slur_ok and rng.random() < 0.4 else KK_GROUPS
        target = rng.choice(sorted(table))
        stem = rng.choice(table[target])
        pl = kk_suffix(stem, "pl")
        return target, {"stem": stem, "pl": pl, "acc": kk_suffix(pl, "acc"), "gen": kk_suffix(pl, "gen")}

    def _hateful(self, lang: str) -> tuple[list[str], str, str | None]:
        rng = self.rng
        hate_lang = "ru" if lang == "ru" or (lang == "mixed" and rng.random() < 0.5) else "kk"
        kind = rng.choice(sorted(_RU_HATE))
        hard = rng.random() < 0.08  # attack words the lexicon may not know yet
        if hate_lang == "ru":
            target, (nom, gen, _dat) = self._ru_group(slur_ok=True)
            if kind != "violence" and target == "kafir":
                kind = "violence"
            template = rng.choice(_RU_HARD_HATE if hard else _RU_HATE[kind])
            group_word = nom if "{nom}" in template else gen
            slots = dict(nom=nom, gen=gen, dehum=rng.choice(_RU_DEHUM), dehum_adj=rng.choice(_RU_DEHUM_ADJ),
                         place=rng.choice(PLACES_RU))
        else:
            target, forms = self._kk_group(slur_ok=True)
            if kind != "violence" and target == "kafir":
                kind = "violence"
            template = rng.choice(_KK_HARD_HATE if hard else _KK_HATE[kind])
            group_word = forms["pl"] if "{pl}" in template else forms["acc"]
            slots = forms
        obf = None
        if lang != "kk-latn" and rng.random() < 0.35:
            obf = rng.choice(_OBFUSCATIONS)
            hidden = obfuscate(group_word, obf, rng)
            for key, val in list(slots.items()):
                if val == group_word:
                    slots[key] = hidden
        text = template.format(**slots)
        return text.split(), target, obf

    def _mention(self, lang: str) -> tuple[list[str], str]:
        rng = self.rng
        if lang == "ru" or (lang == "mixed" and rng.random() < 0.5):
            target, (nom, gen, dat) = self._ru_group(slur_ok=False)
            text = rng.choice(_RU_MENTION).format(nom=nom, gen=gen, dat=dat, place=rng.choice(PLACES_RU))
        else:
            target, forms = self._kk_group(slur_ok=False)
            text = rng.choice(_KK_MENTION).format(place=rng.choice(PLACES_KK), **forms)
        return text.split(), target

    def _near_miss(self, lang: str) -> tuple[list[str], str | None]:
        rng = self.rng
        if lang == "ru" or (lang == "mixed" and rng.random() < 0.5):
            target, (nom, gen, _dat) = self._ru_group(slur_ok=False)
            text = rng.choice(_RU_NEAR_MISS).format(nom=nom, gen=gen)
        else:
            target, forms = self._kk_group(slur_ok=False)
            text = rng.choice(_KK_NEAR_MISS).format(**forms)
        return text.split(), target


def generate(size: int, seed: int = 0, length_multiplier: float = 1.0, hateful_share: float = 0.02) -> list[Message]:
    """`size` messages; the same arguments always give the same corpus."""
    if size < 0:
        raise ValueError("size must be >= 0")
    if length_multiplier <= 0:
        raise ValueError("length_multiplier must be > 0")
    gen = _Gen(random.Random(seed), length_multiplier, hateful_share)
    return [gen.message() for _ in range(size)]


def vocabulary_size() -> int:
    """Word types in the written inventory (before typos, names, numbers)."""
    return _vocab().types


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--length-multiplier", type=float, default=1.0)
    ap.add_argument("--jsonl", action="store_true", help="one JSON object per line instead of text")
    args = ap.parse_args(argv)
    for m in generate(args.size, args.seed, args.length_multiplier):
        if args.jsonl:
            print(json.dumps(asdict(m), ensure_ascii=False))
        else:
            tag = f"[{m.lang} {m.kind}{' ' + m.obfuscation if m.obfuscation else ''}]"
            print(tag, m.text.replace("\n", " / "))


if __name__ == "__main__":
    main()
