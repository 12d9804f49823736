"""The scorers and readers behind `eval stories` and `eval copies`."""

import random
from pathlib import Path

from claimgraph.evaluate.clusters import agglomerative, b_cubed
from claimgraph.evaluate.ecbplus_news import read_document
from claimgraph.evaluate.syndication import republish, straighten

ARTICLE = """Senate passes the budget after a long night

The Senate passed the budget early on Friday after a night of debate, sending it to the House.

“We did our job,” the majority leader said, adding that the House should act quickly.

Democrats said the bill cut too deeply into health programs and vowed to fight it.

The House is expected to vote next week, aides said, though the date is not set."""


def test_b_cubed_charges_a_merge_in_proportion_to_the_documents_it_misplaces():
    gold = {"a1": "A", "a2": "A", "b1": "B"}
    p_sum, r_sum, n = b_cubed(gold, {"a1": 1, "a2": 1, "b1": 1})
    assert (round(p_sum / n, 4), r_sum / n) == (round((2 / 3 * 2 + 1 / 3) / 3, 4), 1.0)
    assert b_cubed(gold, {"a1": 1, "a2": 1, "b1": 2}) == (3.0, 3.0, 3)


def test_the_baseline_puts_two_texts_on_one_subject_together_and_a_third_apart():
    texts = ["quake hits taiwan hualien hotel collapses", "taiwan quake hualien hotel rescuers",
             "senate passes budget bill vote"]
    labels = agglomerative(texts, 0.8)
    assert labels[0] == labels[1] != labels[2]


def test_a_copy_is_made_with_at_least_two_changes_and_the_same_seed_makes_the_same_copy():
    first = republish(ARTICLE, random.Random(7))
    assert first == republish(ARTICLE, random.Random(7))
    assert len(first[1]) >= 2 and first[0] != ARTICLE


def test_straightened_quotes_are_plain_ascii():
    assert straighten("“We did,” he said, ‘twice’") == "\"We did,\" he said, 'twice'"


def test_an_ecbplus_document_becomes_text_with_its_headline_and_token_offsets(tmp_path: Path):
    tokens = ["http", ":", "/", "/", "x", ".", "com", "Quake", "hits", "``", "Hualien", "''",
              "Reid", "'s", "rep", "said", "."]
    sentences = [0] * 7 + [1] * 5 + [2] * 5
    xml = "".join(f'<token t_id="{i + 1}" sentence="{s}">{t}</token>'
                  for i, (t, s) in enumerate(zip(tokens, sentences, strict=True)))
    path = tmp_path / "3_7ecbplus.xml"
    path.write_text(f'<Document doc_name="3_7ecbplus.xml">{xml}</Document>')
    doc = read_document(path)
    assert (doc.url, doc.title, doc.subtopic) == ("http://x.com", 'Quake hits "Hualien"', "3b")
    assert doc.text == 'Quake hits "Hualien"\nReid\'s rep said.'
    start, end = doc.tokens["11"]
    assert doc.text[start:end] == "Hualien"
