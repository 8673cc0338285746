"""Review in Label Studio: hsengine's findings as pre-annotated tasks, and reviewed exports back.

The format is Label Studio's JSON task format with ``predictions`` ("Import pre-annotated data",
https://labelstud.io/guide/predictions and https://labelstud.io/guide/task_format): a JSON list of
tasks, each ``{"data": {"text": ..., <other columns>}, "predictions": [{"model_version", "score",
"result": [...]}]}``.  A result item is a region ``{"id", "from_name", "to_name": "text", "type":
"labels", "value": {"start", "end", "text", "labels": [...]}}`` or the verdict ``{"from_name":
"verdict", "type": "choices", "value": {"choices": ["hate" | "not_hate"]}}``.

Each evidence span of a match becomes up to three regions over the same characters: its narrative
(control ``narrative``), the group it names (control ``target``, on the span whose role is the target)
and the rule that fired (control ``rule``).  `labeling_config` writes the labeling interface these
names refer to (``hsengine review-config``); it must be the project's interface.

Offsets are code points of the text, as Python counts them and as Label Studio stores them since
its text offsets were changed from UTF-16 units to code points (label-studio-frontend pull request
308, Label Studio 1.4); ``value.text`` is always ``text[start:end]``.

`read_export` reads Label Studio's JSON export (and JSON-MIN) back: one labelled text per reviewed
task — hateful when the reviewer's verdict is ``hate`` (or, without a verdict, when any narrative,
target or rule span is left), not hateful for ``not_hate``.  Skipped and cancelled annotations are
not labels.
"""

from __future__ import annotations

import json
from typing import IO, Any, Iterable
from xml.sax.saxutils import quoteattr

from .. import __version__

VERDICTS = ("hate", "not_hate", "unsure")
SPAN_CONTROLS = ("narrative", "target", "rule")


def labeling_config(narratives: Iterable[str], targets: Iterable[str], rules: Iterable[str],
                    titles: dict[str, dict[str, str]] | None = None) -> str:
    """The Label Studio labeling interface for hsengine's tasks (XML)."""
    titles = titles or {}

    def labels(name: str, values: Iterable[str], color: str) -> str:
        items = []
        for v in sorted(set(values)):
            hint = titles.get(name, {}).get(v, "")
            items.append(f"    <Label value={quoteattr(v)} background={quoteattr(color)}"
                         + (f" hint={quoteattr(hint)}" if hint else "") + "/>")
        return (f'  <Labels name="{name}" toName="text" choice="multiple">\n' + "\n".join(items) + "\n  </Labels>")

    return "\n".join([
        "<View>",
        '  <Header value="Is this message hate speech? Correct the spans and the verdict."/>',
        '  <Choices name="verdict" toName="text" choice="single" showInline="true" required="true">',
        '    <Choice value="hate"/>',
        '    <Choice value="not_hate"/>',
        '    <Choice value="unsure"/>',
        "  </Choices>",
        '  <Text name="text" value="$text"/>',
        labels("narrative", narratives, "#d2452f"),
        labels("target", targets, "#ffc44d"),
        labels("rule", rules, "#5677d8"),
        '  <TextArea name="comment" toName="text" placeholder="Why? (a missed word, a wrong rule...)" '
        'rows="2" editable="true"/>',
        "</View>",
        "",
    ])


def engine_config(engine: Any, ui: str = "en") -> str:
    """`labeling_config` for every narrative, target group and rule of an engine."""
    titles = {
        "narrative": {k: v.name(ui) for k, v in engine.ruleset.narratives.items()},
        "target": {k: v.name(ui) for k, v in engine.lexicon.targets.items()},
        "rule": {r.id: r.title_in(ui) for r in engine.rules},
    }
    return labeling_config(engine.ruleset.narratives, engine.lexicon.targets, [r.id for r in engine.rules], titles)


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)


def task(line: int, result: Any, fields: dict[str, Any] | None = None, text_key: str = "text") -> dict[str, Any]:
    """One Label Studio task with hsengine's findings as a prediction."""
    text = result.text
    data: dict[str, Any] = {"text": text}
    for k, v in (fields or {}).items():
        if k == text_key:
            continue
        data[k if k not in ("text", "hs_line", "hs_suppressed") else f"input_{k}"] = _cell(v)
    data["hs_line"] = line
    if result.suppressed:
        data["hs_suppressed"] = "; ".join(f"{s.rule_id} ({s.context})" for s in result.suppressed)
    regions: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int, str]] = set()
    for m in result.matches:
        for e in sorted(m.evidence, key=lambda e: (e.start, e.end)):
            if not (0 <= e.start < e.end <= len(text)) or text[e.start:e.end] != e.text:
                continue
            labels = [("narrative", m.narrative), ("rule", m.rule_id)]
            if e.role == "target" and m.target:
                labels.insert(1, ("target", m.target))
            for control, label in labels:
                key = (control, e.start, e.end, label)
                if key in seen:
                    continue
                seen.add(key)
                regions.append({
                    "id": f"hs{line}-{len(regions)}", "from_name": control, "to_name": "text", "type": "labels",
                    "value": {"start": e.start, "end": e.end, "text": e.text, "labels": [label]},
                })
    verdict = "hate" if result.flagged else "not_hate"
    regions.append({"id": f"hs{line}-{len(regions)}", "from_name": "verdict", "to_name": "text", "type": "choices",
                    "value": {"choices": [verdict]}})
    score = max((min(1.0, max(0.0, float(m.score))) for m in result.matches), default=0.0)
    return {"data": data, "predictions": [{"model_version": f"hsengine-{__version__}", "score": round(score, 3),
                                           "result": regions}]}


class LabelStudioWriter:
    """A JSON list of tasks, streamed (same interface as the other writers).  Rows that could not be
    analyzed are left out: there is nothing to review."""

    def __init__(self, out: IO[str], text_key: str, *, ui_lang: str = "en", source: str = ""):
        self.out = out
        self.text_key = text_key
        self.count = 0
        out.write("[")

    def write(self, row: Any, result: Any) -> None:
        if result.error is not None:
            return
        self.out.write(",\n" if self.count else "\n")
        self.out.write(json.dumps(task(row.line, result, row.fields, self.text_key), ensure_ascii=False))
        self.count += 1

    def close(self, summary: Any) -> None:
        self.out.write("\n]\n")
        self.out.flush()


# -- reading a reviewed export back --------------------------------------------------------------------
class ExportError(ValueError):
    """A file that is not a Label Studio export."""


def _code_point_span(text: str, start: int, end: int, expected: str | None) -> tuple[int, int] | None:
    """The span in code points: as given, or converted from UTF-16 units (older Label Studio)."""
    if 0 <= start <= end <= len(text) and (expected is None or text[start:end] == expected):
        return start, end
    units = []
    for i, ch in enumerate(text):
        units.extend([i] * (2 if ord(ch) > 0xFFFF else 1))
    units.append(len(text))
    if 0 <= start <= end < len(units):
        a, b = units[start], units[end]
        if expected is None or text[a:b] == expected:
            return a, b
    if expected:
        found = text.find(expected)
        if found >= 0:
            return found, found + len(expected)
    return None


def is_export(doc: Any) -> bool:
    """A Label Studio JSON (or JSON-MIN) export: a list of task objects."""
    if not isinstance(doc, list) or not doc or not isinstance(doc[0], dict):
        return False
    first = doc[0]
    return ("data" in first and ("annotations" in first or "predictions" in first)) or (
        "annotation_id" in first or "annotator" in first) and "text" in first


def _latest(annotations: list[dict[str, Any]]) -> dict[str, Any] | None:
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")
            and isinstance(a.get("result"), list)]
    if not done:
        return None
    return max(done, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))


def reviewed(doc: Any) -> tuple[list[dict[str, Any]], int]:
    """(labelled texts, tasks without a usable annotation) from an export.

    Each labelled text: ``{"id", "text", "hateful", "narratives", "targets", "rules", "spans",
    "comment"}``; spans are ``(start, end, control, label)`` in code points of the text."""
    if not is_export(doc):
        raise ExportError("not a Label Studio export (a JSON list of tasks with 'data' and 'annotations')")
    out: list[dict[str, Any]] = []
    skipped = 0
    for n, t in enumerate(doc, 1):
        if not isinstance(t, dict):
            skipped += 1
            continue
        if "data" in t:
            data = t.get("data") or {}
            text = data.get("text")
            ann = _latest(t.get("annotations") or [])
            results = ann["result"] if ann is not None else None
        else:  # JSON-MIN: the task's data and the annotation's controls flattened into one object
            text = t.get("text")
            data = t
            results = []
            for control in SPAN_CONTROLS:
                for region in t.get(control) or []:
                    if isinstance(region, dict):
                        results.append({"from_name": control, "type": "labels", "value": region})
            verdict = t.get("verdict")
            if verdict is not None:
                results.append({"from_name": "verdict", "type": "choices",
                                "value": {"choices": verdict if isinstance(verdict, list) else [verdict]}})
            if "comment" in t:
                results.append({"from_name": "comment", "type": "textarea", "value": {"text": [t.get("comment")]}})
        if not isinstance(text, str) or results is None:
            skipped += 1
            continue
        verdicts: list[str] = []
        spans: list[tuple[int, int, str, str]] = []
        comment = ""
        for r in results:
            if not isinstance(r, dict):
                continue
            value = r.get("value") or {}
            control = r.get("from_name")
            if control == "verdict":
                verdicts += [c for c in value.get("choices", []) if isinstance(c, str)]
            elif control in SPAN_CONTROLS:
                try:
                    start, end = int(value.get("start")), int(value.get("end"))
                except (TypeError, ValueError):
                    continue
                found = _code_point_span(text, start, end, value.get("text"))
                if found is None:
                    continue
                for label in value.get("labels", []) or []:
                    spans.append((found[0], found[1], control, str(label)))
            elif control == "comment":
                comment = " ".join(str(x) for x in value.get("text", []) or [])
        if "unsure" in verdicts and not ({"hate", "not_hate"} & set(verdicts)):
            skipped += 1
            continue
        if verdicts:
            hateful = "hate" in verdicts
        else:
            hateful = bool(spans)
        out.append({
            "id": str(data.get("hs_line") or t.get("id") or n), "text": text, "hateful": hateful,
            "narratives": sorted({lab for _, _, c, lab in spans if c == "narrative"}),
            "targets": sorted({lab for _, _, c, lab in spans if c == "target"}),
            "rules": sorted({lab for _, _, c, lab in spans if c == "rule"}),
            "spans": spans, "comment": comment, "lang": data.get("lang") if isinstance(data.get("lang"), str) else None,
        })
    return out, skipped


__all__ = ["labeling_config", "engine_config", "task", "LabelStudioWriter", "reviewed", "is_export", "ExportError",
           "VERDICTS"]
