"""Copies and near-copies of one article: a syndicated wire story, a re-post with a header or
a footer of its own. They are one piece of reporting, never independent corroboration.

Each document's extraction keeps a fingerprint of its cleaned text
(`graph.extract.fingerprint`): the `SKETCH` smallest hashes of its word 5-grams. Two
documents whose sketches estimate a Jaccard similarity of their 5-gram sets of at least
`THRESHOLD` are copies (an estimate within about 0.04 of the true value at 0.8; exact for
texts of fewer than `SKETCH` 5-grams). Copies are grouped transitively; the group's primary is
the one published first (by the dates the articles state; undated ones last), ties broken by id, so
the same documents give the same primary in any order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from graph.extract.fingerprint import SKETCH
from graph.model import DocExtraction

THRESHOLD = 0.8  # estimated Jaccard similarity of 5-gram sets from which two texts are copies


@dataclass(frozen=True)
class Copy:
    """A document found to repeat another: the primary's id and how alike the two are."""

    primary: str
    similarity: float  # estimated Jaccard similarity of their word 5-gram sets


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the 5-gram sets two sketches come from."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def may_copy(shared: int, a: int, b: int) -> bool:
    """Whether sketches of `a` and `b` hashes that share `shared` can reach `THRESHOLD`: their
    similarity is at most `shared` over the smaller of `SKETCH` and the longer sketch."""
    return shared >= THRESHOLD * min(SKETCH, max(a, b)) - 1e-9


def find_copies(extractions: Sequence[DocExtraction]) -> dict[str, Copy]:
    """The documents that copy another, by source id; primaries and unique documents are not
    listed. Documents without a fingerprint are never copies.

    Example:
        >>> copies = find_copies(extractions)
        >>> copies["src_b"].primary
        'src_a'
    """
    sketches = {x.source.id: x.fingerprint for x in extractions if x.fingerprint}
    holders: dict[int, list[str]] = defaultdict(list)
    for source_id in sorted(sketches):
        for h in sketches[source_id]:
            holders[h].append(source_id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b)] += 1
    parent = {source_id: source_id for source_id in sketches}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), n in shared.items():
        if (
            may_copy(n, len(sketches[a]), len(sketches[b]))
            and similarity(sketches[a], sketches[b]) >= THRESHOLD
        ):
            parent[root(a)] = root(b)

    groups: dict[str, list[str]] = defaultdict(list)
    for source_id in sketches:
        groups[root(source_id)].append(source_id)
    order = {x.source.id: _first_published(x) for x in extractions}
    copies = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        primary = min(members, key=lambda m: order[m])
        for member in members:
            if member != primary:
                score = similarity(sketches[member], sketches[primary])
                copies[member] = Copy(primary, round(score, 2))
    return copies


def _first_published(extraction: DocExtraction) -> tuple[bool, str, str]:
    published = extraction.source.published
    day = published.start.isoformat() if published is not None else ""
    return (published is None, day, extraction.source.id)
