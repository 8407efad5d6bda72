"""Nothing in the library downloads anything at run time."""

from __future__ import annotations

import re

from .conftest import ROOT


def test_no_downloads_in_library_or_notebooks():
    pattern = re.compile(r"nltk\.download|urlopen|requests\.get|hf_hub|from_pretrained|https?://[^\s\"')]*\.(?:js|css)\b")
    files = list((ROOT / "analysis").rglob("*.py")) + list((ROOT / "notebooks").glob("*.ipynb"))
    offenders = [str(p.relative_to(ROOT)) for p in files if pattern.search(p.read_text("utf-8"))]
    assert offenders == []
