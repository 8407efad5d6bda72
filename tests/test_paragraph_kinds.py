"""Paragraph kinds (analysis.corpus.paragraph_kinds): shapes added for outlets the first rules
were not written for.  Each test has the shape and the near misses that must stay body."""

from __future__ import annotations

from analysis.clean import clean_text
from analysis.corpus import paragraph_kinds
from analysis.text import paragraph_spans


def kinds(raw: str, title: str | None = None) -> dict[str, str]:
    text = clean_text(raw).text
    spans = paragraph_spans(text)
    return {text[a:b]: k for (a, b), k in zip(spans, paragraph_kinds(text, spans, title))}


LEDE = "The storm made landfall on Friday and left thousands of homes without power across the state."
ANSWERS = ["Officials said the damage would take weeks to assess, and crews were already on the roads.",
           "The state will pay for most of it, with federal aid covering the rest under the disaster rules.",
           "Power should be back in most towns by the end of next week, the utility company said on Sunday.",
           "Residents were told to boil their water until the treatment plants are inspected again."]
ANSWER = ANSWERS[0]


def story(*paras: str) -> str:
    """The paragraphs, each ANSWER replaced by the next of ANSWERS (cleaning drops a paragraph
    printed twice)."""
    answers = iter(ANSWERS)
    return "\n\n".join(next(answers) if p == ANSWER else p for p in paras)


def test_question_headings_of_an_explainer_are_subheads():
    raw = story(LEDE, "What happens next?", ANSWER, "1. Who pays for the repairs?", ANSWER,
                "● Is the Deal Dead Yet?", ANSWER)
    k = kinds(raw)
    assert k["What happens next?"] == k["1. Who pays for the repairs?"] == k["● Is the Deal Dead Yet?"] == "subhead"
    assert k[LEDE] == k[ANSWER] == "body"
    # One question in title case is a heading on its own.
    assert kinds(story(LEDE, "Are There Other Emails?", ANSWER))["Are There Other Emails?"] == "subhead"


def test_questions_that_are_the_story_s_own_lines_stay_body():
    one = story(LEDE, "Will the repairs be done by winter?", ANSWER)
    assert kinds(one)["Will the repairs be done by winter?"] == "body"  # one question, not in title case
    for q in ["But was anyone paying attention?", "Why are we not listening?", "Can you catch it on a plane?",
              "The question then becomes, what can he do?", "Either way: was it worth it?", "Sound familiar?"]:
        raw = story(LEDE, q, ANSWER, "What happens next?", ANSWER)
        assert kinds(raw)[q] == "body", q
    # Introduced by a colon, followed by another question, by a speaker's name (an interview),
    # or answered in the first person.
    cases = [
        [LEDE + " He asked:", "What happens next?", ANSWER, "Who pays for it?", ANSWER],
        [LEDE, "What happens next?", "Who pays for it?", ANSWER, "Where does it go?", ANSWER],
        [LEDE, "What happens next?", "Jane Roe", ANSWER, "Who pays for it?", "Jane Roe", ANSWER],
        [LEDE, "What happens next?", "I think the repairs will take weeks, and I said so.", "Who pays for it?",
         "My view is that the state will pay, as we have said before."],
    ]
    for paras in cases:
        k = kinds(story(*paras))
        assert k["What happens next?"] == "body", paras


def test_captions_with_a_credit_after_the_last_sentence():
    from analysis.clean import is_caption

    for cap in ["Rep. Jane Roe appears on “The Show” on Mon., April 8, 2019. John Doe/Acme Broadcasting Inc.",
                "President Jane Roe pauses during an address in Cincinnati, Ohio, Aug. 1, 2019. John Doe/Reuters",
                "Jane Roe in a meeting at the White House on Dec. 19. John Doe for TIME",
                "Image A supporter at the announcement on Tuesday. Credit John Doe for The New York Times"]:
        assert is_caption(cap), cap
    for prose in ["He voted for it. Senators for Ohio", "The vote was held. He Ran for Office",
                  "She said so on Tuesday. The vote was 52/48.",
                  "Jane Roe, 41, Nanny, Alpharetta. “You can’t tell people to stay home,” she says. John Doe for TIME"]:
        assert not is_caption(prose), prose


def test_a_video_description_ends_with_the_outlet_s_reporter():
    from analysis.clean import is_caption

    assert is_caption("The senator defended the bill on Sunday. The Planet's Jane Roe reports.")
    for prose in ["ANCHOR: The vote is on Friday. The Planet's Jane Roe reports.",
                  "“The vote is on Friday,” the Planet's Jane Roe reports.",
                  "\"Both were known to the authorities,\" Planet's Jane Roe reports.",
                  "The vote is on Friday, the Planet's Jane Roe reports."]:
        assert not is_caption(prose), prose


def test_long_sentence_like_headings_alone_between_paragraphs_are_not_body():
    from analysis.corpus import paragraph_kinds
    paras = ["The Headline Here", "The story opens with a sentence.", "It goes on for a while.",
             "Others say the plan can work and it might be harder to stop than you would think",
             "The next section starts here.", "Anyone who has been convicted of a violent crime or a weapons offense in town",
             "Anyone else may buy one.",
             "The administration has pushed for the regime to be replaced, the senator said on Tuesday night",
             "Then it ended."]
    text = "\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    kinds = paragraph_kinds(text, spans)
    assert kinds[3] == "subhead"
    # A list's row and a sentence that lost its full stop stay body.
    assert kinds[5] == "body" and kinds[7] == "body"


def _kinds_of(paras: list[str]) -> list[str]:
    text = "\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    return paragraph_kinds(text, spans)


def kinds_of_promo() -> str:
    return _kinds_of(["It rained all day.", "Get the Planet app on your cable system –", "He left."])[1]


def test_speech_that_breaks_off_is_prose_not_a_subhead():
    # (A promo whose link was cut after a spaced en dash is no speech: "Get the app on your TV –".)
    assert kinds_of_promo() == "subhead"
    paras = ["The debate opened with the economy.", "HOST: And I have done a lot—",
             "GUEST: Well, I know you live in your own reality—", "HOST: Wrong.",
             "“No,” she began, “because just as I said before … ”", "He smiled.",
             "Calls for a ceasefire", "The talks went on."]
    kinds = _kinds_of(paras)
    assert kinds[1:3] == ["body", "body"] and kinds[4] == "body"
    # A short heading is still one, and so is a label of capitals with an ellipsis.
    assert kinds[6] == "subhead"


def test_a_long_line_that_dates_its_news_is_a_sentence_not_a_heading():
    paras = ["It rained all day.",
             "President Trump on Thursday threatened China with new tariffs over its trade and currency practices",
             "He left the room.",
             "Others say the plan can work and it might be harder to stop than you would think",
             "The next section starts here."]
    kinds = _kinds_of(paras)
    assert kinds[1] == "body"
    assert kinds[3] == "subhead"


def test_a_transcript_s_bracketed_reference_is_no_photo_credit():
    from analysis.clean import is_caption

    assert is_caption("Protesters march through the city on Friday. [Jane Roe/Agency]")
    # The source of a quoted transcript, with its date in slashes, ends a paragraph of prose.
    assert not is_caption("HOST (FORMER AIDE): Not only that, he paid taxes. The only difference is that he "
                          "pays more. [Planet News, The Evening Show, 4/15/2019]")


def test_two_rows_of_figures_are_a_table_not_subheads():
    paras = ["Voters went to the polls on Tuesday, and the results were close.",
             "Here are the results in the Senate race:", "Jane Roe (D) 52 percent", "John Doe (D) 41 percent",
             "In the House race the incumbent held on.", "Premiums will be 2 percent lower",
             "The state set the rates in May."]
    kinds = _kinds_of(paras)
    assert kinds[2:4] == ["body", "body"]
    assert kinds[5] == "subhead"  # a heading with a figure, alone, stays one


def test_the_first_half_of_a_sentence_broken_before_a_name_is_prose():
    paras = ["The case went to court on Monday.", "The charges against the mayor were filed by",
             "Attorney General Jane Roe, who said more could follow.", "Calls for a ceasefire",
             "The talks went on."]
    kinds = _kinds_of(paras)
    assert kinds[1] == "body" and kinds[3] == "subhead"


def test_a_line_that_opened_with_a_dateline_is_the_lede():
    from analysis.corpus import split_article

    lede = "President Jane Roe on Thursday threatened the country with new tariffs over its trade practices"
    for raw in [f"WASHINGTON — {lede}\n\nShe spoke at the White House.\n\nMore here.",
                f"Roe Threatens Tariffs\n\nWASHINGTON — {lede}\n\nShe spoke at the White House."]:
        a = split_article(raw, "x", {"title": "Roe threatens the country with tariffs"})
        kinds = {a.text[p.start:p.end]: p.kind for p in a.paragraphs}
        assert kinds[lede] == "body", raw
    # Without a dateline, a first line of that shape is still taken as the headline.
    a = split_article(f"{lede}\n\nShe spoke at the White House.", "x")
    assert a.paragraphs[0].kind == "title"


def test_a_dated_sentence_without_its_full_stop_is_body_not_a_subhead():
    """A short line that dates an action ("... will resume at 20:00 on Tuesday") is a news
    sentence that lost its full stop; a heading names a topic ("Curfews across the country")."""
    from analysis.corpus import paragraph_kinds

    paras = ["Dozens of cities imposed curfews.", "Curfew in the city will resume at 20:00 on Tuesday",
             "Shops were looted overnight.", "Curfews across the country", "Police said the city was calm."]
    text = "\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    assert paragraph_kinds(text, spans) == ["body", "body", "body", "subhead", "body"]
