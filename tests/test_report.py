"""The report command: executes notebooks once, exports full and student editions offline."""

from __future__ import annotations

import html
import re

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


@pytest.fixture(scope="module")
def sample_report(sample_report_dir):
    return sample_report_dir  # built once per session (tests/conftest.py)


def _solution_snippets(path):
    """``(kind, text)`` of each cell tagged ``solution``: its first non-empty line."""
    nb = nbformat.read(path, as_version=4)
    snippets = []
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            line = next(ln for ln in cell.source.splitlines() if ln.strip())
            snippets.append((cell.cell_type, re.sub(r"[*`#]", "", line).strip()[:40]))
    return snippets


def test_sample_report_has_both_editions_articles_and_index(sample_report):
    notebooks = notebook_paths(ROOT / "notebooks")
    index = (sample_report / "index.html").read_text()
    for nb in notebooks:
        for edition in ("full", "student"):
            assert f'href="{edition}/{nb.stem}.html"' in index
            assert (sample_report / edition / f"{nb.stem}.html").is_file()
    for aid in ["000", "001", "002", "003", "004"]:
        assert f'href="articles/{aid}.html"' in index
        assert (sample_report / "articles" / f"{aid}.html").is_file()


def test_student_edition_has_no_code_and_no_answers(sample_report):
    checked = 0
    for nb in notebook_paths(ROOT / "notebooks"):
        full = html.unescape((sample_report / "full" / f"{nb.stem}.html").read_text())
        student = html.unescape((sample_report / "student" / f"{nb.stem}.html").read_text())
        assert 'class="jp-CodeMirrorEditor' not in student
        assert "import analysis" not in student
        full_text = re.sub(r"<[^>]+>", "", full).replace("\n", " ")
        student_text = re.sub(r"<[^>]+>", "", student).replace("\n", " ")
        for kind, snippet in _solution_snippets(nb):
            if kind == "markdown":  # code is syntax-highlighted in the full edition
                assert snippet in full_text, (nb.name, snippet)
            assert snippet not in student_text, (nb.name, snippet)
            checked += 1
    assert checked >= 5  # the classroom notebook has answers; they must all be hidden


def test_report_pages_need_no_network(sample_report):
    """Nothing on any page is fetched from elsewhere: no script, stylesheet, font or image URL."""
    external = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import\s+url\(\s*["']?https?:|url\(\s*["']?https?://""")
    for page in sample_report.rglob("*.html"):
        text = page.read_text()
        text = re.sub(r'<a\s[^>]*href="https?://[^"]*"', "<a", text)  # plain links are fine
        assert not external.search(text), page.name
        assert "<script src" not in text


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
