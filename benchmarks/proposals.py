"""What-if measurements for the core changes proposed in docs/performance.md.

    PYTHONPATH=. python -m benchmarks.proposals [--size 3000]

Each experiment replaces one engine function *at run time, in this process only* with the
proposed version, checks that every result is identical (``AnalysisResult.to_json()`` for the
whole corpus), and prints the time before and after.  No engine file is edited: these are
evidence for the proposals, to be implemented in the engine by its maintainers.

0. prefilter: a phrase entry counts only when all its words occur in the message (implemented
   since: `hsengine.lexicon.annotate.prefilter_features`);
1. prefilter: rule requirements as a full conjunction (``any`` distributed into CNF, atoms
   contributing one clause per condition: class AND target AND entry...);
2. matcher: ``all`` evaluated lazily (hit atoms first, stop at the first empty part), word
   conditions as precomputed feature sets, ``Atom.on_hits`` computed once;
3. normalize: the per-word script-folding loop entered only when the text has Latin letters or
   a ы digraph, not whenever it contains ь or ъ;
4. fuzzy index: its build time now that it is built on first use (implemented since);
5. Engine() with an empty and with a filled compiled-set cache (implemented since).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402


def _t(fn):
    gc.collect()
    c0 = time.process_time()
    out = fn()
    return time.process_time() - c0, out


# -- 1. stronger prefilter -----------------------------------------------------------------------
def atom_clauses(atom) -> list[frozenset[str]]:
    out = []
    for attr, prefix in (("entries", "entry:"), ("classes", "class:"), ("targets", "target:"),
                         ("lemmas", "lemma:"), ("texts", "text:")):
        values = getattr(atom, attr)
        if values is not None:
            out.append(frozenset(prefix + v for v in values))
    if atom.regex_id is not None:
        out.append(frozenset((atom.regex_id,)))
    return out


def _prune(clauses):
    out = []
    for c in sorted(set(clauses), key=len):
        if not any(o <= c for o in out):
            out.append(c)
    return out


def cnf_requirements(node, cap: int = 256) -> list[frozenset[str]]:
    """Every clause must meet the text's features.  `any` of conjunctions → product of clauses."""
    from hsengine.rules.loader import AllOf, Atom

    if isinstance(node, Atom):
        return atom_clauses(node)
    if isinstance(node, AllOf):
        return _prune([c for p in node.parts for c in cnf_requirements(p, cap)])
    alts = [cnf_requirements(p, cap) for p in node.parts]
    if any(not a for a in alts):
        return []
    n = 1
    for a in alts:
        n *= len(a)
    if n > cap:  # too many combinations: today's approximation for this node
        from hsengine.rules.loader import requirements

        return requirements(node)
    return _prune([frozenset().union(*combo) for combo in itertools.product(*alts)])


# -- 2. matcher ------------------------------------------------------------------------------------
def patch_matcher():
    from hsengine.rules import matcher as M

    on_hits: dict[int, bool] = {}
    sets: dict[int, tuple] = {}

    def hits_atom(a) -> bool:
        v = on_hits.get(id(a))
        if v is None:
            v = on_hits[id(a)] = a.on_hits
        return v

    def word_sets(a):
        v = sets.get(id(a))
        if v is None:
            v = sets[id(a)] = (None if a.lemmas is None else frozenset("lemma:" + w for w in a.lemmas),
                               None if a.texts is None else frozenset("text:" + w for w in a.texts))
        return v

    original_accepts_word = M._atom_accepts_word

    def accepts_word(atom, doc, i, word_state=True):
        """The word sets checked first as precomputed sets; the rest (grammar, negation) as today."""
        a = doc.analyses[i]
        if a is None:
            return False
        f = a.features
        lem, tex = word_sets(atom)
        if lem is not None and lem.isdisjoint(f):
            return False
        if tex is not None and tex.isdisjoint(f):
            return False
        return original_accepts_word(atom, doc, i, word_state)

    def lazy_all(self, node, lo, hi):
        order = sorted(range(len(node.parts)),
                       key=lambda k: 0 if isinstance(node.parts[k], M.Atom) and hits_atom(node.parts[k]) else 1)
        lists = [None] * len(node.parts)
        for k in order:
            lists[k] = self.bindings(node.parts[k], lo, hi)
            if not lists[k]:
                return []
        results = []
        candidates = self._ordered(lists, node) if node.ordered else self._unordered(lists, node)
        for b in candidates:
            if node.absent and self._absent_violated(node, b, lo, hi):
                continue
            results.append(b)
            if len(results) >= M.MAX_BINDINGS:
                break
        return M._dedupe(results)

    saved = (M._atom_accepts_word, M.Matcher._all)
    M._atom_accepts_word = accepts_word
    M.Matcher._all = lazy_all

    def undo():
        M._atom_accepts_word, M.Matcher._all = saved

    return undo


# -- 3. normalize ------------------------------------------------------------------------------------
def patch_normalize():
    import hsengine.text.normalize as N

    orig = N._fold_scripts

    def fold(original, folded, starts, ends, edits):
        if N._HAS_LATIN.search(folded) is None and N._YERY_DIGRAPH.search(folded) is None:
            return N.NormalizedText(original, folded, starts, ends, tuple(edits))
        return orig(original, folded, starts, ends, edits)

    N._fold_scripts = fold

    def undo():
        N._fold_scripts = orig

    return undo


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="what-if measurements of proposed core changes")
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    from hsengine import Engine
    from hsengine.lexicon.annotate import annotate, prefilter_features
    from hsengine.text.normalize import normalize
    from hsengine.text.tokenize import WORD_PATTERN

    texts = [m.text for m in generate(args.size, args.seed)]
    print(f"{len(texts)} messages (seed {args.seed}); CPU seconds of this process; results compared as JSON\n")

    engine = Engine()
    [engine.analyze(t) for t in texts]
    base_t, base = _t(lambda: [engine.analyze(t).to_json() for t in texts])

    def survivors(e):
        n = 0
        for t in texts:
            f, *_ = prefilter_features(WORD_PATTERN.findall(normalize(t).text), e.analyzer)
            n += any(all(not q.isdisjoint(f) for q in r.requirements) for r in e.rules)
        return n

    # 1
    old_rules = engine.rules
    n_old = survivors(engine)
    engine.rules = [dataclasses.replace(r, requirements=tuple(cnf_requirements(r.pattern))) for r in old_rules]
    n_new = survivors(engine)
    t1, out1 = _t(lambda: [engine.analyze(t).to_json() for t in texts])
    print(f"1. + rule requirements as full CNF: messages reaching annotate {n_old} -> {n_new}; warm pass {base_t:.2f} -> "
          f"{t1:.2f} CPU s ({base_t / t1:.2f}x); identical: {out1 == base}")

    # 2 (on top of 1)
    docs = []
    for t in texts:
        n = normalize(t)
        f, *_ = prefilter_features(WORD_PATTERN.findall(n.text), engine.analyzer)
        cands = [r for r in engine.rules if all(not q.isdisjoint(f) for q in r.requirements)]
        if cands:
            docs.append((t, annotate(n, engine.analyzer), cands))
    ev_t, ev = _t(lambda: [engine._evaluate(t, d, c, None).to_json() for t, d, c in docs])
    undo = patch_matcher()
    ev2_t, ev2 = _t(lambda: [engine._evaluate(t, d, c, None).to_json() for t, d, c in docs])
    t2, out2 = _t(lambda: [engine.analyze(t).to_json() for t in texts])
    print(f"2. + matcher (lazy all, precomputed word sets): rule evaluation of {len(docs)} messages {ev_t:.2f} -> "
          f"{ev2_t:.2f} CPU s ({ev_t / ev2_t:.2f}x, identical: {ev == ev2}); warm pass with 1+2 {t2:.2f} CPU s "
          f"({base_t / t2:.2f}x over today; identical: {out2 == base})")

    # 3
    n_t, n_out = _t(lambda: [normalize(t) for t in texts])
    undo_n = patch_normalize()
    n2_t, n2_out = _t(lambda: [normalize(t) for t in texts])
    same = all(a.text == b.text and a._starts == b._starts and a.edits == b.edits for a, b in zip(n_out, n2_out))
    t3, out3 = _t(lambda: [engine.analyze(t).to_json() for t in texts])
    print(f"3. + normalize, digraph check before the fold loop: {n_t:.2f} -> {n2_t:.2f} CPU s ({n_t / n2_t:.2f}x, "
          f"identical: {same}); warm pass with 1+2+3 {t3:.2f} CPU s ({base_t / t3:.2f}x over today; "
          f"{len(texts) / t3:,.0f} msg/CPU s; identical: {out3 == base})")
    undo()
    undo_n()
    engine.rules = old_rules

    # 4 + 5: the fuzzy index and Engine start-up as they are now
    from hsengine.lexicon.fuzzy import FuzzyIndex

    keys = list(engine.lexicon.fuzzy_entries)
    fi = FuzzyIndex(keys)
    if getattr(fi, "_index", 1) is None and hasattr(fi, "_build"):
        f_t, idx = _t(fi._build)
        print(f"4. fuzzy index of {len(fi)} keys: built on first use in {f_t:.2f} CPU s, {len(idx)} deletion keys")
    else:
        print(f"4. fuzzy index of {len(fi)} keys built eagerly")
    import os
    import subprocess
    import tempfile

    code = "import time; t=time.perf_counter(); from hsengine import Engine; Engine(); print(time.perf_counter()-t)"
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, HSENGINE_CACHE_DIR=d, PYTHONPATH=str(ROOT))
        runs = [float(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                     check=True).stdout) for _ in range(3)]
    print(f"5. import + Engine() in a fresh process: {runs[0]:.2f} s with an empty compiled-set cache, "
          f"then {runs[1]:.2f} / {runs[2]:.2f} s from the cache")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
