"""Stories: the reports of one happening together, another happening of the same kind apart,
and a report read later placed without recomputing the rest."""

import pytest

from claimgraph.record import Entity
from claimgraph.resolve import stories as stories_module
from claimgraph.resolve.copies import find_copies
from claimgraph.resolve.stories import StoryIndex, features, figures, find_stories, lead, title_of
from tests.resolve.reports import (
    QUAKE_A,
    QUAKE_A_COPY,
    QUAKE_A_OTHER,
    QUAKE_B,
    QUAKE_B_OTHER,
    report,
)


def members(stories):
    return sorted(sorted(s.documents) for s in stories)


def test_two_earthquakes_are_two_stories():
    taiwan = [report(QUAKE_A, "2018-02-06"), report(QUAKE_A_OTHER, "2018-02-07")]
    mexico = [report(QUAKE_B, "2018-02-06"), report(QUAKE_B_OTHER, "2018-02-07")]
    stories = find_stories([taiwan[0], mexico[0], taiwan[1], mexico[1]])
    assert members(stories) == members_of(taiwan, mexico)


def test_an_article_added_later_joins_its_story_incrementally():
    index = StoryIndex()
    batch = [report(QUAKE_A, "2018-02-06"), report(QUAKE_B, "2018-02-06")]
    for record in batch:  # the corpus so far: its word frequencies first, then its stories
        index.count(record)
    taiwan, mexico = (index.add(record) for record in batch)
    assert taiwan != mexico
    assert index.add(report(QUAKE_A_OTHER, "2018-02-07")) == taiwan
    assert index.add(report(QUAKE_B_OTHER, "2018-02-07")) == mexico
    assert len(index) == 2


def test_a_copy_follows_its_original_and_never_founds_a_story():
    original = report(QUAKE_A, "2018-02-06", "Quake kills nine in Taiwan")
    copy = report(QUAKE_A_COPY, "2018-02-07")
    other = report(QUAKE_B, "2018-02-06")
    records = [copy, other, original]
    stories = find_stories(records, find_copies(records))
    assert members(stories) == sorted([sorted([original.id, copy.id]), [other.id]])
    [taiwan] = [s for s in stories if original.id in s.documents]
    assert (taiwan.title, taiwan.first_published, taiwan.last_published) == (
        "Quake kills nine in Taiwan", "2018-02-06", "2018-02-07")


def test_a_report_read_before_the_reports_linking_it_to_its_story_joins_it_once_all_are_placed():
    # one ferry disaster: the survivors' report shares little with the first (it founds alone
    # when placed), but all it shares with the fuller report that is placed after it
    first = report("Harbour ferry capsized in a storm; rescue divers searched.", "2020-01-01")
    survivors = report("Coastguard survivors taken to hospital from the ferry.", "2020-01-02")
    fuller = report("Harbour ferry capsized in a storm; rescue divers searched, and the "
                    "coastguard took survivors to hospital.", "2020-01-03")
    [story] = find_stories([first, survivors, fuller])
    assert sorted(story.documents) == sorted([first.id, survivors.id, fuller.id])


FERRY = [
    "A ferry capsized off Lamma Island in a storm on Monday night, and coastguard divers "
    "searched the harbour for missing passengers.",
    "Coastguard divers searched the harbour for passengers after the Lamma Island ferry "
    "capsized in Monday night's storm.",
    "The Lamma Island ferry capsized in a storm on Monday night with 120 passengers aboard; "
    "coastguard divers searched the harbour.",
    "Passengers were missing after a ferry capsized in a storm off Lamma Island on Monday "
    "night, as coastguard divers searched the harbour.",
    "Coastguard divers searched the harbour on Tuesday for passengers missing since the Lamma "
    "Island ferry capsized in a storm.",
    "The marine department said the Lamma Island ferry capsized in Monday night's storm; "
    "coastguard divers searched the harbour for the missing.",
]
SURVIVOR = ("A survivor of the Lamma Island ferry that capsized in a storm on Monday night said "
            "she clung to a cooler for three hours in the dark harbour before coastguard divers "
            "searching for passengers reached her: the lights went out and water poured through "
            "the broken windows.")


@pytest.mark.parametrize(("gather_size", "stories"), [(stories_module.GATHER_SIZE, [8]),
                                                     (100, [1, 1, 6])])
def test_reports_that_fit_each_other_best_still_join_their_happenings_story(
        monkeypatch, gather_size, stories):
    # one survivor's account run by two outlets, each edited: settling moves one report at a
    # time, and each of the two fits the other best, so neither ever moves to the capsizing's
    # story and each stays a story of its own (100: no story is large enough to gather
    # them); gathering moves each small story whole into the story it fits
    monkeypatch.setattr(stories_module, "GATHER_SIZE", gather_size)
    account = [SURVIVOR, SURVIVOR.replace("said she clung", "told reporters she held on")]
    units = [report(text, "2021-03-01") for text in account]
    units += [report(text, "2021-03-02") for text in FERRY]
    index = StoryIndex(threshold=1.0)  # placed, each report founds a story of its own
    for record in units:
        index.count(record)
    for record in units:
        index.add(record)
    index.settle(units)
    assert sorted(len(s.documents) for s in index.stories()) == stories


def test_a_report_weeks_after_a_story_went_quiet_starts_a_new_one():
    index = StoryIndex()
    first = index.add(report(QUAKE_A, "2018-02-06"))
    assert index.add(report(QUAKE_A_COPY, "2018-04-20")) != first


def test_extracted_names_count_apart_from_the_words_of_the_text():
    record = report("Georgia voted.", None)
    record.entities = [Entity(0, 7, "Georgia", label="GPE", canonical="Georgia")]
    terms = features(record)
    assert terms["E:georgia"] == 1 and terms["georgia"] == 2  # the word: once more in the lead


def test_a_name_is_one_term_whatever_its_case():
    upper, lower = report("Kramatorsk mourns.", None), report("In kramatorsk, a vigil.", None)
    upper.entities = [Entity(0, 10, "Kramatorsk", label="GPE", canonical="Kramatorsk")]
    lower.entities = [Entity(3, 13, "kramatorsk", label="GPE")]
    assert "E:kramatorsk" in features(upper) and "E:kramatorsk" in features(lower)


def test_figures_are_terms_of_their_own_but_small_counts_years_and_clock_times_are_not():
    text = ("A magnitude 5.6 quake at 11:50 p.m. destroyed 2,400 homes and caused $85 million "
            "of damage in 2008; three of the 12 villages, No. 5 among them, were cut off.")
    assert figures(text) == {"N:5.6": 1, "N:2400": 1, "N:85m": 1, "N:12": 1}


def test_the_lead_is_the_headline_and_the_first_characters_of_the_text_headline_once():
    body = "A magnitude 6.4 earthquake struck Hualien on Tuesday. " * 20
    with_title = report(body, None, "Quake kills nine in Taiwan")
    assert lead(with_title).startswith("Quake kills nine in Taiwan\nA magnitude 6.4")
    opening_with_it = report("Quake kills nine in Taiwan\n" + body, None, "Quake kills nine in Taiwan")
    assert lead(opening_with_it).count("Quake kills nine") == 1
    assert len(lead(with_title)) == 300


def test_the_words_of_the_lead_count_twice():
    record = report("Rescuers reached Hualien. " + "The night was long and cold. " * 12
                    + "Earlier quakes struck the city in 1986 and 2002.", None)
    terms = features(record)
    assert terms["hualien"] == 2 and terms["earlier"] == 1


def test_a_story_without_a_headline_is_titled_by_its_first_sentence():
    text = "Rescuers dug through the night. The toll rose to 200.\n\nMore follows."
    assert title_of(report(text, None)) == "Rescuers dug through the night."


def members_of(*groups):
    return sorted(sorted(r.id for r in group) for group in groups)
