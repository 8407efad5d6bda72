"""new-event: from .txt and .html files to a loadable event folder."""

from __future__ import annotations

import warnings

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


# Pages with page furniture (captions and credits, an embedded post, hover cards and inline
# related links, ads, a newsletter box, a pull quote, a video block, link boxes), each beside
# the same article as a browser copies it to a .txt file (furniture included).
HTML_PAIRS = ["wire", "embed", "hover", "bbc", "misc"]


@pytest.mark.parametrize("name", HTML_PAIRS)
def test_html_and_txt_give_the_same_body(tmp_path, name):
    """trafilatura's extraction plus cleaning keep no furniture the .txt cleaning removes,
    and lose no prose the .txt keeps: the two body texts are the same."""
    fixtures = ROOT / "tests" / "fixtures" / "html"
    folder = new_event(name, [fixtures / f"{name}.html", fixtures / f"{name}.txt"], root=tmp_path)
    with warnings.catch_warnings():  # two files of one article may be noted as a duplicate text
        warnings.simplefilter("ignore", an.CorpusWarning)
        corpus = an.load_event(folder)
    body = {aid: corpus.body_paragraphs().query("article_id == @aid").text.tolist() for aid in corpus.ids}
    assert body["000"] == body["001"]
    text = "\n".join(body["000"])
    for furniture in ["Advertisement", "ADVERTISEMENT", "(@", "pic.twitter", "MORE", "RELATED", "READ MORE",
                      "Read more", "JUST WATCHED", "Sign up", "contributed", "Image copyright", "Photographer",
                      "©", "Copyright", "Follow him", "Share", "By Jane", "(CNN)", "(AP)", "WASHINGTON —"]:
        assert furniture not in text, (name, furniture)
    # What a reader may want to see stays, outside the body: the title, captions, subheads.
    kinds = dict(zip(corpus.paragraphs.text, corpus.paragraphs.kind))
    if name == "wire":
        assert kinds["What comes next"] == "subhead"
        assert kinds["Council passes budget after long debate"] == "title"
        assert kinds[next(t for t in kinds if t.startswith("Council members vote"))] == "caption"
    if name == "misc":
        assert "The state's largest utility said Wednesday it would comply with the new rules." in body["000"]


def test_a_page_without_a_date_gets_none_from_its_copyright_line(tmp_path):
    """A page that gives no publication date has none: its copyright line ("© 2024 ...") is
    not read as the article's date (1 January of that year)."""
    from analysis.events import html_to_text

    page = ("<html><head><title>Council passes budget</title></head><body><article><h1>Council passes budget</h1>"
            "<p>The council voted 5-2 on Thursday to pass the budget after a long debate about schools.</p>"
            "<p>The mayor said she would sign it next week, and the new rates start in July.</p></article>"
            "<footer>© 2024 Example Media Group. All rights reserved.</footer></body></html>")
    assert html_to_text(page)[1]["date"] == ""
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2019-05-02T10:00:00Z">')
    assert html_to_text(dated)[1]["date"] == "2019-05-02"


def test_a_summary_box_under_the_pages_headline_is_not_body(tmp_path):
    """HTML extraction puts the page's <h1> on the first line: the summary box under it
    (three one-sentence lines, each retold further down) is still the box, not the story."""
    bullets = ["The council cut the school budget on Monday.", "Forty teachers will lose their jobs in June.",
               "Parents plan a protest on Friday."]
    story = ["On Monday the council cut the school budget by 5%, the mayor said at a meeting downtown.",
             "About forty teachers will lose their jobs in June, the union said in a statement.",
             "Parents plan a protest outside city hall on Friday morning, organizers said.",
             "The budget still needs the mayor's signature before it takes effect in July."]
    page = ("<html><head><title>Council cuts school budget</title></head><body><article>"
            "<h1>Council cuts school budget</h1>" + "".join(f"<p>{p}</p>" for p in bullets + story)
            + "</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    folder = new_event("budget", [tmp_path / "page.html"], root=tmp_path)
    corpus = an.load_event(folder)
    body = corpus.body_paragraphs().text.tolist()
    assert body == story
