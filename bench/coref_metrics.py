"""Coreference scores: MUC, B3, CEAF-e and the CoNLL F1 (their mean).

Clusterings are sequences of clusters, each an iterable of hashable mention ids. The key
(gold) and the response (system) may hold different mentions ("twinless" mentions are handled
as in the CoNLL-2012 reference scorer, Pradhan et al. 2014).

    >>> key = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
    >>> response = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]
    >>> round(muc(key, response).f1, 2), round(ceaf_e(key, response).f1, 2)
    (0.4, 0.52)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Clustering = Sequence[Iterable[Hashable]]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0


def _sets(clusters: Clustering) -> list[frozenset[Hashable]]:
    return [frozenset(c) for c in clusters if c]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    """Link-based MUC (Vilain et al. 1995): links kept over links needed."""

    def links(a: list[frozenset[Hashable]], b: list[frozenset[Hashable]]) -> tuple[int, int]:
        where = {m: i for i, c in enumerate(b) for m in c}
        found = needed = 0
        for cluster in a:
            # Mentions the other side lacks count as singleton parts.
            parts = {where.get(m, ("alone", m)) for m in cluster}
            found += len(cluster) - len(parts)
            needed += len(cluster) - 1
        return found, needed

    k, r = _sets(key), _sets(response)
    return Score(_ratio(*links(k, r)), _ratio(*links(r, k)))


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """Mention-based B3 (Bagga and Baldwin 1998)."""

    def side(a: list[frozenset[Hashable]], b: list[frozenset[Hashable]]) -> float:
        where = {m: c for c in b for m in c}
        total = sum(len(c) for c in a)
        hits = sum(len(c & where[m]) / len(c) for c in a for m in c if m in where)
        return _ratio(hits, total)

    k, r = _sets(key), _sets(response)
    return Score(side(k, r), side(r, k))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Entity-based CEAF (Luo 2005) with phi4 similarity and an optimal one-to-one alignment."""
    k, r = _sets(key), _sets(response)
    total = 0.0
    for ki, ri in _components(k, r):
        matrix = [[2 * len(k[i] & r[j]) / (len(k[i]) + len(r[j])) for j in ri] for i in ki]
        total += sum(matrix[i][j] for i, j in max_assignment(matrix))
    return Score(_ratio(total, len(k)), _ratio(total, len(r)))


def conll(key: Clustering, response: Clustering) -> dict[str, Score | float]:
    """All three scores and the CoNLL F1 (mean of the three F1 values)."""
    scores: dict[str, Score | float] = {
        "MUC": muc(key, response),
        "B3": b_cubed(key, response),
        "CEAF-e": ceaf_e(key, response),
    }
    scores["CoNLL"] = sum(s.f1 for s in scores.values() if isinstance(s, Score)) / 3
    return scores


def _components(
    k: list[frozenset[Hashable]], r: list[frozenset[Hashable]]
) -> list[tuple[list[int], list[int]]]:
    """Groups of key and response clusters linked by shared mentions; aligned separately."""
    parent = list(range(len(k) + len(r)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[Hashable, int] = {m: i for i, c in enumerate(k) for m in c}
    for j, cluster in enumerate(r):
        for m in cluster:
            if m in owner:
                parent[find(len(k) + j)] = find(owner[m])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(k)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(r)):
        groups.setdefault(find(len(k) + j), ([], []))[1].append(j)
    return [g for g in groups.values() if g[0] and g[1]]


def max_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Rows matched to columns, one-to-one, with the largest total weight (Kuhn-Munkres).

    Shortest augmenting paths with potentials, O(n^2 m); works on rectangular matrices.

        >>> max_assignment([[1, 2], [3, 1]])
        [(0, 1), (1, 0)]
    """
    if not weights or not weights[0]:
        return []
    transpose = len(weights) > len(weights[0])
    rows = (
        [list(r) for r in zip(*weights, strict=True)] if transpose else [list(r) for r in weights]
    )
    n, m = len(rows), len(rows[0])
    top = max(max(r) for r in rows)
    cost = [[top - w for w in r] for r in rows]  # minimise cost == maximise weight
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[j] = row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    if transpose:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)
