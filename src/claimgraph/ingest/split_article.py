"""An article body split over several containers of the same kind, read whole.

Sites that break an article with ads, newsletter boxes or a paywall often repeat the article's
container: ``<div class="body__container">`` holding the first paragraphs, an ad, then another
``<div class="body__container">`` with the rest. trafilatura picks one container and the body
comes out a fraction of the article. When the extracted paragraphs sit in one container and other
elements of the page share that container's tag and class, and together with the body those hold
much more paragraph text than was extracted (:data:`MUCH_LONGER`), their paragraphs are the rest
of the article and are put back in page order; a box of a few words that shares the class (a
teaser) is not.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

WORD = re.compile(r"\w+")
#: the sibling containers must hold this many times the extracted words to be read
MUCH_LONGER = 1.5
#: paragraphs shorter than this many words do not identify the article's container
MIN_WORDS = 6
#: a split-off container holds at least this many words of paragraphs (less is a teaser box)
MIN_PART_WORDS = 40


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _signature(element: Any) -> tuple[str, str] | None:
    cls = (element.get("class") or "").strip()
    return (element.tag, cls) if cls else None


def _paragraphs(container: Any) -> list[str]:
    return [" ".join(p.text_content().split()) for p in container.iter("p")]


def _body_container(tree: Any, extracted: set[str]) -> Any | None:
    """The classed element directly holding most of the extracted paragraphs."""
    holders: Counter[Any] = Counter()
    for p in tree.iter("p"):
        if _key(p.text_content()) in extracted:
            parent = p.getparent()
            while parent is not None and _signature(parent) is None:
                parent = parent.getparent()
            if parent is not None:
                holders[parent] += 1
    if not holders:
        return None
    container, count = holders.most_common(1)[0]
    return container if count >= 2 else None


def whole_article(html_tree: Any, body: str) -> str | None:
    """The body with the paragraphs of its split-off containers put back, or None when the
    article is not split (or the extra text is not much longer than the body)."""
    lines = body.split("\n")
    extracted = {_key(line) for line in lines if len(WORD.findall(line)) >= MIN_WORDS}
    container = _body_container(html_tree, extracted)
    if container is None:
        return None
    signature = _signature(container)
    parts = [e for e in html_tree.iter(container.tag) if _signature(e) == signature]
    if len(parts) < 2 or any(a is not b and b in a.iterdescendants() for a in parts for b in parts):
        return None  # one container, or nested ones (a generic class), not a split article
    seen = {_key(line) for line in lines}
    before: list[str] = []
    after: list[str] = []
    found = False
    for part in parts:
        if part is container:
            found = True
            continue
        texts = [t for t in _paragraphs(part) if t and _key(t) not in seen]
        if sum(len(WORD.findall(t)) for t in texts) < MIN_PART_WORDS:
            continue
        seen.update(_key(t) for t in texts)
        (after if found else before).extend(texts)
    extra = sum(len(WORD.findall(t)) for t in before + after)
    if extra + len(WORD.findall(body)) < MUCH_LONGER * len(WORD.findall(body)):
        return None
    return "\n".join([*before, *lines, *after])
