"""A document's fingerprint: a bottom-k sketch of its word 5-grams, by which copies and
near-copies of one article are found across the corpus (`graph.resolve.copies`)."""

from __future__ import annotations

import hashlib
import re

SHINGLE = 5  # words per shingle
SKETCH = 128  # hashes kept per document
_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> tuple[int, ...]:
    """The sketch of `text`: its `SKETCH` smallest word 5-gram hashes, in ascending order.

    Example:
        >>> len(fingerprint("one two three four five six")), fingerprint("")
        (2, ())
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return ()
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return tuple(sorted(_hash(g) for g in grams)[:SKETCH])


def _hash(gram: str) -> int:
    # 53 bits: every JSON reader keeps the number exact.
    return int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()) >> 11
