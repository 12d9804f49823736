"""Stories: the reports of one real-world happening, kept apart from another of the same kind.

Two earthquakes share every word of their kind ("magnitude", "epicentre", "rescuers"); what
tells them apart is *who*, *where* and *when*: the names, the places and the dates. So a
document is a TF-IDF vector of its content words (the kind's words are frequent across the
corpus and weigh little) plus, as terms of their own, what the analysis extracted: named
entities (their canonical names where the ruler gave one, so "Reid" and "Tara Reid" are one
term), places, resolved dates and coded event types. A
story is the sum of its documents' vectors; a new document joins the most similar story above a
threshold, else it founds a new one. Who a report is about weighs in apart from the words: a
story that never names a report's protagonist, and has its own, fits it less (``ELSEWHERE``,
:mod:`claimgraph.resolve.stories_who`): two players arrested for drunk driving weeks apart.

That is single-pass clustering, chosen because it is incremental: ``StoryIndex.add`` places one
document by comparing it with the stories that share its most distinctive terms (an inverted
index with bounded posting lists), never with the whole corpus, so a new article joins its story
without recomputing anything, and resolving n documents costs about n times a constant. Document
frequencies grow as documents arrive; ``count`` lets a batch count them all first, so the first
documents are weighed like the last.

Copies (:mod:`claimgraph.resolve.copies`) are one unit: the original is placed and its copies
follow it, so a copy never founds a story of its own, and a wire story republished twelve times
weighs as one report. A story's id is that of the document that founded it, so it keeps its id
as documents join it. A batch is placed earliest published first, ties (and undated documents)
by id (:func:`claimgraph.resolve.copies.canonical_order`), so the same documents make the same
stories with the same ids whatever order they are read in.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.record import Record
from claimgraph.resolve.copies import canonical_order, published_first
from claimgraph.resolve.corpus import Copies, Story, corpus_id
from claimgraph.resolve.stories_who import who
from claimgraph.resolve.words import words

#: cosine similarity of a document to a story above which it joins the story
THRESHOLD = 0.25
#: an extracted name, place or date's weight against a word of the text (weighing them up
#: scored no better on ECB+'s design half: the text already names them)
ENTITY_WEIGHT = 1.0
#: the document's highest-weighted terms that look up candidate stories (and under which a
#: story is posted): with 12, a short report whose distinctive words (its own lead, its own
#: toll) filled its 12 missed the story it shares "market", "missile" and the place with, and
#: founded one of its own; 24 finds it (more scored no better on ECB+ and costs more)
LOOKUP_TERMS = 24
#: stories remembered per term (the most recent): bounds the cost of a frequent term
POSTINGS = 64
#: a document published this many days after a story's last report (or before its first)
#: starts a new story
MAX_GAP_DAYS = 10
#: the similarity at which :meth:`StoryIndex.settle` moves a document to a story it fits better
#: than the rest of its own: lower than ``THRESHOLD``, because by then every story has all its
#: reports and the move is relative (a report that founded a story alone, or fits its own story
#: worse, goes where it fits best); chosen on ECB+'s design half (0.25 / 0.2 / 0.175: fold a
#: 0.929 / 0.933 / 0.939, fold b 0.923 / 0.925 / 0.925)
SETTLE_THRESHOLD = 0.175
#: what a report's similarity to a story is multiplied by when the story is about somebody else:
#: it never once names the report's protagonist, and has a protagonist of its own
#: (:mod:`claimgraph.resolve.stories_who`); on ECB+ 0.6 / 0.7 / 0.75: fold a 0.947 / 0.947 /
#: 0.933, fold b 0.941 / 0.943 / 0.943 (0.5 splits single happenings)
ELSEWHERE = 0.7
#: a small story all of whose reports fit a story this many times its size at
#: ``GATHER_THRESHOLD`` moves into it whole once settled (:meth:`StoryIndex.settle`); chosen on
#: ECB+'s design half (2 / 3 at 0.3: fold a 0.941 / 0.956; with 2, or any larger story, two
#: whole happenings of one kind merge)
GATHER_SIZE = 3
#: the fit every report of a small story needs with a larger one to move there whole (ECB+'s
#: design half: 0.25 / 0.3 / 0.35 all fold a 0.956; fold b 0.939 / 0.948 / 0.948)
GATHER_THRESHOLD = 0.3
#: rounds of :meth:`StoryIndex.settle` after a batch is placed (it stops early once nothing moves)
SETTLE_ROUNDS = 3
#: entity labels that name who or where (dates and numbers are read as times, or not at all)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                         "WORK_OF_ART"})
#: longest story title taken from a lead sentence
TITLE_CHARS = 140
#: the lead: the headline and the text's first characters, where a report says which happening
#: it is about (later paragraphs bring background: the earlier quake, the last heist), so its
#: words count twice
LEAD_CHARS = 300
#: a figure as written: a decimal ("5.6"), thousands ("120,000") or a whole number, and
#: "million"/"billion" after it; a figure is no part of a longer word, number or time of day
_FIGURE = re.compile(r"(?<![\w.,:])(\d+\.\d+|\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,:]\d)"
                     r"(?:\s*(million|billion|bn)\b)?", re.IGNORECASE)


def _is_content(word: str) -> bool:
    if word.isdigit():
        return len(word) == 4  # years; other numbers are read as figures (``figures``)
    return len(word) > 1 and word not in STOP_WORDS


def lead(record: Record) -> str:
    """The headline and the text's first ``LEAD_CHARS`` characters (the headline once, when
    the text opens with it)."""
    title = (record.title or "").strip()
    head = record.text if record.text.lstrip().startswith(title) else f"{title}\n{record.text}"
    return head[:LEAD_CHARS]


def figures(text: str) -> Counter[str]:
    """The figures a text gives, as terms (``N:5.6``, ``N:120000``, ``N:85m``): a magnitude,
    a death toll, a sum, a score tell two happenings of one kind apart as names do. Whole
    numbers up to 10 are left out ("two of them", "the 3rd"): every report of every kind has
    them; years are words already."""
    found: Counter[str] = Counter()
    for match in _FIGURE.finditer(text):
        written, scale = match.group(1), (match.group(2) or "").lower()
        number = written.replace(",", "")
        if not scale and (("." not in number and int(number) <= 10)
                          or (len(written) == 4 and written.isdigit())):
            continue
        found["N:" + number + scale[:1]] += 1
    return found


def features(record: Record) -> Counter[str]:
    """What a document is about, as weighted terms: content words of its title and text (those
    of its lead twice), its figures, and the names, places, dates and event types the analysis
    found (prefixed, so the entity ``E:georgia`` and the word ``georgia`` count apart)."""
    text = f"{record.title or ''}\n{record.text}"
    terms: Counter[str] = Counter(w for w in words(text) if _is_content(w))
    terms.update(w for w in words(lead(record)) if _is_content(w))
    terms.update(figures(text))
    extracted: Counter[str] = Counter()
    for entity in record.entities:
        if entity.label not in NAME_LABELS:
            continue
        # normalised as words are: "Kramatorsk" and "kramatorsk" (a name the ruler did not
        # canonicalise) are one name
        extracted["E:" + " ".join(words(entity.canonical or entity.text))] += 1
    for place in record.places:
        extracted["P:" + " ".join(words(place.name or place.text))] += 1
    for time in record.times:
        if time.value and len(time.value) >= 7 and time.value[:4].isdigit():
            extracted["T:" + time.value[:10]] += 1
    for event in record.events:
        if event.type:
            extracted["V:" + event.type] += 1
    terms.update(extracted)
    return terms


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


#: a report's participants and its protagonist (:func:`claimgraph.resolve.stories_who.who`)
Who = tuple[frozenset[str], str | None]


@dataclass(slots=True)
class _Story:
    key: str
    founder: Record
    documents: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm_sq: float = 0.0
    first: str | None = None
    last: str | None = None
    #: participant -> how many of the story's reports name it
    named: Counter[str] = field(default_factory=Counter)
    #: how many of the story's reports have a protagonist
    led: int = 0

    def meet(self, who: Who) -> None:
        names, protagonist = who
        self.named.update(names)
        self.led += protagonist is not None

    def elsewhere(self, who: Who, *, member: bool = False) -> bool:
        """The report is about somebody else: the story's reports never name its protagonist,
        and some have a protagonist of their own (``member``: the report is in the story, and
        the rest of it is compared)."""
        protagonist = who[1]
        if protagonist is None:
            return False
        own = 1 if member else 0
        return self.named[protagonist] == own and self.led > own

    def absorb(self, vector: dict[str, float]) -> None:
        for term, weight in vector.items():
            old = self.centroid.get(term, 0.0)
            self.centroid[term] = old + weight
            self.norm_sq += (old + weight) ** 2 - old**2

    def dated(self, published: str | None) -> None:
        if published:
            self.first = min(self.first or published, published)
            self.last = max(self.last or published, published)

    def similarity(self, vector: dict[str, float], *, member: bool = False) -> float:
        """Cosine of a unit-length document vector with the centroid; ``member``: the document
        is in the story, so it is compared with the rest of it (the centroid without it)."""
        dot = sum(w * self.centroid.get(t, 0.0) for t, w in vector.items())
        norm_sq = self.norm_sq
        if member:  # |c - v|² = |c|² - 2 c·v + |v|², and |v| = 1
            dot, norm_sq = dot - 1.0, norm_sq - 2.0 * dot + 1.0
        return dot / math.sqrt(norm_sq) if norm_sq > 1e-9 else 0.0


class StoryIndex:
    """Stories so far; ``add`` places one more document (and its copies) and returns its story id.

    >>> index = StoryIndex()
    >>> sid = index.add(record)                  # doctest: +SKIP
    >>> index.add(later_record) == sid           # doctest: +SKIP  (it joined the story)
    """

    def __init__(self, *, threshold: float = THRESHOLD,
                 settle_threshold: float = SETTLE_THRESHOLD) -> None:
        self.threshold = threshold
        self.settle_threshold = settle_threshold
        self._df: Counter[str] = Counter()
        self._counted: set[str] = set()
        self._stories: dict[str, _Story] = {}
        self._postings: dict[str, deque[str]] = {}
        self._story_of: dict[str, str] = {}
        self._pending: dict[str, Counter[str]] = {}  # counted, not yet placed

    def __len__(self) -> int:
        return len(self._stories)

    def count(self, record: Record) -> Counter[str]:
        """Count a document's terms in the document frequencies (once per document)."""
        if record.id in self._pending:
            return self._pending[record.id]
        terms = features(record)
        if record.id not in self._counted:
            self._counted.add(record.id)
            self._df.update(terms.keys())
            self._pending[record.id] = terms
        return terms

    def vector(self, terms: Counter[str]) -> dict[str, float]:
        """Unit-length TF-IDF vector (sub-linear term frequency, smoothed IDF)."""
        n = len(self._counted)
        vec = {}
        for term, tf in terms.items():
            idf = math.log((n + 1) / (self._df.get(term, 0) + 1)) + 1.0
            boost = ENTITY_WEIGHT if term[1:2] == ":" else 1.0
            vec[term] = (1.0 + math.log(tf)) * idf * boost
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def story_of(self, document_id: str) -> str | None:
        return self._story_of.get(document_id)

    def _candidates(self, vector: dict[str, float], published: str | None) -> list[_Story]:
        top = sorted(vector, key=vector.__getitem__, reverse=True)[:LOOKUP_TERMS]
        keys = dict.fromkeys(k for term in top for k in self._postings.get(term, ()))
        day = _day(published)
        found = []
        for key in keys:
            story = self._stories[key]
            first, last = _day(story.first), _day(story.last)
            if day is not None and first is not None and last is not None and (
                    (day - last).days > MAX_GAP_DAYS or (first - day).days > MAX_GAP_DAYS):
                continue
            found.append(story)
        return found

    def add(self, record: Record, copies: Sequence[Record] = ()) -> str:
        """Place a document (and its copies, which follow it) in a story; its story's id."""
        if record.id in self._story_of:
            return self._story_of[record.id]
        vector = self.vector(self.count(record))
        self._pending.pop(record.id, None)
        about = who(record, lead(record))
        scored = [(self._fit(s, vector, about), s.key)
                  for s in self._candidates(vector, record.published)]
        best = max(scored, default=(0.0, ""))
        if best[0] >= self.threshold:
            story = self._stories[best[1]]
        else:
            key = corpus_id("story", [record.id])
            story = self._stories[key] = _Story(key, record)
        self._join(story, record, vector, about, copies)
        return story.key

    def fit(self, record: Record, story_id: str) -> float:
        """How well a report not yet placed fits a story: what ``add`` compares with the
        threshold."""
        vector = self.vector(self.count(record))
        return self._fit(self._stories[story_id], vector, who(record, lead(record)))

    @staticmethod
    def _fit(story: _Story, vector: dict[str, float], about: Who, *, member: bool = False
             ) -> float:
        """How well a report fits a story: the cosine, weighed down by ``ELSEWHERE`` when the
        story is about somebody else."""
        fit = story.similarity(vector, member=member)
        return fit * ELSEWHERE if story.elsewhere(about, member=member) else fit

    def _join(self, story: _Story, record: Record, vector: dict[str, float], about: Who,
              copies: Sequence[Record]) -> None:
        story.absorb(vector)
        story.meet(about)
        for member in (record, *copies):
            if member.id not in self._story_of:
                story.documents.append(member.id)
                story.dated(member.published)
                self._story_of[member.id] = story.key
        for term in sorted(vector, key=vector.__getitem__, reverse=True)[:LOOKUP_TERMS]:
            posting = self._postings.setdefault(term, deque(maxlen=POSTINGS))
            if story.key not in posting:
                posting.append(story.key)

    def settle(self, units: Sequence[Record], followers: dict[str, list[Record]] | None = None,
               *, rounds: int = SETTLE_ROUNDS) -> None:
        """Once a batch is placed, move each document to the story that fits it best now.

        Placing one document at a time decides with the stories so far: the first report of a
        second happening may join the first's story before its own has any other report, and
        a story's first reports found it alone. With every document placed, each is compared
        again with the rest of its story and with the stories its terms look up, and moves to
        the best at or above ``settle_threshold``; the stories are then rebuilt, named after their
        earliest document (:func:`claimgraph.resolve.copies.canonical_order`). Each round costs
        what placing did (candidates by lookup, never the whole corpus). Last, a small story
        whose reports all fit a much larger one moves there whole (``_gather``). ``units`` are
        the documents placed with ``add``, each followed by its copies.
        """
        followers = followers or {}
        vectors = {r.id: self.vector(self.count(r)) for r in units}
        about = {r.id: who(r, lead(r)) for r in units}
        for _ in range(rounds):
            moves: dict[str, str] = {}
            for record in units:
                here = self._stories[self._story_of[record.id]]
                vector = vectors[record.id]
                best, score = here, self._fit(here, vector, about[record.id], member=True)
                for story in self._candidates(vector, record.published):
                    if story is not here and (
                            fit := self._fit(story, vector, about[record.id])) > score:
                        best, score = story, fit
                if best is not here and score >= self.settle_threshold:
                    moves[record.id] = best.key
            if not moves:
                break
            self._rebuild(units, followers, vectors, about, moves)
        self._gather(units, followers, vectors, about)

    def _gather(self, units: Sequence[Record], followers: dict[str, list[Record]],
                vectors: dict[str, dict[str, float]], about: dict[str, Who]) -> None:
        """Move each small story whole into a story at least ``GATHER_SIZE`` times its size
        that every one of its reports fits at ``GATHER_THRESHOLD`` or more.

        Settling moves one report at a time, so two reports that fit each other better than
        anything else (two outlets running one agency's text, rewritten too much to be copies)
        stay a story of their own, though each fits its happening's story well: neither moves
        without the other. A fragment moves whole; only into a story several times its size,
        since two whole happenings of one kind fit each other as well as a fragment fits its
        own (two title fights of one boxer, two arrests of one team's players).
        """
        members: dict[str, list[Record]] = {}
        for record in units:
            members.setdefault(self._story_of[record.id], []).append(record)
        into: dict[str, str] = {}
        for key, group in sorted(members.items(), key=lambda item: len(item[1])):
            larger = {story.key: story for record in group
                      for story in self._candidates(vectors[record.id], record.published)
                      if len(members[story.key]) >= GATHER_SIZE * len(group)}
            fits = [(min(self._fit(story, vectors[r.id], about[r.id]) for r in group), story.key)
                    for story in larger.values()]
            fit, target = max(fits, default=(0.0, ""))
            if fit >= GATHER_THRESHOLD:
                into[key] = target
        if not into:
            return
        moves = {}
        for record in units:
            key = self._story_of[record.id]
            if key in into:
                while key in into:  # a story that took a fragment may itself be one
                    key = into[key]
                moves[record.id] = key
        self._rebuild(units, followers, vectors, about, moves)

    def _rebuild(self, units: Sequence[Record], followers: dict[str, list[Record]],
                 vectors: dict[str, dict[str, float]], about: dict[str, Who],
                 moves: dict[str, str]) -> None:
        """Rebuild the stories with some reports moved (document id -> story id), each named
        after its earliest document (:func:`claimgraph.resolve.copies.canonical_order`)."""
        groups: dict[str, list[Record]] = {}
        for record in units:
            groups.setdefault(moves.get(record.id, self._story_of[record.id]), []
                              ).append(record)
        self._stories, self._postings, self._story_of = {}, {}, {}
        for members in sorted(groups.values(), key=lambda m: published_first(m[0])):
            key = corpus_id("story", [members[0].id])
            story = self._stories[key] = _Story(key, members[0])
            for record in members:
                self._join(story, record, vectors[record.id], about[record.id],
                           followers.get(record.id, ()))

    def stories(self) -> list[Story]:
        """Every story, in the order they were founded."""
        return [Story(s.key, list(s.documents), title_of(s.founder), s.first, s.last)
                for s in self._stories.values()]


def title_of(record: Record) -> str:
    """A story's title: its founding report's headline, else its first sentence (cut at a word
    beyond ``TITLE_CHARS``)."""
    if record.title and record.title.strip():
        return " ".join(record.title.split())
    lead = " ".join(record.text.strip().split("\n", 1)[0].split())
    ends = [i for i in (lead.find(e) for e in (". ", "? ", "! ")) if i > 0]
    sentence = lead[: min(ends) + 1] if ends else lead
    if len(sentence) <= TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, TITLE_CHARS)
    return sentence[: cut if cut > 0 else TITLE_CHARS] + " …"


def find_stories(records: Iterable[Record], copies: Sequence[Copies] = (), *,
                 threshold: float = THRESHOLD,
                 settle_threshold: float = SETTLE_THRESHOLD) -> list[Story]:
    """Stories of a batch of documents, each copy group placed as one unit with its original."""
    ordered = canonical_order(records)  # placed in this order: it never depends on reading
    by_id = {r.id: r for r in ordered}
    followers: dict[str, list[Record]] = {}
    copied: set[str] = set()
    for group in copies:
        followers[group.original] = [by_id[d] for d in group.documents
                                     if d != group.original and d in by_id]
        copied.update(d for d in group.documents if d != group.original)
    index = StoryIndex(threshold=threshold, settle_threshold=settle_threshold)
    units = [r for r in ordered if r.id not in copied]
    for record in units:
        index.count(record)
    for record in units:
        index.add(record, followers.get(record.id, ()))
    index.settle(units, followers)
    return index.stories()
