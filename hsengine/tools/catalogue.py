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
        out += ["| rule | severity | precision (texts) | langs | targets | description | example |",
                "|---|---|---|---|---|---|---|"]
        for r in rules:
            targets = "any" if r.targets is None else ", ".join(r.targets)
            example = r.match_examples[0].text if r.match_examples else ""
            out.append(
                f"| `{r.id}`<br>{_md_escape(r.title_in('en'))} | {r.severity} | {_precision_cell(engine, r)} | "
                f"{', '.join(r.langs)} | {_md_escape(targets)} | {_md_escape(r.description)} | {_md_escape(example)} |"
            )
    out += _patterns_and_contexts(engine)
    out += _entry_precision_section(engine)
    return "\n".join(out) + "\n"


def _precision_cell(engine: "Engine", rule) -> str:
    """The rule's estimated precision and the texts it rests on, or the prior it falls back to."""
    est = engine.scoring.rules.get(rule.id)
    if est is None:
        return f"{engine.scoring.prior(rule.severity):.2f} (prior)"
    return f"{est.precision:.2f} ({_count(est.n)})"


def _count(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.1f}"


def _entry_precision_section(engine: "Engine") -> list[str]:
    """Per-entry estimates of the rules that rest on one word (the slur rule)."""
    sc = engine.scoring
    out = ["", "## Scores", "",
           f"Each rule's *precision* is the share of texts it fired on that annotators judged hateful, smoothed "
           f"towards a prior by severity, with the number of texts it rests on (`hsengine calibrate`, "
           f"`hsengine/data/precision.yaml`; see docs/evaluation.md). A message's score is the noisy-OR of its "
           f"matches' precisions, each rule counted once; a message is flagged at score ≥ "
           f"**{engine.min_score:.2f}** (the default threshold; `--min-score` sets another). A rule marked "
           f"\"prior\" has no estimate yet and flags alone."]
    for rid, per in sorted(sc.entries.items()):
        if not per:
            continue
        out += ["", f"### `{rid}`: precision per matched entry", "",
                "Below the threshold, the entry alone does not flag a message (its matches are still reported).", "",
                "| entry | lemma | register | precision | texts | hateful | alone flags |", "|---|---|---|---:|---:|---:|---|"]
        for eid, est in sorted(per.items(), key=lambda kv: (-kv[1].precision, kv[0])):
            entry = engine.lexicon.entries.get(eid)
            lemma = entry.lemma if entry is not None else "?"
            register = entry.register if entry is not None else "?"
            bare = round(sc.with_cues(rid, est.precision, ())[0], 3)
            flags = "yes" if bare >= engine.min_score - 1e-9 else "**no**"
            out.append(f"| `{eid}` | {_md_escape(lemma)} | {register} | {est.precision:.3f} | {_count(est.n)} | "
                       f"{_count(est.hateful)} | {flags} |")
    for rid, groups in sorted(sc.cues.items()):
        out += ["", f"### `{rid}`: cues elsewhere in the message", "",
                "A match's precision is moved by these words anywhere in the message (log-odds shift when "
                "present / absent); the column above is before cues, \"alone flags\" after the shift of a "
                "message with none of them.", "",
                "| cue group | classes | shift present | shift absent |", "|---|---|---:|---:|"]
        for g in groups:
            out.append(f"| {g.name} | {', '.join(f'`{c}`' for c in sorted(g.classes))} | {g.present:+.3f} | "
                       f"{g.absent:+.3f} |")
    return out


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
