"""Cleaning rules, one test each, and the edit log's guarantee: raw = rebuild(clean, edits)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import analysis as an
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
    # "CNN —" is CNN's dateline: the outlet stands where the place would be; not a credit.
    r = clean_text("CNN\n—\nPresident Joe Biden agreed.")
    assert (r.text, r.meta) == ("President Joe Biden agreed.", {"dateline": "CNN"})
    assert clean_text("(Reuters) - Oil rose.").meta == {"credit": "Reuters"}
    # Not datelines: a sentence with a dash, a mixed-case opening.
    for prose in ["Biden — the president — agreed.", "US officials — four of them — said so.",
                  "FILE - In this 2020 photo, a man walks."]:
        assert cleaned(prose) == prose


def test_datelines_in_all_their_forms_remove_just_the_marker():
    cases = {
        "Washington (CNN) When Joe Biden spoke, he paused.": ({"dateline": "Washington", "credit": "CNN"}, "When"),
        "(CNN) The second worker had a fever.": ({"credit": "CNN"}, "The"),
        "NEW YORK (AP) — The market fell.": ({"dateline": "NEW YORK", "credit": "AP"}, "The"),
        "DETROIT (Reuters) - Rivals spoke.": ({"dateline": "DETROIT", "credit": "Reuters"}, "Rivals"),
        "ROME–Just when you thought it was over.": ({"dateline": "ROME"}, "Just"),
        "WASHINGTON—The administration sent a general.": ({"dateline": "WASHINGTON"}, "The"),
        "SHASTA LAKE, Calif.—One way to add water.": ({"dateline": "SHASTA LAKE, Calif."}, "One"),
        "CHICAGO -- Jackson pleaded guilty.": ({"dateline": "CHICAGO"}, "Jackson"),
    }
    for raw, (meta, first) in cases.items():
        r = clean_text(raw)
        assert r.meta == meta, raw
        assert r.text.startswith(first) and r.text.endswith(raw[-8:]), raw
    # After a caption or a byline line, and at the start of a later section.
    r = clean_text("A man walks. (AP Photo/Jane Roe)\n\nBAGHDAD (AP) — Protests grew.\n\n___\n\n"
                   "SEATTLE — Police said more.")
    assert r.text == "A man walks. (AP Photo/Jane Roe)\n\nProtests grew.\n\nPolice said more."
    assert r.meta == {"dateline": "BAGHDAD", "credit": "AP"}  # the first dateline's
    # A title-case place needs a known outlet in parentheses.
    for prose in ["Washington (Reuters staff) said so.", "Sen. Josh Hawley (R-MO) said Thursday.",
                  "ISIS (the group) said so."]:
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


def test_update_label_keeps_the_news_after_it():
    r = clean_text("Prose one.\n\nUPDATE - Rasmussen still has the race tied at 49.\n\nUpdate: The White House replied.")
    assert r.text == "Prose one.\n\nRasmussen still has the race tied at 49.\n\nThe White House replied."
    assert {e["rule"] for e in r.edits} == {"editors_note"}
    # A note as a whole goes as a whole.
    assert cleaned("Prose.\n\nUpdate: This story has been updated to add a quote.") == "Prose."


def test_time_stamps():
    assert cleaned("Updated at 12:49 p.m. ET\n\nVoters went out.") == "Voters went out."
    assert cleaned("Updated 3:04 PM ET, Tue May 3, 2016\n\nVoters went out.") == "Voters went out."
    assert cleaned("Updated at 2:30 p.m. ET on February 10, 2020. One day last fall, I sat down.") == \
        "One day last fall, I sat down."
    assert cleaned("Prose.\n\nMay 2, 2019\n\nMore prose.") == "Prose.\n\nMore prose."
    # A sentence that starts with a date or a time is prose.
    for prose in ["May 2, 2019 was a Friday.", "Updated rules take effect Monday, officials said."]:
        assert cleaned("Prose.\n\n" + prose) == "Prose.\n\n" + prose


def _kinds(raw: str) -> dict[str, str]:
    """Removed text (stripped) -> the rule name of each edit that removed words."""
    return {e["removed"].strip(): e["rule"] for e in clean_text(raw).edits if re.search(r"\w", e["removed"])}


def test_ads_share_newsletter_and_copyright_lines():
    lines = {
        "ADVERTISEMENT": "ad", "AD": "ad", "Advertisement:": "ad", "Story Continued Below": "ad",
        "CLICK HERE TO GET THE NEWS APP": "ad",
        "SHARE THIS ARTICLE Share Tweet Post Email": "share", "Link Copied": "share",
        "Follow @newsroom": "share", "Follow Jane Doe on Twitter: @janedoe": "share",
        "Read or Share this story: http://example.com/x": "share", "Click here for the full note.": "share",
        "Sign up for Daily Newsletters Manage Newsletters": "newsletter",
        "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy": "newsletter",
        "Interested in Trade? Add Trade as an interest to stay up to date on the latest news. Add Interest": "newsletter",
        "© 2019 Writers Group": "copyright", "Copyright © 2019 The Daily, LLC. Click here for reprint permission.": "copyright",
        "COPYRIGHT 2019 CREATORS.COM": "copyright",
    }
    for line, kind in lines.items():
        raw = f"First paragraph here.\n\n{line}\n\nSecond paragraph here."
        r = clean_text(raw)
        assert r.text == "First paragraph here.\n\nSecond paragraph here.", line
        assert kind in _kinds(raw)[line].split("+"), (line, _kinds(raw))
    # Prose that mentions the same words stays.
    for prose in ["The newsletter has 10,000 subscribers, the company said.",
                  "Subscribers complained about the price.", "Share prices fell on Tuesday.",
                  "Advertisement spending rose 4% last year."]:
        raw = f"First paragraph here.\n\n{prose}\n\nSecond paragraph here."
        assert cleaned(raw) == raw, prose


def test_related_lines_blocks_and_inline_pieces():
    raw = ("Prose one.\n\nRELATED: Obama, GOP Senators Break Bread\n\nProse two.\n\n"
           "KANYE WEST NO LONGER SUPPORTS TRUMP\n\nProse three.\n\n( Also on THE SITE: A chair speaks)\n\n"
           "Prose four.\n\nA quest to find millennial supporters Read more\n\nProse five. (RELATED: Police Caught The Wrong Person)"
           "\n\nREAD MORE:\n\nAntifa and the Alt-Right, Growing Apart\n\nThe Roots of Left-Wing Violence")
    r = clean_text(raw)
    assert r.text == "Prose one.\n\nProse two.\n\nProse three.\n\nProse four.\n\nProse five."
    assert {n for e in r.edits for n in e["rule"].split("+")} - {"whitespace"} == {"related"}
    # Short capital subheads stay (non-body paragraphs), and so do other parentheses.
    for raw in ["Prose one.\n\nSTRICTER RULES\n\nProse two.", "Prose (and more: much more) here.\n\nTwo."]:
        assert cleaned(raw) == raw


def test_related_link_cards_are_removed_but_subheads_stay():
    raw = ("Prose one.\n\nCalls\n\nProse two.\nWorld News\n"
           "Russia smashes train tracks in a battered border region\nProse three.")
    r = clean_text(raw)
    assert r.text == "Prose one.\n\nCalls\n\nProse two.\nProse three."
    assert [e["rule"] for e in r.edits] == ["related"]


def test_hover_cards_go_and_the_sentence_stays():
    raw = ("President Trump Donald John TrumpGOP senators balk at lengthy trial Warren goes local MORE on Friday "
           "threatened a veto, and Sen. Mitch McConnell Addison (Mitch) Mitchell McConnell2020 Democrats push "
           "for action MORE (R-Ky.) agreed with Rep. Jim Acosta James (Jim) AcostaDire projections MORE’s view.")
    r = clean_text(raw)
    assert r.text == ("President Trump on Friday threatened a veto, and Sen. Mitch McConnell (R-Ky.) agreed "
                      "with Rep. Jim Acosta’s view.")
    assert {e["rule"] for e in r.edits} == {"hover_card"}
    # Capitals and MORE without a repeated name are prose.
    keep = 'Trump wrote "NO MORE DACA DEAL" on Sunday. President Trump said MORE money is coming.'
    assert cleaned(keep) == keep


def test_media_and_photo_credit_lines():
    lines = ["JUST WATCHED Dallas doctors try to calm fears Replay More Videos ... MUST WATCH Dallas doctors 02:35",
             "Slideshow (28 Images)", "https://www.youtube.com/watch?v=8llFHHAkGcw", "Alex Wong/Getty Images",
             "(Photo: Jane Roe/Dreamstime)", "(Stephanie Keith/Reuters)", "Image copyright Getty Images",
             "Enlarge this image toggle caption Matt Rourke/AP Matt Rourke/AP", "Media playback is unsupported on your device"]
    for line in lines:
        raw = f"First paragraph here.\n\n{line}\n\nSecond paragraph here."
        assert cleaned(raw) == "First paragraph here.\n\nSecond paragraph here.", line
    # Captions stay in the text (the corpus keeps them as caption paragraphs).
    cap = "Image copyright Reuters Image caption Mike Pence has said so"
    assert cleaned(f"Prose.\n\n{cap}\n\nMore.") == f"Prose.\n\n{cap}\n\nMore."
    assert clean.is_caption(cap) and clean.is_caption("A man walks. REUTERS/Tyrone Siu")
    assert clean.is_caption("Nancy Pelosi Photographer: Andrew Harrer/Bloomberg")
    assert not clean.is_caption("The NPR/Marist Poll released late last week found so.")


def test_contributor_byline_and_bio_lines():
    tail = ["Associated Press writers Jane Roe in New York and John Doe in Iowa contributed to this report.",
            "Reporting by Jane Roe; Editing by John Doe", "— With assistance by Jane Roe and John Doe",
            "Write to Jane Roe at jane.roe@example.com", "Bleed reported from Little Rock, Arkansas.",
            "Jane Quill is a columnist for the Daily Planet. Follow her on Twitter @jquill.",
            "— Slade Roberts is the vice president of Grassroots Academy, an organization for civic life."]
    body = "\n\n".join(f"Paragraph {w} of the story." for w in ["one", "two", "three", "four"])
    for line in tail:
        assert cleaned(f"{body}\n\n{line}") == body, line
    assert cleaned(f"By Jane Roe and John Doe\n\n{body}") == body
    assert cleaned(f"Jayne Roe\n\nUSA TODAY\n\n{body}") == body
    top = "Jane Quill is CEO of JS Capital. The opinions expressed in this commentary are her own."
    assert cleaned(f"{top}\n\n{body}") == body
    # The story's own subject, named again and again, is not an author.
    story = ("The Tea Party is thin policy draped over executive orders.\n\nTrump said so.\n\n"
             "The Tea Party won, Trump said.\n\nDonald Trump is a former host who ran the Tea Party.")
    assert cleaned(story) == story
    # "contributed" in a sentence of the story is prose.
    keep = f"{body}\n\nHe contributed to this report's findings, officials said, and then left town for good."
    assert cleaned(keep) == keep


def test_house_lines_at_the_end_and_their_bulleted_forms():
    """Shapes read on outlets the first rules were not written for (one shape each, any outlet)."""
    body = "\n\n".join(f"Paragraph {w} of the story." for w in ["one", "two", "three", "four"])
    for line in ["Contributing: Jane Roe and John Doe", "Jane Roe contributed.", "Jane Roe and John Doe contributed.",
                 "⦁ Jane Roe contributed to this report.", "- CNN's Jane Roe contributed to this report.",
                 "• This article is based in part on wire service reports.", "- Follow the Desk on Twitter: @desk",
                 "Like us on Facebook.", "Join us on Facebook.com/Opinion.", "Follow on Twitter: Follow @desk",
                 "Facebook: https://www.facebook.com/desk", "Click for more from the Daily Planet.",
                 "Send letters to: letters@example.com.", "Got a TIP? Email tips@example.com",
                 "Have you been affected? Share your experiences by emailing yoursay@example.co.uk.",
                 "Corrections & Clarifications: An earlier version misspelled a name.",
                 "* Correction: An earlier version of this article gave the wrong date.",
                 "This article was produced in partnership with Acme News, a nonprofit newsroom.",
                 "Our fact check work is supported in part by a grant from Acme.",
                 "A lightly edited transcript of our conversation follows.",
                 "Adapted from Jane Roe's monologue on “The Show,” on December 5, 2018.",
                 "—Updated at 9:20 p.m.", "Advertisement Continue reading the main story", "[pullquote]", "Loading...",
                 "Support real journalism. Support local journalism. Subscribe to The Daily Planet today.",
                 "Thank you for supporting our journalism. You can subscribe to our print edition here.",
                 "For a graphic on the rulings, click example.com/x", "Read: Why the deal fell apart"]:
        assert cleaned(f"{body}\n\n{line}") == body, line
    # Near misses that are the story's text.
    # Embeds and video players in their other forms.
    for line in ["Skip Twitter post by @jroe Dear @jdoe", "“It rained.” A photo posted by Jane Roe (@jroe) on Aug "
                 "10, 2015 at 4:33am PDT", "Fair and equal. — Jane Roe (@jroe) November 16, 2019 Report",
                 'poster="http://v.example.com/images/1.jpg?pubId=1" Exclusive poll: voters want the wall',
                 "Follow Jane Roe: https://twitter.com/jroe", "More AP politics: https://apnews.com/politics",
                 "David Quill (@dquill), a former federal law clerk and prosecutor, is the founder of a legal website.",
                 "This article tagged under: Ohio", "filed under:", "Next »", "[READ: A headline of another story]",
                 "Want more from the Planet? Check this out: A headline", "—with additional reporting by Jane Roe",
                 "– Jane Quill"]:
        assert cleaned(f"{body}\n\n{line}") == body, line
    # A section's tag line over the page, repeated in its related box ("... Related Stories").
    tag = "Coverage of the storm season and its cost."
    assert cleaned(f"{tag}\n\n{body}\n\nStorms {tag} Related Stories") == body
    assert cleaned(f"{tag}\n\n{body}") == f"{tag}\n\n{body}"  # alone, a line of the story
    # Transcript notes and related-content labels, at either edge.
    for line in ["This is a rush transcript. Copy may not be in its final form.",
                 "Planet transcripts are created on a rush deadline by a contractor and may be updated.",
                 "Related content from the Daily Planet:", "Related Coverage A headline of another story"]:
        assert cleaned(f"{line}\n\n{body}") == body, line
        assert cleaned(f"{body}\n\n{line}") == body, line
    # A label of promoted links and the headline under it; a section's byline after each update.
    assert cleaned(f"Urgent:\n\nDo You Approve of the Job He Is Doing? Vote Now\n\n{body}") == body
    live = "\n\n".join(["The first update of the story.", "– Jane Quill", "The second update.", "– Jane Quill"])
    assert cleaned(live) == "The first update of the story.\n\nThe second update."
    # Under a quotation, the dash and name are its speaker; a name the story mentions is its person.
    for keep in ["“We will win.”\n\n— Jane Quill", "Jane Quill spoke first.\n\nShe spoke again.\n\n— Jane Quill"]:
        assert cleaned(f"{body}\n\n{keep}") == f"{body}\n\n{keep}", keep
    for line in ["“We looked at Subscribe Star, but it looks like PayPal cut them off,” Mr. Roe said.",
                 "John Quill, the president’s attorney through much of the inquiry, was asked to assess it.",
                 "Bill Quill is in talks with a network to host a new show, according to a report.",
                 "He contributed.", "— Oct. 15, 1984", "[three days pass]",
                 "This is a rush transcript of a speech, the clerk said.", "Related stories were published on Monday.",
                 "The channel has 10,000 subscribers, its owner said.",
                 "Kendall added, “There are no jr22@example.com e-mails from her tenure on the server.”"]:
        assert cleaned(f"{body}\n\n{line}") == f"{body}\n\n{line}", line
    # A live story's entry keeps its heading; only the time stamp before it goes.
    assert cleaned(f"{body}\n\nUpdate at 5:55 p.m. ET. Suspects Were On A No-Fly List") == \
        f"{body}\n\nSuspects Were On A No-Fly List"


def test_bios_in_the_furniture_after_the_story():
    body = "\n\n".join(f"Paragraph {w} of the story." for w in ["one", "two", "three", "four"])
    tail = "Sign up for Daily Opinion Newsletter\n\nCopyright © 2019 The Daily Planet, LLC."
    for bio in ["• Jane Quill is an economic consultant with Acme Works.", "Jane Quill served as special assistant "
                "to the governor from 2005-2007.", "Jane Quill is a Republican senator from Kentucky.",
                "The Desk is a reported column by Jane Quill, primarily focused on the presidency.",
                "The opinions expressed by columnists are their own and do not represent the views of X.com."]:
        assert cleaned(f"{body}\n\n{bio}\n\n{tail}") == body, bio
    # The story's own last lines stay: a person who is not a title, a sentence about the past,
    # a reporter's line that introduces a quote, and anyone named in the story.
    for last in ["Iranian President Hassan Rouhani was in Europe in January shoring up deals.",
                 "Jim Porter is setting his sights on the midterm elections.", "The Tampa Bay Times reports:",
                 "Jane Quill is a senator, said Jane Quill's aide, and Quill agreed."]:
        raw = f"{body}\n\n{last}\n\n{tail}"
        assert last in cleaned(raw), last
    # At the top, only the strict shapes: a lede that describes someone stays.
    lede = "The Democratic Party is in meltdown, and its leader, a congresswoman, is furious."
    assert cleaned(f"{lede}\n\n{body}").startswith(lede)


def test_headlines_under_a_label_past_the_ads_between_them():
    raw = ("Prose one.\n\nProse two ends.\n\nREAD MORE:\n\nAdvertisement\n\nMemo Details Use of Dossier\n\n"
           "Advertisement\n\nDems’ Rebuttal: Weak & Unpersuasive\n\nContrary to Claims, Memo Is Safe")
    assert cleaned(raw) == "Prose one.\n\nProse two ends."


def test_social_embeds_and_multi_part_posts():
    body = "Trump tweeted about the border on Friday.\n\nHe also spoke about trade."
    posts = ["Mexico must stop them at the border..... — Donald J. Trump (@realDonaldTrump) April 2, 2018",
             "Laura and George sitting with Ellen pic.twitter.com/AbWbhXd3RC",
             "Donald J. Trump (@realDonaldTrump) THE HOUSE COMMITTEE HAS FOUND NO EVIDENCE.",
             "A post shared by Jane Roe (@janeroe) on Jun 3, 2020 at 1:02pm PDT"]
    for post in posts:
        assert cleaned(f"{body}\n\n{post}\n\nHe left.") == f"{body}\n\nHe left.", post
    # A post in two paragraphs is set with a wider gap than the story's paragraphs.
    raw = (f"{body}\n\nMr. President, the Democrats are not working in good faith with you.\n\n\n\n"
           "Declare emergency, build the wall now. — Lindsey Graham (@LindseyGrahamSC) January 11, 2019\n\nHe left.")
    assert cleaned(raw) == f"{body}\n\nHe left."
    # A quoted post in a sentence of the story is prose.
    keep = f'{body}\n\nHe wrote: "DC has changed a lot," and signed it (@realDonaldTrump).'
    assert cleaned(keep) == keep


def test_story_highlights_and_summary_bullets():
    raw = ("Story highlights NSA says it looks at a tiny fraction of traffic\n\nAgency released a document\n\n"
           "The entire document is dated August 9, 2013.")
    assert cleaned(raw) == "The entire document is dated August 9, 2013."
    raw = ("SEATTLE (AP) — The Latest on protests:\n\nTOP OF THE HOUR:\n\n— North Carolina shooting leaves 2 dead\n\n"
           "— Seattle police say one wounded\n\n___\n\nCHARLOTTE, N.C. — Police said two people died.")
    assert cleaned(raw) == "The Latest on protests:\n\nPolice said two people died."
    # A summary box without its label: one-sentence lines at the top, each retold by its own
    # paragraph further down.  A lede retold by one paragraph is the story told twice: it stays.
    story = ["On Monday the council cut the school budget by 5%, the mayor said at a news conference.",
             "About forty teachers will lose their jobs in June, according to the union.",
             "Parents plan a protest outside city hall on Friday morning, organizers said.",
             "The cuts follow two years of falling tax revenue."]
    bullets = ["The council cut the school budget on Monday.", "Forty teachers will lose their jobs in June.",
               "Parents plan a protest on Friday."]
    assert cleaned("\n\n".join(bullets + story)) == "\n\n".join(story)
    lede = ["The council cut the school budget on Monday.", "Teachers and parents protested the council's cut.",
            "The school budget cut was the council's second."]
    retold = ["On Monday the council cut the school budget, and teachers and parents protested the council's "
              "second cut.", "Forty teachers will lose their jobs.", "The vote was 5 to 4.", "The mayor did not comment."]
    assert cleaned("\n\n".join(lede + retold)) == "\n\n".join(lede + retold)


def test_pull_quotes():
    p1 = ("They also brought diverse people together. It’s hard to believe that everyone with different views "
          "is evil when you go bowling with some of them on Friday nights.")
    pq = "It’s hard to believe that everyone with different views is evil when you go bowling with some of them on Friday nights."
    body = "\n\n".join(["First paragraph of the story.", p1, pq, "Advertisement", "Another paragraph follows."])
    assert cleaned(body) == "\n\n".join(["First paragraph of the story.", p1, "Another paragraph follows."])
    # A display quote with its speaker, anywhere in the article; a paragraph printed twice.
    q = "“I did not try to leave the scene, though driving drunk is a terrible mistake,” he said."
    raw = "\n\n".join(["Lede paragraph.", q, '"I did not try to leave the scene, though driving drunk is a '
                         'terrible mistake." — U.S. candidate Jane Roe', "More text.", "More text again here.",
                         "A paragraph that is printed twice by the page, word for word.", "Middle.",
                         "A paragraph that is printed twice by the page, word for word."])
    assert cleaned(raw) == "\n\n".join(["Lede paragraph.", q, "More text.", "More text again here.",
                                        "A paragraph that is printed twice by the page, word for word.", "Middle."])
    # A quote said once, and a short refrain, stay.
    keep = "\n\n".join(["He said it.", "“We will win,” he said.", "They cheered.", "We will win.", "The end."])
    assert cleaned(keep) == keep


def test_a_quotation_printed_twice_keeps_one_copy():
    # A quotation set alone as a paragraph, printed twice far apart: both copies are display
    # quotes of each other, but the story's text is in one of them, which stays.
    q = ("“We don't check the ads and we don't do this to help anyone, but because people should be able to "
         "see for themselves what is said. For the same reason, we also won't take it down.”")
    fill = [f"Paragraph {k} of the story goes on about the rules." for k in range(6)]
    raw = "\n\n".join(["Lede paragraph.", *fill[:4], "The company said:", q, *fill[4:], "HEADING AGAIN", q,
                       "The end."])
    out = cleaned(raw)
    assert out.count(q) == 1


def test_separators_and_section_labels():
    raw = "ANALYSIS/OPINION:\n\nThe answer starts in 2009.\n\n* * *\n\nIt went on.\n\n___\n\nThe end."
    assert cleaned(raw) == "The answer starts in 2009.\n\nIt went on.\n\nThe end."


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


# Text built from the pieces the rules react to, so that rules fire and overlap: the
# character rules, datelines and credits, and every kind of page furniture (whole lines,
# prefixes, inline pieces, blocks over several lines, pull quotes).
_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\n\n\n\n", "\r\n", "\r", "\t", "\u00a0", "\ufeff", "\u00ad", "e\u0301", "., ",
    "date 2024-05-31 ", "WASHINGTON — ", "CNN\n—\n", " / AP", "(Reuters)", "Calls", "Europe\n",
    "Pentagon to give Ukraine weapons\n", "This story has been updated.", "Advertisement\n",
    "Kharkiv., The", "U.S.", "“", "”", "\"", "word", "Word", "sentence.", " Jr., who",
    "Washington (CNN) ", "(CNN) ", "ROME–", "UPDATE - ", "Update: ", "Updated at 3:04 p.m. ET. ",
    "Share All sharing options for: ", "AD\n", "Story Continued Below\n", "Read more: x\n", "READ MORE:\n",
    "Follow @x\n", "© 2019 X\n", "Sign up for news\n", "Image copyright Getty\n", "Image caption ",
    "Jane Roe/AP\n", "(AP Photo/Jane Roe)", "JUST WATCHED x\n", "Slideshow (3 Images)\n",
    "By Jane Roe\n", "USA TODAY\n", "Jane Roe contributed to this report.", "Reporting by X\n",
    "Jane Roe is a columnist. Follow her on Twitter @jr.", "The opinions expressed in this commentary are his own.",
    "— Jane Roe (@jroe) May 2, 2019", "pic.twitter.com/abc", "Jane Roe (@jroe) SAYS ",
    "Story highlights ", "TOP OF THE HOUR:\n", "— bullet\n", "___\n", "* * *\n", "ANALYSIS:\n",
    "KANYE WEST NO LONGER SUPPORTS TRUMP\n", "Trump Donald John TrumpGOP wins MORE", " MORE’s",
    " (RELATED: A headline)", "( Also on X: a link)", "Long read: A story\n", "A headline Read more\n",
    "It is hard to believe that anyone would do that on a Friday night.",
    "“It is hard to believe that anyone would do that,” ", "” — Jane Roe", "May 2, 2019\n",
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


# --------------------------------------------------------------------------- fast paths
#
# Some rules take shortcuts for speed (see the comments in analysis/clean.py).  Each is
# compared here with the plain formulation it replaces, on texts made of the characters
# and pieces where the two could part ways.

def _whitespace_plain(text: str) -> list:
    """whitespace() as one scan of the whole text with _WS (no local search)."""
    return [(m.start(), m.end(), clean._WS_REPLACEMENT[m.lastgroup]) for m in clean._WS.finditer(text)
            if m.group() != clean._WS_REPLACEMENT[m.lastgroup]]


def _nfc_plain(text: str) -> list:
    """unicode_nfc() without the whole-text check: line by line only."""
    import unicodedata

    out = []
    for m in re.finditer(r"[^\n]+", text):
        line, norm = m.group(), unicodedata.normalize("NFC", m.group())
        if norm != line:
            out.append(clean._minimal_change(m.start(), line, norm))
    return out


def _no_ws_shortcut(rules=clean.RULES):
    """The same rules, with whitespace wrapped so that clean_text cannot skip it."""
    return tuple(clean.Rule(r.name, (lambda t: clean.whitespace(t)) if r.func is clean.whitespace
                            else r.func, r.kinds) for r in rules)


_SHAPE = clean._furniture_shape


def _shape_plain(s: str, edge: bool, ends: bool):
    """_furniture_shape without its dispatch by first word: every whole-line shape is tried
    (and every edge shape, for a line at an edge)."""
    for kind, _words, pattern in clean._WHOLE_SHAPES + (clean._EDGE_SHAPES if edge else []):
        if re.fullmatch(pattern, s):
            return kind
    saved = clean._WHOLE, clean._EDGE
    clean._WHOLE, clean._EDGE = {}, {}
    try:
        return _SHAPE(s, edge, ends)
    finally:
        clean._WHOLE, clean._EDGE = saved


def _furniture_plain(s: str, edge: bool, ends: bool):
    """_furniture_line with _shape_plain in place of _furniture_shape (bullets handled alike)."""
    saved = clean._furniture_shape
    clean._furniture_shape = _shape_plain
    try:
        return clean._furniture_line(s, edge, ends)
    finally:
        clean._furniture_shape = saved


_WS_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\u00a0", "\u2000", "\u200a", "\u3000", "\u202f",
    "\r\n", "\u200b", "\x0b", "\u2028", "\x85", "a", "b.", "e\u0301", "\u0301", "\u1100\u1161",
    "Advertisement", "Advertisement\n", "\nAdvertisement", "Read more: x", "UPDATE\n:",
    "This story has been updated.", "Correction: typo", "CNN\n—\n", "WASHINGTON — ", " / AP",
    "Kharkiv., The", "Prose.\n", "World News\n", "Russia hits rail lines in border region\n",
    " Jr., The", "U.S., And", "!\t, “The", "? , The", "Europe", "\nCalls\n",
])


def _without_prefilters(func, text: str):
    """``func(text)`` with the cheap pre-check of stray_comma disabled."""
    saved = clean._COMMA_AFTER_STOP_OR_SPACE
    clean._COMMA_AFTER_STOP_OR_SPACE = re.compile("")
    try:
        return func(text)
    finally:
        clean._COMMA_AFTER_STOP_OR_SPACE = saved


_ws_texts = st.lists(_WS_PIECES, max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(_ws_texts)
def test_fast_paths_equal_plain_formulations(text):
    assert clean.whitespace(text)[0] == _whitespace_plain(text)
    assert clean._ws_suspect(text) == bool(_whitespace_plain(text))
    assert clean.unicode_nfc(text)[0] == _nfc_plain(text)
    plain_invisible = re.compile(clean._INVISIBLE_CLASS + "+")
    assert [m.span() for m in clean._INVISIBLE.finditer(text)] == [m.span() for m in plain_invisible.finditer(text)]
    assert clean.stray_comma(text) == _without_prefilters(clean.stray_comma, text)
    a, b = clean_text(text), clean_text(text, _no_ws_shortcut())
    assert (a.text, a.edits, a.meta) == (b.text, b.edits, b.meta)


_LINE_PIECES = st.sampled_from([
    "Advertisement", "AD", "Share", "Read more", "Read more: ", "READ MORE", "Related", "RELATED: ",
    "Follow @x", "Sign up", "© 2019", "Copyright 2019", "JUST WATCHED", "Slideshow (3 Images)",
    "Image copyright ", "Image caption ", "Jane Roe/AP", "(Photo: X)", "By Jane Roe", "Reporting by ",
    "contributed to this report", "newsletter", "inbox", "Updated", "Updated at 3:04 PM ET",
    "May 2, 2019", "— Jane Roe (@jroe) May 2, 2019", "pic.twitter.com/abc", "http://x.co/y",
    "KANYE WEST SAYS NO MORE", "TOP OF THE HOUR:", "___", "* * *", "(", ")", ":", " ", "a", "The", "word",
    ".", "?", "“", "”", "\"", "—", "-", "/", "@", "1", "Jane", "Roe", "is a columnist", "If you enjoyed this",
    "- ", "• ", "⦁ ", "Contributing: ", "Click for more from ", "Like us on Facebook", "Read: ", "Opinion: ",
    "Adapted from ", "Corrections & Clarifications: ", "Loading...", "CLOSE", "[pullquote]", "Listen · 3:04",
    "x@y.com", "Email ", "Send letters to ", "subscribe to", "Support local journalism", "contributed",
    "For a graphic, click ", "Facebook: https://x", "This article is based in part on wire service reports",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE_PIECES, min_size=1, max_size=12).map("".join), st.booleans(), st.booleans())
def test_line_dispatch_equals_trying_every_shape(s, edge, ends):
    s = s.strip()
    if s:
        assert clean._furniture_line(s, edge, ends) == _furniture_plain(s, edge, ends)


def test_fast_paths_on_hand_made_texts():
    for text in ["", " ", "\n", "a", "a ", " a", "a\n", "a  b", "a \nb", "a\n b", "a\n\n\nb",
                 "a\n \n \nb", "a\u00a0b", "a\tb", "x " * 50 + " \n\n\n  y", "\u3000\u3000",
                 "Prose.\nAdvertisement\n \nMore.", "Prose. \nAdvertisement\n\nMore.",
                 "Advertisement\nAdvertisement\n\nAdvertisement", "a\n\nAdvertisement\n\n"]:
        assert clean.whitespace(text)[0] == _whitespace_plain(text), text
        a, b = clean_text(text), clean_text(text, _no_ws_shortcut())
        assert (a.text, a.edits) == (b.text, b.edits), text
    for text in ["limited to Kharkiv., The official said.", "Kharkiv. , The", "Kharkiv.\t, The"]:
        assert clean.stray_comma(text) == _without_prefilters(clean.stray_comma, text), text
        assert clean_text(text).edits, text
    # Removing lines can leave white space that the last pass must fix: here the two
    # removals overlap and leave a final line break, which that pass trims.
    r = clean_text("Prose.\nAdvertisement\nAdvertisement")
    assert (r.text, [e["rule"] for e in r.edits]) == ("Prose.", ["ad+whitespace"])
    # The ASCII shortcut for odd spaces relies on the tab being the only ASCII one.
    assert [chr(i) for i in range(128) if clean._ODD_SPACE.match(chr(i))] == ["\t"]


# --------------------------------------------------------------------------- issue 14, unseen outlets

def _removed_as(line: str) -> set[str]:
    """The rules that removed ``line`` set between two paragraphs of prose (empty: it stayed)."""
    raw = f"First paragraph here.\n\n{line}\n\nSecond paragraph here."
    r = clean_text(raw)
    if r.text != "First paragraph here.\n\nSecond paragraph here.":
        assert line in r.text, line  # all or nothing: the line stays whole
        return set()
    return {n for e in r.edits for n in e["rule"].split("+")} - {"whitespace"}


def test_link_cards_with_a_glued_label_and_bracketed_links():
    assert _removed_as("Read More A Quiet Town Counts Its Votes Most primaries are run by the states.") == {"related"}
    assert _removed_as("Related A guide to how the candidates plan to fight floods") == {"related"}
    assert _removed_as("[Related: The Latest Polls Collected By Us]") == {"related"}
    assert _removed_as("[Mapping the Outbreak: Get daily updates on the pandemic.]") == {"related"}
    assert _removed_as("Read: Mayor's Pick Says He “Fixed the Roads.” It May Be Just One Road.") == {"related"}
    assert _removed_as("Read more in the full note.") == {"share"}
    # A sentence that only opens with the word stays.
    assert _removed_as("Related Companies said it would build the tower.") == set()
    assert _removed_as("Read: the report says the mayor left.") == set()


def test_credit_contributor_media_and_sign_up_lines_of_unseen_outlets():
    for line in ["Photograph of a closed shop by Jane Roe/Acme Wire/Getty Images.", "Photograph by Jane Roe/picture desk/Getty Images.",
                 "Note: Photo by Stockpics.com.", "Illustration by Jane Roe", "Featured image by Jane Roe/Pexels"]:
        assert _removed_as(line) == {"photo_credit"}, line
    for line in ["Material from the Wire and the Agency was used in this story.", "Information from the Wire was used in this report.",
                 "This report contains material from the Wire."]:
        assert _removed_as(line) == {"contributor"}, line
    for line in ["Listen to the latest episode of the Daily Planet podcast.", "Can't see the video? Click here.", "media: 18892049"]:
        assert _removed_as(line), line
    promo = "Acme is a nonprofit newsroom that digs. Sign up to receive our biggest stories as soon as they’re published."
    assert _removed_as(promo) == {"newsletter"}
    # Prose about photographs, sign-ups and used material stays.
    for line in ["Photos by Smith show the flooded street.", "Volunteers came early. Sign up sheets were posted at the door.",
                 "“Sign up for our newsletter,” the ad said."]:
        assert _removed_as(line) == set(), line


def test_title_case_headlines_are_link_cards_but_lists_and_subheads_stay():
    assert clean.title_case("Mayor Cost From Rate Hikes May Already Top $5 Million a Year")
    assert not clean.title_case("Three men indicted on murder charges in the killing of a jogger")
    # Below the top lines (where a title or a dek may stand), 13 words or more.
    long_card = "Mayor Cost From Rate Hikes May Already Top $5 Million a Year and Rising"
    raw = f"Top line.\n\nSecond line.\n\nThe story goes on here.\n\n{long_card}\n\nThe story ends here."
    r = clean_text(raw)
    assert long_card not in r.text and [e["rule"] for e in r.edits] == ["related"]
    box = "\n\n".join(["Governor Signs the Budget After Months of Delay", "Senate Leader Vows to Block the Water Bill",
                       "Court Hears Challenge to the New District Maps"])
    raw = f"Top line.\n\nSecond line.\n\nThe story goes on here.\n\n{box}\n\nThe story ends here."
    assert clean_text(raw).text == "Top line.\n\nSecond line.\n\nThe story goes on here.\n\nThe story ends here."
    # A subhead of 12 words or fewer, a list the story introduces, names and table rows stay.
    for middle in ["How the Senate Could Change Its Rules",
                   "The bills he signed:\n\n" + box,
                   "\n\n".join(["Jane Roe, Court of Appeals for the Circuit", "John Doe, Court of Appeals for the District",
                                "Mary Major, District Court for the Capital"]),
                   "\n\n".join(["Corporate Loss Treatment: $88.70 billion", "Charitable Deductions: $4.83 billion",
                                "Pass-Through Entities: $140.61 billion"])]:
        raw = f"Top line.\n\nSecond line.\n\nThe story goes on here.\n\n{middle}\n\nThe story ends here."
        assert clean_text(raw).text == raw, middle


def test_house_notes_players_labels_and_credits_in_their_other_wordings():
    expected = {
        "This story also appears in the Weekly Planet.": "editors_note",
        "The following first appeared on the Capitol Journal website.": "editors_note",
        "This column originally appeared in the Daily Planet.": "editors_note",
        "Embed A clip of the mayor 2:30 autoplay autoplay Copy this code to your website or blog": "media",
        "Now playing: Watch this: How to shop safely": "media",
        "Related - Acme Wants to Fix the Roads. Will It Work?": "related",
        "(Check out our new podcast at planetpodcast.com.)": "related",
        "Like WXYZ on Facebook and follow @WXYZ on Twitter to join the conversation.": "share",
        "Jane Roe and John Doe contributed from Washington.": "contributor",
        "**Written by Jane Roe": "byline",
        "Cover: A satellite image of the detention center.": "photo_credit",
        "Featured image: A rally in Columbus, Ohio, May 1, 2020.": "photo_credit",
    }
    for line, kind in expected.items():
        assert _removed_as(line) == {kind}, line
    for line in ["Top: the mayor left early.", "The following day the mayor appeared in court.",
                 "Jane Roe contributed from her savings to the campaign."]:
        assert _removed_as(line) == set(), line


def test_captions_that_open_with_their_credit_or_end_with_a_credit_sentence():
    assert clean.is_caption("Jane Roe / Getty Images The governor speaks during a news conference on Feb. 27.")
    assert clean.is_caption("Jane Roe / AFP via Getty Images The county's health director at a briefing.")
    assert clean.is_caption("The justices in 2019. Photo illustration by Acme. Photo by Jane Roe/Getty Images.")
    assert not clean.is_caption("Sen. Ron Wyden / D-Ore. Said the bill would pass the house now.")
    assert not clean.is_caption("He said the picture was good. Photo by Smith.")


def test_prompts_need_a_prompt_s_words_and_asides_stay():
    for line in ["Listen to the interview and you hear a man who has given up.", "(Follow the money, as they say.)",
                 "(Check out the numbers yourself.)", "This report uses information from the census to count homes.",
                 "This column first ran twenty years ago, and little has changed.",
                 "Voters had a week left. Register for the primary by Friday."]:
        assert _removed_as(line) == set(), line
    for line in ["Listen to the full interview below.", "(Follow our coverage at planetnews.com.)",
                 "This column originally appeared in the Daily Planet."]:
        assert _removed_as(line), line


def test_bios_that_ask_to_follow_anywhere_and_contact_rows():
    bio = "Jane Q. Roe is an attorney and a contributor to the Planet. Follow her on Twitter @janeqroe"
    raw = f"The story opens here.\n\n{bio}\n\nThe story goes on.\n\nIt goes on more.\n\nAnd more.\n\nAnd more again.\n\nEnd."
    r = clean_text(raw)
    assert bio not in r.text and [e["rule"] for e in r.edits] == ["author_bio"]
    assert _removed_as("Jane Roe: 502-555-0100; jroe@planet.com; Twitter: @jroe.") == {"author_bio"}
    assert _removed_as("You can follow Jane Roe on Twitter @jroe.") == {"share"}
    # A sentence of the story about a person who asks to be followed stays; so does a phone
    # number in a story's sentence without an address.
    keep = "The senator, who is a lawyer, told reporters to follow her on Twitter, where she posts daily."
    assert _removed_as(keep) == set()
    assert _removed_as("The hotline, 800-555-0100, was busy all night.") == set()


def test_player_prompts_listings_and_audio_cards():
    for line in ["Watch the full 13-minute presser.", "Watch Jane Roe's remarks.", "Watch that presentation.",
                 "Listen to the discussion of this article on Planet Radio:",
                 "Watch Jane Roe on 'The Show' Monday at 6 p.m. ET.", "Watch The Show Sundays at 9am ET.",
                 "From 'The Show': Jane Roe reports on the storm Listen",
                 "Here's our podcast with Jane Roe. Listen below. Subscribe to the Planet Podcast at iTunes."]:
        assert _removed_as(line), line
    assert _removed_as("NOW WATCH: ‘The Mayor Wants a New Road’") == {"related"}
    for line in ["Watch what happens next.", "Watch for the vote to slip into next week.",
                 "Watch his hands when he talks about the budget, one aide said."]:
        assert _removed_as(line) == set(), line


def test_a_credit_via_an_agency_or_marked_as_file_ends_a_caption():
    assert clean.is_caption("Workers unload boxes in New York, March 31, 2020. Jane Roe/Getty Images, FILE")
    assert clean.is_caption("The senator at the convention, Aug. 17, 1992. Acme Photos via Getty Images")
    assert not clean.is_caption("The senator said the files were lost, in a FILE")


def test_syndication_read_the_full_story_standards_and_more_contributor_forms():
    expected = {
        "AP writers Jane Roe, John Doe and Mary Major contributed.": "contributor",
        "(Planet wire services contributed to this report).": "contributor",
        "Read the full story about the vote here.": "share",
        "Read more and view the documents.": "share",
        "We are committed to accuracy in all of our journalism. Read our editorial standards.": "editors_note",
        "Credit:": "photo_credit",
        "Like what you see? Sign up for free news alerts from Planet.com, the news network.": "newsletter",
        "Get the Planet in your inbox Signup for our weekly newsletter. Cancel at any time.": "newsletter",
    }
    for line, kind in expected.items():
        assert _removed_as(line) == {kind}, line
    raw = "One.\n\nTwo.\n\nThree.\n\nReprinted from the Wire with permission from Acme Publishing, LLC."
    assert [e["rule"] for e in clean_text(raw).edits] == ["copyright"]
    assert clean.is_caption("The board member explains the question the justices raised. Photo credit: Getty Images")
    for line in ["Read the full report, and you will see why.", "The writers contributed essays to the book.",
                 "Reprinted maps were handed out at the meeting."]:
        assert _removed_as(line) == set(), line


def test_section_labels_before_the_lede_update_notes_and_reprint_notes():
    r = clean_text("ANALYSIS — Voters went to the polls on Tuesday.\n\nThey chose.")
    assert r.text == "Voters went to the polls on Tuesday.\n\nThey chose." and [e["rule"] for e in r.edits] == ["section_label"]
    assert cleaned("OPINION: The mayor is wrong.") == "The mayor is wrong."
    assert cleaned("Analysis of the vote came later.") == "Analysis of the vote came later."
    assert _removed_as("Updated at 9:09 p.m.: to include the governor's remarks on beaches.") == {"editors_note"}
    assert _removed_as("Editors’ Note, June 5, 2020:") == {"editors_note"}
    assert _removed_as("From Ensia (find the original story here); reprinted with permission.") == {"copyright"}
    assert _removed_as("Updated rules take effect Monday, the agency said.") == set()


def test_a_box_of_headlines_after_the_last_sentence():
    box = "Also on the Ticker\n\n- Mayor says he'd break the pledge\n\n- Council: Voters care about roads\n\n- Governor gets a bump"
    raw = f"The story opens.\n\nIt goes on.\n\nIt ends here.\n\n{box}"
    r = clean_text(raw)
    assert r.text == "The story opens.\n\nIt goes on.\n\nIt ends here." and {e["rule"] for e in r.edits} == {"related+whitespace"}
    # A list the last paragraph introduces, and two lines (a heading and a signature), stay.
    for tail in ["The board:\n\nJane Roe, publisher\n\nJohn Doe, editor\n\nMary Major, writer",
                 "Jane Roe\n\nThe Planet's Capitol bureau"]:
        raw = f"The story opens.\n\nIt goes on.\n\nIt ends here.\n\n{tail}"
        assert clean_text(raw).text == raw, tail


def test_poll_promos():
    assert _removed_as("Should the Mayor Resign? Vote Here!") == {"ad"}
    raw = "The story opens.\n\nVote Now:\n\nDo You Approve Of the Mayor? Vote Here!\n\nThe story goes on."
    assert cleaned(raw) == "The story opens.\n\nThe story goes on."
    assert _removed_as("Asked whether he would run, he said: “Vote now!”") == set()


def test_asides_in_brackets_and_a_dash_after_more_stay():
    for line in ["[Full disclosure: I worked for him in 2010.]", "More — Much More — Is at Stake Than the Mayor Thinks.",
                 "[Note: The figures are from the census.]"]:
        assert _removed_as(line) == set(), line
    assert _removed_as("[Read more: The Mayor's Plan]") == {"related"}


def test_embedded_posts_in_their_other_forms():
    for line in ["View this post on Instagram A post shared by Jane Roe (@jroe) on May 2, 2019 at 4:33pm PDT",
                 "We did it! Thank you all. Posted by Jane Roe on Tuesday, May 2, 2019",
                 "The vote is a disgrace. pic.twitter.com/abc123 — Jane Roe (@jroe) 2:32 PM - 2 May 2019",
                 "The vote is a disgrace. https://t.co/abc123"]:
        assert _removed_as(line) == {"social_embed"}, line
    assert _removed_as("The video was posted by Jane Roe on May 2, 2019") == set()


def test_common_page_furniture_in_its_usual_wordings():
    expected = {
        "Advertisement - story continues below": "ad", "Story continues below advertisement": "ad",
        "Published 3:04 p.m. ET May 3, 2019 | Updated 5:12 p.m. ET May 3, 2019": "date_line",
        "Posted: May 2, 2019 / 04:33 PM EDT": "date_line",
        "Share on Facebook Share on Twitter": "share", "Print this article": "share", "Show more": "share",
        "Already a subscriber? Log in": "newsletter",
        "More from The Planet": "related", "Recommended for you": "related", "Read Next": "related",
        "Don't miss": "related", "Topics: Elections": "related",
        "Click to play": "media", "Video player loading": "media", "Loading video...": "media", "Watch more": "media",
        "Image source, Getty Images": "photo_credit",
    }
    for line, kind in expected.items():
        raw = f"He left the room.\n\n{line}\n\nShe stayed.\n\nMore.\n\nMore again.\n\nYet more.\n\nEnd of it.\n\nFinal."
        r = clean_text(raw)
        assert line not in r.text and {n for e in r.edits for n in e["rule"].split("+")} - {"whitespace"} == {kind}, line
    assert cleaned("By Jane Roe | The Planet\n\nThe story starts here.\n\nIt goes on.") == "The story starts here.\n\nIt goes on."
    assert clean.is_caption("Image source, Reuters Image caption, The minister spoke on Monday")
    for line in ["More from Sir John Curtice", "Show more of the receipts to the court, the judge said."]:
        assert _removed_as(line) == set(), line


def test_datelines_with_a_wire_date_a_dash_after_the_outlet_or_no_space():
    for raw, meta in [("LONDON, May 2 (Reuters) - The minister said so.", {"dateline": "LONDON", "credit": "Reuters"}),
                      ("Washington (CNN) - The minister said so.", {"dateline": "Washington", "credit": "CNN"}),
                      ("Seoul, South Korea (CNN)The minister said so.", {"dateline": "Seoul, South Korea", "credit": "CNN"})]:
        r = clean_text(raw)
        assert r.text == "The minister said so." and r.meta == meta, raw
    for keep in ["Sen. Jane Roe (R)Texas said so.", "The report (PDF) said so."]:
        assert cleaned(keep) == keep


def test_notes_legal_links_form_words_and_staff_bylines():
    expected = {
        "All content © 2019 The Planet": "copyright", "Distributed by Acme Content Agency, LLC.": "copyright",
        "Correction, May 2: An earlier version misstated the date.": "editors_note",
        "A version of this article appeared in print on May 2, 2019, Section A, Page 1.": "editors_note",
        "The Associated Press contributed.": "contributor", "Newsletter": "newsletter", "Sign Up": "newsletter",
        "Enter your email": "newsletter", "Privacy Policy": "copyright", "Terms of Use": "copyright",
        "Top Stories": "related", "Next Article": "related",
    }
    for line, kind in expected.items():
        assert _removed_as(line) == {kind}, line
    for line in ["A version of this bill passed the House.", "Distributed by mail, the ballots arrived late."]:
        assert _removed_as(line) == set(), line
    head = "A Title Line Here\n\n{}\n\nThe story opens.\n\nIt goes on.\n\nMore.\n\nMore again.\n\nEnd."
    assert [e["rule"] for e in clean_text(head.format("Jane Roe, Staff Writer")).edits] == ["byline"]
    # A name alone stays (a short heading, an excerpt's attribution), and so does a person of the story.
    for line in ["Jane Roe", "Jane Roe, The Outlet", "Climate Consciousness"]:
        assert clean_text(head.format(line)).text == head.format(line), line
    story = head.format("Jane Roe, Staff Writer").replace("It goes on.", "Roe said so. Roe left.")
    assert "Jane Roe, Staff Writer" in clean_text(story).text


def test_inline_related_links_in_mixed_case():
    r = clean_text("The mayor left early on Monday. (Related: Mayor Quits Amid Scandal) He did not return.")
    assert r.text == "The mayor left early on Monday. He did not return." and [e["rule"] for e in r.edits] == ["related"]
    assert cleaned("The mayor left (see: the report) on Monday.") == "The mayor left (see: the report) on Monday."


def test_the_last_entries_of_a_timeline_are_not_a_box_of_links():
    """A list the story runs ("TARGET: ..." entries) continues after its last sentence: its
    last entries carry the labels the story's body already used, which no box of links does."""
    story = ("The group claimed attacks in several countries over two years, officials said on Monday.\n\n"
             "PARIS, FRANCE\n\nJune, 2016\n\nTARGET: Two police officers killed in knife attack\n\n"
             "ATTACKER: French national\n\nThe list below was compiled from court records and police statements.\n\n"
             "BERLIN, GERMANY\n\nDecember, 2016\n\nTARGET: Twelve killed in truck attack at a market\n\n"
             "ATTACKER: Tunisian national\n\nNICE, FRANCE\n\nJuly, 2016\n\n"
             "TARGET: Eighty-six killed in truck attack on a promenade\n\nATTACKER: Tunisian national\n")
    c = an.from_texts({"a": story})
    assert sum(t.startswith("TARGET: ") for t in c.paragraphs.text) == 3
    box = ("The council approved the budget on Tuesday after a long debate.\n\n"
           "Mayor Unveils Plan to Fix Potholes Across the City\n\nSchool Board Delays Vote on New Calendar\n\n"
           "Library Hours Extended for the Summer Season\n")
    assert an.from_texts({"a": box}).paragraphs.text.tolist() == ["The council approved the budget on Tuesday after a long debate."]


def test_a_label_before_a_paragraph_of_prose_is_no_link():
    # "Up next:" before a long paragraph of the story's sentences: prose, kept whole.
    para = ("Up next: Jane Roe, whose job was somewhat akin to following a rock star. She was as upfront and "
            "persuasive as usual, pointing out the dearth of a plan for the country from her rival, and noting "
            "his opposition to the minimum wage and to lowering student debt. Yet she suffered from following "
            "the speaker before her, who had the crowd on its feet.")
    raw = "\n\n".join(["The convention opened on Monday.", para, "The night ended late."])
    assert cleaned(raw) == raw
    # A label and a headline (with its dek) is still a link line.
    link = "Read more: Small firms are the battleground. Four fund managers share their picks."
    assert cleaned("\n\n".join(["The convention opened on Monday.", link, "The night ended late."])) == \
        "The convention opened on Monday.\n\nThe night ended late."


def test_a_caption_that_reuses_a_sentence_leaves_the_story_s_line():
    # The photo's caption at the top reuses the lede's second sentence (names spelled out): the
    # story's line is no display quote of it, and stays.
    cap = ("The vote gives Judiciary Committee Chairman Jane Roe the discretion to issue a subpoena at any time "
           "to the attorney general, a move that would launch a legal fight. | John Doe/AGENCY")
    line = ("The vote gives Roe the discretion to issue a subpoena at any time to the attorney general, "
            "a move that would launch a legal fight.")
    raw = "\n\n".join([cap, "The committee on Wednesday authorized Roe to issue a subpoena for the report.",
                       line, "But Roe indicated that she won't issue it right away.", "The end of it."])
    assert line in cleaned(raw)
    # A display quote beside its paragraph still goes.
    p1 = "They brought people together. It is hard to believe that everyone with different views is evil at all."
    pq = "It is hard to believe that everyone with different views is evil at all."
    raw = "\n\n".join(["First paragraph of the story.", p1, pq, "Another paragraph follows.", "The end."])
    assert pq not in cleaned(raw).replace(p1, "")


def test_a_live_story_s_time_stamps_go_and_its_entries_stay():
    body = "\n\n".join(f"Paragraph {w} of the story." for w in ["one", "two", "three"])
    cases = {
        "Update at 3:52 p.m. - Sen. Roe reads a letter from the Alamo.": "Sen. Roe reads a letter from the Alamo.",
        "UPDATE II - The instant poll gives Roe a lead.": "The instant poll gives Roe a lead.",
        "Update 1330: Jane Roe speaks": "Jane Roe speaks",
        "Updated 4:42 p.m - Sen. Doe has joined the filibuster.": "Sen. Doe has joined the filibuster.",
        "[Updated 10:14 a.m. ET] Some background on the brothers:": "Some background on the brothers:",
        "[Updated 5:51 a.m. ET]: \"Traffic is suspended,\" police say.": "\"Traffic is suspended,\" police say.",
        "Updated 10:50 a.m. ET: On Sunday the group refused to back the bill.": "On Sunday the group refused to back the bill.",
        "Update at 7:06 a.m. ET. 19 Reportedly Dead:": "19 Reportedly Dead:",
    }
    for line, kept in cases.items():
        assert cleaned(f"{body}\n\n{line}\n\n{body}") == f"{body}\n\n{kept}\n\n{body}", line
    # A stamp alone goes whole, with a date in slashes too; what an update added is a note.
    for line in ["Updated at 5:22 p.m ET", "Updated 9:45 a.m., 12/14/2013", "Update at 2:45 p.m. ET",
                 "Update at 12:30 p.m. ET:", "Updated 5:14 p.m. ET on 7/24",
                 "Updated at 9:09 p.m.: to include the governor's remarks on beaches."]:
        assert cleaned(f"{body}\n\n{line}\n\n{body}") == f"{body}\n\n{body}", line
    # Prose that opens with the word stays whole.
    for line in ["Updated rules take effect Monday, officials said.", "Update. It went on from there.",
                 "Update on Monday: talks resumed.", "Update 5 things changed in the law."]:
        assert cleaned(f"{body}\n\n{line}") == f"{body}\n\n{line}", line
    r = clean_text(f"{body}\n\n[Updated 10:14 a.m. ET] Police said so.")
    assert rebuild_raw(r.text, r.edits) == r.raw


def _between_paragraphs(lines, prose: list[str], same_story_after: bool = False) -> None:
    """Each line of ``lines`` between two runs of story paragraphs is removed (as its kind,
    when ``lines`` maps lines to kinds); each line of ``prose`` there stays.  The paragraphs
    after the line are the same as before it with ``same_story_after``, else other ones."""
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four",
                                                                               "five", "six", "seven", "eight"])
    other = body if same_story_after else body.replace("Paragraph", "Part")
    for line in lines:
        raw = f"{body}\n\n{line}\n\n{other}"
        assert cleaned(raw) == f"{body}\n\n{other}", line
        if isinstance(lines, dict):
            assert set(_kinds(raw).values()) == {lines[line]}, line
    for line in prose:
        raw = f"{body}\n\n{line}\n\n{other}"
        assert cleaned(raw) == raw, line


def test_more_house_lines_read_on_unseen_outlets():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four",
                                                                               "five", "six", "seven", "eight"])
    lines = {"Don't see the graphic above? Click here.": "media", "Not seeing the video? Click here.": "media",
             "Originally published on March 21, 2013. Updated on June 26, 2013.": "date_line",
             "Editor: Jane Roe": "contributor", "Designer: John Doe": "contributor",
             "—Editorial: Jane Roe, John Doe.": "contributor",
             "Related poll: Is the holiday sale worth it?": "related", "Related document:": "related",
             "(Click here for our most recent updates.)": "share",
             "(Click on the link to go to a database of all these people. )": "share",
             "A New Movie Exposes His Vision for America. Click here.": "share",
             "To continue reading Jane Roe's column on other topics, click here.": "share",
             # in the middle of the story, a line that is only a contributor note
             "- The Planet's Jane Roe contributed to this report.": "contributor",
             "Planet correspondent Jane Roe contributed this report.": "contributor",
             "With Planet wires": "contributor",
             "More On This... A governor revs up his money machine in a weekend": "related",
             "Story continues below video.": "ad"}
    for line, kind in lines.items():
        raw = f"{body}\n\n{line}\n\n{body}"
        assert cleaned(raw) == f"{body}\n\n{body}", line
        assert set(_kinds(raw).values()) == {kind}, line
    # Near misses: the story's own sentences.
    for line in ["Editor: The paper stands by the story.", "Research: Most voters agree with it, a poll found.",
                 "Related charges: two counts of fraud.", "Don't see why he did it, she said.",
                 "He told me to click here.", "“If you want more, click here,” he wrote.",
                 "The senator said the bill was bad. Jane Roe contributed to this report.",
                 "Her research contributed to the report."]:
        raw = f"{body}\n\n{line}\n\n{body}"
        assert cleaned(raw) == raw, line


def test_calls_for_readers_stories_and_poll_promos():
    _between_paragraphs(
        ["Are protests taking place near you? Please share photos, videos and thoughts with the Planet "
         "if you can do so safely.",
         "Please include a contact number if you are willing to speak to a Planet journalist. You can also "
         "contact us in the following ways:",
         "Does the ban affect you or your loved ones? We want to hear your stories. Tag us on social media.",
         "Share your story: Are you seeing higher premiums on the exchanges?",
         "Tell us your thoughts in the comments below.",
         "Should the Mayor Stick to His Guns? Vote Here."],
        # The story's sentences about sharing, and a quoted call, stay.
        ["Residents were urged to share photos with the police, who asked that you stay home.",
         "“Please share your stories with us,” the mayor told you.",
         "If you want to share your story, the group said, you can call them."], same_story_after=True)


def test_a_label_printed_twice_and_notes_on_the_page_itself():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four",
                                                                               "five", "six", "seven", "eight"])
    lines = {"Advertisement Advertisement": "ad", "Share Share": "share",
             "This transcript has been automatically generated and may not be 100% accurate.": "editors_note",
             "Story updated with second tweet.": "editors_note", "Use this form to ask your question:": "share"}
    for line, kind in lines.items():
        raw = f"{body}\n\n{line}\n\n{body}"
        assert cleaned(raw) == f"{body}\n\n{body}", line
        assert set(_kinds(raw).values()) == {kind}, line
    for line in ["Very very", "New York New York", "Story updated rules, the mayor said.",
                 "Use this form to apply, your office said."]:
        raw = f"{body}\n\n{line}\n\n{body}"
        assert cleaned(raw) == raw, line


def test_a_photo_s_source_a_relative_stamp_and_a_dated_byline_at_the_top():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four"])
    for line, kind in {"7 years ago": "date_line", "(Pixabay)": "photo_credit",
                       "(Jane Roe/iStock/Getty Images Plus)": "photo_credit", "Getty Images": "photo_credit",
                       "Photo : Jane Roe ( Shutterstock )": "photo_credit",
                       "Please enable Javascript to watch this video": "media", "Watch more! (Reuters)": "media",
                       "By Jane Roe • March 25, 2016 05:37 PM": "byline"}.items():
        raw = f"A Headline For The Story\n\n{line}\n\n{body}"
        assert cleaned(raw) == f"A Headline For The Story\n\n{body}", line
        assert set(_kinds(raw).values()) == {kind}, line
    # A transcript's stage direction and a sentence stay; a news agency alone is the story's credit.
    for line in ["(Applause)", "7 years ago, he left."]:
        raw = f"A Headline For The Story\n\n{line}\n\n{body}"
        assert cleaned(raw) == raw, line
    assert clean_text(f"{body}\n(Reuters)").meta["credit"] == "Reuters"


def test_display_copies_word_for_word_beside_their_paragraph():
    para = ("The court ruled against the state. There's a term for this: compelled speech. Historically, it was "
            "among the worst forms of censorship, and it still is, the judge wrote in her opinion on Monday.")
    copy = "There's a term for this: compelled speech. Historically, it was among the worst forms of censorship."
    body = ["Paragraph one of the story goes on here.", "Paragraph two of the story goes on here."]
    raw = "\n\n".join(["A Headline For The Story", *body, para, copy, "The end of the story is here."])
    assert copy not in cleaned(raw).replace(para, "")
    # A copy without final punctuation, before its paragraph.
    bare = "In every single speech he gave when running for office he said he would close the prison"
    para2 = (bare + ". It did not happen, and the prison is still open today, years after the promise, aides say.")
    raw = "\n\n".join(["A Headline For The Story", *body, bare, para2, "The end of the story is here."])
    assert cleaned(raw).count(bare) == 1
    # A paragraph that a summary further up retells stays: the story's own line.
    summary = ("Latest developments — The suspect was charged on Monday. — At the end of the hearing the judge "
               "found the defendant alert and lucid. He is aware of the proceedings. — More hearings are set.")
    line = "At the end of the hearing the judge found the defendant alert and lucid. He is aware of the proceedings."
    raw = "\n\n".join(["A Headline For The Story", *body, summary, "The charges came late.", "He was arraigned.",
                       line, "The end of the story is here."])
    assert line in cleaned(raw).replace(summary, "")


def test_a_timeline_keeps_its_dates_and_entries():
    entries = []
    for date, target in [("Jan. 7, 2015", "The Offices Of A Satirical Magazine In Paris"),
                         ("Nov. 13, 2015", "A Concert Hall, Cafes And A Stadium In Paris"),
                         ("June 12, 2016", "A Nightclub In Orlando, Florida"),
                         ("March 22, 2017", "Pedestrians On A Bridge Near Parliament In London")]:
        entries += [date, f"TARGET: {target}", "ATTACKER: A Lone Gunman Who Pledged Allegiance To The Group"]
    raw = "\n\n".join(["Attacks Linked To The Group Since 2014",
                       "The group has claimed a string of attacks in the past five years, officials said.",
                       "Here is a list of the attacks the group has claimed:", *entries,
                       "The list is not complete, officials said."])
    assert cleaned(raw) == raw
    # A lone date line between paragraphs is still a page's stamp.
    assert cleaned("Prose.\n\nMay 2, 2019\n\nMore prose.") == "Prose.\n\nMore prose."


def test_standards_print_notes_credits_and_support_asks():
    _between_paragraphs(
        {"Our Standards: The Planet Trust Principles.": "editors_note",
         "Appeared in the March 3, 2020, print edition as 'Roe Wins the Race.'": "editors_note",
         "Originally published at Planet News.": "editors_note",
         "Credit...Jane Roe for The Planet": "photo_credit", "Credit… Jane Roe/Agency": "photo_credit",
         "Thank you for reading. Please consider supporting our work.": "newsletter"},
        ["Originally published in 1851, the book sold well.",
         "Originally published in The Atlantic, the essay argued otherwise.",
         "Our standards are lower than theirs, she said.",
         "Please consider the facts before you vote, he urged.", "Credit is tight this year."])


def test_sponsored_and_affiliate_notes_corrections_and_archive_links():
    _between_paragraphs(
        {"All rights reserved. This material may not be published, broadcast or redistributed.": "copyright",
         "A previous version of this article misstated the date of the vote.": "editors_note",
         "This content was produced by Brand Studio.": "ad", "This post contains affiliate links.": "ad",
         "We may earn a commission from links on this page.": "ad",
         "Jane Roe contributed reporting from Washington.": "contributor", "Scroll down for video": "media",
         "Read more from Jane Roe’s archive, follow her on Twitter or subscribe to her updates.": "share"},
        ["This article was produced by the Planet's reporters over six months.",
         "We may earn more if the deal goes through, he said.",
         "The report was produced by Jane Roe, the agency said.",
         "Her research contributed reporting standards to the field, he said."])


def test_links_hat_tips_and_ad_labels_glued_into_a_paragraph():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four"])
    cases = {"The senator spoke on Monday (H/T Planet News).": "The senator spoke on Monday.",
             "The senator spoke on Monday. [READ: The full text of the speech] He left.":
                 "The senator spoke on Monday. He left.",
             "The senator spoke on Monday. READ MORE: Senator says he will run again": "The senator spoke on Monday.",
             "The senator spoke on Monday. Click here to read the full speech.": "The senator spoke on Monday.",
             "The senator spoke on Monday. Advertisement The aides left.": "The senator spoke on Monday. The aides left."}
    for line, kept in cases.items():
        raw = f"{body}\n\n{line}\n\n{body}"
        r = clean_text(raw)
        assert r.text == f"{body}\n\n{kept}\n\n{body}", line
        assert rebuild_raw(r.text, r.edits) == raw
    for line in ["He told me to click here. I did.", "Ad revenue fell. Advertisement revenue fell too.",
                 "The senator spoke on Monday. Read more of the speech below, he said.",
                 "The study [Roe, 2019: see the appendix] found the same."]:
        raw = f"{body}\n\n{line}\n\n{body}"
        assert cleaned(raw) == raw, line


# --------------------------------------------------------------------------- issue 14, dev2

def _story(*middle: str) -> str:
    fill = [f"Paragraph {w} of the story goes on about the vote in the city." for w in
            ["one", "two", "three", "four", "five", "six", "seven", "eight"]]
    return "\n\n".join([fill[0], *middle[:1], *fill[1:7], *middle[1:], fill[7]])


def test_display_quote_with_a_word_or_its_opening_changed():
    # A display line that repeats a sentence with "a" for "the", or its opening reworded and a
    # capital changed: a copy all the same (at most two words differ).
    para = ("The system leaks, she said. At each step along the way, the case can fall out of the pool of "
            "counted cases before anyone sees it.")
    pq = "\"At each step along the way, a case can fall out of the pool of counted cases before anyone sees it\""
    raw = "\n\n".join(["Lede paragraph of the story.", pq, para, "Another paragraph.", "The end."])
    r = clean_text(raw)
    assert pq not in r.text and para in r.text
    assert rebuild_raw(r.text, r.edits) == raw
    para = ("There are many reasons for the loss: Obvious greed, lockstep politics, bad plans and basic "
            "incompetence are just a few. But one video sums it up.")
    pq = "Among the many reasons for the loss, obvious greed, lockstep politics, bad plans and basic incompetence are just a few."
    raw = "\n\n".join(["Lede paragraph of the story.", pq, "Advertisement", para, "The end."])
    assert pq not in cleaned(raw)
    # A sentence that quotes the end of a longer quotation differs in more words: it stays.
    keep = "It also argues that he \"could if he wished end the inquiry or even use his power to pardon.\""
    full = ("\"It remains our view that it could not be obstruction, and that he could if he wished end the "
            "inquiry or even use his power to pardon,\" the letter reads.")
    raw = "\n\n".join(["Lede paragraph of the story.", keep, full, "Another paragraph.", "The end."])
    assert cleaned(raw) == raw
    # Rows of a list of one shape, one or two words apart, are no copies of each other.
    rows = ["Jane Roe, a nurse of Springfield, was charged with assault and battery on Monday.",
            "John Roe, a clerk of Springfield, was charged with assault and battery on Monday."]
    raw = "\n\n".join(["Lede paragraph of the story.", *rows, "Another paragraph.", "The end."])
    assert cleaned(raw) == raw


def test_display_quote_without_its_quotation_marks_far_from_its_paragraph():
    pq = "More polarization begets poor performance, which begets worse trust and more frustration."
    quoted = "\"More polarization begets poor performance, which begets worse trust and more frustration,\" he said."
    raw = _story(pq, quoted)
    r = clean_text(raw)
    assert pq not in r.text.replace(quoted, "") and quoted in r.text
    assert rebuild_raw(r.text, r.edits) == raw
    # The story's own sentence, which a later line does not quote as someone's words, stays.
    said = "More polarization begets poor performance, which begets worse trust and more frustration, he said."
    raw = _story(pq, said)
    assert cleaned(raw) == raw


def test_reading_pointers_and_a_column_s_disclaimer():
    _between_paragraphs(
        {"To learn more about the latest science, the journal's outbreak page and the museum's special "
         "collection are great resources.": "related",
         "To learn more about the ruling, see our explainer.": "related",
         "For more on the vote, the state's election site is a good place to start.": "related",
         "This column does not necessarily reflect the opinion of the editorial board or Acme LP and its owners.":
             "editors_note",
         "The essay does not necessarily reflect the views of the magazine.": "editors_note"},
        ["To learn more about the case, investigators went to see the family.",
         "To learn more about the virus, scientists are testing bats, which are great resources for study.",
         "For more than a decade, the state's site was a good place to start, she said.",
         "The ruling does not necessarily reflect the views of the court, he argued."])


def test_a_quotation_set_alone_without_its_full_stop_is_a_display_quote():
    _between_paragraphs(
        {"“We’re not going to be doing much science anymore”": "pull_quote",
         '"[The virus] could establish itself as an endemic infection because of a late global response"':
             "pull_quote"},
        ["“We’re not going to be doing much science anymore,” she said.",
         "“We’re not going to be doing much science anymore.”",
         "\"I said, 'General, there's no way I can make it down that ramp without falling,' \"",
         "“We are not going to stop here, not now, not ever —”",
         "“Yes”"])
    # A quotation the story introduces (a post quoted on its own line) is the story's text.
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four"])
    raw = f"{body}\n\nThe senator tweeted:\n\n\"Big win for the people of our state today and every day\"\n\n{body}"
    assert cleaned(raw) == raw


def test_a_caption_s_credits_after_a_bar_and_a_top_line_that_runs_into_the_headline():
    # A caption whose credits follow a bar, several of them: a caption.
    for line in ["Three years later, he launched his show. | AP Photo/Jane Roe; John Doe/Getty Images",
                 "None of them plays up his race in the campaign. | Getty and AP Photos",
                 "The House voted against the amendment. | AP Photo/seattlepi.com, Jane Roe"]:
        assert clean.is_caption(line), line
    assert not clean.is_caption("The vote is Tuesday, and the count starts at noon. | See the results")
    # The first line runs the photo's caption and credit into the headline (and dek): the
    # caption and credit go, the headline stays, read as the title.
    story = "The House acted on Tuesday.\n\nIt voted 230 to 190.\n\nThe end."
    for top, head in [("The vote gives Roe the power. | Jane Doe/AP Photo House acts on subpoena The vote was late.",
                       "House acts on subpoena The vote was late."),
                      ("The stakes are high for both sides. | AP Photos Leaders begin a dance",
                       "Leaders begin a dance"),
                      ("Some donors are frustrated. | Jane Doe/AFP/Getty Images Government Shutdown Donors walk away",
                       "Government Shutdown Donors walk away"),
                      ("AP Photo Exclusive: Campaigns plot a revolt The meeting comes after complaints.",
                       "Exclusive: Campaigns plot a revolt The meeting comes after complaints.")]:
        raw = f"{top}\n\n{story}"
        r = clean_text(raw)
        assert r.text == f"{head}\n\n{story}", top
        assert rebuild_raw(r.text, r.edits) == raw
    # Not a photo's credit: a bar in the story's first line, an agency that opens a sentence.
    for top in ["The vote is Tuesday. | Live results will follow here tonight, the clerk said.",
                "Reuters reported on Monday that the vote was delayed."]:
        assert cleaned(f"{top}\n\n{story}") == f"{top}\n\n{story}"


def test_credits_links_and_widgets_glued_after_a_paragraph_s_last_sentence():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four"])
    cases = {"The curbs began on Sept. 23. (Reporting by Jane Roe; Editing by John Doe)": "The curbs began on Sept. 23.",
             "They plan to leave after 2014. WATCH: http://example.ws/Tl43l1": "They plan to leave after 2014.",
             "The court is now doing his bidding. Read more here": "The court is now doing his bidding.",
             "Here are a few snapshots: Enlarge this image toggle caption AP AP Enlarge this image toggle caption "
             "Jane Roe/Getty Images Jane Roe/Getty Images": "Here are a few snapshots:",
             "He spoke at noon. Click here to see pictures from the event: https://example.com/photos?id=3":
                 "He spoke at noon."}
    for line, kept in cases.items():
        raw = f"{body}\n\n{line}\n\n{body}"
        r = clean_text(raw)
        assert r.text == f"{body}\n\n{kept}\n\n{body}", line
        assert rebuild_raw(r.text, r.edits) == raw
    for line in ["He said the reporting by the paper was wrong (reporting by the paper, he said, not the agency).",
                 "The sign said WATCH: http://example.ws/x is the site, he recalled.", "Read more here and there, she urged."]:
        raw = f"{body}\n\n{line}\n\n{body}"
        assert cleaned(raw) == raw, line


def test_long_notes_under_their_label_and_bios_that_end_with_a_follow_prompt():
    note = ("Editor's note: An earlier headline for this story said prosecutors were examining a former "
            "congressman as part of their probe. " * 4).strip()
    assert len(note) > 400
    bio = ("Jane Roe has taught American history at Acme University and is the author of a book on the Great "
           "Society. She is writing another. Follow her @janeroe.")
    _between_paragraphs({note: "editors_note", bio: "author_bio"},
                        ["Jane Roe has taught history for years, she said. Follow the money, she told students.",
                         "Correction officers said the prisoners were moved on Monday, " + "and again later, " * 25 + "they said."])


def test_a_slideshow_flattened_into_a_line_and_a_player_s_markup():
    gallery = ("Photos: The senator's career Photos: The senator's career The senator in 1985, when he served "
               "in the state house. Hide Caption 1 of 3 Photos: The senator's career He won in 1986. Hide Caption "
               "2 of 3 Photos: The senator's career He retired in 2007. Hide Caption 3 of 3")
    player = ('Senator on the repeal: \'We will see\' The senator answers questions. '
              'poster="http://v.example.com/images/1155/201703/x-vs.jpg?pubId=1155"')
    _between_paragraphs({gallery: "media", player: "media"},
                        ["The caption said he would hide. Caption 1 of 3 was wrong, the editor said.",
                         'The page\'s code read poster="a picture of the senator", a developer said.'])


def test_an_app_s_download_prompt_and_a_bio_that_names_its_author_twice():
    promo = ("Get real-time updates as this story unfolds. To start, just \"star\" this story in the Planet's phone "
             "app. Download Planet News for iPhone here or Planet News for Android here.")
    _between_paragraphs({promo: "ad"},
                        ["The app was downloaded a million times. Download counts for iPhone users rose, she said.",
                         "Regulators said the app maker broke the rules on Android phones."])
    body = "\n\n".join(f"Paragraph {w} of the column about the deal goes on here." for w in ["one", "two", "three"])
    bio = ("Jane Roe, 35, is a graduate of Acme Law School, host of \"The Jane Roe Show\" and editor-in-chief of "
           "Planet.com. To find out more about Jane Roe, visit the syndicate's website.")
    r = clean_text(f"{body}\n\n{bio}")
    assert r.text == body
    assert rebuild_raw(r.text, r.edits) == f"{body}\n\n{bio}"


def test_a_house_tool_or_podcast_promoted_between_paragraphs():
    _between_paragraphs({"- Check out the Planet Electoral Map and Calculator and game out your own strategy.": "related",
                         "Check out the Planet Electoral Calculator to pick your own path to 270.": "related",
                         "Catch up on the campaign with our experts on our weekly politics podcast, “Ground Game.”": "media"},
                        ["Check out the map he drew, she said, and you will see the problem.",
                         "Try the calculator, the governor said, and you will see the deficit grow.",
                         "Listen to the voters, not the podcast hosts, the senator told reporters."])


def test_a_section_s_byline_below_the_top():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four", "five"])
    for head, by in [("Reality Check: The senator on taxes", "By Jane Roe and John Doe, Planet News"),
                     ("The analysis", "By Jane Roe, Planet political correspondent")]:
        raw = f"{body}\n\n{head}\n\n{by}\n\nThe senator said taxes were the highest in the world."
        r = clean_text(raw)
        assert by not in r.text and head in r.text
        assert rebuild_raw(r.text, r.edits) == raw
    # A sentence that opens with "By" and a heading-like line in a list stay.
    for line in ["By Monday, Jane Roe and John Doe had left.", "By Jane Roe's count, the vote failed."]:
        raw = f"{body}\n\nThe count\n\n{line}\n\nThe end came later that day."
        assert cleaned(raw) == raw, line


def test_more_sharing_support_and_link_lines():
    # A post's attribution with its date as a European page prints it (the line above is the post).
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three", "four"])
    raw = f"{body}\n\nHuge news for the state pic.twitter.com/k4qqXva1iC\n\n— Jane Roe (@janeroe) 2 May 2019\n\n{body}"
    assert cleaned(raw) == f"{body}\n\n{body}"
    _between_paragraphs({"More from Acme News:": "related",
                         "Also on Acme:": "related", "Read the full story at Acme News.": "related",
                         "Video Player is loading.": "media", "Email This Story": "share",
                         "Join the conversation": "share", "Report an error": "share",
                         "Like this story? Share it with a friend.": "share",
                         "Thank you for reading! Please consider a donation.": "newsletter"},
                        ["Join the conversation about taxes, the mayor urged residents on Monday.",
                         "Read the full story of the vote at the library, she said.",
                         "Also on Monday: the senator resigned and left town."])


def test_a_hover_card_glued_to_the_name_without_a_space():
    raw = ("Former aide Jane RoeanJane Mary RoeanAide pleads guilty in the inquiry Senate votes MORE pleaded "
           "guilty on Monday.")
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three"])
    r = clean_text(f"{body}\n\n{raw}")
    assert r.text == f"{body}\n\nFormer aide Jane Roean pleaded guilty on Monday."
    assert [e["rule"] for e in r.edits] == ["hover_card"]
    assert rebuild_raw(r.text, r.edits) == r.raw
    # A capital inside a name, and "MORE" in a sentence, are no card.
    keep = f"{body}\n\nHe ate at McDonald's and said MORE than once that McDonald's was good."
    assert cleaned(keep) == keep


def test_a_mixed_case_dateline_with_a_dash_at_the_top():
    body = "\n\n".join(f"Paragraph {w} of the story goes on here." for w in ["one", "two", "three"])
    lede = "The senator said on Monday that he would vote for the bill."
    for d in ["Washington —", "Des Moines, Iowa —", "Washington, D.C. --", "Springfield, Ill. -"]:
        for top in ["", "By Jane Roe\n\n"]:
            raw = f"{top}{d} {lede}\n\n{body}"
            r = clean_text(raw)
            assert r.text == f"{lede}\n\n{body}", (d, top)
            assert r.meta["dateline"] == d.rstrip(" -—")
            assert rebuild_raw(r.text, r.edits) == raw
    # An aside between two dashes, a short line, and a dash further down stay.
    for line in ["Biden — Obama's deputy for eight years — agreed to the plan on Monday.",
                 "Washington — Here we go"]:
        raw = f"{line}\n\n{body}"
        assert cleaned(raw) == raw, line
    raw = f"{body}\n\nParagraph four.\n\nWashington — {lede}"
    assert cleaned(raw) == raw


def test_a_slideshow_s_items_on_their_lines_and_long_captions_with_a_photographer_s_credit():
    item = ("\"We will win,\" the senator told the crowd at his announcement. The senator announced June 16 "
            "that he is running. Hide Caption 2 of 6 Photos: Who's running for president?")
    last = "\"This nation belongs to all of us,\" she said at a rally in Vermont on May 26. Hide Caption 6 of 6"
    _between_paragraphs({item: "media", last: "media"},
                        ["Hide and seek was his game, the caption said of the 6 photos."])
    cap = ("Medical personnel help load passengers onto airplanes at the airport in Oakland, California, on "
           "March 10, 2020. The first passengers were taken ashore, with the infected \"being dealt with in "
           "proper isolation,\" the vice president said. Jane Roe/AFP via Getty Images")
    assert clean.is_caption(cap)
    assert not clean.is_caption("The senator spoke in Oakland on March 10, 2020, about the AFP/Getty deal.")
    assert clean.is_caption("He went on. | Photo by Jane Roe")
    top = "The aid may be just enough to preserve his credibility. | REUTERS Experts: No game changer yet"
    story = "The House acted on Tuesday.\n\nIt voted 230 to 190.\n\nThe end."
    assert cleaned(f"{top}\n\n{story}") == f"Experts: No game changer yet\n\n{story}"
