"""The hand-read check of issue 13: list every PLOVER-coded event of chosen real news pages, with
its sentence, for a person to judge (type, actor and target all right, or not).

The pages are the hand-made bodies of ``article-extraction-benchmark`` (``ground-truth.json``;
nobody here wrote them). Named sets follow ``docs/quality.md`` ("the hand-read check"): ``design``
(the first nine of the eighteen pages), ``confirm`` (the other nine), ``second`` (the six pages of
the second reading), ``design-np`` and ``confirm-np`` (pages outside politics: sports, business,
markets, entertainment), ``design-np2`` and ``confirm-np2`` (a second such reading: sports, tech,
business, science); or give id prefixes. Each event is printed as one block::

    [c7e39ac4 1234] ASSAULT  actor='police' (GBR/COP)  target='protesters'  (positive)
        trigger 'fired' in: Police fired tear gas at protesters ...

Judgements are the reader's: ``--verdicts FILE`` (tab-separated: page, trigger start, type,
actor, target, verdict ``y`` or ``n``) shows a verdict already given to the same event beside it
and counts them, so a change is judged by reading only the events it adds or alters; ``--write``
appends the events not yet judged to FILE with an empty verdict, to fill in by hand.

Run from the repository root::

    .venv/bin/python scripts/hand_read.py design --verdicts /tmp/verdicts.tsv
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimgraph.analyze import analyze_documents
from claimgraph.ingest.readers import read_jsonl
from claimgraph.record import Actor, Record

BENCHMARK = Path("../shared/evaldata/article-extraction-benchmark/ground-truth.json")
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
}


def _pages(names: list[str], benchmark: Path) -> list[tuple[str, str]]:
    """(short id, text) of each page named: a set, an id prefix, or a plain text file."""
    files = [Path(name) for name in names if Path(name).is_file()]
    pages = [(path.stem[:24], path.read_text(encoding="utf-8")) for path in files]
    truth = json.loads(benchmark.read_text(encoding="utf-8"))
    prefixes = [p for name in names if Path(name) not in files for p in SETS.get(name, name).split()]
    return pages + [(key[:8], truth[key]["articleBody"]) for prefix in prefixes
                    for key in sorted(truth) if key.startswith(prefix)]


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.text!r}" + (f" ({code})" if code else "")


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
    args = parser.parse_args()
    pages = _pages(args.pages, args.benchmark)
    lines = "\n".join(json.dumps({"id": page, "text": body}) for page, body in pages)
    items = list(read_jsonl(lines.encode("utf-8"), "hand-read", None))
    verdicts: dict[tuple[str, ...], str] = {}
    if args.verdicts and args.verdicts.exists():
        for row in args.verdicts.read_text(encoding="utf-8").splitlines():
            cells = row.split("\t")
            if len(cells) == 6:
                verdicts[tuple(cells[:5])] = cells[5]
    counts = {"y": 0, "n": 0, "?": 0}
    unjudged: list[tuple[str, ...]] = []
    for (page, _), record in zip(pages, analyze_documents(items), strict=True):
        if not isinstance(record, Record):
            print(f"[{page}] failed: {record}")
            continue
        for event in record.events:
            if event.type is None:
                continue
            key = _key(page, event.trigger.start, event.type, _actor(event.actor),
                       _actor(event.target))
            verdict = verdicts.get(key, "") or "?"
            counts[verdict if verdict in counts else "?"] += 1
            if verdict == "?":
                unjudged.append(key)
            if args.new and verdict != "?":
                continue
            print(f"[{page} {event.trigger.start}] {verdict} {event.type}  actor={key[3]}  "
                  f"target={key[4]}  ({event.polarity}, {event.certainty}, {event.tense})")
            sentence = _sentence(record.text, event.trigger.start, event.trigger.end)
            print(f"    trigger {event.trigger.text!r} in: {sentence}")
    total = sum(counts.values())
    print(f"\ncoded {total}: right {counts['y']}, wrong {counts['n']}, not judged {counts['?']}")
    if args.write and args.verdicts and unjudged:
        with args.verdicts.open("a", encoding="utf-8") as handle:
            handle.writelines("\t".join(key) + "\t\n" for key in unjudged)


if __name__ == "__main__":
    main()
