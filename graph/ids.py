"""Content-derived ids (the same content gives the same id on every run and machine) and the
record of ids already given, which later loads keep (`graph.resolve.identity`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_PREFIX = {"Source": "src", "Actor": "act", "Event": "evt", "Claim": "clm", "Edge": "rel"}


def content_hash(data: bytes) -> str:
    """SHA-256 hex digest of raw bytes."""
    return hashlib.sha256(data).hexdigest()


def code_version(files: Iterable[Path], root: Path) -> str:
    """A short digest of files' paths (relative to `root`) and bytes: what names the code
    that wrote something, so that output of other code is recognised."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.resolve().relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def make_id(kind: str, *parts: object) -> str:
    """An id for a `kind` (Source, Actor, Event, Claim, Edge) from the parts that define it.

    Example:
        >>> make_id("Actor", "person", "vladimir putin")
        'act_...'
    """
    key = "\x1f".join(str(p) for p in parts)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"{_PREFIX[kind]}_{digest}"


MentionKey = tuple[str, str, int, int]  # source id, node kind, span start, span end


@dataclass
class Identities:
    """The ids a graph has given: what keeps an Actor's or Event's id across loads.

    `mentions` maps each local actor or event mention (source id, kind, span start and end)
    to the id its node had; `born` gives each id the number of the load that first gave it;
    `aliases` maps retired ids to the id that absorbed them; `load` is the number of the
    load now running.
    """

    mentions: dict[MentionKey, str] = field(default_factory=dict)
    born: dict[str, int] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    load: int = 1

    def canonical(self, node_id: str) -> str:
        """The id that names `node_id` now (itself unless a merge retired it)."""
        return self.aliases.get(node_id, node_id)
