"""The graph as one JSON file (node-link JSON of the graph plus every document's
extraction), and the lock every writer of a saved graph holds.

The JSON file was the saved graph of version 0.1; it is still read wherever a saved graph
is, and `timeline-graph migrate` converts it to and from the store (`graph.store.sqlite`).
Writes are atomic: a temporary file in the same folder, flushed, then renamed over the old
one, so a failed run never leaves a half-written file.
"""

from __future__ import annotations

import fcntl
import glob
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
from pydantic import TypeAdapter, ValidationError

from graph.build import from_node_link, node_link
from graph.errors import GraphFileError
from graph.model import DocExtraction, Edge, Node

FORMAT = "timeline-graph"
VERSION = 1


def check_saved(path: Path, missing_ok: bool = True) -> bool:
    """Whether a saved graph exists at `path`, without reading it.

    Raises:
        GraphFileError: nothing there (unless `missing_ok`), or not a regular file.
    """
    if not path.exists():
        if missing_ok:
            return False
        older = path.with_suffix(".json")
        if path.suffix == ".db" and older.is_file():  # the default name of version 0.1
            raise GraphFileError(
                str(path),
                "no saved graph here",
                f"to use the graph {older} of an earlier version, convert it with"
                f" `timeline-graph migrate {older} {path}`, or pass --graph {older}",
            )
        raise GraphFileError(
            str(path),
            "no saved graph here",
            "run `timeline-graph load PATHS` first or pass --graph",
        )
    if not path.is_file():
        raise GraphFileError(
            str(path),
            "not a regular file (a folder, named pipe or device)",
            "pass the graph file written by `timeline-graph load` with --graph",
        )
    return True


def read_json(path: Path) -> tuple[nx.MultiDiGraph, list[DocExtraction]]:
    """Read a graph file in the JSON format (the graph and every document's extraction).

    Raises:
        GraphFileError: not such a file, from another version, or damaged (the message
            gives the first problem and where it is).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    # ValueError: not JSON, or an integer of more digits than Python converts; RecursionError:
    # arrays or objects nested deeper than the parser goes.
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
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
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise GraphFileError(
            str(path),
            f"format version {version!r} is not a version number",
            "restore the file from a backup, or load the documents into a new --graph file",
        )
    if version > VERSION:
        raise GraphFileError(
            str(path),
            f"written by a newer timeline-graph (format version {version}; this one reads"
            f" {VERSION})",
            "upgrade timeline-graph (pip install -U timeline-graph)",
        )
    if version < VERSION:
        raise GraphFileError(
            str(path),
            f"format version {version} is older than this program reads ({VERSION})",
            "load the documents again into a new --graph file",
        )
    try:
        extractions = _validated(data)
    except _Damaged as problem:
        raise GraphFileError(
            str(path),
            f"damaged graph file: {problem}",
            "restore it from a backup, or load the documents into a new --graph file",
        ) from None
    return from_node_link(data["graph"]), extractions


_NODE: TypeAdapter[Node] = TypeAdapter(Node)
T = TypeVar("T")


class _Damaged(Exception):
    """Where a file departs from what `write_json` writes, as a path and a reason."""


def _validated(data: dict[str, Any]) -> list[DocExtraction]:
    """The documents' extractions, once the whole file has the shape `write_json` gives it.

    Raises:
        _Damaged: the first departure.
    """
    documents, graph = data.get("documents"), data.get("graph")
    if not isinstance(documents, list):
        raise _Damaged("'documents' is not a list")
    if not isinstance(graph, dict):
        raise _Damaged("'graph' is not an object")
    if graph.get("directed") is not True or graph.get("multigraph") is not True:
        raise _Damaged("'graph' is not a directed multigraph")
    nodes, edges = graph.get("nodes"), graph.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise _Damaged("'graph.nodes' or 'graph.edges' is not a list")
    extractions = _each("documents", documents, DocExtraction.model_validate)
    _each("graph.nodes", nodes, _NODE.validate_python)
    _each("graph.edges", edges, _edge)
    ids = {node["id"] for node in nodes}
    for i, edge in enumerate(edges):
        if edge["source"] not in ids or edge["target"] not in ids:
            raise _Damaged(f"graph.edges[{i}]: an end is not a node of the graph")
    return extractions


def _each(where: str, items: list[Any], check: Callable[[Any], T]) -> list[T]:
    checked = []
    for i, item in enumerate(items):
        try:
            checked.append(check(item))
        except (ValidationError, TypeError) as error:
            raise _Damaged(f"{where}[{i}]: {_reason(error)}") from None
    return checked


def _edge(item: Any) -> None:
    if not isinstance(item, dict):
        raise TypeError("not an object")
    Edge.model_validate({k: v for k, v in item.items() if k != "key"})


def _reason(error: ValidationError | TypeError) -> str:
    if isinstance(error, TypeError):
        return str(error)
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def _mode_for(path: Path) -> int:
    """The permissions a rewritten graph keeps: the old file's, or for a new file those any
    new file gets (0666 less the umask), not the temporary file's private 0600."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def locked(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the saved graph at `path` for one read-modify-write: a second `load` of the same
    graph waits here (after `on_wait()`) until the first has written, so neither loses the
    other's documents. The lock is the kernel's (flock), so a killed holder releases it; the
    lock file `.NAME.lock` beside the graph stays, empty. Temporary files that a killed
    writer left are removed while the lock is held."""
    check_saved(path)  # a device or folder named as the graph gets no lock file beside it
    path = path.resolve()
    lock = path.parent / f".{path.name}.lock"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise GraphFileError(
            str(path), f"cannot lock the graph ({error.strerror})", "pass a writable --graph PATH"
        ) from error
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            stale.unlink(missing_ok=True)
        yield
    finally:
        os.close(fd)  # releases the lock


def write_json(path: Path, graph: nx.MultiDiGraph, extractions: list[DocExtraction]) -> None:
    """Write the graph and extractions in the JSON format, atomically; the same content
    gives the same bytes."""
    payload: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "graph": node_link(graph),
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
