"""Interface strings in English, Russian and Kazakh (explanations, headings, report labels)."""

from __future__ import annotations

UI_LANGS = ("en", "ru", "kk")

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
}

ROLE_NAMES: dict[str, dict[str, str]] = {
    "target": {"en": "names the group", "ru": "называет группу", "kk": "топты атайды"},
    "dehumanization": {"en": "dehumanizes", "ru": "расчеловечивает", "kk": "адамгершіліктен айырады"},
    "violence": {"en": "calls for violence", "ru": "призыв к насилию", "kk": "зорлыққа шақырады"},
    "expulsion": {"en": "calls for expulsion", "ru": "призыв к изгнанию", "kk": "қуып шығуға шақырады"},
    "exclusion": {"en": "excludes", "ru": "исключает", "kk": "шеттетеді"},
    "hate_emotion": {"en": "expresses hatred", "ru": "выражает ненависть", "kk": "өшпенділік білдіреді"},
    "negative_attribute": {"en": "attributes vice to all", "ru": "приписывает порок всем", "kk": "бәріне кінә тағады"},
    "slur": {"en": "slur", "ru": "оскорбление", "kk": "қорлау сөзі"},
    "call": {"en": "call to act", "ru": "призыв", "kk": "шақыру"},
    "quantifier": {"en": "generalizes", "ru": "обобщает", "kk": "жалпылайды"},
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
