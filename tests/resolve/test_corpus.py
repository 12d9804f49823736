"""The corpus records of ``claimgraph resolve``: the contract's shape, stable ids."""

from claimgraph.resolve.corpus import (
    Claim,
    ClaimMention,
    Copies,
    CorpusEvent,
    EventMention,
    FirstReport,
    Relation,
    RelationEnd,
    Story,
    corpus_id,
)


def test_a_group_id_does_not_depend_on_the_order_its_members_were_read_in():
    assert corpus_id("copies", ["b", "a"]) == corpus_id("copies", ["a", "b"])
    assert corpus_id("copies", ["a", "b"]) != corpus_id("story", ["a", "b"])


def test_every_record_says_its_kind_first():
    records = [
        Copies("c1", ["d1", "d2"], "d1"),
        Story("s1", ["d1"], "Quake hits", "2024-08-06", "2024-08-07"),
        CorpusEvent("e1", "s1", None, [EventMention("d1", None, 0, 5, "quake")]),
        Claim("k1", "s1", "Bloomberg", "the incursion will not last",
              [ClaimMention("d1", "a1")], FirstReport("d1", None), 1, 1),
        Relation("contradicts", RelationEnd("d1", quantity=0), RelationEnd("d2", quantity=3),
                 "about 40 dead (health ministry) vs 12 (army)"),
    ]
    kinds = [next(iter(r.to_dict())) for r in records]
    assert kinds == ["kind"] * 5
    assert [r.to_dict()["kind"] for r in records] == ["copies", "story", "event", "claim", "relation"]


def test_a_claim_serialises_to_the_contract_fields():
    claim = Claim("k1", None, None, "prices will rise", [ClaimMention("d1", "a1")],
                  FirstReport("d1", "2024-08-06"), 1, 1)
    assert claim.to_dict() == {
        "kind": "claim", "id": "k1", "story": None, "source": None, "content": "prices will rise",
        "mentions": [{"document": "d1", "attribution": "a1"}],
        "first": {"document": "d1", "published": "2024-08-06"},
        "independent_sources": 1, "outlets": 1,
    }
