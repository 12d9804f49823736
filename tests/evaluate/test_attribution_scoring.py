"""The PolNeAR reader and the attribution match rules, on hand-written brat snippets."""

from __future__ import annotations

from claimgraph.evaluate.attribution import GoldAttribution, dice, read_ann, score_document

ANN = (
    "T1\tSource 0 2\the\n"
    "T2\tCue 3 7\tsaid\n"
    "T3\tContent 8 20;25 30\tthe war ends ... today\n"
    "T4\tAttribution 3 7\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 40 52\taccording to\n"
    "T6\tContent 60 80\tprices will rise\n"
    "T7\tAttribution-no-source 40 52\taccording to\n"
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    "T8\tDiscuss 90 95\tnote\n"
)


def chars(start: int, end: int) -> frozenset[int]:
    return frozenset(range(start, end))


def test_reader_joins_discontinuous_spans_and_keeps_sourceless_attributions() -> None:
    first, second = read_ann(ANN)
    assert first.source == chars(0, 2)
    assert first.content == chars(8, 20) | chars(25, 30)
    assert second.source == frozenset() and second.cue == chars(40, 52)


def test_dice() -> None:
    assert dice(chars(0, 10), chars(0, 10)) == 1.0
    assert dice(chars(0, 10), chars(5, 15)) == 0.5
    assert dice(chars(0, 10), chars(20, 30)) == 0.0


def test_whole_attribution_needs_content_dice_and_source_overlap() -> None:
    gold = [GoldAttribution(chars(0, 2), chars(3, 7), chars(8, 30))]
    right = GoldAttribution(chars(0, 1), chars(3, 7), chars(8, 28))
    wrong_source = GoldAttribution(chars(40, 45), chars(3, 7), chars(8, 28))
    short_content = GoldAttribution(chars(0, 2), chars(3, 7), chars(8, 10))
    assert score_document(gold, [right])["whole"].tp == 1
    counts = score_document(gold, [wrong_source])
    assert counts["whole"].tp == 0 and counts["content"].tp == 1 and counts["source"].tp == 0
    counts = score_document(gold, [short_content])
    assert counts["content"].tp == 0 and counts["cue"].tp == 1


def test_both_sources_absent_is_a_match() -> None:
    gold = [GoldAttribution(frozenset(), chars(0, 5), chars(10, 20))]
    assert score_document(gold, [GoldAttribution(frozenset(), chars(0, 3), chars(10, 20))])["whole"].tp == 1
    assert score_document(gold, [GoldAttribution(chars(30, 33), chars(0, 3), chars(10, 20))])["whole"].tp == 0


def test_each_gold_item_matches_once() -> None:
    gold = [GoldAttribution(chars(0, 2), chars(3, 7), chars(8, 30))]
    twice = [GoldAttribution(chars(0, 2), chars(3, 7), chars(8, 30))] * 2
    counts = score_document(gold, twice)
    assert (counts["whole"].tp, counts["whole"].fp, counts["whole"].fn) == (1, 1, 0)


def test_breakdown_says_why_each_gold_attribution_was_missed() -> None:
    """The report's confusion and error counts: a right attribution, one with the right cue but
    a short content, one never found, and a false cue inside a gold content."""
    from collections import Counter

    from claimgraph.evaluate.attribution import Article, _breakdown
    from claimgraph.record import Attribution, Source, span_of

    text = (
        'Kyiv said "the bridge fell" on Monday. Moscow denied that its troops shelled the port. '
        "Officials believe the talks will fail."
    )

    def at(word: str, after: int = 0) -> tuple[int, int]:
        start = text.index(word, after)
        return start, start + len(word)

    def gold(source: str, cue: str, content: str) -> GoldAttribution:
        return GoldAttribution(chars(*at(source)), chars(*at(cue)), chars(*at(content)))

    def found(kind: str, source: str, cue: str, content: str) -> Attribution:
        return Attribution(
            id=cue, type=kind,  # type: ignore[arg-type]
            source=Source(*at(source), source), cue=span_of(text, *at(cue)), content=span_of(text, *at(content)),
        )

    article = Article("t", text, (
        gold("Kyiv", "said", '"the bridge fell"'),
        gold("Moscow", "denied", "that its troops shelled the port"),
        gold("Officials", "believe", "the talks will fail"),
    ))
    predicted = [
        found("direct", "Kyiv", "said", '"the bridge fell"'),
        found("indirect", "Moscow", "denied", "the port"),  # right cue, content too short
        found("indirect", "its troops", "shelled", "the port"),  # inside Moscow's content
    ]
    confusion: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    _breakdown(article, predicted, confusion, errors)
    assert confusion == {"direct -> direct": 1, "indirect -> indirect": 1}
    assert errors == {
        "missed: content boundary": 1,
        "missed: cue not found": 1,
        "false cue: inside a gold content": 1,
    }
