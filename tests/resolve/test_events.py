"""Cross-document events: one real event across a story's reports, different events apart."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.events.coref import Mention, compatible
from claimgraph.record import Event, Place, Record, Span, Time
from claimgraph.resolve import events as resolve_events
from claimgraph.resolve.corpus import Story
from claimgraph.resolve.events import (
    CANDIDATES,
    DocumentEvent,
    _affinity,
    _Group,
    cluster_story,
    clusters,
    cross_document_events,
    families_of,
)

#: the regions the gazetteer gives these towns
REGIONS = {"Sudzha": "RU-KRS", "Belgorod": "RU-BEL"}


def _report(doc_id: str, text: str, word: str, *, place: str | None = None,
            date: str | None = None, type_: str = "ASSAULT") -> Record:
    start = text.index(word)
    places = [] if place is None else [Place(text.index(place), text.index(place) + len(place),
                                             place, name=place, country="RU",
                                             admin1=REGIONS[place])]
    times = [] if date is None else [Time(0, 3, text[:3], type="DATE", value=date)]
    event = Event(id=f"{doc_id}:e", type=type_, trigger=Span(start, start + len(word), word),
                  place=0 if places else None, time=0 if times else None)
    return Record(id=doc_id, source=doc_id, published="2024-08-07", text=text, places=places,
                  times=times, events=[event])


def _story(*records: Record) -> Story:
    return Story(id="story:1", documents=[r.id for r in records], title="t")


def test_the_same_attack_in_two_reports_is_one_event() -> None:
    a = _report("a", "Mon: troops attacked Sudzha.", "attacked", place="Sudzha", date="2024-08-06")
    b = _report("b", "The attack on Sudzha began at dawn.", "attack", place="Sudzha")
    (event,) = cross_document_events([a, b], [_story(a, b)])
    assert [m.document for m in event.mentions] == ["a", "b"]
    assert (event.story, event.type) == ("story:1", "ASSAULT")


def test_attacks_on_different_towns_are_different_events() -> None:
    a = _report("a", "Troops attacked Sudzha.", "attacked", place="Sudzha")
    b = _report("b", "Troops attacked Belgorod.", "attacked", place="Belgorod")
    assert len(cross_document_events([a, b], [_story(a, b)])) == 2


def test_attacks_on_different_days_are_different_events() -> None:
    a = _report("a", "Mon: troops attacked.", "attacked", date="2024-08-05")
    b = _report("b", "Tue: troops attacked.", "attacked", date="2024-08-06")
    assert len(cross_document_events([a, b], [_story(a, b)])) == 2


def test_reports_in_different_stories_never_share_an_event() -> None:
    a = _report("a", "Troops attacked.", "attacked")
    b = _report("b", "Troops attacked.", "attacked")
    events = cross_document_events([a, b], [_story(a), Story("story:2", ["b"], "t")])
    assert sorted(e.story for e in events) == ["story:1", "story:2"]


def test_a_document_in_no_story_is_resolved_alone() -> None:
    a = _report("a", "Troops attacked.", "attacked")
    (event,) = cross_document_events([a], [])
    assert event.story is None and event.mentions[0].event == "a:e"


def test_claimgraph_resolve_runs_the_events_stage_after_copies_and_stories() -> None:
    from claimgraph.resolve.resolver import resolve_records

    a = _report("a", "Troops attacked Sudzha.", "attacked", place="Sudzha")
    kinds = [item.kind for item in resolve_records([a])]
    assert kinds[-1] == "event" and kinds.index("event") > kinds.index("story")


def test_two_events_one_report_kept_apart_join_the_one_event_of_their_story() -> None:
    text = "Troops attacked Sudzha. Far below, the text says the attack on Sudzha began at dawn."
    a = _report("a", text, "attacked", place="Sudzha")
    later = text.index("attack on")
    a.events.append(Event(id="a:e2", type="ASSAULT", trigger=Span(later, later + 6, "attack"),
                          place=0))
    b = _report("b", "The attack on Sudzha was repelled.", "attack", place="Sudzha")
    (event,) = cross_document_events([a, b], [_story(a, b)])
    assert sorted(m.event for m in event.mentions) == ["a:e", "a:e2", "b:e"]


def test_a_report_agreeing_with_one_mention_of_an_event_joins_it_past_a_disagreeing_one() -> None:
    # b read its date a day early; c agrees with a (whose date is unknown), so it joins them
    a = _report("a", "Troops attacked Sudzha.", "attacked", place="Sudzha")
    b = _report("b", "Mon: the attack on Sudzha.", "attack", place="Sudzha", date="2024-08-05")
    c = _report("c", "Tue: Sudzha attacked again.", "attacked", place="Sudzha", date="2024-08-06")
    (event,) = cross_document_events([a, b, c], [_story(a, b, c)])
    assert sorted(m.document for m in event.mentions) == ["a", "b", "c"]


# --- scale: an index of word families, not a scan of every corpus event -----------------------

def _event(n: int, word: str, *, place: str | None = None, day: str | None = None,
           type_: str | None = "ASSAULT") -> DocumentEvent:
    features = Mention(start=0, end=len(word), sentence=0, family="", verbal=True, type=type_,
                       times=frozenset({day}) if day else frozenset(),
                       places=frozenset({f"admin1:{place}"}) if place else frozenset())
    return DocumentEvent(f"d{n}", f"d{n}:e", type_, [Span(0, len(word), word)], features,
                         families_of([Span(0, len(word), word)]))


def _exhaustive(events: list[DocumentEvent]) -> list[list[DocumentEvent]]:
    """The clustering every corpus event weighed against every other: what the index must
    reproduce while no family holds more than ``CANDIDATES`` corpus events."""
    groups: list[list[DocumentEvent]] = []
    for event in events:
        best: tuple[tuple[int, int], list[DocumentEvent]] | None = None
        for members in groups:
            shared = len(event.families & frozenset().union(*(m.families for m in members)))
            if not shared or not any(compatible(event.features, m.features) for m in members):
                continue
            agree = sum(bool(event.features.places & m.features.places)
                        + bool(event.features.times & m.features.times) for m in members)
            if best is None or (shared, agree) > best[0]:
                best = ((shared, agree), members)
        if best is None:
            groups.append([event])
        else:
            best[1].append(event)
    return groups


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["attacked", "attack", "bombed", "protest", "arrest"]),
                          st.sampled_from([None, "Sudzha", "Belgorod"]),
                          st.sampled_from([None, "2024-08-06", "2024-08-07"]),
                          st.sampled_from([None, "ASSAULT", "PROTEST"])), max_size=40))
def test_the_family_index_clusters_as_weighing_every_corpus_event_would(
        specs: list[tuple[str, str | None, str | None, str | None]]) -> None:
    events = [_event(n, w, place=p, day=d, type_=t) for n, (w, p, d, t) in enumerate(specs)]
    ours = [[e.event for e in g] for g in cluster_story(events)]
    assert ours == [[e.event for e in g] for g in _exhaustive(events)]


def test_placing_an_event_weighs_a_bounded_number_of_corpus_events(monkeypatch) -> None:
    # a story followed for months: a thousand attacks on different days, each its own event
    first = date(2024, 1, 1)
    events = [_event(n, "attacked", day=(first + timedelta(n)).isoformat()) for n in range(1000)]
    calls = []
    monkeypatch.setattr(resolve_events, "compatible",
                        lambda a, b: calls.append(1) or compatible(a, b))
    assert len(cluster_story(events)) == 1000
    assert len(calls) <= len(events) * CANDIDATES


def test_a_corpus_event_is_given_out_once_no_later_event_can_join_it() -> None:
    # a story followed for a year: a new attack every day, each its own event; the stream gives
    # out each one once CANDIDATES later attacks have pushed it out of the family index, so
    # the events held at once stay bounded however long the story runs
    first = date(2024, 1, 1)
    read = []

    def reported():
        for n in range(365):
            read.append(n)
            yield _event(n, "attacked", day=(first + timedelta(n)).isoformat())

    held = []
    for group in clusters(reported()):
        held.append(len(read) - group.number)
    assert len(held) == 365
    assert max(held[:365 - CANDIDATES]) == CANDIDATES + 1  # given out while reading on
    assert sorted(g.number for g in clusters(_event(n, "attacked") for n in range(3))) == [0]


def _kept_all(events: list) -> list[list]:
    """The clustering with nothing forgotten: every corpus event kept, and each family's
    latest ``CANDIDATES`` found by scanning all of them for the last one each joined."""
    groups: list[_Group] = []
    touched: dict[tuple[str, int], int] = {}  # (family, group) -> when last joined there
    for step, event in enumerate(events):
        numbers: set[int] = set()
        for name in event.families:
            latest = sorted((t, n) for (f, n), t in touched.items() if f == name)[-CANDIDATES:]
            numbers.update(n for _, n in latest)
        best = None
        for number in sorted(numbers):
            fit = _affinity(event, groups[number])
            if fit is not None and (best is None or fit > best[0]):
                best = (fit, groups[number])
        group = best[1] if best else _Group(len(groups))
        if best is None:
            groups.append(group)
        group.add(event)
        for name in event.families:
            touched[(name, group.number)] = step
    return [g.members for g in groups]


def test_the_stream_holds_the_groups_of_a_clustering_that_forgets_nothing() -> None:
    words = ["attacked", "attack", "protest", "arrest", "bombed"]
    events = [_event(n, words[n % 5], day=f"2024-08-0{1 + n % 3}") for n in range(400)]
    streamed = sorted([e.event for e in g.members] for g in clusters(events))
    expected = [[e.event for e in g] for g in _kept_all(events)]
    assert streamed == sorted(expected)
    assert [[e.event for e in g] for g in cluster_story(events)] == expected
    assert 1 < len(expected) < len(events)
