"""The hand-read checks of issues 12 and 13: list every PLOVER-coded event (or, with
``--attributions``, every attribution) of chosen real news pages, for a person to judge.

The pages are the hand-made bodies of ``article-extraction-benchmark`` (``ground-truth.json``;
nobody here wrote them). Named sets follow ``docs/quality.md`` ("the hand-read check"): ``design``
(the first nine of the eighteen pages), ``confirm`` (the other nine), ``second`` (the six pages of
the second reading), ``design-np`` and ``confirm-np`` (pages outside politics: sports, business,
markets, entertainment), ``design-np2`` and ``confirm-np2`` (a second such reading: sports, tech,
business, science); or give id prefixes, ``fnc:ID`` for a body of FNC-1's ``train_bodies.csv``
(real news of every kind; ``FNC_DESIGN`` lists the twelve the attribution cues were designed
on), or plain text files. Each event is printed as one block::

    [c7e39ac4 1234] ASSAULT  actor='police' (GBR/COP)  target='protesters'  (positive)
        trigger 'fired' in: Police fired tear gas at protesters ...

With ``--attributions`` each attribution is one block (is it speech or thought at all; is the
source the right entity, with the right name and kind; is the via right)::

    [c7e39ac4 1234] ? 'said'  source='Dmitry Peskov' (person)  via=['Reuters']  hedges=['may']
        content: The talks may resume next week
        in: The talks may resume next week, Kremlin spokesman Dmitry Peskov said, ...

Judgements are the reader's: ``--verdicts FILE`` (tab-separated: page, trigger or cue start, type or
cue, actor or source, target or via, verdict ``y`` or ``n``; a seventh cell is a note) shows a verdict already given to the same event beside it
and counts them, so a change is judged by reading only the events it adds or alters; ``--write``
appends the events not yet judged to FILE with an empty verdict, to fill in by hand.

Run from the repository root::

    .venv/bin/python scripts/hand_read.py design --verdicts /tmp/verdicts.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from claimgraph.analyze import analyze_documents
from claimgraph.ingest.readers import read_jsonl
from claimgraph.record import Actor, Attribution, Record, Source

BENCHMARK = Path("../shared/evaldata/article-extraction-benchmark/ground-truth.json")
FNC_BODIES = Path("../shared/evaldata/fnc-1/train_bodies.csv")
#: the FNC-1 bodies the attribution cues were designed on (issue 12, session 7): twelve drawn
#: with ``random.Random(12).sample`` from the sorted body ids
FNC_DESIGN = "fnc:30 fnc:461 fnc:827 fnc:842 fnc:1074 fnc:1155 fnc:1173 fnc:1458 fnc:1481 fnc:1628 fnc:2031 fnc:2054"
SETS = {
    "design": "06e5123e 0dd13570 2c46804d 432362af 624fcd90 6ebac05f 833caf3b 8b194530 abd9d629",
    "confirm": "c467d507 c58aa507 c7e39ac4 c90731f0 e372e42c e7301133 e7994d55 ea25dd7e ef4e67b6",
    "second": "82b6d780 8380689f 87bf6057 a6968f42 aec5deea e4c6a3b4",
    # pages outside politics and conflict (sports, business, markets, entertainment) and two
    # opinion pieces, the lead's independent read: design and confirmation halves
    "design-np": "08f79376 8634d121 04a6711c eb62ac84 05844573 8e3efab5 ef2b3f26 a078b365",
    "confirm-np": "42aad16b c13b9c0e 098bb3e9 65408257 ecb46e3e e1c7023e 8267acac c81e134e",
    # a second non-political reading (sports, tech, business, science), never read before
    # session 6: design and confirmation halves
    "design-np2": "06ee193d 232a43fb 287e4d9f 2f42ef1d 4648a420 63db31a1 65bf3048 680c2848 "
                  "6a72de37 851498a2 87438a0d 88c328b6",
    "confirm-np2": "aadb38e5 aade2ec8 ad826691 ad9e9e59 c00962aa c582d3b7 cc4aa22b e100c961 "
                   "e1cd54e5 e593d7fe e7d77f18 ec3878db ec7fc408",
    "fnc-design": FNC_DESIGN,
}


def _pages(names: list[str], benchmark: Path) -> list[tuple[str, str]]:
    """(short id, text) of each page named: a set, an id prefix, ``fnc:ID`` or a plain text
    file."""
    files = [Path(name) for name in names if Path(name).is_file()]
    pages = [(path.stem[:24], path.read_text(encoding="utf-8")) for path in files]
    truth = json.loads(benchmark.read_text(encoding="utf-8"))
    prefixes = [p for name in names if Path(name) not in files for p in SETS.get(name, name).split()]
    if any(p.startswith("fnc:") for p in prefixes):
        with FNC_BODIES.open(encoding="utf-8", newline="") as handle:
            bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
        pages += [(p, bodies[p[4:]]) for p in prefixes if p.startswith("fnc:")]
    return pages + [(key[:8], truth[key]["articleBody"]) for prefix in prefixes
                    if not prefix.startswith("fnc:") for key in sorted(truth) if key.startswith(prefix)]


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.text!r}" + (f" ({code})" if code else "")


def _source(source: Source | None) -> str:
    if source is None:
        return "-"
    return f"{source.canonical or source.text!r} ({source.kind})"


def _attribution_key(page: str, a: Attribution) -> tuple[str, ...]:
    """What a verdict on an attribution is kept under: a change to any of it asks again."""
    cue = a.cue.text if a.cue is not None else a.type
    via = ", ".join(_source(v) for v in a.via) or "-"
    return page, str(a.content.start if a.cue is None else a.cue.start), cue, _source(a.source), via


def _blocks(page: str, record: Record, attributions: bool) -> list[tuple[tuple[str, ...], str]]:
    """(verdict key, the lines to print after the verdict) of each item a page lists."""
    out: list[tuple[tuple[str, ...], str]] = []
    if attributions:
        for a in record.attributions:
            key = _attribution_key(page, a)
            hedges = f"  hedges={[h.text for h in a.hedges]}" if a.hedges else ""
            content = " ".join(a.content.text.split())
            at = a.cue or a.content
            out.append((key, f"{key[2]!r}  source={key[3]}  via=[{key[4]}]{hedges}  ({a.type})\n"
                             f"    content: {content[:160]}\n"
                             f"    in: {_sentence(record.text, at.start, at.end)[:400]}"))
        return out
    for event in record.events:
        if event.type is None:
            continue
        key = _key(page, event.trigger.start, event.type, _actor(event.actor), _actor(event.target))
        sentence = _sentence(record.text, event.trigger.start, event.trigger.end)
        out.append((key, f"{event.type}  actor={key[3]}  target={key[4]}  "
                         f"({event.polarity}, {event.certainty}, {event.tense})\n"
                         f"    trigger {event.trigger.text!r} in: {sentence}"))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0),
                default=len(text))
    return " ".join(text[left:right + 1].split())


def _key(page: str, start: int, kind: str, actor: str, target: str) -> tuple[str, ...]:
    return page, str(start), kind, actor, target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+",
                        help="set names (see SETS), id prefixes or text files")
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK)
    parser.add_argument("--verdicts", type=Path, help="tab-separated verdicts already given")
    parser.add_argument("--write", action="store_true", help="append unjudged events to --verdicts")
    parser.add_argument("--new", action="store_true", help="print only events with no verdict")
    parser.add_argument("--attributions", action="store_true",
                        help="list attributions (issue 12) instead of events")
    args = parser.parse_args()
    pages = _pages(args.pages, args.benchmark)
    lines = "\n".join(json.dumps({"id": page, "text": body}) for page, body in pages)
    items = list(read_jsonl(lines.encode("utf-8"), "hand-read", None))
    verdicts: dict[tuple[str, ...], str] = {}
    if args.verdicts and args.verdicts.exists():
        for row in args.verdicts.read_text(encoding="utf-8").splitlines():
            cells = row.split("\t")
            if len(cells) >= 6:
                verdicts[tuple(cells[:5])] = cells[5]
    counts = {"y": 0, "n": 0, "?": 0}
    unjudged: list[tuple[str, ...]] = []
    for (page, _), record in zip(pages, analyze_documents(items), strict=True):
        if not isinstance(record, Record):
            print(f"[{page}] failed: {record}")
            continue
        for key, lines in _blocks(page, record, args.attributions):
            verdict = verdicts.get(key, "") or "?"
            counts[verdict if verdict in counts else "?"] += 1
            if verdict == "?":
                unjudged.append(key)
            if args.new and verdict != "?":
                continue
            print(f"[{page} {key[1]}] {verdict} {lines}")
    total = sum(counts.values())
    print(f"\n{'attributions' if args.attributions else 'coded'} {total}: right {counts['y']}, wrong {counts['n']}, not judged {counts['?']}")
    if args.write and args.verdicts and unjudged:
        with args.verdicts.open("a", encoding="utf-8") as handle:
            handle.writelines("\t".join(key) + "\t\n" for key in unjudged)


if __name__ == "__main__":
    main()
