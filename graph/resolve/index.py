"""The resolver's indexes: what the store keeps so that a later load can attach new documents
to the graph (`graph.resolve.incremental`) without resolving the whole corpus again.

- actors: every name key an actor goes by, by kind ("vladimir putin" -> its actor);
- events: each event mention's matcher features (`Mention`, JSON), and each event filed
  under its blocking keys (predicate stems, synonym groups, type) with its first day;
- documents: each document's context and publication bounds (what tells stories apart),
  with how many documents hold each context item (their rarity);
- sketches: each document's fingerprint hashes (what finds copies);
- claim words: each claim's content words (what finds claims on the same subject).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path

from graph.ids import code_version
from graph.lang import Lexicon
from graph.model import Claim, DocExtraction, LocalEvent
from graph.resolve.actors import cluster_key
from graph.resolve.claims import content_words
from graph.resolve.events import Mention, blocking_keys, mention_of
from graph.resolve.sources import publication_bounds
from graph.store.sqlite import Index

LocalKey = tuple[int, int]  # document index, local index


_PACKAGE = Path(__file__).resolve().parent
# The code and words resolution runs on: indexes written by other code are not attached to
# (the load resolves anew).
RESOLVER_VERSION = code_version(
    [
        path
        for folder in (_PACKAGE, _PACKAGE.parent / "lang")
        for pattern in ("*.py", "*.json.gz")
        for path in sorted(folder.rglob(pattern))
    ],
    _PACKAGE.parent.parent,
)


def key_text(key: Hashable) -> str:
    """A blocking key as stored: a word as itself, a synonym group or a type tagged."""
    if isinstance(key, tuple):
        return ":".join(str(k) for k in key)
    if isinstance(key, int):
        return f"synonyms:{key}"
    return str(key)


def features(mention: Mention, event: LocalEvent) -> str:
    """What the matcher reads of a mention, as JSON (its document's context and
    publication bounds are kept once per document), and what decides which mention
    describes its event (`graph.resolve.events.to_event`)."""
    return json.dumps(
        {
            "label": event.label,
            "at": event.span.start,
            "dated": event.date is not None,
            "modality": event.modality,
            "document": mention.document,
            "lemma": mention.lemma,
            "type": mention.event_type,
            "start": _day(mention.start),
            "end": _day(mention.end),
            "quantities": sorted(mention.quantities),
            "participants": sorted(mention.participants),
            "negated": mention.negated,
            "again": mention.again,
            "words": sorted(mention.words),
            "reported_by": _day(mention.reported_by),
            "pending": mention.pending,
        },
        separators=(",", ":"),
    )


def from_features(text: str, key: Hashable, published: tuple[dt.date, dt.date] | None) -> Mention:
    """The mention `features` wrote, under `key`."""
    data = json.loads(text)
    return Mention(
        key=key,
        document=data["document"],
        lemma=data["lemma"],
        event_type=data["type"],
        start=_date(data["start"]),
        end=_date(data["end"]),
        quantities=frozenset((float(v), str(u)) for v, u in data["quantities"]),
        participants=frozenset(data["participants"]),
        negated=data["negated"],
        again=data["again"],
        planned=data.get("modality") == "planned",
        words=frozenset(data["words"]),
        reported_by=_date(data["reported_by"]),
        pending=data.get("pending", False),
        published=published,
    )


def bounds_row(bounds: tuple[dt.date, dt.date] | None) -> tuple[str, str]:
    """Publication bounds as stored: ISO days, '' where open."""
    if bounds is None:
        return "", ""
    first, last = bounds
    return (
        "" if first == dt.date.min else first.isoformat(),
        "" if last == dt.date.max else last.isoformat(),
    )


def bounds_of(first: str, last: str) -> tuple[dt.date, dt.date] | None:
    """`bounds_row` read back."""
    if not first and not last:
        return None
    return (
        dt.date.fromisoformat(first) if first else dt.date.min,
        dt.date.fromisoformat(last) if last else dt.date.max,
    )


def build_index(
    resolved: Sequence[DocExtraction],
    every: Sequence[DocExtraction],
    actor_ids: dict[LocalKey, str],
    event_ids: dict[LocalKey, str],
    claims: Iterable[Claim],
    stories: dict[str, str],
    lexicon: Lexicon,
) -> Index:
    """The index rows of a resolved corpus.

    Args:
        resolved: the extractions resolution used (copies set aside), in the order the
            keys of `actor_ids` and `event_ids` count them.
        every: every extraction, copies included (their fingerprints find later copies).
        claims: the Claim nodes.
        stories: each document's story (`graph.resolve.events.document_stories`).
    """
    index = Index(resolver=RESOLVER_VERSION)
    actors: dict[tuple[str, str], str] = {}
    filed: dict[str, set[str]] = {}
    starts: dict[str, str] = {}
    for d, extraction in enumerate(resolved):
        for a, local in enumerate(extraction.actors):
            key = cluster_key(local.actor_type, local.name, lexicon.actors)
            actors.setdefault((local.actor_type.value, key), actor_ids[(d, a)])
        index.contexts.append(
            (
                extraction.source.id,
                json.dumps(extraction.context, sort_keys=True, separators=(",", ":")),
                *bounds_row(publication_bounds(extraction)),
                stories.get(extraction.source.id, extraction.source.id),
            )
        )
        for e, event in enumerate(extraction.events):
            event_id = event_ids[(d, e)]
            participants = [actor_ids[(d, p.actor)] for p in event.participants]
            mention = mention_of(event, (d, e), participants)
            index.events.append((extraction.source.id, e, event_id, features(mention, event)))
            keys = filed.setdefault(event_id, set())
            keys.update(key_text(k) for k in blocking_keys(mention, lexicon.events))
            start = _day(mention.start)
            if start and (not starts.get(event_id) or start < starts[event_id]):
                starts[event_id] = start
    index.actors = sorted(
        (kind, key, actor_id, key.split()[-1] if key else "", key_initials(kind, key, lexicon))
        for (kind, key), actor_id in actors.items()
    )
    index.event_keys = sorted(
        (key, event_id, starts.get(event_id, ""))
        for event_id, keys in filed.items()
        for key in keys
    )
    index.sketches = sorted({(str(h), x.source.id) for x in every for h in x.fingerprint})
    index.claim_words = sorted(
        (word, claim.id)
        for claim in claims
        for word in content_words(claim.text, lexicon.resolution)
    )
    return index


def key_initials(kind: str, key: str, lexicon: Lexicon) -> str:
    """The initials an acronym of a name key would be ("international monetary fund" ->
    "imf"); '' for a person, a country or a one-word name, which acronyms never stand for."""
    words = key.split()
    if kind in {"person", "country"} or len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w not in lexicon.actors.name_connectors)


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
