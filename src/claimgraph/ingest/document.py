"""The one type every input becomes before analysis."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.ids import text_hash


@dataclass(slots=True)
class Document:
    """An article to analyse. ``text`` is analysed verbatim: every offset indexes into it.

    ``id`` is the input's own id when it has one (a JSON Lines ``id``), else the text's content
    hash, so the same article read twice gets the same id.
    """

    text: str
    source: str
    id: str = ""
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_hash(self.text)
