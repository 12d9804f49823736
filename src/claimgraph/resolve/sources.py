"""Source identity: when two mentions, in one article or in two, name the same source.

This is the first piece of cross-document resolution. A source's identity is what it is, not
where it was mentioned: its canonical name when the entity ruler gave it one ("the Kremlin" and
"Russia's presidential administration" are both ``Kremlin``), else its mention's text,
lower-cased and space-normalised ("An unnamed official" and "an unnamed  official" are one);
together with its kind and whether it is anonymous, so the ministry and a "ministry official"
stay two sources. Two mentions with the same identity get the same ``source_id`` in every
document, which is what lets the store count a source's claims across outlets and the UI link
every mention to one source page.

Identity is deliberately literal for now: two unnamed officials in two articles are one source,
and a spelling variant without a canonical name is another. Finer resolution (aliases, people
across outlets) belongs beside this module, under ``resolve/``.
"""

from __future__ import annotations

from claimgraph.ids import text_hash
from claimgraph.record import Source


def source_key(source: Source) -> tuple[str, str | None, str, bool]:
    """The identity of a source: (display name, canonical, kind, anonymous).

    The display name is the canonical name, else the mention's own text.
    """
    name = source.canonical if source.canonical is not None else source.text
    return name, source.canonical, source.kind, bool(source.anonymous)


def source_id(source: Source) -> str:
    """A content-hash id shared by every mention of the same source in any document.

    Without a canonical name, mentions are matched on their lower-cased, space-normalised text
    ("an unnamed official" in two articles is one row, counted twice).
    """
    name, canonical, kind, anonymous = source_key(source)
    if canonical is not None:
        basis = "canonical:" + canonical
    else:
        basis = "text:" + " ".join(name.lower().split())
    return "src-" + text_hash(f"{basis}\x1f{kind}\x1f{int(anonymous)}")
