"""Participants of events and their roles, read from the dependency structure: one sentence
per role, references as participants, and actors that take no part."""

from __future__ import annotations

from typing import Any

from graph.model import Role
from tests.test_extract import _extract


def _roles(text: str, trigger: str) -> set[tuple[str, Role, str]]:
    """(actor name, role, span text) of the participants of the event `trigger` names."""
    x = _extract(text)
    (event,) = [e for e in x.events if e.trigger == trigger]
    return {(x.actors[p.actor].name, p.role, p.span.text) for p in event.participants}


def test_subject_is_agent_and_to_phrase_is_recipient(nlp: Any) -> None:
    roles = _roles("Zentro Corp. paid 5 million dollars to Nordbank on March 3, 2024.", "pay")
    assert roles == {
        ("Zentro Corp.", Role.AGENT, "Zentro Corp."),
        ("Nordbank", Role.RECIPIENT, "Nordbank"),
    }


def test_object_is_patient_and_with_a_thing_is_instrument(nlp: Any) -> None:
    text = "Zentro Corp. attacked Nordbank with the zPhone 7 on March 3, 2024."
    roles = _roles(text, "attack")
    assert ("Nordbank", Role.PATIENT, "Nordbank") in roles
    assert ("zPhone 7", Role.INSTRUMENT, "zPhone 7") in roles


def test_object_of_using_is_instrument(nlp: Any) -> None:
    text = "Zentro Corp. attacked Nordbank using the zPhone 7 on March 3, 2024."
    assert ("zPhone 7", Role.INSTRUMENT, "zPhone 7") in _roles(text, "attack")


def test_for_phrase_is_beneficiary(nlp: Any) -> None:
    text = "Zentro Corp. bought 300 tanks for Ukraine on March 3, 2024."
    assert ("Ukraine", Role.BENEFICIARY, "Ukraine") in _roles(text, "buy")


def test_in_phrase_is_location(nlp: Any) -> None:
    text = "Zentro Corp. sued Nordbank in Germany on March 3, 2024."
    assert ("Germany", Role.LOCATION, "Germany") in _roles(text, "sue")


def test_in_phrase_of_the_object_is_location(nlp: Any) -> None:
    text = "Zentro Corp. opened a plant in Germany on March 3, 2024."
    assert ("Germany", Role.LOCATION, "Germany") in _roles(text, "open")


def test_owner_of_an_event_noun_is_its_agent(nlp: Any) -> None:
    text = "Zentro Corp.'s acquisition of Nordbank on March 3, 2024 surprised investors."
    assert _roles(text, "acquisition") == {
        ("Zentro Corp.", Role.AGENT, "Zentro Corp."),
        ("Nordbank", Role.PATIENT, "Nordbank"),
    }


def test_subject_of_a_controlling_verb_is_agent(nlp: Any) -> None:
    text = "Zentro Corp. plans to acquire Nordbank on March 3, 2024."
    assert ("Zentro Corp.", Role.AGENT, "Zentro Corp.") in _roles(text, "acquire")


def test_conjoined_subjects_are_both_agents(nlp: Any) -> None:
    text = "Zentro Corp. and Nordbank announced a merger on March 3, 2024."
    roles = _roles(text, "merger")
    assert {(name, role) for name, role, _ in roles} == {
        ("Zentro Corp.", Role.AGENT),
        ("Nordbank", Role.AGENT),
    }


def test_subject_of_an_undergoing_verb_is_patient(nlp: Any) -> None:
    text = "Zentro Corp. fell 5% on March 3, 2024."
    assert _roles(text, "fall") == {("Zentro Corp.", Role.PATIENT, "Zentro Corp.")}


def test_pronoun_subject_gives_the_resolved_actor_as_agent(nlp: Any) -> None:
    text = "Anna Petrova spoke in Berlin. She unveiled the zPhone 7 on March 3, 2024."
    assert _roles(text, "unveil") == {
        ("Anna Petrova", Role.AGENT, "She"),
        ("zPhone 7", Role.PATIENT, "zPhone 7"),
    }


def test_description_and_pronoun_give_the_resolved_actor(nlp: Any) -> None:
    text = (
        "Zentro Corp. posted a loss. The company said it would acquire Nordbank on March 3, 2024."
    )
    assert ("Zentro Corp.", Role.AGENT, "it") in _roles(text, "acquire")


def test_actor_in_an_apposition_owner_is_no_agent(nlp: Any) -> None:
    text = "Anna Petrova, Zentro Corp.'s chief executive, announced a merger on March 3, 2024."
    roles = _roles(text, "merger")
    assert ("Anna Petrova", Role.AGENT, "Anna Petrova") in roles
    assert ("Zentro Corp.", Role.PARTICIPANT, "Zentro Corp.") in roles


def test_modifier_of_an_object_is_no_beneficiary(nlp: Any) -> None:
    text = "Zentro Corp. built a plant for Nordbank on March 3, 2024."
    assert ("Nordbank", Role.PARTICIPANT, "Nordbank") in _roles(text, "build")


def test_reporting_subject_takes_no_part_in_the_reported_event(nlp: Any) -> None:
    text = "Zentro Corp. said on March 3, 2024 that Nordbank sued Vexa Ltd."
    assert _roles(text, "sue") == {
        ("Nordbank", Role.AGENT, "Nordbank"),
        ("Vexa Ltd.", Role.PATIENT, "Vexa Ltd."),
    }
