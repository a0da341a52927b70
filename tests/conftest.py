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

    path = tmp_path_factory.mktemp("graph") / "seeds.graph.json"
    load([str(SEEDS)], path, jobs=1)
    return path


@pytest.fixture
def tmp_graph(tmp_path: Path) -> Path:
    return tmp_path / "timeline.graph.json"


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
