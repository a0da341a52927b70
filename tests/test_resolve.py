from __future__ import annotations

import datetime as dt

from graph.model import (
    ActorKind,
    Claim,
    DateBasis,
    DateValue,
    DocExtraction,
    EdgeType,
    Event,
    EventType,
    LocalActor,
    Polarity,
    Precision,
    Source,
    Span,
)
from graph.resolve.actors import merge_actors, name_key
from graph.resolve.claims import content_words, link_claims
from graph.resolve.events import Mention, cluster_mentions, pair_score
from graph.resolve.timeline import chain_events, chronological, precedes


def _document(n: int, *actors: tuple[str, ActorKind, int]) -> DocExtraction:
    source = Source(id=f"src_{n}", path=f"{n}.txt", content_hash=str(n), format="text", words=9)
    span = Span(source_id=source.id, start=0, end=1, text="x")
    return DocExtraction(
        extractor="test",
        source=source,
        actors=tuple(
            LocalActor(name=name, actor_type=kind, mentions=(span,) * count)
            for name, kind, count in actors
        ),
    )


def test_a_name_called_an_organisation_and_a_product_is_one_product() -> None:
    docs = [
        _document(1, ("zPad", ActorKind.ORGANIZATION, 3)),
        _document(2, ("zPad", ActorKind.PRODUCT, 2)),
        _document(3, ("Zentro", ActorKind.ORGANIZATION, 9), ("zPad", ActorKind.PERSON, 1)),
        _document(4, ("Zentro", ActorKind.PRODUCT, 1)),
    ]
    actors, _ = merge_actors(docs)
    kinds = sorted((a.name, a.actor_type.value, len(a.mentions)) for a in actors)
    # a person of the same name stays apart; a product reading in one of many stays out
    assert kinds == [
        ("Zentro", "organization", 10),
        ("zPad", "person", 1),
        ("zPad", "product", 5),
    ]


def test_nicknames_designators_and_acronyms_name_one_actor() -> None:
    docs = [
        _document(
            1, ("William Harlow", ActorKind.PERSON, 2), ("Zentro Inc.", ActorKind.ORGANIZATION, 2)
        ),
        _document(2, ("Bill Harlow", ActorKind.PERSON, 1), ("Zentro", ActorKind.ORGANIZATION, 3)),
        _document(
            3, ("Open Data Exchange", ActorKind.ORGANIZATION, 1), ("ODE", ActorKind.ORGANIZATION, 1)
        ),
        _document(
            4, ("Bill Harlow", ActorKind.ORGANIZATION, 1), ("Zentro TV", ActorKind.ORGANIZATION, 1)
        ),
    ]
    actors, _ = merge_actors(docs)
    names = sorted((a.name, a.actor_type.value, len(a.mentions)) for a in actors)
    assert names == [
        ("Bill Harlow", "organization", 1),  # a company named so is not the person
        ("Open Data Exchange", "organization", 2),
        ("William Harlow", "person", 3),
        ("Zentro Inc.", "organization", 5),
        ("Zentro TV", "organization", 1),  # the short name is the more used: not its short form
    ]


def test_a_name_without_middle_initials_joins_the_one_name_with_them() -> None:
    person = ActorKind.PERSON
    docs = [
        _document(1, ("Nina K. Sokolova", person, 2), ("Ivan Orlov", person, 1)),
        _document(2, ("Nina Sokolova", person, 1), ("Sokolova", person, 1)),
        _document(3, ("Ivan P. Orlov", person, 1), ("Ivan D. P. Orlov", person, 1)),
    ]
    actors, _ = merge_actors(docs)
    names = sorted((a.name, len(a.mentions)) for a in actors)
    # two men with the initials of "Ivan Orlov" leave him apart, and apart from each other
    assert names == [
        ("Ivan D. P. Orlov", 1),
        ("Ivan Orlov", 1),
        ("Ivan P. Orlov", 1),
        ("Nina K. Sokolova", 4),
    ]


def test_name_key_spelling_variants() -> None:
    assert name_key("Yury Shuvalov") == name_key("Yuri Shuvalov")
    assert name_key("Lugansk") == name_key("Luhansk")
    assert name_key("U.S.") == name_key("US")
    assert name_key("the Kremlin's") == name_key("Kremlin")
    assert name_key("Sergei Shoigu") != name_key("Sergei Sobyanin")


def _mention(key: str, doc: str, lemma: str, kind: str, **kw: object) -> Mention:
    return Mention(key=key, document=doc, lemma=lemma, event_type=kind, **kw)  # type: ignore[arg-type]


def test_same_quantity_across_documents_is_one_event() -> None:
    a = _mention(
        "a", "d1", "mobilization", "mobilization", quantities=frozenset({(3e5, "reservist")})
    )
    b = _mention("b", "d2", "draft", "conscription", quantities=frozenset({(3e5, "")}))
    assert len(cluster_mentions([a, b])) == 1


def test_conflicting_quantities_stay_apart() -> None:
    a = _mention("a", "d1", "draft", "conscription", quantities=frozenset({(160000.0, "man")}))
    b = _mention("b", "d2", "draft", "conscription", quantities=frozenset({(147000.0, "man")}))
    assert pair_score(a, b) is None
    assert len(cluster_mentions([a, b])) == 2


def test_disjoint_dates_stay_apart() -> None:
    a = _mention(
        "a", "d1", "draft", "conscription", start=dt.date(2023, 4, 1), end=dt.date(2023, 4, 30)
    )
    b = _mention(
        "b", "d2", "draft", "conscription", start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 30)
    )
    assert len(cluster_mentions([a, b])) == 2


def _event(eid: str, start: dt.date, end: dt.date, precision: Precision) -> Event:
    date = DateValue(
        value=eid, start=start, end=end, precision=precision, text="", basis=DateBasis.STATED
    )
    return Event(id=eid, label=eid, event_type=EventType.OTHER, trigger="x", date=date)


def test_month_is_neither_before_nor_after_a_day_inside_it() -> None:
    month = _event("m", dt.date(2024, 3, 1), dt.date(2024, 3, 31), Precision.MONTH)
    day = _event("d", dt.date(2024, 3, 15), dt.date(2024, 3, 15), Precision.DAY)
    assert not precedes(month, day) and not precedes(day, month)
    assert chronological([day, month])[0].id == "m"


def test_precedes_is_a_chain() -> None:
    a = _event("a", dt.date(2022, 1, 1), dt.date(2022, 12, 31), Precision.YEAR)
    b = _event("b", dt.date(2023, 1, 1), dt.date(2023, 12, 31), Precision.YEAR)
    c = _event("c", dt.date(2024, 1, 1), dt.date(2024, 12, 31), Precision.YEAR)
    edges = {(e.source, e.target) for e in chain_events([c, a, b])}
    assert edges == {("a", "b"), ("b", "c")}


def _claim(cid: str, source: str, text: str, polarity: Polarity, start: int = 0) -> Claim:
    span = Span(source_id=source, start=start, end=start + len(text), text=text)
    return Claim(id=cid, text=text, direct=False, cue="said", polarity=polarity, span=span)


def test_opposed_claims_on_one_subject_contradict() -> None:
    denial = _claim(
        "a", "s1", 'dismissed talk of a "second wave of mobilization"', Polarity.NEGATIVE
    )
    report = _claim("b", "s1", "the second wave of mobilization has begun", Polarity.POSITIVE, 200)
    other = _claim("c", "s2", "the weather in the capital was mild", Polarity.POSITIVE)
    edges = link_claims([denial, report, other], {}, {"a": "act_1", "b": "act_2"})
    assert [(e.type, e.source, e.target) for e in edges] == [(EdgeType.CONTRADICTS, "a", "b")]
    assert "second" in (edges[0].evidence or "") and "wave" in (edges[0].evidence or "")


def test_the_links_of_new_claims_are_those_all_claims_give_them() -> None:
    texts = [
        ("a", "s1", "the second wave of mobilization has begun", Polarity.POSITIVE),
        ("b", "s2", "a second wave of mobilization has not begun", Polarity.NEGATIVE),
        ("c", "s3", "the second wave of mobilization began in the north", Polarity.POSITIVE),
        ("d", "s4", "the weather in the capital was mild", Polarity.POSITIVE),
        ("e", "s5", "nobody was drafted", Polarity.NEGATIVE),
        ("f", "s6", "conscripts were sent north", Polarity.POSITIVE),
    ]
    claims = [_claim(i, s, t, p) for i, s, t, p in texts]
    about = {"e": "evt_1", "f": "evt_1"}  # one event, whatever their words
    whole = link_claims(claims, about, {})
    for new in ({"a"}, {"b", "c"}, {"f"}, {"d", "e"}):
        holding = [e for e in whole if e.source in new or e.target in new]
        known = {c.id: content_words(c.text) for c in claims if c.id in new}
        assert link_claims(claims, about, {}, new=new) == holding
        assert link_claims(claims, about, {}, new=new, known=known) == holding
    assert {(e.type, e.source, e.target) for e in whole} >= {
        (EdgeType.CONTRADICTS, "a", "b"),
        (EdgeType.SUPPORTS, "a", "c"),
        (EdgeType.CONTRADICTS, "e", "f"),
    }


def test_one_shared_topic_word_is_not_a_contradiction() -> None:
    a = _claim("a", "s1", "any mobilization", Polarity.NEGATIVE)
    b = _claim("b", "s2", "you voted for mobilization", Polarity.POSITIVE)
    assert link_claims([a, b], {}, {}) == []


def test_a_speaker_does_not_contradict_itself() -> None:
    a = _claim("a", "s1", "conscripts will not be sent to fight", Polarity.NEGATIVE)
    b = _claim("b", "s2", "conscripts were sent to fight", Polarity.POSITIVE)
    assert link_claims([a, b], {}, {"a": "act_1", "b": "act_1"}) == []
    assert [e.type for e in link_claims([a, b], {}, {"a": "act_1", "b": "act_2"})] == [
        EdgeType.CONTRADICTS
    ]


def test_concepts_join_different_words_for_one_notion() -> None:
    assert "combat" in content_words("serving on the front lines")
    assert "combat" in content_words("sent to fight")
