"""The saved graph file: node-link JSON of the graph plus every document's extraction.

The extractions are kept so that loading more documents re-resolves the whole corpus (actors
and events merge across old and new documents) without re-reading old files. Writes are
atomic: a temporary file in the same folder, flushed, then renamed over the old one, so a
failed run never leaves a half-written graph.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import ValidationError

from graph.build import from_node_link, node_link, to_networkx
from graph.errors import GraphFileError
from graph.model import DocExtraction, GraphRecord

FORMAT = "timeline-graph"
VERSION = 1


@dataclass
class SavedGraph:
    """What a saved graph file holds."""

    graph: nx.MultiDiGraph
    extractions: list[DocExtraction]


def read_saved(path: Path, missing_ok: bool = True) -> SavedGraph:
    """Read a saved graph; an absent file is an empty graph when `missing_ok`."""
    if not path.exists():
        if missing_ok:
            return SavedGraph(nx.MultiDiGraph(), [])
        raise GraphFileError(
            str(path),
            "no saved graph here",
            "run `timeline-graph load PATHS` first or pass --graph",
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GraphFileError(
            str(path),
            f"not a readable graph file ({error})",
            "restore it from a backup or delete it and load again",
        ) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise GraphFileError(
            str(path),
            f"not a {FORMAT} file",
            "pass the graph written by `timeline-graph load` with --graph",
        )
    if data.get("version") != VERSION:
        raise GraphFileError(
            str(path),
            f"format version {data.get('version')} (this program reads {VERSION})",
            "load the documents again into a new graph file",
        )
    try:
        extractions = [DocExtraction.model_validate(x) for x in data["documents"]]
        graph = from_node_link(data["graph"])
    except (KeyError, TypeError, ValidationError, nx.NetworkXError) as error:
        raise GraphFileError(
            str(path),
            f"corrupt graph file ({type(error).__name__})",
            "delete it and load the documents again",
        ) from error
    return SavedGraph(graph, extractions)


def _mode_for(path: Path) -> int:
    """The permissions a rewritten graph keeps: the old file's, or for a new file those any
    new file gets (0666 less the umask), not the temporary file's private 0600."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_saved(path: Path, record: GraphRecord, extractions: list[DocExtraction]) -> None:
    """Write the graph and extractions atomically; same content gives the same bytes."""
    payload: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "graph": node_link(to_networkx(record)),
        "documents": [
            x.model_dump(mode="json") for x in sorted(extractions, key=lambda x: x.source.id)
        ],
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    path = path.resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise GraphFileError(
            str(path), f"cannot write here ({error.strerror})", "pass a writable --graph PATH"
        ) from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(path))
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
