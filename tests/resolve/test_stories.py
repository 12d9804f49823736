"""Stories: the reports of one happening together, another happening of the same kind apart,
and a report read later placed without recomputing the rest."""

from claimgraph.record import Entity
from claimgraph.resolve.copies import find_copies
from claimgraph.resolve.stories import StoryIndex, features, find_stories, title_of
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


def test_a_report_weeks_after_a_story_went_quiet_starts_a_new_one():
    index = StoryIndex()
    first = index.add(report(QUAKE_A, "2018-02-06"))
    assert index.add(report(QUAKE_A_COPY, "2018-04-20")) != first


def test_extracted_names_count_apart_from_the_words_of_the_text():
    record = report("Georgia voted.", None)
    record.entities = [Entity(0, 7, "Georgia", label="GPE", canonical="Georgia")]
    terms = features(record)
    assert terms["georgia"] == 1 and terms["E:Georgia"] == 1


def test_a_story_without_a_headline_is_titled_by_its_first_sentence():
    text = "Rescuers dug through the night. The toll rose to 200.\n\nMore follows."
    assert title_of(report(text, None)) == "Rescuers dug through the night."


def members_of(*groups):
    return sorted(sorted(r.id for r in group) for group in groups)
