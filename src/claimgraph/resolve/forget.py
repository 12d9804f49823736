"""Deleting documents from a resolved corpus: every record that used them updated or removed.

A document is deleted for a reason (a takedown, a retraction, a test feed): after it goes, no
corpus record may still count it, name it or show its words. Resolving the corpus again would
do that, but it costs the whole corpus and may regroup everything; a deletion only takes the
document *out* of the groups that held it, with what they say about it counted again:

- **copies**: the group without it; its ``original`` the earliest published of the rest when it
  was the original; a group left with one document is no group and goes;
- **stories**: the story without it; its first and last publication dates from the rest, and a
  new title (the earliest remaining report's, as ``resolve/stories.py`` names one) when the
  title came from it; a story left empty goes;
- **events** and **claims**: their mentions in it go, and so does a record left without any. A
  claim is rebuilt by ``resolve/claims.py``'s own ``claim_of`` from its remaining mentions, so
  its first report, representative wording, outlets and independent sources are what resolve
  would count from them. A claim carried by a copy whose group lost its original is rebuilt too:
  an anonymous source is known by the outlet that heard it first, the group's new original;
- **relations** with an end in it go (nothing is left to compare).

A group keeps its id when it loses a member: links to a story page survive the takedown of one
of its articles, and the next resolve replaces the group anyway (it shares members with what
that resolve finds, ``store/corpus.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from claimgraph.record import Record
from claimgraph.resolve.claims import ANONYMOUS, Said, claim_of, said_in
from claimgraph.resolve.corpus import Claim, Copies, CorpusEvent, CorpusRecord, Relation, Story
from claimgraph.resolve.stories import title_of

Kept = TypeVar("Kept", Copies, Story, CorpusEvent, Claim, Relation)


@dataclass(slots=True)
class Touched:
    """The stored corpus records that hold a deleted document (or, for claims, a copy of one)."""

    copies: list[Copies] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    events: list[CorpusEvent] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass(slots=True)
class Forgetting:
    """What a deletion changes: records to write in place of the stored ones (same ids), and
    the stored records to remove, by kind."""

    updated: list[CorpusRecord] = field(default_factory=list)
    removed: dict[str, list[CorpusRecord]] = field(default_factory=dict)

    def apply(self, records: Sequence[Kept], change: Callable[[Kept], Kept | None]) -> list[Kept]:
        """Each record changed (kept to update) or None (removed); the kept ones."""
        kept = []
        for record in records:
            new = change(record)
            if new is None:
                self.removed.setdefault(record.kind, []).append(record)
            else:
                kept.append(new)
        self.updated.extend(kept)
        return kept


def _earliest(documents: Sequence[str], published: Mapping[str, str | None]) -> str:
    """Dated before undated, by date, then the group's own order (its reading order)."""
    return min(documents, key=lambda d: (published.get(d) is None, published.get(d) or "",
                                         documents.index(d)))


def forget_copies(group: Copies, gone: Collection[str], published: Mapping[str, str | None]
                  ) -> Copies | None:
    rest = [d for d in group.documents if d not in gone]
    if len(rest) < 2:
        return None
    original = group.original if group.original in rest else _earliest(rest, published)
    return Copies(group.id, rest, original)


def forget_story(story: Story, gone: Collection[str], published: Mapping[str, str | None],
                 document: Callable[[str], Record | None]) -> Story | None:
    rest = [d for d in story.documents if d not in gone]
    if not rest:
        return None
    dates = [p for d in rest if (p := published.get(d))]
    title = story.title
    if any(r is not None and title_of(r) == title
           for r in (document(d) for d in story.documents if d in gone)):
        founder = document(_earliest(rest, published))
        title = title_of(founder) if founder is not None else title
    return Story(story.id, rest, title, min(dates, default=None), max(dates, default=None))


def forget_event(event: CorpusEvent, gone: Collection[str]) -> CorpusEvent | None:
    rest = [m for m in event.mentions if m.document not in gone]
    return replace(event, mentions=rest) if rest else None


def forget_claim(claim: Claim, said: Mapping[tuple[str, str], Said],
                 story_of: Mapping[str, str]) -> Claim | None:
    """The claim rebuilt from the mentions ``said`` still holds (None: none left).

    The mentions keep their order (``order`` is their place in the claim: ties of publication
    date stay as resolve broke them). A named speaker is one origin however many mentions name
    it (resolve grouped them as one speaker; the aliases a few documents give may differ)."""
    rest = []
    for n, mention in enumerate(claim.mentions):
        s = said.get((mention.document, mention.attribution))
        if s is None:
            continue
        origin = s.origin if s.speaker in (None, ANONYMOUS) else "speaker"
        rest.append(replace(s, order=n, origin=origin))
    if not rest:
        return None
    return replace(claim_of(rest, dict(story_of)), id=claim.id)


def forget(
    gone: Collection[str],
    touched: Touched,
    *,
    document: Callable[[str], Record | None],
    published: Mapping[str, str | None],
    story_of: Mapping[str, str],
    copies_of: Sequence[Copies] = (),
) -> Forgetting:
    """What deleting the documents ``gone`` does to the records that held them.

    ``document`` gives the stored record of a document (the deleted ones too: a story's title
    may be one of theirs; None for one not stored, whose mentions are dropped with the deleted
    ones: they name nothing a reader can open), ``published`` the publication date of every
    document of ``touched``'s copies and stories; ``story_of`` and ``copies_of`` the stories and the stored copy groups
    of the documents a touched claim mentions.
    """
    out = Forgetting()
    copies = out.apply(touched.copies, lambda g: forget_copies(g, gone, published))
    out.apply(touched.stories, lambda s: forget_story(s, gone, published, document))
    out.apply(touched.events, lambda e: forget_event(e, gone))
    changed = {g.id for g in touched.copies}
    said = _said(touched.claims, gone, [*copies, *(g for g in copies_of if g.id not in changed)],
                 document)
    out.apply(touched.claims, lambda c: forget_claim(c, said, story_of))
    out.apply(touched.relations, lambda r: None)
    return out


def _said(claims: Sequence[Claim], gone: Collection[str], copies: Sequence[Copies],
          document: Callable[[str], Record | None]) -> dict[tuple[str, str], Said]:
    """The attributions of the claims' remaining mentions as the claim stage reads them (with
    the originals of their copy groups, whose outlet heard an anonymous source first)."""
    wanted = {m.document for c in claims for m in c.mentions if m.document not in gone}
    wanted |= {g.original for g in copies if wanted & set(g.documents)}
    records = [r for d in sorted(wanted) if (r := document(d)) is not None]
    return {(s.document, s.attribution): s for s in said_in(records, copies)}
