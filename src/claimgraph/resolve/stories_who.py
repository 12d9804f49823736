"""Who a report is about: its protagonist, which tells two happenings of one kind apart.

Two reports of one kind share nearly every word: two Chargers players arrested for drunk
driving two months apart are both "Chargers", "arrested", "suspicion", "DUI", "California
Highway Patrol", and the second player's reports name the first as background. What the topical
similarity cannot see, a reader sees in the headline: *whose* arrest it is. A report's
protagonist is the participant (a person or an organisation) it names most, more than any other
and at least twice, and names in its lead; a story whose reports never once name that
participant, though they have a protagonist of their own, is about somebody else
(:meth:`claimgraph.resolve.stories.StoryIndex.add` weighs the match down, never forbids it).

People are keyed by surname ("Vincent Jackson" in one report, "Jackson" in the next, where the
analysis gives no canonical name across documents), organisations by their whole name without a
leading "the".
"""

from __future__ import annotations

from collections import Counter

from claimgraph.record import Record
from claimgraph.resolve.words import words

#: the entity labels of participants: who acts or is acted on (places and dates are other
#: specifics; with them the protagonist was often a city every report of a kind names)
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG"})
#: mentions a protagonist needs (one mention is a name in passing)
PROTAGONIST_MENTIONS = 2


def who(record: Record, lead: str) -> tuple[frozenset[str], str | None]:
    """The participants a report names, and its protagonist (or None)."""
    named = participants(record)
    return frozenset(named), protagonist(named, lead)


def participants(record: Record) -> Counter[str]:
    """The participants a report names, each with its number of mentions (people by surname,
    organisations by name)."""
    found: Counter[str] = Counter()
    for entity in record.entities:
        if entity.label not in PARTICIPANT_LABELS:
            continue
        tokens = words(entity.canonical or entity.text)
        if tokens and tokens[0] == "the":
            tokens = tokens[1:]
        if tokens:
            found[tokens[-1] if entity.label == "PERSON" else " ".join(tokens)] += 1
    return found


def protagonist(named: Counter[str], lead: str) -> str | None:
    """The participant a report is about, from its ``participants`` and its lead (the
    headline and first lines): named most (at least ``PROTAGONIST_MENTIONS`` times, more than
    any other) and named in the lead; else None."""
    ranked = named.most_common(2)
    if not ranked:
        return None
    top, mentions = ranked[0]
    if mentions < PROTAGONIST_MENTIONS or (len(ranked) > 1 and ranked[1][1] == mentions):
        return None
    return top if f" {top} " in f" {' '.join(words(lead))} " else None
