"""Command line.

``python -m analysis report [EVENT_DIR ...] [--out DIR] [--edition full|student|both] [--workers N]``
``python -m analysis pack EVENT_DIR [--out DIR] [--blind]``
``python -m analysis new-event NAME FILE... [--root DIR]``

Every problem is one line on stderr (``error: <path>: <what is wrong and what to do>``),
exit status 1; a warning is one line (``warning: ...``); Ctrl-C exits with status 130 and
says what was left as it was.  Set ``COVERAGE_LENS_DEBUG=1`` for a traceback instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

DEFAULT_EVENT = Path(__file__).resolve().parents[1] / "data" / "events" / "ukraine-weapons-2024-05"


def _workers_number(value: str) -> int:
    """``--workers``: a whole number; build_report says, in one line, if it is below 1."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings as one line each, without the library's source line."""
    print(f"warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    >>> main(["report", "--workers", "0"])  # doctest: +SKIP
    1
    """
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Coverage Lens")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="render the notebooks of one or more events into HTML")
    rep.add_argument("events", nargs="*", type=Path, help="event folders (default: the sample event)")
    rep.add_argument("--out", type=Path, default=Path("reports"), help="output folder (default: reports)")
    rep.add_argument("--edition", choices=["full", "student", "both"], default="both")
    rep.add_argument("--workers", type=_workers_number, default=None,
                     help="notebooks run in parallel (default and most: one per core)")
    pack = sub.add_parser("pack", help="write the printable teacher pack (worksheet and answer key, PDF)")
    pack.add_argument("event", nargs="?", type=Path, help="the event folder (default: the sample event)")
    pack.add_argument("--out", type=Path, default=Path("reports"),
                      help="the pack goes in OUT/<event>-pack/ (default: reports)")
    pack.add_argument("--blind", action="store_true",
                      help="outlets as letters (Outlet A, B, ...) in the worksheet; the key says which is which")
    new = sub.add_parser("new-event", help="make an event folder from .txt or .html files")
    new.add_argument("name", help="folder name, e.g. city-budget-2025-03")
    new.add_argument("files", nargs="+", type=Path, help=".txt or .html files, one article each")
    new.add_argument("--root", type=Path, default=Path("data/events"), help="where events live")
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        try:
            return _run(args)
        except KeyboardInterrupt as exc:
            default = {"report": "interrupted; the previous report is unchanged",
                       "pack": "interrupted; the previous pack is unchanged"}.get(
                           args.command, "interrupted; no event folder was made")
            print(str(exc) or default, file=sys.stderr)
            return 130
        except Exception as exc:  # noqa: BLE001 - the last line of defence: never a raw traceback
            if os.environ.get("COVERAGE_LENS_DEBUG"):
                raise
            where = f"{exc.filename}: " if isinstance(exc, OSError) and exc.filename else ""
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).strip()
            detail = detail.splitlines()[0] if detail else ""
            print(f"error: {where}{type(exc).__name__}: {detail} (unexpected; set COVERAGE_LENS_DEBUG=1 "
                  "for the traceback and report it)", file=sys.stderr)
            return 1


def _run(args) -> int:
    from .corpus import CorpusError
    from .report import ReportError, build_report

    if args.command == "report":
        start = time.perf_counter()
        try:
            build_report(args.events or [DEFAULT_EVENT], out=args.out, edition=args.edition,
                         workers=args.workers)
        except (ReportError, CorpusError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"done in {time.perf_counter() - start:.1f} s")
    elif args.command == "pack":
        from .pack import build_pack

        start = time.perf_counter()
        try:
            build_pack(args.event or DEFAULT_EVENT, out=args.out, blind=args.blind)
        except (ReportError, CorpusError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"done in {time.perf_counter() - start:.1f} s")
    elif args.command == "new-event":
        from .events import new_event

        try:
            folder = new_event(args.name, args.files, root=args.root)
        except CorpusError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"made {folder} with {len(args.files)} article(s).")
        print(f"Next: fill in outlet, title and date in {folder / 'manifest.csv'}, then run")
        print(f"  python -m analysis report {folder}")
    return 0


if __name__ == "__main__":
    status = main()
    # The command is done and wrote everything it writes: leave the objects it made out of the
    # garbage collector's last pass at exit (half a second of a report's wall time on the sample
    # event, for memory the operating system takes back anyway).
    import gc

    gc.freeze()
    sys.exit(status)
