"""Actors across documents: one node per real person, organisation, country or named thing.

Merging is on evidence, never across kinds:
- the same name up to spelling and transliteration ("Yury"/"Yuri", "Lugansk"/"Luhansk",
  "U.S."/"US") is one actor;
- a surname alone joins the one full name with that surname in the corpus; when two
  different full names share it, it stays apart (homonyms are not merged on name alone);
- a nickname or variant of a given name is the name ("Bill Gates", "William Gates"), for
  people only; a company's designator is no part of its name ("Apple Inc.", "Apple");
- a person's name without middle initials joins the one name that has them ("Donald
  Trump", "Donald J. Trump"); with two ("George W. Bush", "George H. W. Bush") it stays
  apart, and names with different initials never merge;
- an acronym joins the one longer name of a compatible kind whose capitalised words it
  spells ("SMB", "Server Message Block"; "WWDC", "Worldwide Developers Conference");
- an organisation's or a thing's short form joins its long form ("State Department" and
  "U.S. State Department"; "RAND" and "RAND Corporation"; "Macintosh" and "Apple
  Macintosh"), unless the short form is the
  more used one: then the long one names something of its own ("Apple" and "Apple TV");
- a name that documents give different kinds among organisation and the kinds of things
  (product, facility, law, event, index, work) is one actor: the model calls any name it
  does not know an organisation, so the kind of thing wins when the documents that show it
  hold at least a quarter of the name's mentions ("iPod"), and organisation wins otherwise
  ("Apple" called a product once). People and countries never merge with other kinds.
Titles are kept as history: each with the source that gives it and that source's date.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.ids import make_id
from graph.lang import get
from graph.lang.actors import ActorWords
from graph.model import Actor, ActorKind, DocExtraction, Span, TitleRecord

ActorKey = tuple[int, int]  # (document index, local actor index)


@dataclass
class _Cluster:
    kind: ActorKind
    members: list[ActorKey] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)

    @property
    def longest(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], n))


def name_key(name: str) -> str:
    """A spelling-tolerant key: 'Yury Petrov' and 'Yuri Petrov' give the same key."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"(?<=\b\w)\.", "", text)  # U.S. -> US
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = text.replace("kh", "h").replace("gh", "g").replace("y", "i").replace("j", "i")
    text = re.sub(r"(?<=[aeiou])g(?=[aeiou])", "h", text)  # Lugansk / Luhansk
    text = re.sub(r"(\w)\1+", r"\1", text)
    text = re.sub(r"i+(?=\b)", "i", text)
    return " ".join(text.split())


def merge_actors(
    extractions: Sequence[DocExtraction], *, vocab: ActorWords | None = None
) -> tuple[list[Actor], dict[ActorKey, str]]:
    """Resolve every document's local actors into corpus actors.

    Returns:
        The actors sorted by id, and a map from (document index, local index) to actor id.
    """
    vocab = vocab or get().actors
    clusters: dict[tuple[ActorKind, str], _Cluster] = {}
    for d, extraction in enumerate(extractions):
        for a, local in enumerate(extraction.actors):
            key = (local.actor_type, cluster_key(local.actor_type, local.name, vocab))
            cluster = clusters.setdefault(key, _Cluster(local.actor_type))
            cluster.members.append((d, a))
            cluster.names[local.name] += len(local.mentions)
            for alias in local.aliases:
                cluster.names[alias] += 0
    merged = _merge_short_forms(_one_kind_per_name(clusters), vocab)
    actors: list[Actor] = []
    mapping: dict[ActorKey, str] = {}
    taken: set[str] = set()
    for cluster in merged:
        actor = _to_actor(cluster, extractions)
        base, n = actor.id, 0
        while actor.id in taken:  # two actors whose fullest names read alike stay apart
            n += 1
            actor = actor.model_copy(update={"id": make_id("Actor", base, actor.mentions[0], n)})
        taken.add(actor.id)
        actors.append(actor)
        for member in cluster.members:
            mapping[member] = actor.id
    return sorted(actors, key=lambda a: a.id), mapping


def cluster_key(kind: ActorKind, name: str, vocab: ActorWords) -> str:
    """`name_key`, with a person's given name in its standard form and an organisation's
    designator dropped."""
    given, _, rest = name.partition(" ")
    if kind is ActorKind.PERSON and rest:
        name = f"{vocab.given_names.get(given.lower(), given)} {rest}"
    words = name_key(name).split()
    if kind is ActorKind.ORGANIZATION:
        while len(words) > 1 and words[-1] in vocab.corporate_designators:
            words.pop()
    return " ".join(words)


def without_initials(key: str) -> str:
    """A person's name key without its middle initials: "donald i trump" -> "donald trump"
    (keys spell "J." as "i", see `name_key`)."""
    words = key.split()
    if len(words) < 3:
        return key
    return " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])


def _acronym(cluster: _Cluster) -> str | None:
    """The cluster's name when it is an acronym: 2 to 6 capitals ("SMB", "U.N." -> "UN")."""
    for name in cluster.names:
        letters = name.replace(".", "")
        if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
            return letters
    return None


def initials_of(name: str, vocab: ActorWords) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in vocab.name_connectors]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


THINGS = frozenset(ActorKind) - {ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY}
_THING_SHARE = 0.25  # of a name's mentions, for a kind of thing to overrule organisation


def _one_kind_per_name(
    clusters: dict[tuple[ActorKind, str], _Cluster],
) -> dict[tuple[ActorKind, str], _Cluster]:
    """Clusters of one name key as an organisation and as things become one (module doc)."""
    by_key: dict[str, list[tuple[ActorKind, _Cluster]]] = defaultdict(list)
    for (kind, key), cluster in clusters.items():
        if kind is ActorKind.ORGANIZATION or kind in THINGS:
            by_key[key].append((kind, cluster))
    settled = {k: c for k, c in clusters.items() if k[0] not in THINGS | {ActorKind.ORGANIZATION}}
    for key, kinds in by_key.items():
        weight = {kind: sum(cluster.names.values()) for kind, cluster in kinds}
        things = [kind for kind in weight if kind in THINGS]
        kind = ActorKind.ORGANIZATION if ActorKind.ORGANIZATION in weight else things[0]
        if things:
            thing = max(things, key=lambda k: (weight[k], k.value))
            if weight[thing] >= _THING_SHARE * sum(weight.values()):
                kind = thing
        target = _Cluster(kind)
        for _, cluster in sorted(kinds, key=lambda kc: kc[0].value):
            target.members += cluster.members
            target.names.update(cluster.names)
        settled[(kind, key)] = target
    return settled


def _merge_short_forms(
    clusters: dict[tuple[ActorKind, str], _Cluster], vocab: ActorWords
) -> list[_Cluster]:
    """Short forms join the one long form they fit ("Putin" -> "Vladimir Putin", "the Duma"
    -> "State Duma", "UN" -> "United Nations"), longest names first. Long forms are indexed
    by their word tails, heads and initials, so each short form meets only those it fits."""
    by_length = sorted(clusters.items(), key=lambda kv: (-len(kv[0][1].split()), kv[0][1]))
    kept: list[_Cluster] = []
    tails: dict[tuple[ActorKind, tuple[str, ...]], list[_Cluster]] = defaultdict(list)
    heads: dict[tuple[str, ...], list[_Cluster]] = defaultdict(list)  # organisations
    initials: dict[str, list[_Cluster]] = defaultdict(list)  # not people or countries
    # people's names with middle initials, under the name without them
    initialled: dict[str, list[_Cluster]] = defaultdict(list)
    for (kind, key), cluster in by_length:
        words = tuple(key.split())
        acronym = _acronym(cluster) if len(words) == 1 else None
        targets: dict[int, _Cluster] = {}
        if acronym:  # kinds of things: the model often calls one an organisation
            for other in initials.get(acronym, ()):
                if kind in {ActorKind.ORGANIZATION, other.kind}:
                    targets[id(other)] = other
        if kind is ActorKind.PERSON or kind in THINGS or kind is ActorKind.ORGANIZATION:
            for other in tails.get((kind, words), ()):
                targets[id(other)] = other
        if kind is ActorKind.ORGANIZATION:
            for other in heads.get(words, ()):
                if cluster.names.total() <= other.names.total():
                    targets[id(other)] = other
        if kind is ActorKind.PERSON and without_initials(key) == key:
            for other in initialled.get(key, ()):
                targets[id(other)] = other
        # A short form joins a long form only when exactly one long form fits it.
        if len(targets) == 1:
            target = next(iter(targets.values()))
            target.members += cluster.members
            target.names.update(cluster.names)
            _index_initials(target, cluster.names, initials, vocab)
            continue
        kept.append(cluster)
        if kind is ActorKind.PERSON and without_initials(key) != key:
            initialled[without_initials(key)].append(cluster)
        for n in range(1, len(words)):
            tails[(kind, words[-n:])].append(cluster)
            if kind is ActorKind.ORGANIZATION and words[-1] in vocab.org_head_nouns:
                heads[words[:n]].append(cluster)
        _index_initials(cluster, cluster.names, initials, vocab)
    return kept


def _index_initials(
    cluster: _Cluster,
    names: Iterable[str],
    index: dict[str, list[_Cluster]],
    vocab: ActorWords,
) -> None:
    """File `cluster` under the initials of `names`, for acronyms to find it."""
    if cluster.kind in {ActorKind.PERSON, ActorKind.COUNTRY}:
        return
    for name in names:
        found = initials_of(name, vocab)
        if found and all(c is not cluster for c in index[found]):
            index[found].append(cluster)


def _to_actor(cluster: _Cluster, extractions: Sequence[DocExtraction]) -> Actor:
    name = cluster.longest
    titles: list[TitleRecord] = []
    mentions: list[Span] = []
    for d, a in sorted(cluster.members):
        local = extractions[d].actors[a]
        source = extractions[d].source
        date = source.published.value if source.published else None
        for title in local.titles:
            record = TitleRecord(title=title, source_id=source.id, date=date)
            if record not in titles:
                titles.append(record)
        mentions.extend(local.mentions)
    return Actor(
        id=make_id("Actor", cluster.kind.value, name_key(name)),
        name=name,
        actor_type=cluster.kind,
        aliases=tuple(sorted(set(cluster.names) - {name})),
        titles=tuple(sorted(titles, key=lambda t: (t.date or "", t.source_id, t.title))),
        mentions=tuple(sorted(mentions, key=lambda s: (s.source_id, s.start))),
    )


def actors_by_document(mapping: dict[ActorKey, str]) -> dict[int, dict[int, str]]:
    """Regroup the (document, local) -> id map per document."""
    table: dict[int, dict[int, str]] = defaultdict(dict)
    for (d, a), actor_id in mapping.items():
        table[d][a] = actor_id
    return table
