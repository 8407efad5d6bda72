"""Cleaning rules, one test each, and the edit log's guarantee: raw = rebuild(clean, edits)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import clean
from analysis.clean import clean_text, rebuild_raw


def cleaned(raw: str) -> str:
    return clean_text(raw).text


# --------------------------------------------------------------------------- rules

def test_line_endings_and_bom_and_invisible_characters():
    raw = "\ufeffFirst line.\r\nSecond\u00adline.\rThird\u200b line."
    assert cleaned(raw) == "First line.\nSecondline.\nThird line."


def test_nfc_normalization_keeps_quotation_marks():
    raw = "Cafe\u0301 said “yes” and \"no\" and ‘maybe’."
    assert cleaned(raw) == "Café said “yes” and \"no\" and ‘maybe’."


def test_whitespace_folding():
    raw = "  A\u00a0 line   with  spaces.  \n\n\n\nNext\tline. "
    assert cleaned(raw) == "A line with spaces.\n\nNext line."


def test_date_line_is_read_and_removed():
    r = clean_text(" date 2024-05-30 President Biden, under pressure, agreed.")
    assert r.text == "President Biden, under pressure, agreed."
    assert r.meta["date"] == "2024-05-30"
    r = clean_text("Published: May 31, 2024\nKYIV, Ukraine (AP) — Russia attacked.")
    assert r.meta == {"date": "2024-05-31", "dateline": "KYIV, Ukraine", "credit": "AP"}
    assert r.text == "Russia attacked."
    # A sentence that merely starts with a date is prose, not a date line.
    assert cleaned("May 31, 2024 was a Friday.") == "May 31, 2024 was a Friday."


def test_datelines_and_outlet_credits():
    assert clean_text("WASHINGTON — Biden agreed.").meta == {"dateline": "WASHINGTON"}
    r = clean_text("CNN\n—\nPresident Joe Biden agreed.")
    assert (r.text, r.meta) == ("President Joe Biden agreed.", {"credit": "CNN"})
    assert clean_text("(Reuters) - Oil rose.").meta == {"credit": "Reuters"}
    # Not datelines: a sentence with a dash, a mixed-case opening.
    for prose in ["Biden — the president — agreed.", "US officials — four of them — said so.",
                  "FILE - In this 2020 photo, a man walks."]:
        assert cleaned(prose) == prose


def test_trailing_credit():
    r = clean_text("It ends here as needed. / AP")
    assert (r.text, r.meta["credit"]) == ("It ends here as needed.", "AP")
    assert clean_text("Body text.\n(Reuters)").meta["credit"] == "Reuters"
    assert cleaned("He said it was over. And/or not") == "He said it was over. And/or not"
    # Photo credits and URLs at the end are not source credits.
    for tail in ["Photograph by Spencer Platt/Getty Images.", "More at https://apnews.com/GeorgeFloyd",
                 "Follow us on Facebook.com/CNNOpinion."]:
        assert clean_text("Body.\n" + tail).meta.get("credit") is None


def test_editors_notes_and_boilerplate_lines():
    raw = ("First.\nAdvertisement\nSecond.\nRead more: Another story here\n"
           "Correction: An earlier version misspelled a name.\nThis story has been updated with additional details.")
    assert cleaned(raw) == "First.\nSecond."


def test_related_link_cards_are_removed_but_subheads_stay():
    raw = ("Prose one.\n\nCalls\n\nProse two.\nWorld News\n"
           "Russia smashes train tracks in a battered border region\nProse three.")
    r = clean_text(raw)
    assert r.text == "Prose one.\n\nCalls\n\nProse two.\nProse three."
    assert [e["rule"] for e in r.edits] == ["related_links"]


def test_subheads_lists_and_verdicts_are_not_link_cards():
    """Seen in real articles: a label followed by a subhead or a verdict is content, not a card."""
    for raw in ["Prose one.\nVerdict: False.\nReality Check: Rubio on entitlements\nProse two.",
                "Prose one.\nJeb Bush\nNeed: A breakout moment to spur some momentum\nProse two.",
                "Prose one.\nWest Virginia\nRaces to watch: Governor\nProse two.",
                "Prose one.\nTom Steyer\nAP Photo/John Minchillo took this picture\nProse two.",
                "World News\nRussia smashes train tracks in a border region\nProse two."]:
        assert cleaned(raw) == raw


def test_stray_comma_after_full_stop():
    assert cleaned("limited to Kharkiv., The official said.") == "limited to Kharkiv. The official said."
    keep = "Joseph R. Biden Jr., who spoke. The U.S., and allies. Acme Inc., The firm."
    assert cleaned(keep) == keep


def test_is_heading_like():
    assert clean.is_heading_like("Calls") and clean.is_heading_like("What comes next")
    assert not clean.is_heading_like("Biden agreed.") and not clean.is_heading_like("“A quote,”")


# --------------------------------------------------------------------------- edit log

def _check_roundtrip(raw: str) -> None:
    r = clean_text(raw)
    assert rebuild_raw(r.text, r.edits) == raw
    # The log is a set of disjoint raw spans, in order, that say what they removed.
    last = -1
    for e in r.edits:
        assert e["raw_start"] >= last
        assert raw[e["raw_start"]:e["raw_end"]] == e["removed"]
        assert r.text[e["start"]:e["end"]] == e["replacement"]
        last = e["raw_end"]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_raw_text_is_rebuildable_from_any_unicode(raw):
    _check_roundtrip(raw)


# Text built from the pieces the rules react to, so that rules fire and overlap.
_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\ufeff", "\u00ad", "e\u0301", "., ",
    "date 2024-05-31 ", "WASHINGTON — ", "CNN\n—\n", " / AP", "(Reuters)", "Calls", "Europe\n",
    "Pentagon to give Ukraine weapons\n", "This story has been updated.", "Advertisement\n",
    "Kharkiv., The", "U.S.", "“", "”", "\"", "word", "Word", "sentence.", " Jr., who",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_raw_text_is_rebuildable_when_rules_fire_and_overlap(raw):
    _check_roundtrip(raw)


def test_sample_articles_roundtrip_and_keep_every_prose_sentence(sample_corpus):
    c = sample_corpus
    for aid in c.ids:
        raw = c.articles.at[aid, "raw_text"]
        assert c.rebuild_raw(aid) == raw
        text = c.text(aid)
        # Every prose line of the raw file survives: removed text is boilerplate only.
        for e in c.edits[c.edits.article_id == aid].itertuples():
            removed_words = re.findall(r"\w+", e.removed)
            assert len(removed_words) < 25 or e.rule == "related_links", (aid, e.rule, e.removed)
        assert "/ AP" not in text and not text.startswith(("date", "CNN", "WASHINGTON"))


def test_sample_boilerplate_is_not_in_body_paragraphs(sample_corpus):
    body = " ".join(sample_corpus.body_paragraphs().text)
    for boiler in ["date 2024", "/ AP", "This story has been updated", "World News",
                   "Pentagon to give Ukraine $300 million", "Kharkiv., The", "away., Get"]:
        assert boiler not in body
    subheads = sample_corpus.paragraphs.query("kind == 'subhead'").text.tolist()
    assert subheads == ["Calls", "Cautious"]
