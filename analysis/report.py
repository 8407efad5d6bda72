"""Render an event's notebooks into an HTML report: a full and a student edition, offline.

Each notebook is executed once (nbclient) with ``EVENT`` injected after its ``parameters``
cell (the papermill convention), then exported twice (nbconvert): ``full/`` keeps the code,
``student/`` drops every code input and every cell tagged ``solution`` or ``remove-cell``.
Exporting after executing is deliberate: nbconvert ignores removal tags when it executes
itself (nbconvert #1300).  The pages use a template without CDN scripts and embed their
images, so the report opens from disk with no network.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ReportError", "build_report", "notebook_paths", "execute_notebook", "export_html"]

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
STUDENT_REMOVE_TAGS = ("solution", "remove-cell")


class ReportError(RuntimeError):
    """A notebook failed; the message names the notebook and the cell."""


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
    """Execute one notebook for an event, in the notebook's folder; raise ReportError on failure."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, EVENT=str(Path(event).resolve()))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        where = f"cell {index}" if index is not None else "a cell"
        first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ReportError(f"{path.name}: {where} failed: {first_line}") from None
    except Exception as exc:  # kernel died, timeout, ...
        raise ReportError(f"{path.name}: execution failed: {type(exc).__name__}: {exc}") from None
    return Executed(path.stem, nb, time.perf_counter() - start)


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
    return execute_notebook(path, event)


def build_report(events: list[Path | str], out: Path | str = "reports", edition: str = "both",
                 notebooks: list[Path] | None = None, workers: int | None = None,
                 log=print) -> Path:
    """Build the report for each event under ``out/<event name>/``; returns ``out``.

    The new report is written to a temporary folder and moved into place only when every
    notebook succeeded, so a failure never leaves a half-written report in place of the
    previous one.
    """
    editions = ["full", "student"] if edition == "both" else [edition]
    if any(e not in ("full", "student") for e in editions):
        raise ReportError(f"unknown edition {edition!r}: use full, student or both")
    out = Path(out)
    paths = list(notebooks) if notebooks else notebook_paths()
    if not paths:
        raise ReportError(f"no numbered notebooks found in {NOTEBOOK_DIR}")
    workers = workers or max(1, min(len(paths), os.cpu_count() or 1))
    out.mkdir(parents=True, exist_ok=True)
    for event in events:
        event = Path(event)
        from .corpus import load_event

        corpus = load_event(event)  # fail early, with the loader's clear message
        staging = Path(tempfile.mkdtemp(prefix=f".{event.name}-", dir=out))
        try:
            executed = _execute_all(paths, event, workers, log)
            _write_event(corpus, executed, staging, editions)
            target = out / event.name
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        log(f"report: {target / 'index.html'}")
    (out / "index.html").write_text(events_index_html(out), "utf-8")
    return out


def events_index_html(out: Path) -> str:
    """A top-level page linking every event report found under ``out``."""
    items = []
    for index in sorted(out.glob("*/index.html")):
        title = re.search(r"<h1>(.*?)</h1>", index.read_text("utf-8"), re.S)
        label = title.group(1) if title else html.escape(index.parent.name)
        items.append(f'<li><a href="{html.escape(index.parent.name)}/index.html">{label}</a></li>')
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Coverage Lens reports</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;"
            "line-height:1.6}</style></head><body><h1>Coverage Lens reports</h1><ul>"
            + "".join(items) + "</ul></body></html>\n")


def _execute_all(paths: list[Path], event: Path, workers: int, log) -> list[Executed]:
    """Execute notebooks in parallel worker processes; each prints a progress line."""
    results: dict[str, Executed] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_run_one, str(p), str(event)): p for p in paths}
        for fut in as_completed(futures):
            p = futures[fut]
            try:
                res = fut.result()
            except ReportError:
                for f in futures:
                    f.cancel()
                raise
            results[p.stem] = res
            log(f"  executed {p.name} in {res.seconds:.1f} s ({len(results)}/{len(paths)})")
    return [results[p.stem] for p in paths]


def _write_event(corpus, executed: list[Executed], folder: Path, editions: list[str]) -> None:
    """Write both editions, the annotated articles and the index of one event into ``folder``."""
    for ed in editions:
        (folder / ed).mkdir(parents=True, exist_ok=True)
        for ex in executed:
            nav = (f'<a href="../index.html">← {html.escape(corpus.title)}</a>'
                   f'<span class="cl-edition">{ed} edition</span>')
            (folder / ed / f"{ex.name}.html").write_text(export_html(ex.nb, ed, nav), "utf-8")
    from .attribution import attributions
    from .framing import frames
    from .markup import article_pages
    from .quotes import quotes

    (folder / "articles").mkdir()
    links = []
    for aid, page in article_pages(corpus, quotes(corpus), attributions(corpus), frames(corpus)).items():
        name = f"{_safe(aid)}.html"
        (folder / "articles" / name).write_text(page, "utf-8")
        links.append((f"{aid} · {corpus.outlet_of()[aid]}", f"articles/{name}"))
    (folder / "index.html").write_text(index_html(corpus, executed, editions, links), "utf-8")


def _safe(name: str) -> str:
    """A file name for an article id."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in str(name))


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


def index_html(corpus, executed: list[Executed], editions: list[str], articles: list[tuple[str, str]] = ()) -> str:
    """The event's index page: title, summary, outlets, dates, and links to every page."""
    from .plots import outlet_colors

    a = corpus.articles
    outlets = corpus.outlet_of()
    colors = outlet_colors(outlets)
    by_label = {label.split(" · ")[0]: href for label, href in articles}

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

