"""new-event: from .txt and .html files to a loadable event folder."""

from __future__ import annotations

import pytest

import analysis as an
from analysis.__main__ import main
from analysis.events import new_event

from .conftest import ROOT

PAGE = ROOT / "tests" / "fixtures" / "page.html"


def test_new_event_from_txt_and_html(tmp_path, capsys):
    wire = tmp_path / "wire.txt"
    wire.write_text("SPRINGFIELD (AP) — The council voted 5-2 on Thursday.\n\nThe mayor will sign it.")
    assert main(["new-event", "city-budget", str(PAGE), str(wire), "--root", str(tmp_path / "events")]) == 0
    out = capsys.readouterr().out
    folder = tmp_path / "events" / "city-budget"
    assert f"python -m analysis report {folder}" in out
    names = sorted(p.name for p in (folder / "articles").iterdir())
    assert names == ["000_page.html", "000_page.txt", "001_wire.txt"]
    assert (folder / "articles" / "000_page.html").read_bytes() == PAGE.read_bytes()  # original kept
    assert (folder / "articles" / "001_wire.txt").read_bytes() == wire.read_bytes()  # copied as is

    corpus = an.load_event(folder)
    assert len(corpus.warnings) == 0  # the kept HTML is not an "unlisted file"
    a = corpus.articles
    assert a.at["000", "outlet"] == "Example News" and a.at["000", "date"] == "2025-03-14"
    assert a.at["000", "byline"] == "Jane Doe"
    text = corpus.text("000")
    assert "“This is a budget for our children,” said council member Ana Ruiz" in text
    assert "Home | World" not in text and "Subscribe" not in text  # page furniture dropped
    assert a.at["001", "credit"] == "AP" and corpus.text("001").startswith("The council voted")


def test_new_event_refuses_bad_input(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(an.CorpusError, match="only .txt and .html"):
        new_event("e", [tmp_path / "a.pdf"], root=tmp_path)
    with pytest.raises(an.CorpusError, match="no such file"):
        new_event("e", [tmp_path / "missing.txt"], root=tmp_path)
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    with pytest.raises(an.CorpusError, match="no article text found"):
        new_event("e", [tmp_path / "empty.html"], root=tmp_path)
    assert not (tmp_path / "e").exists()  # nothing half-made
    (tmp_path / "ok.txt").write_text("Text.")
    new_event("e", [tmp_path / "ok.txt"], root=tmp_path)
    with pytest.raises(an.CorpusError, match="already exists"):
        new_event("e", [tmp_path / "ok.txt"], root=tmp_path)
