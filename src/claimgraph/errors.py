"""Coded, actionable errors (as spaCy's ``errors.py``): each says what went wrong and what to do.

A ``DocumentError`` concerns one input: it is reported on one line, counted and set aside while
the batch goes on. A ``ClaimgraphError`` is about the run itself (bad option, missing model).
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """An error the user can act on; ``code`` is stable and documented."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class DocumentError(ClaimgraphError):
    """One input could not be analysed; ``source`` names it (path, path:line, URL)."""

    def __init__(self, code: str, source: str, reason: str) -> None:
        super().__init__(code, f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def one_line(self) -> str:
        """The single line shown to the user and stored with a rejected input."""
        return f"error [{self.code}] {self.source}: {self.reason}"


# The codes, in one table so docs and tests can list them.
CODES: dict[str, str] = {
    "E001": "the spaCy model package is not installed",
    "E002": "a command-line option has a bad value",
    "E003": "unknown evaluation task",
    "E004": "evaluation data not found",
    "E005": "an optional part is not installed: pip install 'claimgraph[EXTRA]' (see extras.py)",
    "E006": "a pipeline component's factory is not registered (re-install: `make setup`)",
    "E101": "input not found",
    "E102": "input unreadable (permissions or I/O error)",
    "E103": "input is empty",
    "E104": "input looks binary, not text",
    "E105": "input is larger than the size limit",
    "E106": "input is not valid UTF-8",
    "E107": "a JSON Lines row is not a JSON object with a string 'text'",
    "E108": "HTML page has no extractable article body",
    "E109": "unsupported file type",
    "E110": "analysis of the document failed",
    "E111": "an archive record is damaged (cut short, or its digest does not match)",
    "E112": "'published' is not a calendar day (YYYY-MM-DD): fix the date or leave it out",
    "E113": "a stance pair line is not a JSON object with an 'id' and string 'claim' and 'text'",
    "E201": "database error",
}
