"""What the evaluation scripts share: offsets from clean text back to raw text, and scoring
a git ref's code beside this tree's in one run.

Each ``eval_*.py`` runs its predictions in a fresh process whose ``analysis`` package comes
from a directory: this tree, or the package of a git ref (``--baseline``, default ``main``)
extracted into a temporary folder.

>>> ROOT.name != ""
True
"""

from __future__ import annotations

import bisect
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def use_code(code_dir: Path) -> None:
    """Import ``analysis`` from ``code_dir``: first on the path, editable-install finders removed."""
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")
                        and "editable" not in getattr(type(f), "__module__", "")]
    sys.path.insert(0, str(code_dir))


def predict_in(script: str, args: list[str], code_dir: Path | None) -> dict:
    """Run ``script ARGS --predict-only CODE`` in a fresh process with ``code_dir`` (None: this
    tree) first on the path, and return the JSON it prints."""
    code = str(code_dir or ROOT)
    cmd = [sys.executable, script, *args, "--predict-only", code]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=code)
    if res.returncode != 0:
        raise SystemExit(f"prediction failed with the code in {code}:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout)


def extract_ref(ref: str, into: Path) -> Path | None:
    """The ``analysis`` package of git ``ref`` in ``into`` (None when git cannot give it)."""
    try:
        data = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "analysis"], capture_output=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    tar_path = into / "ref.tar"
    tar_path.write_bytes(data)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into)
    return into


def predict_at_ref(ref: str | None, predict_with):
    """``predict_with(code_dir)`` run on the ``analysis`` package of git ``ref`` (the
    ``--baseline`` of every eval script), or None (said on stdout) when git cannot give it."""
    if not ref:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        code = extract_ref(ref, Path(tmp))
        if code is None:
            print(f"(no baseline: git cannot give ref {ref!r})")
            return None
        return predict_with(code)


def clean_to_raw(edits: list[tuple[int, int, int, int]]):
    """A function mapping a clean offset to a raw offset, from (start, end, raw_start, raw_end).

    >>> f = clean_to_raw([(0, 0, 0, 5)])  # five raw characters removed at the start
    >>> f(0), f(3)
    (5, 8)
    """
    edits = sorted(edits)
    starts = [e[0] for e in edits]

    def f(x: int) -> int:
        i = bisect.bisect_right(starts, x) - 1
        if i < 0:
            return x
        s, e, rs, re_ = edits[i]
        if x < e:
            return rs if x == s else min(re_, rs + (x - s))
        return x - e + re_
    return f


def corpus_to_raw(corpus) -> dict:
    """For each article of an ``analysis`` corpus, :func:`clean_to_raw` of its edits: how
    the eval scripts put predicted clean offsets back on the raw texts the labels point into."""
    edits: dict[str, list] = {}
    for r in corpus.edits.itertuples():
        edits.setdefault(r.article_id, []).append((r.start, r.end, r.raw_start, r.raw_end))
    return {aid: clean_to_raw(edits.get(aid, [])) for aid in corpus.ids}


#: Characters a span may gain or lose at its edges and still be the same span.
TRIM = " \t\n.,;:!?\"“”‘’'()[]—–-…"


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``text[s:e]`` without :data:`TRIM` characters at its two edges, as offsets."""
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def read_records(corpus: Path, ids: set[str]) -> dict[str, dict]:
    """The records of a JSON-lines.gz corpus whose ``ID`` is in ``ids``, by ID."""
    out = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("ID") in ids:
                out[rec["ID"]] = rec
    return out


def one_to_one(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: ``(score, i, j)`` candidates, best score first, each ``i``
    and each ``j`` used once.

    >>> one_to_one([(0.5, 0, 0), (0.9, 0, 1), (0.4, 1, 1)])
    [(0, 1)]
    """
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out
