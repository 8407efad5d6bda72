"""Round 4 of issue 16: word senses of everyday news (courts, markets, polls, sport,
buildings), and what a size word modifies on unseen events.  Hand-made texts, known answers."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as an

NO_QUOTES = pd.DataFrame(columns=["article_id", "start", "end"])


def hits(text: str) -> list[tuple[str, str]]:
    f = an.frames(an.from_texts({"t": text}), quotes=NO_QUOTES)
    return list(zip(f.frame, f["match"]))


def sized(text: str, **meta) -> dict[str, str]:
    """Sentence -> direction, for the sentences that size the event."""
    c = an.from_texts({"t": text}, **{k: {"t": v} for k, v in meta.items()})
    return {r.sentence: r.direction for r in an.characterizations(c, quotes=NO_QUOTES).itertuples()}


# --------------------------------------------------------------------------- frame words in another sense

@pytest.mark.parametrize("text, frame, word", [
    ("Russia showed its military might on Monday.", "hedging", "might"),
    ("Polls of likely voters show a tie.", "hedging", "likely"),
    ("The grant made the program possible.", "hedging", "possible"),
    ("It was the worst possible time.", "hedging", "possible"),
    ("He is the heir apparent.", "hedging", "apparent"),
    ("At the suggestion of aides, he left.", "hedging", "suggestion"),
    ("Consumer demand for oil fell.", "pressure", "demand"),
    ("Supply and demand set prices.", "pressure", "demand"),
    ("He pleaded guilty on Monday.", "pressure", "pleaded"),
    ("He reached a plea deal.", "pressure", "plea"),
    ("He resisted the urge to respond.", "pressure", "urge"),
    ("They met in the hotel lobby.", "pressure", "lobby"),
    ("Police pressed charges.", "pressure", "pressed"),
    ("The bomb was made from a pressure cooker.", "pressure", "pressure"),
    ("The defendants appeared in court.", "self_defense", "defendants"),
    ("The defensive line played well.", "self_defense", "defensive"),
    ("Immigrants with protected status can stay.", "self_defense", "protected"),
    ("Wages adjusted for inflation rose.", "change", "adjusted"),
    ("The win will lift Democratic spirits nationwide.", "change", "lift"),
    ("He drove in reverse.", "change", "reverse"),
    ("Costs are escalating quickly.", "escalation_risk", "escalating"),
    ("Prices spiraled.", "escalation_risk", "spiraled"),
])
def test_round4_frame_words_in_another_sense(text, frame, word):
    assert (frame, word) not in hits(text)


@pytest.mark.parametrize("text, frame, word", [
    ("The move might escalate the war.", "hedging", "might"),
    ("The vote is likely to fail.", "hedging", "likely"),
    ("It is possible the deal fails.", "hedging", "possible"),
    ("Protesters demand his resignation.", "pressure", "demand"),
    ("They made a plea for help.", "pressure", "plea"),
    ("Leaders urge restraint.", "pressure", "urge"),
    ("The gun lobby opposed the bill.", "pressure", "lobby"),
    ("The plan will lift the ban.", "change", "lift"),
    ("The court will reverse the ruling.", "change", "reverse"),
    ("The conflict could spiral out of control.", "escalation_risk", "spiral"),
    ("Israel said it acted in self-defense.", "self_defense", "self-defense"),
])
def test_round4_the_same_words_in_their_sense_stay(text, frame, word):
    assert (frame, word) in hits(text)


# --------------------------------------------------------------------------- what the size word is about

def test_round4_a_baseline_year_is_not_another_instance():
    lede = "Jones won the Alabama Senate race on Tuesday. "
    for sentence in ("Jones won the Alabama Senate race, the biggest upset since 1992.",
                     "It was the biggest upset since 1992."):
        assert sized(lede + sentence, date="2017-12-13").get(sentence) == "bigger"


def test_round4_a_noun_phrase_with_a_past_of_its_own_is_another_instance():
    text = ("The Senate passed a new bill on Thursday. "
            "The measure revives sweeping changes to immigration law that failed in 2007. "
            "The bill now goes to the House.")
    assert sized(text, date="2013-06-27") == {}


def test_round4_it_does_not_refer_back_to_a_person():
    text = "The governor signed the order on Monday. It was the first time since 1990 that a governor did so."
    assert sized(text).get("It was the first time since 1990 that a governor did so.") == "bigger"
    # a thing stays the antecedent
    assert sized("The deficit grew again. It's gigantic.") == {}


def test_round4_only_after_a_verb_of_knowing_is_focus():
    lede = "Biden authorized Ukraine to strike Russia with U.S. missiles. "
    known = "The decision was known only to a very narrow group of aides."
    granted = "The permission was granted only for strikes near Kursk."
    got = sized(lede + known + " " + granted)
    assert known not in got and got.get(granted) == "smaller"


def test_round4_a_sized_part_in_a_subordinate_clause_is_a_premise():
    lede = "The Senate began debate on the gun bill on Thursday. "
    premise = "Because the background-check measure is the centerpiece of this bill, senators want to read it."
    part = "The background-check measure is the centerpiece of the bill."
    assert premise not in sized(lede + premise)
    assert sized(lede + part).get(part) == "bigger"


def test_round4_a_limiter_before_a_verb_of_scope_limits_the_subject():
    lede = "The EPA proposed the rule on Monday. "
    limit = "The rule would only apply to new plants."
    learned = "He only learned of the rule on Monday."
    got = sized(lede + limit + " " + learned)
    assert got.get(limit) == "smaller" and learned not in got


def test_round4_what_the_event_brings_is_the_event_s_size():
    lede = "The Senate passed the bill on Friday. "
    for sentence in ("The bill will have a major impact on gun owners.",
                     "The vote drew significant backlash from gun owners."):
        assert sized(lede + sentence).get(sentence) == "bigger"


def test_round4_the_lede_s_verb_names_the_event_noun():
    text = ("Thousands of protesters marched in Washington on Saturday. "
            "The march was one of the largest protests in the city's history.")
    assert sized(text).get("The march was one of the largest protests in the city's history.") == "bigger"


def test_round4_it_after_people_who_speak_is_not_the_speaker():
    text = "Thousands of protesters marched on Saturday. Organizers said it was a turning point."
    assert sized(text).get("Organizers said it was a turning point.") == "bigger"


def test_round4_first_in_a_decade_is_rarity():
    text = ("The senator resigned on Friday. "
            "It was the first resignation of a sitting senator in a decade.")
    assert sized(text).get("It was the first resignation of a sitting senator in a decade.") == "bigger"


# --------------------------------------------------------------------------- voice

def voices(text: str) -> dict[str, tuple[str, str | None]]:
    """Size word -> (voice, speaker) of the size words that count."""
    w = an.size_words(an.from_texts({"t": text}), quotes=NO_QUOTES)
    return {r.match: (r.voice, r.speaker) for r in w.itertuples() if r.counts}


def test_round4_a_contrast_ends_the_statement_of_a_later_source():
    got = voices("The court ruled on Monday. The ruling is modest, but supporters say it is historic.")
    assert got["modest"] == ("outlet", None) and got["historic"] == ("attributed", "supporters")


def test_round4_hailed_as_and_in_someone_s_view_are_attributed():
    got = voices("The court ruled on Monday. Smith hailed the ruling as historic.")
    assert got["historic"] == ("attributed", "Smith")
    got = voices("The court ruled on Monday. The ruling is modest, in Smith's view.")
    assert got["modest"] == ("attributed", "Smith")


def test_round4_a_fronted_phrase_is_no_part_of_the_speaker():
    got = voices("The court ruled on Monday. In a statement, the White House called it a historic step.")
    assert got["historic"] == ("attributed", "the White House")


# --------------------------------------------------------------------------- negation and precedent

def test_round4_far_from_denies_the_size_word_after_it():
    text = "The court ruled on Monday. The ruling is far from historic."
    assert sized(text).get("The ruling is far from historic.") == "smaller"
    text = "The court ruled on Monday. The ruling was anything but modest."
    assert sized(text).get("The ruling was anything but modest.") == "bigger"


def test_round4_not_the_first_of_its_kind_is_a_pattern_claim():
    assert sized("The court ruled on Monday. The ruling isn't the first of its kind.") == {}
    assert sized("The court ruled on Monday. The ruling is the first of its kind.") == {
        "The ruling is the first of its kind.": "bigger"}


@pytest.mark.parametrize("lede, sentence", [
    ("The Supreme Court struck down the law on Monday. ", "Never before has the court struck down a law so quickly."),
    ("Democrat Doug Jones won the Alabama Senate race on Tuesday. ",
     "Not since 1992 has a Democrat won a Senate seat in Alabama."),
])
def test_round4_a_fronted_precedent_sizes_its_clause(lede, sentence):
    assert sized(lede + sentence).get(sentence) == "bigger"


def test_round4_a_fronted_precedent_about_something_else_does_not_count():
    sentence = "For the first time since 2010, unemployment rose in May."
    assert sentence not in sized("The Supreme Court struck down the law on Monday. " + sentence)


@pytest.mark.parametrize("sentence", [
    "The ruling, while significant, is not final.",
    "Although the ruling is significant, it is not final.",
])
def test_round4_a_concession_asserts_what_it_grants(sentence):
    assert sized("The court ruled on Monday. " + sentence).get(sentence) == "bigger"


def test_round4_a_concession_about_someone_else_does_not_count():
    sentence = "Smith, while a major figure, did not speak."
    assert sentence not in sized("The court ruled on Monday. " + sentence)


@pytest.mark.parametrize("text, frame, word", [
    ("Potential jurors were questioned on Monday.", "hedging", "Potential"),
    ("He is a potential candidate.", "hedging", "potential"),
    ("She could only watch.", "hedging", "could"),
    ("The convoy came under fire from gunmen.", "pressure", "under fire"),
    ("The law includes safeguards for privacy.", "self_defense", "safeguards"),
    ("He is Trump's alter ego.", "change", "alter"),
    ("Trump appeared relaxed at the rally.", "change", "relaxed"),
])
def test_round4_roles_abilities_gunfire_and_moods_are_out_of_sense(text, frame, word):
    assert (frame, word) not in hits(text)


@pytest.mark.parametrize("text, frame, word", [
    ("The potential for violence is high.", "hedging", "potential"),
    ("The war could spread.", "hedging", "could"),
    ("The senator came under fire from Democrats.", "pressure", "under fire"),
    ("Ukraine must safeguard its cities.", "self_defense", "safeguard"),
    ("The plan would alter the law.", "change", "alter"),
    ("The rules were relaxed on Monday.", "change", "relaxed"),
    ("A more relaxed standard applies.", "change", "relaxed"),
])
def test_round4_roles_abilities_gunfire_and_moods_in_sense_stay(text, frame, word):
    assert (frame, word) in hits(text)


def test_round4_a_first_in_the_speaker_s_own_life_is_not_the_event_s():
    lede = "Thousands of protesters marched in Washington on Saturday. "
    own = "It was the first time I had marched, Jane Doe said."
    seen = "It was the first time I have seen such a crowd, Smith said."
    got = sized(lede + own + " " + seen)
    assert own not in got and got.get(seen) == "bigger"


def test_round4_go_far_beyond_says_what_its_subject_is():
    text = "The court ruled on Monday. And the implications go far beyond the 2012 election."
    assert sized(text).get("And the implications go far beyond the 2012 election.") == "bigger"
    assert sized("The court ruled on Monday. He went on to become a major figure.") == {}


def test_round4_a_new_paradigm_is_a_size_phrase():
    assert ("magnitude_bigger", "new paradigm") in hits("The ruling marks a new paradigm.")
    assert sized("The court ruled on Monday. The ruling is a paradigm shift.") == {
        "The ruling is a paradigm shift.": "bigger"}


@pytest.mark.parametrize("sentence, speaker", [
    ("Experts agreed that the ruling was a major shift.", "Experts"),
    ("Many Democrats see the ruling as a major victory.", "Many Democrats"),
    ("To Smith, the ruling is a major shift.", "Smith"),
])
def test_round4_views_agreed_seen_as_and_to_someone_are_attributed(sentence, speaker):
    got = voices("The court ruled on Monday. " + sentence)
    assert got["major"] == ("attributed", speaker)


def test_round4_is_expected_to_is_no_source():
    got = voices("The House impeached Trump on Wednesday. "
                 "Trump is expected to be acquitted, but the trial will have high stakes for the court.")
    assert got["high stakes"] == ("outlet", None)


@pytest.mark.parametrize("text, frame, word", [
    ("It became apparent that the deal had failed.", "hedging", "apparent"),
    ("Officials will act where possible.", "hedging", "possible"),
    ("He will run again, come what may.", "hedging", "may"),
    ("The lobbying firm hired him.", "pressure", "lobbying"),
    ("He stepped off the curb.", "restriction", "curb"),
    ("He proposed the bill, only to see it fail.", "magnitude_smaller", "only"),
])
def test_round4_evident_conditions_idioms_firms_and_streets_are_out_of_sense(text, frame, word):
    assert (frame, word) not in hits(text)


@pytest.mark.parametrize("text, frame, word", [
    ("The apparent suicide shocked the town.", "hedging", "apparent"),
    ("It is possible that the deal fails.", "hedging", "possible"),
    ("The deal may fail.", "hedging", "may"),
    ("The group is lobbying Congress.", "pressure", "lobbying"),
    ("Congress approved a curb on spending.", "restriction", "curb"),
    ("The bill covers only two states.", "magnitude_smaller", "only"),
])
def test_round4_evident_conditions_idioms_firms_and_streets_in_sense_stay(text, frame, word):
    assert (frame, word) in hits(text)


def test_round4_one_of_only_three_is_rarity():
    text = "The House impeached Trump on Wednesday. Trump is one of only three presidents to be impeached."
    assert sized(text).get("Trump is one of only three presidents to be impeached.") in (None, "bigger")
    assert ("magnitude_bigger", "one of only three") in hits("Trump is one of only three presidents to be impeached.")


def test_round4_a_general_event_noun_that_is_someone_else_s_action_is_not_the_event():
    lede = "The Supreme Court struck down the law on Monday. "
    other = "Republicans have proposed sweeping changes to the tax code."
    own = "The ruling makes sweeping changes to the tax code."
    assert other not in sized(lede + other)
    assert sized(lede + own).get(own) == "bigger"
    # changes to the event's own matter stay the event's
    text = ("The Obama administration proposed a rule on Monday. "
            "EPA chief Gina McCarthy announced sweeping changes to power plant rules. The rule takes effect in 2016.")
    assert sized(text).get("EPA chief Gina McCarthy announced sweeping changes to power plant rules.") == "bigger"


# --------------------------------------------------------------------------- disasters, protests, deals

STORM = ("Hurricane Ian slammed into Florida on Wednesday as one of the most powerful storms ever to hit "
         "the United States. The storm made landfall near Cayo Costa. ")


def test_round4_a_superlative_with_a_record_sizes_the_event_in_the_outlet_s_voice():
    got = voices(STORM)
    assert got["most powerful storms ever"] == ("outlet", None)  # "slammed into" is a motion, not speech


def test_round4_the_damage_an_event_does_is_its_size():
    sentence = "Officials said the damage was massive."
    assert sized(STORM + sentence).get(sentence) == "bigger"


PROTEST = "Tens of thousands of people marched through London on Saturday. The march was largely peaceful. "


def test_round4_called_it_a_sized_noun_phrase_sizes_it():
    sentence = "Organizers called it a historic show of strength."
    assert sized(PROTEST + sentence).get(sentence) == "bigger"


def test_round4_dismissed_as_names_its_object():
    sentence = "The prime minister dismissed the march as a minor distraction."
    assert sized(PROTEST + sentence).get(sentence) == "smaller"


def test_round4_a_relative_clause_on_someone_else_is_background():
    sentence = "The prime minister, who won a landslide victory in July, stayed silent."
    assert sentence not in sized(PROTEST + sentence)
    lede = "Democrat Doug Jones won the Alabama Senate race on Tuesday. "
    own = "Jones, who pulled off a stunning upset, thanked voters."
    assert sized(lede + own).get(own) == "bigger"


def test_round4_an_adverb_on_the_actor_s_verb_sizes_the_event():
    lede = "The Supreme Court on Monday narrowly upheld the travel ban. "
    assert sized(lede + "The ruling was final.").get(lede.strip()) == "smaller"
    other = "The court cited the profoundly alarming messages."
    assert other not in sized(lede + other)


def test_round4_a_bare_apposition_describes_the_lede_clause():
    text = "Sen. Al Franken will resign in the coming weeks, a stunning fall for a lawmaker. He said so Thursday."
    assert sized(text).get("Sen. Al Franken will resign in the coming weeks, a stunning fall for a lawmaker.") == "bigger"


def test_round4_a_participle_of_relation_ends_the_noun_phrase():
    lede = "The Senate passed the gun bill on Thursday. The bill now goes to the House. "
    sentence = "There is tremendous uncertainty surrounding the bill."
    assert sentence not in sized(lede + sentence)


@pytest.mark.parametrize("text, frame, word", [
    ("Trump called the results a tremendous success.", "magnitude_bigger", "tremendous"),
    ("The storm caused catastrophic damage.", "magnitude_bigger", "catastrophic"),
    ("The law is transformative.", "magnitude_bigger", "transformative"),
    ("Congress passed a stopgap measure.", "magnitude_smaller", "stopgap"),
    ("The aid is a drop in the bucket.", "magnitude_smaller", "a drop in the bucket"),
])
def test_round4_more_size_words_beyond_policy(text, frame, word):
    assert (frame, word) in hits(text)


def test_round4_agreed_to_buy_is_no_statement():
    got = voices("Microsoft agreed on Monday to buy Activision for $68.7 billion, the largest deal in the "
                 "history of the industry. The deal needs approval.")
    assert got["largest"] == ("outlet", None)


GUNS = "The Senate passed the gun bill on Thursday. "


def test_round4_it_among_things_of_a_kind_is_one_of_them():
    sentence = "It is one of the largest lobbying groups in Washington."
    assert sentence not in sized(GUNS + "The NRA spent millions against it. " + sentence)
    protest = "Tens of thousands marched in London on Saturday. The march was peaceful. "
    assert sized(protest + "It was one of the largest marches in years.").get(
        "It was one of the largest marches in years.") == "bigger"


def test_round4_it_refers_back_to_a_bare_noun_phrase():
    sentence = "It has become a major issue in the city."
    assert sentence not in sized(GUNS + "Gun violence has surged in Chicago. " + sentence)


def test_round4_a_size_word_in_the_lede_s_event_subject_sizes_it():
    lede = "A major earthquake struck Turkey on Monday, killing thousands."
    assert sized(lede + " The quake was felt in Syria.").get(lede) == "bigger"
    union = "The nation's largest teachers union voted on Friday to endorse Biden."
    assert union not in sized(union + " The vote was unanimous.")


def test_round4_the_changing_climate_is_the_phenomenon():
    assert ("change", "changing") not in hits("The changing climate threatens farms.")
    assert ("change", "change") in hits("The rule would change the law.")


def test_round4_pressure_from_a_market_is_no_pressure_on_a_decision_maker():
    assert ("pressure", "pressure") not in hits('The coal industry is already under "pressure" from natural gas.')
    assert ("pressure", "pressure") in hits("The senator is under pressure from donors.")


def test_round4_a_long_concession_is_still_a_concession():
    text = ("Arizona may have understandable frustrations with the problems caused by illegal immigration "
            "while that process continues, but the State may not pursue policies that undermine federal law.")
    assert ("hedging", "may") not in hits(text)


@pytest.mark.parametrize("text, word", [
    ("The rule helps small businesses.", "small"),
    ("The ruling is a win for big tech.", "big"),
    ("He played major league baseball.", "major"),
    ("The law protects minor children.", "minor"),
])
def test_round4_size_words_in_fixed_compounds_are_out_of_sense(text, word):
    assert not [w for f, w in hits(text) if f.startswith("magnitude") and w.lower() == word]


def test_round4_size_words_about_other_things_keep_their_size_sense():
    assert ("magnitude_bigger", "Major") in hits("Major networks covered it.")
    assert ("magnitude_bigger", "major") in hits("The deal is a major shift.")


def test_round4_the_actor_s_first_to_is_the_event_s_precedent():
    text = ("Kamala Harris was sworn in as vice president on Wednesday. Harris is the first woman to hold "
            "the office. Her sister was the first person to call.")
    got = sized(text)
    assert got.get("Harris is the first woman to hold the office.") == "bigger"
    assert "Her sister was the first person to call." not in got
    assert ("magnitude_bigger", "first to arrive") not in hits("His wife was the first to arrive.")


def test_round4_first_lady_is_no_precedent():
    assert not [w for f, w in hits("The first lady Jill Biden came to visit the troops.") if f == "magnitude_bigger"]


def test_round4_there_can_be_only_one_is_uniqueness():
    assert ("magnitude_smaller", "only") not in hits("There can be only one winner.")
    assert ("magnitude_smaller", "only") in hits("The law affects only one state.")


@pytest.mark.parametrize("text, word", [
    ("He was charged with assaulting a minor.", "minor"),
    ("The firm is a limited liability company.", "limited"),
    ("China controls rare earth minerals.", "rare"),
    ("Wildfires are sweeping through California.", "sweeping"),
])
def test_round4_nouns_compounds_and_motion_are_not_sizes(text, word):
    assert not [w for f, w in hits(text) if f.startswith("magnitude") and w.lower() == word]


@pytest.mark.parametrize("text, word", [
    ("The law makes sweeping changes.", "sweeping"),
    ("It was a minor change.", "minor"),
    ("The ruling is limited.", "limited"),
])
def test_round4_the_same_size_words_as_sizes_stay(text, word):
    assert [w for f, w in hits(text) if f.startswith("magnitude") and w.lower() == word]


def test_round4_consequences_of_another_thing_are_not_the_event_s():
    lede = "The EPA proposed a rule on Monday to cut carbon emissions. The rule takes effect in 2016. "
    other = "The rule will not avert the worst consequences of climate change."
    own = "The rule will have a major impact on coal plants."
    assert other not in sized(lede + other)
    assert sized(lede + own).get(own) == "bigger"
    ruling = "The court ruled on Monday. Experts expect major repercussions of the ruling."
    assert sized(ruling).get("Experts expect major repercussions of the ruling.") == "bigger"


def test_round4_a_sized_time_of_the_event_sizes_it():
    lede = "This is a make-or-break week for the gun bill, which reached the Senate floor on Monday."
    assert sized(lede + " The bill needs 60 votes.").get(lede) == "bigger"
    assert sized("The House impeached Trump on Wednesday. It was a historic day.").get("It was a historic day.") == "bigger"


def test_round4_they_refers_back_to_plural_events():
    text = ("The court heard the three cases on Tuesday. The cases are about immigration. "
            "They represent a major test of presidential power.")
    assert sized(text).get("They represent a major test of presidential power.") == "bigger"
    people = "The court heard the three cases on Tuesday. The lawyers spoke first. They represent a major firm."
    assert "They represent a major firm." not in sized(people)


def test_round4_a_habitual_bare_plural_is_a_kind():
    text = ("The court heard the three cases on Tuesday. The cases are about immigration. "
            "But the court typically only hears cases that involve a legal question.")
    assert "But the court typically only hears cases that involve a legal question." not in sized(text)


def test_round4_far_from_over_is_no_size():
    assert ("magnitude_smaller", "far from") not in hits("The fight is far from over.")
    assert ("magnitude_smaller", "far from") in hits("The ruling is far from a definitive verdict.")


def test_round4_the_latest_in_a_string_of_is_a_continuation():
    text = "The Post reported the meetings on Wednesday. The report is the latest in a string of revelations."
    assert sized(text).get("The report is the latest in a string of revelations.") == "smaller"
    assert not [w for f, w in hits("The latest poll shows a tie.") if f.startswith("magnitude")]


def test_round4_far_from_the_first_is_a_pattern_claim():
    text = "The court ruled on Monday. The ruling is far from the first of its kind."
    assert sized(text) == {}
