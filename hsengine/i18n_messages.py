"""Russian and Kazakh translations of the interface's sentences, keyed by the English template.

Placeholders in braces (``{name}``) are filled with the same values in every language.  Kazakh uses
its own letters (ә ғ қ ң ө ұ ү һ і).  Keys used by `tr()` are the exact English text of the call;
for messages built elsewhere (readers) the placeholder names are free: `translate()` matches the text
around them.  See `hsengine.i18n`; tests/test_i18n.py finds every user-facing sentence in the source.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    'choose one with --{what} NAME': {
        "ru": 'выберите его с помощью --{what} ИМЯ',
        "kk": 'оны --{what} АТАУ арқылы таңдаңыз',
    },
    '{name} is empty: there is nothing to check': {
        "ru": '{name} пуст: проверять нечего',
        "kk": '{name} бос: тексеретін ештеңе жоқ',
    },
    '{name} is not a text file: it contains NUL bytes (first at byte {pos})': {
        "ru": '{name} — не текстовый файл: в нём есть нулевые байты (первый — в байте {pos})',
        "kk": '{name} мәтіндік файл емес: онда нөлдік байттар бар (алғашқысы {pos}-байтта)',
    },
    'give a .txt, .csv or .jsonl file': {
        "ru": 'укажите файл .txt, .csv или .jsonl',
        "kk": '.txt, .csv немесе .jsonl файлын беріңіз',
    },
    '{name} is not a text file: it contains {controls} control bytes': {
        "ru": '{name} — не текстовый файл: в нём {controls} управляющих байтов',
        "kk": '{name} мәтіндік файл емес: онда {controls} басқару байты бар',
    },
    '{name} is not UTF-8 text: {bad} of the first {lines} lines have invalid bytes (first on line {first})': {
        "ru": '{name} — не текст в UTF-8: в {bad} из первых {lines} строк неверные байты (впервые в строке {first})',
        "kk": '{name} UTF-8 мәтіні емес: алғашқы {lines} жолдың {bad} жолында қате байттар бар (алғаш рет {first}-жолда)',
    },
    'empty message': {
        "ru": 'пустое сообщение',
        "kk": 'бос хабарлама',
    },
    'the delimiter must be one character, not {delimiter}': {
        "ru": 'разделитель должен быть одним символом, а не {delimiter}',
        "kk": 'бөлгіш бір таңба болуы керек, {delimiter} емес',
    },
    'the first line is read as the header (its column {column} is {cell}); if it is a message, add --no-header': {
        "ru": 'первая строка прочитана как заголовок (в её столбце {column} — {cell}); если это сообщение, добавьте --no-header',
        "kk": 'бірінші жол тақырып ретінде оқылды (оның {column}-бағанында {cell}); бұл хабарлама болса, --no-header қосыңыз',
    },
    '{name} has no JSON object: there is nothing to check': {
        "ru": 'в {name} нет ни одного объекта JSON: проверять нечего',
        "kk": '{name} ішінде бірде-бір JSON нысаны жоқ: тексеретін ештеңе жоқ',
    },
    '{name} is not a text file: it looks like {what}': {
        "ru": '{name} — не текстовый файл: похоже, это {what}',
        "kk": '{name} мәтіндік файл емес: бұл {what} сияқты',
    },
    '{name} is in UTF-16 without a byte-order mark, which cannot be read reliably': {
        "ru": '{name} в кодировке UTF-16 без метки порядка байтов, его нельзя надёжно прочитать',
        "kk": '{name} байт ретінің белгісі жоқ UTF-16 кодтауында, оны сенімді оқу мүмкін емес',
    },
    "save it as UTF-8 (in Excel: 'CSV UTF-8'), or pass --encoding {order}": {
        "ru": 'сохраните его в UTF-8 (в Excel: «CSV UTF-8») или укажите --encoding {order}',
        "kk": 'оны UTF-8 түрінде сақтаңыз (Excel-де: «CSV UTF-8») немесе --encoding {order} беріңіз',
    },
    'unknown input format {declared}; use one of {formats}': {
        "ru": 'неизвестный формат входных данных {declared}; используйте один из: {formats}',
        "kk": 'белгісіз кіріс пішімі {declared}; мыналардың бірін қолданыңыз: {formats}',
    },
    '{name}: no such file': {
        "ru": '{name}: файл не найден',
        "kk": '{name}: мұндай файл жоқ',
    },
    '{name} is a directory, not a file': {
        "ru": '{name} — это папка, а не файл',
        "kk": '{name} — файл емес, бума',
    },
    'give one .txt, .csv or .jsonl file': {
        "ru": 'укажите один файл .txt, .csv или .jsonl',
        "kk": 'бір .txt, .csv немесе .jsonl файлын беріңіз',
    },
    "{name} is tab-separated UTF-16 text (Excel's 'Unicode text'): reading it as a table with a header line (--input-format txt reads one message per line)": {
        "ru": '{name} — текст UTF-16 с табуляциями («Текст в Юникоде» из Excel): читаю как таблицу со строкой заголовка (--input-format txt читает по сообщению на строку)',
        "kk": '{name} — табуляциямен бөлінген UTF-16 мәтіні (Excel-дің «Юникод мәтіні»): тақырып жолы бар кесте ретінде оқимын (--input-format txt әр жолды бір хабарлама ретінде оқиды)',
    },
    '{name} has no header line: there is nothing to check': {
        "ru": 'в {name} нет строки заголовка: проверять нечего',
        "kk": '{name} ішінде тақырып жолы жоқ: тексеретін ештеңе жоқ',
    },
    '{name}:{line}: the header cannot be read as CSV: {error}': {
        "ru": '{name}:{line}: заголовок не читается как CSV: {error}',
        "kk": '{name}:{line}: тақырыпты CSV ретінде оқу мүмкін емес: {error}',
    },
    '{name} is a JSON array, not JSON Lines': {
        "ru": '{name} — массив JSON, а не JSON Lines',
        "kk": '{name} — JSON Lines емес, JSON массиві',
    },
    "write one JSON object per line (.jsonl), or convert it with: jq -c '.[]'": {
        "ru": "запишите по одному объекту JSON на строку (.jsonl) или преобразуйте: jq -c '.[]'",
        "kk": "әр жолға бір JSON нысанын жазыңыз (.jsonl) немесе түрлендіріңіз: jq -c '.[]'",
    },
    '{name}:{line}: a JSON Lines row must be an object, not a JSON {kind}': {
        "ru": '{name}:{line}: строка JSON Lines должна быть объектом, а не {kind} JSON',
        "kk": '{name}:{line}: JSON Lines жолы нысан болуы қажет, JSON {kind} емес',
    },
    'each line must be one JSON object': {
        "ru": 'каждая строка должна быть одним объектом JSON',
        "kk": 'әр жол бір JSON нысаны болуы керек',
    },
    'unknown encoding {encoding}': {
        "ru": 'неизвестная кодировка {encoding}',
        "kk": 'белгісіз кодтау {encoding}',
    },
    'for example: utf-8, cp1251, koi8-r, utf-16': {
        "ru": 'например: utf-8, cp1251, koi8-r, utf-16',
        "kk": 'мысалы: utf-8, cp1251, koi8-r, utf-16',
    },
    '{name} cannot be read: {reason}': {
        "ru": '{name} не читается: {reason}',
        "kk": '{name} оқылмайды: {reason}',
    },
    'invalid UTF-8 bytes replaced with U+FFFD': {
        "ru": 'неверные байты UTF-8 заменены на U+FFFD',
        "kk": 'қате UTF-8 байттары U+FFFD таңбасымен ауыстырылды',
    },
    '{name}:{line}: not valid JSON ({msg}, column {col}): is this a JSON Lines file?': {
        "ru": '{name}:{line}: неверный JSON ({msg}, позиция {col}): это точно файл JSON Lines?',
        "kk": '{name}:{line}: JSON дұрыс емес ({msg}, {col}-орын): бұл шынымен JSON Lines файлы ма?',
    },
    'empty line': {
        "ru": 'пустая строка',
        "kk": 'бос жол',
    },
    'no field {field}': {
        "ru": 'нет поля {field}',
        "kk": '{field} өрісі жоқ',
    },
    'empty row': {
        "ru": 'пустая строка',
        "kk": 'бос жол',
    },
    'not a JSON object but a JSON {kind}': {
        "ru": 'не объект JSON, а {kind} JSON',
        "kk": 'JSON нысаны емес, JSON {kind}',
    },
    'no value in column {column}: the row has {n} field(s), the header {width}': {
        "ru": 'нет значения в столбце {column}: в строке полей: {n}, в заголовке: {width}',
        "kk": '{column} бағанында мән жоқ: жолда {n} өріс, тақырыпта {width}',
    },
    'this row spans lines {start}–{end}: is a quote (") not closed?': {
        "ru": 'эта строка занимает строки {start}–{end}: может быть, не закрыта кавычка (")?',
        "kk": 'бұл жазба {start}–{end} жолдарын алып жатыр: тырнақша (") жабылмаған болар?',
    },
    'not valid JSON: {msg} (column {col})': {
        "ru": 'неверный JSON: {msg} (позиция {col})',
        "kk": 'JSON дұрыс емес: {msg} ({col}-орын)',
    },
    "{n} field(s) beyond the header's {width} were dropped": {
        "ru": 'отброшены лишние поля ({n}) сверх {width} полей заголовка',
        "kk": 'тақырыптағы {width} өрістен артық {n} өріс алынып тасталды',
    },
    'the row has {n} field(s), the header {width}': {
        "ru": 'в строке полей: {n}, в заголовке: {width}',
        "kk": 'жолда {n} өріс, тақырыпта {width}',
    },
    '{name}:{line}: not valid JSON ({message})': {
        "ru": '{name}:{line}: неверный JSON ({message})',
        "kk": '{name}:{line}: JSON дұрыс емес ({message})',
    },
    'export it again (Telegram Desktop: Export chat history → Format: JSON)': {
        "ru": 'экспортируйте заново (Telegram Desktop: Экспорт истории чата → Формат: JSON)',
        "kk": 'қайта экспорттаңыз (Telegram Desktop: Чат тарихын экспорттау → Пішім: JSON)',
    },
    "{name} is not a Telegram Desktop export (result.json is one JSON object with a 'messages' list)": {
        "ru": '{name} — не экспорт Telegram Desktop (result.json — это один объект JSON со списком «messages»)',
        "kk": '{name} Telegram Desktop экспорты емес (result.json — «messages» тізімі бар бір JSON нысаны)',
    },
    'export it again: Export chat history → Format: Machine-readable JSON': {
        "ru": 'экспортируйте заново: Экспорт истории чата → Формат: машиночитаемый JSON',
        "kk": 'қайта экспорттаңыз: Чат тарихын экспорттау → Пішім: машина оқитын JSON',
    },
    '{name} is a Telegram Desktop export: one row per message, with its date, author, id and link': {
        "ru": '{name} — экспорт Telegram Desktop: по строке на сообщение, с датой, автором, номером и ссылкой',
        "kk": '{name} — Telegram Desktop экспорты: әр хабарламаға бір жол, күнімен, авторымен, нөмірімен және сілтемесімен',
    },
    '{name} has no YouTube comments: there is nothing to check': {
        "ru": 'в {name} нет комментариев YouTube: проверять нечего',
        "kk": '{name} ішінде YouTube пікірлері жоқ: тексеретін ештеңе жоқ',
    },
    '{name} holds YouTube Data API comments: one row per comment and reply': {
        "ru": '{name} содержит комментарии из YouTube Data API: по строке на комментарий и ответ',
        "kk": '{name} ішінде YouTube Data API пікірлері бар: әр пікір мен жауапқа бір жол',
    },
    '{n} service message(s) (joins, pins, calls) were skipped': {
        "ru": 'пропущено служебных сообщений (вступления, закрепления, звонки): {n}',
        "kk": 'қызметтік хабарламалар (қосылу, бекіту, қоңырау) өткізілді: {n}',
    },
    'save the API responses as they came, one per file or one per line': {
        "ru": 'сохраните ответы API как есть: по одному на файл или по одному на строку',
        "kk": 'API жауаптарын сол күйінде сақтаңыз: әр файлға не әр жолға біреуден',
    },
    'the first row is read as the header (its column {column} is {cell}); if it is a message, add --no-header': {
        "ru": 'первая строка листа прочитана как заголовок (в её столбце {column} — {cell}); если это сообщение, добавьте --no-header',
        "kk": 'парақтың бірінші жолы тақырып ретінде оқылды (оның {column}-бағанында {cell}); бұл хабарлама болса, --no-header қосыңыз',
    },
    'reading and writing .xlsx needs the openpyxl package': {
        "ru": 'для чтения и записи .xlsx нужен пакет openpyxl',
        "kk": '.xlsx оқу және жазу үшін openpyxl пакеті қажет',
    },
    'pip install openpyxl (it is a dependency of hsengine: reinstall hsengine)': {
        "ru": 'pip install openpyxl (это зависимость hsengine: переустановите hsengine)',
        "kk": 'pip install openpyxl (бұл hsengine тәуелділігі: hsengine-ді қайта орнатыңыз)',
    },
    '{name} cannot be read as an Excel workbook: {reason}': {
        "ru": '{name} не читается как книга Excel: {reason}',
        "kk": '{name} Excel кітабы ретінде оқылмайды: {reason}',
    },
    "open it in Excel and save it again as .xlsx, or as 'CSV UTF-8'": {
        "ru": 'откройте его в Excel и сохраните заново как .xlsx или «CSV UTF-8»',
        "kk": 'оны Excel-де ашып, .xlsx немесе «CSV UTF-8» ретінде қайта сақтаңыз',
    },
    '{name} has no sheet {sheet}; its sheets are: {sheets}': {
        "ru": 'в {name} нет листа {sheet}; листы: {sheets}',
        "kk": '{name} ішінде {sheet} парағы жоқ; парақтары: {sheets}',
    },
    'reading the first sheet {sheet} of {n} ({sheets}); choose another with --sheet NAME': {
        "ru": 'читаю первый лист {sheet} из {n} ({sheets}); другой выберите с помощью --sheet ИМЯ',
        "kk": '{n} парақтың біріншісін, {sheet} парағын оқимын ({sheets}); басқасын --sheet АТАУ арқылы таңдаңыз',
    },
    "{n} cell(s) beyond the header's {width} columns were dropped": {
        "ru": 'отброшены лишние ячейки ({n}) сверх {width} столбцов заголовка',
        "kk": 'тақырыптағы {width} бағаннан артық {n} ұяшық алынып тасталды',
    },
    '--output {path} is a directory': {
        "ru": '--output {path} — это папка',
        "kk": '--output {path} — бума',
    },
    'give a file name': {
        "ru": 'укажите имя файла',
        "kk": 'файл атауын беріңіз',
    },
    'cannot write {path}: the folder {folder} does not exist': {
        "ru": 'не удаётся записать {path}: папки {folder} не существует',
        "kk": '{path} жазу мүмкін емес: {folder} бумасы жоқ',
    },
    'cannot write {path}: {reason}': {
        "ru": 'не удаётся записать {path}: {reason}',
        "kk": '{path} жазу мүмкін емес: {reason}',
    },
    'a quote (") on line {line} is never closed: the line was read as it stands': {
        "ru": 'кавычка (") в строке {line} не закрыта: строка прочитана как есть',
        "kk": '{line}-жолдағы тырнақша (") жабылмаған: жол сол күйінде оқылды',
    },
    'a quote (") on line {line} is misplaced: the line was read as it stands': {
        "ru": 'кавычка (") в строке {line} стоит не на месте: строка прочитана как есть',
        "kk": '{line}-жолдағы тырнақша (") орнында емес: жол сол күйінде оқылды',
    },
    'lines {first}–{last} were read again as rows of their own': {
        "ru": 'строки {first}–{last} прочитаны заново как отдельные строки',
        "kk": '{first}–{last} жолдары жеке жолдар ретінде қайта оқылды',
    },
    'row too long to read: {size} (rows over {limit} are skipped)': {
        "ru": 'строка слишком длинная для чтения: {size} (строки больше {limit} пропускаются)',
        "kk": 'жол оқуға тым ұзын: {size} ({limit} артық жолдар өткізіледі)',
    },
    'message too long: {n} characters (the limit is {limit}; raise it with --max-chars)': {
        "ru": 'сообщение слишком длинное: {n} символов (предел — {limit}; увеличьте его с помощью --max-chars)',
        "kk": 'хабарлама тым ұзын: {n} таңба (шегі — {limit}; оны --max-chars арқылы көбейтіңіз)',
    },
    '[b]Exit codes[/b]: 0 nothing flagged · 1 something flagged (check) or problems found (validate, test, catalogue --check) · 2 usage, input or lexicon/rule errors · 3 internal error (please report it) · 130 interrupted': {
        "ru": '[b]Коды выхода[/b]: 0 ничего не отмечено · 1 что-то отмечено (check) или найдены проблемы (validate, test, catalogue --check) · 2 ошибка вызова, входных данных или файлов лексикона/правил · 3 внутренняя ошибка (сообщите о ней) · 130 прервано',
        "kk": '[b]Шығу кодтары[/b]: 0 ештеңе белгіленбеді · 1 бірдеңе белгіленді (check) не мәселе табылды (validate, test, catalogue --check) · 2 шақыру, кіріс не лексикон/ереже файлдарының қатесі · 3 ішкі қате (хабарлаңыз) · 130 үзілді',
    },
    'Show this message and exit.': {
        "ru": 'Показать эту справку и выйти.',
        "kk": 'Осы анықтаманы көрсетіп, шығу.',
    },
    'Language of messages, explanations, headings and reports (also: HSENGINE_UI_LANG, or once for all: hsengine config ui-lang ru).': {
        "ru": 'Язык сообщений, пояснений, заголовков и отчётов (также HSENGINE_UI_LANG или раз и навсегда: hsengine config ui-lang ru).',
        "kk": 'Хабарламалардың, түсіндірмелердің, тақырыптар мен есептердің тілі (сондай-ақ HSENGINE_UI_LANG немесе біржола: hsengine config ui-lang kk).',
    },
    'Explainable hate-speech detection for Kazakh and Russian social-media text.\n\nCheck messages with [b]hsengine check[/b]; maintain the lexicon and rules with [b]validate[/b], [b]test[/b], [b]explain[/b], [b]lexicon[/b], [b]rules[/b], [b]eval[/b], [b]catalogue[/b] and [b]stats[/b]. The interface language: --ui-lang, HSENGINE_UI_LANG or [b]hsengine config ui-lang ru[/b].': {
        "ru": 'Объяснимое выявление языка вражды в казахских и русских текстах из соцсетей.\n\nПроверяйте сообщения командой [b]hsengine check[/b]; лексикон и правила сопровождаются командами [b]validate[/b], [b]test[/b], [b]explain[/b], [b]lexicon[/b], [b]rules[/b], [b]eval[/b], [b]catalogue[/b] и [b]stats[/b]. Язык интерфейса: --ui-lang, HSENGINE_UI_LANG или [b]hsengine config ui-lang ru[/b].',
        "kk": 'Қазақ және орыс тіліндегі әлеуметтік желі мәтіндерінен өшпенділік тілін түсіндіре отырып анықтау.\n\nХабарламаларды [b]hsengine check[/b] арқылы тексеріңіз; лексикон мен ережелерді [b]validate[/b], [b]test[/b], [b]explain[/b], [b]lexicon[/b], [b]rules[/b], [b]eval[/b], [b]catalogue[/b] және [b]stats[/b] арқылы жүргізіңіз. Интерфейс тілі: --ui-lang, HSENGINE_UI_LANG немесе [b]hsengine config ui-lang kk[/b].',
    },
    'Look words up in the lexicon.': {
        "ru": 'Поиск слов в лексиконе.',
        "kk": 'Лексиконнан сөз іздеу.',
    },
    'List and show rules.': {
        "ru": 'Список правил и одно правило целиком.',
        "kk": 'Ережелер тізімі және бір ереже толық.',
    },
    'hint:': {
        "ru": 'подсказка:',
        "kk": 'кеңес:',
    },
    'rows': {
        "ru": 'строк',
        "kk": 'жол',
    },
    '{name} has no rows after the header: there is nothing to check': {
        "ru": 'в {name} нет строк после заголовка: проверять нечего',
        "kk": '{name} ішінде тақырыптан кейін жол жоқ: тексеретін ештеңе жоқ',
    },
    'rule': {
        "ru": 'правило',
        "kk": 'ереже',
    },
    'result': {
        "ru": 'итог',
        "kk": 'нәтиже',
    },
    '{rules} rule(s), {examples} examples, {passed} passed, {failed} failed': {
        "ru": 'правил: {rules}, примеров: {examples}, прошло: {passed}, не прошло: {failed}',
        "kk": 'ереже: {rules}, мысал: {examples}, өтті: {passed}, өтпеді: {failed}',
    },
    'did you mean {options}?': {
        "ru": 'может быть, {options}?',
        "kk": '{options} болуы мүмкін бе?',
    },
    '{key} = {value} (saved in {path})': {
        "ru": '{key} = {value} (сохранено в {path})',
        "kk": '{key} = {value} ({path} файлына сақталды)',
    },
    'error': {
        "ru": 'ошибка',
        "kk": 'қате',
    },
    'warning': {
        "ru": 'предупреждение',
        "kk": 'ескерту',
    },
    'note': {
        "ru": 'примечание',
        "kk": 'ескертпе',
    },
    'give messages as arguments or with --input, not both': {
        "ru": 'укажите сообщения аргументами или через --input, но не то и другое',
        "kk": 'хабарламаларды аргумент ретінде не --input арқылы беріңіз, екеуін бірге емес',
    },
    '--column and --field name the same thing; give one': {
        "ru": '--column и --field означают одно и то же; укажите одно',
        "kk": '--column мен --field бір нәрсені білдіреді; біреуін беріңіз',
    },
    'an HTML report or an Excel workbook goes to a file': {
        "ru": 'отчёт HTML или книга Excel пишутся в файл',
        "kk": 'HTML есебі не Excel кітабы файлға жазылады',
    },
    'add --output report.{ext}': {
        "ru": 'добавьте --output report.{ext}',
        "kk": '--output report.{ext} қосыңыз',
    },
    '--output {path} is the input file; refusing to overwrite it': {
        "ru": '--output {path} — это входной файл; перезаписывать его не стану',
        "kk": '--output {path} — кіріс файлы; оны қайта жазбаймын',
    },
    'choose another file name': {
        "ru": 'выберите другое имя файла',
        "kk": 'басқа файл атауын таңдаңыз',
    },
    'interrupted after {read} rows: nothing was written to {path} (a file is written only when the run completes)': {
        "ru": 'прервано после {read} строк: в {path} ничего не записано (файл записывается только по завершении)',
        "kk": '{read} жолдан кейін үзілді: {path} файлына ештеңе жазылмады (файл тек жұмыс аяқталғанда жазылады)',
    },
    'interrupted after {read} rows: {written} results were written to {path}, the rest is missing': {
        "ru": 'прервано после {read} строк: в {path} записано результатов: {written}, остальных нет',
        "kk": '{read} жолдан кейін үзілді: {path} ішіне {written} нәтиже жазылды, қалғаны жоқ',
    },
    'interrupted after {read} rows: {written} results were shown above, the rest is missing': {
        "ru": 'прервано после {read} строк: выше показано результатов: {written}, остальных нет',
        "kk": '{read} жолдан кейін үзілді: жоғарыда {written} нәтиже көрсетілді, қалғаны жоқ',
    },
    'Rule examples': {
        "ru": 'Примеры правил',
        "kk": 'Ереже мысалдары',
    },
    'wrote {path}': {
        "ru": 'записано в {path}',
        "kk": '{path} файлына жазылды',
    },
    'unknown setting {key!r}': {
        "ru": 'неизвестная настройка {key!r}',
        "kk": 'белгісіз баптау {key!r}',
    },
    'settings: {keys}': {
        "ru": 'настройки: {keys}',
        "kk": 'баптаулар: {keys}',
    },
    '{key} must be one of {values}': {
        "ru": '{key} должно быть одним из: {values}',
        "kk": '{key} мына мәндердің бірі болуы керек: {values}',
    },
    '{n} problem(s) in the lexicon/rule files; nothing was analyzed': {
        "ru": 'проблем в файлах лексикона/правил: {n}; ничего не проанализировано',
        "kk": 'лексикон/ереже файлдарында {n} мәселе бар; ештеңе талданбады',
    },
    'fix them, then run `hsengine validate`': {
        "ru": 'исправьте их и запустите `hsengine validate`',
        "kk": 'оларды түзетіп, `hsengine validate` іске қосыңыз',
    },
    '{path} is a file: give one file at a time, with --input FILE': {
        "ru": '{path} — это файл: указывайте по одному файлу, через --input ФАЙЛ',
        "kk": '{path} — файл: бір уақытта бір файлды --input ФАЙЛ арқылы беріңіз',
    },
    'to check several files, run hsengine once per file': {
        "ru": 'чтобы проверить несколько файлов, запустите hsengine для каждого',
        "kk": 'бірнеше файлды тексеру үшін hsengine-ді әр файлға бөлек іске қосыңыз',
    },
    '{path} is a file: reading the messages in it (the same as --input {path})': {
        "ru": '{path} — это файл: читаю сообщения из него (то же, что --input {path})',
        "kk": '{path} — файл: ондағы хабарламаларды оқимын (--input {path} сияқты)',
    },
    "to check these words as a message, pipe them: echo '{path}' | hsengine check": {
        "ru": "чтобы проверить сами эти слова как сообщение, передайте их через канал: echo '{path}' | hsengine check",
        "kk": "осы сөздердің өзін хабарлама ретінде тексеру үшін оларды арнамен беріңіз: echo '{path}' | hsengine check",
    },
    'the delimiter must be one character, not {delimiter!r}': {
        "ru": 'разделитель должен быть одним символом, а не {delimiter!r}',
        "kk": 'бөлгіш бір таңба болуы керек, {delimiter!r} емес',
    },
    'cannot write {path} in {encoding}: a character cannot be encoded': {
        "ru": 'не удаётся записать {path} в {encoding}: символ не кодируется',
        "kk": '{path} файлын {encoding} кодтауында жазу мүмкін емес: таңба кодталмайды',
    },
    'use --output-encoding utf-8': {
        "ru": 'используйте --output-encoding utf-8',
        "kk": '--output-encoding utf-8 қолданыңыз',
    },
    'no rule {rule!r}': {
        "ru": 'нет правила {rule!r}',
        "kk": '{rule!r} ережесі жоқ',
    },
    'Failures': {
        "ru": 'Ошибки',
        "kk": 'Қателер',
    },
    'Example coverage (CONTRIBUTING: at least 3 match and 3 no_match per language)': {
        "ru": 'Покрытие примерами (CONTRIBUTING: не меньше 3 match и 3 no_match на язык)',
        "kk": 'Мысалдармен қамту (CONTRIBUTING: әр тілге кемінде 3 match және 3 no_match)',
    },
    'Examples': {
        "ru": 'Примеры',
        "kk": 'Мысалдар',
    },
    'unknown encoding {encoding!r}': {
        "ru": 'неизвестная кодировка {encoding!r}',
        "kk": 'белгісіз кодтау {encoding!r}',
    },
    'nothing to check: give a message, --input FILE, or pipe messages to standard input': {
        "ru": 'проверять нечего: укажите сообщение, --input ФАЙЛ или передайте сообщения на стандартный ввод',
        "kk": 'тексеретін ештеңе жоқ: хабарлама, --input ФАЙЛ беріңіз немесе хабарламаларды стандартты кіріске жіберіңіз',
    },
    'import {path} into a Label Studio project whose labeling interface is the one `hsengine review-config` prints (see docs/review.md)': {
        "ru": 'импортируйте {path} в проект Label Studio с интерфейсом разметки из `hsengine review-config` (см. docs/review.md)',
        "kk": '{path} файлын белгілеу интерфейсі `hsengine review-config` шығаратын интерфейс болып табылатын Label Studio жобасына импорттаңыз (docs/review.md қараңыз)',
    },
    '(long lines are cut; --verbose or --json shows them in full)': {
        "ru": '(длинные строки сокращены; --verbose или --json покажут их целиком)',
        "kk": '(ұзын жолдар қысқартылды; --verbose не --json оларды толық көрсетеді)',
    },
    'configuration file': {
        "ru": 'файл настроек',
        "kk": 'баптаулар файлы',
    },
    'in use': {
        "ru": 'действует',
        "kk": 'қолданыста',
    },
    'Use this lexicon file or directory instead of the bundled one (repeatable).': {
        "ru": 'Использовать этот файл или папку лексикона вместо встроенного (можно повторять).',
        "kk": 'Кірістірілген лексиконның орнына осы файлды не буманы қолдану (қайталауға болады).',
    },
    'Use this rule file or directory instead of the bundled rules (repeatable).': {
        "ru": 'Использовать этот файл или папку правил вместо встроенных (можно повторять).',
        "kk": 'Кірістірілген ережелердің орнына осы файлды не буманы қолдану (қайталауға болады).',
    },
    'Print the version and exit.': {
        "ru": 'Показать версию и выйти.',
        "kk": 'Нұсқаны көрсетіп, шығу.',
    },
    'Message(s) to check, or one file to read. Without TEXT and --input, messages are read from standard input, one per line.': {
        "ru": 'Сообщения для проверки или один файл для чтения. Без ТЕКСТА и --input сообщения читаются со стандартного ввода, по одному на строку.',
        "kk": 'Тексерілетін хабарламалар немесе оқылатын бір файл. МӘТІН мен --input болмаса, хабарламалар стандартты кірістен әр жолға біреуден оқылады.',
    },
    "Read messages from FILE: .txt (one per line), .csv/.tsv (see --column), .xlsx, .jsonl (see --field), a Telegram Desktop result.json or YouTube API comments; '-' for standard input.": {
        "ru": 'Читать сообщения из ФАЙЛА: .txt (по одному на строку), .csv/.tsv (см. --column), .xlsx, .jsonl (см. --field), result.json из Telegram Desktop или комментарии YouTube API; «-» — стандартный ввод.',
        "kk": 'Хабарламаларды ФАЙЛДАН оқу: .txt (әр жолға біреу), .csv/.tsv (--column қараңыз), .xlsx, .jsonl (--field қараңыз), Telegram Desktop-тың result.json файлы не YouTube API пікірлері; «-» — стандартты кіріс.',
    },
    "Column with the text: a name, or a number (3: the third). Default: 'text', or the only column. Other columns pass through.": {
        "ru": 'Столбец с текстом: имя или номер (3 — третий). По умолчанию «text» или единственный столбец. Остальные столбцы передаются дальше.',
        "kk": 'Мәтіні бар баған: атауы не нөмірі (3 — үшінші). Әдепкіде «text» не жалғыз баған. Басқа бағандар өзгеріссіз шығады.',
    },
    "JSON Lines field with the text (default: 'text'; 'a.b' for a nested field).": {
        "ru": 'Поле JSON Lines с текстом (по умолчанию «text»; «a.b» — вложенное поле).',
        "kk": 'Мәтіні бар JSON Lines өрісі (әдепкіде «text»; «a.b» — ішкі өріс).',
    },
    'The CSV or sheet has no header line: the first line is a message; columns are named column1, column2, ...': {
        "ru": 'В CSV или на листе нет строки заголовка: первая строка — сообщение; столбцы называются column1, column2, ...',
        "kk": 'CSV не парақта тақырып жолы жоқ: бірінші жол — хабарлама; бағандар column1, column2, ... деп аталады',
    },
    'The sheet of an .xlsx workbook to read (default: the first).': {
        "ru": 'Какой лист книги .xlsx читать (по умолчанию первый).',
        "kk": '.xlsx кітабының қай парағын оқу керек (әдепкіде біріншісі).',
    },
    'Input format when the file extension does not say (standard input: txt).': {
        "ru": 'Формат входных данных, если расширение файла его не указывает (стандартный ввод: txt).',
        "kk": 'Файл кеңейтімі көрсетпесе, кіріс пішімі (стандартты кіріс: txt).',
    },
    'Input encoding when it is not UTF-8, e.g. cp1251 (UTF-16/32 with a byte-order mark are detected).': {
        "ru": 'Кодировка входных данных, если это не UTF-8, например cp1251 (UTF-16/32 с меткой порядка байтов распознаются сами).',
        "kk": 'UTF-8 болмаса, кіріс кодтауы, мысалы cp1251 (байт ретінің белгісі бар UTF-16/32 өзі анықталады).',
    },
    "CSV delimiter of the input (default: detected; 'tab' for a tab).": {
        "ru": 'Разделитель входного CSV (по умолчанию определяется сам; «tab» — табуляция).',
        "kk": 'Кіріс CSV бөлгіші (әдепкіде өзі анықталады; «tab» — табуляция).',
    },
    'Output: pretty (default on a terminal), json, jsonl (default in a pipe), csv, xlsx, html (a report file) or labelstudio (tasks to review). Default from the --output extension.': {
        "ru": 'Вывод: pretty (по умолчанию в терминале), json, jsonl (по умолчанию в канале), csv, xlsx, html (файл отчёта) или labelstudio (задания для проверки). По умолчанию — по расширению --output.',
        "kk": 'Шығыс: pretty (терминалда әдепкі), json, jsonl (арнада әдепкі), csv, xlsx, html (есеп файлы) не labelstudio (тексеруге арналған тапсырмалар). Әдепкіде --output кеңейтімі бойынша.',
    },
    'Write the output to FILE (replaced only when the run completes; /dev/stdout and pipes are written directly).': {
        "ru": 'Записать вывод в ФАЙЛ (он заменяется только по завершении; /dev/stdout и каналы пишутся напрямую).',
        "kk": 'Шығысты ФАЙЛҒА жазу (ол тек жұмыс аяқталғанда ауыстырылады; /dev/stdout пен арналарға тікелей жазылады).',
    },
    "CSV output for Excel: UTF-8 with a byte-order mark, ';'-separated (as Russian- and Kazakh-language Excel expects).": {
        "ru": 'CSV для Excel: UTF-8 с меткой порядка байтов, разделитель «;» (как ожидает Excel на русском и казахском).',
        "kk": 'Excel-ге арналған CSV: байт ретінің белгісі бар UTF-8, бөлгіш «;» (орыс және қазақ тіліндегі Excel күткендей).',
    },
    "CSV output delimiter (default: ',', or ';' when the input used ';' or with --excel).": {
        "ru": 'Разделитель выходного CSV (по умолчанию «,», или «;», если он был во входных данных или задан --excel).',
        "kk": 'Шығыс CSV бөлгіші (әдепкіде «,», кірісте «;» болса не --excel берілсе — «;»).',
    },
    'CSV output encoding (default: UTF-8, with a byte-order mark when the input came from Excel or Windows).': {
        "ru": 'Кодировка выходного CSV (по умолчанию UTF-8, с меткой порядка байтов, если входные данные из Excel или Windows).',
        "kk": 'Шығыс CSV кодтауы (әдепкіде UTF-8, кіріс Excel не Windows-тан келсе — байт ретінің белгісімен).',
    },
    'Language of the messages (auto: detect per message).': {
        "ru": 'Язык сообщений (auto — определять для каждого).',
        "kk": 'Хабарламалардың тілі (auto — әрқайсысы үшін анықтау).',
    },
    'Flag a message when its score (0-1, the estimated chance it is hate) reaches SCORE. Default: the calibrated threshold (docs/evaluation.md). Matches below it are still shown.': {
        "ru": 'Отмечать сообщение, когда его оценка (0–1, оценённая вероятность того, что это ненависть) достигает SCORE. По умолчанию — откалиброванный порог (docs/evaluation.md). Совпадения ниже порога всё равно показываются.',
        "kk": 'Хабарламаның бағасы (0–1, оның өшпенділік екенінің бағаланған ықтималдығы) SCORE-ға жеткенде оны белгілеу. Әдепкі: калибрленген шек (docs/evaluation.md). Шектен төмен сәйкестіктер бәрібір көрсетіледі.',
    },
    'Add precision and recall over score thresholds (what another --min-score would give).': {
        "ru": 'Добавить точность и полноту при разных порогах оценки (что дал бы другой --min-score).',
        "kk": 'Бағаның әр түрлі шектеріндегі дәлдік пен толықтықты қосу (басқа --min-score не берер еді).',
    },
    "Estimate every rule's precision from labelled data and choose the default score threshold (writes hsengine/data/precision.yaml; needs the shared data sets).": {
        "ru": 'Оценить точность каждого правила по размеченным данным и выбрать порог оценки по умолчанию (записывает hsengine/data/precision.yaml; нужны общие наборы данных).',
        "kk": 'Белгіленген деректер бойынша әр ереженің дәлдігін бағалау және бағаның әдепкі шегін таңдау (hsengine/data/precision.yaml файлын жазады; ортақ деректер жиындары қажет).',
    },
    'print the figures only': {
        "ru": 'только напечатать цифры',
        "kk": 'тек сандарды шығару',
    },
    'Print the figures; write nothing.': {
        "ru": 'Напечатать цифры, ничего не записывая.',
        "kk": 'Сандарды шығару, ештеңе жазбау.',
    },
    'Write the estimates here instead of the bundled precision file.': {
        "ru": 'Записать оценки сюда, а не в поставляемый файл точности.',
        "kk": 'Бағаларды пакеттегі дәлдік файлының орнына осында жазу.',
    },
    'Format of the figures.': {
        "ru": 'Формат цифр.',
        "kk": 'Сандардың пішімі.',
    },
    'score {score} is below the threshold {threshold}: the matches are shown, the message is not flagged': {
        "ru": 'оценка {score} ниже порога {threshold}: совпадения показаны, сообщение не отмечено',
        "kk": '{score} бағасы {threshold} шегінен төмен: сәйкестіктер көрсетілді, хабарлама белгіленбеді',
    },
    'Ignore matches below this severity.': {
        "ru": 'Не учитывать совпадения ниже этой опасности.',
        "kk": 'Осы қауіптіліктен төмен сәйкестіктерді ескермеу.',
    },
    'Output only flagged messages (and rows that could not be analyzed).': {
        "ru": 'Выводить только отмеченные сообщения (и строки, которые не удалось проанализировать).',
        "kk": 'Тек белгіленген хабарламаларды (және талданбаған жолдарды) шығару.',
    },
    'Worker processes (0: one per CPU). Output stays in input order.': {
        "ru": 'Рабочие процессы (0 — по одному на процессор). Порядок вывода совпадает с порядком ввода.',
        "kk": 'Жұмыс процестері (0 — әр процессорға біреу). Шығыс реті кіріс ретімен бірдей.',
    },
    'Longer messages are reported as errors, not analyzed.': {
        "ru": 'Более длинные сообщения не анализируются и отмечаются как ошибки.',
        "kk": 'Одан ұзын хабарламалар талданбайды, қате ретінде көрсетіледі.',
    },
    'No progress bar, row warnings or summary.': {
        "ru": 'Без индикатора хода, предупреждений по строкам и итогов.',
        "kk": 'Орындалу жолағынсыз, жол ескертулерінсіз және қорытындысыз.',
    },
    'Lexicon or rule files/directories (default: the bundled lexicon and rules).': {
        "ru": 'Файлы или папки лексикона или правил (по умолчанию встроенные).',
        "kk": 'Лексикон не ереже файлдары не бумалары (әдепкіде кірістірілгендері).',
    },
    'Rule files/directories to test with the bundled lexicon (default: every bundled rule).': {
        "ru": 'Файлы или папки правил для проверки со встроенным лексиконом (по умолчанию все встроенные правила).',
        "kk": 'Кірістірілген лексиконмен тексерілетін ереже файлдары не бумалары (әдепкіде барлық кірістірілген ережелер).',
    },
    'Only this rule (repeatable).': {
        "ru": 'Только это правило (можно повторять).',
        "kk": 'Тек осы ереже (қайталауға болады).',
    },
    'List only rules with failures.': {
        "ru": 'Показывать только правила с ошибками.',
        "kk": 'Тек қатесі бар ережелерді көрсету.',
    },
    'Failures in full: the whole text, the whole reason and every word found.': {
        "ru": 'Ошибки полностью: весь текст, вся причина и все найденные слова.',
        "kk": 'Қателер толық: бүкіл мәтін, бүкіл себеп және табылған әр сөз.',
    },
    'Print the outcomes as JSON (everything, in full).': {
        "ru": 'Вывести результаты в JSON (всё, полностью).',
        "kk": 'Нәтижелерді JSON түрінде шығару (бәрі, толық).',
    },
    "The message to explain ('-': read it from standard input).": {
        "ru": 'Сообщение для разбора («-» — прочитать со стандартного ввода).',
        "kk": 'Талданатын хабарлама («-» — стандартты кірістен оқу).',
    },
    'Language of the message (auto: detect).': {
        "ru": 'Язык сообщения (auto — определить).',
        "kk": 'Хабарламаның тілі (auto — анықтау).',
    },
    'Print the trace as JSON.': {
        "ru": 'Вывести разбор в JSON.',
        "kk": 'Талдауды JSON түрінде шығару.',
    },
    'Show everything: every word, every skipped rule and what it needs, whole texts.': {
        "ru": 'Показать всё: каждое слово, каждое пропущенное правило и что ему нужно, тексты целиком.',
        "kk": 'Бәрін көрсету: әр сөзді, өткізілген әр ережені және оған не керегін, мәтіндерді толық.',
    },
    'A word, or a phrase (several words).': {
        "ru": 'Слово или фраза (несколько слов).',
        "kk": 'Сөз не сөз тіркесі (бірнеше сөз).',
    },
    'Language for guard words and phrases.': {
        "ru": 'Язык для слов-исключений и фраз.',
        "kk": 'Ерекше сөздер мен тіркестердің тілі.',
    },
    'Print JSON.': {
        "ru": 'Вывести JSON.',
        "kk": 'JSON шығару.',
    },
    'Only this narrative.': {
        "ru": 'Только этот нарратив.',
        "kk": 'Тек осы нарратив.',
    },
    'Only rules covering this target group.': {
        "ru": 'Только правила для этой целевой группы.',
        "kk": 'Тек осы нысана топқа арналған ережелер.',
    },
    'Only rules claiming this language (ru, kk).': {
        "ru": 'Только правила для этого языка (ru, kk).',
        "kk": 'Тек осы тілге арналған ережелер (ru, kk).',
    },
    'Rule id, e.g. hate.expulsion.': {
        "ru": 'Идентификатор правила, например hate.expulsion.',
        "kk": 'Ереже идентификаторы, мысалы hate.expulsion.',
    },
    'Language of names.': {
        "ru": 'Язык названий.',
        "kk": 'Атаулардың тілі.',
    },
    'Write it to FILE instead of standard output.': {
        "ru": 'Записать в ФАЙЛ, а не на стандартный вывод.',
        "kk": 'Стандартты шығысқа емес, ФАЙЛҒА жазу.',
    },
    'The setting: ui-lang.': {
        "ru": 'Настройка: ui-lang.',
        "kk": 'Баптау: ui-lang.',
    },
    'Its new value (en, ru or kk).': {
        "ru": 'Её новое значение (en, ru или kk).',
        "kk": 'Оның жаңа мәні (en, ru не kk).',
    },
    'Labelled files (.csv/.jsonl) to evaluate on.': {
        "ru": 'Размеченные файлы (.csv/.jsonl, экспорт Label Studio) для оценки.',
        "kk": 'Бағалауға арналған белгіленген файлдар (.csv/.jsonl, Label Studio экспорты).',
    },
    'A named evaluation data set.': {
        "ru": 'Именованный набор данных для оценки.',
        "kk": 'Бағалауға арналған атаулы деректер жинағы.',
    },
    'Run the functional (HateCheck-style) tests.': {
        "ru": 'Запустить функциональные тесты (в духе HateCheck).',
        "kk": 'Функционалдық тесттерді (HateCheck үлгісінде) іске қосу.',
    },
    'Report format.': {
        "ru": 'Формат отчёта.',
        "kk": 'Есеп пішімі.',
    },
    'Field/column with the text.': {
        "ru": 'Поле или столбец с текстом.',
        "kk": 'Мәтіні бар өріс не баған.',
    },
    'Field/column with the label.': {
        "ru": 'Поле или столбец с меткой.',
        "kk": 'Белгісі бар өріс не баған.',
    },
    'Exit 1 when docs/rules.md is not up to date.': {
        "ru": 'Код выхода 1, если docs/rules.md устарел.',
        "kk": 'docs/rules.md ескірген болса, шығу коды 1.',
    },
    "Write here instead of docs/rules.md ('-': stdout).": {
        "ru": 'Записать сюда, а не в docs/rules.md («-» — стандартный вывод).',
        "kk": 'docs/rules.md орнына осында жазу («-» — стандартты шығыс).',
    },
    'expected {expected} ({lang})': {
        "ru": 'ожидалось {expected} ({lang})',
        "kk": 'күтілгені {expected} ({lang})',
    },
    'words found': {
        "ru": 'найденные слова',
        "kk": 'табылған сөздер',
    },
    '1. Text': {
        "ru": '1. Текст',
        "kk": '1. Мәтін',
    },
    '2. Normalized': {
        "ru": '2. Нормализованный текст',
        "kk": '2. Қалыпқа келтірілген мәтін',
    },
    '3. Tokens': {
        "ru": '3. Токены',
        "kk": '3. Токендер',
    },
    'token': {
        "ru": 'токен',
        "kk": 'токен',
    },
    'normalized': {
        "ru": 'нормализовано',
        "kk": 'қалыпқа келтірілген',
    },
    'lemmas (ru)': {
        "ru": 'леммы (ru)',
        "kk": 'леммалар (ru)',
    },
    'stems (kk)': {
        "ru": 'основы (kk)',
        "kk": 'түбірлер (kk)',
    },
    'lexicon hits': {
        "ru": 'находки в лексиконе',
        "kk": 'лексикондағы сәйкестіктер',
    },
    '4. Lexicon hits': {
        "ru": '4. Находки в лексиконе',
        "kk": '4. Лексикондағы сәйкестіктер',
    },
    '5. Rules considered': {
        "ru": '5. Рассмотренные правила',
        "kk": '5. Қаралған ережелер',
    },
    'Result': {
        "ru": 'Итог',
        "kk": 'Нәтиже',
    },
    'any': {
        "ru": 'любые',
        "kk": 'кез келген',
    },
    'text': {
        "ru": 'текст',
        "kk": 'мәтін',
    },
    'entry': {
        "ru": 'запись',
        "kk": 'жазба',
    },
    'class': {
        "ru": 'класс',
        "kk": 'сынып',
    },
    'register': {
        "ru": 'регистр',
        "kk": 'регистр',
    },
    'how': {
        "ru": 'как',
        "kk": 'қалай',
    },
    'score': {
        "ru": 'оценка',
        "kk": 'балл',
    },
    '6. Rules skipped: a required class is absent ({n})': {
        "ru": '6. Пропущенные правила: нет нужного класса ({n})',
        "kk": '6. Өткізілген ережелер: қажет сынып жоқ ({n})',
    },
    'language': {
        "ru": 'язык',
        "kk": 'тіл',
    },
    '... and {n} more words (--verbose shows all)': {
        "ru": '... и ещё {n} слов (--verbose покажет все)',
        "kk": '... және тағы {n} сөз (--verbose бәрін көрсетеді)',
    },
    'no word of the text is in the lexicon': {
        "ru": 'ни одного слова текста нет в лексиконе',
        "kk": 'мәтіннің бірде-бір сөзі лексиконда жоқ',
    },
    'none: no rule has all the classes it needs in this text': {
        "ru": 'нет: ни у одного правила нет в тексте всех нужных классов',
        "kk": 'жоқ: бұл мәтінде ешбір ережеге қажет сыныптардың бәрі жоқ',
    },
    'FIRED': {
        "ru": 'СРАБОТАЛО',
        "kk": 'ІСКЕ АСТЫ',
    },
    'bindings: {n}': {
        "ru": 'привязок: {n}',
        "kk": 'байланыс: {n}',
    },
    'edits': {
        "ru": 'правки',
        "kk": 'түзетулер',
    },
    'no match': {
        "ru": 'нет совпадения',
        "kk": 'сәйкестік жоқ',
    },
    'bound, but the target is not one the rule covers': {
        "ru": 'привязалось, но цель не из тех, что охватывает правило',
        "kk": 'байланысты, бірақ нысана ереже қамтитын топтардың бірі емес',
    },
    'cue': {
        "ru": 'сигнал',
        "kk": 'белгі',
    },
    'the pattern did not bind: {path} {node} — {why}': {
        "ru": 'шаблон не привязался: {path} {node} — {why}',
        "kk": 'үлгі байланыспады: {path} {node} — {why}',
    },
    'the classes are present but the pattern did not bind (distance, order, scope, grammar or target)': {
        "ru": 'классы есть, но шаблон не привязался (расстояние, порядок, область, грамматика или цель)',
        "kk": 'сыныптар бар, бірақ үлгі байланыспады (қашықтық, рет, аумақ, грамматика не нысана)',
    },
    'every skipped rule with all it needs: --verbose (or --json)': {
        "ru": 'все пропущенные правила и всё, что им нужно: --verbose (или --json)',
        "kk": 'өткізілген әр ереже және оған керектің бәрі: --verbose (не --json)',
    },
    'narratives': {
        "ru": 'нарративы',
        "kk": 'нарративтер',
    },
    'targets': {
        "ru": 'цели',
        "kk": 'нысаналар',
    },
    '... and {n} more groups': {
        "ru": '... и ещё групп: {n}',
        "kk": '... және тағы {n} топ',
    },
    'negated': {
        "ru": 'с отрицанием',
        "kk": 'болымсыз',
    },
    'needs': {
        "ru": 'нужно',
        "kk": 'қажет',
    },
    'missing {need}': {
        "ru": 'нет {need}',
        "kk": '{need} жоқ',
    },
    'argument {n}': {
        "ru": 'аргумент {n}',
        "kk": '{n}-аргумент',
    },
    'Check messages for hate speech and explain every finding.': {
        "ru": 'Проверить сообщения на язык вражды и объяснить каждую находку.',
        "kk": 'Хабарламаларды өшпенділік тіліне тексеріп, әр табылғанды түсіндіру.',
    },
    'a Telegram Desktop export': {
        "ru": 'экспорт Telegram Desktop',
        "kk": 'Telegram Desktop экспорты',
    },
    'a CSV Excel opens': {
        "ru": 'CSV, который откроет Excel',
        "kk": 'Excel ашатын CSV',
    },
    'for review in Label Studio': {
        "ru": 'для проверки в Label Studio',
        "kk": 'Label Studio-да тексеру үшін',
    },
    'Check lexicon and rule files: schema, references, regex safety. Errors as file:line:column.': {
        "ru": 'Проверить файлы лексикона и правил: схему, ссылки, безопасность регулярных выражений. Ошибки в виде файл:строка:позиция.',
        "kk": 'Лексикон мен ереже файлдарын тексеру: схема, сілтемелер, тұрақты өрнектердің қауіпсіздігі. Қателер файл:жол:орын түрінде.',
    },
    "Run every rule's embedded examples; a per-rule table, then each failure explained.": {
        "ru": 'Запустить встроенные примеры каждого правила; таблица по правилам, затем объяснение каждой ошибки.',
        "kk": 'Әр ереженің ішкі мысалдарын іске қосу; ережелер кестесі, содан кейін әр қатенің түсіндірмесі.',
    },
    'failures in full': {
        "ru": 'ошибки полностью',
        "kk": 'қателер толық',
    },
    'Show every stage of the decision for one message: normalization, tokens, lemmas and stems, lexicon hits, rules considered and why they fired or were suppressed.': {
        "ru": 'Показать каждый шаг решения для одного сообщения: нормализацию, токены, леммы и основы, находки в лексиконе, рассмотренные правила и почему они сработали или были отменены.',
        "kk": 'Бір хабарлама бойынша шешімнің әр кезеңін көрсету: қалыпқа келтіру, токендер, леммалар мен түбірлер, лексикондағы сәйкестіктер, қаралған ережелер және олардың неге іске асқаны не жойылғаны.',
    },
    'every word and every skipped rule in full': {
        "ru": 'каждое слово и каждое пропущенное правило полностью',
        "kk": 'әр сөз және өткізілген әр ереже толық',
    },
    'What the analyzer makes of a word: reading, lemmas, stems, and the lexicon entries it reaches (how, score).': {
        "ru": 'Что анализатор делает со словом: прочтение, леммы, основы и записи лексикона, до которых оно доходит (как, оценка).',
        "kk": 'Талдағыш сөзді қалай түсінеді: оқылуы, леммалары, түбірлері және ол жететін лексикон жазбалары (қалай, балл).',
    },
    'A table of every rule: id, narrative, targets, severity, languages.': {
        "ru": 'Таблица всех правил: идентификатор, нарратив, цели, опасность, языки.',
        "kk": 'Барлық ережелер кестесі: идентификатор, нарратив, нысаналар, қауіптілік, тілдер.',
    },
    'A rule in full: titles, description, pattern, suppressing contexts, and its examples (run now).': {
        "ru": 'Правило целиком: названия, описание, шаблон, отменяющие контексты и его примеры (запускаются сейчас).',
        "kk": 'Ереже толық: атаулары, сипаттамасы, үлгісі, жоятын контекстер және мысалдары (қазір іске қосылады).',
    },
    'Print the Label Studio labeling interface for the tasks of check --format labelstudio.': {
        "ru": 'Вывести интерфейс разметки Label Studio для заданий из check --format labelstudio.',
        "kk": 'check --format labelstudio тапсырмаларына арналған Label Studio белгілеу интерфейсін шығару.',
    },
    'a reviewed export back: precision and recall': {
        "ru": 'проверенный экспорт обратно: точность и полнота',
        "kk": 'тексерілген экспортты қайта оқу: дәлдік пен толықтық',
    },
    'See docs/review.md.': {
        "ru": 'См. docs/review.md.',
        "kk": 'docs/review.md қараңыз.',
    },
    'Show or set your settings: the interface language, once for every command.': {
        "ru": 'Показать или изменить настройки: язык интерфейса, один раз для всех команд.',
        "kk": 'Баптауларды көрсету не өзгерту: интерфейс тілі, барлық командаға бір рет.',
    },
    'the settings and the file they are in': {
        "ru": 'настройки и файл, в котором они хранятся',
        "kk": 'баптаулар және олар сақталған файл',
    },
    'Kazakh from now on': {
        "ru": 'теперь по-казахски',
        "kk": 'енді қазақша',
    },
    'Evaluate the engine on labelled data or functional tests: precision, recall, errors.': {
        "ru": 'Оценить движок на размеченных данных или функциональных тестах: точность, полнота, ошибки.',
        "kk": 'Қозғалтқышты белгіленген деректерде не функционалдық тесттерде бағалау: дәлдік, толықтық, қателер.',
    },
    'a Label Studio export, after review (docs/review.md)': {
        "ru": 'экспорт Label Studio после проверки (docs/review.md)',
        "kk": 'тексеруден кейінгі Label Studio экспорты (docs/review.md)',
    },
    'Build the rule catalogue (docs/rules.md) from the rules and the lexicon.': {
        "ru": 'Собрать каталог правил (docs/rules.md) из правил и лексикона.',
        "kk": 'Ережелер мен лексиконнан ережелер каталогын (docs/rules.md) құрастыру.',
    },
    'Counts of lexicon entries and rules, and coverage per narrative, target group and language.': {
        "ru": 'Число записей лексикона и правил, покрытие по нарративам, целевым группам и языкам.',
        "kk": 'Лексикон жазбалары мен ережелердің саны, нарратив, нысана топ және тіл бойынша қамту.',
    },
    'Error: {message}': {
        "ru": 'Ошибка: {message}',
        "kk": 'Қате: {message}',
    },
    "Try '{command} {option}' for help.": {
        "ru": "Справка: '{command} {option}'.",
        "kk": "Анықтама: '{command} {option}'.",
    },
    "Try [blue]'{command_path} {help_option}'[/] for help.": {
        "ru": "Справка: [blue]'{command_path} {help_option}'[/].",
        "kk": "Анықтама: [blue]'{command_path} {help_option}'[/].",
    },
    'Invalid value for {param_hint}: {message}': {
        "ru": 'Неверное значение {param_hint}: {message}',
        "kk": '{param_hint} мәні қате: {message}',
    },
    'Invalid value: {message}': {
        "ru": 'Неверное значение: {message}',
        "kk": 'Мән қате: {message}',
    },
    'Missing argument': {
        "ru": 'Не хватает аргумента',
        "kk": 'Аргумент жетіспейді',
    },
    'Missing option': {
        "ru": 'Не хватает параметра',
        "kk": 'Параметр жетіспейді',
    },
    'Missing parameter': {
        "ru": 'Не хватает параметра',
        "kk": 'Параметр жетіспейді',
    },
    'No such option {name!r}.': {
        "ru": 'Нет параметра {name!r}.',
        "kk": '{name!r} параметрі жоқ.',
    },
    'No such command {name!r}.': {
        "ru": 'Нет команды {name!r}.',
        "kk": '{name!r} командасы жоқ.',
    },
    'Missing command.': {
        "ru": 'Не указана команда.',
        "kk": 'Команда берілмеді.',
    },
    'Option {name!r} does not take a value.': {
        "ru": 'Параметр {name!r} не принимает значения.',
        "kk": '{name!r} параметрі мән қабылдамайды.',
    },
    '[default: {}]': {
        "ru": '[по умолчанию: {}]',
        "kk": '[әдепкі: {}]',
    },
    '[env var: {}]': {
        "ru": '[переменная окружения: {}]',
        "kk": '[орта айнымалысы: {}]',
    },
    '[required]': {
        "ru": '[обязательно]',
        "kk": '[міндетті]',
    },
    'Arguments': {
        "ru": 'Аргументы',
        "kk": 'Аргументтер',
    },
    'Options': {
        "ru": 'Параметры',
        "kk": 'Параметрлер',
    },
    'Commands': {
        "ru": 'Команды',
        "kk": 'Командалар',
    },
    'Error': {
        "ru": 'Ошибка',
        "kk": 'Қате',
    },
    'Aborted.': {
        "ru": 'Прервано.',
        "kk": 'Үзілді.',
    },
    'Aborted!': {
        "ru": 'Прервано!',
        "kk": 'Үзілді!',
    },
    'Usage:': {
        "ru": 'Использование:',
        "kk": 'Қолданылуы:',
    },
    'interrupted': {
        "ru": 'прервано',
        "kk": 'үзілді',
    },
    # -- rows and runs that must never end a run (issue #15) --
    '--output {path} is the file standard input reads from; refusing to overwrite it': {
        "ru": '--output {path} — это файл, из которого читается стандартный ввод; перезаписывать его нельзя',
        "kk": '--output {path} — стандартты кіріс оқылып жатқан файл; оны қайта жазуға болмайды',
    },
    'the rows written before the error are in {path}': {
        "ru": 'строки, записанные до ошибки, сохранены в {path}',
        "kk": 'қатеге дейін жазылған жолдар {path} файлында сақталды',
    },
    'the message contains NUL bytes': {
        "ru": 'в сообщении есть нулевые байты',
        "kk": 'хабарламада нөлдік байттар бар',
    },
    'number(s) JSON output cannot hold passed through as text: {numbers}': {
        "ru": 'числа, которые нельзя записать в JSON, переданы как текст: {numbers}',
        "kk": 'JSON-ға жазуға келмейтін сандар мәтін ретінде берілді: {numbers}',
    },
    'lone surrogate escapes (\\ud800-\\udfff) replaced with U+FFFD': {
        "ru": 'одиночные суррогаты (\\ud800-\\udfff) заменены на U+FFFD',
        "kk": 'жалғыз суррогаттар (\\ud800-\\udfff) U+FFFD таңбасымен ауыстырылды',
    },
    'undecodable characters replaced with U+FFFD': {
        "ru": 'нераспознаваемые символы заменены на U+FFFD',
        "kk": 'танылмаған таңбалар U+FFFD таңбасымен ауыстырылды',
    },
    'the last line has no line end and the file is still being written: it may be half-written, so it is not analyzed': {
        "ru": 'у последней строки нет конца строки, а файл ещё дописывается: она может быть недописанной, поэтому не анализируется',
        "kk": 'соңғы жолдың аяқталу белгісі жоқ, ал файл әлі жазылып жатыр: жол толық жазылмаған болуы мүмкін, сондықтан талданбайды',
    },
    'this row cannot be read: {kind}: {detail}': {
        "ru": 'эту строку нельзя прочитать: {kind}: {detail}',
        "kk": 'бұл жолды оқу мүмкін емес: {kind}: {detail}',
    },
    'this row cannot be written: {kind}: {detail}': {
        "ru": 'эту строку нельзя записать: {kind}: {detail}',
        "kk": 'бұл жолды жазу мүмкін емес: {kind}: {detail}',
    },
    'JSON nested deeper than {depth} levels': {
        "ru": 'вложенность JSON глубже {depth} уровней',
        "kk": 'JSON ұялауы {depth} деңгейден терең',
    },
}
