"""The teacher pack (issue 17, item 6): a worksheet and an answer key as PDF; --blind.

A small lesson written here, made as notebooks/06_classroom.ipynb is (questions, solution
cells, the warm-up ledes, a table and a figure), so the pack builds in seconds; one test
runs the real lesson.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import nbformat
import pytest

from analysis.pack import PACK_MARKER, PackError, build_pack, pdf_text

from .conftest import ROOT, SAMPLE_EVENT

# Every way the sample event's outlets are written (manifest names and the text's forms).
OUTLET_NAMES = ["AP", "Associated Press", "CNN", "NYT", "New York Times", "Rewrite", "Scripps"]


def lesson(path):
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    params = code('EVENT = "../data/events/ukraine-weapons-2024-05"\nCACHE = None')
    params.metadata["tags"] = ["parameters"]
    cells = [
        md("# 6 · Classroom: a lesson\n\n**Goal.** Compare the outlets."), params,
        code("import analysis as an\nimport analysis.plots as plots\ncorpus = an.load_event(EVENT, cache=CACHE)"),
        md("## Part 1 · Warm-up: read two ledes\n\n**Predict:** which outlet describes a bigger change?"),
        code("pair = an.contrast_pair(corpus)\nfor r in pair.itertuples():\n    print(f'{r.outlet}:\\n    {r.lede}\\n')"),
        md("## Part 2 · Who is talking?\n\n1. List every person who is quoted.\n2. Which are anonymous?"),
        code("summary = an.quote_summary(corpus)\n"
             "an.table(summary, ['outlet', 'quotes', 'named', 'anonymous'], caption='Sources by outlet')"),
        code("plots.quotes.named_vs_anonymous(summary, plots.outlet_colors(corpus.outlet_of()));"),
        md("**Answer.** The outlet with most unnamed sources:"),
        code("an.prose('**{o}** relies most on unnamed sources.', "
             "o=summary.sort_values('share_anonymous').outlet.iloc[-1])"),
    ]
    cells[-2].metadata["tags"] = ["solution"]
    cells[-1].metadata["tags"] = ["solution"]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


@pytest.fixture(scope="module")
def blind_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    nb = lesson(folder / "06_lesson.ipynb")
    return build_pack(SAMPLE_EVENT, out=folder / "out", blind=True, notebook=nb, log=lambda *_: None)


def n_pages(pdf) -> int | None:
    """The page count pdfinfo reads from the file (None without poppler-utils)."""
    if not shutil.which("pdfinfo"):
        return None
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def text_of_pdf(pdf, laid_out: str) -> str:
    """The PDF's text by pdftotext, or, without poppler-utils, what WeasyPrint laid out."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
    return laid_out


def test_pack_writes_two_pdfs_with_pages(blind_pack):
    assert blind_pack.worksheet.read_bytes().startswith(b"%PDF") and blind_pack.key.read_bytes().startswith(b"%PDF")
    assert blind_pack.worksheet_pages >= 6  # the lesson, then every article from a new page
    assert blind_pack.key_pages >= 1
    assert n_pages(blind_pack.worksheet) in (None, blind_pack.worksheet_pages)
    assert n_pages(blind_pack.key) in (None, blind_pack.key_pages)
    assert sorted(p.name for p in blind_pack.folder.iterdir()) == sorted([PACK_MARKER, "answer-key.pdf", "worksheet.pdf"])


def test_blind_worksheet_names_no_outlet(blind_pack):
    text = text_of_pdf(blind_pack.worksheet, blind_pack.worksheet_text)
    for source in (text, blind_pack.worksheet_text):
        for name in OUTLET_NAMES:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", source), name
    for name in OUTLET_NAMES:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), name
    flat = " ".join(text.split())
    assert "Outlet A" in flat and "Outlet E" in flat
    assert "Article 1 · Outlet A" in flat  # the articles' pages, by number and letter
    assert "relies most on unnamed sources" not in flat  # no answer in the worksheet
    assert "Which are anonymous?" in flat and "Predict:" in flat


def test_answer_key_maps_letters_to_outlets_and_has_the_answers(blind_pack):
    flat = " ".join(text_of_pdf(blind_pack.key, blind_pack.key_text).split())
    assert "Which letter is which outlet" in flat
    for letter, outlet in [("Outlet A", "AP"), ("Outlet B", "CNN"), ("Outlet E", "Scripps")]:
        assert re.search(rf"{letter} {outlet}\b", flat), (letter, outlet)
    assert "relies most on unnamed sources" in flat


def test_blind_html_keeps_markup_and_images(tmp_path):
    import analysis as an
    from analysis.blind import blinding

    c = an.from_texts({"a": "told CNN.", "b": "x"}, outlet={"a": "CNN", "b": "AP"})
    b = blinding(c)
    page = ('<p title="CNN said">CNN &amp; the AP</p><style>.CNN{}</style>'
            '<img alt="AP chart" src="data:image/png;base64,AP+CNN/">')
    assert b.html(page) == ('<p title="Outlet A said">Outlet A &amp; the Outlet B</p><style>.CNN{}</style>'
                            '<img alt="Outlet B chart" src="data:image/png;base64,AP+CNN/">')
    blinded = b.corpus(c)
    assert blinded.ids == ["1", "2"] and blinded.outlet_of().tolist() == ["Outlet A", "Outlet B"]


def test_pack_of_the_real_lesson(tmp_path):
    """notebooks/06_classroom.ipynb as it is, not blinded: two PDFs with pages, no error."""
    pack = build_pack(SAMPLE_EVENT, out=tmp_path, log=lambda *_: None)
    assert pack.worksheet_pages >= 6 and pack.key_pages >= 2
    assert n_pages(pack.worksheet) in (None, pack.worksheet_pages)


def test_pack_replaces_only_what_it_made(tmp_path, blind_pack):
    target = tmp_path / f"{SAMPLE_EVENT.name}-pack"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(PackError, match="was not made by the pack command"):
        build_pack(SAMPLE_EVENT, out=tmp_path, log=lambda *_: None)
    assert (target / "notes.txt").read_text() == "mine"
    with pytest.raises(PackError, match="inside the event folder"):
        build_pack(SAMPLE_EVENT, out=SAMPLE_EVENT / "packs", log=lambda *_: None)
    assert not (SAMPLE_EVENT / "packs").exists()


def test_pack_refuses_blind_with_a_lesson_that_ignores_the_cache(tmp_path):
    nb = tmp_path / "06.ipynb"
    cell = nbformat.v4.new_code_cell("EVENT = None\nCACHE = None")
    cell.metadata["tags"] = ["parameters"]
    nbformat.write(nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_code_cell(
        "import analysis as an\ncorpus = an.load_event(EVENT)")]), nb)
    with pytest.raises(PackError, match="cache=CACHE"):
        build_pack(SAMPLE_EVENT, out=tmp_path / "out", blind=True, notebook=nb, log=lambda *_: None)


def test_pdf_text_sees_what_the_pdf_shows():
    assert "Hello there" in pdf_text("<p>Hello there</p>")


def test_cli_pack_errors_are_one_line(tmp_path, capsys):
    from analysis.__main__ import main

    (tmp_path / f"{SAMPLE_EVENT.name}-pack").write_text("a file")
    assert main(["pack", str(SAMPLE_EVENT), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "a file the pack command did not make" in err
    assert ROOT.exists()
