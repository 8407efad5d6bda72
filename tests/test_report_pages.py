"""The report's pages and terminal (issue 17, items 3, 7, 8; issue 13, the report's part).

Built with small chapters written here, which load their event as the numbered notebooks
do (``corpus = an.load_event(EVENT, cache=CACHE)``), so each build takes seconds.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

from analysis.report import build_report

from .conftest import ROOT, SAMPLE_EVENT

LOAD = "import analysis as an\nimport analysis.plots as plots\ncorpus = an.load_event(EVENT, cache=CACHE)"


def chapter(path: Path, title: str, *sources: str, solution: str | None = None) -> Path:
    """A chapter as the numbered notebooks are made: a title, a parameters cell, code."""
    params = nbformat.v4.new_code_cell('EVENT = "../data/events/ukraine-weapons-2024-05"\nCACHE = None')
    params.metadata["tags"] = ["parameters"]
    cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nWhat this chapter asks."), params,
             *(nbformat.v4.new_code_cell(s) for s in sources)]
    if solution:
        cell = nbformat.v4.new_markdown_cell(solution)
        cell.metadata["tags"] = ["solution"]
        cells.append(cell)
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


@pytest.fixture(scope="module")
def chapters(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("chapters")
    return [
        chapter(folder / "01_sources.ipynb", "1 · Sources: who speaks", LOAD,
                "summary = an.quote_summary(corpus)\nan.attributions(corpus)\nan.frames(corpus);",
                "plots.quotes.named_vs_anonymous(summary);", solution="**Answer.** The secret answer."),
        chapter(folder / "02_frames.ipynb", "2 · Frames: how big a step", LOAD,
                "an.characterizations(corpus)\nan.frame_scores(corpus)\nprint('frames done')"),
        chapter(folder / "03_words.ipynb", "3 · Words", LOAD, "an.readability(corpus);"),
    ]


def make_event(folder: Path, title: str = "A storm over the bay") -> Path:
    (folder / "articles").mkdir(parents=True)
    texts = {"s1": "“We are ready,” Mayor Ann Lee said. Two officials said the storm was a major shift.",
             "s2": "Officials said the damage was limited. “It could have been worse,” one resident said."}
    for aid, text in texts.items():
        (folder / "articles" / f"{aid}.txt").write_text(text)
    (folder / "manifest.csv").write_text("article_id,file,outlet\n" + "".join(
        f"{aid},articles/{aid}.txt,{outlet}\n" for aid, outlet in zip(texts, ["Bay Daily", "Coast Radio"])))
    (folder / "README.md").write_text(f"# {title}\n\nTwo local stories.\n")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory, chapters) -> Path:
    out = tmp_path_factory.mktemp("out")
    event = make_event(tmp_path_factory.mktemp("events") / "storm-2025")
    build_report([event], out=out, notebooks=chapters, workers=2, log=lambda *_: None)
    return out / "storm-2025"


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)))


def test_full_edition_shows_the_event_actually_used_and_student_edition_does_not(built):
    full = html.unescape((built / "full" / "01_sources.html").read_text())
    student = html.unescape((built / "student" / "01_sources.html").read_text())
    assert "storm-2025" in text_of(full) and "ukraine-weapons" not in full
    assert re.search(r"EVENT\s*=\s*'[^']*storm-2025'", text_of(full))
    assert "CACHE = None" in re.sub(r"\s+", " ", text_of(full))  # the cache is gone once built
    assert "EVENT" not in text_of(student) and "storm-2025" not in text_of(student)
    assert "The secret answer" in full and "The secret answer" not in student


def test_titles_name_chapter_edition_and_event(built):
    titles = {}
    for page in built.rglob("*.html"):
        m = re.search(r"<title>(.*?)</title>", page.read_text(), re.S)
        titles[page.relative_to(built).as_posix()] = html.unescape(m.group(1))
    assert titles["student/01_sources.html"] == "1 · Sources — student edition — A storm over the bay · Coverage Lens"
    assert titles["full/02_frames.html"] == "2 · Frames — full edition — A storm over the bay · Coverage Lens"
    assert titles["articles/s1.html"].startswith("Article s1 · Bay Daily — annotated article — A storm over the bay")
    assert len(set(titles.values())) == len(titles)  # every page has its own title


def test_chapters_and_articles_link_previous_and_next(built):
    first = (built / "student" / "01_sources.html").read_text()
    middle = (built / "student" / "02_frames.html").read_text()
    last = (built / "full" / "03_words.html").read_text()
    assert 'href="02_frames.html" rel="next"' in first and 'rel="prev"' not in first
    assert 'href="01_sources.html" rel="prev"' in middle and 'href="03_words.html" rel="next"' in middle
    assert 'href="02_frames.html" rel="prev"' in last and 'rel="next"' not in last
    assert 'href="index.html" rel="up"' in middle and 'href="../index.html" rel="up"' in last
    a1, a2 = (built / "articles" / "s1.html").read_text(), (built / "articles" / "s2.html").read_text()
    assert 'href="s2.html" rel="next"' in a1 and 'href="s1.html" rel="prev"' in a2
    assert 'href="../student/index.html"' in a1


def test_student_index_links_only_student_pages_and_articles(built):
    student = (built / "student" / "index.html").read_text()
    links = re.findall(r'href="([^"]+)"', student)
    assert links and all(not link.startswith(("../full", "full/")) for link in links)
    assert {"01_sources.html", "02_frames.html", "03_words.html", "../articles/s1.html"} <= set(links)
    for link in links:
        assert (built / "student" / link).resolve().is_file(), link
    full = (built / "index.html").read_text()
    assert 'href="full/01_sources.html"' in full and 'href="student/01_sources.html"' in full
    assert 'href="student/index.html"' in full


def test_figures_carry_their_title_as_alt_text(built):
    page = (built / "student" / "01_sources.html").read_text()
    imgs = re.findall(r"<img\b[^>]*>", page)
    alts = [m.group(1) for m in (re.search(r'\balt="([^"]*)"', i) for i in imgs) if m]
    assert len(imgs) == len(alts) == 1 and 'src="data:image/png;base64,' in imgs[0]
    assert len(alts) == 1 and "unnamed sources" in html.unescape(alts[0])


def test_annotated_page_legend_explains_exactly_its_marks(built):
    page = (built / "articles" / "s1.html").read_text()
    legend = page.split('class="legend"', 1)[1].split("</section>", 1)[0]
    body = page.split("<article>", 1)[1]
    for cls in ("q-person", "src-named", "src-anon", "fr-magnitude-bigger"):
        assert f"{cls}" in body and cls in legend, cls
    for cls in ("q-document", "q-organization", "fr-caution"):
        assert cls not in body and cls not in legend, cls


SITECUSTOMIZE = '''
import importlib
import os
if os.environ.get("CL_COUNT_FILE"):
    _q = importlib.import_module("analysis.quotes")  # the module (the package's "quotes" is the function)
    _real = _q.sources_of

    def sources_of(article):
        with open(os.environ["CL_COUNT_FILE"], "a") as fh:
            fh.write(f"{os.getpid()} {article.article_id}\\n")
        return _real(article)

    _q.sources_of = sources_of
'''


def test_report_finds_each_articles_sources_once_and_prints_one_line_per_chapter(tmp_path, chapters):
    """The report computes, the chapters and the pages share: over the whole build (this
    process and every notebook's kernel), the per-article source finder runs once per article."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE)
    counts = tmp_path / "calls.txt"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]),
           "CL_COUNT_FILE": str(counts)}
    script = textwrap.dedent(f"""
        import sys
        from analysis.report import build_report
        build_report([{str(SAMPLE_EVENT)!r}], out={str(tmp_path / 'out')!r},
                     notebooks={[str(p) for p in chapters]!r}, workers=2)
        """)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    calls = [line.split()[1] for line in counts.read_text().splitlines()]
    assert sorted(calls) == ["000", "001", "002", "003", "004"]
    terminal = done.stdout + done.stderr
    assert "IPKernelApp" not in terminal and "WARNING" not in terminal
    progress = [line for line in done.stdout.splitlines() if re.match(r"\s+\[\d/3\] \d\d_\w+\.ipynb\s+\d+\.\d s$", line)]
    assert len(progress) == 3, done.stdout


def test_cli_prints_one_line_per_chapter_and_the_total(tmp_path, chapters, monkeypatch, capsys):
    from analysis import report
    from analysis.__main__ import main

    monkeypatch.setattr(report, "notebook_paths", lambda *_: chapters)
    assert main(["report", str(SAMPLE_EVENT), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len([ln for ln in out if re.match(r"\s+\[\d/3\] ", ln)]) == 3
    assert re.fullmatch(r"done in \d+\.\d s", out[-1])


def test_article_link_matches_the_page_written(built):
    import analysis as an

    c = an.from_texts({"s1": "x", "s2": "y"})
    assert an.article_link(c, "s1") == "../articles/s1.html"
    assert (built / "full" / an.article_link(c, "s1")).resolve() == (built / "articles" / "s1.html").resolve()
    assert 'href="../articles/s2.html"' in an.article_links(c).data


def test_chapters_carry_print_styles(built):
    page = (built / "full" / "01_sources.html").read_text()
    css = page.split("@media print", 1)[1].split("</style>", 1)[0]
    assert re.search(r"\.cl-nav[^{]*\{[^}]*display:\s*none", css)  # no navigation bar on paper
    assert "break-inside: avoid" in css and "break-after: avoid" in css  # no figure or row cut; headings kept
    assert "table-layout: auto" in css and "white-space: pre-wrap" in css  # tables fit; text wraps


def test_make_lab_allows_root_only_for_root():
    done = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    line = next(ln for ln in done.stdout.splitlines() if "jupyter lab notebooks/" in ln)
    assert ("--allow-root" in line) == (os.getuid() == 0)
