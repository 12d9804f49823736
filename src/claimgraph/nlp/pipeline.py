"""Build the claimgraph pipeline once, from a commented spaCy-style config.

The config (``pipeline.cfg`` beside this file) names the base model and then the claimgraph
components in order; it is data, so a user can drop a component or reorder them without code.
Components are found through spaCy's factory registry: importing :mod:`claimgraph.extract` and
:mod:`claimgraph.nlp.news_entities` registers ours (they are also published as
``spacy_factories`` entry points, so ``nlp.add_pipe("claimgraph_attribution")`` works in anyone's
pipeline once the package is installed).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
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


def _register_factories() -> None:
    """Import every module of claimgraph.extract so its @Language.factory runs."""
    import claimgraph.extract as extract_pkg
    import claimgraph.nlp.news_entities  # noqa: F401

    for info in pkgutil.walk_packages(extract_pkg.__path__, "claimgraph.extract."):
        importlib.import_module(info.name)


def load_config(path: Path | None = None) -> Config:
    """Read a pipeline config (the bundled one by default)."""
    return Config().from_disk(path or DEFAULT_CONFIG)


def build(config: Config | None = None, *, only: Iterable[str] | None = None) -> Language:
    """Build a fresh pipeline from ``config``.

    ``only`` keeps just the named claimgraph components (e.g. an evaluation of times needs
    neither attribution nor events), so a scorer pays only for what it measures.
    """
    config = config or load_config()
    _register_factories()
    extensions.register()
    nlp_cfg = config["nlp"]
    try:
        nlp = spacy.load(nlp_cfg["model"], exclude=list(nlp_cfg.get("exclude", [])))
    except OSError as exc:  # model package missing: say how to get it
        raise ClaimgraphError(
            "E001", f"spaCy model {nlp_cfg['model']!r} is not installed: run `make setup`"
        ) from exc
    keep = set(only) if only is not None else None
    for name, block in config.get("components", {}).items():
        if keep is not None and name not in keep:
            continue
        block = dict(block)
        factory = block.pop("factory")
        placement = {k: block.pop(k) for k in ("before", "after", "first", "last") if k in block}
        if "before" in placement and placement["before"] not in nlp.pipe_names:
            placement.pop("before")
        nlp.add_pipe(factory, name=name, config=block, **placement)
    return nlp


@lru_cache(maxsize=4)
def default_pipeline(only: tuple[str, ...] | None = None) -> Language:
    """The bundled pipeline, built once per process (per ``only`` selection)."""
    return build(only=only)


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
