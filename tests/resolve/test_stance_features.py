"""What the stance model reads of a pair: shared wording, cue words near it, key sentences."""

from __future__ import annotations

from claimgraph.resolve.stance_features import NAMES, Featurizer, key_sentences, stem, tokens

CLAIM = "Spider burrowed into tourist's stomach"
TEXT = ("Doctors in Lima treated a man on Friday. "
        "The story of a spider that burrowed into a tourist's stomach is a hoax, they said. "
        "He had a skin rash. "
        "No spider was found in his stomach.")


def test_two_forms_of_a_word_share_a_stem() -> None:
    assert stem("denied") == stem("denies")
    assert stem("reports") == stem("reported") == "report"


def test_a_possessive_is_its_noun() -> None:
    assert tokens("The tourist's stomach didn't hurt") == ["the", "tourist", "stomach", "didn't", "hurt"]


def test_key_sentences_are_those_sharing_the_claims_words_in_text_order() -> None:
    assert key_sentences(CLAIM, TEXT, 2) == (
        "The story of a spider that burrowed into a tourist's stomach is a hoax, they said. "
        "No spider was found in his stomach.")


def test_a_denying_word_near_the_claims_words_is_counted() -> None:
    features = dict(zip(NAMES, Featurizer({}, 1.0).features(CLAIM, TEXT), strict=True))
    assert features["refute_near"] == 1.0  # "hoax", beside "stomach"
    assert features["shared"] == 1.0
    assert features["refute_claim"] == 0
