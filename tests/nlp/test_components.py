"""The claimgraph components as spaCy sees them: versioned names, published as entry points,
each declaring what it reads, so spaCy's own check finds a component placed too early."""

from __future__ import annotations

import gc
import re
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language
from spacy.util import registry

from claimgraph.errors import ClaimgraphError
from claimgraph.nlp.pipeline import build, load_config

VERSIONED = re.compile(r"^claimgraph_[a-z_]+_v\d+$")


def published() -> set[str]:
    """The factory names this package publishes (``spacy_factories`` entry points)."""
    return {e.name for e in entry_points(group="spacy_factories") if e.value.startswith("claimgraph.")}


def configured() -> set[str]:
    return {block["factory"] for block in load_config()["components"].values()}


def test_every_configured_component_is_published_as_an_entry_point() -> None:
    assert configured() <= published()


def test_every_published_factory_is_in_spacys_registry_under_its_own_name() -> None:
    spacy.blank("en")  # building any pipeline loads the entry points
    registered = {name for name in registry.factories.get_all() if name.startswith("claimgraph")}
    assert registered == published()


@pytest.mark.parametrize("name", sorted(published()))
def test_factory_names_are_versioned(name: str) -> None:
    assert VERSIONED.match(name), f"{name}: name it claimgraph_<what>_v<N>"


def test_the_default_pipeline_meets_every_declared_requirement(nlp: Language) -> None:
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert {name: unmet for name, unmet in problems.items() if unmet} == {}


def test_a_component_placed_before_what_it_reads_is_reported() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimgraph_entities_v1", name="entities")  # nothing sets ents or places
    assert "doc._.cg_places" in nlp.analyze_pipes(pretty=False)["problems"]["entities"]


def test_an_unregistered_factory_is_a_coded_error_saying_to_reinstall() -> None:
    config = load_config()
    config["components"]["renamed"] = {"factory": "claimgraph_renamed_v9"}
    with pytest.raises(ClaimgraphError, match="make setup") as caught:
        build(config, only=["renamed"])
    assert caught.value.code == "E006"


def test_the_default_pipeline_is_kept_out_of_the_garbage_collectors_walks(nlp: Language) -> None:
    """The bundled pipeline lives as long as the process: its objects are frozen once built, so
    a full collection during analysis no longer walks the models' hundreds of thousands."""
    assert gc.get_freeze_count() > 10_000
    assert not any(obj is nlp for obj in gc.get_objects())  # frozen objects are not listed
