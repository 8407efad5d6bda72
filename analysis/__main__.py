"""Command line.

``python -m analysis report [EVENT_DIR ...] [--out DIR] [--edition full|student|both]``
``python -m analysis new-event NAME FILE...``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_EVENT = Path(__file__).resolve().parents[1] / "data" / "events" / "ukraine-weapons-2024-05"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Coverage Lens")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="render the notebooks of one or more events into HTML")
    rep.add_argument("events", nargs="*", type=Path, help="event folders (default: the sample event)")
    rep.add_argument("--out", type=Path, default=Path("reports"), help="output folder (default: reports)")
    rep.add_argument("--edition", choices=["full", "student", "both"], default="both")
    rep.add_argument("--workers", type=int, default=None, help="notebooks run in parallel (default: cores)")
    new = sub.add_parser("new-event", help="make an event folder from .txt or .html files")
    new.add_argument("name", help="folder name, e.g. city-budget-2025-03")
    new.add_argument("files", nargs="+", type=Path, help=".txt or .html files, one article each")
    new.add_argument("--root", type=Path, default=Path("data/events"), help="where events live")
    args = parser.parse_args(argv)

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
    sys.exit(main())
