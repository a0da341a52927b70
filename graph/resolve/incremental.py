"""New documents attached to a resolved graph, without resolving the whole corpus again.

A load that adds a few documents to a large graph looks them up in the resolver's indexes
(`graph.resolve.index`) and changes only what they touch:

- copies: a new document whose fingerprint matches a document of the graph is its copy;
- actors: the new documents' actors are grouped as `merge_actors` groups them; a group
  joins the actor already holding one of its name keys, else the one long form its short
  name fits ("Putin" -> "Vladimir Putin", "Donald Trump" -> "Donald J. Trump"), else the
  one short-form actor its long name completes (an actor named with other middle initials
  is not one); otherwise it is a new actor;
- events: each new mention is scored against the mentions of the events filed under its
  blocking keys (near its date when a key holds many) and against the other new mentions,
  by `cluster_mentions`, with the graph's events as settled groups: a new mention joins an
  event, or new mentions form a new one. Two documents tell one story when their contexts'
  cosine, with the rarity of each item over the whole store, reaches the story threshold
  and they were published within `_STORY_DAYS`;
- claims: new claims are linked to the claims on the same events or sharing rare words;
- PRECEDES is chained anew over every dated event.

What differs from resolving the corpus anew (`load --full`), by design: the graph's nodes
are never split or merged with each other (a new document that would bridge two events, or
make a surname ambiguous, leaves them as they are); a new document published before a
document it copies is still the copy; stories are pairwise here rather than clusters; and
the words around a mention are compared without weighting by rarity. Publication dates are
inferred for the new documents only, from a first matching of the new mentions that can date
them. Ids are never renamed: a node keeps its id.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import NamedTuple

from graph.ids import Identities, make_id
from graph.lang import Lexicon
from graph.model import (
    EVENT_ONTOLOGY,
    Actor,
    Claim,
    DocExtraction,
    Edge,
    EdgeType,
    Event,
    EventType,
    LocalEvent,
    Node,
    Span,
)
from graph.resolve import EdgeSet, claim_speakers, claims_about, copy_edge, local_edges
from graph.resolve.actors import THINGS, cluster_key, merge_actors, without_initials
from graph.resolve.claims import content_words, link_claims, make_claims
from graph.resolve.copies import THRESHOLD, Copy, find_copies, may_copy, similarity
from graph.resolve.events import (
    _COMMON_ITEM,
    _MAX_BLOCK,
    _STORY_SIMILARITY,
    _WINDOW,
    Mention,
    blocking_keys,
    cluster_mentions,
    context_items,
    dating,
    finest_date,
    idf_vector,
    mention_of,
    to_event,
    within_days,
)
from graph.resolve.identity import mention_keys
from graph.resolve.index import (
    RESOLVER_VERSION,
    bounds_of,
    build_index,
    from_features,
    key_initials,
    key_text,
)
from graph.resolve.sources import (
    awaiting,
    infer_publication_dates,
    publication_bounds,
    titles_dated,
)
from graph.resolve.timeline import chain_dates
from graph.store.sqlite import EventDays, Index, Store

LocalKey = tuple[int, int]
_COMMON_WORDS = 200  # claim words used by this many claims or more find no subject


@dataclass
class Attachment:
    """What new documents change in the graph (`Store.attach` writes it)."""

    nodes: list[Node] = field(default_factory=list)  # new or changed
    edges: list[Edge] = field(default_factory=list)  # new or changed
    removed: list[str] = field(default_factory=list)  # edge ids
    identities: Identities = field(default_factory=Identities)
    index: Index = field(default_factory=lambda: Index(resolver=RESOLVER_VERSION))


def attach(
    new: Sequence[DocExtraction], store: Store, known: Identities, lexicon: Lexicon
) -> Attachment:
    """Resolve `new` documents against the graph in `store` (module doc)."""
    new = sorted(new, key=lambda x: x.source.id)
    copies = _copies(new, store)
    copied = [x for x in new if x.source.id in copies]
    kept = [x for x in new if x.source.id not in copies]
    actor_ids, actors = _actors(kept, store, lexicon)
    memo = _StoryMemo()  # what the documents' stories are worked out from, for both passes
    # As a full load does: the events that can date undated documents are matched first,
    # then all events, with the dates gained.
    anchor_ids: dict[LocalKey, str] = {}
    anchors: dict[str, Event] = {}
    if awaiting(kept):
        anchor_ids, anchors, _ = _events(kept, actor_ids, store, lexicon, memo, only=dating)
    dated = infer_publication_dates(kept, list(anchors.values()), anchor_ids)
    if dated != kept:
        if titles_dated(kept, dated):
            actor_ids, actors = _actors(dated, store, lexicon)
        kept = dated
    event_ids, events, stories = _events(kept, actor_ids, store, lexicon, memo)

    result = Attachment(identities=Identities(load=known.load))
    given = result.identities
    for kind, mapping in (("Actor", actor_ids), ("Event", event_ids)):
        for local, key in mention_keys(kept, kind).items():
            given.mentions[key] = mapping[local]
    for node_id in [*actors, *events]:
        if node_id not in known.born:
            given.born[node_id] = known.load

    claims, claim_ids = make_claims(kept)
    about = claims_about(kept, claim_ids, event_ids)
    speakers = claim_speakers(kept, claim_ids, actor_ids)
    edges = local_edges(kept, actor_ids, event_ids, claim_ids)
    for x in copied:
        edges.put(copy_edge(x.source.id, copies[x.source.id]))
    for edge in _claim_links(claims, about, speakers, store, lexicon):
        edges.put(edge)
    sources = [x.source for x in kept]
    sources += [
        x.source.model_copy(update={"copy_of": copies[x.source.id].primary}) for x in copied
    ]
    result.nodes = [*sources, *actors.values(), *events.values(), *claims]
    result.edges = _merged(edges, store)
    added, result.removed = _chain(events, store)
    result.edges += added
    result.index = build_index(kept, new, actor_ids, event_ids, claims, stories, lexicon)
    return result


# ---------------------------------------------------------------------------------- copies


def _copies(new: Sequence[DocExtraction], store: Store) -> dict[str, Copy]:
    """New documents that copy a document of the graph, or another new one."""
    copies = find_copies(new)
    unique = [x for x in new if x.source.id not in copies and x.fingerprint]
    holders = store.sketch_holders({str(h) for x in unique for h in x.fingerprint})
    # The graph's documents sharing enough hashes with a new one, whatever their length.
    shared = {
        x.source.id: Counter(s for h in x.fingerprint for s in holders.get(str(h), ()))
        for x in unique
    }
    near = {
        s
        for x in unique
        for s, n in shared[x.source.id].items()
        if may_copy(n, 0, len(x.fingerprint))
    }
    sketches = {s: sorted(int(h) for h in hashes) for s, hashes in store.sketches(near).items()}
    for x in unique:
        best: tuple[float, str] | None = None
        for source, n in sorted(shared[x.source.id].items()):
            if source not in sketches or not may_copy(n, len(sketches[source]), len(x.fingerprint)):
                continue
            score = similarity(sketches[source], x.fingerprint)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, source)
        if best is not None:
            copies[x.source.id] = Copy(best[1], round(best[0], 2))
    return copies


# ---------------------------------------------------------------------------------- actors


def _actors(
    kept: Sequence[DocExtraction], store: Store, lexicon: Lexicon
) -> tuple[dict[LocalKey, str], dict[str, Actor]]:
    """Each new local actor's id, and the actors new or changed."""
    vocab = lexicon.actors
    grouped, local_ids = merge_actors(kept, vocab=vocab)
    members: dict[str, list[LocalKey]] = defaultdict(list)
    for local, actor_id in local_ids.items():
        members[actor_id].append(local)
    # Only the name keys the lookups of `_existing_actor` can reach are read: the new names
    # and their endings, keys ending in their last words, keys abbreviated by them.
    keys: set[str] = set()
    lasts: set[str] = set()
    named = [(a.actor_type, a.name) for x in kept for a in x.actors]
    for actor_type, name in [*named, *((a.actor_type, a.name) for a in grouped)]:
        parts = cluster_key(actor_type, name, vocab).split()
        keys.update(" ".join(parts[-n:]) for n in range(1, len(parts) + 1))
        lasts.update(parts[-1:])
    acronyms = {actor.name.replace(".", "").lower() for actor in grouped}
    known: dict[tuple[str, str], str] = {}
    longest: dict[str, int] = Counter()
    tails: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    initials: dict[str, set[str]] = defaultdict(set)
    # people's keys with middle initials, under the key without them -> the actor holding each
    initialled: dict[str, dict[str, str]] = defaultdict(dict)
    for kind, key, actor_id in store.actor_keys(keys, lasts, acronyms):
        known[(kind, key)] = actor_id
        if kind == "person" and (bare := without_initials(key)) != key:
            initialled[bare][key] = actor_id
        words = tuple(key.split())
        longest[actor_id] = max(longest[actor_id], len(words))
        for n in range(1, len(words)):
            tails[(kind, words[-n:])].add(actor_id)
        if abbreviation := key_initials(kind, key, lexicon):
            initials[abbreviation].add(actor_id)
    mapping: dict[LocalKey, str] = {}
    changed: dict[str, Actor] = {}
    taken: set[str] = set()
    targets = {
        actor.id: _existing_actor(
            actor, members[actor.id], kept, known, longest, tails, initials, initialled, lexicon
        )
        for actor in grouped
    }
    existing = store.node_ids(a.id for a in grouped if targets[a.id] is None)
    stored = store.nodes({t for t in targets.values() if t is not None})
    for actor in grouped:
        target = targets[actor.id]
        if target is None:
            fresh = actor
            if actor.id in taken or actor.id in existing:
                fresh = actor.model_copy(update={"id": make_id("Actor", actor.id, "again")})
            changed[fresh.id] = fresh
            taken.add(fresh.id)
            target = fresh.id
        else:
            old = changed.get(target) or Actor.model_validate_json(stored[target])
            changed[target] = _joined(old, actor)
        for local in members[actor.id]:
            mapping[local] = target
    return mapping, changed


def _existing_actor(
    actor: Actor,
    locals_: Sequence[LocalKey],
    kept: Sequence[DocExtraction],
    known: dict[tuple[str, str], str],
    longest: dict[str, int],
    tails: dict[tuple[str, tuple[str, ...]], set[str]],
    initials: dict[str, set[str]],
    initialled: dict[str, dict[str, str]],
    lexicon: Lexicon,
) -> str | None:
    """The graph's actor a group of new local actors is, if any (module doc)."""
    kind = actor.actor_type.value
    kinds = {kind}
    if actor.actor_type in THINGS or kind == "organization":  # one kind per name
        kinds = {k.value for k in THINGS} | {"organization"}
    keys = set()
    for d, a in locals_:
        local = kept[d].actors[a]
        keys.add(cluster_key(local.actor_type, local.name, lexicon.actors))
    hits = sorted({known[(k, key)] for key in keys for k in kinds if (k, key) in known})
    if hits:
        return hits[0]
    key = cluster_key(actor.actor_type, actor.name, lexicon.actors)
    words = tuple(key.split())
    fits = set(tails.get((kind, words), ()))  # a short form of one long form
    if len(words) == 1 and kind != "person" and kind != "country":
        acronym = actor.name.replace(".", "")
        if 2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper():
            fits |= initials.get(acronym.lower(), set())
    if kind == "person" and without_initials(key) == key and len(words) > 1:
        # "Donald Trump" for "Donald J. Trump": the one name with middle initials
        fits |= set(initialled.get(key, {}).values())
    if len(fits) == 1:
        return next(iter(fits))
    if fits:
        return None
    # A long form of one short-form actor ("Vladimir Putin" for "Putin").
    shorter = {
        known[(kind, " ".join(words[-n:]))]
        for n in range(1, len(words))
        if (kind, " ".join(words[-n:])) in known
    }
    shorter = {s for s in shorter if longest[s] < len(words)}
    bare = without_initials(key)
    if kind == "person" and bare != key and (kind, bare) in known:
        # "Donald J. Trump" for "Donald Trump", unless that one has other initials
        other_initials = {i for other, i in initialled.get(bare, {}).items() if other != key}
        if known[(kind, bare)] not in other_initials:
            shorter.add(known[(kind, bare)])
    if len(shorter) == 1:
        return next(iter(shorter))
    return None


def _joined(old: Actor, new: Actor) -> Actor:
    """`old` with what `new` adds: mentions, titles, names (the fuller name leads)."""
    names = {old.name, *old.aliases, new.name, *new.aliases}
    name = old.name
    if len(new.name.split()) > len(old.name.split()):
        name = new.name
    titles = list(old.titles)
    held = set(titles)
    for title in new.titles:
        if title not in held:
            titles.append(title)
            held.add(title)
    return old.model_copy(
        update={
            "name": name,
            "aliases": tuple(sorted(names - {name})),
            "titles": tuple(sorted(titles, key=lambda t: (t.date or "", t.source_id, t.title))),
            "mentions": _spans_joined(old.mentions, new.mentions),
        }
    )


def _spans_joined(old: Sequence[Span], new: Sequence[Span]) -> tuple[Span, ...]:
    """`old` and those of `new` it lacks, in document order (a busy actor has tens of
    thousands of mentions: only those in `new`'s documents are compared)."""
    documents = {s.source_id for s in new}
    held = {s for s in old if s.source_id in documents}
    added = [s for s in dict.fromkeys(new) if s not in held]
    return tuple(sorted([*old, *added], key=attrgetter("source_id", "start")))


# ---------------------------------------------------------------------------------- events


def _events(
    kept: Sequence[DocExtraction],
    actor_ids: dict[LocalKey, str],
    store: Store,
    lexicon: Lexicon,
    memo: _StoryMemo,
    only: Callable[[Mention], bool] | None = None,
) -> tuple[dict[LocalKey, str], dict[str, Event], dict[str, str]]:
    """Each new local event's id (of those `only` accepts), the events new or changed, and
    each document's story (`memo`: see `_stories`)."""
    vocab = lexicon.events
    fresh: list[Mention] = []
    published: dict[str, tuple[dt.date, dt.date] | None] = {}
    for d, extraction in enumerate(kept):
        source = extraction.source.id
        published[source] = publication_bounds(extraction)
        context = context_items(extraction.context)  # shared by the document's mentions
        for e, local in enumerate(extraction.events):
            ids = [actor_ids[(d, p.actor)] for p in local.participants]
            mention = mention_of(local, (d, e), ids, context, published[source])
            if only is None or only(mention):
                fresh.append(mention)
    candidates = _candidate_events(fresh, store, lexicon)
    members = store.event_members(candidates)
    old_sources = {json.loads(f)["document"] for fs in members.values() for f in fs}
    for source, (_, first, last, _) in store.contexts(old_sources - set(published)).items():
        published[source] = bounds_of(first, last)
    settled: list[list[int]] = []
    mentions = list(fresh)
    for event_id in sorted(members):
        group = []
        for n, text in enumerate(members[event_id]):
            mention = from_features(text, ("graph", event_id, n), None)
            mention = replace(mention, published=published.get(mention.document))
            group.append(len(mentions))
            mentions.append(mention)
        settled.append(group)
    stories = _stories(kept, published, old_sources, store, memo)
    groups = cluster_mentions(mentions, vocab=vocab, fixed=settled, stories=stories)
    mapping: dict[LocalKey, str] = {}
    changed: dict[str, Event] = {}
    grown = {_graph_event(m) for g in groups if len(g) > 1 for m in g} - {None}
    stored = store.nodes(e for e in grown if e is not None)
    told_groups = []  # (new mentions, the graph's event they join or None)
    for found in groups:
        new_keys: list[LocalKey] = [m.key for m in found if _graph_event(m) is None]  # type: ignore[misc]
        if new_keys:
            old_id = next((i for m in found if (i := _graph_event(m)) is not None), None)
            told_groups.append(
                (new_keys, old_id, to_event([kept[d].events[e] for d, e in new_keys]))
            )
    existing = store.node_ids(event.id for _, old_id, event in told_groups if old_id is None)
    taken: set[str] = set()
    for new_keys, old_id, event in told_groups:
        if old_id is not None:
            grown_event = changed.get(old_id) or Event.model_validate_json(stored[old_id])
            told = [_Told.read(f, n) for n, f in enumerate(members[old_id])]
            told += [_Told.of(kept[d].events[e], kept[d].source.id, e) for d, e in new_keys]
            event = _grown(grown_event, event, told)
        else:
            base, n = event.id, 0
            while event.id in taken or event.id in existing:
                event = event.model_copy(update={"id": make_id("Event", base, "again", n)})
                existing |= store.node_ids([event.id])
                n += 1
        taken.add(event.id)
        changed[event.id] = event
        for key in new_keys:
            mapping[key] = event.id
    return mapping, changed, stories


def _graph_event(mention: Mention) -> str | None:
    """The id of the graph's event a mention belongs to; None for a new mention."""
    key = mention.key
    return str(key[1]) if isinstance(key, tuple) and key[0] == "graph" else None


def _candidate_events(fresh: Sequence[Mention], store: Store, lexicon: Lexicon) -> set[str]:
    """The graph's events sharing a blocking key with a new mention; of a key that holds
    more than `_MAX_BLOCK` events, the `_WINDOW` nearest in date on either side."""
    wanted: dict[str, list[Mention]] = defaultdict(list)
    for mention in fresh:
        for key in set(blocking_keys(mention, lexicon.events)):
            wanted[key_text(key)].append(mention)
    found: set[str] = set()
    for key, events in store.events_by_key(wanted).items():
        if len(events) <= _MAX_BLOCK:
            found.update(event_id for event_id, _ in events)
            continue
        events.sort(key=lambda item: (item[1] or "9999", item[0]))
        starts = [start or "9999" for _, start in events]
        for mention in wanted[key]:
            day = (mention.start or mention.reported_by or dt.date.max).isoformat()
            at = _bisect(starts, day)
            found.update(e for e, _ in events[max(0, at - _WINDOW) : at + _WINDOW])
    return found


def _bisect(items: Sequence[str], value: str) -> int:
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if items[middle] < value:
            low = middle + 1
        else:
            high = middle
    return low


def _stories(
    kept: Sequence[DocExtraction],
    published: dict[str, tuple[dt.date, dt.date] | None],
    old_sources: set[str],
    store: Store,
    memo: _StoryMemo,
) -> dict[str, str]:
    """Each document's story: the graph's documents keep theirs; a new document joins the
    story (of the graph's documents its mentions meet, or of an earlier new document) whose
    documents it is most like on average, when that reaches `_STORY_SIMILARITY` and it was
    published within `_STORY_DAYS` of them all, as `document_stories` groups documents;
    otherwise it starts a story of its own. `memo` keeps what is worked out of each
    document's context, which dates do not change, for the next call of the same attachment."""
    rows = store.contexts(old_sources)
    rows.update(store.contexts(stories={row[3] for row in rows.values()}))
    shared, vectors = memo.shared, memo.vectors
    contexts = {source: json.loads(row[0]) for source, row in rows.items() if source not in shared}
    story = {source: row[3] for source, row in rows.items()}
    bounds = {source: bounds_of(row[1], row[2]) for source, row in rows.items()}
    for x in kept:
        contexts[x.source.id] = x.context
        bounds[x.source.id] = published.get(x.source.id)
    frequency, total = store.context_frequency({i for c in contexts.values() for i in c})
    total += len(kept)
    for x in kept:
        for item in x.context:
            frequency[item] = frequency.get(item, 0) + 1
    # Only documents sharing a rare item with a new one add to its similarities: only theirs
    # are weighed (as stories compare, an item held by many documents is left out).
    new_items = {item for x in kept for item in x.context}
    rare = {i for i, n in frequency.items() if n <= _COMMON_ITEM and i in new_items}

    rarity: dict[str, float] = {}

    def vector(source: str) -> dict[str, float]:
        if source not in vectors:
            vectors[source] = idf_vector(contexts[source], frequency, total, rarity)
        return vectors[source]

    # item -> story -> the summed weights of the item in the story's documents
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def weigh(source: str) -> None:
        items = shared.get(source)
        if items is None:
            items = shared[source] = [i for i in contexts[source] if i in rare]
        if items:  # the vector only of a document that weighs in
            held = vector(source)
            for item in items:
                weights[item][story[source]] += held[item]

    for source in sorted(story):
        weigh(source)
    members: dict[str, list[str]] = defaultdict(list)
    for source, name in sorted(story.items()):
        members[name].append(source)
    for x in kept:
        source = x.source.id
        sums: dict[str, float] = defaultdict(float)  # story -> summed similarity
        for item, weight in vector(source).items():
            for name, held in weights.get(item, {}).items():
                sums[name] += weight * held
        best: tuple[float, str] | None = None
        for name, total_similarity in sorted(sums.items()):
            documents = members[name]
            mean = total_similarity / len(documents)
            if mean < _STORY_SIMILARITY or (best is not None and mean <= best[0]):
                continue
            if within_days([bounds[d] for d in documents] + [bounds[source]]):
                best = (mean, name)
        story[source] = best[1] if best else source
        members[story[source]].append(source)
        weigh(source)
    return story


@dataclass
class _StoryMemo:
    """What each document's context gives, worked out once for the two passes of one
    attachment: the rare items it shares with the new documents, and its story vector if it
    shares any (the contexts themselves are not kept: tens of thousands of them)."""

    shared: dict[str, list[str]] = field(default_factory=dict)
    vectors: dict[str, dict[str, float]] = field(default_factory=dict)


class _Told(NamedTuple):
    """What decides which mention describes its event (`to_event`), for one mention."""

    document: str
    local: int
    quantities: int
    dated: bool
    at: int
    label: str
    trigger: str
    event_type: EventType
    negated: bool
    modality: str

    @classmethod
    def of(cls, event: LocalEvent, document: str, local: int) -> _Told:
        return cls(
            document,
            local,
            len(event.quantities),
            event.date is not None,
            event.span.start,
            event.label,
            event.trigger,
            event.event_type,
            event.negated,
            event.modality,
        )

    @classmethod
    def read(cls, text: str, local: int) -> _Told:
        """From the features `graph.resolve.index.features` wrote."""
        f = json.loads(text)
        return cls(
            f["document"],
            local,
            len(f["quantities"]),
            f["dated"],
            f["at"],
            f["label"],
            f["lemma"],
            EventType(f["type"]),
            f["negated"],
            f["modality"],
        )


def _grown(old: Event, new: Event, told: Sequence[_Told]) -> Event:
    """`old` with what `new` mentions add: their mentions, a finer date, quantities; its
    type, label, trigger and modality from all its mentions (`told`), as `to_event` takes
    them."""
    types = Counter(t.event_type for t in told)
    event_type = max(types, key=lambda t: (types[t], t != EventType.OTHER, t.value))
    ordered = sorted(told, key=lambda t: (t.document, t.local))
    best = max(ordered, key=lambda t: (t.quantities, t.dated, -t.at))
    dates = [d for d in (old.date, new.date) if d is not None]
    quantities = list(old.quantities)
    for q in new.quantities:
        if all((q.value, q.unit) != (k.value, k.unit) for k in quantities):
            quantities.append(q)
    mentions: list[Span] = sorted(
        {*old.mentions, *new.mentions}, key=lambda s: (s.source_id, s.start)
    )
    return old.model_copy(
        update={
            "event_type": event_type,
            "category": EVENT_ONTOLOGY[event_type][0],
            "label": best.label,
            "trigger": best.trigger,
            "negated": best.negated,
            "modality": best.modality,
            "date": finest_date(dates),
            "quantities": tuple(quantities),
            "location": old.location or new.location,
            "mentions": tuple(mentions),
        }
    )


# ---------------------------------------------------------------------------------- claims


def _claim_links(
    claims: Sequence[Claim],
    about: dict[str, str],
    speakers: dict[str, str | None],
    store: Store,
    lexicon: Lexicon,
) -> list[Edge]:
    """SUPPORTS and CONTRADICTS between each new claim and the claims on its subject."""
    if not claims:
        return []
    words = {c.id: content_words(c.text, lexicon.resolution) for c in claims}
    sharing = store.claims_sharing({w for ws in words.values() for w in ws}, _COMMON_WORDS)
    shared: Counter[str] = Counter()
    for claim in claims:
        for word in words[claim.id]:
            shared.update(sharing.get(word, ()))
    events = set(about.values())
    on_events = {s for t, s, _ in store.edges_between(events, ("ABOUT",))}
    others = {c for c, n in shared.items() if n >= 2} | on_events
    others -= {c.id for c in claims}
    nodes = store.nodes(others)
    old = [Claim.model_validate_json(nodes[c]) for c in sorted(nodes)]
    for kind, source, target in store.edges_between(nodes, ("ABOUT", "CLAIMED")):
        if kind == "ABOUT" and source in nodes:
            about.setdefault(source, target)
        elif kind == "CLAIMED" and target in nodes:
            speakers.setdefault(target, source)
    frequency: Counter[str] = Counter()
    for word, holders in sharing.items():
        frequency[word] = len(holders)
    for ws in words.values():
        frequency.update(ws)
    total = store.claim_count() + len(claims)
    return link_claims(
        [*claims, *old],
        about,
        speakers,
        vocab=lexicon.resolution,
        corpus=(frequency, total),
        new={c.id for c in claims},
        known=words,
    )


# ---------------------------------------------------------------------------------- edges


def _merged(edges: EdgeSet, store: Store) -> list[Edge]:
    """The new documents' edges, with the spans of edges the graph holds already added."""
    found = edges.values()
    stored = store.edges([e.id for e in found])
    merged = []
    for edge in found:
        if edge.id in stored:
            old = Edge.model_validate(stored[edge.id])
            spans = sorted({*old.spans, *edge.spans}, key=lambda s: (s.source_id, s.start, s.end))
            edge = edge.model_copy(update={"spans": tuple(spans)})
        merged.append(edge)
    return merged


def _chain(events: dict[str, Event], store: Store) -> tuple[list[Edge], list[str]]:
    """PRECEDES mended around the events new or changed: edges to put, edge ids to remove.

    PRECEDES runs from each dated event to the events starting first after it ends
    (`chain_dates`). Only events whose next start can move have their edges read again:
    the events whose dates changed (or that are new), and the events ending between such an
    event's first day (old or new) and the start before it, the last place the chain could
    have passed it by. An event that only gained mentions leaves the chain as it was.
    """
    stored_dates = store.event_dates(events)
    now_dates = {
        i: (e.date.start.isoformat(), e.date.end.isoformat(), e.date.value)
        for i, e in events.items()
        if e.date is not None
    }
    moved = {i for i in events if stored_dates.get(i) != now_dates.get(i)}
    old = {i: dates for i, dates in stored_dates.items() if i in moved}
    new = {i: dates for i, dates in now_dates.items() if i in moved}
    old_starts = sorted(start for start, _, _ in old.values())
    new_starts = sorted(start for start, _, _ in new.values())
    touched = set(new)
    days = store.event_days(moved)  # the changed events are read from `old` and `new` only
    for day in sorted({*old_starts, *new_starts}):
        stored = days.last_start_before(day)
        lows = [_before(day, old_starts, stored), _before(day, new_starts, stored)]
        low = min((s for s in lows if s is not None), default=None)
        touched.update(days.ending(low, day))
    ends = store.event_dates(touched - set(new))
    ends.update(new)
    now: dict[str, Edge] = {}
    for event_id, (start, end, value) in sorted(ends.items()):
        following = _starting_first_after(end, new, new_starts, days)
        rows = [(event_id, start, end, value), *following]  # edges from the first alone
        for edge in chain_dates([(i, _day(a), _day(b), v) for i, a, b, v in rows]):
            now[edge.id] = edge
    stored_edges = store.edges_from([*ends, *moved], EdgeType.PRECEDES.value)
    before = {edge_id for ids in stored_edges.values() for edge_id in ids}
    # An edge already there changes only when one of its ends changed date (its evidence).
    put = [e for i, e in sorted(now.items()) if i not in before or {e.source, e.target} & moved]
    return put, sorted(before - set(now))


def _before(day: str, starts: Sequence[str], stored: str | None) -> str | None:
    """The last of `starts` (sorted) and `stored` before `day`."""
    at = bisect_left(starts, day)
    here = starts[at - 1] if at else None
    return max((s for s in (here, stored) if s is not None), default=None)


def _starting_first_after(
    day: str, new: dict[str, tuple[str, str, str]], new_starts: Sequence[str], days: EventDays
) -> list[tuple[str, str, str, str]]:
    """(id, first day, last day, value) of the events that start first after `day`, with
    the changed events at their `new` dates."""
    at = bisect_right(new_starts, day)
    here = new_starts[at] if at < len(new_starts) else None
    stored = days.first_start_after(day)
    first = min((s for s in (here, stored) if s is not None), default=None)
    if first is None:
        return []
    found = days.starting(first)
    if first == here:
        found += [(i, *dates) for i, dates in new.items() if dates[0] == first]
    return sorted(found)


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
