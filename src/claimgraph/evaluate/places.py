"""Score ``claimgraph_places_v1`` end to end on GeoWebNews and LGL (Gritta et al. 2019's release).

``--data`` names either corpus file (or a folder holding it): ``GWN.xml`` (GeoWebNews, 200 web
news articles, fine-grained toponym types) or ``Corpora/lgl.xml`` (LGL, 588 US local news
articles). The pipeline runs on the raw article text; gold toponyms are those the annotators
geocoded (they have coordinates), minus GeoWebNews' ``Embedded_Non_Lit`` (a place name inside
another name: "Washington" in "The Washington Post" is not a place mention). Places we find
over gold annotations that are not geocoded (demonyms used as nouns, languages, homonyms,
embedded names) are neither right nor wrong: they are left out of precision.

- ``accuracy_161km``: of all gold toponyms, how many we found (span overlap) *and* placed
  within 161 km (100 miles) of the gold coordinates — a gold toponym not found is a miss;
- ``resolution_161km``: of the gold toponyms we found, how many were placed within 161 km;
- ``span`` (exact offsets) and ``overlap`` P/R/F1 of the place spans.

Documents fall in two fixed halves by a hash of their name (:func:`~.scoring.fold_of`): rules
are designed looking at half "a", half "b" checks them. Each report carries both halves'
accuracies (``fold_a.accuracy_161km``, ...); ``fold="b"`` scores one half alone.

The baseline is spaCy's GPE entities, each geocoded to the most populous gazetteer place of
that name: no context, no demonyms, no metonyms, no regions preferred over towns.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.evaluate.scoring import (
    FOLDS,
    Counts,
    Report,
    add_folds,
    check_fold,
    fold_of,
    merge_reports,
)
from claimgraph.record import Place

TASK = "places"
DEFAULT_DATA = "geoparsing-pragmatic-guide/data/GWN.xml"
#: the distance within which a place counts as right (100 miles, the field's convention)
KM = 161.0
#: GeoWebNews types that are not place mentions of their own
NOT_SCORED = {"Embedded_Non_Lit"}


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None
    phrase: str = ""  # the name as the gold file writes it (a check on the offsets)


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    toponyms: list[Toponym]  # scored: geocoded by the annotators
    ignored: list[Toponym] = field(default_factory=list)  # annotated, but not scored


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def read_gwn(path: Path) -> list[GoldDoc]:
    """GeoWebNews' ``GWN.xml``: ``<article file=..><text>`` and ``<toponym>`` with types."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        doc = GoldDoc(article.get("file", ""), text, [])
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            top = Toponym(start, end, text[start:end], t.findtext("type") or "",
                          _float(t.findtext("latitude")), _float(t.findtext("longitude")),
                          t.findtext("extractedName") or "")
            if top.lat is not None and top.lon is not None and top.type not in NOT_SCORED:
                doc.toponyms.append(top)
            elif top.type not in ("Literal_Expression", "Non_Lit_Expression", "Non_Toponym"):
                doc.ignored.append(top)
        docs.append(doc)
    return docs


def read_lgl(path: Path) -> list[GoldDoc]:
    """LGL (Lieberman et al. 2010) as ``lgl.xml``: toponyms with a GeoNames ``gaztag``."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        doc = GoldDoc(article.get("docid", ""), text, [])
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gaz = t.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            fclass = gaz.findtext("fclass") if gaz is not None else None
            top = Toponym(start, end, text[start:end], fclass or "?", lat, lon,
                          t.findtext("phrase") or "")
            (doc.toponyms if lat is not None and lon is not None else doc.ignored).append(top)
        docs.append(doc)
    return docs


def corpus_file(data: Path) -> Path:
    """The corpus file behind ``--data``: the file itself, or GWN.xml / lgl.xml in a folder."""
    if data.is_file():
        return data
    for candidate in ("GWN.xml", "lgl.xml", "Corpora/lgl.xml"):
        if (data / candidate).is_file():
            return data / candidate
    raise FileNotFoundError(f"no GWN.xml or lgl.xml under {data}")


def read(data: Path) -> list[GoldDoc]:
    path = corpus_file(data)
    with path.open(encoding="utf-8") as handle:
        head = handle.read(4000)
    return read_lgl(path) if "<gaztag" in head or "<feedid>" in head else read_gwn(path)


def load(data: Path, fold: str | None = None) -> list[GoldDoc]:
    """The gold documents, or those of one half ("a" or "b", by a hash of their name)."""
    docs = read(data)
    if fold is None:
        return docs
    check_fold(TASK, fold)
    return [d for d in docs if fold_of(d.name) == fold]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _overlaps(a: Place | Toponym, b: Place | Toponym) -> bool:
    return a.start < b.end and b.start < a.end


def match(gold: Sequence[Toponym], found: Sequence[Place]) -> list[tuple[Toponym, Place | None]]:
    """Each gold toponym with the system place over it (one to one, exact spans first)."""
    used: set[int] = set()
    pairs: list[tuple[Toponym, Place | None]] = []
    for g in gold:
        hit = next((i for i, f in enumerate(found)
                    if i not in used and (f.start, f.end) == (g.start, g.end)), None)
        if hit is None:
            hit = next((i for i, f in enumerate(found) if i not in used and _overlaps(f, g)), None)
        if hit is not None:
            used.add(hit)
        pairs.append((g, found[hit] if hit is not None else None))
    return pairs


def placed_right(g: Toponym, f: Place | None) -> bool:
    if f is None or f.lat is None or f.lon is None or g.lat is None or g.lon is None:
        return False
    return distance_km(g.lat, g.lon, f.lat, f.lon) <= KM


def score(doc: GoldDoc, found: Sequence[Place], errors: Counter[str] | None = None,
          by_type: dict[str, list[int]] | None = None) -> Report:
    """Scores of one document's places against its gold toponyms."""
    found = [f for f in found if not any(_overlaps(f, i) for i in doc.ignored)
             or any(_overlaps(f, g) for g in doc.toponyms)]
    pairs = match(doc.toponyms, found)
    matched = [(g, f) for g, f in pairs if f is not None]
    exact = sum((g.start, g.end) == (f.start, f.end) for g, f in matched)
    right = sum(placed_right(g, f) for g, f in matched)
    report = Report(TASK, "", documents=1)
    report.counts = {
        "span": Counts(exact, len(found) - exact, len(doc.toponyms) - exact),
        "overlap": Counts(len(matched), len(found) - len(matched), len(doc.toponyms) - len(matched)),
    }
    report.values = {
        "accuracy_161km": (right, len(doc.toponyms)),
        "resolution_161km": (right, len(matched)),
    }
    if by_type is not None:
        for g, f in pairs:
            tally = by_type.setdefault(g.type, [0, 0])
            tally[0] += placed_right(g, f)
            tally[1] += 1
    if errors is not None:
        for g, f in pairs:
            if f is None:
                errors[f"missed {g.type}"] += 1
            elif not placed_right(g, f):
                errors["not geocoded" if f.lat is None else f"placed > {KM:.0f} km"] += 1
        taken = {id(f) for _, f in matched}
        errors["spurious"] += sum(id(f) not in taken for f in found)
    return report


def baseline_places(doc) -> list[Place]:  # type: ignore[no-untyped-def]
    """spaCy's GPE entities, each at the most populous gazetteer place of that name."""
    from claimgraph.extract.places import gazetteer

    gaz = gazetteer.load()
    out = []
    for ent in doc.ents:
        if ent.label_ != "GPE":
            continue
        cands = gaz.candidates(ent.text)
        top = max(cands, key=lambda e: e.population) if cands else None
        out.append(Place(ent.start_char, ent.end_char, ent.text, name=ent.text,
                         lat=top.lat if top else None, lon=top.lon if top else None))
    return out


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    from claimgraph.nlp import extensions, pipeline

    docs = load(data, fold)[:limit]
    nlp = pipeline.default_pipeline(only=("news_entities", "places"))
    ours: list[Report] = []
    base: list[Report] = []
    errors: Counter[str] = Counter()
    by_type: dict[str, list[int]] = {}
    halves: dict[str, tuple[list[Report], list[Report]]] = {f: ([], []) for f in FOLDS}
    for gold, doc in zip(docs, pipeline.parse(nlp, ((d.text, None) for d in docs)), strict=True):
        mine, simple = halves[fold_of(gold.name)]
        ours.append(score(gold, extensions.results(doc, "cg_places"), errors, by_type))
        base.append(score(gold, baseline_places(doc)))
        mine.append(ours[-1])
        simple.append(base[-1])
    report = merge_reports(TASK, data, ours)
    report.baseline = merge_reports(TASK, data, base)
    add_folds(report, {f: merge_reports(TASK, data, m) for f, (m, _) in halves.items() if m})
    add_folds(report.baseline, {f: merge_reports(TASK, data, b) for f, (_, b) in halves.items() if b})
    report.notes = {
        "corpus": corpus_file(data).name,
        "errors": dict(errors.most_common()),
        "accuracy_161km by gold type": {
            t: f"{right}/{total}" for t, (right, total) in sorted(by_type.items(), key=lambda kv: -kv[1][1])
        },
    }
    return report
