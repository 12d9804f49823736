"""The analysed synthetic corpus: paragraphs keep their items at the right offsets, the
documents made from them are valid records with copies among them, and its stories are its
happenings: each happening's words are its own, so none chains into another."""

from datetime import date

from claimgraph.bench.resolve_corpus import paragraphs, pseudonym, rename, synthetic_records
from claimgraph.record import Entity, Event, Span
from claimgraph.resolve.copies import find_copies, reading_order
from claimgraph.resolve.stories import find_stories
from tests.resolve.builders import Figure, Says, article

FILLER = "Residents described the scene to reporters as rescue teams worked through the night."


def _article(n: int):
    text = (f"Headline number {n} about the flood\n\n{FILLER} {FILLER}\n\n"
            f"The river rose {n + 2} metres overnight, the mayor of town {n} said on Monday as the water kept rising.\n\n"
            f"{FILLER} Paragraph four of article {n} closes the report.")
    record = article(f"doc-{n}", text,
                     [Says(f"the mayor of town {n}", "said",
                           f"The river rose {n + 2} metres overnight")],
                     figures=[Figure(f"{n + 2} metres", value=n + 2, unit="metres", said_by=0)])
    at = text.index("rose")
    record.events = [Event(id="e", type="flood", trigger=Span(at, at + 4, "rose"), quantities=[0],
                           attribution=record.attributions[0].id)]
    return record


def _named(n: int):
    """An article naming its mayor and town, as the analysis would have found them."""
    record = _article(n)
    text = record.text.replace(f"the mayor of town {n}", "Mayor Alvarez of Portmouth")
    record = article(f"doc-{n}", text,
                     [Says("Mayor Alvarez of Portmouth", "said", f"The river rose {n + 2} metres overnight")],
                     figures=[Figure(f"{n + 2} metres", value=n + 2, unit="metres", said_by=0)],
                     published="2016-06-01")
    record.entities = [Entity(text.index(w), text.index(w) + len(w), w, label=label)
                       for w, label in (("Alvarez", "PERSON"), ("Portmouth", "GPE"))]
    at = text.index("rose")
    record.events = [Event(id="e", type="flood", trigger=Span(at, at + 4, "rose"), quantities=[0],
                           attribution=record.attributions[0].id)]
    return record


def _spans_right(record) -> bool:
    items = [*record.entities, *record.quantities, *(e.trigger for e in record.events)]
    items += [s for a in record.attributions for s in (a.content, a.source, a.cue) if s]
    return all(record.text[s.start:s.end] == s.text for s in items)


def test_a_paragraph_keeps_its_items_at_its_own_offsets_with_their_links():
    third = paragraphs(_article(1))[2]
    assert third.text.startswith("The river rose 3 metres")
    assert _spans_right(third)
    assert third.events[0].quantities == [0]
    assert third.quantities[0].attribution == third.attributions[0].id == third.events[0].attribution


def test_an_item_outside_a_paragraph_is_not_in_it():
    first = paragraphs(_article(1))[0]
    assert (first.attributions, first.quantities, first.events) == ([], [], [])


def test_synthetic_documents_are_valid_records_and_some_are_copies():
    records = list(synthetic_records([_article(n) for n in range(12)], 40))
    assert len({r.id for r in records}) == 40
    assert all(_spans_right(r) for r in records)
    assert sum(len(r.attributions) for r in records) > 0
    assert find_copies(records)


def test_the_bench_on_analysed_records_times_every_stage(tmp_path):
    import json

    from claimgraph.bench.resolve import run_resolve_bench

    records = tmp_path / "analysed.jsonl"
    records.write_text("".join(json.dumps(_article(n).to_dict()) + "\n" for n in range(12)))
    result = run_resolve_bench(tmp_path, [20, 40], records)
    assert [list(s) for s in result.stages] == [["copies+stories", "events", "claims", "relations"]] * 2
    assert len(result.peak_mb) == 2 and result.corpus_mb


def test_an_invented_name_keeps_the_length_and_case_of_the_word_it_replaces():
    new = pseudonym("Alvarez", "happening 1")
    assert len(new) == 7 and new.istitle() and new != "Alvarez"
    assert pseudonym("Alvarez", "happening 1") == new != pseudonym("Alvarez", "happening 2")


def test_renaming_changes_the_text_and_every_item_alike_so_offsets_stay_right():
    record = _named(1)
    rename(record, {"Alvarez": "Kelipon", "Portmouth": "Dazerulok"}, set())
    assert "Mayor Kelipon of Dazerulok said" in record.text
    assert [e.text for e in record.entities] == ["Kelipon", "Dazerulok"]
    assert record.attributions[0].source.text == "Mayor Kelipon of Dazerulok"
    assert _spans_right(record)


def test_each_happening_has_names_of_its_own_and_its_reports_share_them():
    records = list(synthetic_records([_named(n) for n in range(2)], 60))
    assert all(_spans_right(r) for r in records)
    mayors = {r.attributions[0].source.text for r in records if r.attributions}
    assert "Mayor Alvarez of Portmouth" not in mayors
    assert 1 < len(mayors) < len([r for r in records if r.attributions])


def test_the_stories_of_a_synthetic_corpus_are_its_happenings_not_one_chain():
    # happenings are days to weeks apart and their reports a few days long: a story that
    # chained happenings (stitched documents sharing every base's words did) spans months
    records = reading_order(synthetic_records([_named(n) for n in range(6)], 300))
    stories = find_stories(records, find_copies(records))
    spans = [(date.fromisoformat(s.last_published) - date.fromisoformat(s.first_published)).days
             for s in stories]
    assert len(stories) > 20
    assert max(spans) <= 10
