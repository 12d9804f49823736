"""Build ``data/events/noun_senses.tsv.gz`` and ``noun_kinds.tsv.gz``: what kind of thing each
English noun's senses name.

The event-mention model (``claimgraph.extract.events.mentions``) must tell an event noun ("an
earthquake", "the merger") from a thing ("the island") for nouns its training data never saw;
WordNet's lexicographer files say it: a noun sense filed under ``noun.act``, ``noun.event``,
``noun.phenomenon`` or ``noun.process`` is a happening. For every single-word noun with at least
one such sense, the table keeps the file of its most frequent sense and the share of its senses
that are happenings ("earthquake": noun.event, 1.0; "island": not listed).

The event coder (``claimgraph.extract.events.agency``) must tell a noun that can act — a person
or a group: "the doctors", "police", "the committee" — from one that cannot ("the bond", "the
plague", "the evidence"): ``noun_kinds.tsv.gz`` keeps, for every single-word noun, the file of its
most frequent sense, the rank (1 = most frequent) of its first sense filed under ``noun.person``
or ``noun.group``, 0 when it has none ("administration": 2, the persons who run something, after
the act of running it; "letter": 3; "evidence": 0), and the files of its three most frequent
senses, for the word sense of a trigger by what it acts on
(``claimgraph.extract.events.sense``: "released *prisoners*", a person, not "released *a
letter*", a communication).

The word sense of a PLOVER trigger (``claimgraph.extract.events.mentions.nobodys_act``) must tell
a force of nature from a party: "the quake struck", "a storm killed five" are no one's act, while
"the explosion wounded two" may be a bomb's. ``natural_nouns.tsv.gz`` lists the nouns whose most
frequent sense descends (by hypernyms) from ``natural_phenomenon`` ("earthquake", "storm",
"flood"; not "explosion", "fire").

Source: WordNet 3.0 as Debian's ``wordnet-base`` package installs it (``apt-get install
wordnet-base``; /usr/share/wordnet). Run from the repository root::

    .venv/bin/python scripts/build_noun_senses.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/claimgraph/data/events/noun_senses.tsv.gz"
#: WordNet's noun lexicographer files, by number (WordNet's ``lexnames``)
LEXNAMES = {
    3: "Tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
    10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location",
    16: "motive", 17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession",
    22: "process", 23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance",
    28: "time",
}
HAPPENINGS = {"act", "event", "phenomenon", "process"}
AGENTS = {"person", "group"}
KINDS_OUT = OUT.with_name("noun_kinds.tsv.gz")
#: how many of a noun's most frequent senses ``noun_kinds`` lists the files of
TOP_SENSES = 3
NATURAL_OUT = OUT.with_name("natural_nouns.tsv.gz")
#: the synset whose descendants are forces of nature
NATURAL_ROOT = "natural_phenomenon"
NOTICE = """# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. (WordNet 3.0 license; derived table, see scripts/build_noun_senses.py)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--kinds-out", type=Path, default=KINDS_OUT)
    parser.add_argument("--natural-out", type=Path, default=NATURAL_OUT)
    args = parser.parse_args()
    files: dict[str, int] = {}
    hypernyms: dict[str, list[str]] = {}
    with (args.wordnet / "data.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith(" "):
                offset, lexfile = line.split(" ", 2)[:2]
                files[offset] = int(lexfile)
                hypernyms[offset] = _hypernyms(line)
    roots: set[str] = set()
    rows, kind_rows = [], []
    firsts: list[tuple[str, str]] = []
    with (args.wordnet / "index.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma = parts[0]
            if lemma == NATURAL_ROOT:
                roots = set(parts[-int(parts[2]):])
            if "_" in lemma or not lemma.isalpha() or lemma.lower() != lemma:
                continue
            count = int(parts[2])
            kinds = [LEXNAMES.get(files[o], "?") for o in parts[-count:]]
            share = sum(k in HAPPENINGS for k in kinds) / len(kinds)
            if share > 0:
                rows.append(f"{lemma}\t{kinds[0]}\t{share:.2f}\n")
            agent = next((i for i, k in enumerate(kinds, 1) if k in AGENTS), 0)
            kind_rows.append(f"{lemma}\t{kinds[0]}\t{agent}\t{','.join(kinds[:TOP_SENSES])}\n")
            firsts.append((lemma, parts[-count]))
    _write(args.out, "share of senses that are happenings", rows)
    _write(args.kinds_out, "rank of the first sense that is a person or group (0: none)\t"
           f"files of the {TOP_SENSES} most frequent senses", kind_rows)
    natural_rows = [f"{lemma}\n" for lemma, first in firsts if _descends(first, roots, hypernyms)]
    with args.natural_out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        header = NOTICE + f"# nouns whose most frequent sense is a {NATURAL_ROOT}\n"
        out.write((header + "".join(natural_rows)).encode("utf-8"))
    print(f"{len(natural_rows)} nouns -> {args.natural_out}")


def _hypernyms(line: str) -> list[str]:
    """The hypernyms' offsets of one ``data.noun`` synset line ("@" and instance "@i")."""
    fields = line.split("|")[0].split()
    words = int(fields[3], 16)
    at = 4 + 2 * words
    pointers = fields[at + 1 : at + 1 + 4 * int(fields[at])]
    return [pointers[i + 1] for i in range(0, len(pointers), 4) if pointers[i] in ("@", "@i")]


def _descends(offset: str, roots: set[str], hypernyms: dict[str, list[str]]) -> bool:
    seen: set[str] = set()
    stack = [offset]
    while stack:
        node = stack.pop()
        if node in roots:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(hypernyms.get(node, []))
    return False


def _write(path: Path, last: str, rows: list[str]) -> None:
    text = NOTICE + f"# lemma\tfile of the most frequent sense\t{last}\n"
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write((text + "".join(rows)).encode("utf-8"))  # mtime 0: the same bytes each run
    print(f"{len(rows)} nouns -> {path}")


if __name__ == "__main__":
    main()
