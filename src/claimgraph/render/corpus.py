"""The readable view of ``claimgraph resolve``: what a corpus says across its documents.

An analyst with forty reports of one incursion first wants the shape of the pile: how many
stories, which are the big ones, and how many of the reports are one wire story republished.
So the view counts every kind of corpus record, then lists the stories largest first (title,
documents, of which copies, dates), then each copy group under its original's title. The JSON
lines (``--json``) carry everything; this is the overview.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimgraph.record import Record
from claimgraph.render.summary import shorten
from claimgraph.resolve.corpus import Copies, CorpusRecord, Story
from claimgraph.resolve.stories import title_of

#: stories and copy groups listed (the largest first); the counts cover them all
SHOWN = 20


def _dates(story: Story) -> str:
    if story.first_published is None:
        return "undated"
    if story.first_published == story.last_published:
        return story.first_published
    return f"{story.first_published} – {story.last_published}"


def render_corpus(found: Sequence[CorpusRecord], records: Sequence[Record]) -> RenderableType:
    """Counts of each kind, the largest stories and the copy groups, as Rich renderables."""
    kinds = Counter(item.kind for item in found)
    copies = [c for c in found if isinstance(c, Copies)]
    stories = sorted((s for s in found if isinstance(s, Story)), key=lambda s: -len(s.documents))
    copied = {d for c in copies for d in c.documents if d != c.original}
    by_id = {r.id: r for r in records}
    head = Text(
        f"{len(records)} document(s): {kinds.get('story', 0)} stories, "
        f"{kinds.get('copies', 0)} copy group(s) holding {len(copied)} copies"
        + "".join(f", {n} {kind}(s)" for kind, n in sorted(kinds.items())
                  if kind not in {"story", "copies"}),
        style="bold",
    )
    parts: list[RenderableType] = [head]
    if stories:
        table = Table("story", "documents", "copies", "published", title="Stories, largest first",
                      title_justify="left")
        for story in stories[:SHOWN]:
            table.add_row(shorten(story.title, 90), str(len(story.documents)),
                          str(sum(d in copied for d in story.documents)), _dates(story))
        parts.append(table)
    if copies:
        table = Table("original", "copies", title="Copy groups (one report republished)",
                      title_justify="left")
        for group in sorted(copies, key=lambda c: -len(c.documents))[:SHOWN]:
            original = by_id.get(group.original)
            name = title_of(original) if original else group.original
            table.add_row(shorten(name, 90), str(len(group.documents) - 1))
        parts.append(table)
    return Group(*parts)
