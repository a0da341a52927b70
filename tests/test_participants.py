"""Participants of events and their roles, read from the dependency structure: one sentence
per role, references as participants, and actors that take no part."""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import Role
from tests.test_extract import _extract

A, P, R, B, INS, L, X = (
    Role.AGENT,
    Role.PATIENT,
    Role.RECIPIENT,
    Role.BENEFICIARY,
    Role.INSTRUMENT,
    Role.LOCATION,
    Role.PARTICIPANT,
)
ON = " on March 3, 2024"


def _roles(text: str, trigger: str) -> set[tuple[str, Role, str]]:
    """(actor name, role, span text) of the participants of the event `trigger` names."""
    x = _extract(text)
    (event,) = [e for e in x.events if e.trigger == trigger]
    return {(x.actors[p.actor].name, p.role, p.span.text) for p in event.participants}


def _as_itself(*pairs: tuple[str, Role]) -> set[tuple[str, Role, str]]:
    """Participants named in the text as the actor's name."""
    return {(name, role, name) for name, role in pairs}


# text, event trigger, participants (actor, role, the words naming it), whether they are all
CASES = [
    pytest.param(
        f"Zentro Corp. paid 5 million dollars to Nordbank{ON}.", "pay",
        _as_itself(("Zentro Corp.", A), ("Nordbank", R)), True,
        id="subject-agent-to-phrase-recipient",
    ),
    pytest.param(
        f"Zentro Corp. attacked Nordbank with the zPhone 7{ON}.", "attack",
        _as_itself(("Nordbank", P), ("zPhone 7", INS)), False,
        id="object-patient-with-a-thing-instrument",
    ),
    pytest.param(
        f"Zentro Corp. attacked Nordbank using the zPhone 7{ON}.", "attack",
        _as_itself(("zPhone 7", INS)), False, id="object-of-using-instrument",
    ),
    pytest.param(
        f"Zentro Corp. bought 300 tanks for Ukraine{ON}.", "buy",
        _as_itself(("Ukraine", B)), False, id="for-phrase-beneficiary",
    ),
    pytest.param(
        f"Zentro Corp. sued Nordbank in Germany{ON}.", "sue",
        _as_itself(("Germany", L)), False, id="in-phrase-location",
    ),
    pytest.param(
        f"Zentro Corp. opened a plant in Germany{ON}.", "open",
        _as_itself(("Germany", L)), False, id="in-phrase-of-the-object-location",
    ),
    pytest.param(
        f"Zentro Corp.'s acquisition of Nordbank{ON} surprised investors.", "acquisition",
        _as_itself(("Zentro Corp.", A), ("Nordbank", P)), True, id="owner-of-event-noun-agent",
    ),
    pytest.param(
        f"Anna Petrova thanked voters. But her re-election victory{ON} has triggered fresh"
        " concerns.", "election", {("Anna Petrova", A, "her")}, True,
        id="owner-of-a-hyphenated-compound-agent",
    ),
    pytest.param(
        f"Zentro Corp. plans to acquire Nordbank{ON}.", "acquire",
        _as_itself(("Zentro Corp.", A)), False, id="subject-of-controlling-verb-agent",
    ),
    pytest.param(
        f"Zentro Corp. and Nordbank announced a merger{ON}.", "merger",
        _as_itself(("Zentro Corp.", A), ("Nordbank", A)), True, id="conjoined-subjects-agents",
    ),
    pytest.param(
        f"Zentro Corp. fell 5%{ON}.", "fall",
        _as_itself(("Zentro Corp.", P)), True, id="subject-of-undergoing-verb-patient",
    ),
    pytest.param(
        f"Anna Petrova spoke in Berlin. She unveiled the zPhone 7{ON}.", "unveil",
        {("Anna Petrova", A, "She"), ("zPhone 7", P, "zPhone 7")}, True,
        id="pronoun-subject-resolved-agent",
    ),
    pytest.param(
        f"Zentro Corp. posted a loss. The company said it would acquire Nordbank{ON}.",
        "acquire", {("Zentro Corp.", A, "it")}, False, id="description-and-pronoun-resolved",
    ),
    pytest.param(
        f"Anna Petrova, Zentro Corp.'s chief executive, announced a merger{ON}.", "merger",
        _as_itself(("Anna Petrova", A), ("Zentro Corp.", X)), False,
        id="apposition-owner-no-agent",
    ),
    pytest.param(
        f"Zentro Corp. built a plant for Nordbank{ON}.", "build",
        _as_itself(("Nordbank", X)), False, id="modifier-of-object-no-beneficiary",
    ),
    pytest.param(
        f"Zentro Corp. bought Nordbank{ON}, saying Vexa Ltd. had approved the deal.", "buy",
        _as_itself(("Zentro Corp.", A), ("Nordbank", P)), True,
        id="actor-of-an-adverbial-clause-no-part",
    ),
    pytest.param(
        f"Zentro Corp. sold its plants to Nordbank{ON}.", "sell",
        _as_itself(("Zentro Corp.", A), ("Nordbank", R)), True,
        id="agent-owning-the-object-only-agent",
    ),
    pytest.param(
        f"Zentro Corp. bought Nordbank{ON} despite protests in Germany.", "buy",
        _as_itself(("Zentro Corp.", A), ("Nordbank", P)), True,
        id="actor-in-circumstances-no-part",
    ),
    pytest.param(
        "Zentro Corp. said on March 3, 2024 that Nordbank sued Vexa Ltd.", "sue",
        _as_itself(("Nordbank", A), ("Vexa Ltd.", P)), True,
        id="reporting-subject-no-part-in-reported-event",
    ),
]  # fmt: skip


def test_an_owner_hung_on_a_compound_part_and_a_noun_joined_to_a_verb(nlp: Any) -> None:
    # a news sentence whose parse hangs "his" on "re" and folds "election" into "triggered"
    text = (
        "Vladimir Putin won in March. But his re-election victory earlier this month – combined"
        " with the Defense Ministry saying it would create two new armies by the end of the"
        " year and the Kremlin pointing at Ukraine for last week's deadly terrorist attack on a"
        " Moscow concert hall – have all triggered fresh concerns."
    )
    assert ("Vladimir Putin", A, "his") in _roles(text, "election")
    # "the Kremlin pointing", a noun the parse joins to "create", tells another event
    assert _roles(text, "create") == {("Defense Ministry", A, "it")}


@pytest.mark.parametrize(("text", "trigger", "expected", "all_of_them"), CASES)
def test_participants_and_roles(
    nlp: Any, text: str, trigger: str, expected: set[tuple[str, Role, str]], all_of_them: bool
) -> None:
    roles = _roles(text, trigger)
    if all_of_them:
        assert roles == expected
    else:
        assert expected <= roles
