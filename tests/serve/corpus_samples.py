"""A small resolved corpus, built by hand: what ``claimgraph resolve`` would say about it.

The Kharkiv wire report (``samples.kyiv_record``) is republished word for word by a partner site
with a credit line added (a copy), and a local paper reports the same troop movement with its
own source and a different figure: one story of three reports, one event told twice, the
Western official's claim carried by two outlets from one independent source, and the two troop
figures contradicting each other. A second story's title and a claim carry markup, which the UI
must show as text and never run.
"""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from claimgraph.ids import item_id, text_hash
from claimgraph.record import Event, Quantity, Record
from claimgraph.resolve.corpus import (
    Claim,
    ClaimMention,
    Copies,
    CorpusEvent,
    CorpusRecord,
    EventMention,
    FirstReport,
    Relation,
    RelationEnd,
    Story,
    corpus_id,
)
from claimgraph.serve.api import Settings
from claimgraph.serve.app import create_app
from claimgraph.serve.database import Database
from claimgraph.store import Store, open_store
from tests.serve.samples import _attr, _source, kyiv_record, sample_records, script_record, span

LOCAL_TEXT = (
    "Moscow moved about 1,000 troops towards Kursk on Monday, a Russian army spokesman said."
)


def partner_copy(wire: Record) -> Record:
    """The wire report republished with a credit line appended (offsets unchanged)."""
    text = wire.text + "\n\n(Reporting by Example Wire)"
    return replace(wire, id=text_hash(text), text=text, source="samples/kyiv-partner.txt",
                   published="2024-08-07", outlet="Partner Daily",
                   url="https://partner.example/kharkiv")


def local_record() -> Record:
    t, key = LOCAL_TEXT, text_hash(LOCAL_TEXT)
    army = _source(t, "a Russian army spokesman", kind="military", anonymous=True,
                   descriptor="Russian army")
    said = _attr(key, t, "indirect", army, "said", "Moscow moved about 1,000 troops towards Kursk")
    moved = span(t, "moved")
    troops = span(t, "about 1,000 troops")
    return Record(
        id=key, source="samples/local.txt", published="2024-08-08", text=t,
        title="Troops head for Kursk", outlet="Kursk Courier", attributions=[said],
        events=[Event(id=item_id(key, "event", moved.start, moved.end), type="MOBILIZE",
                      trigger=moved)],
        quantities=[Quantity(troops.start, troops.end, troops.text, value=1000, low=None,
                             high=None, unit="troops", attribution=said.id)],
    )


def resolved_documents() -> list[Record]:
    """The sample records plus the partner's copy and the local report."""
    return [*sample_records(), partner_copy(kyiv_record()), local_record()]


def resolved_corpus() -> list[CorpusRecord]:
    wire, local, script = kyiv_record(), local_record(), script_record()
    copy = partner_copy(wire)
    reports = [wire.id, copy.id, local.id]
    story = Story(corpus_id("story", reports), reports, "Russian troops move towards Kursk",
                  "2024-08-06", "2024-08-08")
    defaced = Story(corpus_id("story", [script.id]), [script.id],
                    "<script>window.__pwned = 4</script>Site defaced", "2024-08-07", "2024-08-07")
    official = wire.attributions[1]
    event = CorpusEvent(corpus_id("event", [wire.id, local.id]), story.id, "MOBILIZE", [
        EventMention(wire.id, None, official.content.start + 19, official.content.start + 24,
                     "moved"),
        EventMention(local.id, local.events[0].id, local.events[0].trigger.start,
                     local.events[0].trigger.end, "moved")])
    moved = Claim(
        corpus_id("claim", [f"{wire.id}\x1f{official.id}", f"{copy.id}\x1f{official.id}"]),
        story.id, "(anonymous)", official.content.text,
        [ClaimMention(wire.id, official.id), ClaimMention(copy.id, official.id)],
        FirstReport(wire.id, wire.published), independent_sources=1, outlets=2)
    army = Claim(
        corpus_id("claim", [f"{local.id}\x1f{local.attributions[0].id}"]), story.id,
        "(anonymous)", local.attributions[0].content.text,
        [ClaimMention(local.id, local.attributions[0].id)],
        FirstReport(local.id, local.published), independent_sources=1, outlets=1)
    marked = Claim(
        corpus_id("claim", [f"{script.id}\x1f{script.attributions[0].id}"]), defaced.id,
        "police", script.attributions[0].content.text,
        [ClaimMention(script.id, script.attributions[0].id)],
        FirstReport(script.id, script.published), independent_sources=1, outlets=1)
    figures = Relation(
        "contradicts", RelationEnd(wire.id, official.id, 0),
        RelationEnd(local.id, local.attributions[0].id, 0),
        "up to 3,000 troops (Western official) vs about 1,000 (Russian army)")
    return [Copies(corpus_id("copies", [wire.id, copy.id]), [wire.id, copy.id], wire.id),
            story, defaced, event, moved, army, marked, figures]


def resolved_store(db: str = ":memory:") -> Store:
    """A store holding the documents and what resolve found in them."""
    store = open_store(db)
    store.add_records(resolved_documents())
    store.add_corpus(resolved_corpus())
    return store


def resolved_client() -> TestClient:
    """A read-only server over ``resolved_store`` (pages of at most 10 items)."""
    app = create_app(None, database=Database(resolved_store()), settings=Settings(max_limit=10))
    return TestClient(app, raise_server_exceptions=False)
