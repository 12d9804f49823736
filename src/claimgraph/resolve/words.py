"""The words of a news text as the cross-document stages compare them.

Copies and stories both compare documents word by word, and both must not be fooled by what
republishing changes without changing the report: typographic quotation marks straightened or
not (``“`` vs ``"``, ``’`` vs ``'``), ligatures and full-width forms, case, line breaks where a
partner site re-wrapped the paragraphs. Normalising once, here, keeps the two stages reading
the same words: NFKC folds compatibility forms, lower-casing folds case, and taking only runs of
word characters drops every quotation mark, dash and line break at once.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, normalised: NFKC, lower case, punctuation and line breaks gone.

    >>> words("“Calm,” he said.\\nCalm.") == words('"calm," he\\nsaid. calm.')
    True
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())
