"""Actors and events on short synthetic texts: the general rules, one test each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.extract import extract_document
from graph.model import (
    ActorKind,
    DateBasis,
    DateValue,
    DocExtraction,
    Document,
    Precision,
    Segment,
    Source,
)


def _extract(text: str, published: dt.date | None = dt.date(2024, 3, 29)) -> DocExtraction:
    date = (
        DateValue(
            value=published.isoformat(),
            start=published,
            end=published,
            precision=Precision.DAY,
            text=published.isoformat(),
            basis=DateBasis.STATED,
        )
        if published
        else None
    )
    source = Source(
        id="src_test",
        path="test.txt",
        content_hash="0",
        format="text",
        words=len(text.split()),
        published=date,
    )
    document = Document(
        source=source, text=text, segments=(Segment(clean=0, original=0, length=len(text)),)
    )
    return extract_document(document)


def _actors(x: DocExtraction) -> dict[str, tuple[ActorKind, tuple[str, ...]]]:
    return {a.name: (a.actor_type, a.titles) for a in x.actors}


def test_titles_are_attributes_not_names(nlp: Any) -> None:
    x = _extract("Defense Minister Sergei Ivanov said on Monday that the army would grow.")
    assert _actors(x)["Sergei Ivanov"] == (ActorKind.PERSON, ("Defense Minister",))


def test_rank_tagged_as_organisation_is_a_title(nlp: Any) -> None:
    x = _extract("Rear Adm. John Carter said the fleet would sail in May.")
    actors = _actors(x)
    assert actors["John Carter"][1] == ("Rear Adm.",)
    assert not any("Adm" in name for name in actors if name != "John Carter")


def test_surname_and_full_name_are_one_actor(nlp: Any) -> None:
    x = _extract(
        "President Vladimir Novak signed the decree on Friday. Novak said it was needed. "
        "Critics of Novak disagreed."
    )
    novak = [a for a in x.actors if "Novak" in a.name]
    assert len(novak) == 1 and novak[0].name == "Vladimir Novak"
    assert len(novak[0].mentions) == 3


def test_possessive_is_dropped_from_the_name(nlp: Any) -> None:
    x = _extract("The Defense Ministry's spokesman said the drills had ended.")
    assert "Defense Ministry" in _actors(x)


def test_capital_as_subject_stands_for_its_country(nlp: Any) -> None:
    x = _extract("Moscow says the talks failed. The delegates met in Paris on Monday.")
    actors = _actors(x)
    assert actors["Russia"][0] is ActorKind.COUNTRY
    assert "France" not in actors and "Paris" not in actors


def test_apposition_decides_the_kind(nlp: Any) -> None:
    x = _extract("Vazhnyye, an independent online news site, claimed that officials had lied.")
    assert _actors(x)["Vazhnyye"][0] is ActorKind.ORGANIZATION  # tagged PERSON by the model


def test_country_named_inside_an_organisation(nlp: Any) -> None:
    x = _extract("The U.S. State Department estimated the losses at 200,000.")
    actors = _actors(x)
    assert actors["United States"][0] is ActorKind.COUNTRY
    assert "U.S. State Department" in actors


def test_authors_are_not_actors(nlp: Any) -> None:
    text = "Officials said the draft would begin in April."
    base = _extract(text)
    document = Document(
        source=base.source.model_copy(update={"authors": ("Anna Petrova",)}),
        text="Anna Petrova reports. " + text,
        segments=(Segment(clean=0, original=0, length=len(text) + 22),),
    )
    assert "Anna Petrova" not in _actors(extract_document(document))


def test_event_with_date_quantity_and_precision(nlp: Any) -> None:
    x = _extract("The Kremlin drafted more than 300,000 men in autumn 2022.")
    (event,) = x.events
    assert event.event_type.value == "conscription"
    assert event.date is not None and event.date.value == "2022-FA"
    assert event.date.precision is Precision.SEASON
    assert [(q.value, q.unit, q.modifier) for q in event.quantities] == [
        (300000, "man", "more_than")
    ]


def test_generic_statements_are_not_events(nlp: Any) -> None:
    x = _extract("Military service lasts 12 months. Conscripts face pressure.")
    assert x.events == ()


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The Kremlin will not send conscripts to the front.", "negated"),
        ("No one will be drafted this year, the ministry said on Friday.", "negated"),
        ("The Kremlin on Friday denied any new mobilization.", "negated"),
        ("The army will begin the draft on April 1.", "planned"),
        ("The ministry plans to recruit 20,000 soldiers next year.", "planned"),
        ("The losses could exceed 200,000 casualties this year.", "possible"),
        ("The army mobilized 300,000 reservists in September.", "actual"),
        ("Officials said the army had mobilized 300,000 reservists in September.", "reported"),
    ],
)
def test_modality_says_how_the_text_tells_an_event(nlp: Any, text: str, modality: str) -> None:
    x = _extract(text)
    assert [e.modality for e in x.events] == [modality], x.events
    assert all(e.negated == (e.modality == "negated") for e in x.events)


def test_modifier_nouns_are_not_events(nlp: Any) -> None:
    x = _extract("The deputy head of the mobilization department spoke to reporters.")
    assert [e.trigger for e in x.events] == []


def test_announced_plan_takes_the_announcement_date(nlp: Any) -> None:
    x = _extract("At a meeting in December, the minister announced plans to bolster the army.")
    plan = [e for e in x.events if e.trigger == "bolster"]
    assert plan and plan[0].date is not None and plan[0].date.value == "2023-12"


def test_relative_date_kept_for_later_when_undated(nlp: Any) -> None:
    x = _extract("The government mobilized 300,000 reservists in September.", published=None)
    (event,) = x.events
    assert event.date is None
    assert event.date_expression is not None and event.date_expression.tense == "past"
    assert "September" in event.date_expression.text


def test_a_date_bounding_a_superlative_is_not_the_event_date(nlp: Any) -> None:
    x = _extract("The president has ordered the largest military conscription since 2011.")
    assert all(e.date is None or e.date.value != "2011" for e in x.events)


def test_unattributed_allegations_are_hedged_claims(nlp: Any) -> None:
    x = _extract(
        "There have been numerous allegations that conscripts are being misled or pressured "
        "into serving on the front lines."
    )
    (claim,) = x.claims
    assert claim.speaker == "numerous allegations" and claim.speaker_actor is None
    assert claim.hedged
    assert claim.text == "conscripts are being misled or pressured into serving on the front lines"


def test_long_texts_are_parsed_whole_with_exact_offsets(nlp: Any) -> None:
    from graph.extract import parse

    paragraph = "The army drafted 5,000 men in May. Officials said the call-up would grow.\n\n"
    text = paragraph * 1500  # about 110,000 characters: parsed in pieces
    doc = parse(nlp, text)
    assert doc.text == text
    last = list(doc.sents)[-1]
    assert text[last.start_char : last.end_char] == last.text


def test_events_of_any_domain_are_found(nlp: Any) -> None:
    x = _extract(
        "Apple cut the price of the iPhone to $199. Shares of Google fell 5% on Tuesday. "
        "Analysts believe the market remains strong."
    )
    labels = {e.label: e.event_type.value for e in x.events}
    assert labels == {
        "Apple cut the price of the iPhone": "other",
        "Shares of Google fell 5%": "market_move",
    }


def test_people_nouns_and_described_people_are_not_events(nlp: Any) -> None:
    x = _extract("Some conscripts found themselves in combat. Men who will be called up wait.")
    assert x.events == ()


def test_labels_keep_subject_verb_and_object_and_drop_asides(nlp: Any) -> None:
    x = _extract(
        "On April 6, Russia's lower house of parliament, the State Duma, voted to return to a"
        " second reading of a bill, which had not been changed for decades."
    )
    assert [e.label for e in x.events] == ["the State Duma voted to return to a second reading"]


def test_bare_nouns_and_addresses_are_not_events(nlp: Any) -> None:
    x = _extract(
        "At a meeting last week, officials spoke. 'You voted for mobilization last week,' he said."
    )
    assert x.events == ()
