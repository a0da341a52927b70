"""Claims across documents: nodes, and SUPPORTS / CONTRADICTS links with their evidence.

Two claims are on the same subject when they are about the same event, or when their
contents share enough distinctive words (cosine similarity of IDF-weighted content words,
IDF over all claims in the corpus, so that words every claim uses count for little).
On the same subject, opposite polarity is a contradiction ("dismissed a second wave of
mobilization" against "the second wave of mobilization has begun"); the same polarity from a
different source or speaker is support. Nothing is deleted or invalidated: both sides stay.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from itertools import chain

from graph.ids import make_id
from graph.lang import get
from graph.lang.resolution import ResolutionWords
from graph.model import Claim, DocExtraction, Edge, EdgeType, LocalClaim

ClaimKey = tuple[int, int]

# Same subject: contradiction needs less overlap than support, because opposite statements
# about one thing share its name but rarely their predicate ("has begun" / "dismissed").
CONTRADICTION_SIMILARITY = 0.30
SUPPORT_SIMILARITY = 0.45
_COMMON = 200  # posting lists longer than this are skipped when pairing claims

_WORD = re.compile(r"[a-z][a-z'-]+")


def make_claims(extractions: Sequence[DocExtraction]) -> tuple[list[Claim], dict[ClaimKey, str]]:
    """One Claim node per attributed statement; returns the nodes and a key -> id map."""
    claims: dict[str, Claim] = {}
    mapping: dict[ClaimKey, str] = {}
    for d, extraction in enumerate(extractions):
        for c, local in enumerate(extraction.claims):
            claim = _to_claim(local)
            claims[claim.id] = claim
            mapping[(d, c)] = claim.id
    return sorted(claims.values(), key=lambda c: c.id), mapping


def _to_claim(local: LocalClaim) -> Claim:
    return Claim(
        id=make_id("Claim", local.span.source_id, local.content_span.start, local.content_span.end),
        text=local.text,
        direct=local.direct,
        speaker=local.speaker,
        cue=local.cue,
        date=local.date,
        polarity=local.polarity,
        hedged=local.hedged,
        span=local.span,
    )


def content_words(text: str, vocab: ResolutionWords | None = None) -> set[str]:
    """Distinctive words of a statement, lower-cased, plural 's' removed."""
    vocab = vocab or get().resolution
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'-")
        if word in vocab.stopwords or len(word) < 3:
            continue
        concept = vocab.concept(word)
        if concept is not None:
            words.add(concept)
            continue
        if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
            word = word[:-1]
        words.add(word)
    return words


def link_claims(
    claims: Sequence[Claim],
    about: dict[str, str],
    speakers: dict[str, str | None],
    *,
    vocab: ResolutionWords | None = None,
    corpus: tuple[Mapping[str, int], int] | None = None,
    new: Collection[str] | None = None,
    known: Mapping[str, set[str]] | None = None,
) -> list[Edge]:
    """SUPPORTS between agreeing and CONTRADICTS between opposed claims on the same subject.

    Args:
        claims: all claim nodes.
        about: claim id -> event id for claims tied to an event.
        speakers: claim id -> speaker actor id (None when unresolved).
        vocab: stopwords and concept groups; English by default.
        corpus: how many claims use each word and how many claims there are, when `claims`
            are some of a larger corpus's; by default, counted over `claims`.
        new: only the links of these claims to any of `claims` (those of claims added to a
            graph whose other links stand); by default, all links.
        known: the content words of some of `claims`, worked out already, by claim id.
    """
    known = known or {}
    words = {c.id: known.get(c.id) or content_words(c.text, vocab) for c in claims}
    frequency, total = corpus or (Counter(w for ws in words.values() for w in ws), len(claims))
    used = {w for ws in words.values() for w in ws}
    idf = {w: math.log((1 + total) / (1 + frequency.get(w, 1))) + 1 for w in used}
    edges: list[Edge] = []
    for a, b in _candidate_pairs(claims, words, about, new):
        same_source = a.span.source_id == b.span.source_id
        speaker = speakers.get(a.id)
        same_speaker = speaker is not None and speaker == speakers.get(b.id)
        if same_speaker or (same_source and _overlap(a, b)):
            continue  # one speaker qualifying itself, or one sentence read twice (nesting)
        shared = words[a.id] & words[b.id]
        similarity = _cosine(shared, words[a.id], words[b.id], idf)
        same_event = a.id in about and about.get(a.id) == about.get(b.id)
        # One shared word is a topic, not a subject ("mobilization"); ask for two.
        related = same_event or (len(shared) >= 2 and similarity >= CONTRADICTION_SIMILARITY)
        if a.polarity != b.polarity and related:
            kind = EdgeType.CONTRADICTS
            why = f"{a.polarity.value} vs {b.polarity.value}"
        elif (
            a.polarity == b.polarity
            and not same_source
            and len(shared) >= 2
            and similarity >= SUPPORT_SIMILARITY
        ):
            kind = EdgeType.SUPPORTS
            why = f"both {a.polarity.value}, from different sources"
        else:
            continue
        subject = f"about event {about[a.id]}" if same_event else "on the same subject"
        evidence = (
            f"{why} {subject}; shared words: {', '.join(sorted(shared)) or '-'} "
            f"(similarity {similarity:.2f})"
        )
        edges.append(
            Edge(
                id=make_id("Edge", kind.value, a.id, b.id),
                source=a.id,
                target=b.id,
                type=kind,
                evidence=evidence,
                spans=(a.span, b.span),
            )
        )
    return edges


def _candidate_pairs(
    claims: Sequence[Claim],
    words: dict[str, set[str]],
    about: dict[str, str],
    new: Collection[str] | None = None,
) -> list[tuple[Claim, Claim]]:
    """Pairs that share an event or two content words, found through an inverted index
    rather than by comparing every pair of claims in the corpus; with `new`, only the pairs
    holding one of those claims."""
    by_id = {c.id: c for c in claims}
    index: dict[str, list[str]] = defaultdict(list)
    for claim_id in by_id:
        for word in words[claim_id]:
            index[word].append(claim_id)
        if claim_id in about:
            index[f"event:{about[claim_id]}"].append(claim_id)
    pairs: set[tuple[str, str]] = set()
    for a in by_id if new is None else [c for c in by_id if c in new]:
        # The claims sharing a's keys, once per key: an event counts as two words, and a
        # word most claims use says nothing about a shared subject.
        held = [index[w] for w in words[a] if len(index[w]) <= _COMMON]
        if a in about:
            held += [index[f"event:{about[a]}"]] * 2
        shared = Counter(chain.from_iterable(held))
        pairs.update((a, b) if a < b else (b, a) for b, n in shared.items() if n >= 2 and b != a)
    return [(by_id[a], by_id[b]) for a, b in sorted(pairs)]


def _overlap(a: Claim, b: Claim) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


def _cosine(shared: set[str], a: set[str], b: set[str], idf: dict[str, float]) -> float:
    if not shared:
        return 0.0
    weight = sum(idf[w] ** 2 for w in shared)
    norm_a = math.sqrt(sum(idf[w] ** 2 for w in a))
    norm_b = math.sqrt(sum(idf[w] ** 2 for w in b))
    return weight / (norm_a * norm_b)
