"""The report command: executes notebooks once, exports full and student editions offline."""

from __future__ import annotations

import nbformat
import pytest

from analysis.__main__ import main
from analysis.report import build_report, notebook_paths

from .conftest import ROOT, SAMPLE_EVENT


def test_notebooks_are_committed_without_outputs_and_parameterized():
    paths = notebook_paths(ROOT / "notebooks")
    assert paths and paths[0].name == "01_corpus.ipynb"
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        assert "parameters" in code[0].metadata.get("tags", []), path.name
        assert code[0].source.strip().startswith("EVENT ="), path.name


def test_report_for_notebook_01(tmp_path):
    build_report([SAMPLE_EVENT], out=tmp_path, notebooks=[ROOT / "notebooks" / "01_corpus.ipynb"],
                 workers=1, log=lambda *_: None)
    folder = tmp_path / SAMPLE_EVENT.name
    index = (folder / "index.html").read_text()
    assert "US lets Ukraine strike" in index and "01_corpus.html" in index
    full = (folder / "full" / "01_corpus.html").read_text()
    student = (folder / "student" / "01_corpus.html").read_text()
    assert "load_event" in full and "load_event" not in student
    assert "class=\"jp-CodeMirrorEditor" in full and "class=\"jp-CodeMirrorEditor" not in student
    assert "What did cleaning change?" in student
    for page in (full, student):
        assert "<script src=" not in page and "cdnjs" not in page
    assert not list(tmp_path.glob(".*"))  # no staging folder left behind


def test_failing_notebook_fails_the_command_with_its_name(tmp_path):
    bad = tmp_path / "99_broken.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("EVENT = None"),
                                         nbformat.v4.new_code_cell("1 / 0")])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, bad)
    from analysis.report import ReportError

    with pytest.raises(ReportError, match=r"99_broken.ipynb: cell 2 failed: .*ZeroDivisionError"):
        build_report([SAMPLE_EVENT], out=tmp_path / "out", notebooks=[bad], workers=1, log=lambda *_: None)
    assert not (tmp_path / "out" / SAMPLE_EVENT.name).exists()


def test_cli_reports_a_bad_event_folder(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 1
    assert "no such event folder" in capsys.readouterr().err
