"""Actors and events on short synthetic texts: the general rules, one test each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.extract import extract_document
from graph.model import (
    ActorKind,
    DateBasis,
    DateMod,
    DateValue,
    DocExtraction,
    Document,
    Precision,
    Segment,
    Source,
)


def _extract(text: str, published: dt.date | None = dt.date(2024, 3, 29)) -> DocExtraction:
    return extract_document(_document(text, published))


def _document(text: str, published: dt.date | None = dt.date(2024, 3, 29)) -> Document:
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
    return Document(
        source=source, text=text, segments=(Segment(clean=0, original=0, length=len(text)),)
    )


def _actors(x: DocExtraction) -> dict[str, tuple[ActorKind, tuple[str, ...]]]:
    return {a.name: (a.actor_type, a.titles) for a in x.actors}


def test_titles_are_attributes_not_names(nlp: Any) -> None:
    x = _extract("Defense Minister Sergei Ivanov said on Monday that the army would grow.")
    assert _actors(x)["Sergei Ivanov"] == (ActorKind.PERSON, ("Defense Minister",))


@pytest.mark.parametrize(
    "text",
    [
        "Voters preferred Nina Sokolova, 57 percent to 22 percent, in the poll on Monday.",
        "The race pits Nina Sokolova, Ivan Orlov, against the mayor.",
        "Nina Sokolova, the remaining Republican candidates and Ivan Orlov met.",
    ],
    ids=["a-count", "a-name", "a-plural"],
)
def test_an_apposition_that_cannot_title_one_actor_is_no_title(nlp: Any, text: str) -> None:
    assert _actors(_extract(text))["Nina Sokolova"] == (ActorKind.PERSON, ())


def test_two_full_names_joined_by_and_are_two_actors(nlp: Any) -> None:
    x = _extract("Nina Sokolova, Ivan Orlov and Petr Ilyin, the remaining candidates, met today.")
    assert {"Ivan Orlov", "Petr Ilyin"} <= set(_actors(x))
    assert not any(" and " in name for name in _actors(x))


def test_a_dateline_is_no_part_of_the_name_after_it(nlp: Any) -> None:
    x = _extract("BERLIN - Donald Marsh may be testing the limits of tolerance, he said today.")
    assert _actors(x) == {"Donald Marsh": (ActorKind.PERSON, ())}


def test_a_word_run_into_a_name_at_a_sentence_start_is_no_part_of_it(nlp: Any) -> None:
    x = _extract("Telling Jeb Bush to drop out was a mistake, Smith said on Monday.")
    assert "Jeb Bush" in _actors(x) and not any("Telling" in name for name in _actors(x))
    x = _extract("Floridians Jeb Bush, Marco Rubio collide in scramble for early voters")
    assert "Jeb Bush" in _actors(x)


def test_a_title_never_runs_past_a_line_break(nlp: Any) -> None:
    x = _extract(
        "New Orleans Saints RB Reggie Bush 's season over\nThe Associated Press\n\nMETAIRIE,"
        " La. The running back is out, the team said on Monday."
    )
    assert all(not a.titles for a in x.actors), [(a.name, a.titles) for a in x.actors]


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


def test_named_things_are_actors_of_their_kind(nlp: Any) -> None:
    x = _extract(
        "The Dow Jones Industrial Average fell 300 points on Monday. Congress passed the "
        "Patriot Act in October. Delegates gathered at the Paris Air Show."
    )
    actors = _actors(x)
    assert actors["Dow Jones Industrial Average"][0] is ActorKind.INDEX
    assert actors["Patriot Act"][0] is ActorKind.LAW


def test_coined_names_and_model_numbers_are_product_names(nlp: Any) -> None:
    x = _extract(
        "Zentro unveiled the zPhone 7 on Tuesday. The company sold two million zPads last "
        "year. Sales of the zPad rose."
    )
    actors = _actors(x)
    assert actors["zPhone 7"][0] is ActorKind.PRODUCT
    assert actors["zPad"][0] is ActorKind.PRODUCT  # the plural is a mention of it
    assert "zPads" not in actors


def test_apposition_gives_a_thing_its_kind_for_every_mention(nlp: Any) -> None:
    x = _extract(
        "Russia's online public services portal, Gosuslugi, disabled the option. Anyone "
        "deleting a Gosuslugi account would be judged a draft dodger."
    )
    things = [a for a in x.actors if a.name == "Gosuslugi"]
    assert [a.actor_type for a in things] == [ActorKind.PRODUCT]


def test_event_participants_include_named_things(nlp: Any) -> None:
    x = _extract("Zentro unveiled the zPhone 7 in Berlin on March 3, 2024.")
    names = [x.actors[p.actor].name for e in x.events for p in e.participants]
    assert "zPhone 7" in names


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
        # a statement of a plan tells the plan
        ("On Monday, the minister announced plans to bolster the army.", "planned"),
        # a headline's infinitive tells what is to come
        ("Troops to leave Iraq by 2011", "planned"),
        ("Mobilisation in Russia; 400 000+ to be Drafted", "planned"),
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


_STORY = (
    "Russian President Vladimir Putin ordered the mobilization of 5,000 men on May 3, 2024.\n\n"
    "The Defense Ministry said the call-up would grow by June.\n\n"
    "Ukraine reported an attack on Kharkiv on May 5, 2024, which killed 12 people.\n\n"
    "Putin met Chinese President Xi Jinping in Beijing on May 16, 2024.\n\n"
)


def test_a_long_text_is_extracted_in_pieces_joined_into_one_document(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.extract

    one = _extract(_STORY)
    monkeypatch.setattr(graph.extract, "_PIECE", len(_STORY) + 5)
    parsed: list[int] = []

    class Recording:
        """The pipeline, noting the length of every text it parses."""

        lang = nlp.lang

        def __call__(self, text: str) -> Any:
            parsed.append(len(text))
            return nlp(text)

    monkeypatch.setattr(graph.extract, "load_pipeline", lambda model=None: Recording())
    # The story, the story with other dates (other events), then the story told again.
    size = len(_STORY)
    text = _STORY + _STORY.replace("2024", "2023").replace("June", "July") + _STORY
    x = _extract(text)
    assert parsed == [size] * 3  # one piece at a time, never the whole text
    # Actors named in every piece are one actor of the document, with every mention.
    assert [(a.name, a.aliases, a.titles) for a in x.actors] == [
        (a.name, a.aliases, a.titles) for a in one.actors
    ]
    assert [len(a.mentions) for a in x.actors] == [3 * len(a.mentions) for a in one.actors]
    # The third piece tells the first one's events again, word for word: they are kept once,
    # with their repeats; the second piece's events are events of their own.
    n = len(one.events)
    assert len(x.events) == 2 * n and len(x.claims) == 3 * len(one.claims)
    assert [e.repeats for e in x.events] == [(2 * size,)] * n + [()] * n
    assert [e.model_copy(update={"repeats": ()}) for e in x.events[:n]] == list(one.events)
    for k, event in enumerate(x.events[n:]):
        assert event.participants == tuple(
            p.model_copy(update={"span": q.span})
            for p, q in zip(one.events[k].participants, event.participants, strict=True)
        )
    for k, claim in enumerate(x.claims):
        same = one.claims[k % len(one.claims)]
        assert (claim.speaker_actor, claim.via_actor) == (same.speaker_actor, same.via_actor)
        shift = n if k // len(one.claims) == 1 else 0
        assert claim.about_event == (None if same.about_event is None else same.about_event + shift)
    # Every span points into the whole text, repeats included.
    spans = [m for a in x.actors for m in a.mentions]
    spans += [s for e in x.events for s in e.tellings(e.span) + e.tellings(e.trigger_span)]
    spans += [s for e in x.events for p in e.participants for s in e.tellings(p.span)]
    spans += [c.content_span for c in x.claims]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert max(s.start for s in spans) > 2 * size


def test_a_short_name_in_one_piece_joins_the_full_name_in_another() -> None:
    from graph.extract.actors import merge_piece_actors
    from graph.model import LocalActor, Span

    def actor(name: str, start: int, kind: ActorKind = ActorKind.PERSON) -> LocalActor:
        span = Span(source_id="s", start=start, end=start + len(name), text=name)
        return LocalActor(name=name, actor_type=kind, mentions=(span,))

    first = [actor("Ukraine", 0, ActorKind.COUNTRY), actor("Vladimir Putin", 10)]
    second = [actor("Putin", 100), actor("Ukraine", 120, ActorKind.COUNTRY)]
    third = [actor("Kremlin", 200, ActorKind.ORGANIZATION)]
    actors, renumber = merge_piece_actors([first, second, third])
    assert [(a.name, a.aliases) for a in actors] == [
        ("Ukraine", ()),
        ("Vladimir Putin", ("Putin",)),
        ("Kremlin", ()),
    ]
    assert [m.start for m in actors[0].mentions] == [0, 120]
    assert [m.start for m in actors[1].mentions] == [10, 100]
    assert renumber == [[0, 1], [1, 0], [2]]


def test_pieces_cover_the_text_and_end_at_line_breaks() -> None:
    from graph.extract import pieces

    text = ("word " * 30 + "\n") * 50
    ranges = pieces(text, 1000)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    assert all(text[end - 1] == "\n" and end - start <= 1000 for start, end in ranges)
    assert pieces("", 10) == [(0, 0)] and pieces("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


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


def test_a_rise_in_people_is_no_market_move(nlp: Any) -> None:
    x = _extract("The plan foresees a rise of 180,000 troops.")
    assert {e.label: e.event_type.value for e in x.events} == {"a rise of 180,000 troops": "other"}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # rising and falling: a measure moves, not a refusal or a rise to fame
        ("The index fell 3% on Monday. The rent jumped on Monday.", ["market_move"] * 2),
        ("Cook declined to comment on Monday. Smith rose to fame on Monday.", ["other"] * 2),
        ("The court on Monday declined a request from Apple.", ["other"]),
        # sending forces, not mail
        ("Russia sent troops to the border on Monday.", ["deployment"]),
        ("The email was sent on Monday.", ["other"]),
        # bringing out a named thing or a product, not a statement
        (
            "Apple released iOS 4 on Monday. Samsung unveiled a smartphone on Monday.",
            ["product_launch"] * 2,
        ),
        ("The ministry released a statement on Monday.", ["other"]),
        # meeting people, not a demand
        ("Biden met Putin on Monday.", ["diplomacy"]),
        ("The supply has not met the demand since Monday.", ["other"]),
        # striking a deal is making one
        ("The two firms struck a deal on Monday.", ["agreement"]),
        ("Rebels struck the base on Monday.", ["attack"]),
        # founding a body, adopting an act
        ("Smith founded the company in 1998. Jones set a record in 1999.", ["founding", "other"]),
        ("The firm established a reserve in 1998.", ["other"]),
        (
            "The Senate ratified the treaty in 1998. The firm adopted a plan in 1999.",
            ["legislation", "other"],
        ),
        # growing armed forces is a buildup; growing a budget or sales is not
        (
            "Russia increased its armed forces on Monday. Spain expanded its army in 1999.",
            ["military_buildup"] * 2,
        ),
        ("The ministry increased its military budget on Monday.", ["other"]),
    ],
)
def test_a_word_signals_its_type_only_with_fitting_arguments(
    nlp: Any, text: str, types: list[str]
) -> None:
    assert [e.event_type.value for e in _extract(text).events] == types


def test_happenings_summed_up_undated_are_background(nlp: Any) -> None:
    x = _extract("Faced with setbacks, Russia has resorted to recruitment campaigns twice.")
    assert x.events == ()
    assert _extract("Rebels have attacked the town several times.").events == ()
    dated = _extract("Rebels have attacked the town twice in May 2023.")  # dated: still told
    assert [e.trigger for e in dated.events] == ["attack"]
    once = _extract("Ms. Sanders was hit several times.")  # one happening, many blows
    assert [e.label for e in once.events] == ["Ms. Sanders was hit"]


def test_a_plan_reported_on_a_month_takes_the_report_tense(nlp: Any) -> None:
    # published some day between December 2022 and August 2023: "In December" of a past
    # report is December 2022 whatever the day; the plan's own tense would make it open
    x = _extract("In December, Shoigu stated that Russia aimed to increase its armed forces.", None)
    (event,) = x.events
    assert event.event_type.value == "military_buildup"
    assert event.date_expression is not None and event.date_expression.tense == "past"


def test_a_clause_set_off_to_describe_a_name_is_background(nlp: Any) -> None:
    x = _extract(
        "Ukraine, which has carefully guarded its losses, may have sustained at least"
        " 120,000 casualties."
    )
    assert [e.trigger for e in x.events] == ["casualty"]
    told = _extract("Ukraine has carefully guarded its losses.")  # told for itself: an event
    assert [e.trigger for e in told.events] == ["guard"]


def test_a_participle_describing_an_object_is_not_folded_into_the_event(nlp: Any) -> None:
    x = _extract("Nina Sokolova has identified 31 regions already sending out troops.")
    assert [(e.trigger, e.event_type.value) for e in x.events] == [("identify", "other")]


def test_a_date_of_a_statement_noun_does_not_date_the_verb(nlp: Any) -> None:
    x = _extract(
        "Officials are working to implement Defense Minister Nina Sokolova's promise from last"
        " year that all mobilized men will eventually be replaced by contract servicemen."
    )
    assert "2023" not in {e.date.value for e in x.events if e.date}  # the promise's year


def test_a_date_owning_an_argument_dates_it_only(nlp: Any) -> None:
    x = _extract(
        "This draft, exceeding last year's numbers by 10,000, occurs amid heavy fighting."
        " Some 147,000 conscripts were drafted during last year's spring call-ups."
    )
    dates = {e.label: e.date.value if e.date else None for e in x.events}
    assert dates == {
        "This draft": None,
        "Some 147,000 conscripts were drafted during call-ups": "2023-SP",  # last year's spring
    }


def test_an_event_named_with_a_demonstrative_is_told_back(nlp: Any) -> None:
    x = _extract("Russia plans a large draft. This draft of 160,000 men begins in April.")
    assert [(e.label, e.told_back) for e in x.events] == [
        ("This draft of 160,000 men begins", True)
    ]


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


def test_a_date_inside_a_since_phrase_opens_the_event(nlp: Any) -> None:
    x = _extract(
        "Since the onset of the invasion in February 2022, Putin has amplified military"
        " strength on three separate occasions."
    )
    (event,) = x.events
    assert event.date is not None
    assert (event.date.value, event.date.mod) == ("2022-02", DateMod.AFTER)


def test_news_with_no_date_of_its_own_is_dated_by_publication(nlp: Any) -> None:
    x = _extract(
        "Apple has unveiled a new iPhone. Analysts were surprised. Sales rose. Prices held."
        " Earlier, the board approved the merger."
    )
    dated = {e.label: e.date for e in x.events}
    news = dated["Apple has unveiled a new iPhone"]
    assert news is not None and news.basis == DateBasis.PUBLICATION
    assert (news.value, news.mod) == ("2024-03-29", DateMod.BEFORE)
    # past tense past the opening lines is background, not news: left undated
    assert dated["the board approved the merger"] is None
    assert all(e.news == (e.date is not None) for e in x.events)


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("The army called up 160,000 men on Monday.", False),
        ("The Kremlin on Monday increased the draft, up 10,000 on last spring.", True),
        ("The army on Monday reported a rise of 180,000 troops.", True),
        ("The army grew by 5,000 soldiers on Monday.", True),
    ],
)
def test_a_difference_is_not_a_count(nlp: Any, text: str, change: bool) -> None:
    quantities = [q for e in _extract(text).events for q in e.quantities]
    assert quantities and all(q.change is change for q in quantities), quantities


def test_no_one_is_not_a_quantity(nlp: Any) -> None:
    x = _extract("No one will be drafted this year, the ministry said on Friday.")
    assert [q for e in x.events for q in e.quantities] == []


def test_labels_keep_hyphenated_words_whole(nlp: Any) -> None:
    x = _extract("The senator was rallying for a 70-year-old academic on Monday.")
    assert [e.label for e in x.events] == ["The senator was rallying for a 70-year-old academic"]


def test_labels_name_the_phase_and_the_hidden_subject(nlp: Any) -> None:
    x = _extract(
        "The latest conscription window began on Monday. Some conscripts found themselves"
        " caught in combat in August 2023."
    )
    labels = {e.label for e in x.events}
    assert "The latest conscription window began" in labels
    assert "Some conscripts caught in combat" in labels


def test_a_resolved_pronoun_reads_as_its_name_in_labels(nlp: Any) -> None:
    x = _extract(
        "The Defense Ministry published its figures on Monday. In 2023 it recruited over"
        " 400,000 soldiers to replenish its forces."
    )
    labels = {e.label for e in x.events}
    assert "the Defense Ministry recruited over 400,000 soldiers" in labels, labels
    assert "The Defense Ministry published its figures" in labels, labels
    assert not any(label.split()[0].lower() in {"it", "its"} for label in labels), labels


def test_a_pronoun_whose_actor_is_named_only_later_reads_as_that_name(nlp: Any) -> None:
    x = _extract(
        "The ministry said it wants to recruit 500,000 soldiers in 2023. Regional offices"
        " receive an annual quota from the Defense Ministry."
    )
    labels = {e.label for e in x.events}
    assert "the Defense Ministry wants to recruit 500,000 soldiers" in labels, labels


def test_a_clause_in_parentheses_after_an_event_noun_is_that_event(nlp: Any) -> None:
    x = _extract(
        "The day before the start of the country's spring conscription campaign (to call up"
        " men for their mandatory military service), the army announced a new rule."
    )
    events = [e for e in x.events if e.event_type.value == "conscription"]
    assert [e.label for e in events] == ["the start of the country's conscription campaign"]
    assert "call" not in {e.trigger for e in x.events}


def test_an_event_noun_a_name_owns_is_an_event_told_back_when_undated(nlp: Any) -> None:
    x = _extract(
        "Negotiator Kirill Dmitriev is set to visit Washington on Friday. Dmitriev's visit"
        " could signal movement toward peace. Critics recalled Russia's invasion of Ukraine"
        " in 2022."
    )
    by_label = {e.label: e for e in x.events}
    assert "Dmitriev's visit" in by_label and by_label["Dmitriev's visit"].told_back
    invasion = next(e for e in x.events if e.trigger == "invasion")
    assert not invasion.told_back  # dated: its own event


def test_a_label_through_the_governing_verb_keeps_its_complement(nlp: Any) -> None:
    x = _extract(
        "Facing shortages, the army has turned to cash bonuses twice to recruit 5,000 soldiers."
    )
    assert "the army has turned to cash bonuses to recruit 5,000 soldiers" in {
        e.label for e in x.events
    }
    # the event on the infinitive, its subject and complement from the verb governing it
    x = _extract(
        "Faced with falling sales, the carmaker has resorted to price cuts twice to bolster"
        " its market share in 2024."
    )
    assert [e.label for e in x.events] == [
        "the carmaker has resorted to price cuts to bolster its market share"
    ]


def test_a_name_stays_whole_in_a_label_and_a_long_subject_gives_up_its_complement(
    nlp: Any,
) -> None:
    x = _extract("Analysts at the Bank of England cut their forecast in May 2024.")
    assert [e.label for e in x.events] == ["Analysts at the Bank of England cut their forecast"]
    x = _extract(
        "Norwegian economist Anna Berg at the University of Oslo in Norway has surveyed 300"
        " companies in 2024."
    )
    assert [e.label for e in x.events] == [
        "Norwegian economist Anna Berg has surveyed 300 companies"
    ]


def test_pronouns_and_participles_alone_anchor_no_event(nlp: Any) -> None:
    x = _extract(
        "Contracts allow them to be sent to fight. The army has 1.5 million servicemen,"
        " with 300,000 reservists targeted within three years."
    )
    assert [e.label for e in x.events if e.trigger in {"send", "target"}] == []


def test_an_infinitive_of_purpose_completes_the_label(nlp: Any) -> None:
    x = _extract("Russian negotiator Kirill Dmitriev is set to visit Washington on Friday.")
    assert [e.label for e in x.events] == [
        "Russian negotiator Kirill Dmitriev is set to visit Washington"
    ]


def test_found_is_the_past_of_find_and_founded_a_founding(nlp: Any) -> None:
    founded = _extract("Steve Jobs founded NeXT in 1985.")
    assert [e.event_type.value for e in founded.events] == ["founding"]
    found = _extract("Some conscripts found themselves caught in combat in August 2023.")
    assert "founding" not in {e.event_type.value for e in found.events}


def test_a_corporate_designator_names_no_other_company(nlp: Any) -> None:
    x = _extract(
        "Norvia Inc. reported a loss on Monday. Norvia said sales fell, and analysts expect"
        " Norvia to cut prices."
    )
    assert [(a.name, a.aliases) for a in x.actors] == [("Norvia Inc.", ("Norvia",))]


def test_a_model_number_split_by_the_tokenizer_stays_in_the_name(nlp: Any) -> None:
    x = _extract(
        "Zentro unveiled the zPhone 5G on Tuesday. The zPhone 5G sold a million units in a week."
    )
    actors = _actors(x)
    assert "zPhone 5G" in actors and "zPhone 5" not in actors


def test_a_blank_line_ends_a_sentence(nlp: Any) -> None:
    doc = nlp("Navy Foils Pirate Attack\n\nThe navy thwarted an attack on Thursday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Navy Foils Pirate Attack",
        "The navy thwarted an attack on Thursday.",
    ]


def test_events_carry_the_content_words_around_them(nlp: Any) -> None:
    x = _extract("Police arrested the gunman near the school on Friday after a long chase.")
    (arrest,) = [e for e in x.events if e.trigger == "arrest"]
    assert {"police", "gunman", "school"} <= set(arrest.words)
    # not the event word itself, stop words, the date (compared on its own) or far words
    assert not {"arrest", "the", "friday", "chase"} & set(arrest.words)
    assert list(arrest.words) == sorted(arrest.words)


def test_a_document_carries_its_content_words_with_counts(nlp: Any) -> None:
    x = _extract("The navy captured the pirates. The navy freed the tanker and its crew.")
    assert x.context["navy"] == 2
    assert x.context["pirate"] == 1 and x.context["capture"] == 1
    assert "the" not in x.context and "and" not in x.context


def test_an_event_told_as_done_does_not_take_the_report_date(nlp: Any) -> None:
    x = _extract("Police said on Saturday that the gunman had killed two people.")
    (killing,) = [e for e in x.events if e.trigger == "kill"]
    assert killing.date is None or killing.date.basis == "publication"


def test_describe_event_describes_any_word_as_extraction_does(nlp: Any) -> None:
    from graph.extract import read_anchors
    from graph.extract.events import describe_event
    from graph.lang import get

    from .conftest import one_segment_document

    text = "Russia will begin conscription on April 1, calling up 150,000 men."
    document = one_segment_document(text)
    found = extract_document(document).events
    anchors = read_anchors(nlp(text), document, get())
    begin = anchors.doc[2:4]  # "will begin": the head is the content word "begin"
    described = describe_event(begin, anchors)
    assert described.trigger_span == found[0].trigger_span
    assert described.date == found[0].date and described.words == found[0].words
    # a word extraction would not count as an event still gets its features
    men = describe_event(anchors.doc[11], anchors)
    assert men.trigger == "man" and "150,000" in men.words


def test_a_date_of_another_noun_does_not_date_an_event_through_its_report(nlp: Any) -> None:
    text = (
        "As the winter offensive in eastern Donbas falters, Ukraine signals its own spring "
        "offensive, Russian officials said."
    )
    dated = {e.label: e.date for e in _extract(text).events}
    assert not any("spring" in label for label in dated), dated


def test_the_word_of_a_phrase_is_never_a_symbol(nlp: Any) -> None:
    from graph.extract.events import event_word
    from graph.lang import get

    doc = nlp("Ellen DeGeneres will return to host the Oscars® for a second time.")
    oscars = doc[7:9]  # "Oscars®": the parser makes the trademark sign a noun and the head
    assert oscars.text == "Oscars®"
    assert event_word(oscars, get().events).text == "Oscars"


def test_an_event_told_as_another_of_its_kind_is_marked(nlp: Any) -> None:
    marked = [
        "He believes the second wave of mobilization has begun.",
        "Officials say a new mobilization push will begin in May.",
        "The army launched another offensive in May.",
    ]
    for text in marked:
        assert [e.again for e in _extract(text).events] == [True], text
    assert [e.again for e in _extract("The army launched an offensive in May.").events] == [False]


def test_a_text_saying_one_thing_over_and_over_is_held_once(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracemalloc

    import graph.extract

    monkeypatch.setattr(graph.extract, "_PIECE", 4_000)
    line = "On March 3, 2024 the army mobilized 10,000 troops in the region.\n"

    def extracted(lines: int) -> tuple[DocExtraction, int]:
        """The extraction of `line` told `lines` times, and the peak memory it took."""
        text = line * lines
        document = _document(text)
        tracemalloc.start()
        try:
            extraction = extract_document(document)
            return extraction, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    extracted(60)  # loads what every extraction shares
    _, short = extracted(120)  # two pieces
    x, long = extracted(720)  # twelve pieces
    # Every telling is kept, as repeats of the events first told...
    assert sum(1 + len(e.repeats) for e in x.events) == 720 and len(x.events) <= 3
    text = line * 720
    assert all(text[s.start : s.end] == s.text for e in x.events for s in e.tellings(e.span))
    # ... and memory is one piece's parse, whatever the length of the text (600 events of
    # their own would take over 3 MB more).
    assert long - short < 250 * graph.extract._PIECE, (short, long)
