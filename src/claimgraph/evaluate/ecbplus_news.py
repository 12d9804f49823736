"""ECB+ read as news documents, the way ``eval stories`` and ``eval copies`` need them.

:mod:`claimgraph.evaluate.ecbplus` reads ECB+ for event coreference (gold mentions, sentences
joined token by token); stories and copies need what a reader of the article sees instead:
punctuation attached, the headline and the web address apart from the text.

ECB+ (Cybulska and Vossen 2014; ``../shared/evaldata/ecbplus/ECB+``) holds 43 topics, each two
*sub-topics*: two real-world happenings of the same kind (two celebrities entering rehab, two
earthquakes). The files of topic ``T`` are ``T_Necb.xml`` (the original ECB documents: one
happening) and ``T_Necbplus.xml`` (the documents added by ECB+: the other), so a document's
sub-topic is ``T`` plus which half its name says. The corpus comes tokenised, one ``<token>`` per
word with its sentence number; we rebuild the text a reader would see (no space before a comma,
straight quotes for the PTB ````/''`` marks, one sentence a line) and keep each token's offsets,
so an evaluation can map its gold spans onto what the analysis reads. The documents ECB+ added
open with their web address and headline; those become the document's ``url`` and ``title``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

#: no space before these tokens
_GLUE_LEFT = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "''", "'s", "’s", "n't", "'re",
              "'ve", "'ll", "'d", "'m", "…"}
#: no space after these
_GLUE_RIGHT = {"(", "[", "{", "$", "``", "#"}
_QUOTES = {"``": '"', "''": '"'}
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(slots=True)
class NewsDocument:
    name: str  # the file name, e.g. "1_10ecbplus.xml"
    topic: int
    subtopic: str  # "1a" (an ECB document) or "1b" (one ECB+ added)
    text: str
    title: str | None = None
    url: str | None = None
    #: token id -> (start, end) offsets into ``text``; tokens of the url line have none
    tokens: dict[str, tuple[int, int]] = field(default_factory=dict)


def _join(tokens: list[tuple[str, str]], offset: int) -> tuple[str, dict[str, tuple[int, int]]]:
    """One sentence's tokens as text, with each token's offsets (shifted by ``offset``)."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    previous = ""
    for tid, raw in tokens:
        word = _QUOTES.get(raw, raw)
        if out and raw not in _GLUE_LEFT and previous not in _GLUE_RIGHT:
            out.append(" ")
            length += 1
        spans[tid] = (offset + length, offset + length + len(word))
        out.append(word)
        length += len(word)
        previous = raw
    return "".join(out), spans


def read_document(path: Path) -> NewsDocument:
    match = _NAME.match(path.name)
    if match is None:
        raise ValueError(f"not an ECB+ document name: {path.name}")
    topic = int(match.group(1))
    half = "a" if match.group(3) == "ecb" else "b"
    sentences: dict[int, list[tuple[str, str]]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(
            (token.get("t_id", ""), token.text or ""))
    ordered = [sentences[k] for k in sorted(sentences)]
    url = None
    if ordered and ordered[0] and ordered[0][0][1].lower().startswith("http"):
        url = "".join(word for _, word in ordered.pop(0))
    lines: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset = 0
    for sentence in ordered:
        line, found = _join(sentence, offset)
        lines.append(line)
        spans.update(found)
        offset += len(line) + 1
    title = lines[0] if url is not None and lines else None
    return NewsDocument(path.name, topic, f"{topic}{half}", "\n".join(lines), title, url, spans)


def read_ecbplus(root: Path, topics: set[int] | None = None) -> list[NewsDocument]:
    """Every document of ``root`` (the ``ECB+`` folder), by topic then file name; ``topics``
    keeps only those."""
    paths = sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name) if p.parent.name.isdigit()
                                                          else 0, p.name))
    docs = []
    for path in paths:
        if not _NAME.match(path.name):
            continue
        doc = read_document(path)
        if topics is None or doc.topic in topics:
            docs.append(doc)
    return docs
