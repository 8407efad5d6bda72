"""Check the test3 framing labels against the corpus.

Usage: python check.py path/to/abp-5000.jsonl.gz

The checks are test2's (``../test2/check.py``), run on this folder with test3's clusters:
every sentence of C43 is labelled (C51 and the size-word clusters C31, C42, C52, C49 are
not labelled yet; add them to EVERY and SIZED when they are). Prints the errors and exits 1
if there are any.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "test2"))
import check as base  # noqa: E402  (test2's checker, configured below)

base.HERE = HERE
base.SPLIT = "test3"
base.EVERY = {"C43"}
base.SIZED = set()

if __name__ == "__main__":
    sys.exit(base.main())
