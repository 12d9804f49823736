"""The one type every input becomes before analysis."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.errors import DocumentError
from claimgraph.ids import text_hash
from claimgraph.ingest.masthead import lead_dateline, title_of
from claimgraph.record import publication_day


def parse_published(value: object) -> str | None:
    """A date read from metadata (HTML, feeds): its day by ``publication_day``, else None.

    Metadata is a guess by a library, not something a user typed, so a bad one means "no
    date" here; a date the user gave (``--published``, a JSON Lines ``published``, the API)
    is checked strictly and refused with a coded error instead.
    """
    try:
        return publication_day(value)
    except ValueError:
        return None


def refuse_nul(text: str, source: str) -> None:
    """E104 for a NUL character in decoded text (a JSON ``\\u0000``, a UTF-16 NUL)."""
    if (at := text.find("\x00")) >= 0:
        raise DocumentError("E104", source, f"text contains a NUL character (at {at:,}): binary, not text")


@dataclass(slots=True)
class Document:
    """An article to analyse. ``text`` is analysed verbatim: every offset indexes into it.

    ``id`` is the input's own id when it has one (a JSON Lines ``id``), else the text's content
    hash, so the same article read twice gets the same id. ``published`` is checked here, by
    ``claimgraph.record.publication_day``: a bad date is ``DocumentError`` ``E112``, so no
    reader can let one through to analysis or the store. ``published_guessed`` says the date
    is a guess from the text (an HTML page without date metadata), not a fact from the page.
    ``title``, when no metadata gives one, is the text's own headline (``title_of``: a first
    line without final punctuation over a blank line or a dateline), here and only here, so a
    file, a JSON Lines row, the API and the web form title the same text the same way;
    ``outlet``, likewise, is the agency of the text's dateline ("KYIV, Aug 13 (Reuters) -").
    """

    text: str
    source: str
    id: str = ""
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    #: True when ``published`` was read from the text, not from metadata or the caller
    published_guessed: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_hash(self.text)
        if self.title is None:
            self.title = title_of(self.text)
        if self.outlet is None and (dateline := lead_dateline(self.text)) is not None:
            self.outlet = dateline.outlet
        try:
            self.published = publication_day(self.published)
        except ValueError as exc:
            raise DocumentError("E112", self.source, str(exc)) from None
