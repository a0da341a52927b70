"""Pronouns and definite descriptions linked to the actors they stand for, within a document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.extract import extract_document
from graph.lang import get
from graph.lang.references import Gender
from graph.model import (
    DateBasis,
    DateValue,
    DocExtraction,
    Document,
    LocalActor,
    Precision,
    Segment,
    Source,
)


def _extract(text: str) -> DocExtraction:
    day = dt.date(2024, 5, 14)
    published = DateValue(
        value=day.isoformat(),
        start=day,
        end=day,
        precision=Precision.DAY,
        text=day.isoformat(),
        basis=DateBasis.STATED,
    )
    source = Source(
        id="src_test",
        path="test.txt",
        content_hash="0",
        format="text",
        words=len(text.split()),
        published=published,
    )
    document = Document(
        source=source, text=text, segments=(Segment(clean=0, original=0, length=len(text)),)
    )
    return extract_document(document)


def _actor(x: DocExtraction, name: str) -> LocalActor:
    return next(a for a in x.actors if a.name == name)


def _references(x: DocExtraction) -> dict[str, list[str]]:
    return {a.name: [s.text for s in a.references] for a in x.actors if a.references}


def test_the_company_and_it_refer_to_the_organisation_named_before(nlp: Any) -> None:
    x = _extract(
        "Norvia Systems reported a quarterly loss on Tuesday. "
        "The company said it would cut 5,000 jobs by the end of the year."
    )
    norvia = _actor(x, "Norvia Systems")
    assert [s.text for s in norvia.references] == ["The company", "it"]
    assert {s.text for s in norvia.references} <= {s.text for s in norvia.mentions}
    # a reference is a mention, never a name
    assert norvia.name == "Norvia Systems" and "it" not in norvia.aliases


def test_an_event_finds_its_participant_through_a_pronoun(nlp: Any) -> None:
    x = _extract(
        "Norvia Systems reported a quarterly loss on Tuesday. "
        "The company said it would cut 5,000 jobs by the end of the year."
    )
    cut = next(e for e in x.events if e.trigger == "cut")
    assert [(x.actors[p.actor].name, p.role.value, p.span.text) for p in cut.participants] == [
        ("Norvia Systems", "agent", "it")
    ]


def test_it_after_a_name_and_a_participle_is_who_speaks(nlp: Any) -> None:
    x = _extract(
        "His victory last month, combined with the Norvia Group saying it would build two new"
        " plants by the end of the year, triggered fresh concerns."
    )
    assert _references(x) == {"Norvia Group": ["it"]}


def test_he_and_she_agree_with_the_titles(nlp: Any) -> None:
    x = _extract(
        "Mrs. Anna Berg met Mr. Paul Dorn in Oslo on Monday. "
        "She said the talks had gone well, and he agreed."
    )
    assert _references(x) == {"Anna Berg": ["She"], "Paul Dorn": ["he"]}


def test_a_person_pronoun_does_not_stand_for_an_organisation(nlp: Any) -> None:
    x = _extract(
        "Norvia Systems opened a new factory in Lyon on Monday."
        " He said the plant would hire 300 workers."
    )
    assert "He" not in [s.text for a in x.actors for s in a.references]


def test_it_does_not_stand_for_a_person(nlp: Any) -> None:
    x = _extract(
        "Jonas Weber left the board of directors in May. It said a successor would be named soon."
    )
    assert _references(x) == {}


def test_pleonastic_it_stands_for_nothing(nlp: Any) -> None:
    x = _extract(
        "Norvia Systems opened a factory in Lyon on Monday. "
        "It is likely that prices will rise. It rained all week."
    )
    assert _references(x) == {}


def test_an_apposition_tells_what_a_later_description_means(nlp: Any) -> None:
    x = _extract(
        "Baltic Trust, a regional bank, lent 40 million euros to Norvia Systems on Monday. "
        "The bank said the loan would be repaid by 2027."
    )
    assert _references(x) == {"Baltic Trust": ["a regional bank", "The bank"]}


def test_a_specific_description_needs_a_name_or_description_with_its_noun(nlp: Any) -> None:
    x = _extract(
        "Norvia Systems borrowed 40 million euros on Monday. "
        "The bank said the loan would be repaid by 2027."
    )
    assert _references(x) == {}


def test_a_specific_description_before_the_name_stands_for_the_only_actor_it_fits(
    nlp: Any,
) -> None:
    x = _extract(
        "The ministry said it wants to hire 500 inspectors in 2025. "
        "Regional offices receive an annual quota from the Labour Ministry."
    )
    assert _references(x) == {"Labour Ministry": ["The ministry", "it"]}
    two = _extract(
        "The ministry said it wants to hire 500 inspectors in 2025. "
        "The Labour Ministry and the Finance Ministry agreed on a quota."
    )
    assert _references(two) == {}


def test_titles_tell_gender() -> None:
    words = get().references
    assert words.gender_of_title("Mrs.") is Gender.FEMININE
    assert words.gender_of_title("Mr") is Gender.MASCULINE
    assert words.gender_of_title("Apple's chief executive") is None


def test_references_survive_the_join_of_a_long_document_read_in_pieces() -> None:
    from graph.extract.actors import merge_piece_actors
    from graph.model import ActorKind, Span

    def span(start: int, text: str) -> Span:
        return Span(source_id="src_test", start=start, end=start + len(text), text=text)

    first = LocalActor(
        name="Norvia Systems",
        actor_type=ActorKind.ORGANIZATION,
        mentions=(span(0, "Norvia Systems"), span(40, "it")),
        references=(span(40, "it"),),
    )
    second = LocalActor(
        name="Norvia Systems",
        actor_type=ActorKind.ORGANIZATION,
        mentions=(span(900, "Norvia Systems"), span(930, "the company")),
        references=(span(930, "the company"),),
    )
    actors, _ = merge_piece_actors([[first], [second]])
    assert [s.text for s in actors[0].mentions] == [
        "Norvia Systems",
        "it",
        "Norvia Systems",
        "the company",
    ]
    assert [s.text for s in actors[0].references] == ["it", "the company"]


def test_a_noun_before_the_head_must_describe_the_actor_too(nlp: Any) -> None:
    x = _extract(
        "Norvia Records sued Halden Computer in London on Monday. "
        "The computer company said it would appeal the ruling."
    )
    assert _references(x) == {"Halden Computer": ["The computer company", "it"]}
