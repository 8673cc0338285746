"""Russian and Kazakh translations of the interface's sentences, keyed by the English template.

Placeholders in braces (``{name}``) are filled with the same values in every language.  Kazakh uses
its own letters (ә ғ қ ң ө ұ ү һ і).  See `hsengine.i18n`.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
}
