"""Claims across documents: one speaker saying one thing is one claim, however many outlets
carry it; independent sources collapse copies and via chains; ``first`` names the earliest report."""

from claimgraph.resolve.claims import find_claims, name_key, outlet_of
from claimgraph.resolve.corpus import Copies, Story
from tests.resolve.builders import Says, article

OFFICIAL_TO_BLOOMBERG = (
    "{outlet} reported, citing Bloomberg, that an unnamed official said the incursion would not "
    "last beyond the winter."
)


def _citing_bloomberg(n: int, outlet: str, day: str):
    text = OFFICIAL_TO_BLOOMBERG.format(outlet=outlet)
    return article(
        f"d{n}", text,
        [Says("an unnamed official", "said", "the incursion would not last beyond the winter",
              via=["Bloomberg"], anonymous=True, kind="government")],
        outlet=outlet, published=day,
    )


def test_ten_outlets_citing_bloomberg_citing_one_official_are_one_claim_from_one_source():
    outlets = ["Reuters", "CNN", "BBC", "NPR", "Axios", "Politico", "The Guardian", "Fox News",
               "NBC News", "CBS News"]
    records = [_citing_bloomberg(n, outlet, f"2024-08-{10 + n:02d}") for n, outlet in enumerate(outlets)]
    [claim] = find_claims(records)
    assert len(claim.mentions) == 10
    assert claim.independent_sources == 1
    assert claim.outlets == 10


def test_an_anonymous_source_in_two_outlets_that_cite_no_one_counts_twice():
    records = [
        article("ap", "An official said the bridge had been destroyed.",
                [Says("An official", "said", "the bridge had been destroyed", anonymous=True)],
                outlet="AP", published="2024-08-06"),
        article("afp", "The bridge has been destroyed, a senior official said.",
                [Says("a senior official", "said", "The bridge has been destroyed", anonymous=True)],
                outlet="AFP", published="2024-08-06"),
    ]
    [claim] = find_claims(records)
    assert claim.independent_sources == 2


def test_a_copy_does_not_add_an_independent_source():
    text = "An official said the bridge had been destroyed."
    says = [Says("An official", "said", "the bridge had been destroyed", anonymous=True)]
    records = [
        article("wire", text, says, outlet="AP", published="2024-08-06"),
        article("partner", text, says, outlet="Yahoo News", published="2024-08-07"),
    ]
    [claim] = find_claims(records, copies=[Copies("c1", ["wire", "partner"], "wire")])
    assert claim.independent_sources == 1
    assert claim.outlets == 2


def test_without_the_copy_record_the_same_two_reports_count_as_two_sources():
    text = "An official said the bridge had been destroyed."
    says = [Says("An official", "said", "the bridge had been destroyed", anonymous=True)]
    records = [
        article("wire", text, says, outlet="AP", published="2024-08-06"),
        article("partner", text, says, outlet="Yahoo News", published="2024-08-07"),
    ]
    [claim] = find_claims(records)
    assert claim.independent_sources == 2


def test_the_outlet_an_anonymous_source_spoke_to_is_one_source_with_those_citing_it():
    records = [
        article("bbg", "An official told reporters the plant would close in May.",
                [Says("An official", "told", "the plant would close in May", anonymous=True)],
                outlet="Bloomberg News", published="2024-08-01"),
        article("rtr", "Citing Bloomberg, an official said the plant would close in May.",
                [Says("an official", "said", "the plant would close in May", via=["Bloomberg"],
                      anonymous=True)],
                outlet="Reuters", published="2024-08-02"),
    ]
    [claim] = find_claims(records)
    assert claim.independent_sources == 1


def test_lineage_names_the_earliest_report_whatever_the_input_order():
    says = [Says("The Health Ministry", "said", "the clinic was hit twice", kind="government")]
    records = [
        article("late", "The Health Ministry said the clinic was hit twice.", says, published="2024-08-09"),
        article("early", "The Health Ministry said the clinic was hit twice.", says, published="2024-08-07"),
        article("undated", "The Health Ministry said the clinic was hit twice.", says),
    ]
    [claim] = find_claims(records)
    assert claim.first.document == "early"
    assert claim.first.published == "2024-08-07"


def test_a_paraphrase_by_the_same_speaker_joins_the_claim():
    records = [
        article("a", "The Health Ministry said the clinic in Khan Younis was hit twice by airstrikes.",
                [Says("The Health Ministry", "said", "the clinic in Khan Younis was hit twice by airstrikes")]),
        article("b", "Airstrikes hit the Khan Younis clinic twice, Gaza's health ministry said.",
                [Says("health ministry", "said", "Airstrikes hit the Khan Younis clinic twice")]),
    ]
    [claim] = find_claims(records)
    assert [m.document for m in claim.mentions] == ["a", "b"]


def test_the_same_words_from_two_speakers_are_two_claims():
    records = [
        article("a", "The army said the road was open.", [Says("The army", "said", "the road was open")]),
        article("b", "The governor said the road was open.", [Says("The governor", "said", "the road was open")]),
    ]
    assert len(find_claims(records)) == 2


def test_different_figures_are_different_claims():
    records = [
        article("a", "The ministry said 40 people were killed.",
                [Says("The ministry", "said", "40 people were killed")]),
        article("b", "The ministry said 12 people were killed.",
                [Says("The ministry", "said", "12 people were killed")]),
    ]
    assert len(find_claims(records)) == 2


def test_a_negated_wording_is_not_the_same_claim():
    records = [
        article("a", "The army said troops crossed the border.",
                [Says("The army", "said", "troops crossed the border")]),
        article("b", "The army said no troops crossed the border.",
                [Says("The army", "said", "no troops crossed the border")]),
    ]
    assert len(find_claims(records)) == 2


def test_a_claim_is_in_the_story_of_its_reports():
    says = [Says("The army", "said", "troops crossed the border")]
    records = [article("a", "The army said troops crossed the border.", says)]
    [claim] = find_claims(records, stories=[Story("story:1", ["a"], "Border crossing")])
    assert claim.story == "story:1"


def test_a_claim_id_is_the_same_whatever_order_the_reports_were_read_in():
    says = [Says("The army", "said", "troops crossed the border")]
    records = [article(d, "The army said troops crossed the border.", says) for d in ("a", "b")]
    assert find_claims(records)[0].id == find_claims(records[::-1])[0].id


def test_a_speaker_is_known_without_determiner_honorific_or_possessive():
    assert name_key("The Health Ministry's") == name_key("health ministry")
    assert name_key("Mr. Smith") == "smith"


def test_an_outlet_is_known_by_its_name_or_its_site():
    from claimgraph.record import Record

    by_name = Record(id="x", source="x", published=None, text="", outlet="the Associated Press")
    by_alias = Record(id="y", source="y", published=None, text="", outlet="AP")
    by_site = Record(id="z", source="z", published=None, text="", url="https://www.reuters.com/world/x")
    assert outlet_of(by_name) == outlet_of(by_alias)
    assert outlet_of(by_site) == "reuters"


def test_an_unnamed_speakers_one_word_in_two_unrelated_reports_is_two_claims():
    records = [
        article("a", "He talked about immigration.", [Says("He", "talked about", "immigration")], outlet="AP"),
        article("b", "She talked about immigration.", [Says("She", "talked about", "immigration")], outlet="CNN"),
    ]
    assert len(find_claims(records)) == 2


def test_a_site_under_a_country_domain_is_known_by_its_outlet():
    from claimgraph.record import Record

    bbc = Record(id="b", source="b", published=None, text="", url="https://www.bbc.co.uk/news/world-1")
    assert outlet_of(bbc) == outlet_of(Record(id="c", source="c", published=None, text="", outlet="BBC News"))
