"""Per-cell figures of the construction suite, and the failing cases for error analysis.

    python -m tests.construction.report                  # markdown table (for docs/evaluation.md)
    python -m tests.construction.report --failures 10    # ... and up to 10 failing cases per cell
    python -m tests.construction.report --failures -1 --only-failing --lang kk --family expulsion
    python -m tests.construction.report --format text

A hateful case passes when the engine flags it; a non-hateful case passes when it does not.
Every cell should reach TARGET on both.  Only run() needs hsengine; the rest works on outcomes.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from .generator import Case, cells, generate

TARGET = 0.95


@dataclass(frozen=True)
class Outcome:
    case: Case
    flagged: bool
    rule_ids: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and self.flagged == self.case.hateful


def run(engine=None, cases: Sequence[Case] | None = None) -> list[Outcome]:
    """Analyze every case (language detected by the engine, as for real text)."""
    if engine is None:
        from hsengine import Engine

        engine = Engine()
    out = []
    for c in (generate() if cases is None else cases):
        r = engine.analyze_safely(c.text)
        out.append(Outcome(c, r.flagged, tuple(r.rule_ids), tuple(r.targets), r.error))
    return out


@dataclass(frozen=True)
class Row:
    key: tuple[str, ...]
    hateful: int
    hateful_ok: int
    non_hateful: int
    non_hateful_ok: int

    @property
    def recall(self) -> float | None:
        return self.hateful_ok / self.hateful if self.hateful else None

    @property
    def pass_rate(self) -> float | None:
        return self.non_hateful_ok / self.non_hateful if self.non_hateful else None

    def meets(self, target: float = TARGET) -> bool:
        return all(x is None or x >= target for x in (self.recall, self.pass_rate))


def _count(outcomes: Iterable[Outcome], key) -> dict[tuple, list[int]]:
    acc: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for o in outcomes:
        a = acc[key(o.case)]
        i = 0 if o.case.hateful else 2
        a[i] += 1
        a[i + 1] += o.passed
    return acc


def cell_rows(outcomes: Sequence[Outcome]) -> list[Row]:
    """One row per (lang, family, target_kind, mood) cell, in the generator's order."""
    acc = _count(outcomes, lambda c: c.cell)
    return [Row(cell, *acc[cell]) for cell in cells() if cell in acc]


def rows_by(outcomes: Sequence[Outcome], *fields: str) -> list[Row]:
    """Rows grouped by any Case fields, e.g. rows_by(o, "lang", "twin")."""
    acc = _count(outcomes, lambda c: tuple(str(getattr(c, f)) for f in fields))
    return [Row(k, *v) for k, v in sorted(acc.items())]


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def format_rows(rows: Sequence[Row], headers: Sequence[str], fmt: str = "markdown",
                target: float = TARGET) -> str:
    cols = [*headers, "hateful recall", "n", "non-hateful pass", "n", "ok"]
    body = [[*r.key, _pct(r.recall), str(r.hateful), _pct(r.pass_rate), str(r.non_hateful),
             "✓" if r.meets(target) else "✗"] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        lines += ["| " + " | ".join(b) + " |" for b in body]
        return "\n".join(lines)
    widths = [max(len(c), *(len(b[i]) for b in body)) if body else len(c) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths))]
    lines += ["  ".join(x.ljust(w) for x, w in zip(b, widths)) for b in body]
    return "\n".join(lines)


def summary(outcomes: Sequence[Outcome], target: float = TARGET) -> str:
    rows = cell_rows(outcomes)
    good = sum(r.meets(target) for r in rows)
    h = [o for o in outcomes if o.case.hateful]
    n = [o for o in outcomes if not o.case.hateful]
    worst = sorted(rows, key=lambda r: min(x for x in (r.recall, r.pass_rate, 1.0) if x is not None))[:5]
    worst_s = "; ".join(f"{'/'.join(r.key)} recall {_pct(r.recall)} pass {_pct(r.pass_rate)}" for r in worst)
    return (f"construction suite: {len(outcomes)} cases in {len(rows)} cells; "
            f"{good}/{len(rows)} cells reach {target:.2f} on both; "
            f"overall hateful recall {sum(o.passed for o in h) / max(1, len(h)):.3f} ({len(h)}), "
            f"non-hateful pass rate {sum(o.passed for o in n) / max(1, len(n)):.3f} ({len(n)}); "
            f"worst cells: {worst_s}")


def full_report(outcomes: Sequence[Outcome], fmt: str = "markdown", target: float = TARGET,
                only_failing: bool = False) -> str:
    rows = cell_rows(outcomes)
    if only_failing:
        rows = [r for r in rows if not r.meets(target)]
    parts = [summary(outcomes, target), "",
             format_rows(rows, ("lang", "family", "target kind", "mood"), fmt, target), "",
             "By language and family:", "",
             format_rows(rows_by(outcomes, "lang", "family"), ("lang", "family"), fmt, target), "",
             "Non-hateful cases by twin kind:", "",
             format_rows(rows_by([o for o in outcomes if not o.case.hateful], "lang", "twin"), ("lang", "twin"),
                         fmt, target), "",
             "By spelling and code-switching:", "",
             format_rows(rows_by(outcomes, "lang", "spelling", "mix"), ("lang", "spelling", "mix"), fmt, target)]
    return "\n".join(parts)


def failures(outcomes: Sequence[Outcome], per_cell: int | None = None, target: float = TARGET,
             only_failing: bool = False) -> str:
    """The failing cases, grouped by cell: missed hateful ones, then flagged non-hateful ones."""
    failing_cells = {r.key for r in cell_rows(outcomes) if not r.meets(target)}
    by_cell: dict[tuple, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if not o.passed and (not only_failing or o.case.cell in failing_cells):
            by_cell[o.case.cell].append(o)
    lines = []
    for cell in cells():
        bad = by_cell.get(cell)
        if not bad:
            continue
        lines.append(f"## {' / '.join(cell)}: {len(bad)} failing")
        bad.sort(key=lambda o: (not o.case.hateful, o.case.id))
        for o in bad[: per_cell if per_cell is not None and per_cell >= 0 else None]:
            what = "MISSED " if o.case.hateful else f"FLAGGED {o.case.twin:<8}"
            extra = f"  [{', '.join(o.rule_ids)}]" if o.rule_ids else ""
            if o.error:
                extra += f"  ERROR {o.error}"
            lines.append(f"- {what} {o.case.id}: {o.case.text}{extra}")
        if per_cell is not None and 0 <= per_cell < len(bad):
            lines.append(f"- ... {len(bad) - per_cell} more")
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.construction.report", description=__doc__.split("\n")[0])
    ap.add_argument("--format", choices=("markdown", "text"), default="markdown")
    ap.add_argument("--failures", type=int, default=0, metavar="N",
                    help="list up to N failing cases per cell (-1: all; 0: none)")
    ap.add_argument("--only-failing", action="store_true", help="only the cells below the target")
    ap.add_argument("--lang", choices=("ru", "kk"))
    ap.add_argument("--family")
    ap.add_argument("--target", type=float, default=TARGET)
    a = ap.parse_args(argv)
    cases = [c for c in generate() if (not a.lang or c.lang == a.lang) and (not a.family or c.family == a.family)]
    if not cases:
        print("no case matches", file=sys.stderr)
        return 2
    outcomes = run(None, cases)
    print(full_report(outcomes, a.format, a.target, a.only_failing))
    if a.failures:
        print("\n# Failing cases\n")
        print(failures(outcomes, None if a.failures < 0 else a.failures, a.target, a.only_failing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
