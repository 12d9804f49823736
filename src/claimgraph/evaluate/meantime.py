"""Read MEANTIME (NewsReader) documents: tokens, and the gold event mentions with their factuality.

A MEANTIME file (CAT XML) lists its tokens (``<token t_id sentence>``) and, under ``<Markables>``,
``<EVENT_MENTION>`` elements anchored to token ids, carrying ``polarity`` (POS/NEG),
``certainty`` (CERTAIN/PROBABLE/POSSIBLE/UNDERSPECIFIED), ``time`` (FUTURE/NON_FUTURE/
UNDERSPECIFIED: when the event is placed, "plans to buy" is FUTURE) and the grammatical ``tense``.
We rebuild the text by joining a sentence's tokens with one space and sentences with a newline,
so every gold mention has character offsets in the text the pipeline reads.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import ClaimgraphError


@dataclass(slots=True)
class GoldMention:
    """One gold event mention: its character span, the token spans inside it, its attributes."""

    start: int
    end: int
    text: str
    tokens: list[tuple[int, int]]
    polarity: str
    certainty: str
    time: str
    tense: str
    #: the event instance it refers to (``REFERS_TO``): mentions of one instance corefer
    instance: str = ""


@dataclass(slots=True)
class GoldDoc:
    name: str
    corpus: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def annotated_end(self) -> int:
        """Where the annotated part of the text ends: MEANTIME annotates the title and the first
        sentences of an article (to the end of the sentence of its last gold mention), so an
        event found after it is neither right nor wrong."""
        if not self.mentions:
            return 0
        end = self.text.find("\n", max(m.end for m in self.mentions))
        return len(self.text) if end < 0 else end


def read_document(path: Path, corpus: str) -> GoldDoc:
    """One CAT XML file as text plus gold event mentions (E004 when it is not MEANTIME XML)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ClaimgraphError("E004", f"not a MEANTIME XML file: {path}: {exc}") from exc
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    sentence: str | None = None
    for token in root.iter("token"):
        word = token.text or ""
        if parts:
            gap = " " if token.get("sentence") == sentence else "\n"
            parts.append(gap)
            length += 1
        sentence = token.get("sentence")
        offsets[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    text = "".join(parts)
    doc = GoldDoc(path.stem, corpus, text)
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        for source in rel.iter("source"):
            refers[source.get("m_id", "")] = target.get("m_id", "") if target is not None else ""
    for mention in root.iter("EVENT_MENTION"):
        spans = sorted(offsets[a.get("t_id", "")] for a in mention.iter("token_anchor")
                       if a.get("t_id") in offsets)
        if not spans:
            continue  # a cross-document instance with no anchor in this text
        start, end = spans[0][0], spans[-1][1]
        doc.mentions.append(GoldMention(
            start, end, text[start:end], spans,
            polarity=mention.get("polarity", ""), certainty=mention.get("certainty", ""),
            time=mention.get("time", ""), tense=mention.get("tense", ""),
            instance=refers.get(mention.get("m_id", ""), ""),
        ))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def read_corpora(data: Path, corpora: tuple[str, ...]) -> list[GoldDoc]:
    """The documents of the named corpora (``corpus_<name>/*.xml`` under ``data``), in name order."""
    docs: list[GoldDoc] = []
    for corpus in corpora:
        folder = data / f"corpus_{corpus}"
        if not folder.is_dir():
            raise ClaimgraphError("E004", f"MEANTIME corpus {corpus!r} not found: {folder}")
        docs += [read_document(p, corpus) for p in sorted(folder.glob("*.xml"))]
    return docs
