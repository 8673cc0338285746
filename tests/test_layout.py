"""The layout is the pipeline: stages import only the stages before them, never the tools.

The import graph is read from the source (every import, including those inside functions, except
`if TYPE_CHECKING:` blocks, which never run).  Two things fail this test:

- a cycle between modules (a module that, through others, imports itself);
- an engine stage importing something built on top of it: the command line, the readers and
  writers, the maintainer tools or the integrations (`Engine` must work in a process that has
  none of them, e.g. a Spark executor).
"""

from __future__ import annotations

import ast
from pathlib import Path

import hsengine

PACKAGE = Path(hsengine.__file__).resolve().parent

# What each package may import from hsengine (besides itself).  Lower layers first.
FOUNDATION = {"hsengine", "hsengine.errors", "hsengine.paths", "hsengine.i18n", "hsengine.schema", "hsengine.cache"}
ALLOWED = {
    "schema": FOUNDATION,
    "text": FOUNDATION,
    "morphology": FOUNDATION | {"hsengine.text"},
    "lexicon": FOUNDATION | {"hsengine.text", "hsengine.morphology"},
    "rules": FOUNDATION | {"hsengine.text", "hsengine.morphology", "hsengine.lexicon"},
    "engine": FOUNDATION | {"hsengine.text", "hsengine.morphology", "hsengine.lexicon", "hsengine.rules"},
}
ENGINE_STAGES = set(ALLOWED)
BUILT_ON_TOP = {"hsengine.cli", "hsengine.io", "hsengine.tools", "hsengine.integrations"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path) -> set[str]:
    """hsengine modules this file imports at run time."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for orelse in child.orelse:
                    visit(orelse)
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.split(".")[0] == "hsengine")
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] != "hsengine":
                    continue
                for alias in child.names:  # `from . import x` may name a module
                    sub = f"{target}.{alias.name}"
                    found.add(sub if _exists(sub) else target)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    return found


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py") if "_bundled" not in p.parts}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def _allowed(imp: str, allowed: set[str]) -> bool:
    """`hsengine` itself (its __version__) only exactly; a package with everything inside it."""
    return any(imp == a or (a != "hsengine" and imp.startswith(a + ".")) for a in allowed)


def test_the_graph_is_read():
    graph = _graph()
    assert "hsengine.engine.engine" in graph
    assert "hsengine.lexicon.lookup" in graph["hsengine.lexicon.annotate"]
    assert "hsengine.text.normalize" in graph["hsengine.engine.engine"]


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_engine_stages_import_only_earlier_stages():
    problems = []
    for module, imports in sorted(_graph().items()):
        parts = module.split(".")
        if len(parts) < 2 or parts[1] not in ENGINE_STAGES:
            continue
        allowed = ALLOWED[parts[1]] | {f"hsengine.{parts[1]}"}
        for imp in sorted(imports):
            if not _allowed(imp, allowed):
                kind = "tooling" if any(imp == b or imp.startswith(b + ".") for b in BUILT_ON_TOP) else "a later stage"
                problems.append(f"{module} imports {imp} ({kind})")
    assert problems == []


def test_a_cycle_and_a_tooling_import_would_be_caught():
    """The checks themselves can fail."""
    assert _cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b"]]
    fake = {"hsengine.engine.engine": {"hsengine.tools.evaluate"}}
    module, imports = next(iter(fake.items()))
    allowed = ALLOWED["engine"] | {"hsengine.engine"}
    assert not all(_allowed(i, allowed) for i in imports)
    assert _allowed("hsengine.text.normalize", allowed) and _allowed("hsengine", allowed)
