"""The closed vocabularies of hsengine's data and results, defined once.

Lexicon and rule files, the JSON result, the command line and the HTML report all use these
values; import them from here rather than spelling them again.  Importing this module is free
(no dependencies), so the command line can use it before anything heavy loads.
"""

from __future__ import annotations

LANGS = ("ru", "kk")  # languages of lexicon entries, rules and examples
TEXT_LANGS = ("ru", "kk", "mixed", "und")  # what language detection may say of a text
UI_LANGS = ("en", "ru", "kk")  # interface languages (names, titles, messages)
REGISTERS = ("neutral", "pejorative", "slur")  # how offensive a lexicon word is by itself
SEVERITIES = ("low", "medium", "high", "critical")  # of a rule, lowest first
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

# Longest message the command line reads as one row (longer rows are reported as errors, not
# analyzed); the Engine itself analyzes longer texts in overlapping chunks of MAX_CHUNK_CHARS.
MAX_MESSAGE_CHARS = 200_000
MAX_CHUNK_CHARS = 100_000
