"""The rule catalogue (docs/rules.md) and lexicon statistics, generated from the YAML.

The catalogue is committed so that readers can browse rules on the web; a test rebuilds it and
fails when the committed file is stale (`hsengine catalogue --check`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import SOURCE_CHECKOUT
from ..schema.values import LANGS

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.engine import Engine

CATALOGUE_PATH = SOURCE_CHECKOUT / "docs" / "rules.md" if SOURCE_CHECKOUT else None  # written in a checkout only

MIN_ENTRIES = 600
MIN_RULES = 40


def stats(engine: "Engine") -> dict[str, Any]:
    """Counts of lexicon entries and rules, and coverage of narratives and target groups per language."""
    lex = engine.lexicon.stats()
    rules = engine.rules
    by_narrative: dict[str, Counter] = defaultdict(Counter)
    by_severity: Counter = Counter()
    targets_in_rules: set[str] = set()
    for r in rules:
        by_severity[r.severity] += 1
        for lang in r.langs:
            by_narrative[r.narrative][lang] += 1
        targets_in_rules.update(r.targets or ())
    narratives = sorted(engine.ruleset.narratives)
    missing_narrative_langs = [
        f"{n}:{lang}" for n in narratives for lang in LANGS if by_narrative[n][lang] == 0
    ]
    target_langs: dict[str, set[str]] = defaultdict(set)
    for e in engine.lexicon.entries.values():
        if e.target:
            target_langs[e.target].add(e.lang)
    missing_target_langs = [
        f"{t}:{lang}" for t in sorted(engine.lexicon.targets) for lang in LANGS if lang not in target_langs[t]
    ]
    examples = sum(len(r.match_examples) + len(r.no_match_examples) for r in rules)
    return {
        "lexicon": lex,
        "rules": len(rules),
        "rule_examples": examples,
        "rules_by_narrative": {n: dict(sorted(by_narrative[n].items())) for n in narratives},
        "rules_by_severity": dict(sorted(by_severity.items())),
        "narratives_missing_language": missing_narrative_langs,
        "targets_missing_language": missing_target_langs,
        "requirements": {
            f"lexicon entries >= {MIN_ENTRIES}": lex["entries"] >= MIN_ENTRIES,
            f"rules >= {MIN_RULES}": len(rules) >= MIN_RULES,
            "every narrative in both languages": not missing_narrative_langs,
            "every target group in both languages": not missing_target_langs,
        },
    }


def format_stats(s: dict[str, Any]) -> str:
    lex = s["lexicon"]
    lines = [
        f"Lexicon entries: {lex['entries']} ({', '.join(f'{k} {v}' for k, v in lex['by_lang'].items())}); "
        f"phrases {lex['phrases']}; surface forms indexed {lex['surface_forms']}",
        f"Rules: {s['rules']} with {s['rule_examples']} embedded examples",
        "",
        "Entries by register: " + ", ".join(f"{k} {v}" for k, v in lex["by_register"].items()),
        "Entries by class:    " + ", ".join(f"{k} {v}" for k, v in lex["by_class"].items()),
        "",
        f"{'target group':<16} {'ru':>5} {'kk':>5}",
    ]
    for t, counts in lex["by_target"].items():
        lines.append(f"{t:<16} {counts.get('ru', 0):>5} {counts.get('kk', 0):>5}")
    lines += ["", f"{'narrative':<22} {'ru rules':>9} {'kk rules':>9}"]
    for n, counts in s["rules_by_narrative"].items():
        lines.append(f"{n:<22} {counts.get('ru', 0):>9} {counts.get('kk', 0):>9}")
    lines += ["", "Rules by severity: " + ", ".join(f"{k} {v}" for k, v in s["rules_by_severity"].items()), ""]
    for name, ok in s["requirements"].items():
        lines.append(f"[{'x' if ok else ' '}] {name}")
    if s["narratives_missing_language"]:
        lines.append("    narratives missing a language: " + ", ".join(s["narratives_missing_language"]))
    if s["targets_missing_language"]:
        lines.append("    target groups missing a language: " + ", ".join(s["targets_missing_language"]))
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def build_catalogue(engine: "Engine") -> str:
    """docs/rules.md: every rule's id, narrative, targets, severity, description and one example."""
    s = stats(engine)
    lex = s["lexicon"]
    out = [
        "# Rule catalogue",
        "",
        "Generated from `rules/` and `lexicon/` by `hsengine catalogue`; do not edit by hand "
        "(`hsengine catalogue --check` fails when this file is stale).",
        "",
        f"**{s['rules']} rules**, **{lex['entries']} lexicon entries** "
        f"({', '.join(f'{k}: {v}' for k, v in lex['by_lang'].items())}), "
        f"{s['rule_examples']} embedded examples.",
        "",
        "## Lexicon by target group",
        "",
        "| target group | ru | kk |",
        "|---|---:|---:|",
    ]
    for t, counts in lex["by_target"].items():
        name = engine.lexicon.targets[t].name("en") if t in engine.lexicon.targets else t
        out.append(f"| {name} (`{t}`) | {counts.get('ru', 0)} | {counts.get('kk', 0)} |")
    out += ["", "## Lexicon by class", "", "| class | kind | entries |", "|---|---|---:|"]
    for c, n in lex["by_class"].items():
        info = engine.lexicon.classes.get(c)
        out.append(f"| `{c}` | {info.kind if info else '?'} | {n} |")
    rules_by_narrative: dict[str, list] = defaultdict(list)
    for r in engine.rules:
        rules_by_narrative[r.narrative].append(r)
    for nid, narrative in engine.ruleset.narratives.items():
        rules = sorted(rules_by_narrative.get(nid, []), key=lambda r: r.id)
        out += ["", f"## {narrative.name('en')} (`{nid}`)", "", narrative.description, ""]
        if not rules:
            out.append("_No rules yet._")
            continue
        out += ["| rule | severity | langs | targets | description | example |", "|---|---|---|---|---|---|"]
        for r in rules:
            targets = "any" if r.targets is None else ", ".join(r.targets)
            example = r.match_examples[0].text if r.match_examples else ""
            out.append(
                f"| `{r.id}`<br>{_md_escape(r.title_in('en'))} | {r.severity} | {', '.join(r.langs)} | "
                f"{_md_escape(targets)} | {_md_escape(r.description)} | {_md_escape(example)} |"
            )
    out += _patterns_and_contexts(engine)
    return "\n".join(out) + "\n"


def _patterns_and_contexts(engine: "Engine") -> list[str]:
    """The named patterns rules share (who uses each) and the contexts that suppress matches."""
    rs = engine.ruleset
    used_by: dict[str, list[str]] = defaultdict(list)
    for r in engine.rules:
        for name in r.uses:
            used_by[name].append(r.id)
    for p in rs.patterns.values():
        for name in p.uses:
            used_by[name].append(f"pattern `{p.name}`")
    out = ["", "## Named patterns", "",
           "Reusable parts of rules (`rules/patterns.yaml`), used as `{use: name}`; improve one and "
           "every rule that uses it improves.", "",
           "| pattern | params | description | used by | defined at |", "|---|---|---|---|---|"]
    for name in sorted(rs.patterns):
        p = rs.patterns[name]
        users = ", ".join(f"`{u}`" if not u.startswith("pattern") else u for u in sorted(set(used_by[name])))
        where = f"{Path(p.file).parent.name}/{Path(p.file).name}:{p.line}"
        out.append(f"| `{name}` | {', '.join(p.params) or '—'} | {_md_escape(p.description)} | "
                   f"{users or '—'} | {where} |")
    out += ["", "## Contexts", "",
            "What cancels a match (`rules/contexts.yaml`); a suppressed match is reported with its reason.", "",
            "| context | kind | what it means |", "|---|---|---|"]
    for cid, ctx in rs.contexts.items():
        out.append(f"| `{cid}` | {ctx.kind} | {_md_escape(ctx.description)} |")
    return out
