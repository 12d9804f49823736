"""Inside an article's paragraphs, before extraction: pop-ups out, wrappers unwrapped.

Two kinds of markup inside a ``<p>`` spoil the extracted sentence:

- a **pop-up of links** (a hover card on a person's name: their photo, their name again and
  links to their latest stories) sits in the paragraph, hidden by CSS, so its text is glued into
  the sentence ("Rep. Ilhan OmarIlhan OmarHillicon Valley: ..."). An element inside a paragraph
  holding at least :data:`POPUP_LINKS` links whose text is nearly all link text
  (:data:`POPUP_LINK_SHARE`) is removed;
- a **wrapper span** with a class (``<span class="link"><a>the NFL will fine Rudolph</a></span>``)
  can match trafilatura's boilerplate class patterns, and the words vanish from the middle of
  the sentence. A paragraph's spans carry no structure, so they are unwrapped (text kept).
"""

from __future__ import annotations

from typing import Any

POPUP_LINKS = 3
POPUP_LINK_SHARE = 0.9


def _text_length(element: Any) -> int:
    return len(" ".join(element.text_content().split()))


def _is_popup(element: Any) -> bool:
    if not isinstance(element.tag, str) or element.tag == "a":
        return False
    links = list(element.iter("a"))
    if len(links) < POPUP_LINKS:
        return False
    total = _text_length(element)
    return total > 0 and sum(_text_length(a) for a in links) >= POPUP_LINK_SHARE * total


def tidy_paragraphs(tree: Any) -> Any:
    """The parsed page with its paragraphs' link pop-ups removed and their spans unwrapped
    (in place; returned for convenience)."""
    for paragraph in list(tree.iter("p")):
        popups = [e for e in paragraph.iterdescendants() if _is_popup(e)]
        for element in popups:
            # the innermost pop-up: its outer span also holds the name the reader sees
            if not any(inner in popups for inner in element.iterdescendants()):
                element.drop_tree()
        for span in list(paragraph.iter("span")):
            span.drop_tag()
    return tree
