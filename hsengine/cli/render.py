"""What the command line shows in a terminal: results with highlighted evidence, the run summary,
the decision trace of `explain`, and short forms of rules and hits.  Commands live in `app`."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

from .. import i18n
from ..schema.values import LANGS, SEVERITIES

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
        "contexts": {k: v.name(ui) for k, v in engine.ruleset.contexts.items()},
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


def context_reasons(engine: "Engine", ui: str) -> dict[str, str]:
    """Why a context cancels a match, per context id, in the interface language (each context's
    description in the rule set, translated in contexts.yaml)."""
    return {cid: ctx.description_in(ui) for cid, ctx in engine.ruleset.contexts.items()}


def _num(x: float) -> str:
    """A score as people read it: 0.639, 0.64, 1 (never rounded up to the threshold it misses)."""
    return f"{x:.3f}".rstrip("0").rstrip(".") or "0"


def pretty_writer(engine: "Engine", ui: str, source: "Input", show_unflagged: bool, file: Any = None,
                  console: Any = None, reasons: dict[str, str] | None = None):
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    reasons = reasons if reasons is not None else context_reasons(engine, ui)
    contexts = {k: v.name(ui) for k, v in engine.ruleset.contexts.items()}
    if console is not None:
        pass
    elif file is None:
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
        if source.kind == "args":
            where = i18n.tr("argument {n}", ui, n=row.line)
        if result.error is not None:
            console.print(Text.assemble(("✗ ", "bold red"), (where, "bold"),
                                        f"  {i18n.t('error', ui)}: {i18n.translate(result.error, ui)}"))
            return
        if not result.flagged:
            if show_unflagged:
                console.print(Text.assemble(("✓ ", "green"), (where, "bold"), "  ", (i18n.t("not_flagged", ui), "green"),
                                            f" · {names['langs'].get(result.lang, result.lang)}"))
                if result.matches:  # below the threshold: still say which rules matched, and where
                    body = highlighted(row.text, result)
                    body.pad_left(2)
                    console.print(body)
                    console.print(Text("  " + i18n.tr("score {score} is below the threshold {threshold}: the matches "
                                                      "are shown, the message is not flagged", ui,
                                                      score=_num(result.score), threshold=_num(result.min_score)),
                                       style="dim"))
                    _matches(result)
                else:
                    console.print(Text("  " + clip(row.text, 300), style="dim"))
                _suppressed(result)
                console.print()
            return
        sev = result.severity or "low"
        console.print(Text.assemble(("● ", sev_style[sev]), (where, "bold"), "  ",
                                    (names["severities"][sev], sev_style[sev]), " · ",
                                    names["langs"].get(result.lang, result.lang), " · ",
                                    f"{i18n.t('score', ui)} {_num(result.score)}"))
        body = highlighted(row.text, result)
        body.pad_left(2)
        console.print(body)
        _matches(result)
        _suppressed(result)
        console.print()

    def _matches(result: "AnalysisResult") -> None:
        for m in result.matches:
            console.print(Text.assemble("  ", (names["rules"].get(m.rule_id, m.title), "bold"), "  ",
                                        (m.rule_id, "dim")))
            facts = [f"{i18n.t('narrative', ui)}: {names['narratives'].get(m.narrative, m.narrative)}",
                     f"{i18n.t('target', ui)}: {names['targets'].get(m.target, m.target) if m.target else i18n.t('no_target', ui)}",
                     f"{i18n.t('severity', ui)}: {names['severities'][m.severity]}",
                     f"{i18n.t('precision', ui)}: {_num(m.precision)}"]
            console.print("    " + escape(" · ".join(facts)))
            console.print(Text("    " + m.explanation, style="italic"))
            roles = []
            for e in sorted(m.evidence, key=lambda e: e.start):
                roles.append(f"«{e.text}» — {i18n.role_name(e.role, ui)}")
            if roles:
                console.print(Text("    " + i18n.t("evidence", ui) + ": " + "; ".join(roles), style="dim"))
            if m.cues:
                cues = "; ".join(f"«{e.text}» — {i18n.role_name(e.role, ui)}" for e in m.cues)
                console.print(Text("    " + i18n.t("cues", ui) + ": " + cues, style="dim"))

    def _suppressed(result: "AnalysisResult") -> None:
        for s in result.suppressed:
            cue = f" «{s.cue.text}»" if s.cue else ""
            title = names["rules"].get(s.rule_id, s.rule_id)
            reason = reasons.get(s.context, s.reason)
            console.print(Text(f"  ○ {title} — {i18n.t('suppressed_by', ui)} {contexts.get(s.context, s.context)}"
                               f"{cue}: {reason}", style="dim"))

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
    trace = engine.explain(text, lang if lang in LANGS else None)
    doc = trace.doc
    if doc is None or not doc.hits:
        return "none (no word of the text is in the lexicon)"
    parts = []
    for h in doc.hits:
        a, b = doc.tokens[h.first].start, doc.tokens[h.last].end
        gram = f" [{' '.join(sorted(h.gram))}]" if h.gram else ""
        parts.append(f"«{text[a:b]}» {'/'.join(h.entry.classes)}{gram}")
    return "; ".join(parts)


def print_trace(engine: "Engine", data: dict[str, Any], ui: str, verbose: bool = False) -> None:
    """The decision trace of `explain`.  Lines stay short: long lists are cut to what fits, with a
    count and `--verbose` to see everything (or `--json`)."""
    from rich.table import Table
    from rich.text import Text

    tr = i18n.tr
    console = make_console()
    reasons = context_reasons(engine, ui)
    contexts = {k: v.name(ui) for k, v in engine.ruleset.contexts.items()}

    def section(title: str) -> None:
        console.print()
        console.print(Text(title, style="bold underline"))

    section(tr("1. Text", ui))
    console.print(Text(data["text"] if verbose else clip_keep_lines(data["text"], 2000)))
    section(tr("2. Normalized", ui))
    console.print(Text(data["normalized"] if verbose else clip_keep_lines(data["normalized"] or "", 2000)))
    if data["edits"]:
        kinds: dict[str, int] = {}
        for e in data["edits"]:
            kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
        console.print(Text(tr("edits", ui) + ": " + ", ".join(f"{k} ×{v}" for k, v in kinds.items()), style="dim"))
    console.print(Text.assemble(tr("language", ui) + ": ", (i18n.t(f"lang_{data['lang']}", ui), "bold")))

    section(tr("3. Tokens", ui))
    words = [t for t in data["tokens"] if t["kind"] == "word"]
    limit = None if verbose else 60
    table = Table(show_edge=False, pad_edge=False, box=None)
    for col in ("#", tr("token", ui), tr("normalized", ui), tr("lemmas (ru)", ui), tr("stems (kk)", ui),
                tr("lexicon hits", ui)):
        table.add_column(col, overflow="fold")
    for t in words[:limit]:
        hits = ", ".join(f"{h['entry']} ({h['how']} {h['score']:g})" for h in t.get("hits", []))
        norm = t["norm"] if t["norm"] == t.get("reading", t["norm"]) else f"{t['norm']} → {t['reading']}"
        if t.get("merged"):
            norm += f" [{t['merged']}]"
        table.add_row(str(t["i"]), t["text"], norm, ", ".join(t.get("lemmas", [])[:6]),
                      ", ".join(t.get("stems", [])[:6]), Text(hits, style="bold" if hits else ""))
    console.print(table)
    if limit is not None and len(words) > limit:
        console.print(Text(tr("... and {n} more words (--verbose shows all)", ui, n=len(words) - limit), style="dim"))

    section(tr("4. Lexicon hits", ui))
    if not data["hits"]:
        console.print(Text(tr("no word of the text is in the lexicon", ui), style="dim"))
    else:
        table = Table(show_edge=False, pad_edge=False, box=None)
        for col in (tr("text", ui), tr("entry", ui), tr("class", ui), i18n.t("target", ui), tr("register", ui),
                    tr("how", ui), tr("score", ui)):
            table.add_column(col, overflow="fold")
        for h in data["hits"]:
            table.add_row(h["text"], h["entry"], ", ".join(h["classes"]), h["target"] or "", h["register"],
                          h["how"] + (" (" + tr("negated", ui) + ")" if h["negated"] else ""), f"{h['score']:g}")
        console.print(table)

    section(tr("5. Rules considered", ui))
    if not data["rules"]:
        console.print(Text(tr("none: no rule has all the classes it needs in this text", ui), style="dim"))
    for r in data["rules"]:
        rule = engine.rule(r["rule"])
        head = Text.assemble((r["rule"], "bold"), "  " + clip(rule.title_in(ui), 80) + " — "
                             + tr("bindings: {n}", ui, n=r["bindings"]) + " → ")
        if r["outcome"] == "fired":
            head.append(tr("FIRED", ui), style="bold red")
        elif r["outcome"] == "suppressed":
            head.append(i18n.t("suppressed", ui), style="yellow")
        elif r["outcome"] == "no_binding":
            head.append(tr("no match", ui), style="dim")
        else:
            head.append(tr("bound, but the target is not one the rule covers", ui), style="dim")
        console.print(head)
        for m in r["matches"]:
            ev = "; ".join(f"«{clip(e['text'], 40)}» {i18n.role_name(e['role'], ui)} ({e['how']}, {e['score']:g})"
                           for e in m["evidence"])
            console.print(Text(f"    {i18n.t('target', ui)}: {m['target'] or '-'} · {i18n.t('severity', ui)}: "
                               f"{i18n.t(m['severity'], ui)} · {i18n.t('evidence', ui)}: {ev}"))
            console.print(Text(f"    {m['explanation']}", style="italic"))
        for sup in r["suppressed"]:
            cue = (" — " + tr("cue", ui) + f" «{sup['cue']['text']}»") if sup["cue"] else ""
            ev = "; ".join(f"«{clip(e['text'], 40)}» {i18n.role_name(e['role'], ui)}" for e in sup["evidence"])
            reason = reasons.get(sup["context"], sup["reason"])
            console.print(Text(f"    {i18n.t('suppressed_by', ui)} {contexts.get(sup['context'], sup['context'])}"
                               f"{cue}: {reason} ({i18n.t('evidence', ui)}: {ev})", style="yellow"))
        if r["outcome"] == "no_binding" and r.get("unbound"):
            u = r["unbound"]
            console.print(Text("    " + tr("the pattern did not bind: {path} {node} — {why}", ui,
                                           path=u["path"], node=u["node"], why=u["why"]), style="dim"), overflow="fold")
        elif r["outcome"] == "no_binding":
            console.print(Text("    " + tr("the classes are present but the pattern did not bind "
                                           "(distance, order, scope, grammar or target)", ui), style="dim"))

    if data["skipped"]:
        skipped = data["skipped"]
        section(tr("6. Rules skipped: a required class is absent ({n})", ui, n=len(skipped)))
        if verbose:
            for rid, missing in sorted(skipped.items()):
                need = "; ".join(m.replace("class:", "").replace("entry:", "entry ") for m in missing)
                console.print(Text(f"  {rid}: " + tr("needs", ui) + f" {need}", style="dim"), overflow="fold")
        else:
            by_need: dict[str, list[str]] = {}
            for rid, missing in skipped.items():
                first = missing[0] if missing else "?"
                need = first.replace("class:", "").replace("entry:", "entry ")
                by_need.setdefault(clip(need, 60), []).append(rid)
            groups = sorted(by_need.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            for need, rids in groups[:12]:
                shown = ", ".join(sorted(rids)[:4]) + (f", +{len(rids) - 4}" if len(rids) > 4 else "")
                console.print(Text("  " + tr("missing {need}", ui, need=need) + f" ({len(rids)}): {shown}",
                                   style="dim"), overflow="ellipsis", no_wrap=True)
            if len(groups) > 12:
                console.print(Text("  " + tr("... and {n} more groups", ui, n=len(groups) - 12), style="dim"))
            console.print(Text("  " + tr("every skipped rule with all it needs: --verbose (or --json)", ui),
                               style="dim"))

    section(tr("Result", ui))
    res = data["result"]
    score = f"{i18n.t('score', ui)} {_num(res.get('score', 0.0))}"
    if res["flagged"]:
        console.print(Text(f"{i18n.t('flagged', ui)} · {score} · {i18n.t('severity', ui)} {i18n.t(res['severity'], ui)} · "
                           f"{tr('narratives', ui)} {', '.join(res['narratives'])} · "
                           f"{tr('targets', ui)} {', '.join(res['targets']) or '-'}", style="bold red"))
    else:
        console.print(Text(i18n.t("not_flagged", ui), style="green"))
        if res["matches"]:
            console.print(Text(tr("score {score} is below the threshold {threshold}: the matches are shown, the "
                                  "message is not flagged", ui, score=_num(res.get("score", 0.0)),
                                  threshold=_num(res.get("min_score", 0.0))), style="dim"))
    for m in res["matches"]:
        console.print(Text(f"  {m['explanation']} · {i18n.t('precision', ui)} {_num(m.get('precision', 1.0))}"))
        if m.get("cues"):
            cues = "; ".join(f"«{e['text']}» — {i18n.role_name(e['role'], ui)}" for e in m["cues"])
            console.print(Text(f"    {i18n.t('cues', ui)}: {cues}", style="dim"))


def clip_keep_lines(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# -- rules ----------------------------------------------------------------------------------------
def targets_text(targets: tuple[str, ...] | None, limit: int = 4, ui: str = "en") -> str:
    if targets is None:
        return i18n.tr("any", ui)
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
