"""The attribution knowledge files are well formed (claimgraph/data/attribution)."""

from __future__ import annotations

from claimgraph.extract.attribution.cues import ANY_FRAME, REFINEMENTS
from claimgraph.extract.attribution.frames import FRAMES
from claimgraph.extract.attribution.lexicon import FOLDER, TYPES, lexicon
from claimgraph.knowledge import lines
from claimgraph.record import SOURCE_KINDS


def _data_lines(name: str) -> list[str]:
    return lines(f"{FOLDER}/{name}")


def _keys(name: str) -> list[str]:
    return [line.split("\t")[0] for line in _data_lines(name)]


def test_cue_verbs_are_lemmas_with_a_known_type() -> None:
    for line in _data_lines("cue_verbs.tsv"):
        lemma, kind, *flags = line.split("\t")
        assert flags in ([], ["sourceless"]), line
        assert lemma == lemma.strip().lower() and " " not in lemma, line
        assert kind in TYPES, line


def test_cue_verbs_have_no_duplicates() -> None:
    keys = _keys("cue_verbs.tsv")
    assert len(keys) == len(set(keys))


def test_cue_model_rows_are_counts_of_known_frames() -> None:
    rows = lexicon().cue_counts
    assert len(rows) > 500
    for (lemma, pos, frame), (cues, seen) in rows.items():
        assert lemma and pos in ("VERB", "NOUN", "ADJ", "ADP", "PUNCT"), (lemma, pos)
        # a frame, or a refinement of one: "dobj|word=issue", "ccomp|subj=person", "ccomp|tag=VBD"
        base, _, refinement = frame.partition("|")
        assert base in (*FRAMES, ANY_FRAME), frame
        assert not refinement or refinement.partition("=")[0] in REFINEMENTS, frame
        assert 0 <= cues <= seen and seen > 0, (lemma, pos, frame)
    # the most common cue of news is learned as one
    assert rows[("say", "VERB", "ccomp")][0] / rows[("say", "VERB", "ccomp")][1] > 0.8
    # and the object changes a verb's sense: "take issue with" attributes, "take place" never
    issue, place = rows[("take", "VERB", "dobj|word=issue")], rows[("take", "VERB", "dobj|word=place")]
    assert issue[0] / issue[1] > 0.5 and place[0] == 0


def test_source_kinds_are_contract_kinds() -> None:
    keys = _keys("source_kinds.tsv")
    assert len(keys) == len(set(keys))
    for line in _data_lines("source_kinds.tsv"):
        noun, kind, generic = line.split("\t")
        assert noun == noun.lower() and kind in SOURCE_KINDS and generic in ("yes", "no"), line


def test_speaker_kinds_are_contract_kinds_the_cue_model_does_not_read() -> None:
    keys = _keys("speaker_kinds.tsv")
    assert len(keys) == len(set(keys))
    # the cue model's features read source_kinds.tsv: a noun listed in both would be read twice
    assert not set(keys) & set(lexicon().source_kinds)
    for line in _data_lines("speaker_kinds.tsv"):
        noun, kind = line.split("\t")
        assert noun == noun.lower() and " " not in noun and kind in SOURCE_KINDS, line


def test_hedges_and_anonymity_markers_are_unique_lower_case_phrases() -> None:
    for name in ("hedges.txt", "anonymity.txt"):
        lines = [line.strip() for line in _data_lines(name)]
        assert len(lines) == len(set(lines)), name
        for line in lines:
            assert line == line.lower() and "\t" not in line, (name, line)
            assert line.removesuffix("#").strip(), (name, line)


def test_word_lists_are_unique_single_words() -> None:
    for name, lower in (("hearsay.txt", True), ("speech_acts.txt", True), ("outlet_words.txt", False)):
        words = [line.strip() for line in _data_lines(name)]
        assert len(words) == len(set(words)), name
        for word in words:
            assert " " not in word and "\t" not in word, (name, word)
            assert word == word.lower() if lower else word[:1].isupper(), (name, word)


def test_every_hearsay_word_is_a_hedge_too() -> None:
    lex = lexicon()
    assert lex.hearsay and lex.hearsay <= set(lex.hedges)


def test_lexicon_loads_every_file() -> None:
    lex = lexicon()
    assert lex.cue_types["say"] == "indirect"
    assert lex.cue_types["accord"] == "according_to"
    assert "reportedly" in lex.hedges
    assert "about #" in lex.hedges  # an approximator, from number_modifiers.tsv
    assert len(lex.hedges) == len(set(lex.hedges))  # each hedge written down once
    assert "familiar with" in lex.anonymity
    assert lex.source_kinds["official"] == ("government", True)


def test_cue_weights_are_finite_and_name_known_features() -> None:
    import math

    from claimgraph.extract.attribution.classifier import BIAS, RATE_FEATURE, SHIFT_PREFIX, weights

    w = weights()
    assert BIAS in w and RATE_FEATURE in w
    assert w[RATE_FEATURE] > 0, "a higher lexical rate must mean a likelier cue"
    for kind in REFINEMENTS:  # a refinement that raises the rate must raise the cue's odds
        assert w[SHIFT_PREFIX + kind] > 0, kind
    prefixes = (
        "frame=", "dep=", "tag=", "subj=", "subj|frame=", "dep|frame=", "pos|frame=", "obj|frame=", "prep=",
        "lemma|subj=", "lemma|dep=", "head|dep=", "lemma|obj=", "obj=", "lemma|prep=",
        "content_size|frame=", "content_clause|frame=", "content_opens_with_name|frame=",
    )
    singles = {
        BIAS, RATE_FEATURE, *(SHIFT_PREFIX + kind for kind in REFINEMENTS), "listed", "negated", "modal", "that_clause", "headline", "colon_opens_line",
        "content_pronoun",
    }
    for name, value in w.items():
        assert math.isfinite(value), name
        assert name in singles or name.startswith(prefixes), name


def test_wishes_are_unique_lemmas_of_a_known_kind() -> None:
    rows = [line.split("\t") for line in _data_lines("wishes.tsv")]
    lemmas = [row[0] for row in rows]
    assert len(lemmas) == len(set(lemmas))
    for lemma, kind in rows:
        assert lemma == lemma.lower() and " " not in lemma and kind in ("intent", "plan", "feeling", "perception"), lemma
