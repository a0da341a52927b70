"""Attributed claims on short synthetic texts: one behaviour of `graph.extract.claims` each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.extract import extract_document
from graph.model import DocExtraction, LocalClaim, Polarity

from .conftest import one_segment_document

Extract = Callable[[str], DocExtraction]


@pytest.fixture
def extract(nlp: Any) -> Extract:
    """Extraction of a one-segment document published on 2024-03-29 (a Friday)."""

    def run(text: str) -> DocExtraction:
        return extract_document(one_segment_document(text))

    return run


def _speaker(extraction: DocExtraction, claim: LocalClaim) -> str | None:
    if claim.speaker_actor is None:
        return None
    return extraction.actors[claim.speaker_actor].name


def _only(extraction: DocExtraction) -> LocalClaim:
    assert len(extraction.claims) == 1, [c.text for c in extraction.claims]
    return extraction.claims[0]


def test_said_that_gives_speaker_content_and_statement_date(extract: Extract) -> None:
    x = extract("Defense Minister Sergei Shoigu said on Tuesday that the army would grow.")
    claim = _only(x)
    assert _speaker(x, claim) == "Sergei Shoigu"
    assert claim.speaker == "Defense Minister Sergei Shoigu"
    assert claim.cue == "said" and not claim.direct
    assert claim.text == "the army would grow"
    assert claim.date is not None and claim.date.value == "2024-03-26"


def test_according_to_takes_the_other_side_of_the_phrase(extract: Extract) -> None:
    x = extract("The strike killed 300 people in the city, according to the United Nations.")
    claim = _only(x)
    assert claim.cue == "according to"
    assert claim.speaker == "the United Nations"
    assert claim.text == "The strike killed 300 people in the city"


def test_dismissed_is_a_denial(extract: Extract) -> None:
    x = extract(
        "Kremlin spokesman Dmitry Peskov dismissed reports of a second wave of mobilization."
    )
    claim = _only(x)
    assert _speaker(x, claim) == "Dmitry Peskov"
    assert claim.cue == "dismissed"
    assert claim.text.startswith("reports of a second wave")
    assert claim.polarity is Polarity.NEGATIVE


def test_inverted_quote_with_a_common_noun_speaker(extract: Extract) -> None:
    claim = _only(
        extract('"We will not send conscripts to the front," said one well-placed source.')
    )
    assert claim.direct
    assert claim.speaker == "one well-placed source" and claim.speaker_actor is None
    assert claim.text == "We will not send conscripts to the front"
    assert claim.polarity is Polarity.NEGATIVE


def test_quote_then_speaker_continues_and_he_added_keeps_the_speaker(extract: Extract) -> None:
    x = extract(
        "Colonel John Smith spoke to reporters in Kyiv. "
        '"The draft will begin on April 1," Smith said. "It will last three months." '
        "He added that conscripts will not be sent to the front."
    )
    quoted, added = x.claims
    assert _speaker(x, quoted) == "John Smith" and quoted.direct
    assert quoted.text == "The draft will begin on April 1 It will last three months."
    assert quoted.content_span.text == "The draft will begin on April 1"
    assert added.speaker == "He" and _speaker(x, added) == "John Smith"
    assert added.polarity is Polarity.NEGATIVE


def test_quote_opened_after_a_colon_runs_over_sentences(extract: Extract) -> None:
    x = extract('Maria Lopez said: "We have no plans for a draft. Nobody will be called up."')
    claim = _only(x)
    assert _speaker(x, claim) == "Maria Lopez" and claim.direct
    assert claim.text == "We have no plans for a draft. Nobody will be called up."


def test_quote_before_the_cue_may_start_in_an_earlier_sentence(extract: Extract) -> None:
    x = extract('"We will win. Nobody can stop us," Maria Lopez said.')
    claim = _only(x)
    assert _speaker(x, claim) == "Maria Lopez"
    assert claim.text == "We will win. Nobody can stop us"


def test_quote_standing_alone_after_a_claim_is_the_same_speaker(extract: Extract) -> None:
    x = extract(
        "Colonel John Smith said the army was ready.\n\n"
        '"We have trained for months."\n\nThe weather was cold.'
    )
    first, second = x.claims
    assert first.text == "the army was ready" and not first.direct
    assert second.direct and second.text == "We have trained for months."
    assert _speaker(x, second) == "John Smith"


@pytest.mark.parametrize(
    "text",
    [
        "The army did not say how many soldiers died.",
        "The ministry declined to say whether troops would be sent.",
    ],
)
def test_saying_nothing_is_not_a_claim(extract: Extract, text: str) -> None:
    assert extract(text).claims == ()


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the plant may have been hit by a missile.",
        "The governor said the allegations of fraud were serious.",
        "Local media reportedly said the bridge was destroyed.",
    ],
)
def test_hedges_mark_the_claim(extract: Extract, text: str) -> None:
    assert _only(extract(text)).hedged


def test_plain_statement_is_not_hedged_and_negation_is_polarity(extract: Extract) -> None:
    claim = _only(extract("The minister said the reservists will not be sent to the front."))
    assert not claim.hedged
    assert claim.polarity is Polarity.NEGATIVE


def test_outlet_relaying_officials_keeps_both(extract: Extract) -> None:
    x = extract(
        "Reuters quoted unnamed officials in two regions as saying that no one would be "
        "forced to fight."
    )
    claim = _only(x)
    assert claim.speaker is not None and claim.speaker.startswith("unnamed officials")
    assert claim.via_actor is not None and x.actors[claim.via_actor].name == "Reuters"
    assert claim.text == "no one would be forced to fight"
    assert claim.polarity is Polarity.NEGATIVE


def test_outlet_citing_officials_keeps_both(extract: Extract) -> None:
    x = extract("Reuters reported, citing two officials, that the talks had failed.")
    claim = _only(x)
    assert claim.speaker == "two officials"
    assert claim.via_actor is not None and x.actors[claim.via_actor].name == "Reuters"


@pytest.mark.parametrize(
    ("text", "cue", "content", "hedged"),
    [
        (
            "The New York Post reports that the governor avoided the hospital.",
            "reports",
            "the governor avoided the hospital",
            False,
        ),
        (
            "Analyst Dara Jones believes that the offensive has stalled.",
            "believes",
            "the offensive has stalled",
            True,
        ),
        (
            "Analyst Dara Jones suggests that the army may run out of shells.",
            "suggests",
            "the army may run out of shells",
            True,
        ),
        (
            "Analyst Dara Jones questions whether the plan will work.",
            "questions",
            "whether the plan will work",
            False,
        ),
    ],
)
def test_reporting_verbs_with_clauses(
    extract: Extract, text: str, cue: str, content: str, hedged: bool
) -> None:
    claim = _only(extract(text))
    assert (claim.cue, claim.text, claim.hedged) == (cue, content, hedged)


def test_noun_cue_with_a_possessor(extract: Extract) -> None:
    x = extract("Senator Mark Johnson's claim that the election was stolen was rejected.")
    claim = next(c for c in x.claims if c.cue == "claim")
    assert _speaker(x, claim) == "Mark Johnson"
    assert claim.text == "the election was stolen"
    assert claim.hedged


def test_in_a_statement_frames_any_verb(extract: Extract) -> None:
    x = extract("In a statement, Amnesty International condemned the attack on the hospital.")
    claim = _only(x)
    assert _speaker(x, claim) == "Amnesty International"
    assert claim.text == "the attack on the hospital"


def test_the_definite_description_finds_the_organisation(extract: Extract) -> None:
    x = extract(
        "The Defense Ministry opened new offices. The ministry said it wants to recruit "
        "20,000 soldiers."
    )
    claim = _only(x)
    assert claim.speaker == "The ministry"
    assert _speaker(x, claim) == "Defense Ministry"


def test_claim_is_about_the_event_it_reports(extract: Extract) -> None:
    x = extract("The governor announced that 500 reservists would be mobilized next week.")
    claim = _only(x)
    assert claim.about_event is not None
    assert x.events[claim.about_event].event_type.value == "mobilization"


def test_transcript_lines_and_signed_quotes(extract: Extract) -> None:
    x = extract(
        "WALLACE: Will you accept the result of the election?\n\n"
        "PENCE: We will absolutely accept the result of the election.\n\n"
        "\u201cThe war must end now.\u201d \u2015 Maria Lopez\n"
    )
    assert [(c.speaker, c.text) for c in x.claims] == [
        ("WALLACE", "Will you accept the result of the election?"),
        ("PENCE", "We will absolutely accept the result of the election."),
        ("Maria Lopez", "The war must end now."),
    ]


def test_first_person_inside_a_quote_belongs_to_the_quote(extract: Extract) -> None:
    x = extract('"I think the plan will fail," Maria Lopez said.')
    assert [c.cue for c in x.claims] == ["said"]


def test_spans_point_into_the_text(extract: Extract) -> None:
    text = (
        '"We will win," said Maria Lopez. According to the ministry, 300 soldiers died. '
        "The ministry said on Friday that reinforcements would arrive."
    )
    x = extract(text)
    assert len(x.claims) == 3
    for claim in x.claims:
        assert text[claim.content_span.start : claim.content_span.end] == claim.content_span.text
        assert claim.span.start <= claim.content_span.start < claim.span.end


def test_participle_after_the_content_is_a_claim_of_its_own(extract: Extract) -> None:
    x = extract(
        "Senator Mark Johnson said he doubted the plan, arguing that it would cost too much."
    )
    said, arguing = x.claims
    assert said.text == "he doubted the plan"
    assert arguing.cue == "arguing" and arguing.text == "it would cost too much"
    assert _speaker(x, arguing) == "Mark Johnson"


def test_a_not_inside_the_quote_does_not_negate_the_cue(extract: Extract) -> None:
    x = extract('"Are we ready for a war? Probably not," Maria Lopez said.')
    claim = _only(x)
    assert _speaker(x, claim) == "Maria Lopez"
    assert claim.polarity is Polarity.NEGATIVE


def test_quotation_split_by_the_cue_is_one_claim(extract: Extract) -> None:
    x = extract('"That," Maria Lopez added, "will make life harder for our children."')
    claim = _only(x)
    assert claim.direct and _speaker(x, claim) == "Maria Lopez"
    assert claim.text == "That will make life harder for our children."


def test_relative_pronoun_speaker_resolves_to_its_noun(extract: Extract) -> None:
    x = extract("The plan was criticized by Mark Johnson, who said that it would fail.")
    claim = _only(x)
    assert claim.speaker == "who" and _speaker(x, claim) == "Mark Johnson"
    assert claim.text == "it would fail"


def test_reported_speech_stays_in_its_paragraph(extract: Extract) -> None:
    text = "Maria Lopez said the vote was fair and\n\nthe count will end on Monday."
    for claim in extract(text).claims:
        assert "\n" not in claim.content_span.text
