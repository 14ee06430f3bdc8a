"""The typesetter's modules import one way only: no circle, not even under TYPE_CHECKING."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "layout" / "typeset"


def imports_of(path: Path) -> set[str]:
    """The typeset modules a module imports anywhere in its source (functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("layout.typeset."):
                found.add(node.module.rsplit(".", 1)[1])
            elif node.module == "layout.typeset":
                found.update(alias.name for alias in node.names)
    return found


def test_typeset_imports_have_no_cycle() -> None:
    graph = {p.stem: imports_of(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert set().union(*graph.values()) <= set(graph), "an import names no typeset module"
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import cycle: " + " -> ".join((*path, module))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())
