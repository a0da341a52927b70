"""Shared fixtures: the spaCy pipeline, the seed articles, a graph loaded from them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from graph.ids import content_hash, make_id
from graph.model import Document, Segment, Source
from graph.temporal import parse_publication_date

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# The fuzz tests (test_fuzz.py): a bounded budget in every run, the same examples each time so
# that a failure is never a matter of luck; `--hypothesis-profile=deep` searches far wider.
settings.register_profile(
    "bounded", max_examples=60, deadline=None, database=None, derandomize=True
)
settings.register_profile("deep", max_examples=3000, deadline=None, database=None)


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("hypothesis_profile", None):
        settings.load_profile("bounded")


@pytest.fixture(scope="session")
def nlp() -> Any:
    from graph.extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def seed_docs(tmp_path: Path) -> Path:
    """A writable copy of the five sample articles."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The saved graph of all five seeds (loaded once per test session)."""
    from graph.pipeline import load

    path = tmp_path_factory.mktemp("graph") / "seeds.graph.db"
    load([str(SEEDS)], path, jobs=1)
    return path


@pytest.fixture
def tmp_graph(tmp_path: Path) -> Path:
    return tmp_path / "timeline.graph.db"


def one_segment_document(text: str, published: str = "2024-03-29") -> Document:
    """A plain-text document of `text` alone, published on `published` (a Friday)."""
    digest = content_hash(text.encode("utf-8"))
    source = Source(
        id=make_id("Source", digest),
        path="test.txt",
        content_hash=digest,
        published=parse_publication_date(published),
        format="text",
        words=len(text.split()),
    )
    segment = Segment(clean=0, original=0, length=len(text))
    return Document(source=source, text=text, segments=(segment,))


def graph_json(path: Path) -> str:
    """The saved graph at `path` as its JSON export: equal strings, equal graphs and ids."""
    from graph.export import to_json
    from graph.store import read_saved

    return to_json(read_saved(path, missing_ok=False).graph)


def graph_by_mentions(path: Path) -> tuple[dict[str, Any], list[tuple[str, ...]]]:
    """The saved graph at `path` with every Actor and Event id replaced by the mentions it
    resolves (and sources' paths and nodes' former ids left out): equal values, the same
    graph whatever ids the loads that made it kept."""
    import json

    from graph.store import read_saved
    from graph.store.sqlite import open_store

    graph = read_saved(path, missing_ok=False).graph
    with open_store(path) as store:
        mentions = store.identities().mentions
    key = {n: n for n in graph.nodes}
    grouped: dict[str, list[Any]] = {}
    for mention, node in mentions.items():
        grouped.setdefault(node, []).append(mention)
    key.update((node, json.dumps(sorted(found))) for node, found in grouped.items())
    nodes = {
        key[n]: {k: v for k, v in d.items() if k not in ("path", "former_ids")}
        for n, d in graph.nodes(data=True)
    }
    edges = sorted(
        (key[u], key[v], d["type"], d.get("role") or "") for u, v, d in graph.edges(data=True)
    )
    return nodes, edges


def restore(path: Path, content: bytes) -> None:
    """Put back a saved store's bytes, without the journal files of a later writer."""
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(content)
