"""The notebooks' tables and sentences: escaped, readable, with the zero/one/many cases."""

from __future__ import annotations

import re

import pandas as pd

import analysis as an

PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>',
            "javascript:alert(1)", "**bold** [link](javascript:alert(1))"]


def _tags(html_text: str) -> set[str]:
    return {m.lower() for m in re.findall(r"<\s*([a-zA-Z][\w-]*)", html_text)}


def test_table_escapes_cells_headers_and_caption():
    frame = pd.DataFrame({"outlet": PAYLOADS, PAYLOADS[1]: range(len(PAYLOADS))})
    page = an.table(frame, caption=PAYLOADS[2]).to_html()
    assert _tags(page) <= {"style", "table", "caption", "thead", "tr", "th", "tbody", "td"}
    assert "<script" not in page and "<svg" not in page and "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;" in page


def test_table_reads_like_a_page_not_a_dump():
    frame = pd.DataFrame({"article_id": ["a", "b"], "n_words": [1234, None], "share_quoted": [0.1234, float("nan")],
                          "flag": [True, False], "tags": [("x", "y"), ()]})
    page = an.table(frame, percent=["share_quoted"]).to_html()
    for raw in ("NaN", "nan", "None", "<NA>", "True", "False", "('x'", "0.1234"):
        assert raw not in page
    for shown in ("Article", "Body words", "1,234", "12%", "—", "yes", "x; y"):
        assert shown in page


def test_table_shows_one_precision_per_column():
    # A column mixing whole and fractional numbers shows all of them with the same decimals
    # ("3.0" beside "3.3", never "3" beside "3.3"); a column of whole numbers stays whole.
    frame = pd.DataFrame({"grade": [3.0, 3.25, float("nan")], "count": [2.0, 5.0, 7.0]})
    page = an.table(frame, digits=1).to_html()
    assert ">3.0<" in page and ">3.2<" in page and ">—<" in page
    assert ">2<" in page and ">5<" in page and "2.0" not in page


def test_table_says_when_rows_are_left_out():
    page = an.table(pd.DataFrame({"n": range(10)}), max_rows=3, caption="Numbers").to_html()
    assert "first 3 of 10 rows" in page


def test_prose_escapes_values():
    text = an.prose("Outlet **{o}** says {q}.", o=PAYLOADS[0], q=PAYLOADS[4]).data
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*\\*bold\\*\\*" in text and "\\[link\\]" in text


def test_counts_and_lists():
    assert [an.count(n, "article") for n in (0, 1, 2)] == ["no articles", "one article", "2 articles"]
    assert an.listing(["AP", "CNN", "NYT"]) == "AP, CNN and NYT"
