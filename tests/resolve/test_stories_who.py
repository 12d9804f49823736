"""Who a report is about: a report whose protagonist a story never names is weighed down there,
so two happenings of one kind with different protagonists stay apart."""

import re
from collections import Counter
from dataclasses import replace

from claimgraph.record import Entity, Record
from claimgraph.resolve.stories import ELSEWHERE, StoryIndex
from claimgraph.resolve.stories_who import participants, protagonist
from tests.resolve.reports import report

ARREST = ("Chargers {role} {name} was arrested on suspicion of drunk driving early Sunday, the "
          "California Highway Patrol said. {name} was stopped on the freeway near the stadium "
          "and released on bail hours later, and {name} is expected to play this week.")


def named(text, published, people=(), orgs=()):
    """A report with its people and organisations marked where the text names them."""
    record = report(text, published)
    for name, label in [*((p, "PERSON") for p in people), *((o, "ORG") for o in orgs)]:
        record.entities += [Entity(m.start(), m.end(), name, label=label)
                            for m in re.finditer(re.escape(name), text)]
    return record


def test_people_count_by_surname_and_organisations_by_name():
    record = named("Vincent Jackson spoke. Jackson left. The Chargers said so.", None,
                   people=["Vincent Jackson", "Jackson"], orgs=["The Chargers"])
    assert participants(record) == Counter({"jackson": 3, "chargers": 1})


def test_the_protagonist_is_named_most_and_in_the_lead():
    assert protagonist(Counter({"williams": 3, "jackson": 1}), "Williams arrested") == "williams"
    assert protagonist(Counter({"williams": 3}), "A lineman arrested") is None  # not in the lead
    assert protagonist(Counter({"williams": 1}), "Williams arrested") is None  # a passing name
    assert protagonist(Counter({"williams": 2, "jackson": 2}), "Williams and Jackson") is None


def arrests():
    jackson = named(ARREST.format(role="receiver", name="Jackson"), "2009-02-01",
                    people=["Jackson"])
    williams = named(ARREST.format(role="lineman", name="Williams"), "2009-02-02",
                     people=["Williams"])
    return jackson, williams


def as_places(record):
    """The same report with its names read as places: the same terms, no participants."""
    return Record(id=record.id, source=record.source, published=record.published,
                  text=record.text, entities=[replace(e, label="GPE") for e in record.entities])


def test_a_report_about_somebody_else_fits_a_story_less_by_elsewhere():
    jackson, williams = arrests()
    again = named(ARREST.format(role="receiver", name="Jackson") + " He apologised.",
                  "2009-02-02", people=["Jackson"])
    index = StoryIndex()
    for record in (jackson, williams, again):
        index.count(record)
    first = index.add(jackson)
    assert index.fit(williams, first) == index.fit(as_places(williams), first) * ELSEWHERE
    assert index.fit(again, first) == index.fit(as_places(again), first)


def test_two_arrests_of_one_kind_are_two_stories_when_the_likeness_is_borderline():
    jackson, williams = arrests()
    index = StoryIndex()
    for record in (jackson, williams):
        index.count(record)
    likeness = index.fit(williams, index.add(jackson)) / ELSEWHERE
    # a bar the likeness passes, but not once weighed down: the second arrest founds its own
    index = StoryIndex(threshold=likeness * (1 + ELSEWHERE) / 2)
    for record in (jackson, williams):
        index.count(record)
    assert index.add(jackson) != index.add(williams)
