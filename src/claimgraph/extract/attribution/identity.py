"""Who a source is: its kind, its canonical name, whether it is anonymous, whom a pronoun means.

A mention (:mod:`.sources` finds it) becomes a ``Source``: named mentions take the news
ruler's canonical name or their document's one name for the person or organisation
(:mod:`claimgraph.nlp.names`: "Esper" is "Mark Esper", "the FBI" the Federal Bureau of
Investigation); pronouns and bare descriptions ("he", "the official", "the ministry") take the
nearest earlier named mention that fits (a person of the pronoun's gender for he/she, an
organisation for it/they and for institutional nouns). Unnamed sources ("an unnamed Western
official", "sources familiar with the talks") are ``anonymous`` with their ``descriptor`` kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution.affiliation import affiliation_of
from claimgraph.extract.attribution.entities import (
    ENTITY_KINDS,
    entity_at,
    entity_info_of,
    entity_name,
    head_entity,
    speaker_entity,
    surname_person,
)
from claimgraph.extract.attribution.lexicon import OFFICE_HOLDERS, lexicon
from claimgraph.extract.attribution.mention_names import (
    conjuncts,
    is_person_appositive,
    named,
    named_later,
    office_holder,
)
from claimgraph.extract.attribution.sources import phrase
from claimgraph.nlp.extensions import ents_of
from claimgraph.nlp.names import PRONOUN_GENDERS, group_like, organization_like, person_genders
from claimgraph.nlp.words import words as words_of
from claimgraph.record import Source

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me", "his"}


GROUP_PRONOUNS = {"it", "they", "them", "we", "us", "its", "their", "our"}


#: group pronouns that speak for many ("they said", "their statement"): a plural noun fits them
PLURAL_PRONOUNS = {"they", "them", "their"}


#: "we found no evidence" is the writer, "we will not retreat" the speaker's side
FIRST_PERSON_PLURAL = {"we", "us", "our"}


#: a cue is never inside a quotation, so "I" as a source is the writer ("I see no reason …" in
#: an opinion piece), never the last person named
FIRST_PERSON = {"i", "me", "my"}


#: a relative pronoun is the noun its clause hangs on ("the Palestinian Authority, which rejected …")
RELATIVE_PRONOUNS = {"who", "which", "that"}


PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS | {"you"}


#: tags of a plural noun
PLURAL_TAGS = {"NNS", "NNPS"}


#: how far back an antecedent is looked for (sources, then words): bounded, so long articles
#: stay linear
LOOKBACK_SOURCES = 30


LOOKBACK_TOKENS = 400


def _anonymity(mention: Span) -> tuple[bool, str | None]:
    """Whether ``mention`` names nobody (an unnamed official) and the words that describe it."""
    lex = lexicon()
    root = mention.root
    lower = " " + mention.text.lower() + " "
    marked = any(f" {m} " in lower or lower.strip().startswith(m) for m in lex.anonymity)
    if root.lower_ in PRONOUNS or root.pos_ == "PROPN" or root.ent_type_ == "PERSON":
        return False, None
    generic = lex.source_kinds.get(root.lemma_.lower(), ("", False))[1]
    if not (marked or (generic and not any(t.ent_type_ == "PERSON" for t in mention))):
        return False, None
    # descriptor: what follows the head ("familiar with the talks"), else the modifiers
    after = [t for t in mention if t.i > root.i]
    while after and (after[0].is_punct or after[0].is_space):
        after = after[1:]
    if after:
        return True, doc_text(after)
    before = [t for t in mention if t.i < root.i and t.dep_ not in ("det", "predet")]
    return True, doc_text(before + [root])


def doc_text(tokens: list[Token]) -> str:
    """The text from the first to the last of ``tokens`` (verbatim, whitespace kept)."""
    doc = tokens[0].doc
    # a span's text, not doc.text: spaCy joins every token of the doc for that
    return doc[tokens[0].i : tokens[-1].i + 1].text


def source_kind(mention: Span) -> str:
    """person / organization / government / military / media / group / document / unknown."""
    root = mention.root
    ent = head_entity(mention)
    if ent is not None:
        _, kind = entity_info_of(root)
        if kind:
            return kind
    if outlet_name(root) or _news_noun(root) or _outlet_station(root):
        return "media"  # "Business Insider", "Continental Wire", "the news agency", "CBS DFW"
    noun_kind = _noun_kind(root)
    if noun_kind == "document" and _institution_name(root):
        return "organization"  # "the U.S. Geological Survey" is an agency, "a survey" a document
    if noun_kind:
        return noun_kind
    if root.lower_ in PERSON_PRONOUNS:
        return "person"
    if ent is not None and ent.label_ == "PERSON" and organization_like(ent):
        return "organization"  # "Big Machine Records", "The Steelers"
    if ent is not None and ent.label_ == "PERSON" and group_like(ent):
        return "group"  # "Virginia Democrats" beside "Democrats"
    if ent is not None and ent.label_ in ENTITY_KINDS:
        return ENTITY_KINDS[ent.label_]
    if root.lower_ in ("they", "we"):
        return "group"
    label = _label_elsewhere(root)  # "WeWork declined": the tagger named it elsewhere
    return ENTITY_KINDS.get(label, "unknown") if label else "unknown"


#: nouns that name an outlet when news words modify them ("the news agency", "the wire service")
NEWS_HEADS = frozenset({"agency", "service", "network", "outlet", "channel", "station", "site", "website"})
#: words that make one of ``NEWS_HEADS`` an outlet
NEWS_WORDS = frozenset({"news", "wire", "press"})


def _news_noun(root: Token) -> bool:
    """ "the news agency", "the wire service": an outlet named by what it is ("the agency" alone
    is a government's)."""
    return root.lemma_.lower() in NEWS_HEADS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in NEWS_WORDS for c in root.children
    )


def _outlet_station(root: Token) -> bool:
    """ "CBS DFW", "Fox 4": a proper name whose first word is an outlet the news ruler knows (a
    station of a network)."""
    return root.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.i < root.i and entity_info_of(c)[1] == "media" for c in root.children
    )


def _noun_kind(root: Token) -> str | None:
    """The kind a head noun names (``source_kinds.tsv``, then ``speaker_kinds.tsv``), by its
    lemma or as written ("data" is the tagger's lemma "datum")."""
    lex = lexicon()
    for word in (root.lemma_.lower(), root.lower_):
        if word in lex.source_kinds:
            return lex.source_kinds[word][0]
        if word in lex.speaker_kinds:
            return lex.speaker_kinds[word]
    return None


#: ``doc.user_data`` key: a one-word name as written -> the entity label it mostly carries
_LABELS = "claimgraph.attribution.labels"


def _label_elsewhere(root: Token) -> str | None:
    """The entity label a proper noun the tagger left unlabelled here carries elsewhere in its
    document (the label it is given most often as a one-word entity), else None."""
    if root.pos_ != "PROPN" or root.ent_type_:
        return None
    labels = root.doc.user_data.get(_LABELS)
    if labels is None:
        counts: dict[str, dict[str, int]] = {}
        for ent in ents_of(root.doc):
            if len(ent) == 1 and ent.label_ in ENTITY_KINDS:
                tally = counts.setdefault(ent.text, {})
                tally[ent.label_] = tally.get(ent.label_, 0) + 1
        labels = root.doc.user_data[_LABELS] = {
            text: max(sorted(tally), key=lambda label: tally[label]) for text, tally in counts.items()
        }
    return labels.get(root.text)  # type: ignore[no-any-return]


def outlet_name(tok: Token) -> bool:
    """True when ``tok`` heads a proper name ending in an outlet's word (``outlet_words.txt``:
    "Business Insider", "Continental Wire"), whether or not the tagger saw an entity there."""
    if tok.pos_ != "PROPN" and not tok.ent_type_:
        return False
    ent = entity_at(tok)
    last = ent[-1] if ent is not None and ent.label_ != "PERSON" else tok
    return last.pos_ == "PROPN" and last.text in lexicon().outlet_words


def _institution_name(root: Token) -> bool:
    """A document noun written as the head of a proper name that names no person: "the U.S.
    Geological Survey" is an institution, "the Mueller Report" a document."""
    if root.pos_ != "PROPN" or not root.text[:1].isupper():
        return False
    modifiers = [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < root.i]
    return bool(modifiers) and not any(
        t.ent_type_ == "PERSON" for c in modifiers for t in c.subtree
    )


def make_source(mention: Span, history: list[Source]) -> Source:
    """A ``Source`` for ``mention``; ``history`` (earlier sources, text order) resolves it."""
    root = mention.root
    if root.lower_ in RELATIVE_PRONOUNS and root.head.dep_ == "relcl" and root.head.head.pos_ in ("NOUN", "PROPN"):
        # "The Palestinian Authority, which rejected …": who the noun the clause hangs on is
        noun = make_source(phrase(root.head.head, with_clauses=False), history)
        return Source(
            mention.start_char, mention.end_char, mention.text,
            canonical=noun.canonical or (None if noun.anonymous else _bare(noun.text)),
            kind=noun.kind, anonymous=noun.anonymous, descriptor=noun.descriptor,
            affiliation=noun.affiliation,
        )
    parts = conjuncts(mention)
    if len(parts) > 1:
        return _joint_source(mention, [make_source(part, history) for part in parts])
    anonymous, descriptor = _anonymity(mention)
    kind = source_kind(mention)
    canonical = named(mention)
    if canonical is not None and head_entity(mention) is None and is_person_appositive(mention):
        kind = "person"  # "a senior official, John Smith": a person, whatever the noun says
    person = surname_person(mention)
    if person is None and canonical is None:
        # "Deputy Director of Public Prosecution Eva-Marie Persson", "Another diplomat, former
        # special envoy to Ukraine Kurt Volker": named, so no longer anonymous
        person = office_holder(mention)
        if person is not None:
            anonymous, descriptor = False, None
    if person is None and canonical is None and not anonymous:
        # a description the text names later ("China's ambassador to Britain … China's
        # ambassador to Britain Liu Xiaoming")
        person = named_later(mention)
    if person is not None:  # "Webb admitted …" after "Michael Webb", whatever the tagger said
        canonical, kind = person, "person"
    if canonical is None and not anonymous:
        canonical, antecedent_kind = _resolve(mention, kind, history)
        if canonical is not None and antecedent_kind is not None:
            kind = antecedent_kind  # "it", "they", "the news agency": what the antecedent is
    return Source(
        mention.start_char, mention.end_char, mention.text,
        canonical=canonical, kind=kind, anonymous=anonymous, descriptor=descriptor,  # type: ignore[arg-type]
        affiliation=affiliation_of(mention, kind),
    )


def _joint_source(mention: Span, speakers: list[Source]) -> Source:
    """One source for speakers joined by "and" ("Smith and Jones said"): the record has one source
    per attribution and PolNeAR marks the whole phrase as one, so the phrase is the mention, its
    canonical name each speaker's own joined in text order ("Ilhan Omar and Rashida Tlaib"), and
    its kind theirs when they share one, else ``group`` (two people are a group, not a person)."""
    kinds = {s.kind for s in speakers}
    kind = kinds.pop() if len(kinds) == 1 and "person" not in kinds else "group"
    names = [s.canonical or (None if s.anonymous else _bare(s.text)) for s in speakers]
    canonical = None
    if all(names):
        canonical = ", ".join(n for n in names[:-1] if n) + f" and {names[-1]}"  # "Volker, Morrison and Sondland"
    # "Omar and Tlaib" belong to one body only when each says so; a bare noun takes the words
    # before the first ("South Korean officials and analysts")
    affiliations = {s.affiliation for s in speakers
                    if s.affiliation is not None or " " in s.text.strip() or s.text[:1].isupper()}
    return Source(
        mention.start_char, mention.end_char, mention.text, canonical=canonical, kind=kind,  # type: ignore[arg-type]
        anonymous=all(s.anonymous for s in speakers), descriptor=None,
        affiliation=affiliations.pop() if len(affiliations) == 1 else None,
    )


def one_identity(sources: list[Source]) -> None:
    """Give every named source of one document that names the same entity one canonical name and
    one kind, in place: "WeWork declined" (a name the tagger labelled here and not there) and "The
    company confirmed" (resolved to WeWork) are one source, and a source's id is read off its
    name and kind, so a name counted under two kinds would be two sources.

    Sources are the same when their canonical name, else their text without an article, is (case
    aside); the name is the one canonical name they carry, the kind the one most of them carry
    (``unknown`` only when none says more). Pronouns and anonymous sources are left as they are.
    """
    groups: dict[str, list[Source]] = {}
    for src in sources:
        if src.anonymous or src.text.lower() in PRONOUNS:
            continue
        name = src.canonical or _bare(src.text)
        groups.setdefault(name.lower(), []).append(src)
    for group in groups.values():
        names = {src.canonical for src in group if src.canonical}
        kinds = Counter(src.kind for src in group if src.kind != "unknown")
        if len(group) < 2 or len(names) > 1 or not (names or group[0].text[:1].isupper()):
            continue
        canonical = names.pop() if names else None
        kind = max(kinds, key=lambda k: (kinds[k], -next(i for i, s in enumerate(group) if s.kind == k))) if kinds else None
        for src in group:
            src.canonical = canonical or src.canonical
            if kind is not None:
                src.kind = kind  # type: ignore[assignment]


#: (name, kind) of an antecedent; the kind None when only its name is known
Antecedent = tuple[str | None, str | None]


def _resolve(mention: Span, kind: str, history: list[Source]) -> Antecedent:
    """Antecedent of a pronoun or description: nearest earlier named source that fits."""
    root = mention.root
    lower = root.lower_
    doc = mention.doc
    if lower in FIRST_PERSON_PLURAL or lower in FIRST_PERSON:
        return None, None  # the writer's "we", or a speaker's own side: never an earlier source
    if lower in PERSON_PRONOUNS:
        wanted = {"person"}
    elif lower in GROUP_PRONOUNS:
        wanted = {"organization", "government", "military", "media", "group"}
    elif root.pos_ in ("NOUN", "PROPN") and any(
        t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in root.children
    ):
        names = [t for t in root.children if t.dep_ in NAME_MODIFIERS and _names_someone(t)]
        if names:
            # "the Obama administration" says whose: its own name, never an earlier ministry's
            # (without a clause set off after it: "…, which rejected the plan")
            comma = next((t.i for t in mention if t.i > root.i and t.text == ","), mention.end)
            words = [t for t in mention if t.i < comma and not (t.dep_ == "det" and t.head.i == root.i)]
            if root.lemma_.lower() in OFFICE_HOLDERS or kind == "person":
                # "the Massachusetts governor" is a person: the one written with that name and an
                # office before ("former Massachusetts Gov. Deval Patrick"), else the description
                return _holder_written_before(mention, names[0]) or (doc_text(words) if words else None), "person"
            return (doc_text(words) if words else None), None
        same = _same_head(mention, history)  # "the news agency": the Xinhua News Agency
        if same[0] is not None or root.tag_ in PLURAL_TAGS:
            return same  # "the doctors" are never the last person who spoke
        # "the president" is a person holding the office, not the last ministry that spoke
        if root.lemma_.lower() in OFFICE_HOLDERS:
            titled = _titled_before(mention, root.lemma_.lower())
            if titled is not None:
                return titled, "person"  # "the president" after "President Donald Trump"
            wanted = {"person"}
        elif kind == "person":
            return None, None  # "the lawyer" may be anyone's: only a name of that head says whose
        else:
            wanted = {kind}
    else:
        return None, None
    # "she" never takes a person the document shows to be a man, nor "he" a woman
    gender = PRONOUN_GENDERS.get(lower)
    genders = person_genders(doc) if gender is not None else {}

    def fits(name: str | None) -> bool:
        return name is not None and genders.get(name, gender) == gender

    earlier, name = _earlier(mention, history, wanted, fits)
    # a named subject of the right kind after that source is more recent ("Zelenskiy said …
    # Biden met reporters. He said …": he is Biden)
    subject = _recent_subject(mention, wanted, earlier.end if earlier is not None else -1, fits)
    if subject[0] is not None:
        return subject
    if earlier is not None:
        return name, earlier.kind
    # no earlier source: the nearest named entity of the right kind shortly before the mention
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        tok = doc[i]
        if tok.ent_iob_ != "B":
            continue
        ent_kind, name = speaker_entity(tok)
        if _kind_fits(ent_kind, wanted) and fits(name):
            return name, ent_kind
    return None, None


#: how many words may stand between a place and the name of the one holding an office there
#: ("Massachusetts Gov. Deval Patrick", "Ukrainian President Volodymyr Zelensky")
_TITLE_WORDS = 3


#: short forms of an office written as a title before a name ("Gov. John Bel Edwards")
_TITLE_FORMS = {"gov": "governor", "sen": "senator", "pres": "president"}


def _titled_before(mention: Span, office: str) -> str | None:
    """The nearest person written earlier with the office as a title before the name ("the
    president" after "President Donald Trump", "the governor" after "Gov. John Bel Edwards"),
    else None: the title names whose office it is, where the last person named may be anyone."""
    doc = mention.doc
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        word = doc[i].lower_.rstrip(".")
        if _TITLE_FORMS.get(word, word) != office or not doc[i].text[:1].isupper():
            continue
        nxt = doc[i + 1] if i + 1 < mention.start and doc[i + 1].text != "." else (doc[i + 2] if i + 2 < mention.start else None)
        if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            ent = entity_at(nxt)
            return entity_name(ent) if ent is not None else None
        if doc[i].ent_type_ == "PERSON":  # the tagger kept the title in the name: "President Trump"
            ent = entity_at(doc[i])
            return entity_name(ent) if ent is not None else None
    return None


def _holder_written_before(mention: Span, place: Token) -> str | None:
    """The person written shortly after the same name as ``place`` before the mention ("the
    Massachusetts governor" after "former Massachusetts Gov. Deval Patrick"), else None."""
    doc = mention.doc
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        if doc[i].text != place.text:
            continue
        for k in range(i + 1, min(mention.start, i + 2 + _TITLE_WORDS)):
            if doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B":
                ent = entity_at(doc[k])
                return entity_name(ent) if ent is not None else None
            if doc[k].is_punct and doc[k].text != ".":
                break
    return None


def _kind_fits(kind: str | None, wanted: set[str]) -> bool:
    """True when an entity of ``kind`` may be what a pronoun or description of ``wanted``
    kinds means (an organisation may speak for a government)."""
    return kind is not None and (kind in wanted or (kind == "organization" and "government" in wanted))


def _earlier(
    mention: Span, history: list[Source], wanted: set[str], fits: Callable[[str | None], bool]
) -> tuple[Source | None, str | None]:
    """The nearest earlier source a pronoun or description can mean, and its name.

    A named source of a kind in ``wanted`` fits; "they" and "we" (and "their", "our") take a
    plural noun too, named or not ("Protesters believe … They worry …": the protesters, never
    the country the sentence before named), and "it" never does.
    """
    lower = mention.root.lower_
    plural = lower in PLURAL_PRONOUNS
    doc = mention.doc
    for src in reversed(history[-LOOKBACK_SOURCES:]):
        many = _plural_noun(doc, src)
        if plural and many:
            return src, src.canonical or _bare(src.text)
        if lower in GROUP_PRONOUNS and many:
            continue  # "it" is never the officials who spoke
        if src.canonical and src.kind in wanted and not src.anonymous and fits(src.canonical):
            return src, src.canonical
    return None, None


def _plural_noun(doc: Doc, src: Source) -> bool:
    """True when a source's mention is headed by a plural common noun ("Protesters", "the
    doctors"), not a name."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ == "NNS"


def _bare(text: str) -> str:
    """A mention as a name: without a leading article ("The doctors" -> "doctors")."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an", "this", "that", "these", "those"):
        words = words[1:]
    return " ".join(words)


def _same_head(mention: Span, history: list[Source]) -> Antecedent:
    """The name of the nearest earlier phrase with the same head noun that carries a name: "the
    news agency" after "the state-run Xinhua News Agency", "the administration" after "the
    Trump administration", "the office" after "the U.S. Attorney's Office …".

    An earlier source of that head gives its own name (so both are one source); else a named
    entity ending in the word, or the word with the names that modify it.
    """
    root = mention.root
    doc = mention.doc
    head = root.lemma_.lower()
    for src in reversed(history[-LOOKBACK_SOURCES:]):
        span = doc.char_span(src.start, src.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.lemma_.lower() != head or span.end > mention.start:
            continue
        if src.canonical and not src.anonymous:
            return src.canonical, src.kind
    ws = words_of(doc)
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        if ws[i].lemma_.lower() != head:
            continue
        tok = doc[i]
        ent = entity_at(tok)
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC") and tok.pos_ == "PROPN":
            return entity_name(ent), entity_info_of(tok)[1] or ENTITY_KINDS.get(ent.label_)
        names = [t for t in tok.children if t.dep_ in NAME_MODIFIERS and t.i < tok.i and _names_someone(t)]
        if names:
            return doc_text([doc[min(t.left_edge.i for t in names)], tok]).removesuffix("'s"), None
    return None, None


#: how a name modifies a description: "the Obama administration", "Trump's campaign"
NAME_MODIFIERS = {"compound", "poss", "nmod", "amod"}


def _names_someone(tok: Token) -> bool:
    """True when ``tok`` (a modifier of a description) is a name or part of one."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _recent_subject(
    mention: Span, wanted: set[str], after: int, fits: Callable[[str | None], bool]
) -> Antecedent:
    """The last named main-clause subject of a kind in ``wanted`` between offset ``after`` and
    the mention (bounded by ``LOOKBACK_TOKENS``) whose name ``fits`` the mention."""
    doc = mention.doc
    ws = words_of(doc)
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        w = ws[i]
        if w.idx < after:
            break
        # a main clause's subject: "Biden said Putin lied. He …" is still Biden
        if w.dep_ not in ("nsubj", "nsubjpass") or w.head.dep_ != "ROOT":
            continue
        kind, name = speaker_entity(doc[i])
        if _kind_fits(kind, wanted) and fits(name):
            return name, kind
    return None, None

