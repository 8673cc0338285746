"""Interface strings in English, Russian and Kazakh (explanations, headings, report labels, messages).

Two kinds:

- `STRINGS`: short labels by key (``t("summary", "ru")``), used by the summary and the HTML report;
- `MESSAGES`: sentences keyed by their English template (``tr("{name}: no such file", "kk",
  name=...)``).  Messages built in English elsewhere (a reader's row warning, an input problem) are
  translated on their way to the user with `translate`, which finds the template the English text
  was made from and fills the translation with the same values.

`tests/test_i18n.py` fails when a template used in the code has no Russian or Kazakh translation.
"""

from __future__ import annotations

import re
from functools import lru_cache


STRINGS: dict[str, dict[str, str]] = {
    "target": {"en": "target", "ru": "цель", "kk": "нысана"},
    "narrative": {"en": "narrative", "ru": "нарратив", "kk": "нарратив"},
    "severity": {"en": "severity", "ru": "опасность", "kk": "қауіптілік"},
    "rule": {"en": "rule", "ru": "правило", "kk": "ереже"},
    "evidence": {"en": "evidence", "ru": "основания", "kk": "дәлелдер"},
    "explanation": {"en": "explanation", "ru": "пояснение", "kk": "түсіндірме"},
    "language": {"en": "language", "ru": "язык", "kk": "тіл"},
    "flagged": {"en": "flagged", "ru": "отмечено", "kk": "белгіленді"},
    "not_flagged": {"en": "not flagged", "ru": "не отмечено", "kk": "белгіленбеді"},
    "score": {"en": "score", "ru": "оценка", "kk": "баға"},
    "precision": {"en": "precision", "ru": "точность", "kk": "дәлдік"},
    "cues": {"en": "score cues", "ru": "что влияет на оценку", "kk": "бағаға әсер ететіні"},
    "suppressed": {"en": "suppressed", "ru": "подавлено", "kk": "басылды"},
    "messages": {"en": "messages", "ru": "сообщений", "kk": "хабарлама"},
    "messages_read": {"en": "Messages read", "ru": "Прочитано сообщений", "kk": "Оқылған хабарламалар"},
    "messages_flagged": {"en": "Flagged", "ru": "Отмечено", "kk": "Белгіленгені"},
    "errors": {"en": "Rows with errors", "ru": "Строк с ошибками", "kk": "Қатесі бар жолдар"},
    "per_narrative": {"en": "By narrative", "ru": "По нарративам", "kk": "Нарратив бойынша"},
    "per_target": {"en": "By target group", "ru": "По целевым группам", "kk": "Нысана топтары бойынша"},
    "per_rule": {"en": "By rule", "ru": "По правилам", "kk": "Ережелер бойынша"},
    "per_severity": {"en": "By severity", "ru": "По опасности", "kk": "Қауіптілік бойынша"},
    "per_language": {"en": "By language", "ru": "По языкам", "kk": "Тілдер бойынша"},
    "report_title": {"en": "hsengine report", "ru": "Отчёт hsengine", "kk": "hsengine есебі"},
    "all": {"en": "all", "ru": "все", "kk": "барлығы"},
    "filter": {"en": "Filter", "ru": "Фильтр", "kk": "Сүзгі"},
    "shown": {"en": "shown", "ru": "показано", "kk": "көрсетілді"},
    "low": {"en": "low", "ru": "низкая", "kk": "төмен"},
    "medium": {"en": "medium", "ru": "средняя", "kk": "орташа"},
    "high": {"en": "high", "ru": "высокая", "kk": "жоғары"},
    "critical": {"en": "critical", "ru": "критическая", "kk": "аса қауіпті"},
    "no_target": {"en": "no specific group", "ru": "без конкретной группы", "kk": "нақты топ жоқ"},
    "because": {"en": "because", "ru": "потому что", "kk": "себебі"},
    # -- command line: summary and pretty output ------------------------------------------------
    "summary": {"en": "Summary", "ru": "Итоги", "kk": "Қорытынды"},
    "with_warnings": {"en": "Rows with warnings", "ru": "Строк с предупреждениями", "kk": "Ескертуі бар жолдар"},
    "error": {"en": "error", "ru": "ошибка", "kk": "қате"},
    "warning": {"en": "warning", "ru": "предупреждение", "kk": "ескерту"},
    "suppressed_by": {"en": "suppressed by", "ru": "отменено контекстом", "kk": "контекст жойды:"},
    "more_row_problems": {
        "en": "... and {n} more rows with problems (see the error and warnings columns)",
        "ru": "... и ещё {n} строк с проблемами (см. столбцы error и warnings)",
        "kk": "... және проблемасы бар тағы {n} жол (error және warnings бағандарын қараңыз)",
    },
    "wrote": {"en": "wrote {path}", "ru": "записано в {path}", "kk": "{path} файлына жазылды"},
    "lang_ru": {"en": "Russian", "ru": "русский", "kk": "орыс тілі"},
    "lang_kk": {"en": "Kazakh", "ru": "казахский", "kk": "қазақ тілі"},
    "lang_mixed": {"en": "mixed", "ru": "смешанный", "kk": "аралас"},
    "lang_und": {"en": "undetermined", "ru": "не определён", "kk": "анықталмады"},
    # -- HTML report ---------------------------------------------------------------------------
    "f_narrative": {"en": "Narrative", "ru": "Нарратив", "kk": "Нарратив"},
    "f_target": {"en": "Target group", "ru": "Целевая группа", "kk": "Нысана топ"},
    "f_language": {"en": "Language", "ru": "Язык", "kk": "Тіл"},
    "source": {"en": "Source", "ru": "Источник", "kk": "Дереккөз"},
    "generated": {"en": "Generated", "ru": "Создан", "kk": "Жасалған уақыты"},
    "not_flagged_count": {"en": "Not flagged", "ru": "Не отмечено", "kk": "Белгіленбегені"},
    "search": {"en": "Search in text", "ru": "Поиск по тексту", "kk": "Мәтіннен іздеу"},
    "min_severity": {"en": "Severity (at least)", "ru": "Опасность (не ниже)", "kk": "Қауіптілік (кемінде)"},
    "sort": {"en": "Order", "ru": "Порядок", "kk": "Реті"},
    "sort_input": {"en": "as in the input", "ru": "как во входных данных", "kk": "кірістегідей"},
    "sort_severity": {"en": "most severe first", "ru": "сначала самые опасные", "kk": "алдымен ең қауіптілері"},
    "shown_of": {"en": "{shown} of {total} flagged messages shown", "ru": "Показано {shown} из {total} отмеченных сообщений",
                 "kk": "{total} белгіленген хабарламаның {shown} көрсетілді"},
    "page_of": {"en": "page {page} of {pages}", "ru": "страница {page} из {pages}", "kk": "{pages} беттің {page}-беті"},
    "previous": {"en": "Previous", "ru": "Назад", "kk": "Алдыңғы"},
    "next": {"en": "Next", "ru": "Далее", "kk": "Келесі"},
    "per_page": {"en": "page", "ru": "на странице", "kk": "бетте"},
    "no_messages": {"en": "No message matches these filters.", "ru": "Нет сообщений, подходящих под фильтры.",
                    "kk": "Сүзгілерге сай хабарлама жоқ."},
    "line": {"en": "line", "ru": "строка", "kk": "жол"},
    "show_all_text": {"en": "show the whole text", "ru": "показать весь текст", "kk": "бүкіл мәтінді көрсету"},
    "show_less": {"en": "show less", "ru": "свернуть", "kk": "жасыру"},
    "reset_filters": {"en": "Reset filters", "ru": "Сбросить фильтры", "kk": "Сүзгілерді тазарту"},
    "export_csv": {"en": "Download shown as CSV", "ru": "Скачать показанные (CSV)", "kk": "Көрсетілгенін CSV-ке жүктеу"},
    "error_rows": {"en": "Rows that could not be analyzed", "ru": "Строки, которые не удалось проанализировать",
                   "kk": "Талданбаған жолдар"},
    "error_rows_more": {"en": "... and {n} more", "ru": "... и ещё {n}", "kk": "... және тағы {n}"},
    "flagged_only_note": {
        "en": "Only flagged messages are listed below; the numbers above count every message read.",
        "ru": "Ниже перечислены только отмеченные сообщения; числа выше учитывают все прочитанные сообщения.",
        "kk": "Төменде тек белгіленген хабарламалар берілген; жоғарыдағы сандар барлық оқылған хабарламаны қамтиды.",
    },
    "role": {"en": "role", "ru": "роль", "kk": "рөлі"},
    "how": {"en": "matched as", "ru": "как найдено", "kk": "қалай табылды"},
    "flagged_share": {"en": "share flagged", "ru": "доля отмеченных", "kk": "белгіленгендер үлесі"},
    "group_reposts": {"en": "Group identical texts", "ru": "Объединять одинаковые тексты",
                      "kk": "Бірдей мәтіндерді біріктіру"},
    "distinct_texts": {"en": "{n} different texts", "ru": "различных текстов: {n}", "kk": "әртүрлі мәтін: {n}"},
    "reposts": {"en": "copies", "ru": "копий", "kk": "көшірме"},
    "first_seen": {"en": "first", "ru": "впервые", "kk": "алғаш"},
    "last_seen": {"en": "last", "ru": "последний раз", "kk": "соңғы рет"},
    "per_channel": {"en": "By channel: which channels spread which narrative",
                    "ru": "По каналам: какие каналы распространяют какие нарративы",
                    "kk": "Арналар бойынша: қай арна қандай нарратив таратады"},
    "per_author": {"en": "By author", "ru": "По авторам", "kk": "Авторлар бойынша"},
    "timeline": {"en": "Flagged messages per day", "ru": "Отмеченные сообщения по дням",
                 "kk": "Белгіленген хабарламалар күн бойынша"},
    "channel": {"en": "channel", "ru": "канал", "kk": "арна"},
    "author": {"en": "author", "ru": "автор", "kk": "автор"},
    "date": {"en": "date", "ru": "дата", "kk": "күні"},
    "suppressed_review": {"en": "Matches cancelled by context: check them",
                          "ru": "Совпадения, отменённые контекстом: проверьте их",
                          "kk": "Контекст жойған сәйкестіктер: тексеріп шығыңыз"},
    "suppressed_note": {
        "en": "A rule matched these messages, but negation, counter-speech, a news report, a quotation or talk "
              "about a word cancelled it. The reason is given for each; if it is wrong, the message is hate speech.",
        "ru": "Правило сработало на этих сообщениях, но отрицание, контрречь, новостное сообщение, цитата или "
              "разговор о слове его отменили. Для каждого указана причина; если она неверна, сообщение — язык вражды.",
        "kk": "Бұл хабарламаларға ереже сәйкес келді, бірақ болымсыздық, қарсы сөз, жаңалық, дәйексөз немесе сөз "
              "туралы әңгіме оны жойды. Әрқайсысының себебі көрсетілген; ол қате болса, хабарлама — өшпенділік тілі.",
    },
    "context": {"en": "context", "ru": "контекст", "kk": "контекст"},
    "reason": {"en": "reason", "ru": "причина", "kk": "себебі"},
    "cue": {"en": "cue", "ru": "сигнал", "kk": "белгі"},
    "flagged_in": {"en": "flagged by another rule", "ru": "отмечено другим правилом",
                   "kk": "басқа ереже белгіледі"},
    "suppressed_count": {"en": "suppressed", "ru": "отменено", "kk": "жойылды"},
    "messages_total": {"en": "messages read", "ru": "прочитано сообщений", "kk": "оқылған хабарламалар"},
    "share": {"en": "share", "ru": "доля", "kk": "үлесі"},
    "others": {"en": "others", "ru": "другие", "kk": "басқалары"},
    # -- input problems, in the interface language (hints stay in English) ------------------------
    "input_missing_file": {"en": "{name}: no such file", "ru": "{name}: файл не найден", "kk": "{name}: мұндай файл жоқ"},
    "input_is_directory": {"en": "{name} is a directory, not a file", "ru": "{name} — это папка, а не файл",
                           "kk": "{name} — файл емес, бума"},
    "input_empty_input": {"en": "{name} is empty: there is nothing to check", "ru": "{name} пуст: проверять нечего",
                          "kk": "{name} бос: тексеретін ештеңе жоқ"},
    "input_binary_input": {"en": "{name} is not a text file ({what})", "ru": "{name} — не текстовый файл ({what})",
                           "kk": "{name} мәтіндік файл емес ({what})"},
    "input_utf16_input": {"en": "{name} is in UTF-16 without a byte-order mark",
                          "ru": "{name} в кодировке UTF-16 без метки порядка байтов",
                          "kk": "{name} UTF-16 кодтауында, байт ретінің белгісі жоқ"},
    "input_not_utf8": {"en": "{name} is not UTF-8 text (first invalid bytes on line {line})",
                       "ru": "{name} — не текст в UTF-8 (первые неверные байты в строке {line})",
                       "kk": "{name} UTF-8 мәтіні емес (алғашқы қате байттар {line}-жолда)"},
    "input_unknown_column": {"en": "{name} has no column {column}; its columns are: {columns}",
                             "ru": "в {name} нет столбца «{column}»; есть столбцы: {columns}",
                             "kk": "{name} ішінде «{column}» бағаны жоқ; бағандары: {columns}"},
    "input_no_text_column": {"en": "{name}: which column holds the text? Columns: {columns}",
                             "ru": "{name}: в каком столбце текст? Столбцы: {columns}",
                             "kk": "{name}: мәтін қай бағанда? Бағандар: {columns}"},
    "input_json_array": {"en": "{name} is a JSON array, not JSON Lines", "ru": "{name} — массив JSON, а не JSON Lines",
                         "kk": "{name} — JSON Lines емес, JSON массиві"},
    "input_bad_json": {"en": "{name}: line {line} is not valid JSON", "ru": "{name}: строка {line} — неверный JSON",
                       "kk": "{name}: {line}-жол дұрыс JSON емес"},
}

ROLE_NAMES: dict[str, dict[str, str]] = {
    "target": {"en": "names the group", "ru": "называет группу", "kk": "топты атайды"},
    "list": {"en": "another people in the same list", "ru": "другой народ в том же перечне",
             "kk": "сол тізімдегі басқа халық"},
    "support": {"en": "makes hate likelier", "ru": "делает ненависть вероятнее", "kk": "өшпенділік ықтималдығын арттырады"},
    "against": {"en": "makes hate less likely", "ru": "делает ненависть менее вероятной",
                "kk": "өшпенділік ықтималдығын азайтады"},
    "quoted": {"en": "in quotation marks: shown, not used (hate less likely)",
               "ru": "в кавычках: слово упомянуто, а не употреблено (ненависть менее вероятна)",
               "kk": "тырнақшада: сөз қолданылмай, аталып тұр (өшпенділік ықтималдығы төмен)"},
    "pointed": {"en": "points at people or addresses one (эти X, эй, X): used, not mentioned (hate likelier)",
                "ru": "указывает на людей или обращается к ним (эти X, эй, X): слово употреблено (ненависть вероятнее)",
                "kk": "адамдарды нұсқайды не оларға қаратылған (мына X, әй, X): сөз қолданылған (өшпенділік ықтималдығы жоғары)"},
    "dehumanization": {"en": "dehumanizes", "ru": "расчеловечивает", "kk": "адамгершіліктен айырады"},
    "violence": {"en": "calls for violence", "ru": "призыв к насилию", "kk": "зорлыққа шақырады"},
    "expulsion": {"en": "calls for expulsion", "ru": "призыв к изгнанию", "kk": "қуып шығуға шақырады"},
    "exclusion": {"en": "excludes", "ru": "исключает", "kk": "шеттетеді"},
    "hate_emotion": {"en": "expresses hatred", "ru": "выражает ненависть", "kk": "өшпенділік білдіреді"},
    "negative_attribute": {"en": "attributes vice to all", "ru": "приписывает порок всем", "kk": "бәріне кінә тағады"},
    "slur": {"en": "slur", "ru": "оскорбление", "kk": "қорлау сөзі"},
    "call": {"en": "call to act", "ru": "призыв", "kk": "шақыру"},
    "quantifier": {"en": "generalizes", "ru": "обобщает", "kk": "жалпылайды"},
    "determiner": {"en": "points at the group", "ru": "указывает на группу", "kk": "топты нұсқайды"},
    "essence": {"en": "says it is in their nature", "ru": "говорит, что это у них в природе", "kk": "бұл олардың табиғатында дейді"},
    "outcome": {"en": "promises a better life from it", "ru": "сулит от этого лучшую жизнь", "kk": "одан жақсы өмір уәде етеді"},
    "attack": {"en": "attacks", "ru": "нападает", "kk": "шабуыл жасайды"},
    "threat": {"en": "threatens", "ru": "угрожает", "kk": "қорқытады"},
    "question": {"en": "questions their rights", "ru": "ставит под сомнение", "kk": "күмән келтіреді"},
    "negation": {"en": "negation", "ru": "отрицание", "kk": "болымсыздық"},
    "plot": {"en": "claims a plot", "ru": "заявляет о заговоре", "kk": "қастандық бар дейді"},
    "tautology": {"en": "says they are what the word says", "ru": "утверждает, что они то, что значит слово", "kk": "олар сөз айтқандай дейді"},
    "calamity": {"en": "names every war or crisis", "ru": "называет все войны и беды", "kk": "барлық соғыс пен дағдарысты атайды"},
    "verdict": {"en": "passes a verdict", "ru": "выносит приговор", "kk": "үкім шығарады"},
    "attribute": {"en": "attributes a trait", "ru": "приписывает черту", "kk": "қасиет таңады"},
    "victims": {"en": "names victims", "ru": "называет жертв", "kk": "құрбандарды атайды"},
    "compared": {"en": "ranks them below", "ru": "ставит ниже других", "kk": "басқалардан төмен қояды"},
    "jihad": {"en": "jihad", "ru": "джихад", "kk": "жиһад"},
    "invasion": {"en": "claims an invasion", "ru": "говорит о нашествии", "kk": "басып кіру дейді"},
    "hate": {"en": "expresses hatred", "ru": "выражает ненависть", "kk": "өшпенділік білдіреді"},
    "praise": {"en": "praises", "ru": "восхваляет", "kk": "мадақтайды"},
    "frame": {"en": "extremist frame", "ru": "экстремистская рамка", "kk": "экстремистік көзқарас"},
    "agency": {"en": "the speaker sees to it", "ru": "говорящий берётся это устроить", "kk": "сөйлеуші мұны өзі ұйымдастырмақ"},
    "destination": {"en": "where to send them", "ru": "куда отправить", "kk": "қайда жіберу"},
    "cleansing": {"en": "calls for cleansing", "ru": "призыв к «очищению»", "kk": "«тазартуға» шақырады"},
    "takfir": {"en": "declares unbelief (takfir)", "ru": "объявляет неверным (такфир)", "kk": "кәпір деп жариялайды (тәкфір)"},
    "only": {"en": "exclusivity", "ru": "исключительность", "kk": "ерекшелік"},
    "marriage": {"en": "marriage", "ru": "брак", "kk": "неке"},
    "land": {"en": "land", "ru": "земля", "kk": "жер"},
    "approval": {"en": "approves", "ru": "одобряет", "kk": "мақұлдайды"},
    "vaccine": {"en": "vaccine", "ru": "вакцина", "kk": "вакцина"},
    "struggle": {"en": "calls to struggle", "ru": "призыв к борьбе", "kk": "күреске шақырады"},
    "sharia": {"en": "sharia", "ru": "шариат", "kk": "шариғат"},
    "obey": {"en": "demands obedience", "ru": "требует подчинения", "kk": "бағынуды талап етеді"},
    "nation": {"en": "nation", "ru": "нация", "kk": "ұлт"},
    "inferiority": {"en": "calls them inferior", "ru": "называет неполноценными", "kk": "кемтар деп атайды"},
    "holiday": {"en": "holiday", "ru": "праздник", "kk": "мереке"},
    "epithet": {"en": "insulting epithet", "ru": "оскорбительный эпитет", "kk": "қорлайтын эпитет"},
    "enemy": {"en": "calls them the enemy", "ru": "называет врагом", "kk": "жау деп атайды"},
    "act": {"en": "act", "ru": "действие", "kk": "әрекет"},
    "victim": {"en": "names a victim", "ru": "называет жертву", "kk": "құрбанды атайды"},
    "toward": {"en": "toward", "ru": "направление", "kk": "бағыт"},
    "prohibition": {"en": "prohibits", "ru": "запрещает", "kk": "тыйым салады"},
    "place": {"en": "place", "ru": "место", "kk": "орын"},
    "people": {"en": "people", "ru": "люди", "kk": "адамдар"},
    "institution": {"en": "institution", "ru": "институт", "kk": "мекеме"},
    "guest": {"en": "calls them guests", "ru": "называет гостями", "kk": "қонақ деп атайды"},
    "go": {"en": "tells them to go", "ru": "велит уйти", "kk": "кетуді бұйырады"},
    "from": {"en": "from where", "ru": "откуда", "kk": "қайдан"},
    "for": {"en": "for", "ru": "ради", "kk": "үшін"},
    "country": {"en": "country", "ru": "страна", "kk": "ел"},
    "wish": {"en": "wishes harm", "ru": "желает зла", "kk": "зиян тілейді"},
    "scapegoat": {"en": "blames them", "ru": "делает виноватыми", "kk": "кінәлі етеді"},
    "purity": {"en": "claims purity", "ru": "говорит о чистоте", "kk": "тазалық дейді"},
    "owner": {"en": "claims ownership", "ru": "называет хозяином", "kk": "иесі дейді"},
    "object": {"en": "object", "ru": "объект", "kk": "нысан"},
    "martyrdom": {"en": "martyrdom", "ru": "мученичество (шахадат)", "kk": "шейіттік"},
    "intensifier": {"en": "intensifies", "ru": "усиливает", "kk": "күшейтеді"},
    "host": {"en": "calls one group the hosts", "ru": "называет хозяевами", "kk": "қожайын деп атайды"},
    "hijra": {"en": "hijra (emigration)", "ru": "хиджра (переселение)", "kk": "хижра (қоныс аудару)"},
    "habit": {"en": "habit", "ru": "привычка", "kk": "әдет"},
    "sight": {"en": "at the sight of them", "ru": "при виде их", "kk": "оларды көргенде"},
    "warning": {"en": "warns them", "ru": "предупреждает", "kk": "ескертеді"},
    "notice": {"en": "turns them away in a notice", "ru": "отказывает в объявлении", "kk": "хабарландыруда бас тартады"},
    "boycott": {"en": "calls a boycott", "ru": "призывает к бойкоту", "kk": "бойкотқа шақырады"},
    "opinion": {"en": "the speaker's verdict", "ru": "вердикт говорящего", "kk": "айтушының үкімі"},
    "intent": {"en": "intent", "ru": "намерение", "kk": "ниет"},
    "topic": {"en": "marks the topic", "ru": "выделяет тему", "kk": "тақырыпты белгілейді"},
    "glory": {"en": "glorifies", "ru": "прославляет", "kk": "дәріптейді"},
    "force": {"en": "calls for force", "ru": "призыв к силе", "kk": "күшке шақырады"},
    "enslavement": {"en": "calls for enslavement", "ru": "призыв к порабощению", "kk": "құлдыққа шақырады"},
    "duty": {"en": "calls it a duty", "ru": "называет долгом", "kk": "парыз дейді"},
    "covid": {"en": "COVID", "ru": "COVID", "kk": "COVID"},
    "claim": {"en": "claims", "ru": "утверждает", "kk": "мәлімдейді"},
    "blood": {"en": "blood", "ru": "кровь", "kk": "қан"},
    "actor": {"en": "actor", "ru": "исполнитель", "kk": "орындаушы"},
    "mood": {"en": "mood", "ru": "наклонение", "kk": "рай"},
    "against": {"en": "against", "ru": "против", "kk": "қарсы"},
    "possession": {"en": "what is theirs", "ru": "их имущество или тело", "kk": "олардың мүлкі не денесі"},
    "presence": {"en": "their presence", "ru": "их присутствие", "kk": "олардың болуы"},
    "refusal": {"en": "refuses them", "ru": "отказывает им", "kk": "бас тартады"},
    "tolerate": {"en": "will not tolerate", "ru": "не потерпит", "kk": "төзбейді"},
    "none": {"en": "not a single one", "ru": "ни одного", "kk": "бірде-бір"},
    "weapon": {"en": "weapon", "ru": "оружие", "kk": "қару"},
    "without": {"en": "a world without them", "ru": "мир без них", "kk": "оларсыз әлем"},
    "role": {"en": "role", "ru": "роль", "kk": "рөл"},
    "copula": {"en": "makes it a predicate", "ru": "связка", "kk": "байланыстырушы етістік"},
    "denial": {"en": "denies them", "ru": "лишает", "kk": "айырады"},
    "entitlement": {"en": "a right or a post", "ru": "право или место", "kk": "құқық не орын"},
    "grant": {"en": "outraged it is granted", "ru": "возмущён, что им дают", "kk": "берілгеніне наразы"},
    "with": {"en": "company refused", "ru": "отказ от общения", "kk": "араласудан бас тарту"},
    "answer": {"en": "answers its own question", "ru": "отвечает на свой вопрос", "kk": "өз сұрағына жауап береді"},
    "comparison": {"en": "compares them", "ru": "сравнивает", "kk": "салыстырады"},
    "naming": {"en": "names them so", "ru": "называет так", "kk": "солай атайды"},
    "virtue": {"en": "denies them a virtue", "ru": "отказывает в достоинстве", "kk": "жақсы қасиетті жоққа шығарады"},
    "ordeal": {"en": "the ordeal promised", "ru": "обещанная расправа", "kk": "уәде етілген қырғын"},
    "admission": {"en": "forbids letting them in", "ru": "запрещает их впускать", "kk": "оларды кіргізуге тыйым салады"},
    "member": {"en": "the decent one nobody has seen", "ru": "порядочный, которого никто не видел", "kk": "ешкім көрмеген жақсысы"},
    "cue": {"en": "cue", "ru": "сигнал", "kk": "белгі"},
}


def t(key: str, ui_lang: str = "en") -> str:
    """Interface string `key` in `ui_lang` (English when missing)."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    return entry.get(ui_lang) or entry["en"]


def role_name(role: str, ui_lang: str = "en") -> str:
    entry = ROLE_NAMES.get(role)
    if entry is None:
        return role.replace("_", " ")
    return entry.get(ui_lang) or entry["en"]


# -- messages: English template -> translations ------------------------------------------------------
def _messages() -> dict[str, dict[str, str]]:
    """The table, imported on first use: an English run never needs it (a long file that a
    start without bytecode caches compiled for nothing)."""
    from .i18n_messages import MESSAGES

    return MESSAGES


def __getattr__(name: str) -> object:  # `i18n.MESSAGES`, as before
    if name == "MESSAGES":
        return _messages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def tr(template: str, ui_lang: str = "en", /, **params: object) -> str:
    """`template` in `ui_lang`, filled with `params` (English when there is no translation)."""
    text = template
    if ui_lang != "en":
        entry = _messages().get(template)
        if entry is not None:
            text = entry.get(ui_lang) or template
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return template.format(**params)
    return text


_FIELD = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}")


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """A regex per English template with named groups for its fields, most specific first."""
    out = []
    for template in _messages():
        parts = []
        pos = 0
        seen: set[str] = set()
        for m in _FIELD.finditer(template):
            parts.append(re.escape(template[pos:m.start()]))
            name = m.group(1)
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            pos = m.end()
        parts.append(re.escape(template[pos:]))
        out.append((re.compile("".join(parts) + r"\Z", re.S), template))
    out.sort(key=lambda pt: -len(_FIELD.sub("", pt[1])))
    return out


def translate(message: str, ui_lang: str = "en") -> str:
    """An English message made from one of the templates, in `ui_lang` (unchanged when none fits).

    Several messages joined with "; " are translated one by one."""
    if ui_lang == "en" or not message:
        return message
    messages = _messages()
    if message in messages:
        return messages[message].get(ui_lang) or message
    for pattern, template in _patterns():
        m = pattern.match(message)
        if m:
            return tr(template, ui_lang, **m.groupdict())
    if "; " in message:
        parts = message.split("; ")
        done = [translate(p, ui_lang) for p in parts]
        if done != parts:
            return "; ".join(done)
    return message
