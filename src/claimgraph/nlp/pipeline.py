"""Build the claimgraph pipeline once, from a commented spaCy-style config.

The config (``pipeline.cfg`` beside this file) names the base model and then the claimgraph
components in order; it is data, so a user can drop a component or reorder them without code.
Components are found through spaCy's factory registry, filled from the ``spacy_factories``
entry points this package publishes (``pyproject.toml``): spaCy imports them whenever it builds
a pipeline, so ``nlp.add_pipe("claimgraph_attribution_v1")`` works in anyone's pipeline and
ours finds its components the same way, without importing ``claimgraph.extract`` itself.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from claimgraph.errors import ClaimgraphError
from claimgraph.nlp import extensions

DEFAULT_CONFIG = Path(__file__).with_name("pipeline.cfg")


#: components that set sentence starts before the parser: every extractor depends on them
SEGMENTATION = frozenset({"headline"})


def declare_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Declare what the base model's attribute ruler assigns, read off its own patterns.

    The English models set ``token.pos`` (and some lemmas and morphology) from the tag with an
    ``attribute_ruler`` whose factory declares nothing, since what it sets depends on its
    patterns. Without this, ``nlp.analyze_pipes()`` reports every component that reads
    ``token.pos`` as unmet, and a real problem would hide among those.
    """
    if name not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe(name)
    attrs = {key.lower() for pattern in ruler.patterns for key in pattern.get("attrs", {})}
    meta = nlp.get_pipe_meta(name)
    assigns = [*meta.assigns, *(f"token.{a}" for a in sorted(attrs) if f"token.{a}" not in meta.assigns)]
    # per pipeline, not per factory: the meta object itself is shared by every pipeline
    nlp._pipe_meta[name] = replace(meta, assigns=assigns)


def _add(nlp: Language, factory: str, name: str, config: dict[str, Any], placement: dict[str, Any]) -> None:
    if not nlp.has_factory(factory):
        raise ClaimgraphError(
            "E006",
            f"no spaCy factory {factory!r} for component {name!r}: if it is claimgraph's, the "
            "installed entry points are stale; re-install with `make setup`",
        )
    nlp.add_pipe(factory, name=name, config=config, **placement)


def load_config(path: Path | None = None) -> Config:
    """Read a pipeline config (the bundled one by default)."""
    return Config().from_disk(path or DEFAULT_CONFIG)


def build(config: Config | None = None, *, only: Iterable[str] | None = None) -> Language:
    """Build a fresh pipeline from ``config``.

    ``only`` keeps just the named claimgraph components (e.g. an evaluation of times needs
    neither attribution nor events), so a scorer pays only for what it measures; the
    components that shape the parse itself (``SEGMENTATION``) are always kept, so a scorer
    reads the same sentences as ``analyze``.
    """
    config = config or load_config()
    extensions.register()
    nlp_cfg = config["nlp"]
    try:
        nlp = spacy.load(nlp_cfg["model"], exclude=list(nlp_cfg.get("exclude", [])))
    except OSError as exc:  # model package missing: say how to get it
        raise ClaimgraphError(
            "E001", f"spaCy model {nlp_cfg['model']!r} is not installed: run `make setup`"
        ) from exc
    declare_attribute_ruler(nlp)
    keep = set(only) if only is not None else None
    for name, block in config.get("components", {}).items():
        if keep is not None and name not in keep and name not in SEGMENTATION:
            continue
        block = dict(block)
        factory = block.pop("factory")
        placement = {k: block.pop(k) for k in ("before", "after", "first", "last") if k in block}
        if "before" in placement and placement["before"] not in nlp.pipe_names:
            placement.pop("before")
        _add(nlp, factory, name, block, placement)
    return nlp


@lru_cache(maxsize=4)
def default_pipeline(only: tuple[str, ...] | None = None) -> Language:
    """The bundled pipeline, built once per process (per ``only`` selection).

    The objects alive once it is built (the models' vocabularies, tables and weights: most of
    the process) are moved out of the garbage collector's view (``gc.freeze``): they live as
    long as the process, and every full collection walked all of them again. Analysis leaves
    many objects behind for a while (records, the words of each ``Doc``), which triggers such
    collections: on 30 PolNeAR texts they cost 0.87 CPU-s of 10.0 (0.19 frozen).
    """
    nlp = build(only=only)
    gc.freeze()
    return nlp


def make_docs(nlp: Language, items: Iterable[tuple[str, str | None]]) -> Iterator[Doc]:
    """Turn ``(text, published)`` pairs into bare ``Doc``s carrying their publication date.

    Components that need the date (times anchor "on Tuesday" to it) read ``doc._.cg_published``;
    setting it before the pipeline runs means it also travels to worker processes.
    """
    for text, published in items:
        doc = nlp.make_doc(text)
        doc._.cg_published = published
        yield doc


def parse(
    nlp: Language,
    items: Iterable[tuple[str, str | None]],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Run the pipeline over ``(text, published)`` pairs, in batches, in order."""
    kwargs: dict[str, Any] = {"n_process": n_process}
    if batch_size:
        kwargs["batch_size"] = batch_size
    yield from nlp.pipe(make_docs(nlp, items), **kwargs)
