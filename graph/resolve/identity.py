"""Ids that outlive the next load: an Actor or Event keeps the id it was first given.

Resolution names a new node from its content (`graph.ids.make_id`), so a node's content id
changes when a new document joins it (a longer name, a finer date). A user who noted an id,
or a Neo4j node pushed under it, would lose it. So once resolution has grouped the mentions,
each group takes back the id its mentions had before:

- a group whose mentions had one id keeps it;
- a group joining mentions of several ids takes the oldest (the one the earliest load gave;
  equal ages: the smallest id) and the others become its aliases;
- when a node splits, the group holding most of its mentions keeps the id;
- a group of mentions never seen before takes its content id.

Content ids alone decide a load into an empty store, so one full load of a corpus gives the
same ids however its documents are ordered. Loads in several runs give the same nodes and
edges, under the ids of the runs that first named them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TypeVar

from graph.ids import Identities, MentionKey, make_id
from graph.model import Actor, DocExtraction, Event

N = TypeVar("N", Actor, Event)
LocalKey = tuple[int, int]  # document index, local index


def mention_keys(extractions: Sequence[DocExtraction], kind: str) -> dict[LocalKey, MentionKey]:
    """Each local actor's or event's key: its document's source id and the span of its first
    mention by name (an actor) or of its event word (an event)."""
    keys: dict[LocalKey, MentionKey] = {}
    for d, extraction in enumerate(extractions):
        source = extraction.source.id
        if kind == "Actor":
            for a, actor in enumerate(extraction.actors):
                # by name: a description before the name ("the carmaker Toyota") is no key
                span = next(s for s in actor.mentions if s not in actor.references)
                keys[(d, a)] = (source, kind, span.start, span.end)
        else:
            for e, event in enumerate(extraction.events):
                keys[(d, e)] = (source, kind, event.trigger_span.start, event.trigger_span.end)
    return keys


def keep_ids(
    nodes: Sequence[N],
    mapping: Mapping[LocalKey, str],
    keys: Mapping[LocalKey, MentionKey],
    before: Identities,
    after: Identities,
) -> tuple[list[N], dict[LocalKey, str]]:
    """Rename freshly resolved `nodes` to the ids their mentions had `before`.

    Args:
        nodes: one kind's nodes, under content ids.
        mapping: (document, local index) -> content id.
        keys: (document, local index) -> mention key.
        before: the ids given by earlier loads.
        after: filled with this resolution's mentions, ids and aliases.

    Returns:
        The nodes under their kept ids and the mapping to those ids.
    """
    members: dict[str, list[LocalKey]] = defaultdict(list)
    for local, node_id in mapping.items():
        members[node_id].append(local)
    earlier = {
        local: before.canonical(before.mentions[keys[local]])
        for local in mapping
        if keys[local] in before.mentions
    }
    claims: list[tuple[int, str, int, str]] = []  # born, earlier id, -mentions, content id
    for new, locals_ in members.items():
        counts = Counter(earlier[k] for k in locals_ if k in earlier)
        claims += [(before.born.get(o, before.load), o, -n, new) for o, n in counts.items()]
    given: dict[str, str] = {}  # content id -> kept id
    taken: set[str] = set()
    for _, old, _, new in sorted(claims):
        if new not in given and old not in taken:
            given[new] = old
            taken.add(old)
    retired = (set(before.aliases) | {c[1] for c in claims}) - taken
    for new in sorted(set(members) - set(given)):
        fresh = new
        if fresh in taken or fresh in retired:  # a content id that already names something
            fresh = make_id(_kind(new), new, "again")
        given[new] = fresh
        taken.add(fresh)
    renamed = {local: given[node_id] for local, node_id in mapping.items()}
    for local, node_id in renamed.items():
        after.mentions[keys[local]] = node_id
    for node_id in given.values():
        after.born[node_id] = before.born.get(node_id, before.load)
    # A retired id names the node now holding most of its mentions.
    holders: dict[str, Counter[str]] = defaultdict(Counter)
    for local, old in earlier.items():
        if old not in taken:
            holders[old][renamed[local]] += 1
    for old, held in holders.items():
        after.aliases[old] = min(held, key=lambda i: (-held[i], i))
        after.born[old] = before.born.get(old, before.load)
    prefixes = {node_id[:4] for node_id in mapping.values()}  # this kind's
    for alias, target in before.aliases.items():  # older aliases follow their target
        target = after.aliases.get(target, target)
        if (
            alias[:4] in prefixes
            and alias not in taken
            and alias not in after.aliases
            and target in taken
        ):
            after.aliases[alias] = target
            after.born[alias] = before.born.get(alias, before.load)
    former: dict[str, list[str]] = defaultdict(list)
    for alias, target in after.aliases.items():
        if alias[:4] in prefixes:
            former[target].append(alias)
    kept = [
        n.model_copy(
            update={
                "id": given[n.id],
                "former_ids": tuple(
                    sorted(former[given[n.id]], key=lambda i: (after.born.get(i, 0), i))
                ),
            }
        )
        for n in nodes
    ]
    return sorted(kept, key=lambda n: n.id), renamed


def _kind(node_id: str) -> str:
    return {"act": "Actor", "evt": "Event"}[node_id[:3]]
