"""Claims: one speaker saying one thing, however many outlets carry it and in whatever words.

An analyst counting how many reports "confirm" something needs two numbers the documents do not
give: how many *claims* there are (forty articles quoting the ministry's casualty figure are one
claim) and how many *independent sources* stand behind each (ten outlets citing Bloomberg citing
one unnamed official are one source, not ten). This module groups attributions across documents
into ``Claim`` records (``resolve/corpus.py``):

- **the speaker** is the attribution's ``source``, the origin at the end of its via chain
  ("an official told Bloomberg", republished by Reuters: the official speaks, via Bloomberg).
  A named speaker is known by its canonical name (``resolve/sources.py``), with determiners and
  honorifics dropped and a lone surname read as the one full name the corpus gives it ("Smith",
  "Mr. Smith" and "John Smith"); every anonymous speaker is one speaker for grouping, since
  "a senior official" and "an unnamed official" may be one person, and the count of independent
  sources then says how many there could be;
- **the content** must say the same thing (``resolve/wording.py``: close terms, agreeing numbers
  and polarity), so a paraphrase joins and a different figure or a denial does not;
- **independent sources**: a named speaker is one origin however it travelled; an anonymous (or
  unnamed) one is known only by who heard it first: the farthest outlet in its via chain, else
  the outlet of the report that carried it (the original of its copies). Two outlets quoting an
  anonymous source without citing each other are two sources; ten citing Bloomberg are one;
- **lineage**: ``first`` is the earliest published mention; ``outlets`` counts who carried it
  (a copy on another site counts: it reached other readers, though it adds no source).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlparse

from claimgraph import knowledge
from claimgraph.record import Attribution, Record, Source
from claimgraph.resolve.corpus import Claim, ClaimMention, Copies, FirstReport, Story, corpus_id
from claimgraph.resolve.sources import source_key
from claimgraph.resolve.wording import (
    SAME_CONTENT,
    Idf,
    Wording,
    leaders,
    substantive,
    tokens,
    wording,
    words,
)

ANONYMOUS = "(anonymous)"


@dataclass(frozen=True, slots=True)
class Said:
    """One attribution as the claim stage reads it."""

    document: str
    attribution: str
    order: int  # the document's position in the input: ties of publication date keep it
    published: str | None
    outlet: str
    speaker: str | None  # grouping key: a named speaker's name, ANONYMOUS, or None (no source)
    name: str | None  # how the speaker is shown
    origin: str  # who it independently comes from (see the module docstring)
    wording: Wording
    span: tuple[int, int]  # the content's offsets in its document


@cache
def _media() -> dict[str, str]:
    """alias (lower-cased) -> canonical outlet name, from ``data/media.tsv``."""
    out: dict[str, str] = {}
    for canonical, *rest in knowledge.rows("media.tsv"):
        for alias in [canonical, *(knowledge.split(rest[0]) if rest else [])]:
            out[" ".join(tokens(alias))] = canonical
    return out


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as a comparable key: lower-cased, determiners, honorifics and possessive 's
    dropped ("The Health Ministry's" -> "health ministry", "Mr. Smith" -> "smith")."""
    toks = [t for t in tokens(name) if t != "s"]
    while toks and (toks[0] in words("determiners") or toks[0] in words("honorifics")) and len(toks) > 1:
        toks = toks[1:]
    return " ".join(toks)


@lru_cache(maxsize=65536)
def outlet_key(name: str) -> str:
    """An outlet's comparable name: its canonical name when ``data/media.tsv`` knows it
    ("AP" and "the Associated Press" are one), else its name key."""
    key = " ".join(tokens(name))
    return name_key(_media().get(key, _media().get(name_key(name), name)))


def outlet_of(record: Record) -> str:
    """Who carried a document: its outlet, else its URL's site ("www.reuters.com" -> Reuters),
    else the document itself."""
    if record.outlet:
        return outlet_key(record.outlet)
    if record.url:
        host = urlparse(record.url).hostname or ""
        for label in host.split("."):  # "www.reuters.com", "www.bbc.co.uk"
            if outlet_key(label) in _known_outlets():
                return outlet_key(label)
        if host:
            return host
    return "document:" + record.id


@cache
def _known_outlets() -> frozenset[str]:
    return frozenset(name_key(canonical) for canonical in _media().values())


def is_anonymous(source: Source) -> bool:
    """Unnamed ("an unnamed official"), or a pronoun no coreference resolved ("he said"): who
    it is is not in the words, so it is not a name to match across documents."""
    if source.anonymous:
        return True
    return not source.canonical and name_key(source.text) in words("pronouns") | {""}


def _aliases(names: Iterable[str]) -> dict[str, str]:
    """A one-word name -> the only longer name in the corpus that ends with it ("smith" ->
    "john smith"); a surname two people share ("clinton") stays as it is."""
    longer: dict[str, set[str]] = defaultdict(set)
    for name in names:
        parts = name.split()
        if len(parts) > 1:
            longer[parts[-1]].add(name)
    return {last: next(iter(full)) for last, full in longer.items() if len(full) == 1}


def said_in(records: Sequence[Record], copies: Sequence[Copies] = ()) -> list[Said]:
    """Every attribution of the records, with its speaker, origin, outlet and wording."""
    original = {doc: group.original for group in copies for doc in group.documents}
    by_id = {r.id: r for r in records}
    named = {
        name_key(source_key(a.source)[0])
        for r in records for a in r.attributions
        if a.source is not None and not is_anonymous(a.source)
    }
    alias = _aliases(named)
    out: list[Said] = []
    for order, record in enumerate(records):
        outlet = outlet_of(record)
        carrier = by_id.get(original.get(record.id, record.id), record)
        heard_by = outlet_of(carrier)
        for att in record.attributions:
            if not att.content.text.strip():
                continue
            speaker, name = _speaker(att, alias)
            if speaker is not None and speaker != ANONYMOUS:
                origin = "speaker:" + speaker
            else:
                # who heard it first: the farthest intermediary, else the carrying outlet
                origin = "heard:" + (outlet_key(source_key(att.via[-1])[0]) if att.via else heard_by)
            cue = att.cue.text if att.cue is not None else None
            out.append(Said(record.id, att.id, order, record.published, outlet, speaker, name,
                            origin, wording(att.content.text, cue), (att.content.start, att.content.end)))
    return out


def _speaker(att: Attribution, alias: dict[str, str]) -> tuple[str | None, str | None]:
    if att.source is None:
        return None, None
    shown = source_key(att.source)[0]
    if is_anonymous(att.source):
        return ANONYMOUS, shown
    key = name_key(shown)
    return alias.get(key, key), shown


def group(said: Sequence[Said], *, threshold: float = SAME_CONTENT) -> list[list[Said]]:
    """Attributions grouped into claims: same speaker, same content as the claim's first
    report (``wording.leaders``), earliest reports first."""
    idf = Idf(s.wording for s in said)
    blocks: dict[str | None, list[Said]] = defaultdict(list)
    for s in sorted(said, key=_earliest):
        blocks[s.speaker].append(s)
    groups: list[list[Said]] = []
    for members in blocks.values():
        # identical wordings (copies, repeated quotes) are one; distinct ones are compared
        exact: dict[tuple[frozenset[str] | str, frozenset[str], bool, str], list[Said]] = {}
        for s in members:
            w = s.wording
            # a wording of no content words at all ("it was never about him") is only itself
            what: frozenset[str] | str = w.terms or " ".join(tokens(w.text))
            # "immigration", said by "his" in two unrelated reports, identifies no claim: an
            # unnamed speaker's one-word wording joins only the reports of the same origin
            where = s.origin if s.speaker in (None, ANONYMOUS) and not substantive(w, 2) else ""
            exact.setdefault((what, w.numbers, w.negated, where), []).append(s)
        distinct = list(exact.values())
        clusters: dict[int, list[Said]] = defaultdict(list)
        for same, leader in zip(distinct, leaders(idf, [d[0].wording for d in distinct], threshold), strict=True):
            clusters[leader].extend(same)
        groups.extend(clusters.values())
    return groups


def _earliest(s: Said) -> tuple[bool, str, int]:
    return (s.published is None, s.published or "", s.order)


def claim_of(members: Sequence[Said], story_of: dict[str, str]) -> Claim:
    """The claim record of one group of attributions."""
    ordered = sorted(members, key=_earliest)
    first = ordered[0]
    stories = Counter(story_of[s.document] for s in ordered if s.document in story_of)
    story = None
    if stories:
        top = max(stories.values())
        story = next(story_of[s.document] for s in ordered
                     if s.document in story_of and stories[story_of[s.document]] == top)
    names = Counter(s.name for s in ordered if s.name is not None)
    source = names.most_common(1)[0][0] if names else None
    # a representative wording: the most often carried (copies make it so), ties: the first's
    texts = [re.sub(r"^(?:that|whether)\s+", "", " ".join(s.wording.text.split()), flags=re.I) for s in ordered]
    counts = Counter(texts)
    content = max(texts, key=counts.__getitem__)  # max keeps the first of equals
    mentions = [ClaimMention(s.document, s.attribution) for s in ordered]
    return Claim(
        id=corpus_id("claim", [f"{m.document}\x1f{m.attribution}" for m in mentions]),
        story=story,
        source=source,
        content=content,
        mentions=mentions,
        first=FirstReport(first.document, first.published),
        independent_sources=len({s.origin for s in ordered}),
        outlets=len({s.outlet for s in ordered}),
    )


def find_claims(
    records: Sequence[Record],
    copies: Sequence[Copies] = (),
    stories: Sequence[Story] = (),
    *,
    threshold: float = SAME_CONTENT,
) -> list[Claim]:
    """The claims of a corpus, earliest first.

    ``copies`` (from ``resolve/copies.py``) collapse republished reports into their original's
    outlet for counting sources; ``stories`` name each claim's story (the one most of its
    mentions belong to).
    """
    story_of = {doc: story.id for story in stories for doc in story.documents}
    claims = [claim_of(members, story_of) for members in group(said_in(records, copies), threshold=threshold)]
    claims.sort(key=lambda c: (c.first.published is None, c.first.published or "", c.id))
    return claims
