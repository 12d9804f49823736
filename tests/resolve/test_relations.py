"""Relations across documents: two claimants' figures for one thing that cannot both hold
contradict, with a reason; a denial contradicts the claim it denies; the same claim from two
speakers supports."""

from claimgraph.record import Quantity
from claimgraph.resolve.claims import find_claims
from claimgraph.resolve.corpus import Story
from claimgraph.resolve.relations import FIGURE_WINDOW, bounds, find_relations, measure_of
from tests.resolve.builders import Figure, Says, article

STORY = [Story("story:strike", ["ministry", "army", "ministry-copy"], "Market strike")]


def _ministry(doc_id="ministry", published="2024-08-06"):
    return article(
        doc_id, "The strike on the market killed about 40 people, the health ministry said.",
        [Says("the health ministry", "said", "The strike on the market killed about 40 people")],
        figures=[Figure("about 40 people", value=40, unit="people", said_by=0)],
        outlet="AP", published=published,
    )


def _army(figure="12 people", value=12):
    return article(
        "army", f"The army said {figure} were killed in the strike.",
        [Says("The army", "said", f"{figure} were killed in the strike")],
        figures=[Figure(figure, value=value, unit="people", said_by=0)],
        outlet="Reuters", published="2024-08-07",
    )


def _relations(records, stories=STORY):
    return find_relations(records, find_claims(records, stories=stories), stories=stories)


def test_two_claimants_casualty_figures_for_one_attack_contradict_with_a_reason():
    [relation] = [r for r in _relations([_ministry(), _army()]) if r.type == "contradicts"]
    assert (relation.a.document, relation.a.quantity) == ("ministry", 0)
    assert (relation.b.document, relation.b.quantity) == ("army", 0)
    assert relation.reason == "about 40 people dead (the health ministry) vs 12 people (The army)"


def test_figures_whose_bounds_overlap_do_not_contradict():
    assert [r for r in _relations([_ministry(), _army("38 people", 38)]) if r.type == "contradicts"] == []


def test_a_figure_repeated_by_a_copy_still_makes_one_relation():
    records = [_ministry(), _ministry("ministry-copy", "2024-08-08"), _army()]
    assert len([r for r in _relations(records) if r.type == "contradicts"]) == 1


def test_figures_in_two_different_stories_are_not_compared():
    stories = [Story("story:a", ["ministry"], "Market strike"), Story("story:b", ["army"], "Another strike")]
    assert [r for r in _relations([_ministry(), _army()], stories) if r.type == "contradicts"] == []


def test_one_claimant_updating_its_own_toll_does_not_contradict_itself():
    update = article(
        "update", "The health ministry said 70 people were killed in the strike.",
        [Says("The health ministry", "said", "70 people were killed in the strike")],
        figures=[Figure("70 people", value=70, unit="people", said_by=0)], published="2024-08-08",
    )
    stories = [Story("story:strike", ["ministry", "update"], "Market strike")]
    assert [r for r in _relations([_ministry(), update], stories) if r.type == "contradicts"] == []


def test_a_number_is_read_as_the_toll_word_near_it():
    text = "The strike killed at least 40 people and injured 300 others."
    killed = Quantity(text.index("at least 40"), text.index(" and"), "at least 40 people", value=40, low=40)
    injured = Quantity(text.index("300"), text.index(" others"), "300", value=300)
    assert measure_of(text, killed) == "dead"
    assert measure_of(text, injured) == "injured"


def test_at_least_forty_is_forty_and_up():
    assert bounds(Quantity(0, 11, "at least 40", value=40, low=40)) == (40, float("inf"))


def test_a_denial_contradicts_the_claim_it_denies():
    records = [
        article("a", "An official said Russian forces had targeted the market.",
                [Says("An official", "said", "Russian forces had targeted the market", anonymous=True)]),
        article("b", "The Defense Ministry denied that Russian forces had targeted the market.",
                [Says("The Defense Ministry", "denied", "that Russian forces had targeted the market")]),
    ]
    [relation] = _relations(records, stories=[])
    assert relation.type == "contradicts"
    assert {relation.a.document, relation.b.document} == {"a", "b"}


def test_the_same_claim_from_two_speakers_supports_by_the_stance_models_verdict():
    records = [
        article("a", "The army said the bridge over the Donets was destroyed.",
                [Says("The army", "said", "the bridge over the Donets was destroyed")]),
        article("b", "The governor said the bridge over the Donets was destroyed.",
                [Says("The governor", "said", "the bridge over the Donets was destroyed")]),
    ]
    [relation] = _relations(records, stories=[])
    assert relation.type == "supports"
    # the stance model's verdict and probability, then who said what
    verdict, said = relation.reason.split(" (", 1)
    assert verdict.startswith("stance model: agree, 0.")
    assert said == ("The army: \u201cthe bridge over the Donets was destroyed\u201d; "
                    "The governor: \u201cthe bridge over the Donets was destroyed\u201d)")


def test_figures_of_one_corpus_event_contradict_even_when_the_stories_stage_split_its_reports():
    from claimgraph.record import Event, Span
    from claimgraph.resolve.corpus import CorpusEvent, EventMention

    ministry, army = _ministry(), _army()
    for record, word in ((ministry, "killed"), (army, "killed")):
        at = record.text.index(word)
        record.events.append(Event(id=f"{record.id}-e", type="ASSAULT", trigger=Span(at, at + 6, word),
                                   quantities=[0]))
    event = CorpusEvent("event:1", None, "ASSAULT", [
        EventMention(r.id, f"{r.id}-e", r.events[0].trigger.start, r.events[0].trigger.end, "killed")
        for r in (ministry, army)])
    stories = [Story("story:a", ["ministry"], "Market strike"), Story("story:b", ["army"], "Strike toll")]
    records = [ministry, army]
    relations = find_relations(records, find_claims(records, stories=stories), stories=stories, events=[event])
    assert [r.type for r in relations] == ["contradicts"]


def test_two_speakers_of_one_article_are_its_account_not_corroboration():
    text = "The army said the bridge over the Donets was destroyed. The governor said the bridge over the Donets was destroyed too."
    record = article("a", text, [
        Says("The army", "said", "the bridge over the Donets was destroyed"),
        Says("The governor", "said", "the bridge over the Donets was destroyed too"),
    ])
    assert _relations([record], stories=[]) == []


def test_a_clipped_mention_of_a_claims_topic_does_not_contradict_it():
    records = [
        article("a", "Cruz said the new rules on gun sales are not worth the paper they are written on.",
                [Says("Cruz", "said", "the new rules on gun sales are not worth the paper they are written on")]),
        article("b", "Republicans criticised the new rules on gun sales.",
                [Says("Republicans", "criticised", "the new rules on gun sales")]),
    ]
    assert [r for r in _relations(records, stories=[]) if r.type == "contradicts"] == []


def test_a_toll_is_compared_with_the_tolls_reported_around_it_not_every_toll_of_a_long_story():
    # a story followed for months: each day another claimant's toll, each different
    n = FIGURE_WINDOW + 50
    records = [article(
        f"r{i}", f"Official {i} said {10 * i + 10} people were killed in the strike.",
        [Says(f"Official {i}", "said", f"{10 * i + 10} people were killed in the strike")],
        figures=[Figure(f"{10 * i + 10} people", value=10 * i + 10, unit="people", said_by=0)],
        outlet=f"Outlet {i}", published="2024-08-06",
    ) for i in range(n)]
    story = [Story("story:long", [r.id for r in records], "A long war")]
    pairs = {(r.a.document, r.b.document) for r in _relations(records, story) if r.type == "contradicts"}
    assert ("r0", "r1") in pairs and ("r0", f"r{FIGURE_WINDOW}") in pairs
    assert ("r0", f"r{FIGURE_WINDOW + 1}") not in pairs
    assert len(pairs) == sum(min(FIGURE_WINDOW, n - 1 - i) for i in range(n))
