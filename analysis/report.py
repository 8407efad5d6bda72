"""Render an event's notebooks into an HTML report: a full and a student edition, offline.

Each notebook is executed once (nbclient) with ``EVENT`` injected after its ``parameters``
cell (the papermill convention), then exported twice (nbconvert): ``full/`` keeps the code,
``student/`` drops every code input and every cell tagged ``solution`` or ``remove-cell``.
Exporting after executing is deliberate: nbconvert ignores removal tags when it executes
itself (nbconvert #1300).  The pages use a template without CDN scripts and embed their
images, so the report opens from disk with no network.
"""

from __future__ import annotations

import hashlib
import html
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import threading
import time
import unicodedata
import urllib.parse
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ReportError", "ReportInterrupted", "build_report", "notebook_paths", "execute_notebook",
           "export_html", "page_names"]

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
STUDENT_REMOVE_TAGS = ("solution", "remove-cell")

#: Every report folder holds this file: the report command replaces only folders that do.
MARKER = ".coverage-lens-report"
MARKER_VERSION = 1
#: What a report folder holds; anything else in it was not written by the tool.
REPORT_ENTRIES = {MARKER, "index.html", "full", "student", "articles"}
# The <meta name="generator"> of the pages the tool writes: the top-level index may replace
# only a file that carries its own.
INDEX_GENERATOR = "coverage-lens reports index"
EVENT_GENERATOR = "coverage-lens event report"
_STAGING = ".coverage-lens-staging-"
_OLD = ".coverage-lens-old-"


class ReportError(RuntimeError):
    """The report cannot be built or written; the message names the notebook and cell, or
    the path, and says what to do."""


class ReportInterrupted(KeyboardInterrupt):
    """Ctrl-C during a report; the message says which reports (if any) were replaced."""


@dataclass(frozen=True)
class Executed:
    """One executed notebook, ready to export."""

    name: str
    nb: object  # nbformat.NotebookNode
    seconds: float


def notebook_paths(folder: Path | str = NOTEBOOK_DIR) -> list[Path]:
    """The numbered notebooks of a folder, in order (``01_corpus.ipynb`` ...).

    >>> [p.name for p in notebook_paths()][:1]
    ['01_corpus.ipynb']
    """
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def inject_parameters(nb, **params) -> None:
    """Insert a cell setting ``params`` after the cell tagged ``parameters`` (papermill style).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("EVENT = 'x'")])
    >>> nb.cells[0].metadata["tags"] = ["parameters"]
    >>> inject_parameters(nb, EVENT="/data/e"); nb.cells[1].source
    "# Parameters\\nEVENT = '/data/e'"
    """
    import nbformat

    src = "# Parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = ["injected-parameters", "remove-cell"]
    at = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), 0)
    nb.cells.insert(at, cell)


def execute_notebook(path: Path | str, event: Path | str, timeout: int = 600) -> Executed:
    """Execute one notebook for an event, in the notebook's folder; raise ReportError on failure.

    The message is one line of plain text (no terminal colour codes) naming the cell as a
    reader counts it: from 1 at the top of the notebook, every cell counted, the injected
    parameters cell not (see :func:`failure_message`).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - not JSON, not a notebook, unreadable: one line
        raise ReportError(f"{path.name}: cannot be read as a notebook ({_plain(exc)})") from None
    inject_parameters(nb, EVENT=str(Path(event).resolve()))
    # shutdown_kernel="immediate": the kernel is killed once the notebook ends or is stopped
    # (Ctrl-C), rather than asked to stop, which a kernel busy in a cell answers with a traceback.
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        raise ReportError(failure_message(path.name, nb, f"{exc.ename}: {exc.evalue}")) from None
    except Exception as exc:  # kernel died, timeout, ...
        raise ReportError(f"{path.name}: execution failed: {type(exc).__name__}: {_plain(exc)}") from None
    return Executed(path.stem, nb, time.perf_counter() - start)


# Terminal colour and cursor codes, which IPython puts in tracebacks.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")


def _plain(text) -> str:
    """The first non-empty line of ``text`` without terminal colour codes.

    >>> _plain("\\x1b[0;31mKeyError\\x1b[0m: 'x'\\nmore")
    "KeyError: 'x'"
    """
    lines = [ln.strip() for ln in _ANSI.sub("", str(text)).splitlines() if ln.strip()]
    return lines[0] if lines else ""


def failure_message(name: str, nb, error: str) -> str:
    """``name: cell N failed: error`` for the first cell of ``nb`` with an error output.

    ``N`` counts every cell from 1 at the top, as a reader scrolling the notebook does, but
    not the cell the report injects after the ``parameters`` cell, which the reader never
    sees; the message adds the start of the cell's code.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"),
    ...     nbformat.v4.new_code_cell("EVENT = 1"), nbformat.v4.new_code_cell("# Parameters"),
    ...     nbformat.v4.new_code_cell("scores['x']")])
    >>> nb.cells[2].metadata["tags"] = ["injected-parameters"]
    >>> nb.cells[3].outputs = [nbformat.v4.new_output("error", ename="KeyError", evalue="'x'", traceback=[])]
    >>> failure_message("03_readability.ipynb", nb, "\\x1b[31mKeyError\\x1b[0m: 'x'")
    "03_readability.ipynb: cell 3 failed: KeyError: 'x' (the cell starts: scores['x'])"
    """
    number = 0
    for cell in nb.cells:
        injected = "injected-parameters" in cell.metadata.get("tags", [])
        number += 0 if injected else 1
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            where = "the injected parameters cell" if injected else f"cell {number}"
            first = _plain(cell.source)
            starts = f" (the cell starts: {first[:60]}{'…' if len(first) > 60 else ''})" if first else ""
            return f"{name}: {where} failed: {_plain(error) or 'an error'}{starts}"
    return f"{name}: a cell failed: {_plain(error) or 'an error'}"


def export_html(nb, edition: str, nav: str = "") -> str:
    """HTML for one executed notebook; ``edition`` is ``full`` or ``student``."""
    import copy

    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    nb = copy.deepcopy(nb)
    cfg = Config()
    cfg.TagRemovePreprocessor.enabled = True
    cfg.TagRemovePreprocessor.remove_input_tags = ["remove-input"]
    cfg.TagRemovePreprocessor.remove_cell_tags = ["remove-cell"]
    if edition == "student":
        cfg.TagRemovePreprocessor.remove_cell_tags = list(STUDENT_REMOVE_TAGS)
        cfg.HTMLExporter.exclude_input = True
        cfg.HTMLExporter.exclude_input_prompt = True
        cfg.HTMLExporter.exclude_output_prompt = True
    exporter = HTMLExporter(config=cfg, extra_template_basedirs=[str(TEMPLATE_DIR)],
                            template_name="offline", embed_images=True)
    exporter.register_preprocessor(TagRemovePreprocessor(config=cfg), enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"cl_nav": nav})
    return body


def _run_one(path: str, event: str) -> Executed:
    try:
        return execute_notebook(path, event)
    finally:
        # nbclient handles Ctrl-C while a notebook runs (it shuts its kernel down) and then
        # restores Python's handler; between notebooks the report's main process handles it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_init() -> None:
    """In each notebook worker: Ctrl-C is for the main process, which stops the workers
    itself (an idle worker would otherwise die printing a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _check_workers(workers, n_notebooks: int, log) -> int:
    """The number of notebooks run at once: ``workers``, at most one per notebook and core."""
    cap = max(1, min(n_notebooks, _available_cores()))
    if workers is None:
        return cap
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ReportError(f"--workers {workers!r}: give the number of notebooks to run at once, 1 or more")
    if workers > cap:
        log(f"--workers {workers}: running {cap} at once ({n_notebooks} notebook(s), "
            f"{_available_cores()} core(s) available)")
        return cap
    return workers


def build_report(events: list[Path | str], out: Path | str = "reports", edition: str = "both",
                 notebooks: list[Path] | None = None, workers: int | None = None,
                 log=print) -> Path:
    """Build the report for each event under ``out/<event name>/``; returns ``out`` (resolved).

    Every event is loaded and every target checked before anything is written, and the
    command only ever replaces what it made itself:

    - each report folder holds a marker file (:data:`MARKER`); an existing ``out/<name>``
      is replaced only if it has that marker and nothing but what the command writes, and
      never if it is a symbolic link, a file, an event folder or a folder holding one;
    - ``out`` may not lie inside an event folder, a folder with a ``manifest.csv`` or a
      report folder; paths are resolved first, so ``.`` and ``..`` name real folders;
    - events with the same folder name get distinct report folders (``ev``, ``ev-2``, ...,
      in the order given, printed); an event listed twice is built once;
    - ``out/index.html`` is replaced only if the command wrote it (it carries the
      generator :data:`INDEX_GENERATOR`); another file of that name is left as it is, with a
      note.

    The new report is written to a staging folder in ``out`` and swapped in only when every
    notebook succeeded, so a failure or Ctrl-C (:class:`ReportInterrupted`) leaves the
    previous report as it was and no staging folder behind.
    """
    editions = ["full", "student"] if edition == "both" else [edition]
    if any(e not in ("full", "student") for e in editions):
        raise ReportError(f"unknown edition {edition!r}: use full, student or both")
    paths = list(notebooks) if notebooks else notebook_paths()
    if not paths:
        raise ReportError(f"no numbered notebooks found in {NOTEBOOK_DIR}")
    workers = _check_workers(workers, len(paths), log)
    out = _resolved(out, "--out")
    done: list[str] = []
    try:
        jobs = _load_events(events, log)
        names = _report_names([real for real, _ in jobs], log)
        _check_out(out, [real for real, _ in jobs])
        for name in names:
            _check_target(out / name, [real for real, _ in jobs])
        _make_folder(out)
        for (real, corpus), name in zip(jobs, names):
            _build_one(corpus, real, paths, out, out / name, editions, workers, log)
            done.append(name)
            log(f"report: {out / name / 'index.html'}")
        _write_events_index(out, log)
    except KeyboardInterrupt:
        raise ReportInterrupted(_interrupted(done)) from None
    return out


def _interrupted(done: list[str]) -> str:
    """What Ctrl-C left: which reports were already replaced in this run, if any.

    >>> _interrupted([]), _interrupted(["a"])
    ('interrupted; the previous report is unchanged', 'interrupted; the report of a was rebuilt before, the one being built is unchanged')
    """
    if not done:
        return "interrupted; the previous report is unchanged"
    return (f"interrupted; the report of {', '.join(done)} was rebuilt before, "
            "the one being built is unchanged")


def _resolved(path, what: str) -> Path:
    """``path`` made absolute with every link and ``.``/``..`` resolved, or a ReportError."""
    from .corpus import _show

    if "\x00" in os.fspath(path):
        raise ReportError(f"{what} {_show(path)}: a path cannot hold a NUL character")
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError) as exc:  # a link loop, an unreadable folder on the way
        raise ReportError(f"{what} {_show(path)}: cannot be resolved ({exc})") from None


def _load_events(events, log) -> list[tuple[Path, object]]:
    """``(resolved folder, corpus)`` per distinct event, loaded (and checked) before any work."""
    from .corpus import _show, load_event

    jobs, seen = [], {}
    for event in events:
        corpus = load_event(event)
        real = _resolved(event, "event")
        if real in seen:
            log(f"report: {_show(event)} is the same folder as {_show(seen[real])}; built once")
            continue
        seen[real] = event
        jobs.append((real, corpus))
    return jobs


_RESERVED_REPORT_NAMES = {"index.html"}


def report_name(event_name: str) -> str:
    """The report folder name for an event folder name: the same, without leading dots
    (a hidden or staging-like folder) and never ``index.html``.

    >>> report_name("ukraine-2024"), report_name(".hidden"), report_name("index.html")
    ('ukraine-2024', 'hidden', 'index.html-event')
    """
    name = event_name.lstrip(".") or "event"
    return f"{name}-event" if name.casefold() in _RESERVED_REPORT_NAMES else name


def _report_names(events: list[Path], log) -> list[str]:
    """A distinct report folder name per event: its folder name, then ``-2``, ``-3``, ... for
    the later of events with the same name (compared without case, as macOS and Windows
    file systems do), each renaming printed."""
    from .corpus import _show

    names, used = [], {}
    for event in events:
        base = report_name(event.name)
        name, k = base, 2
        while name.casefold() in used:
            name, k = f"{base}-{k}", k + 1
        if name != base:
            log(f"report: {_show(event)} has the same folder name as {_show(used[base.casefold()])}; "
                f"its report is {name}/")
        used[name.casefold()] = event
        names.append(name)
    return names


def _is_marked(folder: Path) -> bool:
    """Whether ``folder`` holds the report marker (a regular file, not a link)."""
    marker = folder / MARKER
    try:
        if marker.is_symlink() or not marker.is_file():
            return False
        with marker.open("rb") as fh:
            return fh.read(64).startswith(b"coverage-lens report ")
    except OSError:
        return False


def _marker_text() -> str:
    return (f"coverage-lens report {MARKER_VERSION}\n"
            "Made by `python -m analysis report`, which replaces a folder only if it holds this file.\n")


def _foreign_entries(target: Path) -> list[str]:
    """What a marked report folder holds that the report command does not write."""
    found = []
    for entry in sorted(target.iterdir()):
        if entry.name not in REPORT_ENTRIES or entry.is_symlink():
            found.append(entry.name)
        elif entry.name in ("full", "student", "articles"):
            if not entry.is_dir():
                found.append(entry.name)
                continue
            found += [f"{entry.name}/{p.name}" for p in sorted(entry.iterdir())
                      if p.is_symlink() or not p.is_file() or not p.name.endswith(".html")]
        elif not entry.is_file():
            found.append(entry.name)
    return found


def _check_out(out: Path, events: list[Path]) -> None:
    """``out`` must not lie in an event folder or a report folder, nor be a file."""
    from .corpus import _show

    for event in events:
        if out == event or out.is_relative_to(event):
            raise ReportError(f"--out {_show(out)}: inside the event folder {_show(event)}; a report is never "
                              "written into an event folder (its files are the raw data): choose an --out "
                              "outside it, e.g. reports/")
    for folder in (out, *out.parents):
        try:
            is_event = (folder / "manifest.csv").is_file()
        except OSError:
            is_event = False
        if is_event:
            raise ReportError(f"--out {_show(out)}: inside {_show(folder)}, which is an event folder (it has "
                              "manifest.csv); choose an --out outside every event folder")
        if _is_marked(folder):
            raise ReportError(f"--out {_show(out)}: inside the report folder {_show(folder)}; choose an --out "
                              "outside it, e.g. its parent")
    if os.path.lexists(out) and not out.is_dir():
        raise ReportError(f"--out {_show(out)}: a file, not a folder; give the folder the reports go in")


def _check_target(target: Path, events: list[Path]) -> None:
    """Raise ReportError unless ``target`` is absent or a report folder the command made."""
    from .corpus import _show

    what = "move it away or choose another --out"
    for event in events:
        if event == target or event.is_relative_to(target):
            raise ReportError(f"{_show(target)}: is or holds the event folder {_show(event)}, which the report "
                              f"would replace; choose another --out")
    try:
        if not os.path.lexists(target):
            return
        if target.is_symlink():
            raise ReportError(f"{_show(target)}: a symbolic link, which the report command never replaces; {what}")
        if not target.is_dir():
            raise ReportError(f"{_show(target)}: a file the report command did not make; {what}")
        if not _is_marked(target):
            raise ReportError(f"{_show(target)}: exists and was not made by the report command (it has no "
                              f"{MARKER} file); {what}")
        foreign = _foreign_entries(target)
    except OSError as exc:
        raise ReportError(f"{_show(target)}: cannot be checked ({exc.strerror or exc}); {what}") from None
    if foreign:
        raise ReportError(f"{_show(target)}: holds files the report command did not write "
                          f"({', '.join(map(_show, foreign[:3]))}{', ...' if len(foreign) > 3 else ''}); {what}")


def _make_folder(out: Path) -> None:
    from .corpus import _show

    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ReportError(f"--out {_show(out)}: a file stands where a folder must be; choose another --out") from None
    except OSError as exc:
        raise ReportError(f"--out {_show(out)}: cannot be created ({exc.strerror or exc}); "
                          "choose a folder you can write to") from None


def _build_one(corpus, event: Path, paths: list[Path], out: Path, target: Path, editions: list[str],
               workers: int, log) -> None:
    """Execute and write one event's report in a staging folder, then swap it in."""
    from .corpus import _show

    staging = out / f"{_STAGING}{secrets.token_hex(6)}"
    try:
        staging.mkdir()
        (staging / MARKER).write_text(_marker_text(), "utf-8")
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ReportError(f"--out {_show(out)}: cannot write there ({exc.strerror or exc}); "
                          "choose a folder you can write to") from None
    try:
        executed = _execute_all(paths, event, workers, log)
        _write_event(corpus, executed, staging, editions)
        with _interrupts_held():
            _check_target(target, [event])  # still ours (or still absent) just before the swap
            _swap_in(staging, target, out)
    except OSError as exc:
        raise ReportError(f"{_show(exc.filename or target)}: cannot be written ({exc.strerror or exc}); "
                          f"check the free space and that you may write in {_show(out)}; the previous "
                          "report is unchanged") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _interrupts_held():
    """Hold Ctrl-C during the few renames of a swap, so a report is either the old one or
    the new one, never half of each; a Ctrl-C received meanwhile is raised after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received = []
    previous = signal.signal(signal.SIGINT, lambda *_: received.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _swap_in(staging: Path, target: Path, out: Path) -> None:
    """Put ``staging`` at ``target``; a previous report there is moved aside first and
    deleted only once the new one is in place (or put back if that fails)."""
    old = None
    if os.path.lexists(target):
        old = out / f"{_OLD}{secrets.token_hex(6)}"
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _is_our_index(path: Path) -> bool:
    try:
        if path.is_symlink() or not path.is_file():
            return False
        with path.open("rb") as fh:
            return f'<meta name="generator" content="{INDEX_GENERATOR}">'.encode() in fh.read(4096)
    except OSError:
        return False


def _write_events_index(out: Path, log) -> None:
    """Write ``out/index.html`` unless a file the command did not write is there."""
    from .corpus import _show

    index = out / "index.html"
    if os.path.lexists(index) and not _is_our_index(index):
        log(f"note: {_show(index)} was not written by the report command, so it is left as it is "
            "(remove it to get an index of every report there)")
        return
    tmp = out / f"{_STAGING}index-{secrets.token_hex(6)}.html"
    try:
        tmp.write_text(events_index_html(out), "utf-8")
        os.replace(tmp, index)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"{_show(index)}: cannot be written ({exc.strerror or exc}); the event reports "
                          "are in place") from None


def events_index_html(out: Path) -> str:
    """A top-level page linking every report folder (one with the marker) found under ``out``.

    >>> "<h1>Coverage Lens reports</h1><ul></ul>" in events_index_html(Path("no/such/folder"))
    True
    """
    items = []
    folders = sorted(p for p in out.iterdir() if not p.name.startswith(".") and p.is_dir()
                     and not p.is_symlink() and _is_marked(p)) if out.is_dir() else []
    for folder in folders:
        try:
            with (folder / "index.html").open("r", encoding="utf-8", errors="replace") as fh:
                head = fh.read(65536)
        except OSError:
            continue
        title = re.search(r"<h1>(.*?)</h1>", head, re.S)
        # The title as text, escaped again: nothing from the page becomes markup here.
        label = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))) if title else folder.name
        # quote: a folder named "a#1" or "50%" must still be a path, not a fragment or an escape
        items.append(f'<li><a href="{html.escape(urllib.parse.quote(folder.name), quote=True)}/index.html">'
                     f"{html.escape(label)}</a></li>")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"generator\" content=\"{INDEX_GENERATOR}\"><title>Coverage Lens reports</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;"
            "line-height:1.6}</style></head><body><h1>Coverage Lens reports</h1><ul>"
            + "".join(items) + "</ul></body></html>\n")


def _execute_all(paths: list[Path], event: Path, workers: int, log) -> list[Executed]:
    """Execute notebooks in parallel worker processes; each prints a progress line.

    On a failure or Ctrl-C the other notebooks are stopped at once (see :func:`_stop`)."""
    results: dict[str, Executed] = {}
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        futures = {pool.submit(_run_one, str(p), str(event)): p for p in paths}
        for fut in as_completed(futures):
            p = futures[fut]
            try:
                res = fut.result()
            except BrokenProcessPool:
                raise ReportError(f"{p.name}: the process running it stopped unexpectedly (out of memory?); "
                                  "the previous report is unchanged") from None
            results[p.stem] = res
            log(f"  executed {p.name} in {res.seconds:.1f} s ({len(results)}/{len(paths)})")
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return [results[p.stem] for p in paths]


def _stop(pool: ProcessPoolExecutor, grace: float = 20.0) -> None:
    """Stop every worker: pending notebooks are cancelled and running ones get SIGTERM, on
    which nbclient shuts their kernel down; a worker still alive after ``grace`` seconds
    is killed.  So no kernel outlives the command."""
    # The report's only child processes are the pool's workers (multiprocessing's public list).
    procs = multiprocessing.active_children()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            try:
                os.kill(proc.pid, signal.SIGTERM)
            except OSError:
                pass
    deadline = time.monotonic() + grace
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)


def _write_event(corpus, executed: list[Executed], folder: Path, editions: list[str]) -> None:
    """Write both editions, the annotated articles and the index of one event into ``folder``."""
    for ed in editions:
        (folder / ed).mkdir(parents=True, exist_ok=True)
        for ex in executed:
            nav = (f'<a href="../index.html">← {html.escape(corpus.title)}</a>'
                   f'<span class="cl-edition">{ed} edition</span>')
            _write(folder / ed / f"{ex.name}.html", export_html(ex.nb, ed, nav))
    from .attribution import attributions
    from .coverage import only_here
    from .framing import characterizations, frames, size_words
    from .markup import article_pages
    from .quotes import quotes

    (folder / "articles").mkdir()
    names = page_names(corpus.ids)
    links = {}
    try:
        pages = article_pages(corpus, quotes(corpus), attributions(corpus), frames(corpus), only_here(corpus),
                              size_words(corpus), characterizations(corpus))
    except Exception as exc:  # noqa: BLE001 - an analysis failing on odd text: one line, named
        raise ReportError(f"{corpus.name or 'the event'}: the annotated article pages could not be made "
                          f"({type(exc).__name__}: {_plain(exc)}); the previous report is unchanged") from None
    for aid, page in pages.items():
        _write(folder / "articles" / names[aid], page)
        links[aid] = f"articles/{names[aid]}"
    _write(folder / "index.html", index_html(corpus, executed, editions, links))


def _write(path: Path, text: str) -> None:
    # errors="replace": a surrogate (only from text given in memory) cannot stop a report
    path.write_text(text, "utf-8", errors="replace")


def _safe(name: str) -> str:
    """A file name for an article id: letters, digits, ``-``, ``_`` and ``.`` kept."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in str(name))


# File names Windows refuses (a report is often copied there), whatever their extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def _id_hash(aid: str, n: int = 8) -> str:
    return hashlib.sha1(str(aid).encode("utf-8", "surrogatepass")).hexdigest()[:n]


def page_names(ids: list[str]) -> dict[str, str]:
    """A distinct page file name for each article id, the same in every run.

    An id that is a safe file name keeps it (``000`` -> ``000.html``).  Any other id (with a
    space, a slash, a leading dot, a reserved name, over 60 characters) gets its safe form,
    cut to 60 characters, plus the first 8 hex digits of the SHA-1 of the id; so do ids whose
    names would differ only in case or Unicode form (one file on macOS and Windows), and any
    name still shared gets 16 digits.

    >>> page_names(["000", "a/b", "a b", "a_b"])
    {'000': '000.html', 'a/b': 'a_b-3ec69c85.html', 'a b': 'a_b-7dbde935.html', 'a_b': 'a_b.html'}
    """
    def key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()

    stems = {}
    for aid in ids:
        safe = _safe(aid)
        plain = (safe == str(aid) and len(safe) <= 60 and not safe.startswith(".")
                 and safe.split(".")[0].casefold() not in _WINDOWS_RESERVED)
        stems[aid] = safe if plain else f"{safe[:60].lstrip('.') or 'article'}-{_id_hash(aid)}"
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[key(stem)] = counts.get(key(stem), 0) + 1
    for aid, stem in stems.items():
        if counts[key(stem)] > 1:  # same name but for case or Unicode form, or a crafted id
            stems[aid] = f"{_safe(aid)[:60].lstrip('.') or 'article'}-{_id_hash(aid, 16)}"
    return {aid: f"{stem}.html" for aid, stem in stems.items()}


def _notebook_title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _event_summary(corpus) -> str:
    """The first paragraph of the event's README after its title, if there is one."""
    from .corpus import _event_readme

    # The loader's reading of README.md: not through a link out of the event folder.
    paras = _event_readme(Path(corpus.path))[0].split("\n\n") if corpus.path else []
    for para in paras:
        para = para.strip()
        if para and not para.startswith(("#", "|", "-", "`")):
            return " ".join(para.split())
    return ""


def index_html(corpus, executed: list[Executed], editions: list[str], articles: dict[str, str] | None = None) -> str:
    """The event's index page: title, summary, outlets, dates, and links to every page.

    ``articles``: article id -> the href of its annotated page (see :func:`page_names`).
    """
    from .plots import outlet_colors

    a = corpus.articles
    outlets = corpus.outlet_of()
    colors = outlet_colors(outlets)
    by_label = {aid: html.escape(href, quote=True) for aid, href in (articles or {}).items()}

    def cell(value) -> str:
        return html.escape(str(value)) if isinstance(value, str) and value else "—"

    rows = "".join(
        f'<tr><td><span class="sw" style="background:{colors[outlets[aid]]}"></span>{html.escape(outlets[aid])}</td>'
        f"<td>{cell(a.at[aid, 'date'])}</td><td>{int(a.at[aid, 'n_words'])}</td>"
        f"<td>{cell(a.at[aid, 'credit'])}</td>"
        f'<td>{f"<a href={chr(34)}{by_label[aid]}{chr(34)}>article {html.escape(aid)}</a>" if aid in by_label else html.escape(aid)}</td></tr>'
        for aid in corpus.ids)
    nb_rows = ""
    for ex in executed:
        title = html.escape(_notebook_title(ex.nb, ex.name))
        links = " ".join(f'<a class="btn" href="{ed}/{ex.name}.html">{ed}</a>' for ed in editions)
        nb_rows += f"<tr><td>{title}</td><td>{links}</td></tr>"
    dates = sorted({d for d in a["date"] if isinstance(d, str) and d})
    span = f"{dates[0]} to {dates[-1]}" if len(dates) > 1 else (dates[0] if dates else "dates not stated")
    summary = _event_summary(corpus)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{EVENT_GENERATOR}">
<title>{html.escape(corpus.title)} · Coverage Lens</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.55; color: #111; }}
h1 {{ margin-bottom: .25rem; }} .sub {{ color: #555; margin-top: 0; }}
table {{ border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }}
td, th {{ padding: .4rem .75rem; border-bottom: 1px solid #ddd; text-align: left; }}
th {{ background: #f4f4f4; }}
.sw {{ display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .5em; vertical-align: -0.1em; }}
a.btn {{ display: inline-block; padding: .15rem .6rem; border: 1px solid #0072B2; border-radius: 4px; margin-right: .4rem; text-decoration: none; color: #0072B2; }}
a.btn:hover {{ background: #0072B2; color: white; }}
.note {{ background: #f7f7f7; border-left: 4px solid #999; padding: .5rem 1rem; }}
</style>
</head><body>
<h1>{html.escape(corpus.title)}</h1>
<p class="sub">Coverage Lens report · {len(corpus)} articles · {len(set(outlets))} outlets · {html.escape(span)} · built {time.strftime('%Y-%m-%d')}</p>
{f"<p>{html.escape(summary)}</p>" if summary else ""}
<h2>The articles</h2>
<table><thead><tr><th>Outlet</th><th>Date</th><th>Body words</th><th>Credit in text</th><th>Annotated page</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>The notebooks</h2>
<p class="note"><strong>full</strong>: with the code and the answers, for researchers and teachers.
<strong>student</strong>: no code and no answers, for the class.</p>
<table><thead><tr><th>Chapter</th><th>Editions</th></tr></thead><tbody>{nb_rows}</tbody></table>
</body></html>
"""

