"""Output snapshots: the engine's full JSON on fixed texts, to prove a change left output alone.

A refactoring (a module moved, a speed-up) must not change what the engine says.  This script
writes one JSON line per text — the functional suites (held-out part included), every rule
example, the construction suite (tests/construction), the benchmark corpus, the monitor corpus
(benchmarks/monitor_corpus.py: every message names a group) and, with `--data`, the texts of a
JSON-lines file (e.g. labelled data kept outside the repository) — and compares two such files,
listing what differs.

    PYTHONPATH=. python -m benchmarks.snapshot write before.jsonl            # on the old code
    PYTHONPATH=. python -m benchmarks.snapshot write after.jsonl             # on the new code
    PYTHONPATH=. python -m benchmarks.snapshot diff before.jsonl after.jsonl # differences, if any

Options of `write`: `--corpus N` messages of the benchmark corpus (default 20,000, seed 0),
`--no-corpus`, `--monitor N` messages of the monitor corpus (default 5,000, seed 0),
`--no-construction`, `--data FILE.jsonl` (its "text" field; repeatable).  Exit code of `diff`: 0 when identical, 1 when something differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

import yaml

ROOT = Path(__file__).resolve().parent.parent


def texts(corpus: int, monitor: int = 0, construction: bool = False,
          data: list[Path] | tuple = ()) -> Iterator[tuple[str, str, str | None]]:
    """(id, text, forced lang) of every snapshot text, in a fixed order."""
    functional = ROOT / "tests" / "functional"
    for path in sorted(functional.glob("*.yaml")) + sorted((functional / "heldout").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc.get("cases", []):
            yield f"functional:{path.relative_to(functional)}:{case['id']}", case["text"], None
    from hsengine import Engine

    for rule in Engine().rules:
        for kind, examples in (("match", rule.match_examples), ("no_match", rule.no_match_examples)):
            for i, ex in enumerate(examples):
                yield f"rule:{rule.id}:{kind}:{i}", ex.text, ex.lang
    if corpus:
        from benchmarks.corpus import generate

        for i, m in enumerate(generate(corpus, 0)):
            yield f"corpus:{i}", m.text, None
    if monitor:
        from benchmarks.monitor_corpus import generate as generate_monitor

        for i, m in enumerate(generate_monitor(monitor, 0)):
            yield f"monitor:{i}", m.text, None
    if construction:
        from tests.construction.generator import generate as generate_cases

        for i, c in enumerate(generate_cases()):
            yield f"construction:{i}", c.text, None
    for path in data:
        with Path(path).open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if line.strip():
                    yield f"data:{Path(path).name}:{i}", json.loads(line)["text"], None


def write(path: Path, corpus: int, monitor: int = 0, construction: bool = False,
          data: list[Path] | tuple = ()) -> int:
    from hsengine import Engine

    engine = Engine()
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for key, text, lang in texts(corpus, monitor, construction, data):
            result = engine.analyze(text, lang)
            out.write(json.dumps({"id": key, "result": result.to_dict(include_text=True)}, ensure_ascii=False,
                                 sort_keys=True) + "\n")
            n += 1
    return n


def _load(path: Path) -> dict[str, dict]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec["result"]
    return out


def diff(a: Path, b: Path, show: int = 20) -> int:
    old, new = _load(a), _load(b)
    only_old = sorted(set(old) - set(new))
    only_new = sorted(set(new) - set(old))
    changed = [k for k in old if k in new and old[k] != new[k]]
    flag_changed = [k for k in changed if old[k]["flagged"] != new[k]["flagged"]]
    print(f"{len(old)} texts before, {len(new)} after; {len(changed)} results differ "
          f"({len(flag_changed)} change the flag); {len(only_old)} only before, {len(only_new)} only after")
    for k in changed[:show]:
        o, n = old[k], new[k]
        fields = sorted(f for f in set(o) | set(n) if o.get(f) != n.get(f))
        print(f"- {k}: {', '.join(fields)}; flagged {o['flagged']} -> {n['flagged']}; "
              f"rules {[m['rule_id'] for m in o['matches']]} -> {[m['rule_id'] for m in n['matches']]}")
    return 1 if changed or only_old or only_new else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("path", type=Path)
    w.add_argument("--corpus", type=int, default=20_000)
    w.add_argument("--no-corpus", action="store_true")
    w.add_argument("--monitor", type=int, default=5_000)
    w.add_argument("--no-construction", action="store_true")
    w.add_argument("--data", type=Path, action="append", default=[])
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=20)
    args = ap.parse_args(argv)
    if args.cmd == "write":
        n = write(args.path, 0 if args.no_corpus else args.corpus, args.monitor, not args.no_construction,
                  args.data)
        print(f"wrote {n} results to {args.path}")
        return 0
    return diff(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
