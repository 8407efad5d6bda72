"""Render an event's notebooks into an HTML report: a full and a student edition, offline.

The event is loaded once and every analysis the chapters and the annotated pages use is
computed once (:func:`fill_memo`), in this process; the corpus with its memo is written to a
cache file in the staging folder (:mod:`analysis.cache`).  Each notebook is then executed
once (nbclient, in its own kernel) with ``EVENT`` and ``CACHE`` injected after its
``parameters`` cell (the papermill convention); ``an.load_event(EVENT, cache=CACHE)`` in the
notebook reads the computed corpus back, so nothing is computed twice.  Each executed
notebook is exported twice (nbconvert): ``full/`` keeps the code and shows the injected
parameters (the event actually used), ``student/`` drops every code input and every cell
tagged ``solution`` or ``remove-cell``.  Exporting after executing is deliberate: nbconvert
ignores removal tags when it executes itself (nbconvert #1300).  The pages use a template
without CDN scripts and embed their images, so the report opens from disk with no network.
Page names, titles, navigation and the index pages are :mod:`analysis.pages`.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .pages import EVENT_GENERATOR, Chapter, article_nav, chapter_nav, chapter_title, index_html, page_names, page_title
from .pages import event_summary as _event_summary  # noqa: F401 - kept importable from here
from .pages import student_index_html

__all__ = ["ReportError", "ReportInterrupted", "build_report", "notebook_paths", "execute_notebook",
           "export_html", "fill_memo", "page_names", "report_analyses"]

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
STUDENT_REMOVE_TAGS = ("solution", "remove-cell")

#: The cache of the computed corpus, in the staging folder while the notebooks run.
CACHE_NAME = ".coverage-lens-corpus.cache"

#: Every report folder holds this file: the report command replaces only folders that do.
MARKER = ".coverage-lens-report"
MARKER_VERSION = 1
#: What a report folder holds; anything else in it was not written by the tool.
REPORT_ENTRIES = {MARKER, "index.html", "full", "student", "articles"}
# The <meta name="generator"> of the pages the tool writes: the top-level index may replace
# only a file that carries its own.
INDEX_GENERATOR = "coverage-lens reports index"
EVENT_GENERATOR = EVENT_GENERATOR  # the event index's (analysis.pages)
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


def inject_parameters(nb, shown: str | None = None, **params) -> None:
    """Insert a cell setting ``params`` after the cell tagged ``parameters`` (papermill style).

    The cell is tagged ``injected-parameters``: the full edition shows it in place of the
    notebook's own ``parameters`` cell (so a reader sees the event actually used), with
    ``shown`` as its text if given (the same parameters, written for a reader); the student
    edition shows neither.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("EVENT = 'x'")])
    >>> nb.cells[0].metadata["tags"] = ["parameters"]
    >>> inject_parameters(nb, EVENT="/data/e", CACHE=None); nb.cells[1].source
    "# Parameters\\nEVENT = '/data/e'\\nCACHE = None"
    """
    import nbformat

    src = "# Parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = ["injected-parameters"]
    if shown is not None:
        cell.metadata["coverage_lens"] = {"shown_source": shown}
    at = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), 0)
    nb.cells.insert(at, cell)


def shown_parameters(event: Path | str, notebook_dir: Path | str = NOTEBOOK_DIR) -> str:
    """The injected parameters as the full edition shows them: the event as a path from the
    notebook's folder when it lies in this project (a reader can re-run the chapter with it),
    else its full path; the cache, which is gone once the report is built, as ``None``.

    >>> print(shown_parameters(NOTEBOOK_DIR.parent / "data" / "events" / "storm"))
    # Parameters of this report (injected by `python -m analysis report`)
    EVENT = '../data/events/storm'
    CACHE = None  # the report passed its precomputed analyses of this event; None computes them here
    """
    event = Path(event).resolve()
    root = Path(notebook_dir).resolve().parent
    shown = os.path.relpath(event, notebook_dir) if event.is_relative_to(root) else str(event)
    return ("# Parameters of this report (injected by `python -m analysis report`)\n"
            f"EVENT = {shown!r}\n"
            "CACHE = None  # the report passed its precomputed analyses of this event; None computes them here")


#: The first cell the report runs in each kernel (removed from both editions): it imports the
#: library while the report is still computing, then waits (at most 10 minutes) until the
#: report's cache is written; so starting kernels overlaps with computing the analyses.  It
#: also notes the kernel's state as it starts (:func:`kernel_snapshot`).
WARM_UP = """# Coverage Lens report: import the library, then wait for the report's cache
import os as _cl_os, time as _cl_time
import analysis as _cl_an, analysis.plots as _cl_plots, matplotlib.pyplot as _cl_plt
import analysis.report as _cl_report
_cl_report.kernel_snapshot()
_cl_start = _cl_time.monotonic()
while {wait!r} and not _cl_os.path.exists({wait!r}) and _cl_time.monotonic() - _cl_start < 600:
    _cl_time.sleep(0.05)
del _cl_os, _cl_time, _cl_an, _cl_plots, _cl_plt, _cl_report, _cl_start"""

#: The first cell of every later notebook a report runs in the same kernel (removed from both
#: editions): the kernel goes back to the state :func:`kernel_snapshot` noted, so a notebook
#: sees nothing the one before it left (its variables, figures, warning filters, settings).
RESET = """# Coverage Lens report: the kernel as it started, for the next notebook
import analysis.report as _cl_report
_cl_report.kernel_reset()"""

_INJECTED = ("injected-parameters", "injected-warm-up")


def execute_notebook(path: Path | str, event: Path | str, timeout: int = 600,
                     cache: Path | str | None = None, wait_for_cache: bool = False,
                     session: "KernelSession | None" = None) -> Executed:
    """Execute one notebook for an event, in the notebook's folder; raise ReportError on failure.

    ``cache``: the report's cache of the computed corpus, passed to the notebook as
    ``CACHE`` (see :func:`analysis.load_event`); with ``wait_for_cache``, the kernel first
    imports the library and waits until that file exists (:data:`WARM_UP`), so the report
    can start kernels before it has written the cache.  The kernel talks to this process over
    Unix sockets in a private temporary folder where the platform has them (no TCP port
    open to other users of the machine, and no "running over TCP without encryption"
    warning), else over TCP on localhost.

    ``session``: a :class:`KernelSession` whose kernel runs the notebook (started for the
    first notebook, reset before each later one); by default the notebook gets a kernel of
    its own, shut down when it ends.

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
    inject_parameters(nb, shown=shown_parameters(event, path.parent), EVENT=str(Path(event).resolve()),
                      CACHE=str(cache) if cache is not None else None)
    reused = session is not None and session.started
    waits = wait_for_cache and cache is not None
    if reused or waits or session is not None:  # a session's first kernel notes its state (WARM_UP)
        warm = nbformat.v4.new_code_cell(RESET if reused else WARM_UP.format(wait=str(cache) if waits else ""))
        warm.metadata["tags"] = ["injected-warm-up", "remove-cell"]
        nb.cells.insert(0, warm)
    start = time.perf_counter()
    try:
        if session is not None:
            session.run(nb, path.parent, timeout)
        else:
            with _kernel_transport() as transport:
                KernelSession(transport).run(nb, path.parent, timeout, keep=False)
    except CellExecutionError as exc:
        raise ReportError(failure_message(path.name, nb, f"{exc.ename}: {exc.evalue}")) from None
    except Exception as exc:  # kernel died, timeout, ...
        raise ReportError(f"{path.name}: execution failed: {type(exc).__name__}: {_plain(exc)}") from None
    return Executed(path.stem, nb, time.perf_counter() - start)


class KernelSession:
    """One kernel that runs notebooks one after another, so a report starts a kernel (and
    imports the library in it) once per worker rather than once per notebook.

    The first notebook starts the kernel; each later one is given :data:`RESET` as its first
    cell (by :func:`execute_notebook`), which puts the kernel back as it started.
    :meth:`close` shuts the kernel down; so does nbclient itself when a notebook is stopped
    (Ctrl-C, SIGTERM) or its kernel dies, after which the session starts no new kernel.
    ``transport``: the keyword arguments of :func:`_kernel_transport`.
    """

    def __init__(self, transport: dict) -> None:
        self.transport = transport
        self.km = None
        self.started = False

    def run(self, nb, folder: Path, timeout: int, keep: bool = True) -> None:
        """Execute ``nb`` in the session's kernel (``keep=False``: and shut it down after)."""
        from nbclient import NotebookClient

        if self.started and self.km is None:
            raise RuntimeError("the kernel of the previous notebook was shut down")
        # shutdown_kernel="immediate": the kernel is killed once the notebooks end or are stopped
        # (Ctrl-C), rather than asked to stop, which a kernel busy in a cell answers with a traceback.
        client = NotebookClient(nb, km=self.km, timeout=timeout, kernel_name="python3",
                                shutdown_kernel="immediate", resources={"metadata": {"path": str(folder)}},
                                **self.transport)
        self.started = True
        try:
            client.execute(cleanup_kc=not keep)
        except BaseException:
            self.km = client.km
            self.close()
            raise
        self.km = client.km
        if client.kc is not None:
            client.kc.stop_channels()  # the next notebook opens its own channels to the kernel
        if not keep:
            self.km = None

    def close(self) -> None:
        """Shut the kernel down now (if it still runs) and remove its connection files."""
        from nbclient.util import ensure_async, run_sync

        km, self.km = self.km, None
        if km is None:
            return

        async def shut_down() -> None:  # (nbclient's kernel manager is asynchronous)
            try:
                if await ensure_async(km.is_alive()):
                    await ensure_async(km.shutdown_kernel(now=True))
            except RuntimeError:  # "No kernel is running!": nothing to stop
                pass
            finally:
                await ensure_async(km.cleanup_resources())

        run_sync(shut_down)()


_KERNEL_START: dict = {}


def kernel_snapshot() -> None:
    """In a report's kernel, as it starts: note what :func:`kernel_reset` restores (warning
    filters, matplotlib settings, the working folder, the module search path)."""
    import matplotlib

    # (not the backend and interactive mode: IPython's inline backend sets them when the first
    # figure is drawn, and putting them back would stop figures from showing)
    rc = {k: v for k, v in matplotlib.rcParams.items() if k not in ("backend", "interactive")}
    _KERNEL_START.update(rc=rc, cwd=os.getcwd(), path=list(sys.path))
    # catch_warnings saves the filters as they are and restores them on exit: the public way
    # to put them back (kernel_reset leaves it and enters a new one for the next notebook).
    _KERNEL_START["warnings"] = warnings.catch_warnings()
    _KERNEL_START["warnings"].__enter__()


def kernel_reset() -> None:
    """In a report's kernel, between two notebooks: every variable the last one made is
    deleted and its figures closed; warning filters, matplotlib settings, the working folder
    and the module search path are as :func:`kernel_snapshot` noted them.  (Imported modules
    stay imported: that is the point of reusing the kernel.  The library keeps no state that
    one notebook's calls change for the next: its caches are of pure functions.)"""
    import matplotlib
    import matplotlib.pyplot as plt
    from IPython import get_ipython

    plt.close("all")
    if _KERNEL_START:
        _KERNEL_START["warnings"].__exit__(None, None, None)
        _KERNEL_START["warnings"] = warnings.catch_warnings()
        _KERNEL_START["warnings"].__enter__()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # (setting a deprecated rcParam warns)
            matplotlib.rcParams.update(_KERNEL_START["rc"])
        os.chdir(_KERNEL_START["cwd"])
        sys.path[:] = _KERNEL_START["path"]
    shell = get_ipython()
    if shell is not None:
        shell.reset(new_session=False)


@contextmanager
def _kernel_transport():
    """Keyword arguments for NotebookClient that make its kernel use IPC (Unix sockets) in
    a private temporary folder, removed afterwards; none on a platform without them."""
    if sys.platform.startswith("win"):
        yield {}
        return
    from traitlets.config import Config

    with tempfile.TemporaryDirectory(prefix="cl-kernel-") as tmp:  # mode 0700: this user only
        cfg = Config()
        cfg.KernelManager.transport = "ipc"
        cfg.KernelManager.ip = os.path.join(tmp, "k")  # sockets k-<n>, inside the private folder
        yield {"config": cfg}


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
        tags = cell.metadata.get("tags", [])
        injected = any(t in tags for t in _INJECTED)
        number += 0 if injected else 1
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            what = "warm-up" if "injected-warm-up" in tags else "parameters"
            where = f"the injected {what} cell" if injected else f"cell {number}"
            first = _plain(cell.source)
            starts = f" (the cell starts: {first[:60]}{'…' if len(first) > 60 else ''})" if first else ""
            return f"{name}: {where} failed: {_plain(error) or 'an error'}{starts}"
    return f"{name}: a cell failed: {_plain(error) or 'an error'}"


_WARNING_LINE = re.compile(r"^[^\n]*?:\d+: (?:[A-Za-z_][\w.]*)?Warning: ([^\n]*)\n(?:  [^\n]*\n)?", re.M)


def plain_warnings(text: str) -> str:
    """A cell's stderr with Python's warning lines as plain notes: no path of a temporary
    kernel file, no line number, no echoed code line (what a reader of a page can use).

    >>> plain_warnings("/tmp/ipykernel_1/2.py:1: WordingWarning: no content words\\n  terms = f(c)\\n")
    'Note: no content words\\n'
    """
    return _WARNING_LINE.sub(lambda m: f"Note: {m.group(1)}\n", text)


def _for_edition(nb, edition: str):
    """A copy of an executed notebook as ``edition`` shows it: the full edition shows the
    injected parameters (as written for a reader) instead of the notebook's own defaults;
    the student edition shows neither."""
    import copy

    nb = copy.deepcopy(nb)
    keep = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "injected-warm-up" in tags:
            continue
        if "parameters" in tags and any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells):
            continue  # the defaults, overridden by the injected cell
        if "injected-parameters" in tags:
            if edition == "student":
                continue
            shown = cell.metadata.get("coverage_lens", {}).get("shown_source")
            if shown:
                cell.source = shown
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                out["text"] = plain_warnings(out.get("text", ""))
        keep.append(cell)
    # Numbered as a reader running the shown cells would see them: In [1], In [2], ...
    count = 0
    for cell in keep:
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
    nb.cells = keep
    return nb


def export_html(nb, edition: str, nav: str = "", title: str = "") -> str:
    """HTML for one executed notebook; ``edition`` is ``full`` or ``student``.

    ``nav``: the navigation bar's HTML (:func:`analysis.pages.chapter_nav`); ``title``: the
    page's ``<title>`` text (:func:`analysis.pages.page_title`), escaped here.  Outputs'
    images are always embedded (``data:`` URLs); a Markdown cell's image is embedded too.
    """
    nb = _for_edition(nb, edition)
    if title:
        nb.metadata["title"] = title
    body, _ = _exporter(edition, _has_markdown_image(nb)).from_notebook_node(
        nb, resources={"cl_nav": nav, "cl_edition": edition})
    return body


def _has_markdown_image(nb) -> bool:
    return any(c.cell_type == "markdown" and ("![" in c.source or "<img" in c.source.lower()) for c in nb.cells)


_EXPORTERS: dict = {}


def _exporter(edition: str, embed_images: bool):
    """One HTMLExporter per edition, made once per process (its templates are compiled once).

    ``embed_images``: embed the images Markdown cells link (nbconvert then parses the whole
    page again, which only a page with such an image needs)."""
    key = (edition, embed_images)
    if key in _EXPORTERS:
        return _EXPORTERS[key]
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

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
                            template_name="offline", embed_images=embed_images)
    exporter.register_preprocessor(TagRemovePreprocessor(config=cfg), enabled=True)
    _EXPORTERS[key] = exporter
    return exporter


_QUEUES: dict = {}  # in each notebook worker: the queues of notebooks to run and of news


def _worker_init(tasks=None, news=None) -> None:
    """In each notebook worker: Ctrl-C is for the main process, which stops the workers
    itself (an idle worker would otherwise die printing a traceback); SIGTERM (how the main
    process stops a worker) ends the worker through its ``finally`` clauses, so its kernel
    is shut down.  ``tasks``/``news``: the queues of :func:`_run_queue`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_term)
    _QUEUES.update(tasks=tasks, news=news)


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _run_queue(event: str, cache: str | None = None) -> int:
    """In a notebook worker: run notebooks taken from the task queue, one after another in
    one kernel (:class:`KernelSession`), until its end mark (None); returns how many it ran.

    Before each notebook its name goes to the news queue as ``("started", name)``, and the
    :class:`Executed` notebook after it; so the main process exports each notebook while the
    others run and, should the worker die, knows which notebook it was running."""
    tasks, news = _QUEUES["tasks"], _QUEUES["news"]
    done = 0
    with _kernel_transport() as transport:
        session = KernelSession(transport)
        try:
            while True:
                # A blocking get, ended by the None the main process puts after the notebooks
                # (one per worker): a queue's items reach it through a feeder thread, so
                # "empty now" would not mean "none left".
                path = tasks.get()
                if path is None:
                    return done
                news.put(("started", Path(path).stem))
                try:
                    news.put(execute_notebook(path, event, cache=cache, wait_for_cache=cache is not None,
                                              session=session))
                finally:
                    # nbclient handles Ctrl-C and SIGTERM while a notebook runs (it shuts the kernel
                    # down) and then restores the default handlers; between notebooks this worker does.
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.signal(signal.SIGTERM, _exit_on_term)
                done += 1
        finally:
            session.close()


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
    paths = [Path(p) for p in notebooks] if notebooks else notebook_paths()
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
    """Compute, execute and write one event's report in a staging folder, then swap it in.

    The corpus's analyses are computed once here (:func:`fill_memo`) and written to a cache
    in the staging folder, which every notebook reads (``CACHE``); the annotated pages use
    the same corpus.  The cache is removed before the folder is swapped in."""
    from .cache import event_digest, write_cache
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
        cache = staging / CACHE_NAME
        writer = _EventWriter(corpus, staging, editions, [_chapter(p) for p in paths])

        def compute() -> None:  # while the first kernels start and import the library
            fill_memo(corpus, log)
            write_cache(corpus, cache, digest=event_digest(event))
            writer.articles()

        _execute_all(paths, event, workers, log, cache=cache, on_done=writer.chapter, meanwhile=compute)
        writer.indexes()
        cache.unlink()
        with _interrupts_held():
            _check_target(target, [event])  # still ours (or still absent) just before the swap
            _swap_in(staging, target, out)
    except OSError as exc:
        raise ReportError(f"{_show(exc.filename or target)}: cannot be written ({exc.strerror or exc}); "
                          f"check the free space and that you may write in {_show(out)}; the previous "
                          "report is unchanged") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _chapter(path: Path) -> Chapter:
    """A chapter's name and short title, read from the notebook (before it runs; as plain
    JSON, which is quicker than nbformat's validation: execute_notebook validates it)."""
    import json

    import nbformat

    try:
        cells = [nbformat.from_dict(c) for c in json.loads(path.read_text("utf-8")).get("cells", [])
                 if isinstance(c, dict)]
        for cell in cells:
            if isinstance(cell.get("source"), list):
                cell.source = "".join(cell.source)
        nb = nbformat.v4.new_notebook(cells=[c for c in cells if isinstance(c.get("source"), str)])
    except Exception:  # noqa: BLE001 - execute_notebook says what is wrong with it
        nb = nbformat.v4.new_notebook()
    return Chapter(path.stem, chapter_title(nb, path.stem))


def report_analyses() -> list[tuple[str, object]]:
    """``(label, call)`` for every analysis the chapters and annotated pages use, called as
    they call it (same arguments, so the memo serves them), then every other public analysis
    the memo keeps (decorated with :func:`analysis.corpus.memoized`) that needs only the corpus.

    >>> [label for label, _ in report_analyses()][:3]
    ['overview', 'edit_summary', 'edit_summary wide']
    """
    import analysis as an

    calls = [
        ("overview", lambda c: an.overview(c)),
        ("edit_summary", lambda c: an.edit_summary(c)),
        ("edit_summary wide", lambda c: an.edit_summary(c, form="wide")),
        ("quotes", lambda c: an.quotes(c)),
        ("attributions", lambda c: an.attributions(c)),
        ("quote_summary", lambda c: an.quote_summary(c)),
        ("quote_variants", lambda c: an.quote_variants(c)),
        ("frames", lambda c: an.frames(c)),
        ("frame_scores", lambda c: an.frame_scores(c)),
        ("characterizations", lambda c: an.characterizations(c)),
        ("readability", lambda c: an.readability(c)),
        ("sentence_readability", lambda c: an.sentence_readability(c)),
        ("textstat_stock", lambda c: an.textstat_stock(c)),
        ("distinctive_terms", lambda c: an.distinctive_terms(c)),
        ("naming_variants", lambda c: an.naming_variants(c)),
        ("similarity", lambda c: an.similarity(c)),
        ("similarity shingles", lambda c: an.similarity(c, method="shingles")),
        ("follows", lambda c: an.follows(c)),
        ("shared_passages", lambda c: an.shared_passages(c)),
        ("ledes", lambda c: an.ledes(c)),
    ]
    # Sizing words and coverage (claims, facts across articles, what one article alone
    # states) where the library has them.
    calls += [(name, (lambda f: lambda c: f(c))(getattr(an, name)))
              for name in ("size_words", "claims", "coverage", "coverage_matrix", "discrepancies", "only_here")
              if callable(getattr(an, name, None))]
    if callable(getattr(an, "coverage_matrix", None)):
        calls.append(("coverage_matrix long", lambda c: an.coverage_matrix(c, form="long")))
    # And every other public analysis the memo keeps that needs nothing but the corpus, so a
    # chapter calling one the list above does not name reads it from the cache too.
    named = {label.split()[0] for label, _ in calls}
    for name in an.__all__:
        func = getattr(an, name, None)
        if name not in named and getattr(func, "memoized", False) and _corpus_only(func):
            calls.append((name, func))
    return calls


def _corpus_only(func) -> bool:
    """Whether ``func(corpus)`` is a complete call: every other parameter has a default."""
    import inspect

    try:
        params = list(inspect.signature(func).parameters.values())[1:]
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)


def fill_memo(corpus, log=print) -> list[str]:
    """Compute every analysis the report's chapters and annotated pages use, once, into the
    corpus's memo (the public functions keep their results there); returns the labels of
    those that failed.

    A failing analysis is left out with a note: the chapter that uses it computes it again
    and reports the error at its cell, as it would without the report.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "“We act,” Smith said.", "b": "Officials said so."})
    >>> fill_memo(c, log=lambda *_: None), len(c._memo) >= 15
    ([], True)
    """
    failed = []
    for label, call in report_analyses():
        try:
            with warnings.catch_warnings():
                # Kept with each result (see analysis.corpus.memoized): the chapter using it shows them.
                warnings.simplefilter("ignore")
                call(corpus)
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # noqa: BLE001 - the chapter using it will say, at its cell
            failed.append(label)
            log(f"  note: {label} failed on this event ({type(exc).__name__}: {_plain(exc)}); "
                "the chapters that use it will compute it again")
    return failed


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


def _execute_all(paths: list[Path], event: Path, workers: int, log, cache: Path | None = None,
                 on_done=None, meanwhile=None) -> list[Executed]:
    """Execute notebooks in parallel worker processes; one progress line per notebook.

    Each worker runs notebooks from a shared queue in one kernel of its own (see
    :func:`_run_queue`), the largest first, so the last to finish is short.  ``meanwhile()``
    runs in this process once the workers are started (their kernels wait for ``cache`` to
    exist); ``on_done(executed)`` is called here as each notebook finishes (the report
    exports it while the others run).  On a failure or Ctrl-C the other notebooks are
    stopped at once (see :func:`_stop`)."""
    import queue

    import nbclient  # noqa: F401 - imported once here, the forked workers share it (about 1 s each)

    ctx = multiprocessing.get_context()
    tasks, news = ctx.Queue(), ctx.Queue()
    for p in sorted(paths, key=lambda p: -_size(p)):
        tasks.put(str(p))
    for _ in range(workers):
        tasks.put(None)  # one end mark per worker (see _run_queue)
    by_stem = {p.stem: p for p in paths}
    results: dict[str, Executed] = {}
    running: set[str] = set()
    width = max(len(p.name) for p in paths)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(tasks, news))
    try:
        futures = [pool.submit(_run_queue, str(event), str(cache) if cache else None) for _ in range(workers)]
        if meanwhile is not None:
            meanwhile()
        while len(results) < len(paths):
            try:
                item = news.get(timeout=0.1)
            except queue.Empty:
                _raise_failed(futures, running, by_stem)
                continue
            if isinstance(item, tuple):
                running.add(item[1])
                continue
            running.discard(item.name)
            results[item.name] = item
            log(f"  [{len(results)}/{len(paths)}] {by_stem[item.name].name:<{width}}  {item.seconds:5.1f} s")
            if on_done is not None:
                on_done(item)
        for fut in futures:
            fut.result()
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return [results[p.stem] for p in paths]


def _raise_failed(futures, running: set[str], by_stem: dict[str, Path]) -> None:
    """Raise the error of a worker that stopped: a notebook's ReportError as it is, a worker
    process that died as a ReportError naming the notebook it was running."""
    for fut in futures:
        if not fut.done():
            continue
        try:
            fut.result()
        except BrokenProcessPool:
            names = ", ".join(by_stem[n].name for n in sorted(running)) or "a notebook"
            raise ReportError(f"{names}: the process running it stopped unexpectedly (out of memory?); "
                              "the previous report is unchanged") from None
    if all(fut.done() for fut in futures) and not running:
        # (every worker ended and none is running a notebook: nothing more will come)
        raise ReportError("the notebook workers ended before every notebook was run; the previous report is unchanged")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


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


class _EventWriter:
    """Writes one event's pages into its staging folder: the annotated articles, each
    chapter in each edition as it finishes, then the two index pages."""

    def __init__(self, corpus, folder: Path, editions: list[str], chapters: list[Chapter]) -> None:
        self.corpus, self.folder, self.editions, self.chapters = corpus, folder, editions, chapters
        self.names = page_names(corpus.ids)
        self.links: dict[str, str] = {}
        for ed in editions:
            (folder / ed).mkdir(parents=True, exist_ok=True)

    def articles(self) -> None:
        """The annotated pages, from the analyses the corpus has computed (its memo)."""
        from .attribution import attributions
        from .coverage import only_here
        from .framing import characterizations, frames, size_words
        from .markup import article_page
        from .quotes import quotes

        corpus = self.corpus
        (self.folder / "articles").mkdir()
        try:
            layers = dict(quotes=quotes(corpus), attributions=attributions(corpus), frames=frames(corpus),
                          only_here=only_here(corpus), size_words=size_words(corpus),
                          characterizations=characterizations(corpus))
            for i, aid in enumerate(corpus.ids):
                nav = article_nav(corpus, self.names, i, student_index="student" in self.editions)
                _write(self.folder / "articles" / self.names[aid], article_page(corpus, aid, nav=nav, **layers))
                self.links[aid] = f"articles/{self.names[aid]}"
        except Exception as exc:  # noqa: BLE001 - an analysis failing on odd text: one line, named
            raise ReportError(f"{corpus.name or 'the event'}: the annotated article pages could not be made "
                              f"({type(exc).__name__}: {_plain(exc)}); the previous report is unchanged") from None

    def chapter(self, ex: Executed) -> None:
        """One executed notebook, exported to each edition."""
        i = next(k for k, ch in enumerate(self.chapters) if ch.name == ex.name)
        for ed in self.editions:
            nav = chapter_nav(self.chapters, i, ed, self.corpus.title)
            title = page_title(self.chapters[i].title, ed, self.corpus.title)
            _write(self.folder / ed / f"{ex.name}.html", export_html(ex.nb, ed, nav, title))

    def indexes(self) -> None:
        """The report's index (every page) and, with the student edition, the student index."""
        _write(self.folder / "index.html", index_html(self.corpus, self.chapters, self.editions, self.links))
        if "student" in self.editions:
            _write(self.folder / "student" / "index.html", student_index_html(self.corpus, self.chapters, self.links))


def _write(path: Path, text: str) -> None:
    # errors="replace": a surrogate (only from text given in memory) cannot stop a report
    path.write_text(text, "utf-8", errors="replace")



