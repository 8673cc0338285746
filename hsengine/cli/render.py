"""What the command line shows in a terminal: results with highlighted evidence, the run summary,
the decision trace of `explain`, and short forms of rules and hits.  Commands live in `app`."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

from .. import i18n
from ..schema.values import SEVERITIES

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.engine import Engine
    from ..engine.results import AnalysisResult
    from ..io.readers import Input, Row
    from ..io.writers import Summary



def display_names(engine: "Engine", ui: str) -> dict[str, dict[str, str]]:
    """Display names of narratives, targets, rules, severities and languages in the interface language."""
    return {
        "narratives": {k: v.name(ui) for k, v in engine.ruleset.narratives.items()},
        "targets": {k: v.name(ui) for k, v in engine.lexicon.targets.items()},
        "rules": {r.id: r.title_in(ui) for r in engine.rules},
        "severities": {s: i18n.t(s, ui) for s in SEVERITIES},
        "langs": {k: i18n.t(f"lang_{k}", ui) for k in ("ru", "kk", "mixed", "und")},
    }


def format_summary(summary: "Summary", names: dict[str, dict[str, str]], ui: str, color: bool = False) -> str:
    """The end-of-run summary as plain text (headings in the interface language)."""
    def head(text: str) -> str:
        return click.style(text, bold=True) if color else text

    lines = [head(i18n.t("summary", ui))]
    pct = f" ({100 * summary.flagged / summary.messages:.1f}%)" if summary.messages else ""
    rows = [(i18n.t("messages_read", ui), f"{summary.messages:,}"),
            (i18n.t("messages_flagged", ui), f"{summary.flagged:,}{pct}"),
            (i18n.t("errors", ui), f"{summary.errors:,}")]
    if summary.with_warnings:
        rows.append((i18n.t("with_warnings", ui), f"{summary.with_warnings:,}"))
    width = max(len(k) for k, _ in rows)
    lines += [f"  {k:<{width}}  {v}" for k, v in rows]
    sections = (
        ("per_narrative", summary.by_narrative, names["narratives"]),
        ("per_target", summary.by_target, names["targets"]),
        ("per_rule", summary.by_rule, {k: f"{v} ({k})" for k, v in names["rules"].items()}),
        ("per_severity", summary.by_severity, names["severities"]),
        ("per_language", summary.by_lang, names["langs"]),
    )
    for key, counter, labels in sections:
        if not counter:
            continue
        items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        if key == "per_severity":
            items = sorted(counter.items(), key=lambda kv: -SEVERITIES.index(kv[0]))
        shown = [(labels.get(k, k) if labels else k, v) for k, v in items]
        w = max(len(k) for k, _ in shown)
        lines.append(head(i18n.t(key, ui)))
        lines += [f"  {k:<{w}}  {v:,}" for k, v in shown]
    return "\n".join(lines)


def pretty_writer(engine: "Engine", ui: str, source: "Input", show_unflagged: bool, file: Any = None):
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    if file is None:
        console = make_console()
    else:
        console = Console(file=file, highlight=False, no_color=True, soft_wrap=True)
    plain = console.no_color or console.color_system is None
    names = display_names(engine, ui)
    sev_style = {"low": "cyan", "medium": "yellow", "high": "bold red", "critical": "bold white on red"}

    def highlighted(text: str, result: "AnalysisResult") -> Text:
        spans = sorted({(e.start, e.end, e.role) for m in result.matches for e in m.evidence},
                       key=lambda s: (s[0], -s[1]))
        chosen: list[tuple[int, int, str]] = []
        for s in spans:
            if not chosen or s[0] >= chosen[-1][1]:
                chosen.append(s)
        pieces = excerpt(text, [(a, b) for a, b, _ in chosen])
        out = Text()
        for lo, hi in pieces:
            if out:
                out.append(" … ", style="dim")
            pos = lo
            for a, b, role in chosen:
                if b <= lo or a >= hi:
                    continue
                out.append(text[pos:a])
                style = "bold black on yellow" if role == "target" else "bold white on red"
                out.append(f"⟦{text[a:b]}⟧" if plain else text[a:b], style=style)
                pos = b
            out.append(text[pos:hi])
        return out

    def write(row: "Row", result: "AnalysisResult") -> None:
        where = source.where(row)
        if result.error is not None:
            console.print(Text.assemble(("✗ ", "bold red"), (where, "bold"), f"  {i18n.t('error', ui)}: {result.error}"))
            return
        if not result.flagged:
            if show_unflagged:
                console.print(Text.assemble(("✓ ", "green"), (where, "bold"), "  ", (i18n.t("not_flagged", ui), "green"),
                                            f" · {names['langs'].get(result.lang, result.lang)}"))
                console.print(Text("  " + clip(row.text, 300), style="dim"))
                _suppressed(result)
                console.print()
            return
        sev = result.severity or "low"
        console.print(Text.assemble(("● ", sev_style[sev]), (where, "bold"), "  ",
                                    (names["severities"][sev], sev_style[sev]), " · ",
                                    names["langs"].get(result.lang, result.lang)))
        body = highlighted(row.text, result)
        body.pad_left(2)
        console.print(body)
        for m in result.matches:
            console.print(Text.assemble("  ", (names["rules"].get(m.rule_id, m.title), "bold"), "  ",
                                        (m.rule_id, "dim")))
            facts = [f"{i18n.t('narrative', ui)}: {names['narratives'].get(m.narrative, m.narrative)}",
                     f"{i18n.t('target', ui)}: {names['targets'].get(m.target, m.target) if m.target else i18n.t('no_target', ui)}",
                     f"{i18n.t('severity', ui)}: {names['severities'][m.severity]}"]
            console.print("    " + escape(" · ".join(facts)))
            console.print(Text("    " + m.explanation, style="italic"))
        _suppressed(result)
        console.print()

    def _suppressed(result: "AnalysisResult") -> None:
        for s in result.suppressed:
            cue = f" «{s.cue.text}»" if s.cue else ""
            title = names["rules"].get(s.rule_id, s.rule_id)
            console.print(Text(f"  ○ {title} — {i18n.t('suppressed_by', ui)} {s.context}{cue}: {s.reason}",
                               style="dim"))

    return console, write


def clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def excerpt(text: str, spans: list[tuple[int, int]], limit: int = 600, context: int = 120) -> list[tuple[int, int]]:
    """Pieces of a text to show: all of it when short, else windows around the evidence."""
    if len(text) <= limit:
        return [(0, len(text))]
    if not spans:
        return [(0, limit)]
    pieces: list[list[int]] = []
    for a, b in spans:
        lo, hi = max(0, a - context), min(len(text), b + context)
        if pieces and lo <= pieces[-1][1]:
            pieces[-1][1] = max(pieces[-1][1], hi)
        else:
            pieces.append([lo, hi])
    return [(lo, hi) for lo, hi in pieces]


def hits_line(engine: "Engine", text: str, lang: str | None) -> str:
    """The lexicon hits of a text, briefly: what a pattern had to work with."""
    trace = engine.explain(text, lang if lang in ("ru", "kk") else None)
    doc = trace.doc
    if doc is None or not doc.hits:
        return "none (no word of the text is in the lexicon)"
    parts = []
    for h in doc.hits:
        a, b = doc.tokens[h.first].start, doc.tokens[h.last].end
        gram = f" [{' '.join(sorted(h.gram))}]" if h.gram else ""
        parts.append(f"«{text[a:b]}» {'/'.join(h.entry.classes)}{gram}")
    return "; ".join(parts)


def print_trace(engine: "Engine", data: dict[str, Any], ui: str) -> None:
    from rich.table import Table
    from rich.text import Text

    console = make_console()

    def section(title: str) -> None:
        console.print()
        console.print(Text(title, style="bold underline"))

    section("1. Text")
    console.print(Text(data["text"]))
    section("2. Normalized")
    console.print(Text(data["normalized"] or ""))
    if data["edits"]:
        kinds: dict[str, int] = {}
        for e in data["edits"]:
            kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
        console.print(Text("edits: " + ", ".join(f"{k} ×{v}" for k, v in kinds.items()), style="dim"))
    console.print(f"language: [bold]{data['lang']}[/]")

    section("3. Tokens")
    table = Table(show_edge=False, pad_edge=False, box=None)
    for col in ("#", "token", "normalized", "lemmas (ru)", "stems (kk)", "lexicon hits"):
        table.add_column(col, overflow="fold")
    for t in data["tokens"]:
        if t["kind"] != "word":
            continue
        hits = ", ".join(f"{h['entry']} ({h['how']} {h['score']:g})" for h in t.get("hits", []))
        norm = t["norm"] if t["norm"] == t.get("reading", t["norm"]) else f"{t['norm']} → {t['reading']}"
        if t.get("merged"):
            norm += f" [{t['merged']}]"
        table.add_row(str(t["i"]), t["text"], norm, ", ".join(t.get("lemmas", [])),
                      ", ".join(t.get("stems", [])), Text(hits, style="bold" if hits else ""))
    console.print(table)

    section("4. Lexicon hits")
    if not data["hits"]:
        console.print(Text("no word of the text is in the lexicon", style="dim"))
    else:
        table = Table(show_edge=False, pad_edge=False, box=None)
        for col in ("text", "entry", "class", "target", "register", "how", "score"):
            table.add_column(col, overflow="fold")
        for h in data["hits"]:
            table.add_row(h["text"], h["entry"], ", ".join(h["classes"]), h["target"] or "", h["register"],
                          h["how"] + (" (negated)" if h["negated"] else ""), f"{h['score']:g}")
        console.print(table)

    section("5. Rules considered")
    if not data["rules"]:
        console.print(Text("none: no rule has all the classes it needs in this text", style="dim"))
    for r in data["rules"]:
        rule = engine.rule(r["rule"])
        head = Text.assemble((r["rule"], "bold"), f"  {rule.title_in(ui)} — bindings: {r['bindings']} → ")
        if r["outcome"] == "fired":
            head.append("FIRED", style="bold red")
        elif r["outcome"] == "suppressed":
            head.append("suppressed", style="yellow")
        elif r["outcome"] == "no_binding":
            head.append("no match", style="dim")
        else:
            head.append("bound, but the target is not one the rule covers", style="dim")
        console.print(head)
        for m in r["matches"]:
            ev = "; ".join(f"«{e['text']}» {e['role']} ({e['how']}, {e['score']:g})" for e in m["evidence"])
            console.print(f"    target: {m['target'] or '-'} · severity: {m['severity']} · evidence: {ev}")
            console.print(Text(f"    {m['explanation']}", style="italic"))
        for s in r["suppressed"]:
            cue = f" — cue «{s['cue']['text']}»" if s["cue"] else ""
            ev = "; ".join(f"«{e['text']}» {e['role']}" for e in s["evidence"])
            console.print(Text(f"    suppressed by {s['context']}{cue}: {s['reason']} (evidence: {ev})",
                               style="yellow"))
        if r["outcome"] == "no_binding":
            console.print(Text("    the classes are present but the pattern did not bind "
                               "(distance, order, scope, grammar or target)", style="dim"))

    if data["skipped"]:
        section(f"6. Rules skipped: a required class is absent ({len(data['skipped'])})")
        for rid, missing in sorted(data["skipped"].items()):
            need = "; ".join(m.replace("class:", "").replace("entry:", "entry ") for m in missing)
            console.print(Text(f"  {rid}: needs {need}", style="dim"), overflow="fold")

    section("Result")
    res = data["result"]
    if res["flagged"]:
        console.print(Text(f"flagged · severity {res['severity']} · narratives {', '.join(res['narratives'])} · "
                           f"targets {', '.join(res['targets']) or '-'}", style="bold red"))
        for m in res["matches"]:
            console.print(Text(f"  {m['explanation']}"))
    else:
        console.print(Text("not flagged", style="green"))


# -- rules ----------------------------------------------------------------------------------------
def targets_text(targets: tuple[str, ...] | None, limit: int = 4) -> str:
    if targets is None:
        return "any"
    if len(targets) <= limit:
        return ", ".join(targets)
    return ", ".join(targets[:limit]) + f", +{len(targets) - limit}"


def make_console(stderr: bool = False):
    """A rich console: wraps on a terminal, never in a pipe or a file."""
    from rich.console import Console

    tty = isatty(sys.stderr if stderr else sys.stdout)
    return Console(stderr=stderr, highlight=False, soft_wrap=not tty, width=None if tty else 200)


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def use_color(stream: Any) -> bool:
    return isatty(stream) and "NO_COLOR" not in os.environ
