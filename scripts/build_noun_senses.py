"""Build ``data/events/noun_senses.tsv.gz``: what kind of thing each English noun's senses name.

The event-mention model (``claimgraph.extract.events.mentions``) must tell an event noun ("an
earthquake", "the merger") from a thing ("the island") for nouns its training data never saw;
WordNet's lexicographer files say it: a noun sense filed under ``noun.act``, ``noun.event``,
``noun.phenomenon`` or ``noun.process`` is a happening. For every single-word noun with at least
one such sense, the table keeps the file of its most frequent sense and the share of its senses
that are happenings ("earthquake": noun.event, 1.0; "island": not listed).

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
NOTICE = """# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. (WordNet 3.0 license; derived table, see scripts/build_noun_senses.py)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    files: dict[str, int] = {}
    with (args.wordnet / "data.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith(" "):
                offset, lexfile = line.split(" ", 2)[:2]
                files[offset] = int(lexfile)
    rows = []
    with (args.wordnet / "index.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma = parts[0]
            if "_" in lemma or not lemma.isalpha() or lemma.lower() != lemma:
                continue
            count = int(parts[2])
            kinds = [LEXNAMES.get(files[o], "?") for o in parts[-count:]]
            share = sum(k in HAPPENINGS for k in kinds) / len(kinds)
            if share > 0:
                rows.append(f"{lemma}\t{kinds[0]}\t{share:.2f}\n")
    text = NOTICE + "# lemma\tfile of the most frequent sense\tshare of senses that are happenings\n"
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write((text + "".join(rows)).encode("utf-8"))  # mtime 0: the same bytes each run
    print(f"{len(rows)} nouns -> {args.out}")


if __name__ == "__main__":
    main()
