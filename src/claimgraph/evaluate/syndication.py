"""A synthetic syndication set: real articles republished the way partner sites republish them.

No public gold set marks which news reports are copies of which, so ``eval copies`` builds one at
evaluation time (never stored: it is made from the shared gold data, with a fixed seed, so every
run makes the same set). A sample of PolNeAR's training articles is republished one to three
times each; each copy undergoes at least two of the changes syndication makes:

- a new headline;
- a wire credit ("WASHINGTON (Reuters) -", a "By ..., Associated Press" line, or a closing
  "(Reporting by ...; Editing by ...)");
- its trailing paragraphs cut (30–90% of the paragraphs kept, at least two);
- boilerplate lines ("Advertisement", "Read more: ...", a copyright line);
- its paragraphs re-wrapped (hard line breaks inside a paragraph, or single newlines between);
- its quotation marks straightened.

A copy is published on its original's day or up to three days later; on the same day it is
read after its original (the original is the earliest published, ties by reading order).
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEED = 20261207
#: the share of articles republished
REPUBLISHED = 0.35

CITIES = ["WASHINGTON", "NEW YORK", "LONDON", "CHICAGO", "DES MOINES", "LOS ANGELES"]
AGENCIES = ["Reuters", "AP", "AFP", "Bloomberg"]
REPORTERS = ["Jane Doe", "Sam Patel", "Maria Lopez", "Tom Becker", "Aiko Tanaka"]
BOILERPLATE = [
    "Advertisement",
    "Read more: Politics news from our partners",
    "Follow us on Twitter and Facebook for the latest updates.",
    "Copyright 2016 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Sign up for our daily newsletter",
    "Related coverage",
    "Click here to get the app",
]
HEADLINE_PREFIXES = ["WATCH:", "UPDATE:", "Report:", "Analysis:", ""]
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(slots=True)
class Article:
    """One document of the set: its name, text, day, and which report it carries."""

    name: str
    text: str
    published: str | None
    report: str  # the name of the original it carries (itself for an original)
    changes: tuple[str, ...] = ()


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _new_headline(title: str, body: list[str], rng: random.Random) -> str:
    lead_words = re.sub(r"\s+", " ", body[0] if body else title).split()
    if rng.random() < 0.5 and len(lead_words) > 6:
        return " ".join(lead_words[: rng.randint(6, 11)]).rstrip(",.;:") .title()
    prefix = rng.choice(HEADLINE_PREFIXES)
    words = title.split()
    cut = rng.randint(max(1, len(words) // 2), max(1, len(words)))
    return f"{prefix} {' '.join(words[:cut])}".strip()


def _credit(body: list[str], rng: random.Random) -> list[str]:
    kind = rng.randrange(3)
    if kind == 0 and body:
        return [f"{rng.choice(CITIES)} ({rng.choice(AGENCIES)}) - {body[0]}", *body[1:]]
    if kind == 1:
        return [f"By {rng.choice(REPORTERS)}, Associated Press", *body]
    return [*body, f"(Reporting by {rng.choice(REPORTERS)}; Editing by {rng.choice(REPORTERS)})"]


def _rewrap(paragraphs: list[str], rng: random.Random) -> str:
    if rng.random() < 0.5:
        width = rng.randint(60, 80)
        return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    return "\n".join(paragraphs)


_STRAIGHT = str.maketrans("“”‘’", "\"\"''")


def straighten(text: str) -> str:
    return text.translate(_STRAIGHT)


def republish(text: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A copy of ``text`` (headline first line, paragraphs by blank lines) with at least two
    of the changes, and their names."""
    paragraphs = _paragraphs(text)
    title, body = (paragraphs[0], paragraphs[1:]) if len(paragraphs) > 1 else ("", paragraphs)
    names = ["headline", "credit", "cut", "boilerplate", "rewrap", "quotes"]
    chosen = set(rng.sample(names, 2)) | {n for n in names if rng.random() < 0.4}
    if "cut" in chosen and len(body) > 2:
        keep = max(2, round(len(body) * rng.uniform(0.3, 0.9)))
        body = body[:keep]
    if "credit" in chosen:
        body = _credit(body, rng)
    if "boilerplate" in chosen:
        for line in rng.sample(BOILERPLATE, rng.randint(1, 3)):
            body.insert(rng.randint(1, len(body)), line)
    if "headline" in chosen:
        title = _new_headline(title, body, rng)
    paragraphs = [title, *body] if title else body
    out = _rewrap(paragraphs, rng) if "rewrap" in chosen else "\n\n".join(paragraphs)
    if "quotes" in chosen:
        out = straighten(out)
    return out, tuple(n for n in names if n in chosen)


def build(folder: Path, same_reports: Callable[[Sequence[Article]], None] | None = None, *,
          seed: int = SEED, share: float = REPUBLISHED) -> list[Article]:
    """The set, in reading order: every article of ``folder`` and the copies of a sample.

    ``same_reports`` marks the folder's own copies (articles that already carry one report)
    before any is republished, so the gold groups hold them too.
    """
    rng = random.Random(seed)
    articles: list[Article] = []
    for path in sorted(folder.glob("*.txt")):
        match = _DATE.search(path.name)
        text = path.read_text(encoding="utf-8")
        articles.append(Article(path.stem, text, match.group(1) if match else None, path.stem))
    if same_reports is not None:
        same_reports(articles)
    copies: list[Article] = []
    for original in articles:
        if rng.random() >= share:
            continue
        for n in range(rng.randint(1, 3)):
            text, changes = republish(original.text, rng)
            day = original.published
            if day is not None:
                day = (date.fromisoformat(day) + timedelta(days=rng.choice([0, 0, 1, 2, 3]))).isoformat()
            copies.append(Article(f"{original.name}~copy{n}", text, day, original.report, changes))
    everything = articles + copies
    rng.shuffle(everything)
    position = {a.name: i for i, a in enumerate(everything)}
    for copy in copies:  # a same-day copy is read after the article it copies
        source = copy.name.split("~")[0]
        original = everything[position[source]]
        if copy.published == original.published and position[copy.name] < position[source]:
            i, j = position[copy.name], position[source]
            everything[i], everything[j] = everything[j], everything[i]
            position[copy.name], position[source] = j, i
    return everything
