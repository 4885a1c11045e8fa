"""The house rules for factx's code (issue 13), read from the source with ``ast``: no module over 400 lines, no
import cycle among factx's modules, the library never prints or exits, every package and public module has
``__all__`` naming only what it defines."""

from __future__ import annotations

import ast
import graphlib
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "factx"
MAX_LINES = 400
# Only the command line may print to the terminal or end the process.
MAY_EXIT = {"factx/cli.py", "factx/__main__.py"}



def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


FILES = source_files()
MODULES = {module_name(p): p for p in FILES}


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def run_time_nodes(tree: ast.AST):
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:`` (imports there never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def factx_imports(path: Path) -> set[str]:
    """The factx modules ``path`` imports, at the top or inside functions (``from . import x`` counts as x when x is
    a module, else as the package)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                while parts and ".".join(parts) not in MODULES:
                    parts.pop()
                if parts:
                    found.add(".".join(parts))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] != "factx":
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    return {name: factx_imports(path) for name, path in MODULES.items()}


# --- size -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_no_module_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{rel(path)} has {lines} lines; split it (at most {MAX_LINES})"


# --- imports ----------------------------------------------------------------------------------------------------


def test_import_graph_sees_imports_inside_functions():
    graph = import_graph()
    assert "factx.pipeline" in graph["factx.cli"] | graph["factx.api"]  # top level
    assert {"factx.parallel", "factx.dask"} <= graph["factx.api"]  # inside results()
    assert "factx.money.parse" in graph["factx.money.component"]  # relative, one level
    assert "factx.numbers" in graph["factx.money.parse"]  # relative, two levels
    assert graph["factx"] == set()  # factx/__init__.py imports only under TYPE_CHECKING


def test_no_import_cycle():
    try:
        tuple(graphlib.TopologicalSorter(import_graph()).static_order())
    except graphlib.CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")


def test_engine_and_parallel_sit_below_the_api():
    graph = import_graph()
    assert "factx.parallel" not in graph["factx.engine"] and "factx.dask" not in graph["factx.engine"]
    for lower in ("factx.engine", "factx.parallel", "factx.dask"):
        assert not {"factx.api", "factx"} & graph[lower], lower


# --- printing and exiting ---------------------------------------------------------------------------------------


def exits_and_prints(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in {"print", "exit", "quit"}:
                found.append(f"line {node.lineno}: {func.id}(")
            elif (
                isinstance(func, ast.Attribute) and func.attr in {"exit", "_exit"}
                and isinstance(func.value, ast.Name) and func.value.id in {"sys", "os"}
            ):
                found.append(f"line {node.lineno}: {func.value.id}.{func.attr}(")
        names = [n for n in ast.walk(node) if isinstance(n, (ast.Name, ast.Attribute))] if isinstance(node, ast.Raise) \
            else []
        for n in names:
            if (n.id if isinstance(n, ast.Name) else n.attr) in {"SystemExit", "Exit"}:
                found.append(f"line {node.lineno}: raise {ast.unparse(node.exc)}")
                break
    return found


LIBRARY = [p for p in FILES if rel(p) not in MAY_EXIT]


@pytest.mark.parametrize("path", LIBRARY, ids=rel)
def test_library_never_prints_or_exits(path):
    assert exits_and_prints(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "code,expected",
    [
        ("print('x')", 1), ("sys.exit(1)", 1), ("os._exit(1)", 1), ("raise SystemExit(2)", 1),
        ("raise typer.Exit(2)", 1), ("console.print('x')", 0), ("stream.write('x')", 0), ("raise ValueError", 0),
    ],
)
def test_the_print_and_exit_check_itself(code, expected):
    assert len(exits_and_prints(ast.parse(code))) == expected


# --- public names -----------------------------------------------------------------------------------------------


def is_public(path: Path) -> bool:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return parts[-1] == "__init__" or not any(part.startswith("_") for part in parts)


def top_level_names(tree: ast.Module) -> set[str]:
    names = set()
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.If, ast.Try)):
            stack.extend(node.body + node.orelse + getattr(node, "finalbody", []))
            for handler in getattr(node, "handlers", []):
                stack.extend(handler.body)
    return names


def declared_all(path: Path, tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            try:
                return list(ast.literal_eval(node.value))
            except ValueError:  # computed (factx/__init__.py: list(_HOMES)): ask the module
                return list(importlib.import_module(module_name(path)).__all__)
    return None


PUBLIC = [p for p in FILES if is_public(p)]


@pytest.mark.parametrize("path", PUBLIC, ids=rel)
def test_public_modules_declare_all(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = declared_all(path, tree)
    assert names is not None, f"{rel(path)} has no __all__"
    assert len(names) == len(set(names)), f"{rel(path)}: a name twice in __all__"
    defined = top_level_names(tree)
    if "__getattr__" in defined:  # names loaded on first use (factx/__init__.py)
        module = importlib.import_module(module_name(path))
        missing = [n for n in names if not hasattr(module, n)]
    else:
        missing = [n for n in names if n not in defined]
    assert missing == [], f"{rel(path)}: __all__ names what it does not define"
