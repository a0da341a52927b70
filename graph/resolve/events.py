"""Events across documents: one node per real-world event, however many sources report it.

`cluster_mentions` is the general matcher: it takes plain mention features (so it can also
cluster the gold event mentions of a coreference corpus) and merges on evidence: the same
predicate or event type, compatible dates at the weaker precision, equal quantities and
shared participants. A date or quantity conflict keeps mentions apart whatever else matches.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from graph.ids import make_id
from graph.model import DateValue, DocExtraction, Event, EventType, LocalEvent, Quantity, Span

# Event types that name the same kind of happening from different angles.
_FAMILIES = {
    EventType.CONSCRIPTION.value: "forces",
    EventType.MOBILIZATION.value: "forces",
    EventType.RECRUITMENT.value: "forces",
    EventType.MILITARY_BUILDUP.value: "forces",
    EventType.INVASION.value: "war",
    EventType.ATTACK.value: "war",
    EventType.DECREE.value: "law",
    EventType.LEGISLATION.value: "law",
}
# Predicate and type alone (3.5) are not enough: a date, a number or a participant must agree.
_THRESHOLD = 4.0
_SAME_DOCUMENT_THRESHOLD = 4.5
_PRECISION_ORDER = [
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
]


@dataclass(frozen=True)
class Mention:
    """What the matcher knows of one event mention."""

    key: Hashable
    document: str
    lemma: str
    event_type: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    quantities: frozenset[tuple[float, str]] = frozenset()
    participants: frozenset[str] = frozenset()
    negated: bool = False


@dataclass
class _Cluster:
    members: list[Mention] = field(default_factory=list)


def cluster_mentions(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Group mentions that refer to the same event; each mention in exactly one group.

    Example:
        >>> n = frozenset({(3e5, "")})
        >>> a = Mention("a", "doc1", "mobilize", "mobilization", quantities=n)
        >>> b = Mention("b", "doc2", "mobilization", "mobilization", quantities=n)
        >>> len(cluster_mentions([a, b]))
        1
    """
    clusters: list[_Cluster] = []
    for mention in mentions:
        best, best_score = None, 0.0
        for cluster in clusters:
            score = _cluster_score(mention, cluster)
            if score > best_score:
                best, best_score = cluster, score
        if best is not None:
            best.members.append(mention)
        else:
            clusters.append(_Cluster([mention]))
    return [c.members for c in clusters]


def _cluster_score(mention: Mention, cluster: _Cluster) -> float:
    scores = []
    for other in cluster.members:
        score = pair_score(mention, other)
        if score is None:
            return 0.0  # one conflict keeps the mention out of the whole cluster
        scores.append(score)
    best = max(scores)
    same_document = any(o.document == mention.document for o in cluster.members)
    threshold = _SAME_DOCUMENT_THRESHOLD if same_document else _THRESHOLD
    return best if best >= threshold else 0.0


def pair_score(a: Mention, b: Mention) -> float | None:
    """Evidence that two mentions are one event; None when they cannot be."""
    if a.negated != b.negated:
        return None
    if a.start and b.start and a.end and b.end and (a.end < b.start or b.end < a.start):
        return None
    shared_units = {u for _, u in a.quantities} & {u for _, u in b.quantities} - {""}
    if shared_units and not (a.quantities & b.quantities):
        return None  # 160,000 men is not 147,000 men
    score = 0.0
    if a.lemma == b.lemma:
        score += 2.0
    family_a, family_b = _FAMILIES.get(a.event_type), _FAMILIES.get(b.event_type)
    if a.event_type and a.event_type == b.event_type:
        score += 1.5
    elif family_a and family_a == family_b:
        score += 0.5
    elif a.lemma != b.lemma:
        return None
    values_a = {v for v, _ in a.quantities}
    if values_a & {v for v, _ in b.quantities}:
        score += 3.5
    if a.start and b.start and a.end and b.end:
        # Overlap of two short periods is evidence; two mentions of the same year much less.
        longest = max((a.end - a.start).days, (b.end - b.start).days)
        score += 1.0 if longest <= 31 else 0.5
    score += min(2, len(a.participants & b.participants)) * 0.75
    return score


def mention_of(event: LocalEvent, key: Hashable, actor_ids: Sequence[str]) -> Mention:
    """Matcher features of a local event; `actor_ids` are its participants' corpus ids."""
    return Mention(
        key=key,
        document=event.span.source_id,
        lemma=event.trigger,
        event_type=event.event_type.value,
        start=event.date.start if event.date else None,
        end=event.date.end if event.date else None,
        quantities=frozenset((q.value, q.unit) for q in event.quantities),
        participants=frozenset(actor_ids),
        negated=event.negated,
    )


EventKey = tuple[int, int]  # (document index, local event index)


def merge_events(
    extractions: Sequence[DocExtraction], actor_ids: dict[tuple[int, int], str]
) -> tuple[list[Event], dict[EventKey, str]]:
    """Cluster every document's events into corpus events.

    Returns:
        The events sorted by id, and a map from (document index, local index) to event id.
    """
    mentions = []
    for d, extraction in enumerate(extractions):
        for e, local in enumerate(extraction.events):
            ids = [actor_ids[(d, p.actor)] for p in local.participants]
            mentions.append(mention_of(local, (d, e), ids))
    events: dict[str, Event] = {}
    mapping: dict[EventKey, str] = {}
    for group in cluster_mentions(mentions):
        keys: list[EventKey] = [m.key for m in group]  # type: ignore[misc]
        event = _to_event([extractions[d].events[e] for d, e in keys])
        if event.id in events:  # same content, different happenings: keep both apart
            event = event.model_copy(update={"id": make_id("Event", event.id, event.mentions[0])})
        events[event.id] = event
        for key in keys:
            mapping[key] = event.id
    return sorted(events.values(), key=lambda e: e.id), mapping


def _to_event(members: list[LocalEvent]) -> Event:
    types = Counter(m.event_type for m in members)
    event_type = max(types, key=lambda t: (types[t], t != EventType.OTHER, t.value))
    date = _finest_date([m.date for m in members if m.date])
    quantities: list[Quantity] = []
    for member in members:
        for q in member.quantities:
            if all((q.value, q.unit) != (k.value, k.unit) for k in quantities):
                quantities.append(q)
    mentions: list[Span] = sorted({m.span for m in members}, key=lambda s: (s.source_id, s.start))
    representative = max(
        members, key=lambda m: (len(m.quantities), m.date is not None, -m.span.start)
    )
    trigger = representative.trigger
    return Event(
        id=make_id(
            "Event",
            event_type.value,
            trigger,
            date.value if date else "",
            sorted(q.value for q in quantities),
            "" if date or quantities else mentions[0],
        ),
        label=representative.label,
        event_type=event_type,
        trigger=trigger,
        date=date,
        quantities=tuple(quantities),
        location=next((m.location for m in members if m.location), None),
        negated=representative.negated,
        modality=representative.modality,
        mentions=tuple(mentions),
    )


def _finest_date(dates: list[DateValue]) -> DateValue | None:
    if not dates:
        return None
    return min(
        dates,
        key=lambda d: (_PRECISION_ORDER.index(d.precision.value), d.basis != "stated", d.value),
    )
