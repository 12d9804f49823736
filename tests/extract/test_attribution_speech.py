"""Speech or not (issue 12): outside public affairs an attribution needs someone who says or
believes something.

A product review or a sports report is full of verbs that PolNeAR, political news, marks as
attributions but a reader counting claims does not: what a company plans, what a player wants,
what someone saw, what the writer tells the reader to do. The texts below were written for
these tests; each is long enough (150 words or more) for the document to be judged by what it
is about (``extract/events/domain.py``); a shorter one is read as public affairs, as before.
"""

from __future__ import annotations

from spacy.language import Language

from claimgraph.extract.attribution.cues import stems
from claimgraph.extract.events.domain import public_affairs
from claimgraph.nlp import extensions
from claimgraph.record import Attribution

REVIEW = (
    "The new phone arrives in stores on Friday with a bigger battery, a brighter screen and a "
    "camera that handles low light far better than last year's model. Apple plans to launch a "
    "cheaper version in the spring. The company said that the battery lasts two full days. "
    "“This is the best camera we have ever built,” said Kaiann Drance, a marketing manager. "
    "If you want to save money, you can wait for the spring model. Remember, the case is sold "
    "separately. I saw a long line outside the store on Monday morning, and many fans hoped to "
    "get the blue colour before it sells out. The screen is larger than before, the speakers "
    "are louder, and the charger is faster. The price starts at 799 dollars for the smallest "
    "model and rises to 1,099 dollars for the largest one with the most storage. Reviewers "
    "praised the design, the weight and the feel of the frame in the hand, and most of them "
    "liked the new colours, the matte glass on the back and the quieter vibration motor."
)


def attributions(nlp: Language, text: str) -> list[Attribution]:
    found: list[Attribution] = extensions.results(nlp(text), "cg_attributions")
    return found


def cues(nlp: Language, text: str) -> dict[str, Attribution]:
    return {a.cue.text: a for a in attributions(nlp, text) if a.cue is not None}


def test_a_review_is_not_public_affairs(nlp: Language) -> None:
    assert not public_affairs(nlp(REVIEW))


def test_plans_wishes_and_sights_are_no_claims_outside_public_affairs(nlp: Language) -> None:
    found = attributions(nlp, REVIEW)
    words = {a.cue.text for a in found if a.cue is not None}
    for word in ("plans", "want", "saw", "hoped", "Remember"):
        assert word not in words, word
    # saying stays, in a clause or beside a quotation
    said = {a.source.text for a in found if a.cue is not None and a.cue.text == "said" and a.source}
    assert said == {"The company", "Kaiann Drance, a marketing manager"}


def test_the_reader_is_no_source(nlp: Language) -> None:
    text = REVIEW.replace("If you want to save money", "If you think the price is too high")
    assert "think" not in cues(nlp, text)


def test_in_public_affairs_a_plan_is_still_a_position(nlp: Language) -> None:
    # PolNeAR marks "plans to" as an attribution in political news: unchanged there
    found = cues(nlp, "The senator plans to introduce the bill next week.")
    assert found["plans"].source is not None and found["plans"].source.text == "The senator"


SCIENCE = (
    "Binge eating is a common problem, and the advice below is simple enough to follow at home. "
    "One study in 496 girls found that fasting was associated with a higher risk of binge "
    "eating. The condition is called “binge eating disorder” in the clinic. The results seemed "
    "to hold for boys as well. Researchers were happy to report that a regular breakfast helps. "
    "Dr. Mary Hollis was adamant about the value of sleep. That said, most people sleep too "
    "little, and a short night raises the hormones that make you hungry the next day. A food "
    "diary helps too: writing down what you eat and how you feel makes the habits easy to see. "
    "Drinking water before a meal fills the stomach, and fibre from oats, beans and vegetables "
    "keeps the feeling of fullness for hours. We found no evidence that sugar helps. Exercise lowers stress, and a walk after dinner "
    "is a good start for anyone who finds the gym too much. The team plans to repeat the study "
    "with adults next year, with a larger group and a longer time of follow-up in the clinic."
)


def test_outside_public_affairs_findings_and_stances_stay(nlp: Language) -> None:
    doc = nlp(SCIENCE)
    assert not public_affairs(doc)
    found = {a.cue.text: a for a in extensions.results(doc, "cg_attributions") if a.cue is not None}
    assert found["found"].source is not None and found["found"].source.text == "One study in 496 girls"
    assert found["adamant about"].source is not None  # a stance, not a feeling
    assert found["found no evidence"].source is not None  # a finding, not a sight
    # a name given, the writer's hedge, a feeling, a turn of phrase and a plan are no claims
    for word in ("called", "seemed", "happy", "said", "plans"):
        assert word not in found, word


def test_a_word_the_lemmatizer_missed_is_read_by_its_bare_forms() -> None:
    """When the lemmatizer slips ("hop" for "hoped"), the wish words are looked up by the
    forms an -ing or -ed word can come from."""
    assert "want" in stems("wanting") and "hope" in stems("hoping")
    assert "want" in stems("wanted") and "hope" in stems("hoped")
    assert stems("said") == ()
