"""Event coding logic scored on the PETRARCH-2 unit tests (openeventdata/petrarch2).

``PETR.UnitTest.records.xml`` holds ~280 stylised sentences, each with the CAMEO event codes
PETRARCH must produce. We map each gold CAMEO code to PLOVER through our
``data/events/cameo_plover.tsv`` and compare with the events we code:

- only sentences with at least one gold code that maps to a PLOVER category count: codes of the
  unit-test dictionary that are not CAMEO (``902``, ``174K``, WEIS-era ``22x``) and CAMEO 01
  statements have no PLOVER category; "noevents" and "error" records are skipped;
- ``type_accuracy``: our main event's type is one of the sentence's gold types;
- ``any_type_accuracy``: one of our events has one of the gold types;
- ``actor_country_accuracy``: over gold sources whose first three letters are a real ISO 3166
  alpha-3 code that our actor dictionary finds named in the sentence (most unit-test actors are
  fictional: Gondor, Mordor; "Eriador" is coded ERI, Eritrea's code), our main actor's country
  is one of them.

Caveat, by design of the test suite: its verb dictionary is a toy one whose codes are partly WEIS,
not CAMEO ("restore full diplomatic ties" is coded 064 there), so this measures agreement with
PETRARCH's test conventions as much as coding quality. Baseline: the most frequent gold type, and
the first country named as the actor.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pycountry

from claimgraph.evaluate.scoring import Counts, Report
from claimgraph.extract.events.actors import find_actor_mentions
from claimgraph.extract.events.coder import main_event
from claimgraph.extract.events.lexicon import load as load_lexicon

TASK = "petrarch"
DEFAULT_DATA = "petrarch2-validation/petrarch2/data/text/PETR.UnitTest.records.xml"
CAMEO_CODE = re.compile(r"^(0[2-9]|1\d|20)\d{1,2}$")


def load(data: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(id, text, [(cameo code, source code)]) per unit-test sentence."""
    path = data if data.is_file() else data / "PETR.UnitTest.records.xml"
    root = ET.parse(path).getroot()
    out = []
    for sentence in root.iter("Sentence"):
        text_node = sentence.find("Text")
        if text_node is None or not text_node.text:
            continue
        codings = [(e.get("eventcode", ""), e.get("sourcecode", ""))
                   for e in sentence.findall("EventCoding")
                   if e.get("eventcode") and not e.get("noevents") and not e.get("error")]
        out.append((sentence.get("id", ""), " ".join(text_node.text.split()), codings))
    return out


def _is_country(code: str) -> bool:
    return len(code) >= 3 and pycountry.countries.get(alpha_3=code[:3].upper()) is not None


def evaluate(data: Path, *, limit: int | None = None) -> Report:
    from claimgraph.nlp import pipeline

    lexicon = load_lexicon()
    items = []
    for sid, text, codings in load(data):
        gold = {t for code, _ in codings if CAMEO_CODE.match(code)
                and (t := lexicon.plover(code))}
        if gold:
            sources = {src[:3] for code, src in codings if _is_country(src)}
            items.append((sid, text, gold, sources))
    if limit:
        items = items[:limit]
    nlp = pipeline.default_pipeline(only=("events",))
    report = Report(TASK, str(data), documents=len(items))
    baseline = Report(TASK, str(data), documents=len(items))
    majority = Counter(t for _, _, gold, _ in items for t in gold).most_common(1)
    majority_type = majority[0][0] if majority else None
    confusions: Counter[str] = Counter()

    def add(rep: Report, name: str, ok: bool) -> None:
        right, total = rep.values.get(name, (0, 0))
        rep.values[name] = (right + int(ok), total + 1)

    docs = pipeline.parse(nlp, ((text, None) for _, text, _, _ in items))
    for (_, _, gold, sources), doc in zip(items, docs, strict=True):
        events = list(doc._.cg_events or [])
        main = main_event(doc, events)
        found = {e.type for e in events if e.type}
        add(report, "type_accuracy", main is not None and main.type in gold)
        add(report, "any_type_accuracy", bool(found & gold))
        mentions = find_actor_mentions(doc)
        named = {m.code for m in mentions.values()}
        sources = sources & named  # "Eriador" has code ERI (Eritrea's): only real names count
        if sources:
            country = main.actor.country if main and main.actor else None
            add(report, "actor_country_accuracy", country in sources)
            # the baseline's actor: the first country named (leaders aside), as in ``events``
            first = next((mentions[i].code for i in sorted(mentions)
                          if mentions[i].kind != "leader"), None)
            add(baseline, "actor_country_accuracy", first in sources)
        report.counts["types"] = report.counts.get("types", Counts()) + Counts(
            tp=len(found & gold), fp=len(found - gold), fn=len(gold - found))
        if main is None or main.type not in gold:
            confusions[f"{'/'.join(sorted(gold))}->{main.type if main else 'none'}"] += 1
        add(baseline, "type_accuracy", majority_type in gold)
        add(baseline, "any_type_accuracy", majority_type in gold)
    report.baseline = baseline
    report.notes = {"majority_type": majority_type, "confusions": dict(confusions.most_common(15))}
    return report
