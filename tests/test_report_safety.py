"""The report command with hostile folders and arguments (issue 12, part A, items 3, 4, 6):
it replaces only folders it made itself, never writes into or over an event, names every
report and page uniquely, and says what went wrong in one line of plain text.

Most cases are refused before any notebook runs; the others use a one-cell notebook.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import nbformat
import pytest

from analysis.__main__ import main
from analysis.report import MARKER, ReportError, build_report, page_names

from .conftest import ROOT, SAMPLE_EVENT


def quiet(*_args) -> None:
    pass


def write_notebook(path: Path, *sources: str, markdown_first: bool = True) -> Path:
    cells = [nbformat.v4.new_markdown_cell("# A tiny chapter")] if markdown_first else []
    params = nbformat.v4.new_code_cell("EVENT = None")
    params.metadata["tags"] = ["parameters"]
    cells += [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return write_notebook(tmp_path_factory.mktemp("nb") / "01_tiny.ipynb", "print(EVENT)")


def make_event(folder: Path, texts: dict[str, str] | None = None, title: str = "An event") -> Path:
    texts = texts or {"a": "Officials said the step was limited.", "b": "Critics said it was a big change."}
    (folder / "articles").mkdir(parents=True)
    rows = []
    for i, (aid, text) in enumerate(texts.items()):
        (folder / "articles" / f"{i}.txt").write_text(text)
        rows.append(f'"{aid}",articles/{i}.txt')
    (folder / "manifest.csv").write_text("article_id,file\n" + "\n".join(rows) + "\n")
    (folder / "README.md").write_text(f"# {title}\n\nWhat happened.\n")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(events, out, notebook, log=quiet, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_report(events, out=out, notebooks=[notebook], workers=1, log=log, **kwargs)


def one_line(exc_info) -> str:
    message = str(exc_info.value)
    assert "\n" not in message and "\x1b" not in message
    return message


# --------------------------------------------------------------------------- only its own folders

def test_a_report_folder_is_marked_and_replaced_on_the_next_run(tmp_path, tiny):
    event = make_event(tmp_path / "ev")
    out = tmp_path / "reports"
    build([event], out, tiny)
    marker = out / "ev" / MARKER
    assert marker.read_text().startswith("coverage-lens report 1\n")
    (out / "ev" / "full" / "01_tiny.html").write_text("old page")
    build([event], out, tiny)
    assert (out / "ev" / "full" / "01_tiny.html").read_text() != "old page"
    assert sorted(p.name for p in out.iterdir()) == ["ev", "index.html"]  # nothing staged left


def test_report_into_the_events_parent_never_replaces_the_event(tmp_path, tiny):
    events = tmp_path / "events"
    event = make_event(events / "ev")
    before = snapshot(event)
    with pytest.raises(ReportError) as exc:
        build([event], events, tiny)
    assert "is or holds the event folder" in one_line(exc)
    assert snapshot(event) == before and not (events / "index.html").exists()


def test_report_dot_inside_an_event_writes_nothing_into_it(tmp_path, tiny, monkeypatch, capsys):
    event = make_event(tmp_path / "ev")
    before = snapshot(event)
    monkeypatch.chdir(event)
    monkeypatch.setattr("analysis.report.notebook_paths", lambda *a: [tiny])
    assert main(["report", "."]) == 1  # default --out reports/ would be inside the event
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "inside the event folder" in err
    assert snapshot(event) == before and not (event / "reports").exists()


def test_report_dot_names_the_real_folder_and_keeps_other_reports(tmp_path, tiny, monkeypatch):
    event = make_event(tmp_path / "ev")
    out = tmp_path / "reports"
    other = make_event(tmp_path / "other")
    build([other], out, tiny)
    monkeypatch.chdir(event)
    build(["."], Path("..") / "reports", tiny)
    assert sorted(p.name for p in out.iterdir()) == ["ev", "index.html", "other"]
    monkeypatch.chdir(event / "articles")
    build([".."], Path("../..") / "reports", tiny)  # `report ..` from articles/
    assert sorted(p.name for p in out.iterdir()) == ["ev", "index.html", "other"]
    assert snapshot(event)  # the event is intact
    with pytest.raises(ReportError, match="inside the event folder"):
        build([".."], "reports", tiny)  # default --out from articles/: inside the event


def test_an_unmarked_folder_is_never_replaced(tmp_path, tiny):
    event = make_event(tmp_path / "ev")
    out = tmp_path / "reports"
    (out / "ev").mkdir(parents=True)
    (out / "ev" / "thesis.docx").write_text("a year of work")
    with pytest.raises(ReportError) as exc:
        build([event], out, tiny)
    assert f"was not made by the report command (it has no {MARKER} file)" in one_line(exc)
    assert (out / "ev" / "thesis.docx").read_text() == "a year of work"


def test_a_file_or_a_link_in_the_way_is_never_replaced(tmp_path, tiny):
    event = make_event(tmp_path / "ev")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "ev").write_text("a file")
    with pytest.raises(ReportError, match="a file the report command did not make"):
        build([event], out, tiny)
    (out / "ev").unlink()
    (out / "ev").symlink_to(event)
    with pytest.raises(ReportError, match="a symbolic link, which the report command never replaces"):
        build([event], out, tiny)
    assert (event / "manifest.csv").is_file()


def test_a_marked_folder_with_foreign_files_is_not_replaced(tmp_path, tiny):
    event = make_event(tmp_path / "ev")
    out = tmp_path / "reports"
    build([event], out, tiny)
    (out / "ev" / "notes.txt").write_text("my notes")
    (out / "ev" / "articles" / "data").mkdir()
    with pytest.raises(ReportError, match=r"holds files the report command did not write \(articles/data, notes.txt\)"):
        build([event], out, tiny)
    assert (out / "ev" / "notes.txt").read_text() == "my notes"


def test_an_event_inside_the_target_is_never_replaced(tmp_path, tiny):
    event = make_event(tmp_path / "ev")
    out = tmp_path / "reports"
    build([event], out, tiny)
    nested = make_event(out / "ev" / "full" / "x" / "ev2")  # an event kept inside a report
    with pytest.raises(ReportError, match="is or holds the event folder"):
        build([event, nested], out, tiny)


@pytest.mark.parametrize("where", ["event", "report"])
def test_out_inside_an_event_or_a_report_folder_is_refused(tmp_path, tiny, where):
    event = make_event(tmp_path / "ev")
    other = make_event(tmp_path / "other")
    if where == "report":
        build([other], tmp_path / "reports", tiny)
        out, expected = tmp_path / "reports" / "other" / "sub", "inside the report folder"
    else:
        out, expected = other / "reports", "which is an event folder (it has manifest.csv)"
    with pytest.raises(ReportError) as exc:
        build([event], out, tiny)
    assert expected in one_line(exc) and not out.exists()


def test_the_top_index_never_clobbers_a_file_the_tool_did_not_write(tmp_path, tiny):
    event = make_event(tmp_path / "ev", title="Ev <b>bold</b>")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<h1>My own site</h1>")
    (out / "stuff").mkdir()
    (out / "stuff" / "index.html").write_text("<h1><script>alert(1)</script></h1>")
    logs: list[str] = []
    build([event], out, tiny, log=logs.append)
    assert (out / "index.html").read_text() == "<h1>My own site</h1>"
    assert any("was not written by the report command, so it is left as it is" in line for line in logs)
    (out / "index.html").unlink()
    build([event], out, tiny)
    top = (out / "index.html").read_text()
    assert 'href="ev/index.html"' in top and "stuff" not in top  # only marked report folders
    assert "<b>" not in top and "Ev &lt;b&gt;bold&lt;/b&gt;" in top
    build([event], out, tiny)  # its own index: replaced without a word
    assert (out / "index.html").read_text() == top


# --------------------------------------------------------------------------- unique names

def test_two_events_with_the_same_folder_name_get_two_reports(tmp_path, tiny):
    first = make_event(tmp_path / "a" / "ev", title="First")
    second = make_event(tmp_path / "b" / "ev", title="Second")
    out = tmp_path / "reports"
    logs: list[str] = []
    build([first, second, first], out, tiny, log=logs.append)
    assert "First" in (out / "ev" / "index.html").read_text()
    assert "Second" in (out / "ev-2" / "index.html").read_text()
    assert any("has the same folder name as" in line and "its report is ev-2/" in line for line in logs)
    assert any("is the same folder as" in line and "built once" in line for line in logs)
    top = (out / "index.html").read_text()
    assert 'href="ev/index.html"' in top and 'href="ev-2/index.html"' in top


@pytest.mark.parametrize("name, expected", [("index.html", "index.html-event"), (".hidden", "hidden")])
def test_event_folder_names_that_cannot_be_report_names(tmp_path, tiny, name, expected):
    out = tmp_path / "reports"
    build([make_event(tmp_path / name)], out, tiny)
    assert (out / expected / MARKER).is_file() and (out / "index.html").is_file()


def test_the_top_index_links_any_folder_name(tmp_path, tiny):
    out = tmp_path / "reports"
    build([make_event(tmp_path / 'a#1 "x"<b>%')], out, tiny)
    assert 'href="a%231%20%22x%22%3Cb%3E%25/index.html"' in (out / "index.html").read_text()


def test_article_ids_with_the_same_safe_name_get_their_own_pages(tmp_path, tiny):
    texts = {"a/b": "Alpha said one thing.", "a b": "Bravo said another.", "a_b": "Charlie said a third."}
    event = make_event(tmp_path / "ev", texts)
    out = tmp_path / "reports"
    build([event], out, tiny)
    pages = sorted(p.name for p in (out / "ev" / "articles").iterdir())
    assert len(pages) == 3
    index = (out / "ev" / "index.html").read_text()
    links = dict(re.findall(r'<a href="(articles/[^"]+)">article ([^<]+)</a>', index))
    assert sorted(links) == [f"articles/{p}" for p in pages]
    for href, aid in links.items():
        assert texts[html.unescape(aid)][:5] in (out / "ev" / href).read_text()


def test_page_names_are_unique_stable_and_portable():
    ids = ["000", "a/b", "a b", "a_b", "A", "a", "con", ".x", "x" * 300, "é", "e\u0301", "a\nb"]
    names = page_names(ids)
    assert page_names(ids) == names and names["000"] == "000.html" and names["a_b"] == "a_b.html"
    folded = {n.casefold() for n in names.values()}
    assert len(folded) == len(ids)
    assert all(len(n.encode()) < 100 and not n.startswith(".") and "/" not in n and "\n" not in n
               for n in names.values())


# --------------------------------------------------------------------------- one-line errors

def test_out_is_an_existing_file(tmp_path, tiny, capsys, monkeypatch):
    (tmp_path / "out.txt").write_text("x")
    monkeypatch.setattr("analysis.report.notebook_paths", lambda *a: [tiny])
    assert main(["report", str(SAMPLE_EVENT), "--out", str(tmp_path / "out.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out.txt: a file, not a folder" in err
    assert (tmp_path / "out.txt").read_text() == "x"


def test_out_below_a_file(tmp_path, tiny):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], tmp_path / "file" / "reports", tiny)
    assert "a file stands where a folder must be" in one_line(exc)


def test_out_not_writable(tmp_path, tiny, monkeypatch):
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):  # as for a user without write permission (tests run as root)
        if "locked" in str(self) and not self.exists():
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], tmp_path / "locked", tiny)
    assert "--out" in one_line(exc) and "(Permission denied); choose a folder you can write to" in str(exc.value)
    real_mkdir(tmp_path / "locked")
    with pytest.raises(ReportError, match=r"cannot write there \(Permission denied\)"):
        build([SAMPLE_EVENT], tmp_path / "locked", tiny)  # the folder exists; its staging folder cannot be made
    assert not list((tmp_path / "locked").iterdir())


@pytest.mark.parametrize("workers", ["-1", "0"])
def test_workers_below_one(workers, capsys, tmp_path):
    assert main(["report", str(SAMPLE_EVENT), "--out", str(tmp_path), "--workers", workers]) == 1
    err = capsys.readouterr().err
    assert err == f"error: --workers {workers}: give the number of notebooks to run at once, 1 or more\n"
    assert not list(tmp_path.iterdir())


def test_workers_are_capped_at_the_notebooks(tmp_path, tiny):
    logs: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build_report([make_event(tmp_path / "ev")], out=tmp_path / "r", notebooks=[tiny], workers=1000,
                     log=logs.append)
    assert any(line.startswith("--workers 1000: running 1 at once") for line in logs)


@pytest.mark.parametrize("args, expected", [
    (["MISSING"], "no such event folder"),
    (["FILE"], "not a folder"),
    (["EMPTY"], "no manifest.csv"),
])
def test_bad_event_folders_stay_one_line(tmp_path, capsys, args, expected):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    paths = {"MISSING": tmp_path / "missing", "FILE": tmp_path / "file.txt", "EMPTY": tmp_path / "empty"}
    assert main(["report", *(str(paths[a]) for a in args), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err and not (tmp_path / "out").exists()


def test_a_broken_notebook_file_is_one_line(tmp_path):
    bad = tmp_path / "01_bad.ipynb"
    bad.write_text("{not json")
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], tmp_path / "out", bad)
    assert one_line(exc).startswith("01_bad.ipynb: cannot be read as a notebook")


# --------------------------------------------------------------------------- notebook failures

def test_a_failing_cell_is_named_as_the_reader_counts_it_in_plain_text(tmp_path):
    nb = write_notebook(tmp_path / "03_fails.ipynb", "x = 1", "{}['x']")
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], tmp_path / "out", nb)
    assert one_line(exc) == "03_fails.ipynb: cell 4 failed: KeyError: 'x' (the cell starts: {}['x'])"
    assert not (tmp_path / "out" / SAMPLE_EVENT.name).exists()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_a_failing_parameters_cell_is_not_off_by_one(tmp_path):
    nb = tmp_path / "02_params.ipynb"
    cells = [nbformat.v4.new_markdown_cell("# T"), nbformat.v4.new_code_cell("EVENT = undefined_name")]
    cells[1].metadata["tags"] = ["parameters"]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), nb)
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], tmp_path / "out", nb)
    assert one_line(exc).startswith("02_params.ipynb: cell 2 failed: NameError: name 'undefined_name' is not defined")


def test_a_dead_kernel_or_worker_is_one_line_and_keeps_the_previous_report(tmp_path, tiny):
    out = tmp_path / "out"
    build([SAMPLE_EVENT], out, tiny)
    before = snapshot(out / SAMPLE_EVENT.name)
    dies = write_notebook(tmp_path / "01_dies.ipynb", "import os\nos._exit(1)")
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], out, dies)
    assert one_line(exc).startswith("01_dies.ipynb: execution failed: DeadKernelError")
    kills = write_notebook(tmp_path / "01_kills.ipynb", "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)")
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], out, kills)
    assert "01_kills.ipynb: the process running it stopped unexpectedly" in one_line(exc)
    assert snapshot(out / SAMPLE_EVENT.name) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- Ctrl-C

def test_ctrl_c_leaves_the_previous_report_and_no_staging_folder(tmp_path, tiny):
    out = tmp_path / "out"
    build([SAMPLE_EVENT], out, tiny)
    before = snapshot(out)
    pid_file = tmp_path / "kernel.pid"
    slow = write_notebook(tmp_path / "01_slow.ipynb",
                          f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(120)")
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        import analysis.report as report
        from analysis.__main__ import main
        report.notebook_paths = lambda *a: [Path({str(slow)!r})]
        sys.exit(main(["report", {str(SAMPLE_EVENT)!r}, "--out", {str(out)!r}, "--workers", "1"]))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not pid_file.exists() or not pid_file.read_text():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.2)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "interrupted; the previous report is unchanged"
    assert "Traceback" not in stderr
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    kernel = int(pid_file.read_text())
    for _ in range(50):  # the kernel was shut down, not left running
        try:
            os.kill(kernel, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.kill(kernel, signal.SIGKILL)
        pytest.fail("the notebook's kernel outlived the interrupted report")


# --------------------------------------------------------------------------- the command line

def test_the_cli_prints_warnings_as_one_line_each(tmp_path, capsys):
    page = tmp_path / "p.html"
    page.write_bytes(('<html><head><meta charset="windows-1251"><title>План</title></head><body><article>'
                      '<h1>План</h1><p>Київ заявив у четвер, що план обмежений і не змінює політики уряду '
                      'щодо зброї.</p><p>Критики сказали, що це великий крок уперед для всієї країни і '
                      'для її союзників.</p></article></body></html>').encode("utf-8"))
    assert main(["new-event", "e", str(page), "--root", str(tmp_path / "events")]) == 0
    err = capsys.readouterr().err
    assert err == f"warning: {page}: declares charset 'windows-1251' but its bytes are valid UTF-8; read as UTF-8\n"


def test_the_cli_turns_an_unexpected_error_into_one_line(monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise RuntimeError("something odd\nsecond line")

    monkeypatch.setattr("analysis.report.build_report", boom)
    assert main(["report", str(SAMPLE_EVENT)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: RuntimeError: something odd (unexpected; set COVERAGE_LENS_DEBUG=1") and err.count("\n") == 1


def test_ctrl_c_in_new_event_exits_130_and_makes_nothing(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text("A text.")
    real_write = Path.write_bytes

    def interrupt(self, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_bytes", interrupt)
    assert main(["new-event", "e", str(tmp_path / "a.txt"), "--root", str(tmp_path / "events")]) == 130
    assert capsys.readouterr().err == "interrupted; no event folder was made\n"
    assert not (tmp_path / "events" / "e").exists()
    monkeypatch.setattr(Path, "write_bytes", real_write)


def test_an_analysis_failing_on_the_article_pages_is_one_line(tmp_path, tiny, monkeypatch):
    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr("analysis.markup.article_page", broken)
    with pytest.raises(ReportError) as exc:
        build([SAMPLE_EVENT], tmp_path / "out", tiny)
    assert "the annotated article pages could not be made (IndexError: list index out of range)" in one_line(exc)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name != "index.html"]


# --------------------------------------------------------------------------- one kernel per worker

def test_a_worker_runs_its_notebooks_in_one_kernel_and_each_starts_clean(tmp_path):
    """Notebooks share a worker's kernel (one start, one import of the library), and each
    finds the kernel as it started: no variable, warning filter, setting, working folder or
    open figure of the notebook before it."""
    pids = tmp_path / "pids"
    record = f"import os\nopen({str(pids)!r}, 'a').write(str(os.getpid()) + '\\n')"
    first = write_notebook(
        tmp_path / "01_first.ipynb", record,
        "import warnings, matplotlib, matplotlib.pyplot as plt, os\nleft_behind = 1\n"
        "warnings.filterwarnings('ignore', message='shown later')\nmatplotlib.rcParams['lines.linewidth'] = 9\n"
        "os.chdir('/')\nfig, ax = plt.subplots(); ax.plot([1, 2]);")
    second = write_notebook(
        tmp_path / "02_second.ipynb", record,
        "import warnings, matplotlib, matplotlib.pyplot as plt, os\n"
        "print('left_behind' in dir(), matplotlib.rcParams['lines.linewidth'], os.getcwd() != '/', "
        "plt.get_fignums())\nwarnings.warn('shown later')\nfig, ax = plt.subplots(); ax.plot([1, 2]);")
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build_report([SAMPLE_EVENT], out=out, notebooks=[first, second], workers=1, log=quiet, edition="student")
    assert len(set(pids.read_text().split())) == 1  # one kernel for both notebooks
    # (the student edition shows outputs, not code: what is found here was printed)
    page = (out / SAMPLE_EVENT.name / "student" / "02_second.html").read_text("utf-8")
    assert "False 1.5 True []" in page  # nothing of the first notebook is left
    assert "shown later" in page  # its warning filter is gone too
    assert page.count("<img") >= 1  # and figures still show in a reused kernel
    first_page = (out / SAMPLE_EVENT.name / "student" / "01_first.html").read_text("utf-8")
    assert "<img" in first_page
