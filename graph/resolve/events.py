"""Events across documents: one node per real-world event, however many sources report it.

`cluster_mentions` is the general matcher: it takes plain mention features (so it can also
cluster the gold event mentions of a coreference corpus) and merges on evidence: the same
predicate, a derivation or synonym of it, or the same event type; compatible dates at the
weaker precision; equal quantities; shared participants; and, when the mentions carry them,
their documents' contexts and the words around them; and within one document, a mention
named with a demonstrative ("this draft") and the nearest related mention before it. A
negation or date conflict keeps mentions apart whatever else matches, and so does an undated
plan against what its own document dates as done; counts that disagree (or a plan's target
and an outcome of another number) weigh against a merge.

How it works: documents are first grouped into stories by their contexts (average-linkage
clustering of idf-weighted cosines, then each document left alone joins the story nearest
to it if near enough), never documents published more than `_STORY_DAYS` apart. Every
related pair of mentions is scored (`pair_score`) and groups of mentions merge, best
first, while their pairs score above the threshold on average (average linkage), so one
strong pair cannot chain two events together. Pairs whose predicates are unrelated (or
only of one event family) do not count in that average unless they reach the threshold
on their own: the lexicon is incomplete, and different words are no evidence of different
events.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat

from graph.ids import make_id
from graph.lang import get
from graph.lang.events import EventWords
from graph.model import (
    EVENT_ONTOLOGY,
    DateValue,
    DocExtraction,
    Event,
    EventType,
    LocalEvent,
    Quantity,
    Span,
)
from graph.resolve.sources import awaits_publication, publication_bounds

_OTHER = EventType.OTHER.value

# Evidence, in points; two mentions are one event from `_THRESHOLD` on. The same predicate
# alone (3.5) is not enough: a date, a number, a participant or the same story must agree.
_SAME_PREDICATE = 3.5  # same lemma, or a derivation of it ("mobilize" / "mobilization")
_SYNONYM = 3.0  # predicates of one synonym group ("kill" / "death")
_SAME_TYPE = 1.5  # different predicates of one event type
_SAME_FAMILY = 0.5  # event types of one family
_SAME_QUANTITY = 3.5
_SHORT_DATE = 1.0  # overlapping dates, both within a season (a day, a week, a month, spring)
_LONG_DATE = 0.5
_SEASON_DAYS = 92
_PARTICIPANT = 0.75  # per shared participant, at most two
_WEAK_PREDICATE = 2.0  # the same verb of saying or light verb
_SAME_STORY = 2.0  # the same predicate (or synonyms) in two documents of one story
_STORY_SIMILARITY = 0.06  # average cosine at which documents join one story
_LONE_SIMILARITY = 0.03  # ... at which a document left alone joins the story nearest to it
# A document that shares so little with a story belongs to it only when told in its week.
_LONE_DAYS = 7
# Documents published further apart than this tell different stories, however alike: the
# next round of a recurring event (a yearly draft, a second strike) is told in the same
# words. Follow-up reports of one story (a trial, a nomination confirmed) come within weeks.
_STORY_DAYS = 90
_COMMON_ITEM = 200  # documents holding a context item, beyond which it tells no story apart
_WORDS = 3.0  # x the square root of the similarity (0..1) of the mentions' own words
_THRESHOLD = 4.0
# A mention named with a demonstrative ("this draft") and the nearest related mention before
# it in its document: it points back to that one.
_TOLD_BACK = 3.0
_SAME_DOCUMENT_THRESHOLD = 4.5
# Blocking: mentions sharing a predicate, synonym group or event type form a block, and all
# pairs of a block are scored, up to `_MAX_BLOCK` mentions. In a larger block (a corpus of
# thousands of articles, or one huge file telling the same thing over and over) each
# mention is scored against its `_WINDOW` neighbours on either side in date order, so pairs,
# time and memory grow with the number of mentions, not with its square.
_MAX_BLOCK = 200
_WINDOW = 25
# Sums over the pairs of two groups that add up when groups merge (scores, counts).
Sums = tuple[float, ...]
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
    """What the matcher knows of one event mention.

    The last fields are optional evidence. `context` describes the mention's whole document,
    items repeated as often as they occur (its content words, or the actors it names):
    documents with similar contexts tell one story, and within a story the same predicate is
    enough. `published` (the first and last day its document may have been published) keeps
    documents published far apart out of one story. `words` are the content words around the
    mention (its arguments and modifiers): across the documents of one story, similar words
    tell its events apart.
    """

    key: Hashable
    document: str
    lemma: str
    event_type: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    quantities: frozenset[tuple[float, str]] = frozenset()
    participants: frozenset[str] = frozenset()
    negated: bool = False
    again: bool = False  # told as another occurrence of its kind ("a second wave")
    planned: bool = False  # told as still to come ("will focus on volunteers")
    told_back: bool = False  # named with a demonstrative ("this draft")
    position: int = 0  # where in its document (mentions of one document are ordered by it)
    context: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    reported_by: dt.date | None = None  # undated, but told as news published on this day
    # undated until its document's publication day is known ("on April 1" of an undated
    # article): it may be a day, a month or a season
    pending: bool = False
    published: tuple[dt.date, dt.date] | None = None  # when its document was published


def cluster_mentions(
    mentions: Sequence[Mention],
    *,
    vocab: EventWords | None = None,
    fixed: Sequence[Sequence[int]] = (),
    stories: Mapping[str, str] | None = None,
) -> list[list[Mention]]:
    """Group mentions that refer to the same event; each mention in exactly one group.

    Args:
        vocab: the event vocabulary; English by default.
        fixed: groups of mention indices settled before (the events of a saved graph): each
            stays one group, two never merge, and pairs within one are not scored; the other
            mentions may join them.
        stories: each document's story (documents of one story are compared more closely);
            by default worked out from the mentions' contexts (`document_stories`).

    Returns:
        The groups in the order of their first mention, each in input order.

    Example:
        >>> n = frozenset({(3e5, "")})
        >>> a = Mention("a", "doc1", "mobilize", "mobilization", quantities=n)
        >>> b = Mention("b", "doc2", "mobilization", "mobilization", quantities=n)
        >>> len(cluster_mentions([a, b]))
        1
    """
    vocab = vocab or get().events
    story = stories if stories is not None else document_stories(mentions)
    words = _idf_vectors_on_demand([m.words for m in mentions])
    pointed = _antecedents(mentions, vocab)
    # Items are the fixed groups, then every other mention on its own.
    item = {i: n for n, group in enumerate(fixed) for i in group}
    settled = count = len(fixed)
    for i in range(len(mentions)):
        if i not in item:
            item[i] = count
            count += 1
    # Sums over the counted pairs of two groups: (scores, pairs, pairs within one document).
    links: dict[int, dict[int, Sums]] = {x: {} for x in range(count)}
    for i, j in _candidate_pairs(mentions, vocab, frozenset(i for g in fixed for i in g)):
        x, y = item[i], item[j]
        if x == y or (x < settled and y < settled):
            continue
        a, b = mentions[i], mentions[j]
        same_story = story.get(a.document, a.document) == story.get(b.document, b.document)
        score = pair_score(
            a,
            b,
            same_story=same_story,
            # read only across the documents of one story
            words_similarity=_cosine(words(i), words(j))
            if same_story and a.document != b.document
            else 0.0,
            vocab=vocab,
        )
        same = a.document == b.document
        related = _predicate_score(a, b, vocab) >= _SAME_TYPE
        if score is not None and (pointed.get(i) == j or pointed.get(j) == i):
            score += _TOLD_BACK
        # Mentions named by unrelated words neither help nor hurt, unless they agree on enough
        # on their own: a draft of 300,000 and a call-up of 300,000 are one event; a later
        # "mobilisation" joins them through the first mobilisation, whatever the draft says.
        # Related mentions whose counts disagree count as a pair with no evidence, which
        # weighs against their groups' merge without forbidding it: reports revise tolls and
        # give parts of them ("two climbers" fell, "one climber" died).
        if score is None and related:
            score = 0.0
        elif not score or not (related or score >= _threshold(same)):
            continue
        sums: Sums = (score, 1, int(same))
        if y in links[x]:
            sums = tuple(p + q for p, q in zip(links[x][y], sums, strict=True))
        links[x][y] = links[y][x] = sums

    def margin(x: list[int], y: list[int], sums: Sums) -> float:
        """Average over the counted pairs of two groups of (score - threshold)."""
        scores, pairs, same = sums
        penalty = _threshold(False) * (pairs - same) + _threshold(True) * same
        return (scores - penalty) / pairs

    # Whether two mentions conflict depends on a few of their features only: groups keep
    # one mention per distinct set of them, so a group of a thousand alike mentions is
    # checked once, not a thousand times.
    # Another occurrence ("a second time") conflicts with the one named plainly unless
    # another document of its story tells it: there, the document counts too.
    kinds: dict[Hashable, int] = {}
    typical: dict[int, set[int]] = defaultdict(set)
    # An undated plan conflicts with what its own document dates: there, the document counts.
    retold = {story.get(m.document, m.document) for m in mentions if m.again}
    forecast = {m.document for m in mentions if _undated_plan(m)}
    for i, m in enumerate(mentions):
        told_in = story.get(m.document, m.document)
        document = m.document if told_in in retold or m.document in forecast else ""
        features = (
            m.negated,
            m.again,
            m.planned,
            m.start,
            m.end,
            m.pending,
            bool(m.quantities),
            m.reported_by,
            told_in,
            document,
        )
        typical[item[i]].add(kinds.setdefault(features, i))
    conflicts: dict[tuple[int, int], bool] = {}  # between typical mentions, once each
    holds_fixed = set(range(settled))

    def conflict(i: int, j: int) -> bool:
        pair = (i, j) if i < j else (j, i)
        if pair not in conflicts:
            a, b = mentions[i], mentions[j]
            same = story.get(a.document, a.document) == story.get(b.document, b.document)
            conflicts[pair] = _conflict(a, b, vocab, same_story=same)
        return conflicts[pair]

    def compatible(x: int, y: int, z: int) -> bool:
        if x in holds_fixed and y in holds_fixed:
            return False
        if any(conflict(i, j) for i in typical[x] for j in typical[y]):
            return False
        typical[z] = typical.pop(x) | typical.pop(y)
        if x in holds_fixed or y in holds_fixed:
            holds_fixed.add(z)
        return True

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[item[i]].append(i)
    groups = _average_linkage(count, links, margin, compatible)
    found = [sorted(i for x in group for i in members[x]) for group in groups]
    return [[mentions[i] for i in group] for group in sorted(found)]


def _antecedents(mentions: Sequence[Mention], vocab: EventWords) -> dict[int, int]:
    """For each mention named with a demonstrative ("this draft"), the nearest mention before
    it in its document whose predicate is related (the same, a synonym, the same type)."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_document[m.document].append(i)
    found: dict[int, int] = {}
    for indices in by_document.values():
        if not any(mentions[i].told_back for i in indices):
            continue
        ordered = sorted(indices, key=lambda i: mentions[i].position)
        for n, i in enumerate(ordered):
            if not mentions[i].told_back:
                continue
            before = (
                j for j in reversed(ordered[:n]) if mentions[j].position < mentions[i].position
            )
            j = next(
                (
                    j
                    for j in before
                    if _predicate_score(mentions[i], mentions[j], vocab) >= _SAME_TYPE
                ),
                None,
            )
            if j is not None:
                found[i] = j
    return found


def _threshold(same_document: bool) -> float:
    return _SAME_DOCUMENT_THRESHOLD if same_document else _THRESHOLD


def _average_linkage(
    n: int,
    links: dict[int, dict[int, Sums]],
    margin: Callable[[list[int], list[int], Sums], float],
    compatible: Callable[[int, int, int], bool],
) -> list[list[int]]:
    """Agglomerative clustering of items 0..n-1: merge the two groups with the largest margin
    while it is >= 0 and they are compatible.

    Args:
        links: for each pair of linked items, sums that add up when groups merge (pair
            scores, counts); pairs without a link are never merged directly. Consumed.
        margin: the merge margin of two groups (their members, the sums over their pairs).
        compatible: whether groups `x` and `y` may merge into group `z` (groups are numbered
            from `n` on as they form; items are the groups 0..n-1).
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    heap: list[tuple[float, int, int]] = []

    def push(x: int, y: int) -> None:
        value = margin(members[x], members[y], links[x][y])
        if value >= 0:
            heapq.heappush(heap, (-value, min(x, y), max(x, y)))

    for x, neighbours in links.items():
        for y in neighbours:
            if x < y:
                push(x, y)
    next_id = n
    while heap:
        _, x, y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue  # one side has merged since: a newer entry stands for it
        z = next_id
        if not compatible(x, y, z):
            continue
        next_id += 1
        members[z] = sorted(members.pop(x) + members.pop(y))
        merged: dict[int, Sums] = {}
        for old in (links.pop(x), links.pop(y)):
            for w, sums in old.items():
                if w not in (x, y):
                    previous = merged.get(w)
                    if previous is not None:
                        sums = tuple(p + q for p, q in zip(previous, sums, strict=True))
                    merged[w] = sums
        links[z] = merged
        for w, sums in merged.items():
            links[w].pop(x, None)
            links[w].pop(y, None)
            links[w][z] = sums
            push(z, w)
    return sorted(members.values())


def document_stories(mentions: Sequence[Mention]) -> dict[str, str]:
    """Documents grouped into stories by their contexts: document -> its story, named by
    the story's first document.

    Items are weighted by rarity among the documents (idf) and compared by cosine; groups
    merge while their average similarity reaches `_STORY_SIMILARITY`; a document then left
    alone joins the story it is nearest to from `_LONE_SIMILARITY` on
    (`_join_lone_documents`). Documents without a context are stories of their own. An item
    more than `_COMMON_ITEM` documents hold weighs little and would pair them all: it is
    left out of the comparison.
    """
    contexts: dict[str, Sequence[str]] = {}
    published: dict[str, tuple[dt.date, dt.date]] = {}
    for m in mentions:  # one context per document: its mentions should carry the same
        if len(m.context) >= len(contexts.get(m.document, ())):
            contexts[m.document] = m.context
        if m.published is not None:
            published.setdefault(m.document, m.published)
    names = list(contexts)
    vectors = _idf_vectors(list(contexts.values()))
    holders: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        for item in vector:
            holders.setdefault(item, []).append(i)
    similarity: dict[tuple[int, int], float] = defaultdict(float)
    for item, docs in holders.items():
        if len(docs) > _COMMON_ITEM:
            continue
        for n, i in enumerate(docs):
            for j in docs[n + 1 :]:
                similarity[(i, j)] += vectors[i][item] * vectors[j][item]
    links: dict[int, dict[int, Sums]] = {i: {} for i in range(len(names))}
    for (i, j), value in similarity.items():
        links[i][j] = links[j][i] = (value,)

    def margin(x: list[int], y: list[int], sums: Sums) -> float:
        return sums[0] / (len(x) * len(y)) - _STORY_SIMILARITY  # unlinked pairs count as 0

    # Each group's publication bounds: the earliest last day and the latest first day.
    bounds: dict[int, tuple[dt.date, dt.date]] = {}
    for i, name in enumerate(names):
        if name in published:
            first, last = published[name]
            bounds[i] = (last, first)

    def compatible(x: int, y: int, z: int) -> bool:
        both = [bounds[g] for g in (x, y) if g in bounds]
        if not both:
            return True
        earliest_end = min(b[0] for b in both)
        latest_start = max(b[1] for b in both)
        if (latest_start - earliest_end).days > _STORY_DAYS:
            return False
        bounds[z] = (earliest_end, latest_start)
        return True

    groups = _average_linkage(len(names), links, margin, compatible)
    groups = _join_lone_documents(groups, similarity, [published.get(n) for n in names])
    return {names[i]: min(names[j] for j in group) for group in groups for i in group}


def _join_lone_documents(
    groups: list[list[int]],
    similarity: Mapping[tuple[int, int], float],
    published: Sequence[tuple[dt.date, dt.date] | None],
) -> list[list[int]]:
    """Each document left alone joins the story it is most like on average, when that
    reaches `_LONE_SIMILARITY` and it was published within `_LONE_DAYS` of it (or either
    has no publication date).

    A short report (a brief, a headline and two lines) shares fewer words with each long
    report than they share among themselves: it falls short of the average that makes two
    stories one, yet belongs to the story it is nearest to if told at the same time: weaker
    evidence in words needs closer dates. Stories are compared as
    clustering left them, so the order of the lone documents does not matter.
    """
    story_of = {i: n for n, group in enumerate(groups) if len(group) > 1 for i in group}
    totals: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (i, j), value in similarity.items():
        for lone, other in ((i, j), (j, i)):
            if lone not in story_of and other in story_of:
                totals[lone][story_of[other]] += value
    joined = [list(group) for group in groups]
    moved: set[int] = set()
    for lone, by_story in sorted(totals.items()):
        candidates = [
            (total / len(groups[n]), n)
            for n, total in by_story.items()
            if total / len(groups[n]) >= _LONE_SIMILARITY
            and within_days([published[i] for i in (lone, *groups[n])], _LONE_DAYS)
        ]
        if candidates:
            joined[max(candidates)[1]].append(lone)
            moved.add(lone)
    return sorted(sorted(group) for group in joined if not set(group) <= moved)


def within_days(bounds: Sequence[tuple[dt.date, dt.date] | None], days: int = _STORY_DAYS) -> bool:
    """Whether documents with these publication bounds may all lie within `days`."""
    known = [b for b in bounds if b is not None]
    if not known:
        return True
    return (max(b[0] for b in known) - min(b[1] for b in known)).days <= days


def _idf_vectors(bags: Sequence[Collection[str]]) -> list[dict[str, float]]:
    """Unit vectors of the items of each bag, rarity counted among the bags (`idf_vector`)."""
    vector = _idf_vectors_on_demand(bags)
    return [vector(i) for i in range(len(bags))]


def _idf_vectors_on_demand(bags: Sequence[Collection[str]]) -> Callable[[int], dict[str, float]]:
    """`_idf_vectors`, each worked out when first asked for by its bag's index (of a graph's
    thousands of events, only those a new mention is compared with are)."""
    frequency = Counter(item for items in bags for item in set(items))
    rarity: dict[str, float] = {}
    vectors: dict[int, dict[str, float]] = {}

    def vector(i: int) -> dict[str, float]:
        if i not in vectors:
            vectors[i] = idf_vector(Counter(bags[i]), frequency, len(bags), rarity)
        return vectors[i]

    return vector


def idf_vector(
    counts: Mapping[str, int],
    frequency: Mapping[str, int],
    total: int,
    rarity: dict[str, float] | None = None,
) -> dict[str, float]:
    """The unit vector of a bag of items (item -> count): (1 + log count) x rarity, an item
    that `frequency[item]` of `total` bags hold weighing log((1 + total) / frequency).
    `rarity` keeps each item's weight for the next vectors of the same corpus."""
    rarity = {} if rarity is None else rarity
    for item in counts:
        if item not in rarity:
            rarity[item] = math.log((1 + total) / max(1, frequency.get(item, 1)))
    weights = {item: (1 + math.log(n)) * rarity[item] for item, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {item: w / norm for item, w in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(item, 0.0) for item, w in a.items())


def pair_score(
    a: Mention,
    b: Mention,
    *,
    same_story: bool = False,
    words_similarity: float | None = None,
    vocab: EventWords | None = None,
) -> float | None:
    """Evidence that two mentions are one event, in points; None when they cannot be.

    Args:
        same_story: whether the two documents tell one story, which takes the other
            documents to know (`cluster_mentions` works it out from the mentions' contexts).
        words_similarity: similarity (0..1) of the mentions' `words`; by default their
            cosine (`cluster_mentions` weights rare words more).
        vocab: the event vocabulary (synonyms, derivations, families); English by default.
    """
    vocab = vocab or get().events
    if _conflict(a, b, vocab, same_story=same_story) or _counts_disagree(a, b, vocab):
        return None
    score = predicate = _predicate_score(a, b, vocab)
    if not predicate:
        return 0.0  # unrelated predicates: nothing else counts
    if {v for v, _ in a.quantities} & {v for v, _ in b.quantities}:
        score += _SAME_QUANTITY
    if a.start and b.start and a.end and b.end:
        # Overlap of two short periods is evidence; two mentions of the same year much less.
        score += _SHORT_DATE if _short(a) and _short(b) else _LONG_DATE
    score += min(2, len(a.participants & b.participants)) * _PARTICIPANT
    if a.document != b.document and same_story:
        # Across the documents of one story, what surrounds the mentions tells its events
        # apart. Across stories, similar wording is what makes them look alike; within one
        # document, the words around a predicate are mostly what the article is about
        # ("the bill" introduced, approved, revised): neither is evidence.
        if words_similarity is None:
            overlap = len(a.words & b.words)
            words_similarity = overlap / math.sqrt(len(a.words) * len(b.words) or 1)
        score += _WORDS * math.sqrt(words_similarity)
        if predicate >= _SYNONYM:
            score += _SAME_STORY  # backs a shared predicate, not a shared event type
    return score


def _conflict(a: Mention, b: Mention, vocab: EventWords, *, same_story: bool = False) -> bool:
    if a.negated != b.negated:
        return True
    # "A second wave of mobilization" is not the mobilization named without such a word,
    # unless dates tie the two (a report may call one wave "the mobilization"). Within one
    # story, though, "hosts for a second time" is the occurrence the story is about, which
    # its other reports name plainly ("will host the show"): only the other evidence counts.
    # Within one article only when neither is dated: an article dating the one named plainly
    # sets the two apart ("the mobilization in September ... a second wave").
    told_plainly = same_story and (a.document != b.document or not (a.start or b.start))
    if a.again != b.again and not (a.start and b.start) and not told_plainly:
        return True
    if a.start and b.start and a.end and b.end and (a.end < b.start or b.end < a.start):
        return True
    # "In September, Putin announced the mobilization ... the mobilisation drive will focus on
    # volunteers": what one article tells as still to come, undated, is not what it dates
    # as done.
    if a.document == b.document and (
        (_undated_plan(a) and b.start and not b.planned)
        or (_undated_plan(b) and a.start and not a.planned)
    ):
        return True
    # A plan dated or counted and what happened are one occurrence only when both are dated
    # within a season (a draft to begin on 1 April and its target, conscripts drafted that
    # spring); dated over a year, or counted, a target is not its outcome, nor does one report
    # corroborate the other: "wants to recruit 521,000 in 2023", "the goal is to enlist up
    # to 400,000", "recruited over 400,000 last year".
    told_apart = (a.start and b.start) or (a.quantities and b.quantities)
    if a.planned != b.planned and told_apart and not _one_season(a, b):
        return True
    # News told by a day cannot be an event that begins after it was reported.
    return bool(
        (a.reported_by and b.start and b.start > a.reported_by)
        or (b.reported_by and a.start and a.start > b.reported_by)
    )


def _undated_plan(mention: Mention) -> bool:
    return mention.planned and mention.start is None and mention.reported_by is None


def _counts_disagree(a: Mention, b: Mention, vocab: EventWords) -> bool:
    # Counts of one thing that never agree: 160,000 men is not 147,000 men. Counts of people
    # under different words ("men", "soldiers") conflict only when far apart, because reports
    # revise tolls and tallies ("3 dead", "4 killed").
    if not (a.quantities and b.quantities):
        return False
    shared_units = {u for _, u in a.quantities} & {u for _, u in b.quantities} - {""}
    if shared_units and not (a.quantities & b.quantities) and a.planned == b.planned:
        return True
    people_a = _counts(a, vocab).get(_PEOPLE, set())
    people_b = _counts(b, vocab).get(_PEOPLE, set())
    return bool(people_a and people_b) and all(
        max(x, y) > _FAR_APART * min(x, y) for x in people_a for y in people_b
    )


def _one_season(a: Mention, b: Mention) -> bool:
    """Whether both mentions are dated, each within a season (or may be, once its document's
    publication day is known)."""
    return all(m.pending or _short(m) for m in (a, b))


def _short(mention: Mention) -> bool:
    """Whether a mention is dated within a season (a day, a week, a month, spring)."""
    start, end = mention.start, mention.end
    return start is not None and end is not None and (end - start).days <= _SEASON_DAYS


def _counts(mention: Mention, vocab: EventWords) -> dict[str, set[float]]:
    counts: dict[str, set[float]] = {}
    for value, unit in mention.quantities:
        if unit:
            counts.setdefault(_PEOPLE if unit in vocab.person_units else unit, set()).add(value)
    return counts


_PEOPLE = "people"
_FAR_APART = 2.0  # counts of people this many times apart are not one tally


def _predicate_score(a: Mention, b: Mention, vocab: EventWords) -> float:
    return _predicates_score(a.lemma, a.event_type, b.lemma, b.event_type, vocab)


@lru_cache(maxsize=1 << 16)  # pairs of predicates recur across a block's mentions
def _predicates_score(
    lemma_a: str, event_type_a: str, lemma_b: str, event_type_b: str, vocab: EventWords
) -> float:
    if lemma_a == lemma_b or _stems(lemma_a, vocab) & _stems(lemma_b, vocab):
        # Reporting and light verbs recur for many different statements and happenings.
        weak = any(
            lemma in vocab.light_verbs or lemma in vocab.saying_verbs
            for lemma in (lemma_a, lemma_b)
        )
        return _WEAK_PREDICATE if weak else _SAME_PREDICATE
    if _synonym_groups(lemma_a, vocab) & _synonym_groups(lemma_b, vocab):
        return _SYNONYM
    type_a = event_type_a if event_type_a != _OTHER else ""
    type_b = event_type_b if event_type_b != _OTHER else ""
    if type_a and type_a == type_b:
        return _SAME_TYPE
    family = vocab.family(type_a) if type_a else None
    return _SAME_FAMILY if family and family == vocab.family(type_b or _OTHER) else 0.0


def blocking_keys(mention: Mention, vocab: EventWords) -> Iterable[Hashable]:
    """Blocking keys: mentions with no key in common cannot score."""
    yield from _stems(mention.lemma, vocab)
    yield mention.lemma
    yield from _synonym_groups(mention.lemma, vocab)
    if mention.event_type and mention.event_type != _OTHER:
        yield ("type", mention.event_type)
        yield ("family", vocab.family(mention.event_type) or mention.event_type)


def _candidate_pairs(
    mentions: Sequence[Mention], vocab: EventWords, settled: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Pairs of mentions that share a blocking key: all pairs of a block of at most
    `_MAX_BLOCK` mentions, and in a larger block the pairs at most `_WINDOW` apart in date
    order (undated mentions last, then in input order); never two `settled` mentions."""
    blocks: dict[Hashable, list[int]] = {}
    for i, mention in enumerate(mentions):
        for key in set(blocking_keys(mention, vocab)):
            blocks.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for block in blocks.values():
        if len(block) <= _MAX_BLOCK:  # in input order: a mention pairs with those after it
            held = [j for j in block if j in settled]
            for n, i in enumerate(block):
                if i not in settled:
                    pairs.update(zip(repeat(i), block[n + 1 :]))
                    pairs.update(zip(held[: bisect_left(held, i)], repeat(i)))
            continue
        block.sort(
            key=lambda i: (mentions[i].start or dt.date.max, mentions[i].end or dt.date.max, i)
        )
        for n, i in enumerate(block):
            if i in settled:
                continue  # its pairs with the others are found from their side
            pairs.update((min(i, j), max(i, j)) for j in block[n + 1 : n + 1 + _WINDOW])
            if settled:
                earlier = block[max(0, n - _WINDOW) : n]
                pairs.update((min(i, j), max(i, j)) for j in earlier if j in settled)
    return sorted(pairs)


@cache
def _forms(lemma: str, vocab: EventWords) -> frozenset[str]:
    """The lemma, the lemma without an inflection the lemmatiser left ('Oscars', 'Fired'),
    and the verb of a phrasal lemma ('check_in' -> check) unless a light verb ('take_off')."""
    lemma = lemma.lower()
    verb = lemma.split("_")[0]
    words = {lemma, verb} if "_" in lemma and verb not in vocab.light_verbs else {lemma}
    forms = set()
    for word in words:
        word = re.sub(r"[-_ ]", "", word)
        for pattern, replacement in vocab.spelling_variants:
            word = re.sub(pattern, replacement, word)
        forms.add(word)
        for suffix in vocab.inflection_suffixes:
            if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
                forms.add(word[: -len(suffix)])
    return frozenset(forms)


@cache
def _stems(lemma: str, vocab: EventWords) -> frozenset[str]:
    """Stems shared by a verb and its derived nouns: 'nominate' and 'nomination', 'kill' and
    'killing', 'explode' and 'explosion', 'arrive' and 'arrival'."""
    stems = set()
    for word in _forms(lemma, vocab):
        stems.add(word)
        for suffix in vocab.derivation_suffixes:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3:
                if suffix == "ion" and re.search(r"[aeiou]s$", stem):
                    stem = stem[:-1] + "d"  # explosion -> explod(e), decision -> decid(e)
                stems.add(stem)
    # kill / killing -> kil; ship / shipping -> ship
    return frozenset(re.sub(r"([^aeiou])\1$", r"\1", s) for s in stems if len(s) >= 3)


@cache
def _synonym_groups(lemma: str, vocab: EventWords) -> frozenset[int]:
    """The synonym groups holding the lemma or a derivation of it ('shootings', 'dismissal')."""
    stems = _stems(lemma, vocab)
    return frozenset(i for i, group in enumerate(_synonym_stems(vocab)) if stems & group)


@cache
def _synonym_stems(vocab: EventWords) -> list[frozenset[str]]:
    return [
        frozenset(stem for word in group for stem in _stems(word, vocab))
        for group in vocab.synonyms
    ]


def mention_of(
    event: LocalEvent,
    key: Hashable,
    actor_ids: Sequence[str],
    context: tuple[str, ...] = (),
    published: tuple[dt.date, dt.date] | None = None,
) -> Mention:
    """Matcher features of a local event.

    Args:
        event: the event as its document describes it.
        key: what the mention stands for, handed back in the clusters.
        actor_ids: its participants' corpus ids.
        context: its document's context, each item as often as it occurs
            (`context_items(extraction.context)`, shared by the document's mentions).
        published: the first and last day its document may have been published
            (`graph.resolve.sources.publication_bounds`).
    """
    return Mention(
        key=key,
        document=event.span.source_id,
        lemma=event.trigger,
        event_type=event.event_type.value,
        # a date taken from the publication says only "by then": no evidence of identity
        start=event.date.start if event.date and event.date.basis != "publication" else None,
        end=event.date.end if event.date and event.date.basis != "publication" else None,
        # a difference ("exceeding last year's by 10,000") counts nothing the event holds
        quantities=frozenset((q.value, q.unit) for q in event.quantities if not q.change),
        participants=frozenset(actor_ids),
        negated=event.negated,
        again=event.again,
        planned=event.modality == "planned",
        told_back=event.told_back,
        position=event.trigger_span.start,
        context=context,
        words=frozenset(event.words),
        published=published,
        reported_by=event.date.end if event.date and event.date.basis == "publication" else None,
        pending=awaits_publication(event),
    )


def dating(mention: Mention) -> bool:
    """Whether a mention takes part in dating undated articles: its date awaits its
    article's publication day (`Mention.pending`), or it has a date to lend."""
    return mention.pending or mention.start is not None


def context_items(counts: Mapping[str, int]) -> tuple[str, ...]:
    """A document's context (`DocExtraction.context`) as `Mention.context` takes it: each
    item as often as it occurs."""
    return tuple(item for item, n in counts.items() for _ in range(n))


EventKey = tuple[int, int]  # (document index, local event index)


def merge_events(
    extractions: Sequence[DocExtraction],
    actor_ids: dict[tuple[int, int], str],
    *,
    vocab: EventWords | None = None,
    only: Callable[[Mention], bool] | None = None,
) -> tuple[list[Event], dict[EventKey, str], dict[str, str]]:
    """Cluster every document's events into corpus events (with `only`, the events whose
    mentions it accepts, in the stories of all).

    Returns:
        The events sorted by id, a map from (document index, local index) to event id, and
        each document's story (`document_stories`).
    """
    mentions = []
    for d, extraction in enumerate(extractions):
        context = context_items(extraction.context)
        published = publication_bounds(extraction)
        for e, local in enumerate(extraction.events):
            ids = [actor_ids[(d, p.actor)] for p in local.participants]
            mentions.append(mention_of(local, (d, e), ids, context, published))
    events: dict[str, Event] = {}
    mapping: dict[EventKey, str] = {}
    stories = document_stories(mentions)
    if only is not None:
        mentions = [m for m in mentions if only(m)]
    for group in cluster_mentions(mentions, vocab=vocab, stories=stories):
        keys: list[EventKey] = [m.key for m in group]  # type: ignore[misc]
        event = to_event([extractions[d].events[e] for d, e in keys])
        base, n = event.id, 0
        while event.id in events:  # same content, different happenings: keep them apart
            parts = (base, event.mentions[0], n) if n else (base, event.mentions[0])
            event = event.model_copy(update={"id": make_id("Event", *parts)})
            n += 1
        events[event.id] = event
        for key in keys:
            mapping[key] = event.id
    return sorted(events.values(), key=lambda e: e.id), mapping, stories


def to_event(members: list[LocalEvent]) -> Event:
    types = Counter(m.event_type for m in members)
    event_type = max(types, key=lambda t: (types[t], t != EventType.OTHER, t.value))
    date = finest_date([m.date for m in members if m.date])
    quantities: list[Quantity] = []
    for member in members:
        for q in member.quantities:
            if all((q.value, q.unit) != (k.value, k.unit) for k in quantities):
                quantities.append(q)
    mentions: list[Span] = sorted(
        {s for m in members for s in m.tellings(m.span)}, key=lambda s: (s.source_id, s.start)
    )
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
        category=EVENT_ONTOLOGY[event_type][0],
        trigger=trigger,
        date=date,
        quantities=tuple(quantities),
        location=next((m.location for m in members if m.location), None),
        negated=representative.negated,
        modality=representative.modality,
        mentions=tuple(mentions),
    )


def finest_date(dates: list[DateValue]) -> DateValue | None:
    if not dates:
        return None
    return min(
        dates,
        key=lambda d: (
            d.basis == "publication",  # the earliest report's date only when none is stated
            _PRECISION_ORDER.index(d.precision.value),
            d.basis != "stated",
            d.value,
        ),
    )
