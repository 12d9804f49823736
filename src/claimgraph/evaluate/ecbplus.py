"""Read ECB+ (Cybulska & Vossen 2014): documents, gold event mentions and their coreference.

An ECB+ file (CAT XML, like MEANTIME) lists tokens (``<token t_id sentence>``), then markables
anchored to token ids, then relations. Event mentions are the markables tagged ``ACTION_*`` or
``NEG_ACTION_*``. Their coreference comes from two relations:

- ``CROSS_DOC_COREF`` (``note`` = the instance id): the mentions of one event across the
  topic's documents (and within each);
- ``INTRA_DOC_COREF``: a chain inside one document only (its target is a document-local tag).

A mention in neither is a singleton. Texts are rebuilt as in
:mod:`claimgraph.evaluate.meantime`: a sentence's tokens joined by one space, sentences by a
newline. ``selected`` holds the sentence numbers the release lists as annotated for
coreference (``ECBplus_coreference_sentences.csv``): mentions and system output are scored in
those sentences only, as the release asks.

A document's *topic* is the leading number of its name (``3_5ecbplus.xml``: topic 3); its
*sub-topic* is the ``ecb`` or ``ecbplus`` half of the topic (two different happenings of one
kind: two earthquakes).
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import ClaimgraphError

SENTENCES = "ECB+_LREC2014/ECBplus_coreference_sentences.csv"
DOCUMENTS = "ECB+"


@dataclass(slots=True)
class GoldEventMention:
    """One gold event mention: character span, its token spans, its sentence, its event."""

    start: int
    end: int
    text: str
    tokens: list[tuple[int, int]]
    sentence: int
    instance: str  # the event it mentions: a cross-document instance id, else document-local


@dataclass(slots=True)
class EcbDocument:
    name: str  # "3_5ecbplus"
    topic: int
    subtopic: str  # "3ecb" / "3ecbplus"
    text: str
    sentences: list[tuple[int, int]]  # character span of each sentence, by sentence number
    selected: set[int] = field(default_factory=set)
    mentions: list[GoldEventMention] = field(default_factory=list)

    def in_selected(self, start: int) -> bool:
        """Whether the character offset ``start`` lies in a sentence selected for scoring."""
        return any(s <= start < e for n, (s, e) in enumerate(self.sentences) if n in self.selected)


def _is_event(tag: str) -> bool:
    return tag.startswith(("ACTION_", "NEG_ACTION_"))


def read_document(path: Path, selected: set[int]) -> EcbDocument:
    """One ECB+ XML file as text plus gold event mentions (E004 when it is not ECB+ XML)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ClaimgraphError("E004", f"not an ECB+ XML file: {path}: {exc}") from exc
    offsets: dict[str, tuple[int, int, int]] = {}
    parts: list[str] = []
    sentences: list[tuple[int, int]] = []
    length = 0
    current: int | None = None
    for token in root.iter("token"):
        word = token.text or ""
        number = int(token.get("sentence", "0"))
        if parts:
            parts.append(" " if number == current else "\n")
            length += 1
        if number != current:
            while len(sentences) <= number:
                sentences.append((length, length))
            current = number
        offsets[token.get("t_id", "")] = (length, length + len(word), number)
        parts.append(word)
        length += len(word)
        sentences[number] = (sentences[number][0], length)
    text = "".join(parts)
    name = path.stem
    topic = int(name.split("_", 1)[0])
    half = "ecbplus" if name.endswith("ecbplus") else "ecb"
    doc = EcbDocument(name, topic, f"{topic}{half}", text, sentences, selected)
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None:
        return doc
    instance: dict[str, str] = {}
    for rel in relations if relations is not None else []:
        sources = [s.get("m_id", "") for s in rel.iter("source")]
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note", "")
        elif rel.tag == "INTRA_DOC_COREF":
            target = rel.find("target")
            chain = f"{name}:intra:{target.get('m_id') if target is not None else rel.get('r_id')}"
        else:
            continue
        for m_id in sources:
            instance[m_id] = chain
    for markable in markables:
        if not _is_event(markable.tag):
            continue
        anchors = sorted(offsets[a.get("t_id", "")] for a in markable.iter("token_anchor")
                         if a.get("t_id") in offsets)
        if not anchors:
            continue  # an instance tag (the event's descriptor), not a mention in the text
        m_id = markable.get("m_id", "")
        start, end = anchors[0][0], anchors[-1][1]
        doc.mentions.append(GoldEventMention(
            start, end, text[start:end], [(s, e) for s, e, _ in anchors], anchors[0][2],
            instance.get(m_id, f"{name}:{m_id}")))
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return doc


def read_selected(data: Path) -> dict[str, set[int]]:
    """Sentence numbers selected for coreference scoring, by document name ("1_10ecbplus")."""
    path = data / SENTENCES
    if not path.is_file():
        raise ClaimgraphError("E004", f"ECB+ sentence index not found: {path}")
    selected: dict[str, set[int]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = f"{row['Topic']}_{row['File']}"
            selected.setdefault(name, set()).add(int(row["Sentence Number"]))
    return selected


def read_topics(data: Path, topics: set[int] | None = None) -> list[EcbDocument]:
    """The documents of ``topics`` (all when None), ordered by topic then name."""
    folder = data / DOCUMENTS
    if not folder.is_dir():
        raise ClaimgraphError("E004", f"ECB+ documents not found: {folder}")
    selected = read_selected(data)
    docs: list[EcbDocument] = []
    for sub in sorted((p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()),
                      key=lambda p: int(p.name)):
        if topics is not None and int(sub.name) not in topics:
            continue
        for path in sorted(sub.glob("*.xml")):
            docs.append(read_document(path, selected.get(path.stem, set())))
    return docs
