"""Content-derived ids: the same content gives the same id on every run and machine."""

from __future__ import annotations

import hashlib

_PREFIX = {"Source": "src", "Actor": "act", "Event": "evt", "Claim": "clm", "Edge": "rel"}


def content_hash(data: bytes) -> str:
    """SHA-256 hex digest of raw bytes."""
    return hashlib.sha256(data).hexdigest()


def make_id(kind: str, *parts: object) -> str:
    """An id for a `kind` (Source, Actor, Event, Claim, Edge) from the parts that define it.

    Example:
        >>> make_id("Actor", "person", "vladimir putin")
        'act_...'
    """
    key = "\x1f".join(str(p) for p in parts)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"{_PREFIX[kind]}_{digest}"
