"""Content-hash ids: the same text always gets the same id, so re-analysing or re-ingesting an
article changes nothing (as sqlite-utils' ``hash_id``)."""

from __future__ import annotations

import hashlib


def text_hash(text: str, size: int = 16) -> str:
    """A stable hex digest of ``text`` (sha1, truncated): the id of a document without one."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:size]


def item_id(doc_key: str, kind: str, start: int, end: int, *also: int) -> str:
    """The id of an extracted item: its kind and offsets within one document.

    ``doc_key`` is the document's text hash, so two copies of the same article give their
    claims the same ids and a syndicated copy can be recognised by id alone. ``also`` tells
    apart two items over the same span (two cues attributing one content: "Claim: …").
    """
    where = f"{start}:{end}" if not also else ":".join(map(str, (start, end, *also)))
    digest = hashlib.sha1(f"{doc_key}:{kind}:{where}".encode()).hexdigest()[:12]
    return f"{kind}-{digest}"
