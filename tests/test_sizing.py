"""Characterizations mean what they say (issue 16): what a size word modifies, focus vs limit,
negation scope, frame words in another sense, sizing beyond policy decisions, and "both"
never cancels.  Small hand-written sentences; the sample event's facts at the end."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import analysis as an
from analysis.markup import article_page

NO_QUOTES = pd.DataFrame(columns=["article_id", "start", "end"])


def chars(text: str, **meta) -> pd.DataFrame:
    return an.characterizations(an.from_texts({"t": text}, **{k: {"t": v} for k, v in meta.items()}),
                                quotes=NO_QUOTES)


def sized(text: str, **meta) -> dict[str, str]:
    """Sentence -> direction, for the sentences that size the event."""
    return {r.sentence: r.direction for r in chars(text, **meta).itertuples()}


def hits(text: str) -> list[tuple[str, str]]:
    f = an.frames(an.from_texts({"t": text}), quotes=NO_QUOTES)
    return list(zip(f.frame, f["match"]))


LEDE = "The Senate passed the budget deal on Thursday. "


# --------------------------------------------------------------------------- 1. what it modifies

@pytest.mark.parametrize("sentence", [
    "He made obesity a major policy initiative as governor.",
    "The deal came after a major offensive by the rebels.",
    "The 1986 law made sweeping changes to immigration law.",
    "Critics cited the landmark 1973 ruling.",
    "His talks were closely held, known only to a very narrow group of aides.",
    "The Senate could take the extraordinary step of voting to expel him.",
])
def test_size_words_about_something_else_do_not_count(sentence):
    assert sized(LEDE + sentence, date="2019-07-25").get(sentence) is None


SIZED = [
    ("The deal is a historic victory for the negotiators.", "bigger"),
    ("The plan, expected next year, is a centerpiece of the agenda.", "bigger"),
    ("This was a breathtaking result.", "bigger"),
    ("The deal marks a significant shift.", "bigger"),
    ("The deal is modest in scope.", "smaller"),
    ("When it came, it was in the narrowest of ways.", "smaller"),
    ("The deal sharply raises spending caps.", "bigger"),
]


def test_the_strike_a_deal_ends_is_not_the_deal():
    text = ("Workers approved a deal on Monday that ends the strike at the plant. "
            "The strike was the longest major strike in decades. The deal is modest.")
    assert list(sized(text).values()) == ["smaller"]


@pytest.mark.parametrize("sentence, direction", SIZED)
def test_size_words_about_the_event_count(sentence, direction):
    assert sized(LEDE + sentence).get(sentence) == direction


def test_apposition_and_participle_size_the_lede():
    text = ("Democrat Doug Jones won the Senate election in Alabama on Tuesday — easily the biggest upset "
            "in years. But Jones did it, becoming the first Democrat to win a Senate seat there since 1992.")
    assert set(sized(text).values()) == {"bigger"} and len(sized(text)) == 2


# --------------------------------------------------------------------------- 2. focus vs limit, names

def test_focus_only_and_size_words_in_names():
    text = (LEDE + "There can be only one winner. The only candidate left was Smith. "
            "Last year the government suffered a partial government shutdown. "
            "The permission was only for strikes near the border.")
    got = sized(text)
    assert list(got.values()) == ["smaller"] and "permission was only for" in next(iter(got))
    assert ("magnitude_smaller", "partial") not in hits("It suffered a partial government shutdown.")
    assert ("magnitude_smaller", "only") not in hits("It has only recently been applied. It only got worse.")


# --------------------------------------------------------------------------- 3. negation

def test_negation_scope():
    got = sized(LEDE + "It is not the first time the Senate did so. "
                "The deal is not only a departure from policy but also a gamble. "
                "The deal does not smack of bold policy. The deal is not limited. "
                "He would never sign a massive spending deal again.", date="2019-07-25")
    assert "It is not the first time the Senate did so." not in got
    assert got["The deal is not only a departure from policy but also a gamble."] == "bigger"
    assert got["The deal does not smack of bold policy."] == "smaller"
    assert got["The deal is not limited."] == "bigger"
    assert got["He would never sign a massive spending deal again."] == "bigger"


def test_negation_is_visible_on_the_page():
    c = an.from_texts({"t": LEDE + "The deal is not limited."})
    page = article_page(c, "t", frames=an.frames(c), size_words=an.size_words(c),
                        characterizations=an.characterizations(c))
    assert re.search(r'class="[^"]*\bneg-start\b[^"]*"[^>]*>limited<', page)
    assert 'content: "not"' in page and "negated: the sentence denies" in page  # badge and legend
    assert "What was counted, and why" in page and "not: limited" in page


# --------------------------------------------------------------------------- 4. other senses

@pytest.mark.parametrize("text, frame, word", [
    ("They rode the Trump Tower escalator.", "escalation_risk", "escalator"),
    ("The Defense of Marriage Act was struck down.", "self_defense", "Defense of"),
    ("Speech is protected by the First Amendment.", "self_defense", "protected"),
    ("The Environmental Protection Agency acted.", "self_defense", "Protection"),
    ("A lobbyist and two aides were injured.", "pressure", "lobbyist"),
    ("Russia does not appear once on the list.", "hedging", "appear"),
    ("It acted so that Ukraine could protect Kharkiv.", "hedging", "could"),
    ("States could choose how to comply.", "hedging", "could"),
    ("It has been calling on Ukraine not to use the weapons.", "pressure", "calling on"),
    ("State law calls for a recount.", "pressure", "calls for"),
    ("Officials gave the green light on Friday.", "magnitude_bigger", "green light"),
    ("They reached a tentative deal.", "magnitude_smaller", "tentative"),
    ("The plan addresses climate change.", "change", "change"),
    ("Lawyers rose in defense of the law.", "self_defense", "defense of"),
    ("Officials defended the decision on Monday.", "self_defense", "defended"),
    ("Speech can be protected by the national border.", "self_defense", "protected"),
    ("Prices rose under inflationary pressure.", "pressure", "pressure"),
    ("She worked the night shift.", "change", "shift"),
    ("They toured the historic district.", "magnitude_bigger", "historic"),
])
def test_frame_words_in_another_sense_are_left_out(text, frame, word):
    assert (frame, word) not in hits(text)
    every = an.frames(an.from_texts({"t": text}), quotes=NO_QUOTES, every_hit=True)
    assert (every["sense"] == "").all() or (every["sense"] != "").any()


def test_frame_words_in_their_sense_stay():
    assert ("hedging", "could") in hits("The move could escalate the war.")
    assert ("self_defense", "protect") in hits("Ukraine must protect its cities.")
    assert ("hedging", "appears") in hits("The deal appears to hold.")


# --------------------------------------------------------------------------- 5. beyond policy decisions

@pytest.mark.parametrize("sentence, direction", [
    ("His vote was a startling break with President Trump.", "bigger"),
    ("The ruling is a landmark for the court.", "bigger"),
    ("The ruling was unprecedented.", "bigger"),
    ("The deal is little more than a symbolic gesture.", "smaller"),
    ("The court's ruling did not go that far.", "smaller"),
    ("The ruling did not resolve whether the law stands.", "smaller"),
    ("The decision creates zero precedent.", "smaller"),
    ("Obama had never had a veto overridden.", "bigger"),
    ("The storm was the deadliest since 1900.", "bigger"),
    ("The result was stunning.", "bigger"),
    ("The deal is modest.", "smaller"),
])
def test_sizing_words_and_paraphrases_beyond_policy(sentence, direction):
    text = ("The court issued its ruling on Monday, the storm hit, Congress held its veto override vote "
            "and Senator Smith cast his vote. " + sentence)
    assert sized(text, date="2016-09-28").get(sentence) == direction


# --------------------------------------------------------------------------- 6. both never cancels

def test_both_sides_are_reported_and_never_netted():
    c = an.from_texts({"a": "The decision marks a major shift. It opens a new chapter. The move is limited.",
                       "b": "The decision marks a major shift."})
    pair = an.contrast_pair(c).set_index("article_id")
    assert "score" not in pair.columns
    assert (pair.loc["a", "bigger"], pair.loc["a", "smaller"]) == (2, 1)
    ch = an.characterizations(c)
    assert set(ch.direction) <= {"bigger", "smaller", "both"}


# --------------------------------------------------------------------------- the sample event

def test_sample_pages_do_not_size_the_decision_with_other_words(sample_corpus):
    c = sample_corpus
    words = an.size_words(c)
    pages = {aid: article_page(c, aid, frames=an.frames(c), size_words=words,
                               characterizations=an.characterizations(c)) for aid in c.ids}
    nyt = pages["002"]
    # Russia's "major offensive" and "known only to a very narrow group of aides" are drawn as
    # size words about something else, not as sizing the decision
    for word in ("major", "only", "narrow"):
        assert re.search(rf'class="fr fr-aside"[^>]*>{word}<', nyt), word
    assert not re.search(r'fr-magnitude-bigger[^>]*>major<', nyt)
    # "gave the green light" is permission, not a bigger step
    assert not ((an.frames(c)["match"] == "green light") & an.frames(c).frame.str.startswith("magnitude")).any()
    assert not an.characterizations(c).sentence.str.contains("green light").any()
    left_out = words[~words.counts & (words.article_id == "002")]
    assert {"major", "only", "narrow"} <= set(left_out["match"])


def test_sample_scripps_sizes_down_in_its_own_voice(sample_corpus):
    ch = an.characterizations(sample_corpus)
    scripps = ch[(ch.article_id == "004") & (ch.voice == "outlet")]
    assert "in a limited capacity" in set(scripps.smaller_words)


def test_sample_contrast_pair_reports_both_sides(sample_corpus):
    pair = an.contrast_pair(sample_corpus).set_index("article_id")
    ch = an.characterizations(sample_corpus)
    own = ch[ch.voice == "outlet"]
    for aid, row in pair.iterrows():
        mine = own[own.article_id == aid]
        assert row.bigger == mine.direction.isin(["bigger", "both"]).sum()
        assert row.smaller == mine.direction.isin(["smaller", "both"]).sum()


# --------------------------------------------------------------------------- round 2: unseen events

@pytest.mark.parametrize("sentence", [
    "Justice Kagan has pushed for narrow decisions.",  # a kind of decision, not this one
    "The executive branch may make big policy changes without Congress.",
    "No major gun legislation has passed the Congress since 1994.",  # how many there were
    "Rulings on motions require only a simple majority.",
    "The court's rules state that it will only agree to hear a case for compelling reasons.",
    "The agency confirmed that it is only interested in the passengers.",  # "it" is the agency
    "It's not just that they promised; they voted.",
])
def test_round2_size_words_about_a_kind_or_a_speaker_do_not_count(sentence):
    assert sized(LEDE + sentence, date="2019-07-25").get(sentence) is None


@pytest.mark.parametrize("sentence, direction", [
    ("The deal is just the third such deal in Senate history.", "bigger"),
    ("The deal would not just raise the caps, it would suspend the debt limit.", "bigger"),
    ("The deal is just a first step.", "smaller"),
    ("The deal carried major implications for the election.", "bigger"),
    ("The stakes of the deal are enormous.", "bigger"),
    ("The deal is a very important threshold.", "bigger"),
])
def test_round2_rarity_more_than_and_first_steps(sentence, direction):
    assert sized(LEDE + sentence).get(sentence) == direction


def test_round2_rarity_in_the_lede():
    lede = "The House voted to send the charges, clearing the way for only the third impeachment trial of a president."
    got = sized(lede + " The trial starts next week.", title="House sends impeachment trial charges")
    assert got.get(lede) == "bigger"


def test_round2_only_inside_a_rarity_phrase_is_not_a_limit():
    rows = an.size_words(an.from_texts({"t": LEDE + "It was only the third such deal in history."}),
                         quotes=NO_QUOTES)
    assert list(rows["match"]) == ["only the third such deal in history"]


def test_round2_a_second_verb_of_saying_shares_the_subject():
    got = chars(LEDE + "The White House welcomed the deal but said it was just a first step.")
    row = got[got.sentence.str.startswith("The White House")].iloc[0]
    assert (row.direction, row.voice, row.speaker) == ("smaller", "attributed", "The White House")


@pytest.mark.parametrize("sentence", [
    "The court struck down the vast majority of the deal.",
    "Three linchpins of the deal were struck down.",
])
def test_round2_a_sized_part_of_the_event_sizes_it(sentence):
    assert sized(LEDE + sentence).get(sentence) == "bigger"


def test_round2_a_gerund_subject_names_what_was_done():
    sentence = "Signing the deal without the House is a massive abuse of power."
    assert sized(LEDE + sentence).get(sentence) == "bigger"


@pytest.mark.parametrize("text, frame, word", [
    ("Arizona may have understandable frustrations, but the law stands.", "hedging", "may"),
    ("The law could serve as a model, as Governor Romney suggested.", "hedging", "suggested"),
    ("Sessions could argue that his work was separate.", "hedging", "could"),
    ("The campaign could cover the costs of a recount.", "hedging", "could"),
])
def test_round2_concessions_proposals_and_options_are_not_hedging(text, frame, word):
    assert (frame, word) not in hits(text)


def test_round2_epistemic_modals_stay_hedging():
    assert ("hedging", "may") in hits("He may have left already.")
    assert ("hedging", "suggest") in hits("Polls suggest that he could win.")
    assert ("hedging", "could") in hits("Polls suggest that he could win.")


@pytest.mark.parametrize("sentence, direction, speaker", [
    ("The deal is historic, officials say.", "bigger", "officials"),
    ("The deal is historic, according to analysts.", "bigger", "analysts"),
    ("Democrats called it a historic victory.", "bigger", "Democrats"),
    ("Smith called the deal historic.", "bigger", "Smith"),
    ("Smith described the deal as modest.", "smaller", "Smith"),
    ("The deal, Smith said, was historic.", "bigger", "Smith"),
])
def test_round2_attributed_sizings_are_in_the_speakers_voice(sentence, direction, speaker):
    got = chars(LEDE + sentence)
    row = got[got.sentence == sentence].iloc[0]
    assert (row.direction, row.voice, row.speaker) == (direction, "attributed", speaker)


def test_round2_a_quote_after_a_colon_has_its_speaker():
    c = an.from_texts({"t": LEDE + "Sen. Harry Reid, D-Nevada: “The deal is a historic victory.”"})
    row = an.characterizations(c).iloc[-1]
    assert row.voice == "quoted" and "Reid" in row.speaker


@pytest.mark.parametrize("sentence, direction", [
    ("“Congress needs to finish the job,” Obama said.", "smaller"),
    ("“The hard work starts now,” Reid said.", "smaller"),
    ("Cuomo described it as “better than nothing.”", "smaller"),
])
def test_round2_sizing_idioms_size_the_matter_at_hand(sentence, direction):
    assert sized(LEDE + sentence).get(sentence) == direction


def test_round2_sizing_idioms_in_a_subordinate_clause_do_not_count():
    sentence = "He left after the hard work starts."
    assert sized(LEDE + sentence).get(sentence) is None


@pytest.mark.parametrize("text, frame, word", [
    ("Nurses wore protective gear.", "self_defense", "protective"),
    ("The bill protects Americans' Second Amendment rights.", "self_defense", "protects"),
    ("Defenders of gun rights reached a deal.", "self_defense", "Defenders"),
    ("She wears a mask for her entire shift.", "change", "shift"),
    ("This would not be a heavy lift.", "change", "lift"),
    ("The staff did the best they could.", "hedging", "could"),
    ("The agency could have done more to stop it.", "hedging", "could"),
    ("The Secretary, without regard to any other law, may undertake construction projects.", "hedging", "may"),
    ("The State may not pursue policies that undermine federal law.", "hedging", "may"),
])
def test_round2_more_words_in_another_sense(text, frame, word):
    assert (frame, word) not in hits(text)


def test_round2_epistemic_may_and_defence_stay():
    assert ("hedging", "may") in hits("The court may decide the case in June.")
    assert ("hedging", "may") in hits("The breach may have happened when she removed the gear.")
    assert ("self_defense", "protect") in hits("Ukraine must protect its cities.")


# --------------------------------------------------------------------------- round 3: what the word modifies

@pytest.mark.parametrize("sentence", [
    "It remained unclear whether the senators were focused solely on taxes.",  # whether: its own subject
    "It is safe to assume their normal conduct is even worse.",  # an infinitive's own clause
    "This pride is not limited to one group.",  # "this" as a determiner: the noun decides
])
def test_round3_embedded_clauses_and_determiners_have_their_own_subject(sentence):
    assert sized(LEDE + sentence).get(sentence) is None


@pytest.mark.parametrize("before, sentence", [
    ("The 2015 nuclear accord capped enrichment.", "Specifically, it limited the number of centrifuges."),
    ("The deficit rose again.", "It's gigantic, and it will keep growing."),
    ("The clerk handled the sale.", "He described it as a routine transaction."),
])
def test_round3_it_refers_back_to_the_previous_subject(before, sentence):
    assert sized(LEDE + before + " " + sentence, date="2019-07-25").get(sentence) is None


@pytest.mark.parametrize("before, sentence, direction", [
    ("The deal raises the caps.", "It is gigantic.", "bigger"),  # the previous subject is the event
    ("Senators voted late.", "It was a historic step.", "bigger"),  # unknown: a pronoun stays the event's
    ("The clerk read it out.", "“This is not normal.”", "bigger"),  # a quotation comments on the matter
])
def test_round3_it_that_refers_to_the_event_still_counts(before, sentence, direction):
    assert sized(LEDE + before + " " + sentence).get(sentence) == direction


@pytest.mark.parametrize("sentence", [
    "Most voters want Congress to agree on major spending cuts first.",  # wished for
    "We should look for some significant structural plan.",
    "Members have no appetite to vote on any sort of sweeping budget bill.",  # any sort of: a kind
    "For too long, when women have made serious allegations, they were ignored.",  # whenever: a kind
    "The book says his more radical policy goals are never achieved.",  # the plural is the head
    "He met the prime minister, representing the small kingdom of Swaziland.",  # an apposition's own noun
    "It was only a matter of time before the accuser came forward.",  # time, not a limit
])
def test_round3_wishes_kinds_and_own_nouns_are_not_the_event(sentence):
    assert sized(LEDE + sentence).get(sentence) is None


@pytest.mark.parametrize("sentence, direction", [
    ("The deal makes major changes to the caps.", "bigger"),  # what was done, no wish
    ("The Senate passed it on Thursday — easily the biggest deal in years.", "bigger"),
])
def test_round3_the_event_itself_still_counts(sentence, direction):
    assert sized(LEDE + sentence).get(sentence) == direction


@pytest.mark.parametrize("sentence", [
    "The panel debated the big basic foreign policy choices, ranging from trade to arms.",  # the plural is the head
    "In a major foreign policy address on Monday, he spoke of trade.",  # "address" is a noun, not a verb
    "It would be needed only if the court refused.",  # only if: a condition
    "The first and only debate of the year was held on Monday.",  # focus: the sole one
])
def test_round3_heads_conditions_and_focus(sentence):
    assert sized(LEDE + sentence).get(sentence) is None


def test_round3_less_a_big_word_than_sizes_down():
    sentence = "The deal was less a game-changer than a channel-changer."
    assert sized(LEDE + sentence).get(sentence) == "smaller"
    assert sized(LEDE + "The dramatic deal cuts the caps.").get("The dramatic deal cuts the caps.") == "bigger"


@pytest.mark.parametrize("sentence", [
    "It concluded that only a message about jobs could win.",  # only + the subject: focus
    "By 2030 it is expected to be second only to heart disease.",
    "It's only human to believe so.",
    "It's not unusual for politicians to spin the numbers.",  # it ... for ... to: extraposed
    "It takes money, and it's a big problem when the money stops.",
    "It might not be shaping the opinions of the vast majority of voters.",  # "be" is an auxiliary
    "The past few years felt like an unending comedy routine.",  # routine, the noun
    "It excluded marginalized groups.",
])
def test_round3_focus_extraposition_and_nouns(sentence):
    assert sized(LEDE + sentence).get(sentence) is None


@pytest.mark.parametrize("sentence, direction", [
    ("The deal passed, but it is limited to the caps.", "smaller"),  # "limited to the": no infinitive
    ("The deal was routine.", "smaller"),  # the adjective after a linking verb
    ("The deal is only a modest step.", "smaller"),
])
def test_round3_limits_and_predicates_still_count(sentence, direction):
    assert sized(LEDE + sentence).get(sentence) == direction


def test_round3_a_coordinated_predicate_shares_the_subject():
    sentence = "The deal was negotiated by the leaders and is a rare example of cooperation."
    assert sized(LEDE + sentence).get(sentence) == "bigger"
    other = "The strike was called by the union and is a rare example of unity."
    assert sized(LEDE + other).get(other) is None


@pytest.mark.parametrize("sentence", [
    "China will deal with them seriously.",  # after a modal, "deal" is a verb
    "It appears he was radicalized abroad.",  # radicalized is no size
    "The rebels are fundamentalists.",
    "He felt slighted by the remark.",
    "A deal must advance rights — a standard that has never been included in such laws.",  # a relative clause's noun
])
def test_round3_verbs_derived_words_and_relative_clauses(sentence):
    assert sized(LEDE + sentence).get(sentence) is None


def test_round3_an_auxiliary_is_no_part_of_the_subject():
    sentence = "The deal will sharply raise the caps."
    assert sized(LEDE + sentence).get(sentence) == "bigger"


@pytest.mark.parametrize("sentence", [
    "This radical agenda would destroy prosperity.",  # "this" is the determiner of "agenda"
    "It floats the economies of major cities.",  # no linking verb: the object's noun is sized
    "We can call it radical jihadism.",  # a name for a thing of its own
])
def test_round3_a_size_word_in_an_object_sizes_its_noun(sentence):
    assert sized(LEDE + sentence).get(sentence) is None


def test_round3_the_head_before_a_day_name():
    lede = "The United States named Afghanistan a major non-NATO ally Saturday."
    assert sized(lede + " The ally was pleased.").get(lede) is None
    lede2 = "The Senate passed a historic budget deal on Thursday."
    assert sized(lede2 + " The deal was signed.").get(lede2) == "bigger"


def test_round3_only_in_a_coordinated_predicate_is_still_a_limit():
    sentence = "The deal is narrow and only a modest one."
    assert sized(LEDE + sentence).get(sentence) == "smaller"
    rows = an.size_words(an.from_texts({"t": LEDE + sentence}), quotes=NO_QUOTES)
    assert "only" in list(rows["match"])


def test_a_raising_verb_between_the_event_and_its_size():
    """"The decision *appears to represent* the first time": the subject of the raised clause
    is the event; the raising verb is no part of it."""
    from analysis import sizing as sz

    a = sz.event_anchors(None, ["The council approved the plan on Monday.", "The council decided."])
    s = "The decision appears to represent the first time that a city has approved such a plan."
    i = s.index("first time")
    assert sz.sizing_target(s, i, i + len("first time"), a, lede=False).about_event
    s = "The storm appears to be the biggest in years."
    i = s.index("biggest")
    assert not sz.sizing_target(s, i, i + len("biggest"), a, lede=False).about_event
