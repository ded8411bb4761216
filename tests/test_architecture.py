"""The architecture of docs/architecture.md, checked: imports go one way, no cycles, small modules.

The imports are read from the source (every `import` anywhere in a module, inside functions too:
an import hidden in a function is still a dependency), except those under `if TYPE_CHECKING:`,
which exist only for annotations.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("prodready", "demo_app", "pages", "steps", "bench", "scripts")
# Cohesion decides a module's size; past this a module almost always holds two concerns (issue 24).
MAX_LINES = 400

# Lowest first. A layer may import itself and the layers listed before it, nothing after.
# demo_app stands apart: it is the reference app and imports nothing of the suite.
LAYERS = (
    "demo_app",
    "prodready",  # the package's docstring only
    "prodready.core",
    "prodready.target",
    "pages",
    "prodready.browser",
    "prodready.scenario",
    "steps",
    "prodready.authoring",
    "prodready.reporting",
    "prodready.release",
    "prodready.run",
    "prodready.cli",
    "bench",
    "scripts",
)
ALLOWED_EXCEPTIONS: dict[str, set[str]] = {
    # The reference app imports nothing of the suite; only prodready.target starts it (embedded).
    "demo_app": set(),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _import_nodes(node)


def _imports(module: str) -> set[str]:
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = package[: len(package) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            # `from pkg import mod` depends on pkg.mod; `from mod import name` on mod.
            targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in MODULES else origin for a in node.names]
        found.update(r for r in map(_resolve, targets) if r and r != module)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _layer(module: str) -> str:
    for layer in sorted(LAYERS, key=len, reverse=True):
        if module == layer or (layer != "prodready" and module.startswith(layer + ".")):
            return layer
    raise AssertionError(f"{module} belongs to no layer of docs/architecture.md")


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative enough for this size)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return found


def test_the_walk_sees_the_tree():
    assert len(MODULES) > 100
    assert "prodready.core.config" in GRAPH["prodready.run.preflight"]
    assert "pages.base" in GRAPH["pages.tasks"]


def test_no_import_cycles():
    assert _cycles() == []


def test_a_cycle_would_be_found():
    GRAPH["pages.base"].add("pages.tasks")
    try:
        assert any({"pages.base", "pages.tasks"} <= set(cycle) for cycle in _cycles())
    finally:
        GRAPH["pages.base"].discard("pages.tasks")


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_go_down_the_layers(module):
    layer = _layer(module)
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    if layer == "prodready":
        allowed = {"prodready"}
    if layer in ALLOWED_EXCEPTIONS:
        allowed = {layer} | ALLOWED_EXCEPTIONS[layer]
    upward = sorted(f"{target} ({_layer(target)})" for target in GRAPH[module] if _layer(target) not in allowed)
    assert not upward, f"{module} ({layer}) imports a higher layer: {', '.join(upward)}"


def test_no_module_over_the_size_limit():
    long = {str(p.relative_to(ROOT)): n for p in MODULES.values() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"
